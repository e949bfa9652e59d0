/// Dates as brochures print them: `2025年5月5日`, `2025 年 10 月 1 日`, `令和7年3月14日`, and
/// `2月28日` without a year, each with the weekday that may follow (`(金)`, `（月）`).
package enum JapaneseDates {
  package struct Found: Sendable, Hashable {
    /// nil when the text prints no year.
    package let year: Int?
    package let month: Int
    package let day: Int
    /// The weekday as printed (`金`), when one follows.
    package let weekday: String?
    /// Where it stands, in the scalars of the normalised text.
    package let range: Range<Int>

    package var date: CalendarDate? { year.flatMap { CalendarDate(year: $0, month: month, day: day) } }
  }

  /// Every date in `text`, in order. Full-width digits and spaces are read as their ASCII forms.
  package static func scan<S: StringProtocol>(_ text: S) -> [Found] {
    let s = Array(CompatibilityCharacters.normalized(text).unicodeScalars)
    var found: [Found] = []
    var i = 0
    while i < s.count {
      guard let match = date(in: s, at: i) else {
        i += 1
        continue
      }
      found.append(match)
      i = match.range.upperBound
    }
    return found
  }

  /// The weekday of `date` as Japanese brochures print it: `月` … `日`.
  package static func weekday(of date: CalendarDate) -> String {
    // Days since 1970-01-01 (a Thursday), by the civil-from-days algorithm run backwards.
    let y = date.month <= 2 ? date.year - 1 : date.year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    let names = ["木", "金", "土", "日", "月", "火", "水"]
    return names[((days % 7) + 7) % 7]
  }

  private static func date(in s: [Unicode.Scalar], at start: Int) -> Found? {
    var i = start
    var year: Int?
    if s[i] == "令", i + 1 < s.count, s[i + 1] == "和" {
      i += 2
      guard let (n, next) = number(s, from: i), let afterYear = unit(s, "年", at: next) else { return nil }
      year = n == 0 ? nil : 2018 + n
      guard year != nil else { return nil }
      i = afterYear
    } else {
      guard start == 0 || !isDigit(s[start - 1]) else { return nil }
      guard let (n, next) = number(s, from: i) else { return nil }
      if let afterYear = unit(s, "年", at: next) {
        guard (1900...2999).contains(n) else { return nil }
        year = n
        i = afterYear
      }
    }
    guard let (month, afterMonthNumber) = number(s, from: i), let afterMonth = unit(s, "月", at: afterMonthNumber),
      let (day, afterDayNumber) = number(s, from: afterMonth), let afterDay = unit(s, "日", at: afterDayNumber),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var end = afterDay
    var weekday: String?
    var j = skipSpaces(s, from: afterDay)
    if j < s.count, s[j] == "(" {
      j = skipSpaces(s, from: j + 1)
      if j < s.count, "月火水木金土日".unicodeScalars.contains(s[j]) {
        let name = String(s[j])
        let k = skipSpaces(s, from: j + 1)
        if k < s.count, s[k] == ")" {
          weekday = name
          end = k + 1
        }
      }
    }
    return Found(year: year, month: month, day: day, weekday: weekday, range: start..<end)
  }

  private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

  private static func skipSpaces(_ s: [Unicode.Scalar], from i: Int) -> Int {
    var i = i
    while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
    return i
  }

  /// Up to four digits after optional spaces, and the index after them.
  private static func number(_ s: [Unicode.Scalar], from i: Int) -> (Int, Int)? {
    var i = skipSpaces(s, from: i)
    var value = 0
    var digits = 0
    while i < s.count, isDigit(s[i]), digits < 4 {
      value = value * 10 + Int(s[i].value - 48)
      digits += 1
      i += 1
    }
    guard digits > 0, i >= s.count || !isDigit(s[i]) else { return nil }
    return (value, i)
  }

  private static func unit(_ s: [Unicode.Scalar], _ u: Unicode.Scalar, at i: Int) -> Int? {
    let i = skipSpaces(s, from: i)
    return i < s.count && s[i] == u ? i + 1 : nil
  }
}
