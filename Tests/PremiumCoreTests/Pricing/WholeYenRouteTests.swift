@testable import PremiumCore
import TestSupport
import Testing

/// The whole-yen path of member lists against the general rules, on every built-in route.
@Suite struct WholeYenRouteTests {
  /// Every route of every built-in program: program × facility × plan × (no option, each option).
  static func routes() throws -> [PricingRoute] {
    var routes: [PricingRoute] = []
    for program in try BrochureYear.catalog.allPrograms() {
      for facility in FacilityKind.allCases {
        for plan in program.plans {
          for option in [nil] + program.options.map(\.code) {
            if let route = try? Pricer.route(program: program, facility: facility, plan: plan.code, option: option) { routes.append(route) }
          }
        }
      }
    }
    return routes
  }

  /// Counts around every tier edge and range end, security and facilities in and out of range,
  /// cells empty or not: wherever the whole-yen path prices, it gives what ``Pricer/price`` gives,
  /// to the yen and the basis; and it prices every plain row of a per-bed program.
  @Test func agreesWithTheGeneralRulesOnEveryRoute() throws {
    let priced = try Self.compareBothPaths(under: .brochures)
    #expect(priced.compared > 5_000)
  }

  /// A rule of the test's own (the option added after the security factor and the facilities,
  /// rounded to the yen): both paths follow it, and agree, on every route; and it changes figures,
  /// so the rule is what both evaluate.
  @Test func aChangedRuleChangesBothPaths() throws {
    let rule = PremiumRule(
      steps: [.security, .facilities, .option, .removePrintedDiscount, .applyRequestedDiscount, .installments], rounding: .halfUpToYen)
    let changed = try Self.compareBothPaths(under: rule)
    let brochures = try Self.compareBothPaths(under: .brochures)
    #expect(changed.compared > 5_000)
    #expect(changed.premiums != brochures.premiums)
    #expect(changed.premiums.contains { $0 % 10 != 0 }, "no premium rounded to the yen alone")
    // The order alone: the option after the security factor.
    let reordered = PremiumRule(steps: rule.steps, rounding: .halfUpToTenYen)
    #expect(try Self.compareBothPaths(under: reordered).premiums != brochures.premiums)
  }

  /// A rule's steps composed into one (the common row's) give what the steps give one by one,
  /// in order: an addend before a factor is scaled by it, after one it is not.
  @Test func composedStepsGiveWhatTheStepsGiveInOrder() throws {
    var random = SeededGenerator(seed: 15)
    var compared = 0
    for _ in 0..<2_000 {
      let effects = try (0..<Int.random(in: 1...5, using: &random)).map { (_) throws(ArithmeticError) in
        Bool.random(using: &random)
          ? PremiumStep.Effect(addend: Int64.random(in: 0...50_000, using: &random))
          : PremiumStep.Effect(factor: try Rational(Int64.random(in: 70...130, using: &random), Int64.random(in: 1...100, using: &random)))
      }
      let x = WholeFraction(
        numerator: Int64.random(in: 0...10_000_000, using: &random), denominator: Int64.random(in: 1...1_000, using: &random))
      var stepwise: WholeFraction? = x
      for effect in effects { stepwise = stepwise.flatMap { effect.applied(to: $0) } }
      guard let composed = WholeYenRoute.Composed(effects)?.applied(to: x), let stepwise else { continue }
      compared += 1
      #expect(
        Int128(composed.numerator) * Int128(stepwise.denominator) == Int128(stepwise.numerator) * Int128(composed.denominator),
        "\(effects) on \(x)")
    }
    #expect(compared > 1_000)
  }

  /// Prices the same rows on both paths of every built-in route under `rule`; records any
  /// disagreement, and returns how many rows both priced and the whole-yen premiums in order.
  static func compareBothPaths(under rule: PremiumRule) throws -> (compared: Int, premiums: [Int64]) {
    let routes = try Self.routes().map { $0.pricedBy(rule) }
    #expect(routes.count > 100)
    var premiums: [Int64] = []
    var random = SeededGenerator(seed: 14)
    let counts: [Int?] = [nil, 0, 1, 2, 19, 20, 49, 50, 51, 199, 200, 201, 499, 500, 501, 1_500, 9_999, 10_000, 10_001, -1]
    let securities: [Int?] = [nil, 0, -30, -31, -10, -5, 5, 10, 30, 31]
    let facilities: [Int?] = [nil, 1, 0, 2, 3, 1_000, 1_001]
    var compared = 0
    var wholePriced = 0
    for route in routes {
      for defaults in [QuoteRequest.Defaults(), QuoteRequest.Defaults(installments: 12), QuoteRequest.Defaults(groupDiscountPercent: Rational(10))] {
        let whole = WholeYenRoute(route, defaults: defaults)
        for _ in 0..<300 {
          // Half the rows as the route's table expects them, half anyhow.
          let plain = Bool.random(using: &random)
          let perBed = route.terms.basis == .perBed
          let perCapacity = route.terms.basis == .perCapacity
          let sizes = (
            general: plain ? (perBed ? Int.random(in: 1...1_500, using: &random) : nil) : counts.randomElement(using: &random)!,
            other: plain ? (perBed ? Int.random(in: 0...1_500, using: &random) : nil) : counts.randomElement(using: &random)!,
            capacity: plain
              ? (perCapacity ? Int.random(in: 1...1_500, using: &random) : nil)
              : Bool.random(using: &random) ? nil : counts.randomElement(using: &random)!,
            security: plain && Bool.random(using: &random) ? nil : securities.randomElement(using: &random)!,
            facilities: plain && Bool.random(using: &random) ? nil : facilities.randomElement(using: &random)!
          )
          let quoteSizes = QuoteSizes(
            generalBeds: sizes.general, otherBeds: sizes.other, capacity: sizes.capacity,
            securityPercent: sizes.security.map { Rational($0) }, facilities: sizes.facilities,
            groupDiscountPercent: defaults.groupDiscountPercent, installments: defaults.installments)
          let general = try? Pricer.price(quoteSizes, route: route)
          guard
            let amount = whole?.price(
              generalBeds: sizes.general, otherBeds: sizes.other, capacity: sizes.capacity, securityPercent: sizes.security,
              facilities: sizes.facilities)
          else { continue }
          wholePriced += 1
          premiums.append(amount.premium)
          guard let general else {
            Issue.record("whole yen priced what the rules refuse: \(route.program.id) \(route.facility) \(route.plan.code) \(sizes)")
            continue
          }
          compared += 1
          let label = "\(route.program.id) \(route.facility) \(route.plan.code) \(route.option?.code ?? "-") \(sizes)"
          #expect(
            amount
              == WholeYenRoute.Amount(
                premium: general.premium.amount, installments: general.installments,
                installmentPremium: general.installmentPremium.amount, basis: general.basis, paymentPrinted: route.terms.paymentStated,
                notes: amount.notes),
            "\(label)")
          // The row's own warnings and the estimate's reason, made from the notes as the row is written.
          let notes = whole?.notes(amount.notes)
          #expect(notes?.warnings == Pricer.rowWarnings(quoteSizes, route: route, counts: general.counts), "\(label)")
          #expect(notes?.estimate == general.estimateReason, "\(label)")
        }
      }
    }
    #expect(compared == wholePriced)
    return (compared, premiums)
  }

  /// The per-bed rows of the benchmark's kind always take the whole-yen path (a 病院 of 20 beds
  /// or more: fewer is a warning, which the general path gives).
  @Test func pricesEveryPlainPerBedRow() throws {
    let program = try BrochureYear.catalog.program("byoin-kyosaikai")
    let route = try Pricer.route(program: program, facility: .hospital, plan: "S4", option: nil)
    let whole = try #require(WholeYenRoute(route, defaults: .init()))
    var random = SeededGenerator(seed: 15)
    for _ in 0..<2_000 {
      let general = Int.random(in: 0...1_500, using: &random)
      let other = Int.random(in: max(0, 20 - general)...1_500, using: &random)
      let security = Int.random(in: -30...30, using: &random)
      let amount = try #require(whole.price(generalBeds: general, otherBeds: other, capacity: nil, securityPercent: security, facilities: nil))
      let quote = try Pricer.price(QuoteSizes(generalBeds: general, otherBeds: other, securityPercent: Rational(security)), route: route)
      #expect(amount.premium == quote.premium.amount)
    }
  }

  /// A product beyond 64 bits is left to the general path (which reports the overflow).
  @Test func overflowTakesTheGeneralPath() throws {
    let program = try BrochureYear.catalog.program("byoin-kyosaikai")
    let route = try Pricer.route(program: program, facility: .hospital, plan: "S4", option: nil)
    let whole = try #require(WholeYenRoute(route, defaults: .init()))
    #expect(whole.price(generalBeds: 10_000, otherBeds: 0, capacity: nil, securityPercent: 30, facilities: 1) != nil)
    #expect(WholeFraction.product(Int64.max / 2, 3) == nil)
    #expect(WholeFraction.sum(Int64.max, 1) == nil)
    #expect(RoundingRule.halfUpToTenYen.rounded(WholeFraction(numerator: Int64.max, denominator: 1)) == nil)
    let huge = try #require(
      WholeYenRoute(route.pricedBy(PremiumRule(steps: [.facilities, .facilities, .facilities, .facilities], rounding: .halfUpToTenYen)), defaults: .init()))
    #expect(huge.price(generalBeds: 10_000, otherBeds: 0, capacity: nil, securityPercent: 0, facilities: 1_000) == nil)
  }
}
