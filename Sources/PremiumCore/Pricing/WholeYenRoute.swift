/// The common route priced in 64-bit integers: the same ``PremiumRule`` as
/// ``Pricer/price(_:route:)``, evaluated on one fraction `numerator / denominator` with one
/// integer division for the rounding, so that a member-list row needs no explanation, no
/// validation of what the route already fixed, and no allocation.
///
/// It takes per-bed, per-capacity and annual flat tables printed for the facility, at the
/// printed group discount and installments, and the counts, security adjustment and facilities
/// the rules accept without a word. Anything else (an error to report, an estimate of another
/// kind, re-pricing, a printed installment, an amount beyond 64 bits) gives nil, and the row
/// takes the general path, which applies every rule and says why. Tests check both paths agree
/// on every built-in route, and under a rule of their own.
///
/// The base, for counts giving the modified count `M` (see ``ModifiedCount``), is the weighted
/// per-bed rate × M, the rate per person × M, or the printed premium; the rule's steps follow
/// (``PremiumStep/effect(_:)``), and its rounding (``RoundingRule/rounded(_:)``).
final class WholeYenRoute: Sendable {
  enum Base: Sendable {
    /// Yen per general bed and per other bed.
    case perBed(general: Int64, other: Int64)
    /// Yen per person of capacity.
    case perCapacity(Int64)
    /// The printed annual premium.
    case flat(Int64)
  }

  let base: Base
  /// The security adjustment the program allows this facility, in percent; nil: none but 0.
  let security: ClosedRange<Int>?
  /// More than one facility multiplies the premium.
  let proportionalFacilities: Bool
  let installments: Int
  /// The rule's steps, compiled: what a row's own values do not change is worked out once.
  let steps: [CompiledStep]
  let rounding: RoundingRule
  /// The security step's effect for each percent of ``security``, from its lower bound.
  let securityEffects: [PremiumStep.Effect?]
  /// The steps composed into one for each percent of ``security`` (from its lower bound) at one
  /// facility, the common row; nil where composing them passes 64 bits, and such a row takes
  /// the steps one by one.
  let composed: [Composed?]

  /// A rule's steps as one: `x → (x·factor + addend) / divisor`. Composing keeps their order:
  /// `(x·a + b)·c + d` is `x·ac + (bc + d)`.
  struct Composed: Sendable {
    let factor: Int64
    let addend: Int64
    let divisor: Int64

    init?(_ effects: [PremiumStep.Effect]) {
      var factor = Rational.one
      var addend = Rational.zero
      do {
        for effect in effects {
          factor = try factor.multiplied(by: effect.factor)
          addend = try addend.multiplied(by: effect.factor).adding(Rational(effect.addend))
        }
        // Over one denominator: factor = f/g, addend = a/b → (x·f·b + a·g) / (g·b).
        guard let f = WholeFraction.product(factor.n, addend.d), let a = WholeFraction.product(addend.n, factor.d),
          let divisor = WholeFraction.product(factor.d, addend.d)
        else { return nil }
        (self.factor, self.addend, self.divisor) = (f, a, divisor)
      } catch {
        return nil
      }
    }

    /// `x` through the steps; nil beyond 64 bits.
    func applied(to x: WholeFraction) -> WholeFraction? {
      // (n/d · F + A) / G = (n·F + A·d) / (d·G)
      guard let scaled = WholeFraction.product(x.numerator, factor), let added = WholeFraction.product(addend, x.denominator),
        let numerator = WholeFraction.sum(scaled, added), let denominator = WholeFraction.product(x.denominator, divisor)
      else { return nil }
      return WholeFraction(numerator: numerator, denominator: denominator)
    }
  }

  enum CompiledStep: Sendable {
    /// The same for every row.
    case constant(PremiumStep.Effect)
    /// Read from ``securityEffects`` by the row's percent.
    case security
    /// By the row's facilities.
    case facilities
  }
  /// ``ModifiedCount``'s table, as the row loop reads it.
  let modifiedCount: ModifiedCount.LowestLine
  /// Whether the brochure prints a payment mode (see ``Amount/paymentPrinted``).
  let paymentPrinted: Bool
  /// Which of the warnings a row's own counts give (``Pricer/facilityWarnings(route:counts:)``)
  /// this route's rows can give, decided once.
  let facilityCheck: Pricer.FacilityCheck

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
    if let rule = terms.security, rule.facilities.contains(route.facility) {
      let low = max(rule.minimumPercent, InputRange.securityPercent.lowerBound)
      let high = min(rule.maximumPercent, InputRange.securityPercent.upperBound)
      // A row without an adjustment is priced at 0%, which the tables below index: a range
      // without it (no rate file allows one) is left to the general path.
      guard low <= 0, high >= 0 else { return nil }
      security = low...high
    } else {
      security = nil
    }
    proportionalFacilities = terms.multipleFacilities == .proportional
    installments = terms.installments
    paymentPrinted = terms.statesPayment(installments: terms.installments)
    facilityCheck = Pricer.FacilityCheck(route)
    // Every step but security and facilities is the same for each row of the route.
    let fixed = PremiumStep.Inputs(optionPremium: route.option?.premium, installments: installments)
    var steps: [CompiledStep] = []
    do {
      for step in terms.rule.steps {
        switch step {
        case .security: steps.append(.security)
        case .facilities: steps.append(.facilities)
        default: if let effect = try step.effect(fixed) { steps.append(.constant(effect)) }
        }
      }
      securityEffects = try (security ?? 0...0).map { (percent) throws(ArithmeticError) in
        try PremiumStep.security.effect(PremiumStep.Inputs(securityPercent: Rational(percent)))
      }
    } catch {
      return nil
    }
    self.steps = steps
    rounding = terms.rule.rounding
    composed = securityEffects.map { [steps] securityEffect in
      let effects = try? steps.compactMap { (step) throws(ArithmeticError) in try Self.effect(of: step, securityEffect: securityEffect, facilities: 1) }
      return effects.flatMap(Composed.init)
    }
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
    /// What the row says of itself besides its program's warnings.
    var notes = RowNotes()
  }

  /// What makes a row's figure an estimate and what its counts say about the facility, held as
  /// the numbers they come from: an amount holds no reference, so dropping one costs nothing (a
  /// reference in it had every row's amount destroyed through generic value witnesses, 110
  /// instructions a row). ``notes(_:)`` makes the general path's warnings and reason from them.
  struct RowNotes: Equatable {
    /// The typed security adjustment, in whole percent; 0 for none.
    var securityPercent = 0
    /// The capacity the bed formula was applied to where it changes the figure.
    var estimatedCapacity: Int?
    /// The beds the route's counts give a warning of (a 病院 under 20 beds, a 介護医療院 with
    /// general beds); nil on most rows.
    var warnedBeds: Int?
  }

  /// The warnings and the reason for an estimate that `notes` stand for, as the general path
  /// gives them: the capacity's reason before the adjustment's.
  func notes(_ notes: RowNotes) -> (warnings: [QuoteWarning], estimate: EstimateReason?) {
    let warnings = notes.warnedBeds.flatMap { Pricer.facilityWarning(facilityCheck, beds: $0) }.map { [$0] } ?? []
    let estimate = notes.estimatedCapacity.flatMap(EstimateReason.capacity) ?? EstimateReason.security(Rational(notes.securityPercent))
    return (warnings, estimate)
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

    // The base as numerator / denominator.
    let base: WholeFraction
    let table: TableBasis
    // The bed formula applied to a capacity it changes: an estimate, whatever the adjustment.
    var estimatedCapacity: Int?
    switch self.base {
    case .perBed(let generalRate, let otherRate):
      guard capacity == nil, InputRange.count.contains(totalBeds) else { return nil }
      // (rate × general + rate × other) / total × M, with M in hundredths.
      guard let general = WholeFraction.product(generalRate, Int64(generalBeds ?? 0)),
        let other = WholeFraction.product(otherRate, Int64(otherBeds ?? 0)), let sum = WholeFraction.sum(general, other),
        let numerator = WholeFraction.product(sum, modifiedCount.hundredths(totalBeds))
      else { return nil }
      base = WholeFraction(numerator: numerator, denominator: Int64(totalBeds) * 100)
      table = .perBed
    case .perCapacity(let rate):
      guard generalBeds ?? 0 == 0, otherBeds ?? 0 == 0, let capacity, InputRange.count.contains(capacity),
        let numerator = WholeFraction.product(rate, modifiedCount.hundredths(capacity))
      else { return nil }
      base = WholeFraction(numerator: numerator, denominator: 100)
      table = .perCapacity
      if EstimateReason.isEstimate(capacity: capacity) { estimatedCapacity = capacity }
    case .flat(let premium):
      // Beds given to a flat rate are a warning (they change nothing), which the general path gives.
      guard capacity == nil, generalBeds == nil, otherBeds == nil else { return nil }
      base = WholeFraction(numerator: premium, denominator: 1)
      table = .flat(.annual)
    }
    let securityEstimate = EstimateReason.isEstimate(security: Rational(security))
    guard let amount = evaluate(base, security: security, facilities: facilities), let installmentPremium = rounding.rounded(amount),
      let premium = WholeFraction.product(installmentPremium, Int64(installments))
    else { return nil }
    let basis = Basis.of(table, facilities: facilities, isEstimate: estimatedCapacity != nil || securityEstimate)
    // The general path's rule for what the counts say about the facility (a 病院 under 20 beds,
    // a 介護医療院 with general beds), given the counts it prices by, as it keeps them.
    let counts: FacilityCounts
    switch self.base {
    case .perBed: counts = FacilityCounts(generalBeds: generalBeds, otherBeds: otherBeds)
    case .perCapacity: counts = FacilityCounts(capacity: capacity)
    case .flat: counts = FacilityCounts()
    }
    let notes = RowNotes(
      securityPercent: security, estimatedCapacity: estimatedCapacity,
      warnedBeds: Pricer.bedsWarned(facilityCheck, counts: counts))
    return Amount(
      premium: premium, installments: installments, installmentPremium: installmentPremium, basis: basis,
      paymentPrinted: paymentPrinted, notes: notes)
  }

  /// The rule's steps applied in order to `base`: the exact amount before rounding; nil beyond
  /// 64 bits.
  private func evaluate(_ base: WholeFraction, security: Int, facilities: Int) -> WholeFraction? {
    // `price` took only a percent within ``security``, or 0.
    let index = security - (self.security?.lowerBound ?? 0)
    if facilities == 1, let composed = composed[index] { return composed.applied(to: base) }
    var x = base
    do {
      for step in steps {
        guard let effect = try Self.effect(of: step, securityEffect: securityEffects[index], facilities: facilities) else { continue }
        guard let next = effect.applied(to: x) else { return nil }
        x = next
      }
    } catch {
      return nil
    }
    return x
  }

  /// What `step` does to a row with this security effect and facilities; nil when it changes
  /// nothing. Throws when the facilities' effect cannot be made.
  private static func effect(of step: CompiledStep, securityEffect: PremiumStep.Effect?, facilities: Int) throws(ArithmeticError) -> PremiumStep.Effect? {
    switch step {
    case .constant(let fixed): fixed
    case .security: securityEffect
    case .facilities: try PremiumStep.facilities.effect(PremiumStep.Inputs(facilities: facilities))
    }
  }
}
