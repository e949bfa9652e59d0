import TestSupport
import Testing

@testable import PremiumCore

/// The chart's data as PremiumCore gives it: the printed examples, the sampled premiums, and a
/// facility's own line.
@Suite struct PremiumCurveTests {
  @Test func theCurvePassesThroughThePrintedExamples() throws {
    let program = try BrochureYear.catalog.program("fukuoka-ishikai")
    let curve = try PremiumCurve(program: program, facility: .hospital, plan: program.plans[0].code)
    let printed = curve.printed
    #expect(printed.map(\.count) == [50, 100])
    let points = try curve.points(at: printed.map(\.count))
    #expect(points.map(\.premium) == printed.map(\.premium))
    let counts = PremiumCurve.sampleCounts(upTo: 600, samples: 360)
    #expect(counts.first == 1 && counts.last == 600 && counts == counts.sorted())
  }

  /// A facility with other beds gets its own line, through its own premium; one of general beds
  /// only lies on the plain curve.
  @Test func aFacilityWithOtherBedsHasItsOwnLine() throws {
    let program = try BrochureYear.catalog.program("byoin-kyosaikai")
    let curve = try PremiumCurve(program: program, facility: .hospital, plan: "S4")
    let counts = PremiumCurve.sampleCounts(upTo: 600, samples: 60)
    let mixed = QuoteRequest(program: program.id, facility: .hospital, plan: "S4", generalBeds: 100, otherBeds: 23)
    let (quote, count, line) = try curve.facilityLine(mixed, counts: counts, maximum: 600)
    #expect(count == 123)
    let own = try #require(line?.first { $0.count == 123 })
    #expect(own.premium == quote.premium)
    #expect(try curve.points(at: [123])[0].premium != quote.premium)
    let plain = QuoteRequest(program: program.id, facility: .hospital, plan: "S4", generalBeds: 123)
    #expect(try curve.facilityLine(plain, counts: counts, maximum: 600).line == nil)
  }
}
