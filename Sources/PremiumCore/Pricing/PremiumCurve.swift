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

extension PremiumCurve {
  /// The counts and premiums the brochure prints for the plan (fukuoka-ishikai's 50 and 100);
  /// empty where it prints a rate.
  package var printed: [(count: Int, premium: Yen)] {
    guard case .examples(_, let counts, _) = route.table.basis else { return [] }
    return zip(counts, route.row.values).map { ($0, $1) }
  }

  /// About `samples` counts from 1 to `maximum`, evenly spaced, `maximum` always among them.
  package static func sampleCounts(upTo maximum: Int, samples: Int) -> [Int] {
    var counts = Array(stride(from: 1, through: maximum, by: max(1, maximum / max(1, samples))))
    if counts.last != maximum { counts.append(maximum) }
    return counts
  }

  /// The annual premium at each count; an overflow names the count where it happened.
  package func points(at counts: [Int]) throws(QuoteError) -> [(count: Int, premium: Yen)] {
    var points: [(count: Int, premium: Yen)] = []
    points.reserveCapacity(counts.count)
    for n in counts {
      do {
        points.append((n, try premium(at: n).premium))
      } catch .arithmetic(.overflow) {
        throw .curveOverflow(count: n, unit: unit)
      }
    }
    return points
  }

  /// What one more bed (or person) adds in each tier of the modified count up to `maximum`; a
  /// tier whose step overflows is left out.
  package func marginals(upTo maximum: Int) -> [(tier: ModifiedCount.Tier, perUnit: Rational)] {
    ModifiedCount.tiers.filter { $0.from <= maximum }.compactMap { tier in (try? marginal(in: tier)).map { (tier, $0) } }
  }

  /// The facility of `request` on the curve: its quote and total count, and its own line at
  /// `counts` (with its own count among them, within `maximum`) where its share of general and
  /// other beds or its security adjustment makes it differ from the plain curve; each point is
  /// priced as a quote with the facility's share of general beds, rounded half up.
  package func facilityLine(
    _ request: QuoteRequest, counts: [Int], maximum: Int
  ) throws(QuoteError) -> (quote: Quote, count: Int, line: [(count: Int, premium: Yen)]?) {
    let program = route.program
    let quote = try Pricer.quote(request, in: program)
    let count = (quote.counts[.generalBeds] ?? 0) + (quote.counts[.otherBeds] ?? 0) + (quote.counts[.capacity] ?? 0)
    let general = quote.counts[.generalBeds] ?? 0
    let other = quote.counts[.otherBeds] ?? 0
    guard other > 0 || quote.securityPercent != .zero, count > 0 else { return (quote, count, nil) }
    var counts = counts
    if !counts.contains(count), count <= maximum {
      counts.append(count)
      counts.sort()
    }
    var line: [(count: Int, premium: Yen)] = []
    for n in counts {
      var r = request
      if unit == .capacity {
        r.capacity = n
      } else {
        r.generalBeds = (n * general * 2 + count) / (count * 2)
        r.otherBeds = n - (r.generalBeds ?? 0)
      }
      line.append((n, try Pricer.quote(r, in: program).premium))
    }
    return (quote, count, line)
  }
}
