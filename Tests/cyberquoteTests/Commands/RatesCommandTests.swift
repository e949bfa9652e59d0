import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// `cyberquote rates show|check` on real files in a scratch directory.
@Suite struct RatesCommandTests {
  let directory: ScratchDirectory

  init() throws {
    directory = try ScratchDirectory("rates")
  }

  func write(_ name: String, _ text: String) throws -> String { try directory.write(name, text) }

  @Test func showWritesEachBuiltInProgramAsItsRateFile() throws {
    for id in BrochureYear.ids {
      // The tests' pinned book, as `rates show` writes the catalog's.
      let shown = CLIHarness.run(["rates", "show", "--program", id])
      let file = BrochureYear.bookText(id)
      #expect(shown == CLIResult(stdout: file, stderr: "", status: 0), "\(id)")
    }
  }

  /// With next year's book beside this year's, `--date` picks the version shown.
  @Test func showWritesTheVersionInForceOnTheDate() throws {
    let next = NextYear.program(after: try BrochureYear.catalog.program("fukuoka-ishikai"))
    let path = try write("fukuoka-ishikai@2026-05-05.json", RateFileEncoder.encode(next))
    let shown = { (date: String) in
      CLIHarness.run(["rates", "show", "--program", "fukuoka-ishikai", "--rates", path, "--date", date], catalog: BrochureYear.booksAlone).stdout
    }
    #expect(shown("2026-06-01") == RateFileEncoder.encode(next))
    #expect(shown("2026-05-04") == RateFileEncoder.encode(try BrochureYear.catalog.program("fukuoka-ishikai")))
  }

  /// Bytes that are not UTF-8 would reach the page as U+FFFD: an error naming file and line. A
  /// BOM, as Windows editors write, is accepted.
  @Test func aRateFileMustBeUTF8AndMayStartWithABOM() throws {
    let shown = Array(CLIHarness.run(["rates", "show", "--program", "jhef"]).stdout.utf8)
    let cp932 = directory.url.appendingPathComponent("jhef-cp932.json").path
    let marker = Array("個別見積り".utf8)
    let at = try #require((0...(shown.count - marker.count)).first { Array(shown[$0..<($0 + marker.count)]) == marker })
    try Data(shown[..<at] + [0x8C, 0xC2] + shown[(at + marker.count)...]).write(to: URL(fileURLWithPath: cp932))
    let line = shown[..<at].filter { $0 == UInt8(ascii: "\n") }.count + 1
    for arguments in [["rates", "check", cp932], ["quote", "--rates", cp932, "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4"]] {
      let result = CLIHarness.run(arguments)
      #expect(result.status == 2)
      #expect(result.stdout == "")
      #expect(result.stderr.hasPrefix("エラー: 料率ファイル \(cp932):\(line): UTF-8 ではないバイトがあります"), "\(result.stderr)")
    }
    let bom = directory.url.appendingPathComponent("jhef-bom.json").path
    try Data([0xEF, 0xBB, 0xBF] + shown).write(to: URL(fileURLWithPath: bom))
    #expect(CLIHarness.run(["rates", "check", bom]).status == 0)
  }

  @Test func aShownProgramChecksClean() throws {
    let path = try write("fukuoka-ishikai-copy.json", CLIHarness.run(["rates", "show", "--program", "fukuoka-ishikai"]).stdout)
    let result = CLIHarness.run(["rates", "check", path, "--lang", "en"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("\(path)\n  fukuoka-ishikai  2025-05-05 to 2026-05-05  6 table(s)\n"))
    #expect(result.stdout.hasSuffix("1 file(s): no errors\n"))
  }

  @Test func withoutAPathTheBuiltInFilesAreChecked() {
    let result = CLIHarness.run(["rates", "check"], catalog: .builtIn)
    #expect(result.status == 0)
    let files = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.dropLast().map(String.init)
    #expect(files == Catalog.builtIn.entries.map(\.origin))
    // Every line fits 80 columns, the dated file names too.
    #expect(result.stdout.split(separator: "\n").allSatisfy { Screen.width(of: String($0)) <= 80 })
    #expect(result.stdout.hasSuffix("\(Catalog.builtIn.entries.count) ファイル: エラーなし\n"))
  }

  /// An example off its table's model may be what the brochure prints: warnings with their
  /// location, exit 0; `--strict` makes them errors, with nothing on stdout.
  @Test func aFigureOffTheModelWarnsWithItsLocationAndStrictFails() throws {
    let shown = CLIHarness.run(["rates", "show", "--program", "fukuoka-ishikai"]).stdout
    let path = try write("next.json", shown.replacingOccurrences(of: #"["S2", 102960, 135960]"#, with: #"["S2", 102960, 153960]"#))
    let result = CLIHarness.run(["rates", "check", path])
    #expect(result.status == 0)
    #expect(result.stdout.hasSuffix("1 ファイル: エラーなし\n"))
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 3)
    // In the run's language: Japanese by default, English with --lang en.
    #expect(lines.first?.hasPrefix("\(path):114: tables[2].rows[1][1]: 警告: 表 hospital、プラン S2: 50 での掲載 102,960円は表のモデル") == true)
    let english = CLIHarness.run(["rates", "check", "--lang", "en", path]).stderr.split(separator: "\n")
    #expect(
      english.first?.hasPrefix("\(path):114: tables[2].rows[1][1]: warning: table hospital, plan S2: printed 102,960 yen at 50 is not reproduced") == true)
    #expect(lines.last == "警告 2 件")
    let strict = CLIHarness.run(["rates", "check", "--strict", path])
    #expect(strict.status == 1)
    #expect(strict.stdout == "")
    #expect(strict.stderr.split(separator: "\n").last == "警告 2 件（--strict: エラーとして扱います）")
  }

  @Test func aDirectoryIsItsRateFilesInNameOrderWithoutTheSchema() throws {
    let shown = CLIHarness.run(["rates", "show", "--program", "kumamoto-hokeni"]).stdout
    _ = try write("b.json", shown)
    _ = try write("a.json", CLIHarness.run(["rates", "show", "--program", "jhef"]).stdout)
    _ = try write("rate-file.schema.json", "{}")
    _ = try write("notes.txt", "not a rate file")
    let result = CLIHarness.run(["rates", "check", directory.path])
    #expect(result.status == 0, "\(result.stderr)")
    let files = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.dropLast().map(String.init)
    #expect(files == [directory.path + "/a.json", directory.path + "/b.json"])
  }

  @Test func aDirectoryWithoutRateFilesIsAnInputError() throws {
    _ = try write("notes.txt", "not a rate file")
    let result = CLIHarness.run(["rates", "check", directory.path])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr == "エラー: '\(directory.path)' に料率ファイル (*.json) がありません\n")
  }

  @Test(arguments: [
    (["rates"], "エラー: オプション 'show|check|draft|diff' に値がありません"),
    (["rates", "chek"], "エラー: 'rates' の値 'chek' は無効です。指定できる値: show, check, draft, diff（もしかして 'check'？）"),
    (["rates", "show"], "エラー: オプション '--program' が必要です"),
    // An option of another action is refused, never ignored.
    (["rates", "check", "--program", "jhef"], "エラー: オプション '--program' は 'rates check' では使えません（show・draft 用）"),
    (["rates", "draft", "--strict", "--program", "jhef", "x.txt"], "エラー: オプション '--strict' は 'rates draft' では使えません（check 用）"),
    (["rates", "show", "--program", "jhef", "--out", "x.json"], "エラー: オプション '--out' は 'rates show' では使えません（draft 用）"),
    (["rates", "diff", "--previous", "a.json", "a.json", "b.json"], "エラー: オプション '--previous' は 'rates diff' では使えません（check 用）"),
    (["rates", "check", "--format", "json"], "エラー: オプション '--format' は 'rates check' では使えません（diff 用）"),
    (["rates", "check", "/nonexistent/next.json"], "エラー: 入力ファイル '/nonexistent/next.json' を開けません: No such file or directory"),
  ])
  func badUsageExitsTwo(_ arguments: [String], _ message: String) {
    let result = CLIHarness.run(arguments)
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
  }
}
