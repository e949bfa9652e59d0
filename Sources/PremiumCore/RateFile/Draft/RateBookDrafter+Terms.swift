/// The terms around the tables: period, group discount, payment.
extension DraftReader {
  /// 保険期間: two dates (start and end), or one with a term of 1年 (the end a year on); the time
  /// of day from 午後N時. Without dates, the term as printed (`保険期間1年`).
  func readPeriod() -> (period: Period?, term: String?, line: Int?) {
    let keys = ["保険期間", "契約期間", "補償開始日", "補償期間"].map { TextIndex.compact($0) }
    for line in text.lines where keys.contains(where: { TextIndex.contains(line.compact, $0) }) {
      let dates = JapaneseDates.scan(String(String.UnicodeScalarView(line.normalized))).compactMap(\.date)
      guard let start = dates.first else { continue }
      let time = Self.time(in: line.compact)
      if dates.count >= 2, start < dates[1] {
        return (Period(start: start, end: dates[1], time: time), nil, line.number)
      }
      if TextIndex.contains(line.compact, TextIndex.compact("1年")),
        let end = CalendarDate(year: start.year + 1, month: start.month, day: start.day)
      {
        return (Period(start: start, end: end, time: time), nil, line.number)
      }
    }
    let undated = TextIndex.compact("保険期間1年")
    if let line = text.lines.first(where: { TextIndex.contains(TextIndex.letters($0.compact), TextIndex.letters(undated)) }) {
      return (nil, "保険期間1年", line.number)
    }
    return (nil, nil, nil)
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

  /// 団体割引 N%: the first percentage after the words, on their line or the next.
  func readGroupDiscount() -> (percent: Rational?, line: Int?) {
    let key = TextIndex.compact("団体割引")
    for (i, line) in text.lines.enumerated() {
      guard let at = TextIndex.firstIndex(of: key, in: line.compact, from: 0) else { continue }
      let rest = Array(line.compact[(at + key.count)...]) + (i + 1 < text.lines.count ? text.lines[i + 1].compact : [])
      var j = 0
      var digits: [Unicode.Scalar] = []
      while j < rest.count, TextIndex.isDigit(rest[j]) || (rest[j] == "." && !digits.isEmpty) {
        digits.append(rest[j])
        j += 1
      }
      guard !digits.isEmpty, j < rest.count, rest[j] == "%",
        case .number(let value) = NumberText.parse(String(String.UnicodeScalarView(digits))), value <= Rational(100)
      else { continue }
      return (value, line.number)
    }
    return (nil, nil)
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
