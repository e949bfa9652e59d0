import TestSupport
import Testing

@testable import PremiumCore

/// What a recommendation must say it passes over: the plans that pass the narrowing and cost
/// less a year, never one that costs the same.
@Suite struct PlanNarrowingTests {
  @Test func onlyLowerPremiumsAreCheaper() throws {
    let book = BrochureYear.bookText("kumamoto-hokeni")
    let program = try RateFileDecoder.decode(book, file: "kumamoto-hokeni.json")
    // The same figures under another id: each plan's premium equal to the original's.
    let copy = try RateFileDecoder.decode(book.replacingFirst(#""id": "kumamoto-hokeni""#, with: #""id": "kumamoto-copy""#), file: "copy.json")
    func quote(_ p: Program, _ plan: String) throws -> Quote {
      try Pricer.quote(QuoteRequest(program: p.id, facility: .clinic, plan: plan), in: p)
    }
    let (a, b, copyA) = (try quote(program, "A"), try quote(program, "B"), try quote(copy, "A"))
    #expect(a.premium == copyA.premium && b.premium > a.premium)
    let narrowing = PlanNarrowing()
    #expect(narrowing.cheaper(than: a, among: [copyA, a, b]).isEmpty)
    #expect(narrowing.cheaper(than: b, among: [copyA, a, b]).map(\.program.id) == ["kumamoto-copy", "kumamoto-hokeni"])
  }
}
