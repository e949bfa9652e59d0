/// Rows of a coded rate table that `pdftotext -layout` printed over several lines, put back on
/// one line each, as the seeds print them.
///
/// A narrow page wraps a table's cells: `S4  1億円 1,000` over `万円  224,330円  296,230` over
/// `円`, with the next plan's code sometimes on the second line of the row beside it. The plan
/// codes give the table's sides (S on the left, P on the right) by their columns; each row of a
/// side runs from the line of its code to the line before the side's next code, and a part of a
/// cell on a later line joins the part above it in the same column (`1,000` + `万円`). Only
/// lines that hold nothing but figures, units and なし are taken as a row's continuation, so text
/// around a table is never pulled into it; what is not taken stays where it was. Each row keeps
/// the number of the line its code is on; the lines it took are left blank.
///
/// Lines of the seeds' form (tabs, `|`), and tables where no unit was printed under its figure
/// (``BrochureText/joiningWrappedUnits(_:)``), are left alone.
enum TableReflow {
  /// One run of characters between spaces: where it starts, and its text.
  struct Word {
    var column: Int
    var text: [Unicode.Scalar]
  }

  static func reflow(_ lines: [BrochureText.Line], isPlanCode: (String) -> Bool) -> [BrochureText.Line] {
    // Per line, whether it is laid out in columns and where its plan codes stand. A line's words
    // are made here and let go: only a region that is reflowed makes them again, so the text is
    // never held a second time, word by word (the draft's peak on a long brochure).
    var layout: [Bool] = []
    var codes: [[Int]] = []
    layout.reserveCapacity(lines.count)
    codes.reserveCapacity(lines.count)
    for line in lines {
      let inColumns = !line.text.unicodeScalars.contains { $0 == "\t" || $0 == "|" }
      layout.append(inColumns)
      codes.append(inColumns ? words(line).filter { isPlanCode(String(String.UnicodeScalarView($0.text))) }.map(\.column) : [])
    }
    var out = lines
    var i = 0
    while i < lines.count {
      guard !codes[i].isEmpty else {
        i += 1
        continue
      }
      // A region: lines with codes, and up to four lines of figures after each.
      var end = i
      var k = i
      while k < lines.count, k - end <= 4, layout[k] {
        if !codes[k].isEmpty { end = k }
        k += 1
      }
      let region = i...min(lines.count - 1, end + 4)
      // Only where the table's cells wrap, as a unit printed under its figure shows: a table
      // printed whole is read as it is.
      if region.contains(where: { lines[$0].wrapped }) { reflow(region, lines, region.map { words(lines[$0]) }, codes, into: &out) }
      i = region.upperBound + 1
    }
    return out
  }

  /// Reflows the rows of one region of `lines` into `out`; `words` holds the region's lines' words.
  private static func reflow(
    _ region: ClosedRange<Int>, _ lines: [BrochureText.Line], _ words: [[Word]], _ codes: [[Int]], into out: inout [BrochureText.Line]
  ) {
    // The sides: plan-code columns, those within four of each other taken as one.
    var starts: [Int] = []
    for column in Set(region.flatMap { codes[$0] }).sorted() where starts.last.map({ column - $0 > 4 }) ?? true {
      starts.append(column)
    }
    guard !starts.isEmpty else { return }
    func side(_ column: Int) -> Int? {
      guard column >= starts[0] - 1 else { return nil }
      return (starts.lastIndex { column >= $0 - 1 }) ?? 0
    }
    // Per line, the words of each side (nil: left of the first side).
    var pieces: [[Int: [Word]]] = region.map { line in
      Dictionary(grouping: words[line - region.lowerBound], by: { side($0.column) ?? -1 })
    }
    var changed: Set<Int> = []
    for s in starts.indices {
      var line = region.lowerBound
      while line <= region.upperBound {
        let local = line - region.lowerBound
        // A row starts at a code with something after it on its line: a line of codes alone is a
        // table's header, its figures in columns below (a table printed across).
        guard codes[line].contains(where: { side($0) == s }), var row = pieces[local][s],
          row.contains(where: { isFragment($0) && !codes[line].contains($0.column) })
        else {
          line += 1
          continue
        }
        // The row's continuation: the side's words on the following lines, while they are
        // figures and units only and no code of this side starts a new row.
        var next = line + 1
        while next <= region.upperBound, !codes[next].contains(where: { side($0) == s }) {
          let more = pieces[next - region.lowerBound][s] ?? []
          guard !more.isEmpty else {
            next += 1
            continue
          }
          guard more.allSatisfy(isFragment) else { break }
          for word in more { join(word, into: &row) }
          pieces[next - region.lowerBound][s] = nil
          changed.formUnion([line, next])
          next += 1
        }
        pieces[local][s] = row.sorted { $0.column < $1.column }
        line = next
      }
    }
    for line in changed.sorted() {
      let local = line - region.lowerBound
      let text = pieces[local].keys.sorted().flatMap { pieces[local][$0] ?? [] }.map { String(String.UnicodeScalarView($0.text)) }
      out[line] = BrochureText.Line(number: lines[line].number, text: text.joined(separator: "  "))
    }
  }

  /// `word` joined to the part of its cell above it (same column, a figure without its unit or
  /// a な without its し), or added as a cell of its own.
  private static func join(_ word: Word, into row: inout [Word]) {
    if let above = row.lastIndex(where: { abs($0.column - word.column) <= 2 && isOpen($0.text) }) {
      row[above].text += word.text
    } else {
      row.append(word)
    }
  }

  /// Figures, their units and なし, whole or in parts: what a wrapped cell of a rate table holds.
  static func isFragment(_ word: Word) -> Bool {
    let w = word.text.map(CompatibilityCharacters.normalized)
    if ["な", "し", "なし", "-"].contains(String(String.UnicodeScalarView(w))) { return true }
    return !w.isEmpty && w.allSatisfy { ($0.value >= 48 && $0.value <= 57) || $0 == "," || $0 == "万" || $0 == "億" || $0 == "円" }
  }

  /// A part of a cell that goes on below: a figure without its unit, or な without し.
  static func isOpen(_ text: [Unicode.Scalar]) -> Bool {
    text.map(CompatibilityCharacters.normalized) == ["な"] || isOpenFigure(text)
  }

  /// A figure whose unit is missing: digits and commas, ending in a digit or in 万 or 億.
  static func isOpenFigure(_ text: [Unicode.Scalar]) -> Bool {
    let w = text.map(CompatibilityCharacters.normalized)
    let isDigit = { (c: Unicode.Scalar) in c.value >= 48 && c.value <= 57 }
    guard let first = w.first, isDigit(first), let last = w.last else { return false }
    return w.allSatisfy { isDigit($0) || $0 == "," || $0 == "万" || $0 == "億" } && (isDigit(last) || last == "万" || last == "億")
  }

  static func words(_ line: BrochureText.Line) -> [Word] { words(Array(line.text.unicodeScalars)) }

  static func words(_ s: [Unicode.Scalar]) -> [Word] {
    var out: [Word] = []
    var i = 0
    while i < s.count {
      if s[i] == " " || s[i] == "\u{3000}" {
        i += 1
        continue
      }
      var j = i
      while j < s.count, s[j] != " ", s[j] != "\u{3000}" { j += 1 }
      out.append(Word(column: i, text: Array(s[i..<j])))
      i = j
    }
    return out
  }
}
