/// How one plan's premium grows with the facility's size: beds, or persons of capacity.
package struct PremiumCurve: Sendable {
  package let route: PricingRoute
  /// What the size counts: general beds (hospitals) or capacity.
  package let unit: CountKind
  /// Whether premiums away from the printed counts are estimates: a model fitted to examples,
  /// or 001's bed formula on a capacity (from ``estimatedFrom`` on).
  package let isEstimate: Bool
  /// The first count whose premium is an estimate: 1 for a fitted model, 50 where the modified
  /// count (stated for beds) is applied to a capacity; nil when none is.
  package let estimatedFrom: Int?

  /// Throws when the plan's premium does not depend on a count (a flat rate).
  package init(program: Program, facility: FacilityKind, plan: String) throws(QuoteError) {
    route = try Pricer.route(program: program, facility: facility, plan: plan, option: nil)
    switch route.table.basis {
    case .perBed: (unit, isEstimate, estimatedFrom) = (.generalBeds, false, nil)
    case .perCapacity: (unit, isEstimate, estimatedFrom) = (.capacity, true, ModifiedCount.tiers[1].from)
    case .examples(let unit, _, _): (self.unit, isEstimate, estimatedFrom) = (unit, true, 1)
    case .flat:
      throw .notSizeDependent(program: program.id, facility: facility, plan: route.plan.code)
    }
  }

  /// The annual premium at `count`, as a quote gives it.
  package func premium(at count: Int) throws(QuoteError) -> PricedAmount {
    var sizes = QuoteSizes()
    if unit == .capacity { sizes.capacity = count } else { sizes.generalBeds = count }
    return try Pricer.price(sizes, route: route)
  }

  /// The premium one more bed (or person) adds within `tier`, exactly, before rounding. Measured
  /// one step inside the tier, away from printed example counts (which are printed figures, not
  /// points of the model).
  package func marginal(in tier: ModifiedCount.Tier) throws(QuoteError) -> Rational {
    let n = tier.from + 1
    let next = try premium(at: n + 1).unrounded
    let this = try premium(at: n).unrounded
    return try exact { () throws(ArithmeticError) in try next.subtracting(this) }
  }
}
