import TestSupport
import Testing

@testable import PremiumCore

/// The comparison a proposal shows and the checks its recommendation must pass, as PremiumCore
/// gives them to the command line and to a back end.
@Suite struct RecommendationTests {
  static let hospital = QuoteRequest(program: "", facility: .hospital, plan: "", generalBeds: 100)

  /// Programs not asked for, and those none of whose plans pass the filter, are left out with
  /// their reason; the page's rows run from the cheapest when asked.
  @Test func theComparisonShownAndLeftOut() throws {
    let catalog = BrochureYear.catalog
    var filter = PlanFilter()
    filter.cheapestFirst = true
    let asked = try ProgramComparison(Self.hospital, in: catalog, requested: ["byoin-kyosaikai", "fukuoka-ishikai"], filter: filter, on: nil)
    // In listing order, as asked in any order.
    #expect(asked.requested == catalog.ids.filter { $0 == "byoin-kyosaikai" || $0 == "fukuoka-ishikai" })
    #expect(asked.rows.count == 2)
    #expect(asked.leftOut.allSatisfy { if case .notAsked = $0.why { true } else { false } })
    #expect(asked.leftOut.count == catalog.ids.count - 2)
    let premiums = asked.pageRows.map(\.premium)
    #expect(premiums == premiums.sorted() && premiums.count > 4)

    var high = PlanFilter()
    high.narrowing.minimumLiability = Yen(100_000_000_000)
    let none = try ProgramComparison(Self.hospital, in: catalog, requested: nil, filter: high, on: nil)
    #expect(none.rows.isEmpty)
    #expect(none.leftOut.contains { if case .noPlanMeetsFilters = $0.why { $0.program.id == "byoin-kyosaikai" } else { false } })
    #expect(none.leftOut.contains { if case .cannotPrice = $0.why { $0.program.id == "jhef" } else { false } })
  }

  /// A proposed plan below the stated limit is refused; a cheaper plan that passes needs a reason.
  @Test func cheaperPlansNeedAReason() throws {
    let catalog = BrochureYear.catalog
    let program = try catalog.program("byoin-kyosaikai")
    let menu = try PlanMenu(program: program, request: Self.hospital)
    let quotes = menu.entries.compactMap { entry -> Quote? in if case .priced(let q) = entry { q } else { nil } }
    let dearest = try #require(quotes.max { $0.premium < $1.premium })
    let cheapest = try #require(quotes.min { $0.premium < $1.premium })
    var narrowing = PlanNarrowing()
    #expect(Recommendation.cheaper(than: [cheapest], among: quotes, narrowing: narrowing, reasonGiven: false) == .success([]))
    guard case .failure(.cheaperWithoutReason(let listed)) = Recommendation.cheaper(than: [dearest], among: quotes, narrowing: narrowing, reasonGiven: false)
    else {
      Issue.record("a dearer plan recommended without a reason")
      return
    }
    #expect(listed.contains { $0.plan == cheapest.plan })
    #expect((try? Recommendation.cheaper(than: [dearest], among: quotes, narrowing: narrowing, reasonGiven: true).get())?.isEmpty == false)
    narrowing.minimumLiability = Yen(cheapest.limits.liability.amount + 1)
    if cheapest.limits.liability < dearest.limits.liability {
      #expect(
        Recommendation.cheaper(than: [cheapest], among: quotes, narrowing: narrowing, reasonGiven: true)
          == .failure(
            .outsideNarrowing(
              program: program.id, plan: cheapest.plan.code, liability: cheapest.limits.liability, failed: .minimumLiability(narrowing.minimumLiability!))))
    }
  }

  /// A validity date: not for an ended period, and not past the period's end.
  @Test func validityWithinThePeriod() throws {
    let program = try BrochureYear.catalog.program("fukuoka-ishikai")
    let period = try #require(program.period)
    let day = { (y: Int, m: Int, d: Int) in try #require(CalendarDate(year: y, month: m, day: d)) }
    let before = try day(2025, 6, 1)
    #expect(Recommendation.validity(try day(2025, 7, 1), of: program, issued: before) == nil)
    let late = try day(2026, 6, 1)
    #expect(Recommendation.validity(late, of: program, issued: before) == .validAfterPeriod(program: program.id, until: late, end: period.end))
    #expect(Recommendation.validity(try day(2026, 12, 31), of: program, issued: try day(2026, 12, 7)) == .periodEnded(program: program.id, period))
    #expect(Recommendation.validity(nil, of: program, issued: before) == nil)
  }
}
