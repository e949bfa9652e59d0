import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// What a customer must be told on the page (保険業法 §294): each brochure's disclosures as
/// printed or said to be absent, the cases it does not pay outside its list, the cover the wishes
/// ask for, and a comparison whose every row names its program in the order the page claims.
@Suite struct ProposalDisclosureTests {
  func page(_ arguments: [String]) throws -> (ProposalTests.Elements, String) {
    let result = CLIHarness.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return (try ProposalTests().parse(result.stdout), result.stdout)
  }

  static let fukuoka = ["proposal", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4"]

  /// 003 prints every kind: each row holds the rate book's sentences, in its order, and its
  /// headings without the file's short name.
  @Test func fukuokasDisclosuresAsPrinted() throws {
    let (page, html) = try page(Self.fukuoka)
    let program = try BrochureYear.catalog.program("fukuoka-ishikai")
    let rows = page.all.filter { $0.name == "tr" && $0.attributes["data-kind"] != nil }
    #expect(rows.map { $0.attributes["data-kind"] ?? "" } == ["duty_of_disclosure", "duty_to_notify", "cooling_off", "protection_fund", "privacy"])
    for row in rows {
      #expect(row.attributes["data-printed"] == "true")
      let kind = try #require(Conditions.ImportantMatter.Kind(rawValue: row.attributes["data-kind"] ?? ""))
      let printed = program.conditions.importantMatters(kind)
      #expect(!printed.isEmpty)
      for matter in printed { #expect(row.text.contains(matter.text), "\(matter.text)") }
    }
    #expect(html.contains("営業または事業のためのご契約はクーリングオフの対象とはなりません。"))
    #expect(html.contains("パンフレット 17. ●告知義務(ご契約締結における注意事項)"))
    #expect(!html.contains("パンフレット 003 "))
    #expect(!page.all.contains { $0.attributes["class"] == "tool-note" })
    // Outside the list: fines, settlement negotiation, the 加入者証, shared records.
    let notPaid = page.all.filter { $0.name == "li" && $0.attributes["data-source"] != nil }.map(\.text)
    #expect(notPaid == program.conditions.importantMatters(.notPaid).map(\.text))
    #expect(notPaid.contains("この保険では、保険会社が被保険者に代わり示談交渉を行うことはできません。"))
    #expect(notPaid.contains { $0.hasPrefix("※法令違反などによる罰金については") })
  }

  /// 「など」 stands once after each part the brochure ends with it, after its last item only.
  @Test func nadoClosesAPartNotEachItem() throws {
    let (page, _) = try page(Self.fukuoka)
    let program = try BrochureYear.catalog.program("fukuoka-ishikai")
    let parts = try #require(program.conditions.exclusions?.parts)
    let items = page.all.filter { $0.name == "li" && $0.attributes.isEmpty }.map(\.text)
    for part in parts {
      for (k, item) in part.items.enumerated() {
        let shown = try #require(items.first { $0.hasPrefix(item) }, "\(item)")
        #expect(shown.hasSuffix("　など") == (part.more && k == part.items.count - 1), "\(shown)")
      }
    }
  }

  /// 002 prints none of them: each says so, and the tool names what to read, as its own words.
  @Test func aBrochureThatPrintsNoneSaysSo() throws {
    let (page, _) = try page(["proposal", "--program", "kumamoto-hokeni", "--facility", "clinic", "--plan", "A"])
    let rows = page.all.filter { $0.name == "tr" && $0.attributes["data-kind"] != nil }
    #expect(rows.count == 5 && rows.allSatisfy { $0.attributes["data-printed"] == "false" && $0.text.hasSuffix("パンフレットに記載なし") })
    let note = try #require(page.all.first { $0.attributes["class"] == "tool-note" })
    #expect(note.text.hasPrefix("（本ツールによる説明）") && note.text.contains("重要事項説明書"))
    #expect(note.text.contains("告知義務・通知義務・クーリングオフ・保険契約者保護機構・個人情報の取扱い"))
    // 000 prints its privacy consent only.
    let kagoshima = try ProposalTests().parse(CLIHarness.run(["proposal", "--program", "kagoshima-ikyo", "--facility", "clinic", "--plan", "S1"]).stdout)
    let printed: [String?] = kagoshima.all.filter { $0.name == "tr" && $0.attributes["data-printed"] == "true" }.map { $0.attributes["data-kind"] }
    #expect(printed == ["privacy"])
  }

  @Test func inEnglishTheKindsAreNamed() throws {
    let (page, _) = try page(Self.fukuoka + ["--lang", "en"])
    #expect(page.all.contains { $0.name == "h2" && $0.text == "Matters the customer must be told (as the brochure prints them)" })
    #expect(page.all.contains { $0.name == "th" && $0.text == "Cooling-off (クーリングオフ)" })
    #expect(page.all.contains { $0.text == "Conditions printed outside the list" })
  }

  /// A proposed plan not printed as covering what the wishes ask for is refused, naming the flag
  /// and the cover; one that is, is said so beside the wishes.
  @Test func theCoverTheWishesAskFor() throws {
    let byoin = ["proposal", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100", "--wish", "診療停止に備えたい"]
    let refused = CLIHarness.run(byoin + ["--plan", "S4", "--wish-cover", "business-interruption"])
    #expect(refused.status == 2 && refused.stdout.isEmpty)
    #expect(refused.stderr.contains("'--wish-cover': ご提案の byoin-kyosaikai S4 は、ご意向の補償（喪失利益・利益損害）があるとパンフレットに記載されていません"), "\(refused.stderr)")
    // T is on request, and still proposed for its cover; the JSON key's spelling is accepted.
    let (page, _) = try page(byoin + ["--plan", "T4", "--wish-cover", "cyber_attack,business-interruption"])
    let line = try #require(page.all.first { $0.attributes["class"] == "wish-cover" })
    #expect(line.attributes["data-cover"] == "cyber-attack,business-interruption")
    #expect(line.text == "ご意向の補償: サイバー攻撃・喪失利益・利益損害　— ご提案のT4は、いずれもパンフレットに補償すると記載されています")
    let unknown = CLIHarness.run(byoin + ["--wish-cover", "ransome"])
    #expect(unknown.status == 2 && unknown.stderr.contains("'ransom'"), "\(unknown.stderr)")
  }

  /// Every compared row names its program (a table broken across pages keeps it); sorted by
  /// premium, the rows are in that order and the page says so; the record lists them the same way.
  @Test func everyComparedRowNamesItsProgramInThePagesOrder() throws {
    let directory = try ScratchDirectory("proposal-order")
    let record = directory.url.appendingPathComponent("record.json").path
    let base = [
      "proposal", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100", "--compare", "--min-liability", "1億",
      "--reason", "病院賠償責任保険に加入済みのため", "--plan", "S4",
    ]
    for sorted in [false, true] {
      let (page, html) = try page(base + (sorted ? ["--sort", "premium"] : []) + ["--record", record])
      let rows = page.all.filter { $0.name == "tr" && $0.attributes["data-program"] != nil }
      #expect(rows.count > 4)
      for row in rows {
        let program = try BrochureYear.catalog.program(row.attributes["data-program"] ?? "")
        #expect(row.text.hasPrefix(Wording.programTitle(program)))
      }
      let premiums = rows.compactMap { Int64($0.attributes["data-premium"] ?? "") }
      #expect((premiums == premiums.sorted()) == sorted || !sorted)
      #expect(html.contains("保険料の安い順") == sorted)
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as? [String: Any]
      let compared = json?["comparison"] as? [[String: Any]] ?? []
      #expect(
        compared.map { "\($0["program"] ?? "") \($0["plan"] ?? "")" }
          == rows.map { "\($0.attributes["data-program"] ?? "") \($0.attributes["data-plan"] ?? "")" })
      #expect(compared.compactMap { $0["premium"] as? Int }.map(Int64.init) == premiums)
    }
  }

  /// The customer and the agency at the top of every printed page, the title and n / N at the
  /// bottom; the names as CSS strings that nothing in them can end.
  @Test func everyPrintedPageSaysWhoseItIsAndWhere() throws {
    let (_, html) = try page(Self.fukuoka + ["--to", "山田医院", "--from", "○○保険代理店"])
    #expect(html.contains("@top-left { content: \"山田医院 御中\"; }"))
    #expect(html.contains("@top-right { content: \"○○保険代理店\"; }"))
    #expect(html.contains("@bottom-right { content: counter(page) \" / \" counter(pages); }"))
    #expect(html.contains("@bottom-left { content: \"御見積書 — 公益社団法人 福岡県医師会 医療機関用サイバー保険\"; }"))
    let escaped = ProposalPage.cssString("a\"b\\c</style>\n{x};")
    #expect(escaped == "\"a\\22 b\\5c c\\3c /style\\3e \\a \\7b x\\7d \\3b \"")
    // No agency field the brochure does not print: 001 names no 取扱代理店.
    let byoin = try ProposalTests().parse(CLIHarness.run(["proposal", "--program", "byoin-kyosaikai", "--facility", "clinic", "--plan", "S1"]).stdout)
    #expect(!byoin.all.contains { $0.name == "th" && $0.text == "取扱代理店" })
  }

  /// The group page: each program's conditions once, a 12回払 row marked, and the total saying
  /// how such rows and ended periods enter it.
  @Test func aGroupPageStatesEachProgramAndHowTheTotalIsMade() throws {
    let scratch = try ScratchDirectory("proposal-group")
    let members = try scratch.write(
      "group.csv",
      """
      施設名,制度,施設区分,プラン
      山田医院,fukuoka-ishikai,診療所,S4
      鹿児島医院,kagoshima-ikyo,診療所,S1

      """)
    let (page, html) = try page(["proposal", "--members", members])
    let kagoshima = try #require(page.all.first { $0.name == "tr" && $0.text.hasPrefix("鹿児島医院") })
    #expect(kagoshima.text.contains("・12回払（1回分 2,600円）") && kagoshima.attributes["data-premium"] == "31200")
    let total = try #require(page.all.first { $0.name == "tr" && $0.attributes["class"] == "total" })
    #expect(total.text.contains("分割払の施設 1件は1回分×回数の年額で含みます"))
    // kagoshima-ikyo prints no dates; fukuoka-ishikai's period is in force on the harness's day.
    #expect(total.text.contains("保険期間終了または日付の記載のない料率による施設 1件を含みます"))
    let programs = page.all.filter { $0.name == "section" && $0.attributes["class"] == "program" }.map { $0.attributes["data-program"] }
    #expect(programs == ["fukuoka-ishikai", "kagoshima-ikyo"])
    #expect(html.contains("ご契約にあたっての重要事項（パンフレットの記載） — 鹿児島県医師協同組合"))
    #expect(html.contains("保険金をお支払いできない主な場合 — 公益社団法人 福岡県医師会"))
  }
}
