/// The common route priced in 64-bit integers: the same exact arithmetic as
/// ``Pricer/price(_:route:)``, as one fraction `numerator / denominator` with one integer
/// division for the rounding, so that a member-list row needs no ``Rational`` and no allocation.
///
/// It takes per-bed, per-capacity and annual flat tables printed for the facility, at the
/// printed group discount and installments, and the counts, security adjustment and facilities
/// the rules accept without a word. Anything else (an error to report, an estimate, re-pricing,
/// a printed installment) gives nil, and the row takes the general path, which applies every
/// rule and says why. Tests check both paths agree on every built-in route.
///
/// A route is taken only when its largest row (every count, the security factor and the
/// facilities at the top of their ranges) stays within 64 bits, so a row's arithmetic needs no
/// overflow checks.
///
/// For `n` installments, counts giving the modified count `M` (see ``ModifiedCount``) and
/// security `s`%, the installment before rounding is exactly
///
///     (base + option) × (100 + s)/100 × facilities / n,
///
/// where `base` is the weighted per-bed rate × M, the rate per person × M, or the printed
/// premium; rounded half up to 10 yen, it is `⌊(2N + 10D) / 20D⌋ × 10` for `N / D ≥ 0`.
struct WholeYenRoute: Sendable {
  enum Base: Sendable {
    /// Yen per general bed and per other bed.
    case perBed(general: Int64, other: Int64)
    /// Yen per person of capacity.
    case perCapacity(Int64)
    /// The printed annual premium.
    case flat(Int64)
  }

  let base: Base
  /// The option's printed premium, added to the base (0: none).
  let optionPremium: Int64
  /// The security adjustment the program allows this facility, in percent; nil: none but 0.
  let security: ClosedRange<Int>?
  /// More than one facility multiplies the premium.
  let proportionalFacilities: Bool
  let installments: Int
  /// ``ModifiedCount``'s table, as the row loop reads it.
  let modifiedCount: ModifiedCount.LowestLine
  /// Whether the brochure prints a payment mode (see ``Amount/paymentPrinted``).
  let paymentPrinted: Bool
  /// The route, for the warnings a row's own counts give (``Pricer/facilityWarnings(route:counts:)``).
  let route: PricingRoute

  /// The whole-yen form of `route` when re-priced by nothing in `defaults`; nil when the route
  /// needs the general path.
  init?(_ route: PricingRoute, defaults: QuoteRequest.Defaults) {
    let terms = route.terms
    guard terms.printedForFacility else { return nil }  // a borrowed table: an estimate
    guard let modifiedCount = ModifiedCount.lowestLine else { return nil }
    self.modifiedCount = modifiedCount
    if let discount = defaults.groupDiscountPercent, discount != terms.groupDiscountPercent { return nil }
    if let installments = defaults.installments, installments != terms.installments { return nil }
    let values = route.row.values.map(\.amount)
    switch terms.basis {
    case .perBed where values.count == 2: base = .perBed(general: values[0], other: values[1])
    case .perCapacity where values.count == 1: base = .perCapacity(values[0])
    case .flat(.annual) where values.count == 1:
      base = .flat(values[0])
    default: return nil
    }
    optionPremium = route.option?.premium.amount ?? 0
    if let rule = terms.security, rule.facilities.contains(route.facility) {
      let low = max(rule.minimumPercent, InputRange.securityPercent.lowerBound)
      let high = min(rule.maximumPercent, InputRange.securityPercent.upperBound)
      security = low <= high ? low...high : nil
    } else {
      security = nil
    }
    proportionalFacilities = terms.multipleFacilities == .proportional
    installments = terms.installments
    paymentPrinted = terms.statesPayment(installments: terms.installments)
    self.route = route
    guard largestRowFits else { return nil }
  }

  /// Whether the largest row this route prices stays within 64 bits (rates and option are
  /// never negative, and the modified count grows with the count, so the largest inputs give
  /// the largest terms), with a divisor above zero.
  private var largestRowFits: Bool {
    let count = Int64(InputRange.count.upperBound)
    guard let modified = try? ModifiedCount.hundredths(InputRange.count.upperBound), optionPremium >= 0, installments >= 1
    else { return false }
    let numerator: Int64?
    let denominator: Int64
    switch base {
    case .perBed(let general, let other):
      guard general >= 0, other >= 0 else { return false }
      numerator = Self.product(Self.product(max(general, other), count), modified)
      denominator = count * 100
    case .perCapacity(let rate):
      guard rate >= 0 else { return false }
      numerator = Self.product(rate, modified)
      denominator = 100
    case .flat(let premium):
      guard premium >= 0 else { return false }
      numerator = premium
      denominator = 1
    }
    let facilities = Int64(proportionalFacilities ? InputRange.facilities.upperBound : 1)
    let all = Self.product(
      Self.product(Self.sum(numerator, Self.product(optionPremium, denominator)), Int64(100 + InputRange.securityPercent.upperBound)), facilities)
    let perInstallment = Self.product(denominator, Int64(100 * installments))
    return Self.sum(Self.product(all, 2), Self.product(perInstallment, 10)) != nil && Self.product(perInstallment, 20) != nil
  }

  /// What a row comes to: the three amounts a member list writes, and the basis.
  struct Amount: Equatable {
    /// Annual: installment × installments.
    let premium: Int64
    let installments: Int
    let installmentPremium: Int64
    let basis: Basis
    /// false where the brochure prints no payment mode: the installment columns stay empty,
    /// as the quote's JSON has null.
    var paymentPrinted = true
    /// The warnings the row's own counts give (``Pricer/rowWarnings(_:route:counts:)``), after
    /// the program's: a 病院 under 20 beds, a 介護医療院 with general beds. Mostly none.
    var rowWarnings: [QuoteWarning] = []
    /// Why the figure is an estimate, as the general path says it; nil for a printed or computed one.
    var estimate: EstimateReason? = nil
  }

  /// Prices one row's counts (nil: the cell is empty or absent), or nil when the general path
  /// must (an error to report).
  func price(generalBeds: Int?, otherBeds: Int?, capacity: Int?, securityPercent: Int?, facilities: Int?) -> Amount? {
    let beds = InputRange.bedComponent
    if let g = generalBeds, !beds.contains(g) { return nil }
    if let o = otherBeds, !beds.contains(o) { return nil }
    let totalBeds = (generalBeds ?? 0) + (otherBeds ?? 0)
    let security = securityPercent ?? 0
    if security != 0 {
      guard let allowed = self.security, allowed.contains(security) else { return nil }
    }
    let facilities = facilities ?? 1
    if facilities != 1 {
      guard proportionalFacilities, InputRange.facilities.contains(facilities) else { return nil }
    }

    // The base as numerator / denominator. No operation below overflows: the checks above keep
    // every input within the ranges of the largest row, which the initializer found to fit.
    let numerator: Int64
    let denominator: Int64
    let table: TableBasis
    var estimate: EstimateReason?
    switch base {
    case .perBed(let generalRate, let otherRate):
      guard capacity == nil, InputRange.count.contains(totalBeds) else { return nil }
      let modified = modifiedCount.hundredths(totalBeds)
      // (rate × general + rate × other) / total × M, with M in hundredths.
      numerator = (generalRate &* Int64(generalBeds ?? 0) &+ otherRate &* Int64(otherBeds ?? 0)) &* modified
      denominator = Int64(totalBeds) &* 100
      table = .perBed
    case .perCapacity(let rate):
      guard generalBeds ?? 0 == 0, otherBeds ?? 0 == 0, let capacity, InputRange.count.contains(capacity) else { return nil }
      let modified = modifiedCount.hundredths(capacity)
      numerator = rate &* modified
      denominator = 100
      table = .perCapacity
      // Pricer's rule: the bed formula applied to a capacity it changes is an assumption.
      if ModifiedCount.changes(capacity) { estimate = .modifiedCountOnCapacity(capacity: capacity) }
    case .flat(let premium):
      // Beds given to a flat rate are a warning (they change nothing), which the general path gives.
      guard capacity == nil, generalBeds == nil, otherBeds == nil else { return nil }
      numerator = premium
      denominator = 1
      table = .flat(.annual)
    }
    // A typed security adjustment replaces the table's premium (001 〈7〉): an estimate.
    if security != 0, estimate == nil { estimate = .securityAdjustment(percent: Rational(security)) }
    let basis = Basis.of(table, facilities: facilities, isEstimate: estimate != nil)
    // With the option, the security factor and the facilities, per installment:
    let all = (numerator &+ optionPremium &* denominator) &* Int64(100 &+ security) &* Int64(facilities)
    let perInstallment = denominator &* Int64(100 &* installments)
    // Half up to 10 yen: ⌊N/10D + 1/2⌋ × 10 = ⌊(2N + 10D) / 20D⌋ × 10.
    let installmentPremium = (2 &* all &+ 10 &* perInstallment) / (20 &* perInstallment) &* 10
    // The general path's rule for what the counts say about the facility (a 病院 under 20 beds,
    // a 介護医療院 with general beds), given the counts it prices by, as it keeps them.
    let counts: FacilityCounts
    switch base {
    case .perBed: counts = FacilityCounts(generalBeds: generalBeds, otherBeds: otherBeds)
    case .perCapacity: counts = FacilityCounts(capacity: capacity)
    case .flat: counts = FacilityCounts()
    }
    let rowWarnings = Pricer.facilityWarnings(route: route, counts: counts)
    return Amount(
      premium: installmentPremium &* Int64(installments), installments: installments, installmentPremium: installmentPremium, basis: basis,
      paymentPrinted: paymentPrinted, rowWarnings: rowWarnings, estimate: estimate)
  }

  @inline(__always)
  static func product(_ a: Int64?, _ b: Int64?) -> Int64? {
    guard let a, let b else { return nil }
    let (p, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? nil : p
  }

  @inline(__always)
  static func sum(_ a: Int64?, _ b: Int64?) -> Int64? {
    guard let a, let b else { return nil }
    let (s, overflow) = a.addingReportingOverflow(b)
    return overflow ? nil : s
  }
}
