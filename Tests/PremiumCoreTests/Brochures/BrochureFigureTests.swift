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
    try Self.expectReproduced(figure, in: BrochureYear.books)
  }

  /// Adding next year's book beside every priced program changes none of them: each figure
  /// names its day, which picks its own year's book.
  /// Built once for all figures: it loads every program.
  static let nextYear = Result { try NextYear.catalog() }

  @Test(arguments: BrochureFigure.all)
  func reproducedWithNextYearAdded(_ figure: BrochureFigure) throws {
    try Self.expectReproduced(figure, in: Self.nextYear.get())
  }

  static func expectReproduced(_ figure: BrochureFigure, in catalog: Catalog) throws {
    let quote = try figure.quote(in: catalog)
    #expect(quote.premium.amount == figure.expectedPremium)
    #expect(quote.installmentPremium.amount == figure.expectedInstallmentPremium)
    #expect(quote.basis == figure.expectedBasis)
    // Priced within its own book's period.
    #expect(!quote.warnings.contains { if case .periodEnded = $0 { true } else if case .periodNotStarted = $0 { true } else { false } })
  }

  /// The next-year catalog is not this year's in disguise: on a day of next year's period every
  /// figure is the doubled one.
  @Test func nextYearsBooksPriceNextYear() throws {
    let catalog = try Self.nextYear.get()
    for figure in BrochureFigure.all {
      var next = catalog
      next.date = NextYear.period(after: try BrochureYear.catalog.program(figure.request.program).period).start
      let quote = try next.quote(figure.request)
      #expect(quote.premium.amount == 2 * figure.expectedPremium, "\(figure)")
    }
  }

  /// 002 1施設あたりの保険料: the option premiums printed on their own (利益補償 a–c 保険料).
  @Test(arguments: [("a", 50_210), ("b", 55_640), ("c", 58_860)])
  func kumamotoOptionPremium(_ code: String, _ printed: Int64) throws {
    let program = try BrochureYear.catalog.program("kumamoto-hokeni")
    let quote = try Pricer.quote(QuoteRequest(program: program.id, facility: .clinic, plan: "A", option: code), in: program)
    let added = quote.steps.compactMap { step -> Yen? in
      if case .optionAdded(_, let premium, _) = step { return premium }
      return nil
    }
    #expect(added == [Yen(printed)])
  }
}
