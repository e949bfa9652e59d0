import Foundation
import Testing

@testable import cyberquote

/// `cyberquote impact` on a small member list whose figures are checked by hand below.
@Suite struct ImpactTests {
  let newRates: String
  let members: String

  /// fukuoka-ishikai with three clinic premiums changed: S1 29,380 → 35,300 (+20.15%),
  /// S2 37,430 → 35,000 (−6.49%), S4 55,880 → 61,000 (+9.16%).
  init() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("impact-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let current = CLIHarness.run(["rates", "show", "--program", "fukuoka-ishikai"]).stdout
    let next =
      current
      .replacingOccurrences(of: #"["S1", 29380]"#, with: #"["S1", 35300]"#)
      .replacingOccurrences(of: #"["S2", 37430]"#, with: #"["S2", 35000]"#)
      .replacingOccurrences(of: #"["S4", 55880]"#, with: #"["S4", 61000]"#)
    newRates = directory.appendingPathComponent("fukuoka-next.json").path
    try next.write(toFile: newRates, atomically: true, encoding: .utf8)
    members = """
      会員名,制度,施設区分,プラン,一般病床数
      A医院,fukuoka-ishikai,診療所,S1,
      B医院,fukuoka-ishikai,診療所,S2,
      C医院,fukuoka-ishikai,診療所,S4,
      D病院,byoin-kyosaikai,病院,S4,120
      E医院,fukuoka-ishikai,診療所,S9,

      """
  }

  @Test func everyRowWithOldNewAndChange() {
    let result = CLIHarness.run(["impact", "--old", "builtin", "--new", newRates, "-"], stdin: Array(members.utf8))
    #expect(result.status == 1)  // E医院 has no such plan
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(
      lines.prefix(5) == [
        "会員名,制度,施設区分,プラン,一般病床数,old_premium,new_premium,change,change_pct,error",
        "A医院,fukuoka-ishikai,診療所,S1,,29380,35300,5920,20.15,",
        "B医院,fukuoka-ishikai,診療所,S2,,37430,35000,-2430,-6.49,",
        "C医院,fukuoka-ishikai,診療所,S4,,55880,61000,5120,9.16,",
        "D病院,byoin-kyosaikai,病院,S4,120,198140,198140,0,0.00,",
      ])
    #expect(lines[5].hasPrefix("E医院,fukuoka-ishikai,診療所,S9,,,,,,\"fukuoka-ishikai にプラン 'S9' はありません"))
    #expect(lines.count == 7 && lines[6] == "")
    // 320,830 → 329,440: +8,610 yen, +2.68%.
    #expect(
      result.stderr == """
        会員 5行: 両方で計算 4行、エラー 1行、保険料が変わる会員 3行
        保険料合計: 現行 320,830円 → 新 329,440円（+8,610円、+2.68%）
          変動幅  上昇  下降
          5%超       2     1
          10%超      1     0
          20%超      1     0
        警告のある行（保険期間終了・日付の記載なし・推定など）1行

        """)
  }

  @Test func textShowsTheSummaryOnly() {
    let result = CLIHarness.run(["impact", "--old", "builtin", "--new", newRates, "--format", "text", "--lang", "en", "-"], stdin: Array(members.utf8))
    #expect(result.status == 1)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        5 members: 4 priced under both, 1 failed, 3 with a changed premium
        Total premium: old 320,830 yen → new 329,440 yen (+8,610 yen, +2.68%)
          Change    Up  Down
          over 5%    2     1
          over 10%   1     0
          over 20%   1     0
        1 row with warnings (an ended or undated period, an estimate, …)

        """)
    // --strict fails on it.
    let strict = CLIHarness.run(
      ["impact", "--strict", "--old", "builtin", "--new", newRates, "--format", "text", "--lang", "en", "-"], stdin: Array(members.utf8))
    #expect(strict.stdout.contains("1 row with warnings (an ended or undated period, an estimate, …) (--strict: exit 1)"))
  }

  @Test func swappingTheSourcesReversesEveryChange() {
    let result = CLIHarness.run(["impact", "--old", newRates, "--new", "builtin", "-"], stdin: Array(members.utf8))
    #expect(result.stdout.contains("A医院,fukuoka-ishikai,診療所,S1,,35300,29380,-5920,-16.77,\n"))
    #expect(result.stderr.contains("+8,610") == false)
    #expect(result.stderr.contains("-8,610円、-2.61%"))
  }

  @Test func allRowsPricedExitsZero() {
    let clean = members.split(separator: "\n").filter { !$0.contains("S9") }.joined(separator: "\n") + "\n"
    let result = CLIHarness.run(["impact", "--old", "builtin", "--new", newRates, "-"], stdin: Array(clean.utf8))
    #expect(result.status == 0)
  }

  @Test(arguments: [
    (["impact", "--new", "builtin", "-"], "エラー: オプション '--old' が必要です"),
    (["impact", "--old", "builtin", "-"], "エラー: オプション '--new' が必要です"),
    (["impact", "--old", "builtin", "--new", "/nonexistent/rates.json", "-"], "エラー: 入力ファイル '/nonexistent/rates.json' を開けません"),
  ])
  func badUsageExitsTwo(_ arguments: [String], _ message: String) {
    let result = CLIHarness.run(arguments, stdin: Array(members.utf8))
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
  }

  /// An ASCII header and CP932 rows: the encoding found at the first row is the rows' (as batch).
  @Test func shiftJISRowsUnderAnASCIIHeader() throws {
    let text = "name,program,facility,plan\r\n①髙橋,fukuoka-ishikai,一般診療所,S4\r\n"
    let result = CLIHarness.run(["impact", "--old", "builtin", "--new", "builtin", "-"], stdin: Array(try #require(text.data(using: .shiftJIS))))
    #expect(result.status == 0)
    #expect(result.stdout.contains("①髙橋,fukuoka-ishikai,一般診療所,S4,55880,55880,0,0.00,"))
  }
}
