/// The terms around the tables: period, group discount, payment.
extension DraftReader {
  /// 保険期間: two dates (start and end), or one with a term of 1年 (the end a year on); the time
  /// of day from 午後N時. Without dates, the term as printed (`保険期間1年`).
  ///
  /// A line that prints two periods (`… → …`, or more than two dates), or two lines that print
  /// different periods, is listed: the draft holds the one after the arrow, or the first.
  mutating func readPeriod() -> (period: Period?, term: String?, line: Int?) {
    let keys = ["保険期間", "契約期間", "補償開始日", "補償期間"].map { TextIndex.compact($0) }
    var readings: [(period: Period, line: BrochureText.Line)] = []
    var doubted: [BrochureText.Line] = []
    for line in text.lines where keys.contains(where: { TextIndex.contains(line.compact, $0) }) {
      let (before, after) = Self.splitAtArrow(line.normalized)
      guard let first = Self.period(in: before, compact: line.compact) else { continue }
      let all = JapaneseDates.scan(String(String.UnicodeScalarView(line.normalized))).compactMap(\.date)
      if let after, let second = Self.period(in: after, compact: line.compact) {
        readings.append((second, line))
        doubted.append(line)
      } else {
        readings.append((first, line))
        if all.count > 2 { doubted.append(line) }
      }
    }
    if let chosen = readings.first {
      let others = readings.filter { $0.period != chosen.period }.map(\.line)
      let lines = doubted + others.filter { o in !doubted.contains { $0.number == o.number } }
      if !lines.isEmpty {
        let all = ([chosen.line] + lines).reduce(into: [BrochureText.Line]()) { out, l in if !out.contains(where: { $0.number == l.number }) { out.append(l) } }
        unresolved.append(
          .init(
            kind: .termPrintedTwice(field: "period", printed: all.map { $0.text.trimmingSpaces }), line: all[0].number,
            also: all.dropFirst().map(\.number)))
      }
      return (chosen.period, nil, chosen.line.number)
    }
    let undated = TextIndex.compact("保険期間1年")
    if let line = text.lines.first(where: { TextIndex.contains(TextIndex.letters($0.compact), TextIndex.letters(undated)) }) {
      return (nil, "保険期間1年", line.number)
    }
    return (nil, nil, nil)
  }

  /// The period one part of a line prints: two dates, or one and a term of 1年.
  static func period(in part: [Unicode.Scalar], compact: [Unicode.Scalar]) -> Period? {
    let dates = JapaneseDates.scan(String(String.UnicodeScalarView(part))).compactMap(\.date)
    guard let start = dates.first else { return nil }
    let partCompact = part.filter { $0 != " " && $0 != "\t" && $0 != "|" }
    let time = Self.time(in: partCompact)
    if dates.count >= 2, start < dates[1] { return Period(start: start, end: dates[1], time: time) }
    guard TextIndex.contains(partCompact, TextIndex.compact("1年")) || TextIndex.contains(compact, TextIndex.compact("1年")),
      let end = CalendarDate(year: start.year + 1, month: start.month, day: start.day)
    else { return nil }
    return Period(start: start, end: end, time: time)
  }

  /// The arrows a brochure prints between an old value and a new one.
  static let arrows: Set<Unicode.Scalar> = ["→", "⇒", "➡", "➔", "⇨", "▶"]

  /// A line cut at its first arrow (`->` too): what stands before it, and after it if there is one.
  static func splitAtArrow(_ s: [Unicode.Scalar]) -> (before: [Unicode.Scalar], after: [Unicode.Scalar]?) {
    for i in s.indices {
      if arrows.contains(s[i]) { return (Array(s[..<i]), Array(s[(i + 1)...])) }
      if s[i] == "-", i + 1 < s.count, s[i + 1] == ">" { return (Array(s[..<i]), Array(s[(i + 2)...])) }
    }
    return (s, nil)
  }

  /// `午後4時` → `16:00`, `午前9時` → `09:00`.
  static func time(in compact: [Unicode.Scalar]) -> String? {
    for (marker, shift) in [("午後", 12), ("午前", 0)] {
      let key = TextIndex.compact(marker)
      guard let at = TextIndex.firstIndex(of: key, in: compact, from: 0) else { continue }
      var i = at + key.count
      var hour = 0
      var digits = 0
      while i < compact.count, TextIndex.isDigit(compact[i]), digits < 2 {
        hour = hour * 10 + Int(compact[i].value - 48)
        digits += 1
        i += 1
      }
      guard digits > 0, i < compact.count, compact[i] == "時", hour <= 12 else { continue }
      let h = hour == 12 ? shift : hour + shift
      return (h < 10 ? "0\(h)" : "\(h)") + ":00"
    }
    return nil
  }

  /// 団体割引 N%: the first percentage after the words, on their line or the next. A line that
  /// prints two (`20%→25%`, `20%から25%に`), or lines that print different ones, are listed:
  /// the draft holds the one after the arrow, or the first.
  mutating func readGroupDiscount() -> (percent: Rational?, line: Int?) {
    let key = TextIndex.compact("団体割引")
    var readings: [(percent: Rational, line: BrochureText.Line, printed: String)] = []
    var doubted: Set<Int> = []
    for (i, line) in text.lines.enumerated() {
      guard let at = TextIndex.firstIndex(of: key, in: line.compact, from: 0) else { continue }
      let rest = Array(line.compact[(at + key.count)...]) + (i + 1 < text.lines.count ? text.lines[i + 1].compact : [])
      guard let (value, end) = Self.percent(in: rest, from: 0) else { continue }
      // `→ 25%` or `から25%に` right after the first percentage: a second value of the same term.
      var j = end
      if j < rest.count, Self.arrows.contains(rest[j]) {
        j += 1
      } else if j + 1 < rest.count, rest[j] == "-", rest[j + 1] == ">" {
        j += 2
      } else if j + 1 < rest.count, rest[j] == "か", rest[j + 1] == "ら" {
        j += 2
      }
      if j > end, let (second, _) = Self.percent(in: rest, from: j) {
        readings.append((second, line, line.text.trimmingSpaces))
        doubted.insert(line.number)
      } else {
        readings.append((value, line, line.text.trimmingSpaces))
      }
    }
    guard let chosen = readings.first else { return (nil, nil) }
    let concerned = readings.filter { doubted.contains($0.line.number) || $0.percent != chosen.percent }
    if !concerned.isEmpty {
      var lines = [chosen.line]
      for r in concerned where !lines.contains(where: { $0.number == r.line.number }) { lines.append(r.line) }
      unresolved.append(
        .init(
          kind: .termPrintedTwice(field: "group_discount_percent", printed: lines.map { $0.text.trimmingSpaces }), line: lines[0].number,
          also: lines.dropFirst().map(\.number)))
    }
    return (chosen.percent, chosen.line.number)
  }

  /// A percentage (`20%`, `7.5%`) starting at `from`, and the index after its `%`.
  static func percent(in rest: [Unicode.Scalar], from: Int) -> (Rational, Int)? {
    var j = from
    var digits: [Unicode.Scalar] = []
    while j < rest.count, TextIndex.isDigit(rest[j]) || (rest[j] == "." && !digits.isEmpty) {
      digits.append(rest[j])
      j += 1
    }
    guard !digits.isEmpty, j < rest.count, rest[j] == "%",
      case .number(let value) = NumberText.parse(String(String.UnicodeScalarView(digits))), value <= Rational(100)
    else { return nil }
    return (value, j + 1)
  }

  /// 12回払 or 一括払, preferring the line that states the discount the figures assume.
  func readPayment(near discountLine: Int?) -> (installments: Int, payment: String?, line: Int?) {
    let modes: [(String, Int)] = [("12回払", 12), ("一括払", 1)]
    let ordered = text.lines.filter { $0.number == discountLine } + text.lines
    for line in ordered {
      for (mode, installments) in modes where TextIndex.contains(line.compact, TextIndex.compact(mode)) {
        return (installments, mode, line.number)
      }
    }
    return (1, nil, nil)
  }
}
