/// Text for a terminal of a given width, measured in cells: East Asian wide characters take two,
/// and characters of ambiguous width (①, ▲, ※, ×, →) are counted as two, the worst case, so that a
/// line fits whichever way the terminal draws them.
enum Screen {
  /// The width when the terminal's is unknown (a pipe, `COLUMNS` unset).
  static let defaultWidth = 80

  /// Cells `text` takes at most: ambiguous characters as two, escape sequences (colour) as none.
  static func width(of text: String) -> Int {
    var scan = WidthScan()
    for scalar in text.unicodeScalars { scan.add(scalar) }
    return scan.cells
  }

  /// Cells counted scalar by scalar, skipping escape sequences.
  struct WidthScan {
    private(set) var cells = 0
    private var inEscape = false

    mutating func add(_ scalar: Unicode.Scalar) {
      if inEscape {
        if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
        return
      }
      if scalar == "\u{1B}" {
        inEscape = true
        return
      }
      cells += TextColumns.width(of: scalar, ambiguousWide: true)
    }
  }

  /// `text` with every line wider than `width` wrapped: a table row continues under its last
  /// column (the value of a `key  value` row), any other line two cells in from its indent.
  /// Lines that fit are left exactly as they are.
  static func fit(_ text: String, width: Int) -> String {
    let width = max(width, 20)
    var out = ""
    out.reserveCapacity(text.utf8.count + 64)
    // Lines split on the newline byte: no grapheme breaking for text that only needs measuring.
    var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    for line in lines {
      out += wrap(String(Substring(line)), width: width).joined(separator: "\n") + "\n"
    }
    return text.hasSuffix("\n") || text.isEmpty ? out : String(out.dropLast())
  }

  /// `line` as rows of at most `width` cells (see ``fit(_:width:)``). It breaks between
  /// clusters: a scalar with the zero-width scalars after it (combining marks, joiners,
  /// variation selectors), measured without grapheme breaking, which the long lines of a quote
  /// (brochure notes in Japanese) would pay for character by character.
  static func wrap(_ line: String, width: Int) -> [String] {
    guard self.width(of: line) > width else { return [line] }
    let scalars = Array(line.unicodeScalars)
    // Per cluster: where it starts, its cells alone (as a piece of a row), and the line's cells
    // before it; `bounds` ends with the scalar count, `before` with the whole line's cells.
    var bounds: [Int] = []
    var cells: [Int] = []
    var before: [Int] = []
    var lineScan = WidthScan()
    var alone = WidthScan()
    for (k, scalar) in scalars.enumerated() where k == 0 || TextColumns.width(of: scalar) != 0 {
      if k > 0 { cells.append(alone.cells) }
      alone = WidthScan()
      bounds.append(k)
      before.append(lineScan.cells)
      var j = k
      repeat {
        alone.add(scalars[j])
        lineScan.add(scalars[j])
        j += 1
      } while j < scalars.count && TextColumns.width(of: scalars[j]) == 0
    }
    cells.append(alone.cells)
    bounds.append(scalars.count)
    before.append(lineScan.cells)
    let count = cells.count
    func single(_ c: Int) -> UInt32? { bounds[c + 1] - bounds[c] == 1 ? scalars[bounds[c]].value : nil }
    let isSpace = (0..<count).map { single($0) == 0x20 }

    let lead = isSpace.prefix { $0 }.count
    // The start of the last column: after the last run of two spaces that has text before it.
    var indent = lead + 2
    var i = lead
    while i + 2 < count {
      if isSpace[i], isSpace[i + 1] {
        var j = i
        while j < count, isSpace[j] { j += 1 }
        let column = before[j]
        if j < count, column <= width / 2 { indent = column }
        i = j
      } else {
        i += 1
      }
    }
    var rows: [String] = []
    var start = 0
    var prefix = 0
    // Rows are cut from the line itself; the index of the last row's end saves counting again.
    let view = line.unicodeScalars
    var last = (offset: 0, index: view.startIndex)
    while start < count {
      let room = width - prefix
      var used = 0
      var end = start
      var breakAt: Int?
      while end < count {
        let w = cells[end]
        if used + w > room { break }
        used += w
        let breaks = single(end).map(Self.breaksAfter) ?? false
        end += 1
        if breaks { breakAt = end }
      }
      // Break after a space or punctuation near the end of the room, else where the room ends.
      if end < count, let cut = breakAt, (cut - start) * 3 > (end - start) * 2 { end = cut }
      if end == start { end = start + 1 }  // a character wider than the room
      var pieceEnd = end
      while pieceEnd > start, isSpace[pieceEnd - 1] { pieceEnd -= 1 }
      let from = view.index(last.index, offsetBy: bounds[start] - last.offset)
      let to = view.index(from, offsetBy: bounds[pieceEnd] - bounds[start])
      last = (bounds[pieceEnd], to)
      // String + String: adding a Substring takes the generic operator, whose first use costs
      // a conformance lookup at start-up.
      let piece = String(Substring(view[from..<to]))
      rows.append(prefix > 0 ? TextColumns.spaces(prefix) + piece : piece)
      start = end
      while start < count, isSpace[start] { start += 1 }
      prefix = min(indent, width / 2)
    }
    return rows
  }

  /// A line may break after a space or this punctuation: 、。/）).
  private static func breaksAfter(_ scalar: UInt32) -> Bool {
    scalar == 0x20 || scalar == 0x3001 || scalar == 0x3002 || scalar == 0x2F || scalar == 0xFF09 || scalar == 0x29
  }
}
