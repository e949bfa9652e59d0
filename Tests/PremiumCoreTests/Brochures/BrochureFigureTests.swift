import TestSupport
import Testing

@testable import PremiumCore

/// Every premium the brochures print, reproduced to the yen from `rates/` through the library.
@Suite struct BrochureFigureTests {
  @Test func everyBrochureHasItsFigures() {
    // 7 kagoshima + 31 byoin + 16 kumamoto (base figures for clinic and hospital: 20 rows)
    // + 100 fukuoka; kumamoto's three option figures are checked below.
    #expect(BrochureFigure.all.count == 158)
  }

  @Test(arguments: BrochureFigure.all)
  func reproduced(_ figure: BrochureFigure) throws {
    let quote = try Catalog.builtIn.quote(figure.request)
    #expect(quote.premium.amount == figure.expectedPremium)
    #expect(quote.installmentPremium.amount == figure.expectedInstallmentPremium)
    #expect(quote.basis == figure.expectedBasis)
  }

  /// 002 1施設あたりの保険料: the option premiums printed on their own (利益補償 a–c 保険料).
  @Test(arguments: [("a", 50_210), ("b", 55_640), ("c", 58_860)])
  func kumamotoOptionPremium(_ code: String, _ printed: Int64) throws {
    let program = try Catalog.builtIn.program("kumamoto-hokeni")
    let quote = try Pricer.quote(QuoteRequest(program: program.id, facility: .clinic, plan: "A", option: code), in: program)
    let added = quote.steps.compactMap { step -> Yen? in
      if case .optionAdded(_, let premium, _) = step { return premium }
      return nil
    }
    #expect(added == [Yen(printed)])
  }
}
