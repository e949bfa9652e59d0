// Through the public API alone: one hospital across every built-in program.
import PremiumCore
import TestSupport
import Testing

@Suite struct ComparisonTests {
  /// A hospital of 100 general beds with ▲10%: each program takes what it prices by.
  @Test func eachProgramUsesWhatItPricesBy() throws {
    let request = QuoteRequest(program: "", facility: .hospital, plan: "", generalBeds: 100, securityPercent: Rational(-10))
    var rows: [String: Comparison.Row] = [:]
    for program in try BrochureYear.catalog.allPrograms() { rows[program.id] = Comparison.row(program, request: request) }

    // 001 〈7〉 prints +30%～▲30%: applied, an estimate, nothing left out.
    guard case .menu(let byoin, let byoinLeftOut)? = rows["byoin-kyosaikai"] else {
      Issue.record("byoin-kyosaikai not priced")
      return
    }
    #expect(byoinLeftOut.isEmpty)
    for case .priced(let quote) in byoin.entries {
      #expect(quote.securityPercent == Rational(-10) && quote.basis == .estimate)
    }
    // 002 prints flat premiums and no security rate: both left out and named, in that order
    // found (security first: the request is retried without it).
    guard case .menu(let kumamoto, let kumamotoLeftOut)? = rows["kumamoto-hokeni"] else {
      Issue.record("kumamoto-hokeni not priced")
      return
    }
    #expect(kumamotoLeftOut == [.security, .perFacility])
    for case .priced(let quote) in kumamoto.entries { #expect(quote.securityPercent == .zero) }
    // 003 sets the premium from the disclosure: not "none".
    guard case .menu(_, let fukuokaLeftOut)? = rows["fukuoka-ishikai"] else {
      Issue.record("fukuoka-ishikai not priced")
      return
    }
    #expect(fukuokaLeftOut == [.securityByDisclosure])
    // 004's eligibility: a certified service provider, not a hospital.
    guard case .cannotPrice(_, let jhef)? = rows["jhef"], case .notEligible = jhef else {
      Issue.record("jhef priced a hospital")
      return
    }
  }
}
