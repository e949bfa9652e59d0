import Foundation
import PremiumCore
import Testing

@testable import cyberquote

/// `--rates`, `CYBERQUOTE_RATES` and `--date`: external rate files beside the built-in ones, and
/// the version of a program in force on a day.
@Suite struct RatesOptionTests {
  let directory: URL
  /// fukuoka-ishikai as shipped: 2025-05-05 – 2026-05-05, clinic S4 55,880円.
  let current: String

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("rates-option-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    current = CLIHarness.run(["rates", "show", "--program", "fukuoka-ishikai"]).stdout
  }

  /// A copy of fukuoka-ishikai with clinic S4 at `premium` and, if given, another period.
  func variant(_ name: String, clinicS4 premium: Int, period: (String, String)? = nil) throws -> String {
    var text = current.replacingOccurrences(of: #"["S4", 55880]"#, with: #"["S4", \#(premium)]"#)
    if let (start, end) = period {
      text = text.replacingOccurrences(of: #""start": "2025-05-05", "end": "2026-05-05""#, with: #""start": "\#(start)", "end": "\#(end)""#)
    }
    #expect(text != current)
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func clinicS4(_ extra: [String], variables: [String: String] = [:]) throws -> (premium: Int64?, source: String?, result: CLIResult) {
    let result = CLIHarness.run(
      ["quote", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--format", "json"] + extra, variables: variables)
    let object = result.status == 0 ? try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] : nil
    return ((object?["premium"] as? NSNumber)?.int64Value, object?["rate_source"] as? String, result)
  }

  @Test func aFileWithTheSameIdAndPeriodReplacesTheBuiltIn() throws {
    let path = try variant("fukuoka-fixed.json", clinicS4: 55990)
    let quoted = try clinicS4(["--rates", path, "--date", "2025-06-01"])
    #expect(quoted.premium == 55990)
    #expect(quoted.source == path)
    let text = CLIHarness.run(["quote", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--rates", path, "--lang", "en"])
    #expect(text.stdout.contains("  Rates           \(path)\n"))
    let builtIn = try clinicS4(["--date", "2025-06-01"])
    #expect(builtIn.premium == 55880)
    #expect(builtIn.source == "built-in")
  }

  @Test func theEnvironmentVariableAddsRatesWhenTheFlagIsAbsent() throws {
    let path = try variant("fukuoka-env.json", clinicS4: 55990)
    #expect(try clinicS4([], variables: [CLI.ratesVariable: path]).premium == 55990)
    let other = try variant("fukuoka-flag.json", clinicS4: 56000)
    #expect(try clinicS4(["--rates", other], variables: [CLI.ratesVariable: path]).premium == 56000)
  }

  @Test func theDatePicksTheVersionInForce() throws {
    let next = try variant("fukuoka-2026.json", clinicS4: 61000, period: ("2026-05-05", "2027-05-05"))
    let cases: [(String, Int64, String)] = [
      ("2025-06-01", 55880, "built-in"),
      ("2026-05-04", 55880, "built-in"),
      ("2026-05-05", 61000, next),  // the shared boundary day: the new contract year
      ("2026-11-21", 61000, next),
    ]
    for (date, premium, source) in cases {
      let quoted = try clinicS4(["--rates", next, "--date", date])
      #expect(quoted.premium == premium, "\(date)")
      #expect(quoted.source == source, "\(date)")
      #expect(quoted.result.stderr == "", "\(date)")
    }
  }

  @Test func aDateOutsideEveryPeriodIsPricedWithAWarning() throws {
    let next = try variant("fukuoka-2026.json", clinicS4: 61000, period: ("2026-05-05", "2027-05-05"))
    let late = try clinicS4(["--rates", next, "--date", "2027-06-01", "--lang", "en"])
    #expect(late.premium == 61000)
    #expect(late.result.stderr.contains("has ended"))
    let early = try clinicS4(["--rates", next, "--date", "2024-01-01", "--lang", "en"])
    #expect(early.premium == 55880)
    #expect(early.result.stderr.contains("not started"))
  }

  @Test func aFileOverlappingABuiltInPeriodIsRefusedWithItsLocation() throws {
    let path = try variant("fukuoka-overlap.json", clinicS4: 61000, period: ("2026-01-01", "2027-01-01"))
    let quoted = try clinicS4(["--rates", path])
    #expect(quoted.result.status == 1)
    #expect(quoted.result.stdout == "")
    #expect(
      quoted.result.stderr.hasPrefix(
        "エラー: 料率ファイル \(path):11: period: program 'fukuoka-ishikai' 2026-01-01 16:00 to 2027-01-01 16:00 overlaps 2025-05-05 16:00 to 2026-05-05 16:00 of rates/fukuoka-ishikai.json"
      ))
  }

  @Test func aBrokenFileStopsEveryCommandBeforeItPrices() throws {
    let path = directory.appendingPathComponent("fukuoka-typo.json").path
    try current.replacingOccurrences(of: #"["S1", 57720, 76220]"#, with: #"["S1", 57720]"#)
      .write(toFile: path, atomically: true, encoding: .utf8)
    for command in [["programs"], ["plans", "--program", "fukuoka-ishikai", "--facility", "clinic"]] {
      let result = CLIHarness.run(command + ["--rates", path])
      #expect(result.status == 1)
      #expect(result.stdout == "")
      #expect(result.stderr.contains("\(path):113: tables[2].rows[0]: expected [plan, 2 figure(s)]"))
    }
  }

  @Test func badDatesAreUsageErrors() {
    for date in ["2026-13-01", "2026/05/05", "tomorrow"] {
      let result = CLIHarness.run(["quote", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--date", date])
      #expect(result.status == 2)
      #expect(result.stderr.hasPrefix("エラー: '--date' の値 '\(date)' は無効です。日付を YYYY-MM-DD で指定してください"))
    }
  }

  @Test func programsListsTheSourceOfEachProgram() throws {
    let next = try variant("fukuoka-2026.json", clinicS4: 61000, period: ("2026-05-05", "2027-05-05"))
    let listed = CLIHarness.run(["programs", "--format", "json", "--rates", next, "--date", "2026-06-01"])
    let programs = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(programs.count == 5)
    #expect(programs.map { $0["rate_source"] as? String } == ["built-in", next, "built-in", "built-in", "built-in"])
  }
}
