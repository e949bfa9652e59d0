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

  /// Wrapped lines read well: no row starts with 、 or 。, and no figure is cut between rows
  /// (a digit at the end of one row and a digit, 円 or a comma at the start of the next).
  @Test func wrappedRowsNeverStartWithPunctuationOrCutAFigure() {
    for (file, command, output) in Self.cases {
      let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
      for (previous, line) in zip(lines, lines.dropFirst()) {
        let row = line.drop { $0 == " " }
        if let first = row.first, "、。，．）」".contains(first) { Issue.record("\(file): \(command): starts with \(first): \(line)") }
        // A wrapped row (one that filled most of the screen) ending in a digit; a chart's axis
        // labels are rows of their own.
        guard !command.contains(" chart "), Screen.width(of: previous) >= 60, let last = previous.last, last.isASCII, last.isNumber, let next = row.first else {
          continue
        }
        if next.isASCII && next.isNumber || "円,万億%".contains(next) { Issue.record("\(file): \(command): a figure cut: \(previous) / \(line)") }
      }
    }
  }

  /// Rows break at phrases, not inside a word or a figure, where a phrase ends late enough.
  @Test func rowsBreakAtPhrasesAndKeepFiguresWhole() {
    let note = "  告知内容: 「保険料は、病床数および告知内容に基づいて算出します。」（表の保険料は告知内容を反映していません）"
    for width in 30...80 {
      let rows = Screen.wrap(note, width: width)
      #expect(rows.joined().filter { $0 != " " } == note.filter { $0 != " " }, "\(width)")
      #expect(!rows.contains { $0.hasSuffix("算出しま") || $0.hasSuffix("算") || $0.hasSuffix("告知内") }, "\(width): \(rows)")
    }
    let figures = "年間保険料 1,234,560円（一括払）、1回分保険料 2,600円 × 12、セキュリティー割増引 ▲10%、一般病床 120床"
    for width in 24...60 {  // narrower, 「年間保険料 1,234,560円」 alone is over half a row
      for (row, next) in zip(Screen.wrap(figures, width: width), Screen.wrap(figures, width: width).dropFirst()) {
        let start = next.drop { $0 == " " }
        #expect(
          !(row.last?.isNumber == true && (start.first?.isNumber == true || start.first.map { "円,%床".contains($0) } == true)), "\(width): \(row) / \(next)")
        #expect(!(row.hasSuffix("▲") || row.hasSuffix(",")), "\(width): \(row)")
      }
    }
  }

  /// No row ends inside a word (「営業継続費／用付」): wrapped at every width from 40 to 80, every
  /// Japanese text of every rate book breaks only where ``Screen/mayBreak(_:_:)`` allows, unless
  /// the row holds no such place at all.
  @Test func rowsNeverBreakInsideAWord() throws {
    var texts: [String] = ["補償の種類: S＝オールリスクプラン、T＝オールリスクプラン(喪失利益・営業継続費用付)"]
    func collect(_ value: Any) {
      if let text = value as? String, text.unicodeScalars.contains(where: { Screen.isKanji($0.value) }) { texts.append(text) }
      if let array = value as? [Any] { array.forEach(collect) }
      if let object = value as? [String: Any] { object.values.forEach(collect) }
    }
    for name in try FileManager.default.contentsOfDirectory(atPath: PackageRoot.url.appendingPathComponent("rates").path) where name.hasSuffix(".json") {
      collect(try JSONSerialization.jsonObject(with: Data(contentsOf: PackageRoot.url.appendingPathComponent("rates/" + name))))
    }
    #expect(texts.count > 100)
    var checked = 0
    for text in texts {
      var line = "  " + text.replacing("\n", with: " ")
      let bytes = Array(line.utf8)
      for width in 40...80 {
        let rows = line.withUTF8 { Screen.rows(ofUTF8: $0, width: width) }
        for (row, next) in zip(rows, rows.dropFirst()) {
          // The break is just before the next row's first byte: a space skipped there counts.
          let head = String(decoding: bytes[..<next.bytes.lowerBound], as: UTF8.self).unicodeScalars
          let tail = String(decoding: bytes[next.bytes], as: UTF8.self).unicodeScalars
          checked += 1
          guard !Screen.mayBreak(head.last?.value, tail.first?.value) else { continue }
          let scalars = Array(String(decoding: bytes[row.bytes], as: UTF8.self).unicodeScalars.drop { $0 == " " })
          let couldBreak = zip(scalars, scalars.dropFirst()).contains { Screen.mayBreak($0.value, $1.value) }
          #expect(!couldBreak, "\(width): \(String(decoding: bytes[row.bytes], as: UTF8.self)) / \(String(tail))")
        }
      }
    }
    #expect(checked > 1000)
    #expect(!Screen.wrap(texts[0], width: 80).contains { $0.hasSuffix("営業継続費") })
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

  /// `--wide` tables are for files: at a terminal they come whole, and stderr says so; in a
  /// pipe nothing is said.
  @Test func wideTablesAtATerminalSaySo() {
    func run(terminal: Bool) -> String {
      var console = TestConsole(stdin: [])
      let environment = Environment(variables: [:], today: CLIHarness.today, terminalColumns: 80, errorColumns: 80, outputIsTerminal: terminal)
      _ = CLI.run(["programs", "--wide"], environment: environment, console: &console)
      return console.stderr
    }
    #expect(run(terminal: true).contains("--wide の表は端末の幅（80桁）を超えます"))
    #expect(run(terminal: false).isEmpty)
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

  /// fit is wrap applied to every line: lines that fit unchanged (a line longer in bytes than
  /// the width may still fit in cells), empty lines and a missing last newline kept.
  @Test func fitWrapsEachLineAndKeepsTheRest() {
    let long = "  加入資格    " + String(repeating: "会員、", count: 20)
    let texts = [
      "", "\n", "\n\n", "a", "a\n", "a\nb", "a\n\nb\n", long, long + "\n" + long,
      String(repeating: "x", count: 40), String(repeating: "x", count: 41),
      String(repeating: "医", count: 20), String(repeating: "医", count: 21),
      TerminalColour.warning.rawValue + String(repeating: "x", count: 38) + TerminalColour.reset.rawValue, String(repeating: "①×𠀋e\u{301}", count: 9),
    ]
    for text in texts {
      let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { Screen.wrap(String($0), width: 40).joined(separator: "\n") }.joined(separator: "\n")
      #expect(Screen.fit(text, width: 40, colour: true) == expected, "\(text)")
    }
  }

  /// Cells measured from UTF-8 bytes are the cells counted scalar by scalar, for characters of
  /// one to four bytes, marks, ambiguous ones and escape sequences (the screen's count and the
  /// table's, which counts ambiguous characters as one).
  @Test func widthFromBytesCountsAsScalarsDo() {
    let pieces = ["a", " ", "×", "é", "e\u{301}", "①", "▲", "※", "医", "ｱ", "𠀋", "😀", "\u{1B}[31m", "\u{FE0F}", "§"]
    var generator = SeededGenerator(seed: 21)
    for _ in 0..<500 {
      let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
      var scan = Screen.WidthScan()
      for scalar in text.unicodeScalars { scan.add(scalar) }
      #expect(Screen.width(of: text) == scan.cells, "\(text.unicodeScalars.map { $0.value })")
      var cells = 0
      for scalar in text.unicodeScalars { cells += TextColumns.width(of: scalar) }
      #expect(TextColumns.width(of: text) == cells, "\(text.unicodeScalars.map { $0.value })")
    }
  }

  /// Ambiguous characters, from the first in the list (§) to the last ranges (①, ▲, ☆), take two
  /// cells on the screen's count and one in a table's; their neighbours take one either way.
  @Test func ambiguousCharactersCountAsTwoOnTheScreen() {
    let ambiguous = "§×‐※→①▲☆"
    #expect(Screen.width(of: ambiguous) == 16)
    #expect(TextColumns.width(of: ambiguous) == 8)
    for neighbour in ["¦", "ÿ", "✓", "a"] { #expect(Screen.width(of: neighbour) == 1, "\(neighbour)") }
    #expect(Screen.width(of: "医ｱ（") == 5)
    // Marks and joiners take none; the first wide ranges (Hangul jamo, CJK radicals) take two.
    #expect(Screen.width(of: "e\u{301}\u{200B}") == 1)
    #expect(Screen.width(of: "\u{1100}\u{2E80}") == 4)
  }
}
