/// A day in the Japanese calendar, without a time zone: contract periods start and end on days.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Throws nothing; returns `nil` for a day that does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CalendarDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// A day the generated rate books write; the generator took it from a valid `CalendarDate`.
  init(validYear year: Int, month: Int, day: Int) {
    precondition(CalendarDate(year: year, month: month, day: day) != nil, "invalid date")
    self.year = year
    self.month = month
    self.day = day
  }

  /// `YYYY-MM-DD`.
  public init?(iso: String) {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// `2026-05-05`.
  public var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(m)-\(d)"
  }

  /// `2026年5月5日`.
  public var japanese: String { "\(year)年\(month)月\(day)日" }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

/// ``Program/Edition``, by the name the code uses.
package typealias Edition = Program.Edition

extension Program {
  /// The edition of a brochure that prints no period (byoin-kyosaikai, kagoshima-ikyo): the day
  /// from which it is in use, and the brochure's own words for it where it prints any (〈改定〉, a
  /// date on the cover). Two undated books of one program stand side by side by their editions.
  public struct Edition: Hashable, Sendable {
    /// The first day the edition is used for quotes.
    public let issued: CalendarDate
    /// The edition as printed (`2026年4月改定`); nil where the brochure prints none, and the day is
    /// the agency's (the file's date, the day it arrived).
    public let text: String?
    /// Where it is printed.
    public let source: String?

    public init(issued: CalendarDate, text: String? = nil, source: String? = nil) {
      self.issued = issued
      self.text = text
      self.source = source
    }
  }
}

/// A contract period (保険期間) as a brochure states it.
public struct Period: Hashable, Sendable {
  public let start: CalendarDate
  public let end: CalendarDate
  /// The time of day cover starts and ends, as printed (`16:00` for 午後4時), if stated.
  public let time: String?

  public init(start: CalendarDate, end: CalendarDate, time: String?) {
    self.start = start
    self.end = end
    self.time = time
  }

  /// Whether cover under this period has ended by `date`. On the end day itself cover still
  /// runs until the stated time, so that day counts as in force.
  public func hasEnded(by date: CalendarDate) -> Bool { end < date }

  /// `2025年5月5日 16:00～2026年5月5日 16:00`: ～, which CP932 has (〜 and – it has not).
  public var japanese: String {
    let t = time.map { " " + $0 } ?? ""
    return "\(start.japanese)\(t)～\(end.japanese)\(t)"
  }

  public var iso: String {
    let t = time.map { " " + $0 } ?? ""
    return "\(start)\(t) to \(end)\(t)"
  }
}
