import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// Every text a person reads fits 80 columns, counting full-width characters as two and those of
/// ambiguous width (①, ▲, ※, ×) as two as well; and no ambiguous character stands before an
/// aligned column, so tables line up whether the terminal draws them one cell wide or two.
@Suite struct ScreenTests {
  /// The golden cases a person reads: not JSON, CSV, a script or a wide table on request.
  static let cases: [(file: String, command: String, output: String)] = {
    let directory = PackageRoot.url.appendingPathComponent("Tests/cyberquoteTests/Golden")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().flatMap { name -> [(file: String, command: String, output: String)] in
      guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8),
        let golden = try? GoldenFile(parsing: text)
      else { return [] }
      return golden.cases.compactMap { c in
        let skip = ["--format json", "--format csv", "--format jsonl", "--wide", "completion", "rates show", "--svg"]
        guard !skip.contains(where: { c.command.contains($0) }) else { return nil }
        return (name, c.command, c.expected.stdout + c.expected.stderr)
      }
    }
  }()

  @Test func thereAreCasesOfEveryCommand() {
    let commands = Set(Self.cases.map { $0.command.split(separator: " ").dropFirst().first.map(String.init) ?? "" })
    for command in ["quote", "plans", "compare", "chart", "programs", "table"] { #expect(commands.contains(command), "\(command)") }
  }

  @Test func everyLineFitsEightyColumns() {
    for (file, command, output) in Self.cases {
      for line in output.split(separator: "\n") where Screen.width(of: String(line)) > 80 {
        Issue.record("\(file): \(command): \(Screen.width(of: String(line))) columns: \(line)")
      }
    }
  }

  /// In a table row, whatever comes before the last aligned column (a run of two spaces after
  /// text) holds no character of ambiguous width.
  @Test func ambiguousCharactersStayOutOfAlignedColumns() {
    for (file, command, output) in Self.cases {
      for line in output.split(separator: "\n").map(String.init) {
        guard let lastGap = Self.lastAlignmentGap(line) else { continue }
        let before = line.prefix(lastGap)
        if before.unicodeScalars.contains(where: TextColumns.isAmbiguous) {
          Issue.record("\(file): \(command): ambiguous character before an aligned column: \(line)")
        }
      }
    }
  }

  /// The offset of the last run of two or more spaces that follows text, if any.
  static func lastAlignmentGap(_ line: String) -> Int? {
    let characters = Array(line)
    var found: Int?
    var seenText = false
    var i = 0
    while i < characters.count {
      if characters[i] != " " {
        seenText = true
        i += 1
        continue
      }
      var j = i
      while j < characters.count, characters[j] == " " { j += 1 }
      if seenText, j - i >= 2, j < characters.count { found = i }
      i = j
    }
    return found
  }

  /// A narrower terminal (COLUMNS=60) gets every line within 60.
  @Test func aNarrowTerminalIsRespected() {
    for arguments in [
      ["quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "100", "--other-beds", "20", "--explain"],
      ["plans", "--program", "fukuoka-ishikai", "--facility", "hospital", "--general-beds", "120"],
      ["programs", "--program", "fukuoka-ishikai"],
    ] {
      var console = TestConsole(stdin: [])
      _ = CLI.run(arguments, environment: Environment(variables: [:], today: CLIHarness.today, terminalColumns: 60), console: &console)
      for line in String(decoding: console.stdout, as: UTF8.self).split(separator: "\n") {
        #expect(Screen.width(of: String(line)) <= 60, "\(arguments[0]): \(line)")
      }
    }
  }

  @Test func wrappingKeepsEveryCharacterAndContinuesUnderTheValue() {
    let line = "  加入資格    " + String(repeating: "福岡県医師会会員、", count: 12)
    let wrapped = Screen.wrap(line, width: 40)
    #expect(wrapped.count > 1)
    #expect(wrapped.allSatisfy { Screen.width(of: $0) <= 40 })
    #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 14)) })
    #expect(wrapped.map { $0.filter { $0 != " " } }.joined() == line.filter { $0 != " " })
  }

  /// A combining mark or a variation selector stays with the character before it, and a row
  /// holds whole characters even when the room ends inside one.
  @Test func wrappingNeverSplitsACharacterFromItsMarks() {
    let line = "  備考    " + String(repeating: "Cafe\u{301} ①\u{FE0F} 医院 ", count: 10)
    let wrapped = Screen.wrap(line, width: 30)
    #expect(wrapped.count > 1)
    #expect(wrapped.allSatisfy { Screen.width(of: $0) <= 30 })
    for row in wrapped {
      #expect(row.unicodeScalars.first.map { TextColumns.width(of: $0) } != 0, "a row starts with a mark: \(row)")
    }
    #expect(wrapped.map { $0.filter { $0 != " " } }.joined() == line.filter { $0 != " " })
  }
}
