import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import cyberquote

/// `cyberquote verify` on rates/checks/ and on deliberately broken copies.
@Suite struct VerifyTests {
  let directory: URL
  static let checks = PackageRoot.url.appendingPathComponent("rates/checks").path

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  func write(_ name: String, _ text: String) throws -> String {
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// A row that expects nothing, or a file with no rows, would pass without checking anything.
  @Test(arguments: [
    (
      "empty.csv", "program,facility,plan,expected_premium\nfukuoka-ishikai,clinic,S4,55880\nfukuoka-ishikai,clinic,S1,\n",
      "empty.csv: 3行目の expected_premium が空です。期待値を書くか、その列を除いてください"
    ),
    (
      "blank.csv", "program,facility,plan,expected_premium,expected_basis\nfukuoka-ishikai,clinic,S4,55880,\u{3000}\n",
      "blank.csv: 2行目の expected_basis が空です"
    ),
    ("short.csv", "program,facility,plan,expected_premium\nfukuoka-ishikai,clinic,S4\n", "short.csv: 2行目の expected_premium が空です"),
    ("header-only.csv", "program,facility,plan,expected_premium\n", "header-only.csv: 照合する行がありません"),
  ])
  func aRowOrFileThatChecksNothingIsAnInputError(_ name: String, _ text: String, _ message: String) throws {
    let path = try write(name, text)
    let result = CLIHarness.run(["verify", path])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  /// A FIFO or a device is refused at once: opening a FIFO would wait for a writer forever.
  @Test func aFIFOOrDeviceIsRefusedAtOnce() throws {
    let fifo = directory.appendingPathComponent("checks.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    for path in [fifo, "/dev/null"] {
      let result = CLIHarness.run(["verify", path])
      #expect(result.status == 2)
      #expect(result.stderr.contains("'\(path)' は通常のファイルではありません"), "\(result.stderr)")
      let rates = CLIHarness.run(["quote", "--rates", path, "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4"])
      #expect(rates.status == 2)
      #expect(rates.stdout == "")
    }
  }

  @Test func theProjectsOwnChecksPass() {
    let n = BrochureFigure.all.count
    let result = CLIHarness.run(["verify", Self.checks])
    #expect(result == CLIResult(stdout: "照合 \(n)行、一致 \(n)行、不一致 0行\n", stderr: "", status: 0))
    let english = CLIHarness.run(["verify", "--lang", "en", Self.checks])
    #expect(english == CLIResult(stdout: "\(n) checked, \(n) passed, 0 failed\n", stderr: "", status: 0))
  }

  /// Check files saved by Japanese Excel (CP932) are read as batch reads member lists.
  @Test func aShiftJISCheckFileIsDetectedOrForced() throws {
    let text = "source,program,facility,plan,expected_premium\r\n①髙橋,fukuoka-ishikai,一般診療所,S4,55880\r\n"
    let path = directory.appendingPathComponent("sjis.csv").path
    try Data(try #require(text.data(using: .shiftJIS))).write(to: URL(fileURLWithPath: path))
    for arguments in [[], ["--encoding", "cp932"]] {
      let result = CLIHarness.run(["verify"] + arguments + [path])
      #expect(result == CLIResult(stdout: "照合 1行、一致 1行、不一致 0行\n", stderr: "", status: 0), "\(arguments)")
    }
  }

  /// A row whose figures differ is one failure with every value, the rate file and the cells
  /// they came from, on one line whatever the terminal's width.
  @Test func aWrongFigureIsOneFailureNamingItsRateFileAndCell() throws {
    let original = try String(contentsOfFile: Self.checks + "/003-fukuoka-ishikai.csv", encoding: .utf8)
    let broken = original.replacingOccurrences(
      of: "S1,2026-01-15,fukuoka-ishikai,clinic,S1,,,,,29380,29380,published", with: "S1,2026-01-15,fukuoka-ishikai,clinic,S1,,,,,29390,29380,estimate")
    #expect(broken != original)
    let path = try write("003-broken.csv", broken)
    for columns in [[:], ["COLUMNS": "40"]] {
      let result = CLIHarness.run(["verify", "--lang", "en", path], variables: columns)
      #expect(result.status == 1)
      #expect(
        result.stdout.hasPrefix(
          """
          \(path):2: 003 10. <1> 一般医院・診療所 S1: premium expected 29390, got 29380; basis expected estimate, got published \
          (rates/fukuoka-ishikai.json; table clinic, row S1, column 年間保険料(1施設あたり))

          """), "\(columns)")
      #expect(result.stdout.hasSuffix("checked, 99 passed, 1 failed\n"))
    }
    // In Japanese throughout, by default.
    let japanese = CLIHarness.run(["verify", path], variables: ["COLUMNS": "40"])
    #expect(
      japanese.stdout.hasPrefix(
        "\(path):2: 003 10. <1> 一般医院・診療所 S1: 保険料 期待値 29390、計算値 29380；根拠 期待値 estimate、計算値 published"
          + "（rates/fukuoka-ishikai.json、表 clinic・S1 行・「年間保険料(1施設あたり)」列）\n"))
    #expect(japanese.stdout.hasSuffix("一致 99行、不一致 1行\n"))
    #expect(!japanese.stdout.contains("expected"))
  }

  /// The cells named are those the counts used: one printed example, both when the figure lies
  /// between them, the general-bed rate alone, and an option's premium after its plan's.
  @Test(arguments: [
    ("fukuoka-ishikai,hospital,S4,100,,", "table hospital, row S4, column 100床)"),
    ("fukuoka-ishikai,hospital,S4,70,,", "table hospital, row S4, column 50床; table hospital, row S4, column 100床)"),
    ("byoin-kyosaikai,hospital,S4,100,,", "(rates/byoin-kyosaikai.json; table hospital, row S4, column 一般病床)"),
    ("kumamoto-hokeni,clinic,A,,,a", "table base, row A, column 基本プラン保険料; table options, row a, column premium)"),
  ])
  func aMismatchNamesTheCellsTheCountsUsed(_ row: String, _ cells: String) throws {
    let path = try write("cells.csv", "program,facility,plan,general_beds,other_beds,option,expected_premium\n\(row),1\n")
    let result = CLIHarness.run(["verify", "--lang", "en", path])
    #expect(result.status == 1)
    #expect(result.stdout.split(separator: "\n").first?.hasSuffix(cells) == true, "\(result.stdout)")
  }

  @Test func anUnpriceableRowFailsWithItsReason() throws {
    let path = try write(
      "mixed.csv",
      "source,program,facility,plan,general_beds,expected_premium,note\nok,fukuoka-ishikai,clinic,S4,,55880,\nT plan,byoin-kyosaikai,hospital,T3,10,1,profit-based\n"
    )
    let result = CLIHarness.run(["verify", path, "--lang", "en"])
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        \(path):3: T plan (profit-based): cannot be priced: byoin-kyosaikai T3 for a hospital is quoted on request: T1〜T7の保険料はご申告いただく営業利益と経常費によって異なります（パンフレットに保険料の記載なし）
        2 checked, 1 passed, 1 failed

        """)
  }

  @Test func noExpectationColumnIsExitTwo() throws {
    let path = try write("plain.csv", "program,facility,plan\nfukuoka-ishikai,clinic,S4\n")
    let result = CLIHarness.run(["verify", path])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("エラー: \(path): 期待値の列がありません（見出し: program, facility, plan）。必要な列: expected_premium"))
  }

  @Test func unreadableInputsAreExitTwo() throws {
    for arguments in [["verify"], ["verify", "/nonexistent/checks"], ["verify", directory.path]] {
      let result = CLIHarness.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stdout == "", "\(arguments)")
    }
  }

  @Test func junitCountsMatchTheReport() throws {
    let original = try String(contentsOfFile: Self.checks + "/001-byoin-kyosaikai.csv", encoding: .utf8)
    var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Break two figures: change the expected premium of rows 2 and 5.
    for i in [1, 4] {
      var cells = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      cells[8] = String((Int(cells[8]) ?? 0) + 10)
      lines[i] = cells.joined(separator: ",")
    }
    _ = try write("001.csv", lines.joined(separator: "\n"))
    _ = try write("000.csv", try String(contentsOfFile: Self.checks + "/000-kagoshima-ikyo.csv", encoding: .utf8))
    let junit = directory.appendingPathComponent("out/verify.xml")
    try FileManager.default.createDirectory(at: junit.deletingLastPathComponent(), withIntermediateDirectories: true)
    let result = CLIHarness.run(["verify", "--lang", "en", "--junit", junit.path, directory.path])
    #expect(result.status == 1)
    let summary = try #require(result.stdout.split(separator: "\n").last)
    let parts = summary.split(separator: " ").compactMap { Int($0) }
    #expect(parts.count == 3 && parts[2] == 2)

    final class Counter: NSObject, XMLParserDelegate {
      var suites = 0, cases = 0, failures = 0
      func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "testsuite": suites += 1
        case "testcase": cases += 1
        case "failure": failures += 1
        default: break
        }
      }
    }
    let parser = XMLParser(data: try Data(contentsOf: junit))
    let counter = Counter()
    parser.delegate = counter
    #expect(parser.parse())
    #expect(counter.suites == 2)
    #expect(counter.cases == parts[0])
    #expect(counter.failures == parts[2])
  }
}
