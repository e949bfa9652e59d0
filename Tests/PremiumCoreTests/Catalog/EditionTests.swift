import TestSupport
import Testing

@testable import PremiumCore

/// An undated brochure's next edition beside the first: `--date` picks by the day each is used
/// from, and every quote names the edition it used.
@Suite struct EditionTests {
  static let issued = CalendarDate(year: 2026, month: 12, day: 1)!

  /// byoin-kyosaikai's next edition, premiums doubled, printed as 2026年12月改定.
  static func nextEdition() throws -> Program {
    let byoin = try BrochureYear.books.program("byoin-kyosaikai")
    let doubled = NextYear.program(after: byoin)
    return try RateFileDecoder.decode(
      RateFileEncoder.encode(doubled).replacingFirst(
        #""period": {"start": "2026-12-01", "end": "2027-12-01", "time": null},"#,
        with: #""period": null, "edition": {"issued": "2026-12-01", "text": "2026年12月改定", "source": "next-year 表紙"},"#),
      file: "rates/byoin-kyosaikai@2026-12-01.json")
  }

  @Test func theDatePicksTheEditionAndTheQuoteNamesIt() throws {
    let next = try Self.nextEdition()
    #expect(next.period == nil && next.edition == Edition(issued: Self.issued, text: "2026年12月改定", source: "next-year 表紙"))
    var catalog = try BrochureYear.books.adding([(file: "rates/byoin-kyosaikai@2026-12-01.json", program: next)])
    let request = QuoteRequest(program: "byoin-kyosaikai", facility: .clinic, plan: "S1")
    catalog.date = CalendarDate(year: 2026, month: 11, day: 30)
    #expect(try catalog.quote(request, on: catalog.date).premium == Yen(32_640))
    catalog.date = Self.issued
    let quote = try catalog.quote(request, on: catalog.date)
    #expect(quote.premium == Yen(65_280))
    #expect(quote.warnings.contains(.periodNotPrinted(term: "保険期間1年", edition: next.edition)))
    let said = quote.warnings.map { Wording.warning($0, programID: "byoin-kyosaikai", .ja) }.joined()
    #expect(said.contains("版: 2026年12月改定、2026年12月1日から使用"))
    #expect(Wording.period(next, today: nil, .ja).hasSuffix("、版: 2026年12月改定（2026年12月1日から使用）"))
  }

  /// Two undated books of one program stand side by side only by different editions.
  @Test func twoUndatedBooksNeedEditions() throws {
    let byoin = try BrochureYear.books.program("byoin-kyosaikai")
    let first = RateBookCheck.Source(file: "byoin-kyosaikai.json", text: RateFileEncoder.encode(byoin))
    let edition = RateBookCheck.Source(file: "byoin-kyosaikai@2026-12-01.json", text: RateFileEncoder.encode(try Self.nextEdition()))
    #expect(RateBookCheck.check([first, edition]).errors == [])
    let again = RateBookCheck.check([first, RateBookCheck.Source(file: "copy.json", text: first.text)])
    #expect(again.errors.first?.message.contains("same edition") == true)
    #expect(RateBookCheck.check([edition, RateBookCheck.Source(file: "copy.json", text: edition.text)]).errors.count == 1)
  }
}
