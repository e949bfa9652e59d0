import Foundation
import TestSupport
import Testing

@testable import cyberquote

/// `compare` rows carry what makes them comparable, as each brochure states it: the period,
/// the printed figures' own conditions (payment mode, discounts), shared or separate limits,
/// the kinds of cover, and what the insurer still sets.
@Suite struct CompareFactsTests {
  static let hospital = ["compare", "--facility", "hospital", "--general-beds", "120", "--date", "2026-12-06"]

  @Test(arguments: [false, true])
  func eachProgramSaysWhatItsFiguresAre(_ cheapestFirst: Bool) {
    let result = CLIHarness.run(Self.hospital + (cheapestFirst ? ["--sort", "premium"] : []))
    #expect(result.status == 0)
    let out = result.stdout
    // Periods: undated (001) and ended (002, 003).
    #expect(out.contains("日付の記載なし（保険期間1年）。パンフレットに日付の記載がないため"))
    #expect(out.contains("2025年5月5日 16:00～2026年5月5日 16:00（終了）"))
    // The figures' conditions as printed, and separate limits (002).
    #expect(out.contains("保険料の条件: (保険期間1年 団体割引20%適用 一括払)"))
    #expect(out.contains("保険料の条件: 過去の事故歴による割引率：50%を適用しています"))
    #expect(out.contains("賠償損害と費用損害の支払限度額を別枠としています"))
    // P is 情報漏えい限定, with no cyber-attack cover (003 7.).
    #expect(out.contains("P＝情報漏えい限定プラン"))
    #expect(out.contains("P: 事故種類 サイバー攻撃 ×、情報漏えい またはそのおそれ ○"))
  }

  /// 003 sets hospital premiums from beds and the 告知内容: never "no adjustment".
  @Test func fukuokaHospitalsAreNeverWithoutAdjustment() {
    let out = CLIHarness.run(Self.hospital + ["--security", "10"]).stdout
    // Each program's part of the screen: from its id to the next program's.
    func section(_ id: String) -> String {
      let after = out.components(separatedBy: "(\(id))").dropFirst().joined(separator: "(\(id))")
      let next = BrochureYear.ids.filter { $0 != id }.compactMap { after.range(of: "(\($0))")?.lowerBound }.min()
      return next.map { String(after[..<$0]) } ?? after
    }
    let fukuoka = section("fukuoka-ishikai")
    #expect(fukuoka.contains("セキュリティー割増引の率は記載なし（保険料は告知内容により保険会社が算出）"))
    #expect(!fukuoka.contains("適用なし"))
    // The figures adjusted: the brochure's statement of 0% is not shown beside them.
    let byoin = section("byoin-kyosaikai")
    #expect(!byoin.contains("(セキュリティー割増引0%)"))
    #expect(byoin.contains("表の保険料は入力の割増引を仮に適用した推定"))
  }

  /// A clinic list cheapest first: kagoshima-ikyo's figure is 12 × its printed installment.
  @Test func installmentsStandBesideLumpSums() {
    let out = CLIHarness.run(["compare", "--facility", "clinic", "--sort", "premium"]).stdout
    #expect(out.contains("保険料の条件: <保険期間1年、団体割引15%、告知書割引なし、12回払の場合>"))
    #expect(out.contains("1回分掲載×12"))
  }

  /// `--sort premium` in JSON: every priced entry cheapest first, then the rest in their order.
  @Test func jsonCheapestFirst() throws {
    let out = CLIHarness.run(["compare", "--facility", "clinic", "--sort", "premium", "--format", "json"]).stdout
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    let premiums = entries.map { ($0["premium"] as? NSNumber)?.int64Value }
    let priced = premiums.prefix { $0 != nil }.compactMap { $0 }
    #expect(priced.count > 10 && priced == priced.sorted())
    #expect(premiums.dropFirst(priced.count).allSatisfy { $0 == nil })
  }
}

/// Cheapest first, a plan with narrower cover never stands without its mark; `--cover` keeps
/// only plans printed as covering the kind.
@Suite struct CompareCoverTests {
  static let clinic = ["compare", "--facility", "有床診療所", "--general-beds", "19", "--min-liability", "1億", "--sort", "premium"]

  @Test func theCheapestLeakOnlyPlanCarriesItsMark() {
    let out = CLIHarness.run(Self.clinic, variables: ["COLUMNS": "80"]).stdout
    let rows = Self.rows(out)
    let p4 = rows.first { $0.contains("fukuoka-ishikai") && $0.contains(" P4 ") }
    #expect(p4?.hasSuffix("掲載 攻撃× 会員") == true, "\(p4 ?? "no row")")
    // Price conditions too: kumamoto's prices are for members and include its claims discount.
    #expect(rows.first { $0.contains("kumamoto-hokeni") && $0.contains(" B ") }?.hasSuffix("掲載 身代金× 別枠 会員 割引込") == true)
    #expect(rows.first { $0.contains("kagoshima-ikyo") && $0.contains(" S4 ") }?.hasSuffix("1回分掲載×12 12回払") == true)
    #expect(rows.first { $0.contains("byoin-kyosaikai") && $0.contains(" S4 ") }?.hasSuffix("掲載 基本契約") == true)
    #expect(out.contains("  攻撃×: サイバー攻撃は補償の対象外とパンフレットに記載\n"))
    #expect(out.contains("  会員: 団体の会員であることが加入の条件とパンフレットに記載\n"))
    #expect(out.split(separator: "\n").allSatisfy { Screen.width(of: String($0)) <= 80 })
  }

  /// Each row with the marks wrapped under it put back on it.
  static func rows(_ out: String) -> [String] {
    var rows: [String] = []
    for line in out.split(separator: "\n").map(String.init) {
      if line.hasPrefix(String(repeating: " ", count: 40)), let last = rows.popLast() {
        rows.append(last + " " + line.drop { $0 == " " })
      } else {
        rows.append(line)
      }
    }
    return rows
  }

  @Test func coverNarrowsTheComparison() throws {
    let out = CLIHarness.run(Self.clinic + ["--cover", "cyber-attack"]).stdout
    #expect(!out.contains(" P4 ") && out.contains(" S4 "))
    let json = CLIHarness.run(["compare", "--facility", "clinic", "--cover", "cyber-attack,information-leak", "--format", "json"]).stdout
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let priced = rows.filter { $0["status"] as? String == "priced" }
    #expect(!priced.isEmpty)
    #expect(priced.allSatisfy { ($0["coverage"] as? [String: Any])?["cyber_attack"] as? Bool == true })
    #expect(priced.allSatisfy { ($0["coverage"] as? [String: Any])?["information_leak"] as? Bool == true })
    // Not printed is not covered for a narrowing: byoin-kyosaikai and kumamoto-hokeni print no
    // word on leaks, fukuoka-ishikai's P no cyber-attack cover.
    #expect(Set(priced.compactMap { $0["program"] as? String }) == ["fukuoka-ishikai", "kagoshima-ikyo"])
    #expect(!priced.contains { ($0["plan"] as? String)?.hasPrefix("P") == true })
    let bad = CLIHarness.run(Self.clinic + ["--cover", "cyber-atack"])
    #expect(bad.status == 2 && bad.stderr.contains("'cyber-attack'"))
  }

  /// An ended period is on the row, not only on stderr; a program the facility cannot join is
  /// not warned of.
  @Test func anEndedPeriodIsOnTheRow() {
    let result = CLIHarness.run(Self.clinic + ["--date", "2026-06-01"], variables: ["COLUMNS": "200"])
    let p4 = Self.rows(result.stdout).first { $0.contains("fukuoka-ishikai") && $0.contains(" P4 ") }
    #expect(p4?.hasSuffix("攻撃× 会員 期間終了") == true, "\(p4 ?? "no row")")
    #expect(result.stdout.contains("  期間終了: 保険期間が終了した版の保険料"))
    #expect(!result.stderr.contains("jhef"))
    #expect(result.stderr.contains("fukuoka-ishikai の保険期間"))
  }
}

/// `programs` answers each facility as `plans` and `quote` do.
@Suite struct ProgramsFacilityTests {
  @Test func aFacilityReadIntoTheBrochuresWordsIsPriced() {
    let out = CLIHarness.run(["programs", "--program", "kumamoto-hokeni"], variables: ["COLUMNS": "200"]).stdout
    let dental = out.split(separator: "\n").first { $0.contains("歯科診療所") }
    #expect(dental?.contains("基本プラン保険料（本ツールの読み方: ") == true, "\(dental ?? "no line")")
    #expect(!out.contains("保険料表なし"))
  }

  /// kagoshima-ikyo prints no eligibility rule: a service business is refused by the brochure's
  /// title, said so, never by a rule 「記載なし」.
  @Test func aRefusalWithoutAPrintedRuleSaysWhatItRestsOn() {
    let out = CLIHarness.run(["programs", "--program", "kagoshima-ikyo"], variables: ["COLUMNS": "200"]).stdout
    let line = out.split(separator: "\n").first { $0.contains("医療関連サービス事業者") }
    #expect(line?.contains("加入資格なし（パンフレットの題名「医療機関用団体サイバー保険」による。加入資格の記載なし）") == true, "\(line ?? "no line")")
  }
}

/// kagoshima-ikyo prints only the installment: the default menu shows it beside the year.
@Suite struct InstallmentMenuTests {
  @Test func thePrintedInstallmentIsOnTheDefaultMenu() {
    let out = CLIHarness.run(["plans", "--program", "kagoshima-ikyo", "--facility", "clinic"], variables: ["COLUMNS": "80"]).stdout
    let s1 = out.split(separator: "\n").first { $0.hasPrefix("  S1 ") }
    #expect(s1?.hasSuffix("31,200円  1回分 2,600円 掲載×12") == true, "\(s1 ?? "no row")")
  }
}
