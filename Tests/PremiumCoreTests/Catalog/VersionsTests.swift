import TestSupport
import Testing

@testable import PremiumCore

/// Two contract years of one program side by side: a day between them says which comes next,
/// and `rates check` warns of the gap.
@Suite struct VersionsTests {
  static let july = CalendarDate(year: 2026, month: 7, day: 1)!

  /// fukuoka-ishikai's next year from 2026-07-01: two months after this year's ends.
  static func catalogWithGap() throws -> Catalog {
    let fukuoka = try BrochureYear.catalog.program("fukuoka-ishikai")
    let next = NextYear.program(
      after: fukuoka, period: Period(start: july, end: CalendarDate(year: 2027, month: 7, day: 1)!, time: "16:00"))
    return try BrochureYear.booksAlone.adding([(file: "next.json", program: next)])
  }

  @Test func aDayBetweenTwoVersionsSaysWhichComesNext() throws {
    var catalog = try Self.catalogWithGap()
    catalog.date = CalendarDate(year: 2026, month: 6, day: 1)
    let request = QuoteRequest(program: "fukuoka-ishikai", facility: .clinic, plan: "S4")
    let quote = try catalog.quote(request, on: catalog.date)
    #expect(quote.premium == Yen(55_880), "the ended year, said so")
    #expect(quote.warnings.contains { if case .periodEnded = $0 { true } else { false } })
    #expect(quote.warnings.contains(.nextVersion(start: Self.july, source: "next-year-003_40390978eb5bc4ce.txt")))
    // Inside the next period: its premium, and nothing about a next version.
    catalog.date = CalendarDate(year: 2026, month: 7, day: 10)
    let next = try catalog.quote(request, on: catalog.date)
    #expect(next.premium == Yen(111_760))
    #expect(!next.warnings.contains { if case .nextVersion = $0 { true } else { false } })
    // Inside this year's period: nothing about the next.
    catalog.date = BrochureYear.date
    #expect(try catalog.quote(request, on: catalog.date).warnings.isEmpty)
  }

  @Test func rateCheckWarnsOfAGapBetweenConsecutiveYears() throws {
    let fukuoka = try BrochureYear.catalog.program("fukuoka-ishikai")
    let next = NextYear.program(after: fukuoka, period: Period(start: Self.july, end: CalendarDate(year: 2027, month: 7, day: 1)!, time: "16:00"))
    let sources = [
      RateBookCheck.Source(file: "this.json", text: RateFileEncoder.encode(fukuoka)),
      RateBookCheck.Source(file: "next.json", text: RateFileEncoder.encode(next)),
    ]
    let both = RateBookCheck.check(sources)
    #expect(both.errors.isEmpty)
    #expect(both.warnings.contains { $0.file == "next.json" && $0.path == "period" && $0.message.hasPrefix("a gap from 2026-05-05") })
    let previous = RateBookCheck.check([sources[1]], previous: [fukuoka])
    #expect(previous.warnings.contains { $0.path == "period" && $0.message.hasPrefix("a gap from 2026-05-05") })
    // Consecutive years sharing their boundary day: no warning.
    let adjacent = NextYear.program(after: fukuoka)
    let clean = RateBookCheck.check([sources[0], RateBookCheck.Source(file: "next.json", text: RateFileEncoder.encode(adjacent))])
    #expect(!clean.warnings.contains { $0.path == "period" })
  }
}
