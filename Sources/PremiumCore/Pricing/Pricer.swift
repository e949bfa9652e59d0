/// Prices a ``QuoteRequest`` against one ``Program``: every rule of the brochures lives here.
///
/// The calculation is exact from the printed figures to the end, in this order:
/// 1. the printed base: a flat figure, a per-bed or per-person rate × modified count, or a
///    printed example (or the model fitted to the examples);
/// 2. an option's printed premium, added;
/// 3. × (1 + security adjustment);
/// 4. × facilities;
/// 5. ÷ (1 − printed group discount) × (1 − requested group discount), when re-priced;
/// 6. ÷ installments;
/// 7. one rounding, half up to 10 yen: the installment; the annual premium is installment ×
///    installments.
///
/// A quote is a ``PricingRoute`` (everything fixed by program, facility, plan and option,
/// resolved once) plus the arithmetic for one facility's counts and adjustments. ``quote(_:in:on:)``
/// records every step for explanations; ``price(_:route:)`` skips the record, for batches.
public enum Pricer {
  /// Prices `request` under `program`, recording every step. `date`, when given, is checked
  /// against the program's period.
  public static func quote(_ request: QuoteRequest, in program: Program, on date: CalendarDate? = nil) throws(QuoteError) -> Quote {
    let sizes = request.sizes
    try validateRanges(sizes)
    let route = try self.route(program: program, facility: request.facility, plan: request.plan, option: request.option)
    var steps = StepList()
    let amount = try compute(sizes, route: route, recorder: &steps)
    return Quote(
      program: program, facility: route.facility, plan: route.plan, option: route.option, table: route.table,
      limits: route.limits, premium: amount.premium, installments: amount.installments,
      installmentPremium: amount.installmentPremium, basis: amount.basis, steps: steps.steps, counts: amount.counts,
      securityPercent: amount.securityPercent, facilities: amount.facilities,
      groupDiscountPercent: amount.groupDiscountPercent, estimateReason: amount.estimateReason,
      assumptions: assumptions(route: route, amount: amount),
      warnings: warnings(for: program, on: date) + rowWarnings(sizes, route: route, counts: amount.counts))
  }

  /// The warnings a quote's own counts give (beside the program's, ``warnings(for:on:)``).
  static func rowWarnings(_ sizes: QuoteSizes, route: PricingRoute, counts: FacilityCounts) -> [QuoteWarning] {
    facilityWarnings(route: route, counts: counts) + countsNotUsed(sizes, counts: counts)
  }

  /// Prices one facility's counts and adjustments along a route resolved earlier, without
  /// recording steps: the same rules and result as ``quote(_:in:on:)``, for pricing many fast.
  package static func price(_ sizes: QuoteSizes, route: PricingRoute) throws(QuoteError) -> PricedAmount {
    try validateRanges(sizes)
    var none = NoSteps()
    return try compute(sizes, route: route, recorder: &none)
  }

  // MARK: - Route

  /// Resolves what a quote depends on besides counts and adjustments, with every error that
  /// program, facility, plan and option alone can cause.
  package static func route(program: Program, facility: FacilityKind, plan code: String, option optionCode: String?) throws(QuoteError) -> PricingRoute {
    try checkTakesPlans(program, facility: facility, option: optionCode)
    guard let plan = program.plan(code) else {
      let codes = program.plans.map(\.code)
      throw .unknownPlan(code, program: program.id, suggestion: Suggestion.closest(to: code, in: codes), known: codes)
    }
    try unavailable(program, facility: facility, plan: plan.code, option: optionCode)
    guard let table = program.table(for: facility, plan: plan.code), let row = table.row(for: plan.code) else {
      let offered = program.plansOffered(to: facility).map(\.code)
      if offered.isEmpty {
        let kinds = FacilityKind.allCases.filter { !program.plansOffered(to: $0).isEmpty }
        throw .facilityNotOffered(program: program.id, facility: facility, offered: kinds)
      }
      throw .planNotOffered(plan: plan.code, program: program.id, facility: facility, offered: offered)
    }
    var limits = program.limits(of: plan, for: facility)
    var option: PlanOption?
    if let optionCode {
      guard let found = program.option(optionCode) else {
        if program.options.isEmpty, let reason = program.optionsOnRequest {
          throw .onRequest(program: program.id, facility: facility, plan: plan.code, reason: reason)
        }
        throw .optionNotOffered(optionCode, program: program.id, offered: program.options.map(\.code))
      }
      option = found
      switch found.coverage {
      case .lostProfit: limits.lostProfit = found.limit
      case .businessContinuation: limits.businessContinuation = found.limit
      case .liability, .incidentResponse: break
      }
    }
    return PricingRoute(program: program, facility: facility, plan: plan, option: option, table: table, row: row, limits: limits)
  }

  /// Throws when the program prices no plan at all for this applicant: not eligible, or a
  /// program without plans (jhef: on request).
  static func checkTakesPlans(_ program: Program, facility: FacilityKind, option: String?) throws(QuoteError) {
    guard program.plans.isEmpty || !program.eligibleFacilities.contains(facility) else { return }
    try unavailable(program, facility: facility, plan: nil, option: option)
    throw .onRequest(program: program.id, facility: facility, plan: nil, reason: program.eligibility ?? "記載なし")
  }

  /// Throws the brochure's "no" for this combination, if its rules give one.
  static func unavailable(_ program: Program, facility: FacilityKind, plan: String?, option: String?) throws(QuoteError) {
    guard let no = program.unavailability(for: facility, plan: plan, option: option) else { return }
    switch no.status {
    case .notEligible: throw .notEligible(program: program.id, facility: facility, eligibility: no.reason)
    case .notOffered: throw .notOffered(program: program.id, facility: facility, plan: plan, reason: no.reason)
    case .onRequest, .priced: throw .onRequest(program: program.id, facility: facility, plan: plan, reason: no.reason)
    }
  }

  // MARK: - Arithmetic

  static func compute<R: StepRecorder>(_ request: QuoteSizes, route: PricingRoute, recorder: inout R) throws(QuoteError) -> PricedAmount {
    let program = route.terms
    let facility = route.facility
    let row = route.row
    let counts = try checkedCounts(request, route: route)
    var c = Calculation(recorder: recorder)
    defer { recorder = c.recorder }
    var estimateReason: EstimateReason?

    // 1. The printed base.
    switch program.basis {
    case .flat(.annual):
      c.amount = program.values[0]
      c.recorder.record(.printedPremium(row.values[0]))
    case .flat(.installment):
      try c.apply { _ throws(ArithmeticError) in
        try program.values[0].multiplied(by: Rational(program.installments))
      } step: {
        .printedInstallment(row.values[0], installments: program.installments, annual: $0)
      }
    case .perBed:
      let general = counts.generalBeds ?? 0
      let other = counts.otherBeds ?? 0
      let total = general + other
      c.recorder.record(.totalBeds(general: general, other: other, total: total))
      let average = try exact { () throws(ArithmeticError) in
        try program.values[0].multiplied(by: Rational(general))
          .adding(program.values[1].multiplied(by: Rational(other)))
          .divided(by: Rational(total))
      }
      c.recorder.record(.weightedAverage(general: general, generalRate: row.values[0], other: other, otherRate: row.values[1], result: average))
      try priceByModifiedCount(rate: average, count: total, into: &c)
    case .perCapacity:
      c.recorder.record(.unitRate(row.values[0], unit: .capacity))
      let capacity = counts.capacity ?? 0
      try priceByModifiedCount(rate: program.values[0], count: capacity, into: &c)
      if ModifiedCount.changes(capacity) { estimateReason = .modifiedCountOnCapacity(capacity: capacity) }
    case .examples(let unit, let printedCounts, _):
      let count = (unit == .capacity ? counts.capacity : counts.generalBeds) ?? 0
      if let index = printedCounts.firstIndex(of: count) {
        c.amount = program.values[index]
        c.recorder.record(.printedExample(count: count, premium: row.values[index]))
      } else {
        try priceByModel(printedCounts: printedCounts, row: row, count: count, into: &c)
        estimateReason = .fittedModel(printedCounts: printedCounts)
      }
    }
    if !program.printedForFacility {
      estimateReason = .assumedTable(reason: route.table.estimateReason ?? route.table.title)
    }

    // 2. An option.
    if let option = route.option {
      try c.apply { (amount: Rational) throws(ArithmeticError) in
        try amount.adding(option.premium.rational)
      } step: {
        .optionAdded(code: option.code, premium: option.premium, result: $0)
      }
    }

    // 3. Security adjustment.
    let security = request.securityPercent ?? .zero
    if security != .zero {
      guard let rule = program.security, rule.facilities.contains(facility) else {
        if let disclosure = route.program.disclosure(for: facility) {
          throw .securityFromDisclosure(value: percentText(security), program: program.id, facility: facility, text: disclosure.text)
        }
        throw .securityNotApplicable(value: percentText(security), program: program.id, facility: facility)
      }
      guard security >= Rational(rule.minimumPercent), security <= Rational(rule.maximumPercent) else {
        throw .outOfRange(.security, value: percentText(security), accepted: rule.minimumPercent...rule.maximumPercent)
      }
      try c.apply { (amount: Rational) throws(ArithmeticError) in
        try amount.multiplied(by: Rational.one.adding(Rational.percent(security)))
      } step: {
        .security(percent: security, result: $0)
      }
      if estimateReason == nil { estimateReason = .securityAdjustment(percent: security) }
    }

    // 4. Facilities.
    let facilities = request.facilities ?? 1
    if facilities > 1 {
      switch program.multipleFacilities {
      case .proportional:
        try c.apply { (amount: Rational) throws(ArithmeticError) in
          try amount.multiplied(by: Rational(facilities))
        } step: {
          .facilities(count: facilities, result: $0)
        }
      case .separateContracts:
        throw .facilitiesNotApplicable(count: facilities, program: program.id, reason: nil)
      case .onRequest(let reason):
        throw .onRequest(program: program.id, facility: facility, plan: route.plan.code, reason: reason)
      }
    }

    // 5. Re-pricing at another group discount. No brochure prints a rule for it: an estimate.
    let printedDiscount = program.groupDiscountPercent
    var discount = printedDiscount
    var repriced = false
    if let requested = request.groupDiscountPercent, requested != printedDiscount {
      guard let printed = printedDiscount else { throw .repricingNotStated(.groupDiscount, program: program.id) }
      try c.apply { (amount: Rational) throws(ArithmeticError) in
        try amount.divided(by: Rational.one.subtracting(Rational.percent(printed)))
      } step: {
        .grossedUp(printedDiscountPercent: printed, result: $0)
      }
      try c.apply { (amount: Rational) throws(ArithmeticError) in
        try amount.multiplied(by: Rational.one.subtracting(Rational.percent(requested)))
      } step: {
        .discounted(percent: requested, result: $0)
      }
      discount = requested
      repriced = true
    }

    // 6–7. Installments and the one rounding.
    let installments = request.installments ?? program.installments
    if installments != program.installments {
      guard program.paymentStated else { throw .repricingNotStated(.installments, program: program.id) }
      repriced = true
    }
    if repriced, estimateReason == nil {
      estimateReason = .repriced(groupDiscountPercent: discount, installments: installments)
    }
    // A printed installment that nothing changed is the answer as printed: its first step
    // already states installment × installments = the annual premium, with nothing to round.
    var asPrinted = false
    if program.basis == .flat(.installment), installments == program.installments {
      let printedAnnual = try exact { () throws(ArithmeticError) in try program.values[0].multiplied(by: Rational(program.installments)) }
      asPrinted = c.amount == printedAnnual
    }
    if installments > 1, !asPrinted {
      try c.apply { (amount: Rational) throws(ArithmeticError) in
        try amount.divided(by: Rational(installments))
      } step: {
        .perInstallment(installments: installments, result: $0)
      }
    } else if installments > 1 {
      c.amount = try exact { () throws(ArithmeticError) in try c.amount.divided(by: Rational(installments)) }
    }
    let installmentPremium = try exact { () throws(ArithmeticError) in try c.amount.rounded(.halfUpToTenYen) }
    let premium = try exact { () throws(ArithmeticError) in try installmentPremium.multiplied(by: installments) }
    guard installmentPremium >= Yen(0) else { throw .belowZero(program: route.terms.id, plan: route.plan.code, premium: premium) }
    if !asPrinted {
      c.recorder.record(.rounded(from: c.amount, to: installmentPremium, rule: .halfUpToTenYen))
      if installments > 1 {
        c.recorder.record(.annualFromInstallments(installment: installmentPremium, installments: installments, annual: premium))
      }
    }

    let basis = Basis.of(program.basis, facilities: facilities, isEstimate: estimateReason != nil)
    return PricedAmount(
      premium: premium, installments: installments, installmentPremium: installmentPremium, unrounded: c.amount, basis: basis,
      counts: counts, securityPercent: security, facilities: facilities, groupDiscountPercent: discount,
      estimateReason: estimateReason)
  }

  // MARK: - Validation

  static func validateRanges(_ r: QuoteSizes) throws(QuoteError) {
    func check(_ value: Int?, _ field: QuoteField, _ range: ClosedRange<Int>) throws(QuoteError) {
      if let value, !range.contains(value) { throw .outOfRange(field, value: "\(value)", accepted: range) }
    }
    try check(r.generalBeds, .generalBeds, InputRange.bedComponent)
    try check(r.otherBeds, .otherBeds, InputRange.bedComponent)
    if r.generalBeds != nil || r.otherBeds != nil {
      let total = (r.generalBeds ?? 0) + (r.otherBeds ?? 0)
      if !InputRange.count.contains(total), (r.generalBeds ?? 0) > 0 || (r.otherBeds ?? 0) > 0 {
        throw .totalBedsOutOfRange(total: total, accepted: InputRange.count)
      }
    }
    try check(r.capacity, .capacity, InputRange.count)
    try check(r.facilities, .facilities, InputRange.facilities)
    try check(r.installments, .installments, InputRange.installments)
    func checkPercent(_ value: Rational?, _ field: QuoteField, _ range: ClosedRange<Int>) throws(QuoteError) {
      if let value, value < Rational(range.lowerBound) || value > Rational(range.upperBound) {
        throw .outOfRange(field, value: percentText(value), accepted: range)
      }
    }
    try checkPercent(r.groupDiscountPercent, .groupDiscount, InputRange.groupDiscountPercent)
    try checkPercent(r.securityPercent, .security, InputRange.securityPercent)
  }

  /// The counts the route's table prices by, after rejecting any that do not apply. Zero bed
  /// counts mean "no beds of this kind" and are accepted wherever they change nothing.
  static func checkedCounts(_ r: QuoteSizes, route: PricingRoute) throws(QuoteError) -> FacilityCounts {
    let basis = route.terms.basis
    let bedsAccepted: Bool
    let capacityAccepted: Bool
    switch basis {
    case .perBed: (bedsAccepted, capacityAccepted) = (true, false)
    case .perCapacity: (bedsAccepted, capacityAccepted) = (false, true)
    case .flat: (bedsAccepted, capacityAccepted) = (false, false)
    case .examples(let unit, _, _): (bedsAccepted, capacityAccepted) = (unit == .generalBeds, unit == .capacity)
    }
    var counts = FacilityCounts()
    // Beds on a table priced per facility are data member lists carry: kept and shown, and they
    // change nothing. A 診療所 has up to 19 beds (有床) under the 医療法.
    let bedsKept = basis.isFlat
    if bedsKept, route.facility == .clinic || route.facility == .dental,
      (r.generalBeds ?? 0) + (r.otherBeds ?? 0) > FacilityKind.clinicMaximumBeds
    {
      throw .clinicOverBedLimit(beds: (r.generalBeds ?? 0) + (r.otherBeds ?? 0), facility: route.facility)
    }
    // Any other count the table does not price by is left out: a warning names it
    // (``countsNotUsed(_:counts:)``), never an error, since member lists carry every count.
    if let general = r.generalBeds, bedsAccepted || bedsKept { counts.generalBeds = general }
    if let other = r.otherBeds, bedsAccepted || bedsKept { counts.otherBeds = other }
    if let capacity = r.capacity, capacityAccepted { counts.capacity = capacity }
    if case .examples(.generalBeds, _, _) = basis, let other = counts.otherBeds, other > 0 {
      throw .onRequest(
        program: route.terms.id, facility: route.facility, plan: route.plan.code,
        reason: "パンフレットの保険料例は一般病床のみです（一般病床以外 \(other)床を含む保険料は取扱代理店にお問い合わせください）")
    }
    if bedsAccepted || capacityAccepted, (counts.generalBeds ?? 0) + (counts.otherBeds ?? 0) + (counts.capacity ?? 0) == 0 {
      let accepted: [CountKind] = capacityAccepted ? [.capacity] : basis == .perBed ? [.generalBeds, .otherBeds] : [.generalBeds]
      let given = [(CountKind.generalBeds, r.generalBeds), (.otherBeds, r.otherBeds), (.capacity, r.capacity)].compactMap { $0.1 == nil ? nil : $0.0 }
      throw .countRequired(program: route.terms.id, facility: route.facility, accepted: accepted, given: given)
    }
    return counts
  }

  /// What to tell the user about `program`'s period on `date`.
  package static func warnings(for program: Program, on date: CalendarDate?) -> [QuoteWarning] {
    guard let period = program.period else { return [.periodNotPrinted(term: program.term, edition: program.edition)] }
    guard let date else { return [] }
    if period.hasEnded(by: date) { return [.periodEnded(period)] }
    if date < period.start { return [.periodNotStarted(period)] }
    return []
  }

  /// What the counts say about the facility itself: a 病院 of fewer than 20 beds (医療法) is a
  /// 診療所 by law, and its quote as a hospital deserves a second look.
  static func facilityWarnings(route: PricingRoute, counts: FacilityCounts) -> [QuoteWarning] {
    if route.table.basis.isFlat, let beds = [counts.generalBeds, counts.otherBeds].compactMap({ $0 }).reduce(nil, { ($0 ?? 0) + $1 }) {
      return [.bedsDoNotChangePremium(beds: beds, facility: route.facility)]
    }
    if route.facility == .kaigoIryoin, route.table.basis == .perBed, let beds = counts.generalBeds, beds > 0, route.row.values.count == 2 {
      return [.kaigoIryoinGeneralBeds(beds: beds, generalRate: route.row.values[0], otherRate: route.row.values[1])]
    }
    guard route.facility == .hospital else { return [] }
    let beds = (counts.generalBeds ?? 0) + (counts.otherBeds ?? 0)
    guard counts.generalBeds != nil || counts.otherBeds != nil, beds <= FacilityKind.clinicMaximumBeds else { return [] }
    return [.hospitalUnderTwentyBeds(beds: beds)]
  }

  /// The counts given that the route does not price by (a hospital's beds where a program prices
  /// a capacity, a capacity where it prices per facility): left out of the premium, and said.
  static func countsNotUsed(_ sizes: QuoteSizes, counts: FacilityCounts) -> [QuoteWarning] {
    let given: [(CountKind, Int?)] = [(.generalBeds, sizes.generalBeds), (.otherBeds, sizes.otherBeds), (.capacity, sizes.capacity)]
    return given.compactMap { kind, value in
      guard let value, value != 0, counts[kind] == nil else { return nil }
      return .countNotUsed(kind, value: value)
    }
  }

  /// A percentage as it was typed: every decimal that fits a 64-bit fraction ends within 19
  /// digits (`30.0000000000000001`), never shown as a fraction.
  static func percentText(_ value: Rational) -> String {
    value.exactDecimalString(maxFractionDigits: 19) ?? value.description
  }

  // MARK: - Bases

  static func priceByModifiedCount<R: StepRecorder>(rate: Rational, count: Int, into c: inout Calculation<R>) throws(QuoteError) {
    let modified = try exact { () throws(ArithmeticError) in try ModifiedCount.of(count) }
    c.recorder.record(.modifiedCount(count: count, tier: ModifiedCount.tier(for: count), result: modified))
    try c.apply { _ throws(ArithmeticError) in
      try rate.multiplied(by: modified)
    } step: {
      .rateTimesCount(rate: rate, count: modified, result: $0)
    }
  }

  static func priceByModel<R: StepRecorder>(
    printedCounts: [Int], row: RateRow, count: Int, into c: inout Calculation<R>
  ) throws(QuoteError) {
    // The rate file reader guarantees two printed counts with a premium each.
    let (low, high) = (printedCounts[0], printedCounts[1])
    let (pLow, pHigh) = (row.values[0], row.values[1])
    let lowPoint = try exact { () throws(ArithmeticError) in try PrintedPoint(count: low, premium: pLow) }
    let highPoint = try exact { () throws(ArithmeticError) in try PrintedPoint(count: high, premium: pHigh) }
    let slope = try exact { () throws(ArithmeticError) in try PrintedPoint.slope(from: lowPoint, to: highPoint) }
    c.recorder.record(.fittedSlope(low: lowPoint, high: highPoint, slope: slope))
    let modified = try exact { () throws(ArithmeticError) in try ModifiedCount.of(count) }
    c.recorder.record(.modifiedCount(count: count, tier: ModifiedCount.tier(for: count), result: modified))
    // The line through both printed points, so that each is reproduced exactly: the insurer
    // rounds every printed example on its own, and a row need not fit `model.offset` exactly.
    try c.apply { _ throws(ArithmeticError) in
      try slope.multiplied(by: modified.subtracting(lowPoint.modifiedCount)).adding(pLow.rational)
    } step: {
      .fittedPremium(slope: slope, modifiedCount: modified, from: lowPoint, result: $0)
    }
  }
}

/// Everything a quote depends on besides counts and adjustments: resolved once per program,
/// facility, plan and option by ``Pricer/route(program:facility:plan:option:)``. A class, so that
/// handing a route to each row of a batch costs one reference count, not a copy of the program.
package final class PricingRoute: Sendable {
  package let program: Program
  package let facility: FacilityKind
  package let plan: Plan
  package let option: PlanOption?
  package let table: RateTable
  package let row: RateRow
  /// The plan's limits for this facility, with the option's cover added.
  package let limits: Limits
  /// The program's terms the arithmetic reads, copied out so that pricing a row does not copy
  /// the whole program.
  let terms: Terms

  struct Terms: Sendable {
    let id: String
    let installments: Int
    let groupDiscountPercent: Rational?
    /// The brochure states a payment mode, so the figures may be re-priced to another.
    let paymentStated: Bool
    let security: SecurityRule?
    let multipleFacilities: MultipleFacilities
    let basis: TableBasis
    /// The table prints these figures for this very facility (else they are borrowed: an estimate).
    let printedForFacility: Bool
    /// The row's figures as exact values.
    let values: [Rational]

    /// Whether a figure paid in `installments` states a payment mode: the brochure's own, or
    /// one asked for. Otherwise it has none (installments null in JSON, empty in batch CSV).
    func statesPayment(installments: Int) -> Bool {
      Self.statesPayment(printed: paymentStated, printedInstallments: self.installments, installments: installments)
    }

    static func statesPayment(printed: Bool, printedInstallments: Int, installments: Int) -> Bool {
      printed || installments != printedInstallments
    }
  }

  init(program: Program, facility: FacilityKind, plan: Plan, option: PlanOption?, table: RateTable, row: RateRow, limits: Limits) {
    terms = Terms(
      id: program.id, installments: program.installments, groupDiscountPercent: program.groupDiscountPercent,
      paymentStated: program.payment != nil, security: program.security, multipleFacilities: program.multipleFacilities, basis: table.basis,
      printedForFacility: table.prints(for: facility), values: row.values.map(\.rational))
    self.program = program
    self.facility = facility
    self.plan = plan
    self.option = option
    self.table = table
    self.row = row
    self.limits = limits
  }
}

/// A priced request without its explanation.
package struct PricedAmount: Sendable, Hashable {
  /// Annual total: installment × installments.
  package let premium: Yen
  package let installments: Int
  package let installmentPremium: Yen
  /// The installment before its one rounding, exactly.
  package let unrounded: Rational
  package let basis: Basis
  /// The counts the quote used, as given.
  package let counts: FacilityCounts
  package let securityPercent: Rational
  package let facilities: Int
  /// The discount the premium carries: the printed one, or the one re-priced to; nil when the
  /// brochure states none.
  package let groupDiscountPercent: Rational?
  package let estimateReason: EstimateReason?
}

/// Exact arithmetic whose failure becomes ``QuoteError/arithmetic(_:)``.
@inline(__always)
func exact<T>(_ body: () throws(ArithmeticError) -> T) throws(QuoteError) -> T {
  do { return try body() } catch { throw .arithmetic(error) }
}

/// Where the steps of a calculation go: a list for explanations, nowhere for batches.
protocol StepRecorder {
  mutating func record(_ step: @autoclosure () -> CalculationStep)
}

struct StepList: StepRecorder {
  var steps: [CalculationStep] = []
  mutating func record(_ step: @autoclosure () -> CalculationStep) { steps.append(step()) }
}

struct NoSteps: StepRecorder {
  @inline(__always) mutating func record(_ step: @autoclosure () -> CalculationStep) {}
}

/// The running exact amount and the record of how it was reached.
struct Calculation<R: StepRecorder> {
  var amount: Rational = .zero
  var recorder: R

  init(recorder: R) {
    self.recorder = recorder
  }

  /// Replaces the amount with `transform(amount)` and records `step(newAmount)`.
  @inline(__always)
  mutating func apply(
    _ transform: (Rational) throws(ArithmeticError) -> Rational, step: (Rational) -> CalculationStep
  ) throws(QuoteError) {
    let current = amount
    amount = try exact { () throws(ArithmeticError) in try transform(current) }
    let result = amount
    recorder.record(step(result))
  }
}
