// Through the public API alone: a back end quoting one facility.
import PremiumCore
import TestSupport
import Testing

@Suite struct QuoteTests {
  /// The README's quote: 182,660 yen from byoin-kyosaikai's rates and formula.
  @Test func quotesThroughTheCatalog() throws {
    let request = QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: 100, otherBeds: 20)
    let quote = try BrochureYear.catalog.quote(request)
    #expect(quote.premium == Yen(182_660))
  }

  /// A figure is at the brochure's printed conditions only with no security adjustment, the
  /// printed group discount and the printed payment mode.
  @Test func printedConditions() throws {
    let catalog = BrochureYear.catalog
    let printed = try catalog.quote(QuoteRequest(program: "kagoshima-ikyo", facility: .clinic, plan: "S1"))
    #expect(printed.isAtPrintedConditions)
    let lumpSum = try catalog.quote(QuoteRequest(program: "kagoshima-ikyo", facility: .clinic, plan: "S1", installments: 1))
    #expect(!lumpSum.isAtPrintedConditions)
    let hospital = QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: 100)
    #expect(try catalog.quote(hospital).isAtPrintedConditions)
    var discounted = hospital
    discounted.groupDiscountPercent = Rational(10)
    #expect(!(try catalog.quote(discounted).isAtPrintedConditions))
    var adjusted = hospital
    adjusted.securityPercent = Rational(-10)
    #expect(!(try catalog.quote(adjusted).isAtPrintedConditions))
  }

  /// The error's type is known where it is caught: no cast, every case matched by name.
  @Test func errorsAreTyped() {
    let request = QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "Z9", generalBeds: 100)
    do {
      _ = try BrochureYear.catalog.quote(request)
      Issue.record("an unknown plan was priced")
    } catch {
      // `error` is a QuoteError here, statically.
      guard case .unknownPlan(let code, let program, _, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(code == "Z9" && program == "byoin-kyosaikai")
    }
  }

  @Test func unknownProgramsAreTyped() {
    #expect(throws: QuoteError.self) { try BrochureYear.catalog.program("no-such-program") }
    do {
      _ = try BrochureYear.catalog.resolve("no-such-program")
    } catch {
      Issue.record("resolve returns an unknown name as given; it threw \(error)")
    }
  }

  @Test func arithmeticErrorsAreTyped() {
    do {
      _ = try Rational.one.divided(by: .zero)
      Issue.record("divided by zero")
    } catch {
      #expect(error == .divisionByZero)
    }
  }
}
