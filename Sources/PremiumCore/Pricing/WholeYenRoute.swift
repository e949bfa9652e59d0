/// The common route priced in 64-bit integers: the same exact arithmetic as
/// ``Pricer/price(_:route:)``, as one fraction `numerator / denominator` with one integer
/// division for the rounding, so that a member-list row needs no ``Rational`` and no allocation.
///
/// It takes per-bed, per-capacity and annual flat tables printed for the facility, at the
/// printed group discount and installments, and the counts, security adjustment and facilities
/// the rules accept without a word. Anything else (an error to report, an estimate, re-pricing,
/// a printed installment, a product beyond 64 bits) gives nil, and the row takes the general path,
/// which applies every rule and says why. Tests check both paths agree on every built-in route.
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
    /// The printed annual premium; `clinicBeds`: a 診療所's beds are kept and change nothing.
    case flat(Int64, clinicBeds: Bool)
  }

  let base: Base
  /// The option's printed premium, added to the base (0: none).
  let optionPremium: Int64
  /// The security adjustment the program allows this facility, in percent; nil: none but 0.
  let security: ClosedRange<Int>?
  /// More than one facility multiplies the premium.
  let proportionalFacilities: Bool
  let installments: Int

  /// The whole-yen form of `route` when re-priced by nothing in `defaults`; nil when the route
  /// needs the general path.
  init?(_ route: PricingRoute, defaults: QuoteRequest.Defaults) {
    let terms = route.terms
    guard terms.printedForFacility else { return nil }  // a borrowed table: an estimate
    if let discount = defaults.groupDiscountPercent, discount != terms.groupDiscountPercent { return nil }
    if let installments = defaults.installments, installments != terms.installments { return nil }
    let values = route.row.values.map(\.amount)
    switch terms.basis {
    case .perBed where values.count == 2: base = .perBed(general: values[0], other: values[1])
    case .perCapacity where values.count == 1: base = .perCapacity(values[0])
    case .flat(.annual) where values.count == 1:
      base = .flat(values[0], clinicBeds: route.facility == .clinic || route.facility == .dental)
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
  }

  /// What a row comes to: the three amounts a member list writes, and the basis.
  struct Amount: Equatable {
    /// Annual: installment × installments.
    let premium: Int64
    let installments: Int
    let installmentPremium: Int64
    let basis: Basis
  }

  /// Prices one row's counts (nil: the cell is empty or absent), or nil when the general path
  /// must (an error to report, or a product beyond 64 bits).
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

    // The base as numerator / denominator, the option added.
    var numerator: Int64
    var denominator: Int64
    let basis: Basis
    switch base {
    case .perBed(let generalRate, let otherRate):
      guard capacity == nil, InputRange.count.contains(totalBeds) else { return nil }
      let total = Int64(totalBeds)
      // (rate × general + rate × other) / total × M, with M in hundredths.
      guard let weighted = Self.sum(Self.product(generalRate, Int64(generalBeds ?? 0)), Self.product(otherRate, Int64(otherBeds ?? 0))),
        let base = Self.product(weighted, try? ModifiedCount.hundredths(totalBeds))
      else { return nil }
      numerator = base
      denominator = total * 100
      basis = .formula
    case .perCapacity(let rate):
      guard generalBeds ?? 0 == 0, otherBeds ?? 0 == 0, let capacity, InputRange.count.contains(capacity),
        let base = Self.product(rate, try? ModifiedCount.hundredths(capacity))
      else { return nil }
      numerator = base
      denominator = 100
      basis = .formula
    case .flat(let premium, let clinicBeds):
      guard capacity == nil else { return nil }
      if clinicBeds {
        guard totalBeds <= ModifiedCount.clinicBedLimit else { return nil }
      } else {
        guard totalBeds == 0 else { return nil }
      }
      numerator = premium
      denominator = 1
      basis = security != 0 || facilities > 1 ? .formula : .published
    }
    guard let withOption = Self.sum(numerator, Self.product(optionPremium, denominator)),
      let adjusted = Self.product(withOption, Int64(100 + security)),
      let all = Self.product(adjusted, Int64(facilities)),
      let perInstallment = Self.product(denominator, Int64(100 * installments))
    else { return nil }
    numerator = all
    denominator = perInstallment
    // Half up to 10 yen: ⌊N/10D + 1/2⌋ × 10 = ⌊(2N + 10D) / 20D⌋ × 10.
    guard numerator >= 0, denominator > 0, let twice = Self.product(numerator, 2), let tenD = Self.product(denominator, 10),
      let top = Self.sum(twice, tenD), let bottom = Self.product(denominator, 20),
      let installmentPremium = Self.product(top / bottom, 10), let premium = Self.product(installmentPremium, Int64(installments))
    else { return nil }
    return Amount(premium: premium, installments: installments, installmentPremium: installmentPremium, basis: basis)
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
