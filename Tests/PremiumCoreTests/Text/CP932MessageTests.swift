import TestSupport
import Testing

@testable import PremiumCore

/// A member list written in CP932 carries the tool's messages in its `error` and `warnings`
/// columns: every message must have a CP932 form, character for character (～ rather than 〜,
/// words rather than a dash CP932 lacks).
@Suite struct CP932MessageTests {
  static func period() throws -> Period { try #require(try BrochureYear.catalog.program("fukuoka-ishikai").period) }

  @Test(arguments: [Language.ja, .en])
  func everyWarningEncodes(_ l: Language) throws {
    let period = try Self.period()
    let warnings: [QuoteWarning] = [
      .periodEnded(period), .periodNotStarted(period), .periodNotPrinted(term: "保険期間1年"), .hospitalUnderTwentyBeds(beds: 12),
      .bedsDoNotChangePremium(beds: 12, facility: .clinic), .countNotUsed(.capacity, value: 80),
      .deadlinePassed(CalendarDate(year: 2025, month: 2, day: 28)!, text: "申込締切：2月28日（金）"),
      .kaigoIryoinGeneralBeds(beds: 60, generalRate: Yen(2_560), otherRate: Yen(1_360)),
    ]
    for warning in warnings {
      let text = Wording.warning(warning, programID: "fukuoka-ishikai", l)
      #expect(CP932.encode(text).unencodable == nil, "\(text)")
    }
  }

  @Test(arguments: [Language.ja, .en])
  func everyErrorEncodes(_ l: Language) throws {
    let errors: [QuoteError] = [
      .outOfRange(.security, value: "40", accepted: -30...30), .outOfRange(.generalBeds, value: "99999", accepted: 0...10_000),
      .notWholeNumber(.generalBeds, value: "12.5"), .tooManyDecimals(.security, value: "1.123"),
      .unknownProgram("nosuch", suggestion: nil, known: Catalog.builtIn.nameIndex().programs),
      .countRequired(program: "byoin-kyosaikai", facility: .hospital, accepted: [.generalBeds, .otherBeds]),
      .securityNotApplicable(value: "10", program: "byoin-kyosaikai", facility: .clinic),
      .repricingNotStated(.groupDiscount, program: "kumamoto-hokeni"),
    ]
    for error in errors {
      let text = error.message(language: l) { $0.rawValue }
      #expect(CP932.encode(text).unencodable == nil, "\(text)")
    }
  }
}
