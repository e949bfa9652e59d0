/// Columns aligned for a terminal, counting East Asian wide characters as two cells.
struct TextColumns {
  enum Alignment { case left, right }

  var rows: [[String]] = []
  var alignments: [Alignment]

  init(alignments: [Alignment]) {
    self.alignments = alignments
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// The rows, aligned. With `maxWidth`, a last cell that would pass it is wrapped at its spaces
  /// and continued under itself, so that its words (a row's marks) stay in their column; its
  /// width is counted with ambiguous characters (×) as two, as a CJK terminal draws them.
  func render(indent: String = "", gap: String = "  ", maxWidth: Int? = nil) -> String {
    let count = rows.map { $0.count }.max() ?? 0  // a closure: a key path is built at run time
    let cells = rows.map { row in row.map { TextColumns.width(of: $0) } }
    var widths = [Int](repeating: 0, count: count)
    for row in cells {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell) }
    }
    // Appended piece by piece into one string: a table is on most screens, and building a
    // padded copy of every cell and every line first took half as many instructions again.
    var out = ""
    for (row, rowCells) in zip(rows, cells) {
      out += indent
      for (i, cell) in row.enumerated() {
        let pad = widths[i] - rowCells[i]
        let isLast = i == row.count - 1
        if i < alignments.count, alignments[i] == .right {
          out += TextColumns.spaces(pad)
          out += cell
        } else if isLast, let maxWidth {
          let start = TextColumns.width(of: indent) + widths[..<i].reduce(0, +) + i * TextColumns.width(of: gap)
          out += TextColumns.wrapped(cell, width: maxWidth - start, continuation: "\n" + TextColumns.spaces(start))
        } else {
          out += cell
          if !isLast { out += TextColumns.spaces(pad) }
        }
        if !isLast { out += gap }
      }
      out += "\n"
    }
    return out
  }

  /// `text` broken at its spaces into lines of at most `width` cells (a word longer than that
  /// stands alone), joined by `continuation`.
  static func wrapped(_ text: String, width: Int, continuation: String) -> String {
    var out = ""
    var line = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let cells = word.unicodeScalars.reduce(0) { $0 + TextColumns.width(of: $1, ambiguousWide: true) }
      if line > 0, line + 1 + cells > width {
        out += continuation
        line = 0
      } else if line > 0 {
        out += " "
        line += 1
      }
      out += word
      line += cells
    }
    return out
  }

  /// `count` spaces (none for a count below one), written as bytes: `String(repeating:count:)`
  /// appends a string per space, which a table of padding pays for many times over.
  static func spaces(_ count: Int) -> String {
    guard count > 0 else { return "" }
    return String(unsafeUninitializedCapacity: count) { buffer in
      buffer.initialize(repeating: 0x20)
      return count
    }
  }

  /// Terminal cells taken by `text`: two for East Asian wide and full-width characters.
  static func width(of text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      var cells = 0
      UTF8Scalars.forEach(in: bytes) { value, _ in cells += width(ofValue: value) }
      return cells
    }
  }

  /// The same, with characters of East Asian ambiguous width counted as two when
  /// `ambiguousWide` (how CJK terminals draw ①, ▲, ※, × and the like).
  static func width(of scalar: Unicode.Scalar, ambiguousWide: Bool) -> Int {
    width(ofValue: scalar.value, ambiguousWide: ambiguousWide)
  }

  /// The same for the scalar whose value is `value`.
  static func width(ofValue value: UInt32, ambiguousWide: Bool) -> Int {
    ambiguousWide && isAmbiguous(value: value) ? 2 : width(ofValue: value)
  }

  /// East Asian Width "A" characters this tool prints, and their neighbours.
  static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool { isAmbiguous(value: scalar.value) }

  /// The same for the scalar whose value is `value`.
  static func isAmbiguous(value: UInt32) -> Bool {
    guard value >= 0xA7, value <= 0x26FF else { return false }  // most characters measured
    return switch value {
    case 0x00A7, 0x00A8, 0x00B0, 0x00B1, 0x00B4, 0x00B6, 0x00D7, 0x00F7, 0x2010...0x2027, 0x2030...0x203E, 0x2103,
      0x2190...0x21FF, 0x2212, 0x221A, 0x221E, 0x2234, 0x2460...0x24FF, 0x2500...0x25FF, 0x2600...0x26FF:
      true
    default: false
    }
  }

  /// Cells one character takes: none for marks and joiners, two for East Asian wide ones.
  static func width(of scalar: Unicode.Scalar) -> Int { width(ofValue: scalar.value) }

  /// The same for the scalar whose value is `value`.
  static func width(ofValue value: UInt32) -> Int {
    if value < 0x300 { return 1 }  // most characters measured
    return switch value {
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: 0
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      2
    default: 1
    }
  }
}
