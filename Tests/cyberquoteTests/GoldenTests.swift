import Foundation
import PremiumCore
import TestSupport
import Testing

/// Every `.test` file in `Golden/`: the command, its exact stdout and stderr, and its exit status.
/// `CYBERQUOTE_RECORD=1 swift test --filter GoldenTests` rewrites the files from the current
/// output and fails, so that every re-recording is reviewed.
///
/// Commands run on a day of the brochures' year (``CLIHarness/today``), so that adding next
/// year's book to `rates/` changes no output; the same cases run again with a synthetic next year
/// added beside every priced program to prove it. `ended-*.test` shows what is said once a
/// period has ended: its commands name a later `--date` and run with this year's books alone.
@Suite struct GoldenTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".test") }.sorted()
  }

  static func catalog(for name: String) -> Catalog {
    name.hasPrefix("ended-") ? BrochureYear.booksAlone : BrochureYear.books
  }

  @Test(arguments: files)
  func golden(_ name: String) throws {
    let url = Self.directory.appendingPathComponent(name)
    let file = try GoldenFile(parsing: try String(contentsOf: url, encoding: .utf8))
    var recorded = file
    for (i, c) in file.cases.enumerated() {
      // Without a terminal the width is 80: what a person piping the output sees.
      let actual = CLIHarness.run(c.arguments, variables: ["COLUMNS": "80"], catalog: Self.catalog(for: name))
      recorded.cases[i].expected = actual
      if ProcessInfo.processInfo.environment["CYBERQUOTE_RECORD"] != "1" {
        #expect(actual.stdout == c.expected.stdout, "stdout of: \(c.command)")
        #expect(actual.stderr == c.expected.stderr, "stderr of: \(c.command)")
        #expect(actual.status == c.expected.status, "exit status of: \(c.command)")
      }
    }
    if ProcessInfo.processInfo.environment["CYBERQUOTE_RECORD"] == "1" {
      try recorded.text.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("Re-recorded \(name); review the diff and commit it.")
    }
  }

  @Test(arguments: files.filter { !$0.hasPrefix("ended-") })
  func goldenWithNextYearAdded(_ name: String) throws {
    let file = try GoldenFile(parsing: try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8))
    let catalog = try NextYear.catalog()
    for c in file.cases {
      #expect(CLIHarness.run(c.arguments, variables: ["COLUMNS": "80"], catalog: catalog) == c.expected, "\(c.command)")
    }
  }

  @Test func thereAreGoldenFiles() {
    #expect(Self.files.count >= 5)
  }
}
