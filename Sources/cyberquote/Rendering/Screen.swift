/// Text for a terminal of a given width, measured in cells: East Asian wide characters take two,
/// and characters of ambiguous width (①, ▲, ※, ×, →) are counted as two, the worst case, so that a
/// line fits whichever way the terminal draws them.
enum Screen {
  /// The width when the terminal's is unknown (a pipe, `COLUMNS` unset).
  static let defaultWidth = 80

  /// Cells `text` takes at most: ambiguous characters as two, escape sequences (colour) as none.
  static func width(of text: String) -> Int {
    var cells = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
        continue
      }
      if scalar == "\u{1B}" {
        inEscape = true
        continue
      }
      cells += TextColumns.width(of: scalar, ambiguousWide: true)
    }
    return cells
  }

  /// `text` with every line wider than `width` wrapped: a table row continues under its last
  /// column (the value of a `key  value` row), any other line two cells in from its indent.
  /// Lines that fit are left exactly as they are.
  static func fit(_ text: String, width: Int) -> String {
    let width = max(width, 20)
    var out = ""
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    for line in lines {
      out += wrap(String(line), width: width).joined(separator: "\n") + "\n"
    }
    return text.hasSuffix("\n") || text.isEmpty ? out : String(out.dropLast())
  }

  static func wrap(_ line: String, width: Int) -> [String] {
    guard self.width(of: line) > width else { return [line] }
    let characters = Array(line)
    let lead = characters.prefix { $0 == " " }.count
    // The start of the last column: after the last run of two spaces that has text before it.
    var indent = lead + 2
    var i = lead
    while i + 2 < characters.count {
      if characters[i] == " ", characters[i + 1] == " " {
        var j = i
        while j < characters.count, characters[j] == " " { j += 1 }
        let column = self.width(of: String(characters[0..<j]))
        if j < characters.count, column <= width / 2 { indent = column }
        i = j
      } else {
        i += 1
      }
    }
    var rows: [String] = []
    var rest = characters[...]
    var prefix = ""
    while !rest.isEmpty {
      let room = width - self.width(of: prefix)
      var cells = 0
      var end = rest.startIndex
      var breakAt: Int?
      while end < rest.endIndex {
        let w = self.width(of: String(rest[end]))
        if cells + w > room { break }
        cells += w
        let c = rest[end]
        end += 1
        if c == " " || c == "、" || c == "。" || c == "/" || c == "）" || c == ")" { breakAt = end }
      }
      // Break after a space or punctuation near the end of the room, else where the room ends.
      if end < rest.endIndex, let cut = breakAt, (cut - rest.startIndex) * 3 > (end - rest.startIndex) * 2 { end = cut }
      if end == rest.startIndex { end = rest.index(after: rest.startIndex) }  // a character wider than the room
      var piece = String(rest[rest.startIndex..<end])
      while piece.hasSuffix(" ") { piece.removeLast() }
      rows.append(prefix + piece)
      rest = rest[end...].drop { $0 == " " }
      prefix = String(repeating: " ", count: min(indent, width / 2))
    }
    return rows
  }
}
