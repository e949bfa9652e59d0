/// A brochure's text as `rates draft` reads it: in the seeds' form (tab- or `|`-separated
/// tables) or as `pdftotext -layout` prints it (columns aligned with spaces, form feeds between
/// pages). Lines are numbered as an editor numbers them; each keeps the printed text and a form
/// for matching words, with its figures, limits, plan codes and '-' cells read out.
package struct BrochureText: Sendable {
  package struct Line: Sendable {
    /// 1-based, as an editor counts lines.
    package let number: Int
    /// As printed, without the line end and form feeds.
    package let text: String
    /// `normalized` without spaces, tabs and `|`: the form titles and sentences are matched in.
    package let compact: [Unicode.Scalar]
    package let tokens: [BrochureToken]
    /// A unit printed on the next line was joined to a figure of this one: its table's cells wrap.
    package internal(set) var wrapped = false

    package var isBlank: Bool { compact.isEmpty }

    /// The part of the line that `compact[range]` came from, in the brochure's own characters
    /// (full-width stays full-width; spaces inside kept). `normalized` maps each scalar of `text`
    /// to one, so the indices are the same.
    package func printed(_ range: Range<Int>) -> String {
      let scalars = Array(text.unicodeScalars)
      let normalized = self.normalized
      let compactIndex = normalized.indices.filter { Self.isCompact(normalized[$0]) }
      guard !range.isEmpty, range.upperBound <= compactIndex.count else { return "" }
      let source = scalars.count == normalized.count ? scalars : normalized
      var out = String.UnicodeScalarView()
      out.append(contentsOf: source[compactIndex[range.lowerBound]...compactIndex[range.upperBound - 1]])
      return String(out)
    }

    /// Compatibility characters mapped (``CompatibilityCharacters``), spacing kept. Made when
    /// asked, not held: a brochure's text is held once as printed and once compact.
    package var normalized: [Unicode.Scalar] { Self.normalized(text) }

    static func normalized(_ text: String) -> [Unicode.Scalar] {
      text.unicodeScalars.map { scalar -> Unicode.Scalar in
        let mapped = CompatibilityCharacters.normalized(scalar)
        return mapped == "\u{0B}" || mapped == "\u{0C}" ? " " : mapped
      }
    }

    /// Whether a normalized scalar stays in the compact form.
    static func isCompact(_ scalar: Unicode.Scalar) -> Bool { scalar != " " && scalar != "\t" && scalar != "|" }

    /// Cells as a table prints them: split at `|`, tabs and runs of two or more spaces.
    package var cells: [String] {
      var out: [String] = []
      var current = String.UnicodeScalarView()
      var spaces = 0
      func close() {
        let cell = String(current).trimmingSpaces
        if !cell.isEmpty { out.append(cell) }
        current = String.UnicodeScalarView()
      }
      for scalar in normalized {
        if scalar == " " {
          spaces += 1
          if spaces == 2 { close() } else if spaces == 1 { current.append(scalar) }
          continue
        }
        spaces = 0
        if scalar == "|" || scalar == "\t" { close() } else { current.append(scalar) }
      }
      close()
      return out
    }
  }

  /// Why a text cannot be read as a brochure: `rates draft` exits 2 and writes nothing.
  package enum ReadError: Error, Sendable, Hashable {
    case empty
    /// A NUL byte, or bytes that are not UTF-8: not extracted text.
    case binary(line: Int)
  }

  package let lines: [Line]

  /// Reads UTF-8 text with or without a BOM, with LF, CRLF or CR line ends.
  package init(bytes: [UInt8]) throws(ReadError) {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var lines: [Line] = []
    var number = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
      number += 1
      let raw = bytes[start..<end]
      if raw.contains(0) { throw .binary(line: number) }
      guard let text = String(validating: raw, as: UTF8.self) else { throw .binary(line: number) }
      lines.append(Line(number: number, text: text.contains("\u{0C}") ? text.filter { $0 != "\u{0C}" } : text))
      // CRLF is one line end; a lone CR is one too.
      if end < bytes.count, bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A { end += 1 }
      start = end + 1
    }
    guard lines.contains(where: { !$0.isBlank }) else { throw .empty }
    self.lines = Self.joiningWrappedUnits(lines)
  }

  /// `pdftotext -layout` of a table whose cells wrap puts a figure's unit on the next line, under
  /// the figure (`100,290` and below it `円`; `5,000万` and `円`). Each such unit goes back onto
  /// its figure, found by its column; the line it came from keeps whatever else it holds and its
  /// number, so every line is still cited as printed. Lines of the seeds' form (tabs, `|`) are
  /// left alone.
  static func joiningWrappedUnits(_ lines: [Line]) -> [Line] {
    var out = lines
    for i in out.indices.dropFirst() where !out[i].isBlank {
      let below = Array(out[i].text.unicodeScalars)
      guard !below.contains("\t"), !below.contains("|") else { continue }
      var above = Array(out[i - 1].text.unicodeScalars)
      guard !above.contains("\t"), !above.contains("|") else { continue }
      var remaining = below
      var moved = false
      // Right to left, so that earlier columns keep their indices as units are inserted above.
      for unit in TableReflow.words(below).reversed() {
        let start = unit.column
        let end = start + unit.text.count
        guard ["円", "万円", "億円"].contains(CompatibilityCharacters.normalized(String(String.UnicodeScalarView(unit.text)))),
          let figure = TableReflow.words(above).first(where: { abs($0.column - start) <= 2 && TableReflow.isOpenFigure($0.text) })
        else { continue }
        above.insert(contentsOf: unit.text, at: figure.column + figure.text.count)
        for k in start..<end { remaining[k] = " " }
        moved = true
      }
      guard moved else { continue }
      out[i - 1] = Line(number: out[i - 1].number, text: String(String.UnicodeScalarView(above)))
      out[i - 1].wrapped = true
      let rest = String(String.UnicodeScalarView(remaining))
      out[i] = Line(number: out[i].number, text: rest.allSatisfy { $0 == " " } ? "" : rest)
    }
    return out
  }

  /// Lines already read (a reflowed table).
  init(lines: [Line]) {
    self.lines = lines
  }

  /// The text as `String`s, one per line (tests).
  package init(_ text: String) throws(ReadError) {
    try self.init(bytes: Array(text.utf8))
  }
}

extension BrochureText.Line {
  init(number: Int, text: String) {
    self.number = number
    self.text = text
    let normalized = Self.normalized(text)
    // Reserved to the line's length rather than grown by doubling: a long brochure holds a
    // compact form of every line.
    var compact: [Unicode.Scalar] = []
    compact.reserveCapacity(normalized.count)
    for c in normalized where Self.isCompact(c) { compact.append(c) }
    self.compact = compact
    self.tokens = BrochureToken.scan(normalized)
  }
}

/// What a line of a rate table holds, in order.
package enum BrochureToken: Sendable, Hashable {
  /// A premium or rate: `29,380円`, `660 円`.
  case yen(Int64, printed: String)
  /// A limit: `1,000万円`, `1億円`, `1億5,000万円`.
  case amount(Int64, printed: String)
  /// A cell printed as '-': no premium.
  case dash
  /// A word that may be a plan code: one or two capitals and up to six digits (`S1`, `P1000`, `A`).
  case code(String)
  /// A figure with something inside it but digits and thousands commas: digits before a premium
  /// or limit across one space, a comma and a space, or a character a reader cannot see (`80, 790円`,
  /// `2 9,970円`, a no-break, thin or zero-width space, a soft hyphen, an apostrophe). Its tail
  /// alone (`790円`) would read as a figure: it is never read, it is listed.
  case broken(printed: String)

  static func scan(_ s: [Unicode.Scalar]) -> [BrochureToken] {
    var tokens: [BrochureToken] = []
    var i = 0
    while i < s.count {
      let c = s[i]
      let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
      if isDigit(c), !(before.map { isDigit($0) || isASCIILetter($0) || $0 == "," || $0 == "." } ?? false) {
        let (token, next) = money(s, from: i)
        if let token {
          if let head = splitHead(s, before: i) {
            tokens.append(.broken(printed: String(String.UnicodeScalarView(s[head..<next]))))
          } else {
            tokens.append(token)
          }
        }
        i = max(next, i + 1)
      } else if isUpper(c), !(before.map { isASCIILetter($0) || isDigit($0) } ?? false) {
        var j = i
        while j < s.count, isASCIILetter(s[j]) || isDigit(s[j]) { j += 1 }
        let word = String(String.UnicodeScalarView(s[i..<j]))
        if isPlanCode(s[i..<j]) { tokens.append(.code(word)) }
        i = j
      } else if c == "-", before.map(isSeparator) ?? true {
        var j = i
        while j < s.count, s[j] == "-" { j += 1 }
        if j - i <= 2, j == s.count || isSeparator(s[j]) { tokens.append(.dash) }
        i = j
      } else {
        i += 1
      }
    }
    return tokens
  }

  /// Where the digits that a figure starting at `start` was split from begin, if it was: a run
  /// of digits (with commas) ending at most one space, or any number of invisible or joining
  /// characters, before `start`. Two spaces, a tab or `|` separate cells, and split nothing.
  static func splitHead(_ s: [Unicode.Scalar], before start: Int) -> Int? {
    var j = start
    var spaces = 0
    var hidden = 0
    var separators = 0
    while j > 0, isJoiner(s[j - 1]) || s[j - 1] == " " || s[j - 1] == "\t" || s[j - 1] == "|" {
      if s[j - 1] == " " { spaces += 1 } else if isJoiner(s[j - 1]) { hidden += 1 } else { separators += 1 }
      j -= 1
    }
    guard j < start, j > 0 else { return nil }
    // A thousands comma left before a cell's end (`29,` then `380円`) is a figure cut in two,
    // whatever separates the parts; without it, two spaces, a tab or `|` separate two cells.
    let cutAtComma = s[j - 1] == "," && j > 1 && isDigit(s[j - 2])
    guard cutAtComma || (separators == 0 && (spaces <= 1 || hidden > 0) && spaces + hidden <= 3) else { return nil }
    var k = j
    if s[k - 1] == ",", k > 1, isDigit(s[k - 2]) { k -= 1 }
    guard isDigit(s[k - 1]) else { return nil }
    // A lone digit a single space before a figure may be a count or an item number (`第2 …`)
    // only when letters stand before it; digits right after a letter are not a figure's head.
    while k > 0, isDigit(s[k - 1]) || (s[k - 1] == "," && k > 1 && isDigit(s[k - 2])) { k -= 1 }
    if k > 0, !isJoiner(s[k - 1]), s[k - 1] != " ", s[k - 1] != "\t", s[k - 1] != "|", hidden == 0 { return nil }
    return k
  }

  /// Characters a reader does not see between two digits: no-break, thin and zero-width spaces,
  /// joiners, a soft hyphen, an apostrophe.
  static func isJoiner(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x00A0, 0x00AD, 0x2002...0x200D, 0x202F, 0x205F, 0x2060, 0xFEFF, 0x0027, 0x2019, 0x02BC: true
    default: false
    }
  }

  /// A number with its unit: 円 (a premium) or 億/万 … 円 (a limit); nil for a bare number.
  private static func money(_ s: [Unicode.Scalar], from start: Int) -> (BrochureToken?, Int) {
    var total: Int64 = 0
    var i = start
    var sawUnit = false
    while true {
      guard let (value, afterNumber) = number(s, from: i) else { return (nil, i) }
      let j = skipSpaces(s, from: afterNumber)
      guard j < s.count else { return (nil, afterNumber) }
      let scale: Int64
      switch s[j] {
      case "億": scale = 100_000_000
      case "万": scale = 10_000
      case "円":
        let (sum, overflow) = total.addingReportingOverflow(value)
        guard !overflow else { return (nil, j + 1) }
        let printed = String(String.UnicodeScalarView(s[start...j]))
        return (sawUnit ? .amount(sum, printed: printed) : .yen(sum, printed: printed), j + 1)
      default: return (nil, afterNumber)
      }
      let (scaled, o1) = value.multipliedReportingOverflow(by: scale)
      let (sum, o2) = total.addingReportingOverflow(scaled)
      guard !o1, !o2 else { return (nil, j + 1) }
      total = sum
      sawUnit = true
      let k = skipSpaces(s, from: j + 1)
      if k < s.count, s[k] == "円" {
        return (.amount(total, printed: String(String.UnicodeScalarView(s[start...k]))), k + 1)
      }
      // Only 億 is followed by more digits (`1億5,000万円`): after 万 comes 円 or nothing, and the
      // digits after a space are the next cell's (`1,000万 100万円` is two limits, one cut).
      guard scale == 100_000_000, k < s.count, isDigit(s[k]) else { return (nil, j + 1) }
      i = k
    }
  }

  /// Digits with optional thousands commas (`29,380`), at most 15 digits.
  private static func number(_ s: [Unicode.Scalar], from start: Int) -> (Int64, Int)? {
    var value: Int64 = 0
    var digits = 0
    var i = start
    while i < s.count {
      if isDigit(s[i]) {
        guard digits < 15 else { return nil }
        value = value * 10 + Int64(s[i].value - 48)
        digits += 1
        i += 1
      } else if s[i] == ",", i + 1 < s.count, isDigit(s[i + 1]), digits > 0 {
        i += 1
      } else {
        break
      }
    }
    return digits > 0 ? (value, i) : nil
  }

  private static func skipSpaces(_ s: [Unicode.Scalar], from i: Int) -> Int {
    var i = i
    while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
    return i
  }

  private static func isPlanCode(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
    let letters = word.prefix { isUpper($0) }
    let digits = word.dropFirst(letters.count)
    return (1...2).contains(letters.count) && digits.count <= 6 && digits.allSatisfy(isDigit)
  }

  private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
  private static func isUpper(_ c: Unicode.Scalar) -> Bool { c.value >= 65 && c.value <= 90 }
  private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { isUpper(c) || (c.value >= 97 && c.value <= 122) }
  private static func isSeparator(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "|" }
}
