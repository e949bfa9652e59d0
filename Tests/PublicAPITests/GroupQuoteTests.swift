// Through the public API alone: a group of facilities under different programs.
import PremiumCore
import TestSupport
import Testing

@Suite struct GroupQuoteTests {
  /// kagoshima-ikyo prints a monthly figure (000: S1 2,600円, 12回払): its annual premium,
  /// 31,200円, enters the total, never the 2,600円 installment.
  @Test func theTotalIsAnnualYen() throws {
    let kagoshima = try BrochureYear.catalog.quote(QuoteRequest(program: "kagoshima-ikyo", facility: .clinic, plan: "S1"))
    let fukuoka = try BrochureYear.catalog.quote(QuoteRequest(program: "fukuoka-ishikai", facility: .clinic, plan: "S4"))
    #expect(kagoshima.installments == 12 && kagoshima.installmentPremium == Yen(2_600))
    let group = GroupQuote(quotes: [kagoshima, fukuoka], unpriced: 1)
    #expect(group.annualTotal == Yen(31_200 + 55_880))
    #expect(group.unpriced == 1)
  }

  @Test func noFacilityPricedHasNoTotal() {
    #expect(GroupQuote(quotes: [], unpriced: 3).annualTotal == nil)
  }
}
