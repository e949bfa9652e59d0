/// Finds a sentence of last year's book in a new brochure's text, whatever the line breaks,
/// spacing, punctuation and compatibility characters: the sentence counts as printed when a
/// window of lines holds at least 75% of its letter pairs and every number in it. The window is
/// three non-blank lines, or one for every ten letters of a longer sentence (a contact address
/// runs over many lines).
///
/// Pairs are looked up in an index of the text, so each search costs the occurrences of its own
/// pairs, not the length of the text.
struct TextIndex {
  /// The text whose non-blank lines are searched.
  let text: BrochureText
  /// The non-blank lines, by their index in the text: the entries searched.
  let lineIndex: [Int32]
  /// Letter pair → the entries holding it, ascending (``Postings``).
  let pairs: [UInt64: Postings]
  static let coverage = (numerator: 3, denominator: 4)

  /// The entries holding one pair, ascending, as the gaps between them in 7-bit groups (a set
  /// high bit: more groups follow): a pair printed on every line (a running header, the words of
  /// a long text) costs a byte per line, not four.
  struct Postings {
    private(set) var bytes: [UInt8] = []
    private var last: Int32 = -1

    mutating func append(_ entry: Int32) {
      var gap = UInt32(entry - last)
      last = entry
      while gap >= 0x80 {
        bytes.append(UInt8(gap & 0x7F) | 0x80)
        gap >>= 7
      }
      bytes.append(UInt8(gap))
    }

    /// Every entry, in order.
    func forEach(_ body: (Int) -> Void) {
      var entry = -1
      var gap = 0
      var shift = 0
      for byte in bytes {
        gap |= Int(byte & 0x7F) << shift
        if byte & 0x80 != 0 {
          shift += 7
          continue
        }
        entry += gap
        body(entry)
        (gap, shift) = (0, 0)
      }
    }
  }

  init(_ text: BrochureText) {
    var lineIndex: [Int32] = []
    var pairs: [UInt64: Postings] = [:]
    for (i, line) in text.lines.enumerated() where !line.isBlank {
      for pair in Set(Self.pairs(Self.letters(line.compact))) { pairs[pair, default: Postings()].append(Int32(truncatingIfNeeded: lineIndex.count)) }
      lineIndex.append(Int32(truncatingIfNeeded: i))
    }
    self.text = text
    self.lineIndex = lineIndex
    self.pairs = pairs
  }

  /// Entry `i`'s letters, digits, `%` and circled numbers, nothing else: made when a search
  /// looks at it, not held beside the text.
  func letters(_ i: Int) -> [Unicode.Scalar] { Self.letters(text.lines[Int(lineIndex[i])].compact) }

  /// The 0-based index of the line that holds most of the first window printing `sentence`, or nil.
  func find(_ sentence: String) -> Int? {
    let wanted = Self.letters(Self.compact(sentence))
    guard !wanted.isEmpty else { return nil }
    if wanted.count == 1 { return lineIndex.indices.first { letters($0).contains(wanted[0]) }.map { Int(lineIndex[$0]) } }
    let window = max(3, wanted.count / 10)
    let distinct = Array(Set(Self.pairs(wanted)))
    var counts = [Int](repeating: 0, count: lineIndex.count)
    for pair in distinct {
      var counted = -1
      pairs[pair]?.forEach { line in
        for w in max(line - window + 1, counted + 1, 0)...line { counts[w] += 1 }
        counted = line
      }
    }
    let numbers = Self.numbers(wanted)
    let needed = (distinct.count * Self.coverage.numerator + Self.coverage.denominator - 1) / Self.coverage.denominator
    for w in counts.indices where counts[w] >= needed {
      let lines = w..<min(lineIndex.count, w + window)
      let joined = Array(lines.map(letters).joined())
      guard numbers.allSatisfy({ Self.containsNumber(joined, $0) }) else { continue }
      // The line of the window that holds most of the sentence: where it stands.
      let wantedPairs = Set(distinct)
      let best = lines.max { a, b in
        Set(Self.pairs(letters(a))).intersection(wantedPairs).count < Set(Self.pairs(letters(b))).intersection(wantedPairs).count
      }
      return Int(lineIndex[best ?? w])
    }
    return nil
  }

  // MARK: - Forms

  /// Compatibility characters mapped, without spaces, tabs and `|`.
  static func compact(_ text: String) -> [Unicode.Scalar] {
    CompatibilityCharacters.normalized(text).unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "|" }
  }

  static func letters(_ compact: [Unicode.Scalar]) -> [Unicode.Scalar] {
    compact.filter(isLetter)
  }

  static func isLetter(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic || c.properties.numericType != nil || c == "%"
  }

  static func pairs(_ s: [Unicode.Scalar]) -> [UInt64] {
    zip(s, s.dropFirst()).map { UInt64($0.value) << 32 | UInt64($1.value) }
  }

  /// Runs of ASCII digits.
  static func numbers(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
    var out: [[Unicode.Scalar]] = []
    var current: [Unicode.Scalar] = []
    for c in s {
      if isDigit(c) {
        current.append(c)
      } else if !current.isEmpty {
        out.append(current)
        current = []
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

  /// `number` as a whole run of digits in `s` (`20` is not in `2025`).
  static func containsNumber(_ s: [Unicode.Scalar], _ number: [Unicode.Scalar]) -> Bool {
    var i = 0
    while let at = firstIndex(of: number, in: s, from: i) {
      let end = at + number.count
      if (at == 0 || !isDigit(s[at - 1])) && (end == s.count || !isDigit(s[end])) { return true }
      i = at + 1
    }
    return false
  }

  static func contains(_ s: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
    firstIndex(of: needle, in: s, from: 0) != nil
  }

  static func firstIndex(of needle: [Unicode.Scalar], in s: [Unicode.Scalar], from start: Int) -> Int? {
    guard !needle.isEmpty, s.count >= needle.count, start <= s.count - needle.count else { return needle.isEmpty ? start : nil }
    let first = needle[0]
    var i = start
    while i <= s.count - needle.count {
      if s[i] == first {
        var k = 1
        while k < needle.count, s[i + k] == needle[k] { k += 1 }
        if k == needle.count { return i }
      }
      i += 1
    }
    return nil
  }
}

/// The whole text as one run of letters and digits, so that a sentence a brochure breaks over
/// lines (`■申込締切日` … `2025年3月14日(金)まで`) or punctuates differently (`·` for `・`) is
/// matched whole. Held as UTF-16 code units: the letters of a Japanese brochure are almost all in
/// the Basic Multilingual Plane, so the stream takes half the room of scalars, and a letter beyond
/// it is its two surrogates, matched as two units.
struct TextStream {
  let units: [UInt16]
  /// Where each line's units start in the stream: a unit's line is found by a binary search,
  /// and its place in the line by walking that line, so that nothing per unit is held beside
  /// the stream.
  let lineStarts: [Int32]
  let text: BrochureText

  /// The line (0-based) and the index in its compact form of the letter at `position`.
  func origin(_ position: Int) -> (line: Int, index: Int) {
    var (low, high) = (0, lineStarts.count - 1)
    // The last line starting at or before `position` (lines without letters start where the next does).
    while low < high {
      let middle = (low + high + 1) / 2
      if Int(lineStarts[middle]) <= position { low = middle } else { high = middle - 1 }
    }
    // The line's letters are the stream's units from its start, in order, with a number break
    // standing for the digit after it and a low surrogate for nothing (its letter was counted).
    let compact = text.lines[low].compact
    var next = 0
    for p in Int(lineStarts[low])...position {
      while next < compact.count, !TextIndex.isLetter(compact[next]) { next += 1 }
      if p == position { break }
      if units[p] != Self.numberBreak, !UTF16.isLeadSurrogate(units[p]) { next += 1 }
    }
    return (low, next)
  }

  /// Stands between two numbers that something other than a thousands comma separates
  /// (`890-0053`, `9:00`, a line break), so that they are not read as one.
  static let numberBreak: UInt16 = 0x1F

  init(_ text: BrochureText) {
    var units: [UInt16] = []
    var lineStarts: [Int32] = []
    // Two units per compact character at most, and a break only where a character (or a line
    // end) was skipped: reserved for the usual case of one unit a letter, so that the stream
    // rarely holds a grown buffer and its copy together (the draft's peak).
    units.reserveCapacity(text.lines.reduce(text.lines.count) { $0 + $1.compact.count })
    lineStarts.reserveCapacity(text.lines.count)
    for line in text.lines {
      lineStarts.append(Int32(truncatingIfNeeded: units.count))
      Self.append(line.compact, to: &units)
    }
    self.units = units
    self.lineStarts = lineStarts
    self.text = text
  }

  /// Appends the letters of one line's (or a sentence's) compact form as the stream holds them:
  /// letters only, a ``numberBreak`` between two numbers something else separated (a line's
  /// start counts as a separation).
  static func append(_ compact: [Unicode.Scalar], to units: inout [UInt16]) {
    var skipped = true
    var onlyComma = false
    for c in compact {
      guard TextIndex.isLetter(c) else {
        onlyComma = !skipped && c == ","
        skipped = true
        continue
      }
      if TextIndex.isDigit(c), let last = units.last, isDigit(last), skipped, !onlyComma {
        units.append(numberBreak)
      }
      skipped = false
      onlyComma = false
      units.append(contentsOf: c.utf16)
    }
  }

  static func isDigit(_ unit: UInt16) -> Bool { unit >= 48 && unit <= 57 }

  /// A sentence as the stream holds a line of it.
  static func units(_ sentence: String) -> [UInt16] {
    var units: [UInt16] = []
    append(TextIndex.compact(sentence), to: &units)
    return units
  }

  /// What was matched: the text as printed (lines joined by a space), its first line (1-based)
  /// and the numbers where the pattern had numbers.
  struct Match {
    let printed: String
    let line: Int
    let numbers: [Int]
  }

  /// The first place that prints `sentence` with its numbers, dates and weekdays possibly
  /// changed: every other character must be there, in order, with nothing between.
  func match(shapeOf sentence: String) -> Match? {
    let pattern = Shape(sentence)
    guard let anchor = pattern.elements.firstIndex(where: { if case .literal = $0 { true } else { false } }) else { return nil }
    guard case .literal(let first) = pattern.elements[anchor] else { return nil }
    var start = 0
    while start < units.count {
      guard units[start] == first || anchor > 0 else {
        start += 1
        continue
      }
      if let (end, numbers) = pattern.match(units, at: start), end > start {
        return Match(printed: printed(start..<end, widenedBy: pattern.margins), line: origin(start).line + 1, numbers: numbers)
      }
      start += 1
    }
    return nil
  }

  /// `units[range]` as the lines print it, each line's part with its spaces and punctuation,
  /// joined by a space; widened on its first and last line by as many characters as the sentence
  /// had before its first letter and after its last (`【`, `（金）`).
  func printed(_ range: Range<Int>, widenedBy margins: (leading: Int, trailing: Int) = (0, 0)) -> String {
    var parts: [String] = []
    var i = range.lowerBound
    while i < range.upperBound {
      let (line, first) = origin(i)
      // The line's units end where the next line's start.
      let lineEnd = line + 1 < lineStarts.count ? Int(lineStarts[line + 1]) : units.count
      let j = min(range.upperBound, lineEnd)
      var from = first
      var to = origin(j - 1).index + 1
      if i == range.lowerBound { from = max(0, from - margins.leading) }
      if j == range.upperBound { to = min(text.lines[line].compact.count, to + margins.trailing) }
      parts.append(text.lines[line].printed(from..<to))
      i = j
    }
    return parts.joined(separator: " ")
  }

  /// A sentence with its numbers and weekdays as wildcards.
  struct Shape {
    enum Element: Equatable {
      /// A UTF-16 unit of a letter, as the stream holds it.
      case literal(UInt16)
      case number
      /// `(金)` after a date: the weekday changes with it.
      case weekday
    }

    /// Letters and digits only, as ``TextStream`` holds the text.
    let elements: [Element]
    /// How many characters the sentence has before its first letter and after its last.
    let margins: (leading: Int, trailing: Int)

    init(_ sentence: String) {
      let s = TextIndex.compact(sentence)
      var elements: [Element] = []
      var i = 0
      while i < s.count {
        if TextIndex.isDigit(s[i]) {
          // Numbers apart (`890-0053`) stay apart, as the text holds them (``TextStream/numberBreak``).
          if elements.last == .number { elements.append(.literal(TextStream.numberBreak)) }
          while i < s.count, TextIndex.isDigit(s[i]) || (s[i] == "," && i + 1 < s.count && TextIndex.isDigit(s[i + 1])) { i += 1 }
          elements.append(.number)
        } else if s[i] == "(", i + 2 < s.count, s[i + 2] == ")", Self.weekdays.contains(s[i + 1]), i > 0, s[i - 1] == "日" {
          elements.append(.weekday)
          i += 3
        } else {
          if TextIndex.isLetter(s[i]) { elements += s[i].utf16.map { .literal($0) } }
          i += 1
        }
      }
      self.elements = elements
      let leading = s.prefix { !TextIndex.isLetter($0) }.count
      margins = (leading, leading == s.count ? 0 : s.reversed().prefix { !TextIndex.isLetter($0) }.count)
    }

    static let weekdays = Set("月火水木金土日".unicodeScalars)
    static let weekdayUnits = Set("月火水木金土日".utf16)

    /// Where the sentence ends when it starts at `start` of `s` (the stream's units), and the
    /// numbers it holds there.
    func match(_ s: [UInt16], at start: Int) -> (end: Int, numbers: [Int])? {
      var i = start
      var numbers: [Int] = []
      for element in elements {
        switch element {
        case .literal(let c):
          guard i < s.count, s[i] == c else { return nil }
          i += 1
        case .weekday:
          guard i < s.count, Self.weekdayUnits.contains(s[i]) else { return nil }
          i += 1
        case .number:
          var value = 0
          var digits = 0
          while i < s.count, TextStream.isDigit(s[i]) {
            guard digits < 12 else { return nil }
            value = value * 10 + Int(s[i] - 48)
            digits += 1
            i += 1
          }
          guard digits > 0 else { return nil }
          numbers.append(value)
        }
      }
      return (i, numbers)
    }
  }
}
