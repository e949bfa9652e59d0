/// Prices a ``QuoteRequest`` against one ``Program``: every rule of the brochures lives here.
///
/// The calculation is exact from the printed figures to the end. After the base, the steps and
/// the rounding are ``PremiumRule``'s, which the whole-yen path of member lists evaluates too:
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
package enum Pricer {
  /// Prices `request` under `program`, recording every step. `date`, when given, is checked
  /// against the program's period.
  package static func quote(_ request: QuoteRequest, in program: Program, on date: CalendarDate? = nil) throws(QuoteError) -> Quote {
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
      installmentAsPrinted: amount.installmentAsPrinted, assumptions: assumptions(route: route, amount: amount),
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
      estimateReason = .capacity(capacity)
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

    // 2–6. The rule's steps, each checked against the program first.
    let security = request.securityPercent ?? .zero
    try checkSecurity(security, route: route)
    let facilities = request.facilities ?? 1
    try checkFacilities(facilities, route: route)
    let printedDiscount = program.groupDiscountPercent
    var inputs = PremiumStep.Inputs(optionPremium: route.option?.premium, securityPercent: security, facilities: facilities)
    var discount = printedDiscount
    var repriced = false
    // Re-pricing at another group discount: no brochure prints a rule for it, an estimate.
    if let requested = request.groupDiscountPercent, requested != printedDiscount {
      guard let printed = printedDiscount else { throw .repricingNotStated(.groupDiscount, program: program.id) }
      (inputs.printedDiscountPercent, inputs.requestedDiscountPercent) = (printed, requested)
      discount = requested
      repriced = true
    }
    let installments = request.installments ?? program.installments
    if installments != program.installments {
      guard program.paymentStated else { throw .repricingNotStated(.installments, program: program.id) }
      repriced = true
    }
    inputs.installments = installments
    // A printed installment that nothing changed is the answer as printed: its first step
    // already states installment × installments = the annual premium, with nothing to round.
    var asPrinted = program.basis == .flat(.installment) && installments == program.installments
    for step in program.rule.steps where asPrinted && step != .installments {
      asPrinted = try exact { () throws(ArithmeticError) in try step.effect(inputs) } == nil
    }
    for step in program.rule.steps {
      guard let effect = try exact({ () throws(ArithmeticError) in try step.effect(inputs) }) else { continue }
      if asPrinted {
        c.amount = try exact { () throws(ArithmeticError) in try effect.applied(to: c.amount) }
        continue
      }
      try c.apply { (amount: Rational) throws(ArithmeticError) in
        try effect.applied(to: amount)
      } step: { result in
        switch step {
        case .option: .optionAdded(code: route.option?.code ?? "", premium: inputs.optionPremium ?? Yen(0), result: result)
        case .security: .security(percent: security, result: result)
        case .facilities: .facilities(count: facilities, result: result)
        case .removePrintedDiscount: .grossedUp(printedDiscountPercent: inputs.printedDiscountPercent ?? .zero, result: result)
        case .applyRequestedDiscount: .discounted(percent: inputs.requestedDiscountPercent ?? .zero, result: result)
        case .installments: .perInstallment(installments: installments, result: result)
        }
      }
    }
    if estimateReason == nil { estimateReason = .security(security) }
    if repriced, estimateReason == nil {
      estimateReason = .repriced(groupDiscountPercent: discount, installments: installments)
    }

    // 7. The one rounding.
    let installmentPremium = try exact { () throws(ArithmeticError) in try c.amount.rounded(program.rule.rounding) }
    let premium = try exact { () throws(ArithmeticError) in try installmentPremium.multiplied(by: installments) }
    guard installmentPremium >= Yen(0) else { throw .belowZero(program: route.terms.id, plan: route.plan.code, premium: premium) }
    if !asPrinted {
      c.recorder.record(.rounded(from: c.amount, to: installmentPremium, rule: program.rule.rounding))
      if installments > 1 {
        c.recorder.record(.annualFromInstallments(installment: installmentPremium, installments: installments, annual: premium))
      }
    }

    let basis = Basis.of(program.basis, facilities: facilities, isEstimate: estimateReason != nil)
    return PricedAmount(
      premium: premium, installments: installments, installmentPremium: installmentPremium, unrounded: c.amount, basis: basis,
      counts: counts, securityPercent: security, facilities: facilities, groupDiscountPercent: discount,
      estimateReason: estimateReason, installmentAsPrinted: asPrinted)
  }

  /// Throws unless the program adjusts this facility's premium by `percent`.
  static func checkSecurity(_ percent: Rational, route: PricingRoute) throws(QuoteError) {
    guard percent != .zero else { return }
    let program = route.terms
    guard let rule = program.security, rule.facilities.contains(route.facility) else {
      if let disclosure = route.program.disclosure(for: route.facility) {
        throw .securityFromDisclosure(value: percentText(percent), program: program.id, facility: route.facility, text: disclosure.text)
      }
      throw .securityNotApplicable(value: percentText(percent), program: program.id, facility: route.facility)
    }
    guard percent >= Rational(rule.minimumPercent), percent <= Rational(rule.maximumPercent) else {
      throw .outOfRange(.security, value: percentText(percent), accepted: rule.minimumPercent...rule.maximumPercent)
    }
  }

  /// Throws unless the program prices `count` facilities on one contract.
  static func checkFacilities(_ count: Int, route: PricingRoute) throws(QuoteError) {
    guard count > 1 else { return }
    switch route.terms.multipleFacilities {
    case .proportional: return
    case .separateContracts: throw .facilitiesNotApplicable(count: count, program: route.terms.id, reason: nil)
    case .onRequest(let reason): throw .onRequest(program: route.terms.id, facility: route.facility, plan: route.plan.code, reason: reason)
    }
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
