/// Text for a terminal of a given width, measured in cells: East Asian wide characters take two,
/// and characters of ambiguous width (①, ▲, ※, ×, →) are counted as two, the worst case, so that a
/// line fits whichever way the terminal draws them.
enum Screen {
  /// The width when the terminal's is unknown (a pipe, `COLUMNS` unset).
  static let defaultWidth = 80

  /// Cells `text` takes at most: ambiguous characters as two, escape sequences (colour) as none.
  static func width(of text: String) -> Int {
    var text = text
    return text.withUTF8(width(ofUTF8:))
  }

  /// The same for a line's UTF-8 bytes.
  static func width(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var scan = WidthScan()
    UTF8Scalars.forEach(in: bytes) { value, _ in scan.add(value) }
    return scan.cells
  }

  /// Cells counted scalar by scalar, skipping escape sequences.
  struct WidthScan {
    private(set) var cells = 0
    private var inEscape = false

    mutating func add(_ scalar: Unicode.Scalar) { add(scalar.value) }

    /// Adds the scalar whose value is `value`.
    mutating func add(_ value: UInt32) {
      if value < 0x80, value != 0x1B, !inEscape {  // the common case: one cell
        cells += 1
        return
      }
      if inEscape {
        if (0x40...0x7E).contains(value), value != 0x5B { inEscape = false }  // "[" goes on
        return
      }
      if value == 0x1B {
        inEscape = true
        return
      }
      cells += TextColumns.width(ofValue: value, ambiguousWide: true)
    }
  }

  /// `text` with every line wider than `width` wrapped: a table row continues under its last
  /// column (the value of a `key  value` row), any other line two cells in from its indent.
  /// Lines that fit are left exactly as they are. Control characters from input are shown
  /// escaped (``TerminalText``); the tool's own colours stay when `colour` is on.
  static func fit(_ text: String, width: Int?, colour: Bool = false) -> String {
    var text = TerminalText.escaped(text, keepingColours: colour)
    // Off a terminal (no width): escaped, never wrapped, one message a line.
    guard let width = width.map({ max($0, 20) }) else { return text }
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 64)
      var start = 0
      while true {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        // No character takes more cells than its UTF-8 bytes, so a line of `width` bytes fits.
        if line.count <= width || self.width(ofUTF8: line) <= width {
          out.append(contentsOf: line)
        } else {
          for (k, row) in rows(ofUTF8: line, width: width).enumerated() {
            if k > 0 { out.append(0x0A) }
            out.append(contentsOf: repeatElement(0x20, count: row.indent))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: line[row.bytes]))
          }
        }
        guard end < bytes.count else { break }
        out.append(0x0A)
        start = end + 1
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// `line` as rows of at most `width` cells (see ``fit(_:width:)``).
  static func wrap(_ line: String, width: Int) -> [String] {
    var line = line
    return line.withUTF8 { bytes in
      rows(ofUTF8: bytes, width: width).map { row in
        TextColumns.spaces(row.indent) + String(decoding: UnsafeBufferPointer(rebasing: bytes[row.bytes]), as: UTF8.self)
      }
    }
  }

  /// A row of a wrapped line: `indent` spaces, then the line's bytes in `bytes`.
  struct Row {
    var indent: Int
    var bytes: Range<Int>
  }

  /// The rows of a line's UTF-8 bytes. It breaks between clusters: a scalar with the zero-width
  /// scalars after it (combining marks, joiners, variation selectors), measured without
  /// grapheme breaking, which the long lines of a quote (brochure notes in Japanese) would pay
  /// for character by character.
  static func rows(ofUTF8 line: UnsafeBufferPointer<UInt8>, width: Int) -> [Row] {
    guard self.width(ofUTF8: line) > width else { return [Row(indent: 0, bytes: 0..<line.count)] }
    let clusters = Cluster.split(line)
    let count = clusters.count - 1  // the last is the end
    let isSpace = { (c: Int) in clusters[c].single == 0x20 }

    var lead = 0
    while lead < count, isSpace(lead) { lead += 1 }
    // The start of the last column: after the last run of two spaces that has text before it.
    var indent = lead + 2
    var i = lead
    while i + 2 < count {
      if isSpace(i), isSpace(i + 1) {
        var j = i
        while j < count, isSpace(j) { j += 1 }
        let column = clusters[j].before
        if j < count, column <= width / 2 { indent = column }
        i = j
      } else {
        i += 1
      }
    }
    var rows: [Row] = []
    var start = 0
    var prefix = 0
    while start < count {
      let room = width - prefix
      var used = 0
      var end = start
      var breakAt: Int?
      while end < count {
        let w = clusters[end].cells
        if used + w > room { break }
        used += w
        end += 1
        if end < count, Self.mayBreak(clusters[end - 1].single, clusters[end].single) { breakAt = end }
      }
      // Break at the last space, punctuation or phrase boundary of the row: one in its latter
      // half keeps rows full; one earlier still beats cutting a word. A word or a figure is cut
      // where the room ends only when the row holds no place to break.
      if end < count, let cut = breakAt { end = cut }
      if end == start { end = start + 1 }  // a character wider than the room
      // Japanese line breaking (禁則): 。、） and the like never start a row, （「 never end
      // one, and an ASCII word is not cut; what is before the break moves down, a few
      // characters at most.
      var cut = end
      while cut < count, cut - 1 > start, end - cut < 8, Self.keepsTogether(clusters[cut - 1].single, clusters[cut].single) { cut -= 1 }
      if cut < end, !Self.keepsTogether(clusters[cut - 1].single, clusters[cut].single) { end = cut }
      var pieceEnd = end
      while pieceEnd > start, isSpace(pieceEnd - 1) { pieceEnd -= 1 }
      rows.append(Row(indent: prefix, bytes: clusters[start].offset..<clusters[pieceEnd].offset))
      start = end
      while start < count, isSpace(start) { start += 1 }
      prefix = min(indent, width / 2)
    }
    return rows
  }

  /// Whether a row may not end between these two characters.
  static func keepsTogether(_ before: UInt32?, _ after: UInt32?) -> Bool {
    if let after, neverStartsRow(after) { return true }
    if let before, neverEndsRow(before) { return true }
    guard let before, let after else { return false }
    // A figure stays whole: 2,560円, 1億円, 30%, ▲10%, 120床.
    if isASCIIDigit(before), after == 0x2C || after == 0x2E || isUnit(after) { return true }
    if before == 0x2C || before == 0x2E, isASCIIDigit(after) { return true }
    if before == 0x25B2 || before == 0x2B || before == 0x2212, isASCIIDigit(after) { return true }
    return isASCIIWordCharacter(before) && isASCIIWordCharacter(after)
  }

  /// What follows a number as part of it: 円 万 億 千 床 人 名 回 % 件 年 月 日 時 歳.
  static func isUnit(_ value: UInt32) -> Bool {
    switch value {
    case 0x5186, 0x4E07, 0x5104, 0x5343, 0x5E8A, 0x4EBA, 0x540D, 0x56DE, 0x25, 0xFF05, 0x4EF6, 0x5E74, 0x6708, 0x65E5, 0x6642, 0x6B73: true
    default: false
    }
  }

  static func isASCIIWordCharacter(_ value: UInt32) -> Bool {
    (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x2D
  }

  /// Opening brackets: 「（ and the like never end a row.
  static func neverEndsRow(_ value: UInt32) -> Bool {
    switch value {
    case 0x28, 0x5B, 0x7B, 0xFF08, 0x300C, 0x300E, 0x3010, 0xFF3B, 0xFF5B, 0x3008, 0x300A: true
    default: false
    }
  }

  /// Closing punctuation that Japanese line breaking keeps off the start of a row.
  static func neverStartsRow(_ value: UInt32) -> Bool {
    switch value {
    case 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF09, 0x300D, 0x300F, 0x3011, 0xFF3D, 0xFF5D, 0x3009, 0x300B,
      0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0x30FC, 0x3005, 0x30FB:
      true  // 、。，．）」』】］｝〉》：；！？ー々・
    case 0x29, 0x5D, 0x7D, 0x2C, 0x2E, 0x3A, 0x3B, 0x21, 0x3F:
      true  // ) ] } , . : ; ! ?
    default: false
    }
  }

  /// A scalar with the zero-width scalars after it, as a line's rows are cut.
  struct Cluster {
    /// Where its bytes start in the line.
    var offset: Int
    /// Cells it takes alone, as a piece of a row.
    var cells: Int
    /// The line's cells before it.
    var before: Int
    /// Its scalar's value when it is one scalar (a space, punctuation).
    var single: UInt32?

    /// The clusters of a line's UTF-8 bytes, then one that marks the end (at the byte count,
    /// with the whole line's cells before it). Built in place: rows are cut for every long
    /// line of a quote, and appending cluster by cluster cost more than the cutting.
    static func split(_ line: UnsafeBufferPointer<UInt8>) -> [Cluster] {
      Array(unsafeUninitializedCapacity: line.count + 1) { buffer, count in
        var lineScan = WidthScan()
        var alone = WidthScan()
        var scalars = 0
        func close() {
          guard count > 0 else { return }
          buffer[count - 1].cells = alone.cells
          if scalars > 1 { buffer[count - 1].single = nil }
        }
        UTF8Scalars.forEach(in: line) { value, offset in
          if count == 0 || TextColumns.width(ofValue: value) != 0 {
            close()
            buffer.initializeElement(at: count, to: Cluster(offset: offset, cells: 0, before: lineScan.cells, single: value))
            count += 1
            alone = WidthScan()
            scalars = 0
          }
          alone.add(value)
          lineScan.add(value)
          scalars += 1
        }
        close()
        buffer.initializeElement(at: count, to: Cluster(offset: line.count, cells: 0, before: lineScan.cells, single: nil))
        count += 1
      }
    }
  }

  /// Whether a row may end between these two characters by choice: after a space, 、。）), a
  /// list's ・ or ／, or `/` (not inside a figure such as 1/2); before an opening bracket after
  /// Japanese (プラン|(喪失利益; an id keeps its name, fukuoka-ishikai（福岡県医師会）); and where a
  /// phrase ends, a particle in hiragana (``endsPhrase(_:)``) before a word in kanji, katakana or ASCII
  /// (「告知内容に|基づいて|算出します」). Never inside a word, nor between the words of a compound
  /// (セキュリティー割増引, 終了コード), which no rule here can tell from one word.
  static func mayBreak(_ before: UInt32?, _ after: UInt32?) -> Bool {
    guard let before else { return false }
    if keepsTogether(before, after) { return false }
    switch before {
    case 0x20, 0x3001, 0x3002, 0xFF09, 0x29, 0x300D, 0xFF0C, 0x30FB, 0xFF0F: return true
    case 0x2F: return !(after.map(isASCIIDigit) ?? false)
    default: break
    }
    guard let after else { return false }
    let japanese = isKanji(before) || isKatakana(before) || isHiragana(before) || before == 0x30FC
    if neverEndsRow(after), japanese { return true }
    guard endsPhrase(before) else { return false }
    return isKanji(after) || isKatakana(after) || isASCIIWordCharacter(after)
  }

  /// A hiragana that ends a phrase before a word: a particle or an inflection's end (を, に, は,
  /// て, る, く…). Not the kana inside a compound verb or noun (問い|合わせ, 申し|込み, 取り|扱い,
  /// 一つ|一つ), nor ご and お, which begin a word (ご確認, お支払い).
  static func endsPhrase(_ value: UInt32) -> Bool {
    "はがをにでとのもへやかてただずばらるくなんよねれ".unicodeScalars.contains { $0.value == value }
  }

  static func isASCIIDigit(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) }
  static func isHiragana(_ value: UInt32) -> Bool { (0x3041...0x309F).contains(value) }
  static func isKatakana(_ value: UInt32) -> Bool { (0x30A1...0x30FA).contains(value) }
  static func isKanji(_ value: UInt32) -> Bool { (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || value == 0x3005 }
}
