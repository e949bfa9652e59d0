import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// `cyberquote rates draft` and `rates diff` on brochure texts in a scratch directory: exit
/// statuses, the review on stderr and as JSON, and nothing written when the text is refused.
@Suite struct RatesDraftCommandTests {
  let directory: ScratchDirectory

  init() throws {
    directory = try ScratchDirectory("rates-draft")
  }

  func brochure(_ id: String) throws -> String { try BrochureTexts.text(try BrochureYear.catalog.program(id).source) }

  /// fukuoka-ishikai's next brochure: S1 at 30,260円, every date a year on.
  func nextFukuoka() throws -> String {
    try brochure("fukuoka-ishikai").replacingOccurrences(of: "29,380円", with: "30,260円")
      .replacingOccurrences(of: "2026年", with: "2027年").replacingOccurrences(of: "2025年", with: "2026年")
      .replacingOccurrences(of: "2026年3月14日(金)", with: "2026年3月13日(金)")
  }

  /// A figure split by a space: exit 1, and the review names it with its code, table, plan and
  /// line, in JSON as on stderr; the draft has no figure for the cell.
  @Test func aDoubtIsInTheReviewJSONWithItsCodeAndLines() throws {
    let text = try directory.write("split.txt", try brochure("fukuoka-ishikai").replacingOccurrences(of: "\t29,380円\t", with: "\t29, 380円\t"))
    let out = directory.url.appendingPathComponent("split.json").path
    let review = directory.url.appendingPathComponent("split-review.json").path
    let result = CLIHarness.run(["rates", "draft", "--program", "fukuoka-ishikai", text, "--out", out, "--review", review], variables: ["COLUMNS": "80"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("225行"))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: review))) as? [String: Any]
    let unresolved = json?["unresolved"] as? [[String: Any]] ?? []
    let split = unresolved.first { $0["code"] as? String == "split-figure" }
    #expect(split?["lines"] as? [Int] == [225] && split?["line"] as? Int == 225)
    #expect((split?["what"] as? String)?.contains("29, 380円") == true && split?["why"] is String)
    #expect(!(try String(contentsOfFile: out, encoding: .utf8)).contains(#"["S1", 29380]"#))
  }

  @Test func draftWritesABookThatChecksAndQuotesInItsPeriod() throws {
    let text = try directory.write("fukuoka-2026.txt", try nextFukuoka())
    let out = directory.url.appendingPathComponent("next.json").path
    let review = directory.url.appendingPathComponent("review.json").path
    let result = CLIHarness.run(["rates", "draft", "--program", "fukuoka-ishikai", text, "--out", out, "--review", review], variables: ["COLUMNS": "80"])
    // Every text the book shows as the brochure's is printed in it: nothing to resolve.
    #expect(result.status == 0)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("rates draft fukuoka-ishikai ← fukuoka-2026.txt\n保険料 100 件（変更 1・新規 0・削除 0）、条件の変更 3 件、要確認 0 件\n"))
    #expect(result.stderr.contains("次の手順:\n  cyberquote rates check --previous builtin "))
    #expect(result.stderr.contains("  clinic S1: 29,380円 → 30,260円 (+3.00%) 225行\n"))
    for line in result.stderr.split(separator: "\n") { #expect(Screen.width(of: String(line)) <= 80, "\(line)") }

    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: review))) as? [String: Any]
    #expect(json?["program"] as? String == "fukuoka-ishikai")
    #expect(json?["brochure"] as? String == "fukuoka-2026.txt")
    let figures = json?["figures"] as? [[String: Any]] ?? []
    #expect(figures.count == 100)
    let s1 = figures.first { $0["table"] as? String == "clinic" && $0["plan"] as? String == "S1" }
    #expect(s1?["old"] as? Int == 29380 && s1?["new"] as? Int == 30260 && s1?["line"] as? Int == 225 && s1?["printed"] as? String == "30,260円")
    #expect(s1?["column"] as? Int == 0)
    let changes = json?["changes"] as? [[String: Any]] ?? []
    #expect(changes.map { $0["field"] as? String } == ["period", "deadlines", "mid_term_joining"])
    #expect((changes.first?["new"] as? [String: Any])?["start"] as? String == "2026-05-05")
    #expect(changes.first?["line"] as? Int == 44)
    let unresolved = json?["unresolved"] as? [[String: Any]] ?? []
    #expect(unresolved.isEmpty)
    #expect(
      json?["next"] as? [String] == [
        "cyberquote rates check --previous builtin \(out)", "cyberquote rates diff builtin \(out)",
        "cyberquote verify --rates \(out) --date 2026-05-05 CHECKS.csv",
      ])
    let summary = json?["summary"] as? [String: Int]
    #expect(summary == ["read": 100, "changed": 1, "new": 0, "removed": 0, "terms_changed": 3, "unresolved": 0])

    #expect(CLIHarness.run(["rates", "check", "--strict", out]).status == 0)
    let quote = CLIHarness.run([
      "quote", "--rates", out, "--date", "2026-06-01", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S1", "--format", "json",
    ])
    #expect(quote.status == 0)
    #expect(quote.stdout.contains(#""premium": 30260"#))
  }

  /// The draft is checked against the book it was drafted from: a figure that moved more than
  /// ±15% (a misread, or a real jump the person should see) is warned of with its row.
  @Test func aLargeMoveFromTheTemplateIsWarned() throws {
    let text = try directory.write("fukuoka-2026.txt", try nextFukuoka().replacingOccurrences(of: "30,260円", with: "35,260円"))
    let result = CLIHarness.run(["rates", "draft", "--program", "fukuoka-ishikai", text, "--out", directory.url.appendingPathComponent("next.json").path])
    #expect(result.stderr.contains("表 clinic、プラン S1: 35,260円は前年の 29,380円から±15%を超えて変わっています"), "\(result.stderr)")
  }

  @Test func aBrochureWithNothingToResolveExitsZero() throws {
    let text = try directory.write("jhef.txt", try brochure("jhef"))
    let result = CLIHarness.run(["rates", "draft", "--program", "jhef", text])
    #expect(result.status == 0, "\(result.stderr)")
    let shown = CLIHarness.run(["rates", "show", "--program", "jhef"]).stdout
    #expect(result.stdout == shown.replacingOccurrences(of: "004_fe4bbad67cbe0973.txt", with: "jhef.txt"))
  }

  /// Empty, binary, unreadable or another program's text: exit 2, and `--out` and `--review`
  /// untouched.
  @Test(
    arguments: [
      ("empty.txt", Array("\n \n".utf8), "は空です"),
      ("binary.txt", [0x25, 0x50, 0x44, 0x46, 0x0A, 0x00, 0xFF], "の 2 行目はテキストではありません"),
      ("latin1.txt", Array("保険料\n".utf8) + [0xE9, 0x0A], "の 2 行目はテキストではありません"),
    ] as [(String, [UInt8], String)])
  func unreadableTextWritesNothing(_ name: String, _ bytes: [UInt8], _ message: String) throws {
    let path = directory.url.appendingPathComponent(name).path
    try #require(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    try expectRefused(path, message)
  }

  @Test func anotherProgramsBrochureWritesNothing() throws {
    let path = try directory.write("byoin.txt", try brochure("byoin-kyosaikai"))
    try expectRefused(path, "に fukuoka-ishikai の保険料表が見つかりません")
    try expectRefused(directory.url.appendingPathComponent("missing.txt").path, "を開けません")
    try expectRefused(directory.url.path, "は通常のファイルではありません")
    let large = directory.url.appendingPathComponent("large.txt").path
    try #require(FileManager.default.createFile(atPath: large, contents: Data(repeating: 0x41, count: (2 << 20) + 1)))
    try expectRefused(large, "はパンフレットのテキストとしては大きすぎます（上限 2 MiB）")
  }

  func expectRefused(_ path: String, _ message: String) throws {
    let out = try directory.write("out.json", "yesterday's draft\n")
    let review = try directory.write("review.json", "yesterday's review\n")
    let result = CLIHarness.run(["rates", "draft", "--program", "fukuoka-ishikai", path, "--out", out, "--review", review])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "yesterday's draft\n")
    #expect(try String(contentsOfFile: review, encoding: .utf8) == "yesterday's review\n")
  }

  // MARK: - diff

  @Test func diffListsEveryChangedCellAndTerm() throws {
    let text = try directory.write("fukuoka-2026.txt", try nextFukuoka())
    let next = directory.url.appendingPathComponent("next.json").path
    _ = CLIHarness.run(["rates", "draft", "--program", "fukuoka-ishikai", text, "--out", next])
    let same = CLIHarness.run([
      "rates", "diff", "builtin", try directory.write("same.json", CLIHarness.run(["rates", "show", "--program", "fukuoka-ishikai"]).stdout),
    ])
    #expect(same.status == 0)
    #expect(same.stdout.hasSuffix("違いはありません\n"))

    let result = CLIHarness.run(["rates", "diff", "builtin", next], variables: ["COLUMNS": "80"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("  clinic S1: 29,380円 → 30,260円 (+880円, +3.00%)\n"))
    #expect(result.stdout.contains(#"  period: {"start": "2025-05-05", "end": "2026-05-05", "time": "16:00"} →"#))
    for line in result.stdout.split(separator: "\n") { #expect(Screen.width(of: String(line)) <= 80, "\(line)") }

    let json = CLIHarness.run(["rates", "diff", "--format", "json", "builtin", next])
    #expect(json.status == 1)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["same"] as? Bool == false)
    let cells = object?["cells"] as? [[String: Any]] ?? []
    #expect(cells.count == 1)
    #expect(cells.first?["change"] as? Int == 880)
    #expect((cells.first?["percent"] as? NSNumber)?.doubleValue == 3)
    let terms = object?["terms"] as? [[String: Any]] ?? []
    #expect(terms.contains { $0["field"] as? String == "period" })
  }

  @Test func diffOfABrokenBookIsExitTwo() throws {
    let broken = try directory.write("broken.json", "{")
    let result = CLIHarness.run(["rates", "diff", "builtin", broken])
    #expect(result.status == 2)
    #expect(result.stdout == "")
  }

  /// Two programs' books are not two versions of one: exit 2 and nothing on stdout, unless --any.
  @Test func diffRefusesTwoProgramsUnlessAny() throws {
    let a = try directory.write("a.json", CLIHarness.run(["rates", "show", "--program", "fukuoka-ishikai"]).stdout)
    let b = try directory.write("b.json", CLIHarness.run(["rates", "show", "--program", "kumamoto-hokeni"]).stdout)
    let refused = CLIHarness.run(["rates", "diff", a, b])
    #expect(refused.status == 2 && refused.stdout.isEmpty)
    #expect(refused.stderr.contains("fukuoka-ishikai と kumamoto-hokeni は別の制度の料率です") && refused.stderr.contains("--any"))
    #expect(CLIHarness.run(["rates", "diff", "--any", a, b]).status == 1)
    // Column headers name a cell of several columns.
    let raised = try directory.write(
      "c.json", try String(contentsOfFile: a, encoding: .utf8).replacingOccurrences(of: #"["S1", 57720, 76220]"#, with: #"["S1", 57720, 78000]"#))
    #expect(CLIHarness.run(["rates", "diff", a, raised]).stdout.contains("hospital S1 100床: 76,220円 → 78,000円"))
  }

  /// A day between this year and next: the ended year's price says when the next starts; an
  /// application day inside the next period prices with the next year's book.
  @Test func aQuoteBetweenTwoYearsNamesTheNextAndTheApplicationDayPicksIt() throws {
    let fukuoka = try BrochureYear.catalog.program("fukuoka-ishikai")
    let july = CalendarDate(year: 2026, month: 7, day: 1)!
    let next = NextYear.program(after: fukuoka, period: Period(start: july, end: CalendarDate(year: 2027, month: 7, day: 1)!, time: "16:00"))
    let file = try directory.write("next-2026.json", RateFileEncoder.encode(next))
    let base = ["quote", "--rates", file, "--date", "2026-06-01", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4"]
    let between = CLIHarness.run(base)
    #expect(between.status == 0 && between.stdout.contains("55,880円"))
    #expect(between.stderr.contains("次の版（next-year-003_40390978eb5bc4ce.txt）は2026年7月1日からです"))
    let applied = CLIHarness.run(base + ["--apply-date", "2026-07-10"])
    #expect(applied.status == 0 && applied.stdout.contains("111,760円"))
    #expect(!applied.stderr.contains("次の版"))
  }
}
