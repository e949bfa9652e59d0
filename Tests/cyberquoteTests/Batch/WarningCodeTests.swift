import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// A row's warnings as short stable codes in CSV, each sentence once on stderr, `{code, message}`
/// in JSON lines, and `--strict` for a script that must not take a warned figure.
@Suite struct WarningCodeTests {
  static let list = """
    name,program,facility,plan,general_beds,capacity,security
    a,byoin-kyosaikai,hospital,S4,100,,-10
    b,byoin-kyosaikai,hospital,S4,10,,
    c,byoin-kyosaikai,roken,S2,,80,
    d,fukuoka-ishikai,clinic,S4,5,,
    e,fukuoka-ishikai,hospital,S1,70,,
    f,byoin-kyosaikai,hospital,S4,100,,-10

    """

  @Test func codesInTheCellSentencesOnceOnStderr() throws {
    let result = CLIHarness.run(["batch", "--date", "2026-01-15", "-"], stdin: Array(Self.list.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try CLIHarness.csvRows(Array(result.stdout.utf8))
    let codes = rows.dropFirst().map { $0.last ?? "" }
    #expect(
      codes == [
        "period-undated;estimate-security", "period-undated;hospital-under-20-beds", "period-undated;estimate-modified-count",
        "beds-not-priced", "estimate-fitted-model", "period-undated;estimate-security",
      ])
    // Every code is documented with its sentence.
    let doc = try String(contentsOf: PackageRoot.url.appendingPathComponent("docs/batch.md"), encoding: .utf8)
    for code in WarningCode.allCases { #expect(doc.contains("`\(code.rawValue)`"), "\(code.rawValue)") }
    // Each sentence once, naming the first row that said it.
    #expect(result.stderr.components(separatedBy: "[estimate-security]").count == 2)
    #expect(result.stderr.contains("警告 [estimate-security] （2行目ほか）: セキュリティー割増引▲10%を仮に適用した参考値です"))
    #expect(result.stderr.contains("警告 [hospital-under-20-beds] （3行目ほか）: 病院の病床数が 10 床です"))
    #expect(result.stderr.contains("警告 [beds-not-priced] （5行目ほか）: "))
    #expect(result.stderr.contains("、警告のある行 6行"))
  }

  /// Two counts left out of one row are one code, whichever path prices the row (decoded, or
  /// from its bytes after a row like it).
  @Test func aCodeStandsOnceInItsCell() throws {
    let csv = """
      name,program,facility,plan,general_beds,other_beds,capacity
      a,byoin-kyosaikai,roken,S3,499,20,120
      b,byoin-kyosaikai,roken,S3,5,,120
      c,byoin-kyosaikai,roken,S3,499,20,120

      """
    let result = CLIHarness.run(["batch", "-"], stdin: Array(csv.utf8))
    let codes = try CLIHarness.csvRows(Array(result.stdout.utf8)).dropFirst().map { $0.last ?? "" }
    #expect(codes == Array(repeating: "period-undated;count-not-used;estimate-modified-count", count: 3), "\(codes)")
  }

  @Test func jsonLinesCarryCodeAndMessage() throws {
    let result = CLIHarness.run(["batch", "--format", "jsonl", "--lang", "en", "-"], stdin: Array(Self.list.utf8))
    let first = try #require(result.stdout.split(separator: "\n").first)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
    let warnings = try #require(object["warnings"] as? [[String: String]])
    #expect(warnings.map { $0["code"] } == ["period-undated", "estimate-security"])
    #expect(warnings[1]["message"]?.hasPrefix("the security adjustment -10% is applied as typed") == true, "\(warnings)")
  }

  /// Priced in parts on two cores, the stderr says the same, first lines counted from the file's start.
  @Test func partsSayWhatOneRunSays() throws {
    let rows = (0..<400).map { i in i == 301 ? "x\(i),byoin-kyosaikai,hospital,S4,10,," : "x\(i),fukuoka-ishikai,clinic,S4,,," }
    let csv = "name,program,facility,plan,general_beds,capacity,security\n" + rows.joined(separator: "\n") + "\n"
    let file = try ParallelBatchTests.temporaryFile(Array(csv.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let one = CLIHarness.run(["batch", "--date", "2026-01-15", "-"], stdin: Array(csv.utf8))
    let two = CLIHarness.run(
      ["batch", "--date", "2026-01-15", file.path], variables: ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "700"])
    #expect(one.stdout == two.stdout)
    #expect(one.stderr.contains("[hospital-under-20-beds] （303行目ほか）"), "\(one.stderr)")
    #expect(two.stderr == one.stderr)
  }

  /// `--strict`: a warned row fails the run (exit 1), after every row is written; none, exit 0.
  @Test func strictFailsOnAnyWarning() throws {
    let warned = CLIHarness.run(["batch", "--strict", "--date", "2026-01-15", "-"], stdin: Array(Self.list.utf8))
    #expect(warned.status == 1 && warned.stderr.contains("（--strict: 終了コード 1）"))
    #expect(try CLIHarness.csvRows(Array(warned.stdout.utf8)).count == 7)
    let clean = "program,facility,plan\nfukuoka-ishikai,clinic,S4\n"
    #expect(CLIHarness.run(["batch", "--strict", "--date", "2026-01-15", "-"], stdin: Array(clean.utf8)).status == 0)
    #expect(CLIHarness.run(["batch", "--strict", "--date", "2026-12-07", "-"], stdin: Array(clean.utf8)).status == 1)
    let scratch = try ScratchDirectory("strict")
    let checks = try scratch.write("c.csv", "date,program,facility,plan,expected_premium\n2026-01-15,byoin-kyosaikai,clinic,S1,32640\n")
    #expect(CLIHarness.run(["verify", checks]).status == 0)
    let strict = CLIHarness.run(["verify", "--strict", "--lang", "en", checks])
    #expect(strict.status == 1 && strict.stdout.contains("--strict: warnings period-undated"), "\(strict.stdout)")
  }
}
