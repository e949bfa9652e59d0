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
public enum Pricer {
  /// Prices `request` under `program`. `date`, when given, is checked against the program's period.
  public static func quote(_ request: QuoteRequest, in program: Program, on date: CalendarDate? = nil) throws(QuoteError) -> Quote {
    try validateRanges(request)
    let facility = request.facility

    if program.plans.isEmpty {
      let reason = program.onRequestRule(for: facility, plan: nil)?.reason ?? program.eligibility
      throw .onRequest(program: program.id, facility: facility, plan: nil, reason: reason)
    }
    guard let plan = program.plan(request.plan) else {
      let codes = program.plans.map(\.code)
      throw .unknownPlan(request.plan, program: program.id, suggestion: Suggestion.closest(to: request.plan, in: codes), known: codes)
    }
    if let rule = program.onRequestRule(for: facility, plan: plan.code) {
      throw .onRequest(program: program.id, facility: facility, plan: plan.code, reason: rule.reason)
    }
    guard let table = program.table(for: facility, plan: plan.code), let row = table.row(for: plan.code) else {
      let offered = program.plansOffered(to: facility).map(\.code)
      if offered.isEmpty {
        let kinds = FacilityKind.allCases.filter { !program.plansOffered(to: $0).isEmpty }
        throw .facilityNotOffered(program: program.id, facility: facility, offered: kinds)
      }
      throw .planNotOffered(plan: plan.code, program: program.id, facility: facility, offered: offered)
    }

    var calculation = Calculation()
    let counts = try checkedCounts(request, table: table, program: program)
    var estimateReason: EstimateReason?

    // 1. The printed base.
    switch table.basis {
    case .flat(.annual):
      calculation.amount = row.values[0].rational
      calculation.steps.append(.printedPremium(row.values[0]))
    case .flat(.installment):
      try calculation.apply { _ in try row.values[0].rational.multiplied(by: Rational(program.installments)) } step: {
        .printedInstallment(row.values[0], installments: program.installments, annual: $0)
      }
    case .perBed:
      try priceByBeds(counts, row: row, into: &calculation)
    case .perCapacity:
      let capacity = counts[.capacity] ?? 0
      calculation.steps.append(.unitRate(row.values[0], unit: .capacity))
      try priceByModifiedCount(rate: row.values[0].rational, count: capacity, into: &calculation)
    case .examples(let unit, let printedCounts, let model):
      let count = counts[unit] ?? 0
      if let index = printedCounts.firstIndex(of: count) {
        calculation.amount = row.values[index].rational
        calculation.steps.append(.printedExample(count: count, premium: row.values[index]))
      } else {
        try priceByModel(model, printedCounts: printedCounts, row: row, count: count, into: &calculation)
        estimateReason = .fittedModel(printedCounts: printedCounts, offset: model.offset)
      }
    }
    if !table.facilities.contains(facility) {
      estimateReason = .assumedTable(reason: table.estimateReason ?? table.title)
    }

    // 2. An option.
    var limits = program.limits(of: plan, for: facility)
    var option: PlanOption?
    if let code = request.option {
      guard let found = program.option(code) else {
        if program.options.isEmpty, let reason = program.optionsOnRequest {
          throw .onRequest(program: program.id, facility: facility, plan: plan.code, reason: reason)
        }
        throw .optionNotOffered(code, program: program.id, offered: program.options.map(\.code))
      }
      option = found
      limits.lostProfit = found.coverage == .lostProfit ? found.limit : limits.lostProfit
      limits.businessContinuation = found.coverage == .businessContinuation ? found.limit : limits.businessContinuation
      try calculation.apply { try $0.adding(found.premium.rational) } step: {
        .optionAdded(code: found.code, premium: found.premium, result: $0)
      }
    }

    // 3. Security adjustment.
    let security = request.securityPercent ?? .zero
    if security != .zero {
      guard let rule = program.security, rule.facilities.contains(facility) else {
        throw .securityNotApplicable(value: percentText(security), program: program.id, facility: facility)
      }
      guard security >= Rational(rule.minimumPercent), security <= Rational(rule.maximumPercent) else {
        throw .outOfRange(.security, value: percentText(security), accepted: rule.minimumPercent...rule.maximumPercent)
      }
      try calculation.apply { try $0.multiplied(by: Rational.one.adding(Rational.percent(security))) } step: {
        .security(percent: security, result: $0)
      }
    }

    // 4. Facilities.
    let facilities = request.facilities ?? 1
    if facilities > 1 {
      switch program.multipleFacilities {
      case .proportional:
        try calculation.apply { try $0.multiplied(by: Rational(facilities)) } step: { .facilities(count: facilities, result: $0) }
      case .separateContracts:
        throw .facilitiesNotApplicable(count: facilities, program: program.id, reason: nil)
      case .onRequest(let reason):
        throw .onRequest(program: program.id, facility: facility, plan: plan.code, reason: reason)
      }
    }

    // 5. Re-pricing at another group discount.
    let printedDiscount = program.groupDiscountPercent
    let discount = request.groupDiscountPercent ?? printedDiscount
    if discount != printedDiscount {
      try calculation.apply { try $0.divided(by: Rational.one.subtracting(Rational.percent(printedDiscount))) } step: {
        .grossedUp(printedDiscountPercent: printedDiscount, result: $0)
      }
      try calculation.apply { try $0.multiplied(by: Rational.one.subtracting(Rational.percent(discount))) } step: {
        .discounted(percent: discount, result: $0)
      }
    }

    // 6–7. Installments and the one rounding.
    let installments = request.installments ?? program.installments
    if installments > 1 {
      try calculation.apply { try $0.divided(by: Rational(installments)) } step: {
        .perInstallment(installments: installments, result: $0)
      }
    }
    let installmentPremium: Yen
    let premium: Yen
    do {
      installmentPremium = try calculation.amount.rounded(.halfUpToTenYen)
      premium = try installmentPremium.multiplied(by: installments)
    } catch {
      throw .arithmeticOverflow
    }
    calculation.steps.append(.rounded(from: calculation.amount, to: installmentPremium, rule: .halfUpToTenYen))
    if installments > 1 {
      calculation.steps.append(.annualFromInstallments(installment: installmentPremium, installments: installments, annual: premium))
    }

    let basis: Basis
    if estimateReason != nil {
      basis = .estimate
    } else if table.basis == .perBed || table.basis == .perCapacity || security != .zero || facilities > 1
      || discount != printedDiscount || installments != program.installments
    {
      basis = .formula
    } else {
      basis = .published
    }

    return Quote(
      program: program, facility: facility, plan: plan, option: option, table: table, limits: limits,
      premium: premium, installments: installments, installmentPremium: installmentPremium, basis: basis,
      steps: calculation.steps, counts: counts, securityPercent: security, facilities: facilities,
      groupDiscountPercent: discount, estimateReason: estimateReason,
      warnings: warnings(for: program, on: date))
  }

  // MARK: - Validation

  static func validateRanges(_ r: QuoteRequest) throws(QuoteError) {
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

  /// The counts the table prices by, after rejecting any that do not apply. Zero bed counts
  /// mean "no beds of this kind" and are accepted wherever they change nothing.
  static func checkedCounts(_ r: QuoteRequest, table: RateTable, program: Program) throws(QuoteError) -> [CountKind: Int] {
    let given: [(CountKind, Int)] = [(.generalBeds, r.generalBeds), (.otherBeds, r.otherBeds), (.capacity, r.capacity)]
      .compactMap { kind, value in value.map { (kind, $0) } }
    let accepted: [CountKind]
    switch table.basis {
    case .perBed: accepted = [.generalBeds, .otherBeds]
    case .perCapacity: accepted = [.capacity]
    case .flat: accepted = []
    case .examples(let unit, _, _): accepted = unit == .generalBeds ? [.generalBeds, .otherBeds] : [unit]
    }
    var counts: [CountKind: Int] = [:]
    for (kind, value) in given {
      if accepted.contains(kind) {
        counts[kind] = value
      } else if value != 0 || kind == .capacity {
        throw .countNotApplicable(kind, value: value, program: program.id, facility: r.facility, accepted: accepted)
      }
    }
    if case .examples(.generalBeds, _, _) = table.basis, let other = counts[.otherBeds], other > 0 {
      throw .onRequest(
        program: program.id, facility: r.facility, plan: r.plan,
        reason: "パンフレットの保険料例は一般病床のみです（一般病床以外 \(other)床を含む保険料は取扱代理店にお問い合わせください）")
    }
    let total = counts.values.reduce(0, +)
    if !accepted.isEmpty, total == 0 {
      throw .countRequired(program: program.id, facility: r.facility, accepted: accepted.filter { $0 != .otherBeds || table.basis == .perBed })
    }
    return counts
  }

  /// What to tell the user about `program`'s period on `date`.
  public static func warnings(for program: Program, on date: CalendarDate?) -> [QuoteWarning] {
    guard let date, let period = program.period else { return [] }
    if period.hasEnded(by: date) { return [.periodEnded(period)] }
    if date < period.start { return [.periodNotStarted(period)] }
    return []
  }

  static func percentText(_ value: Rational) -> String {
    value.exactDecimalString() ?? value.description
  }

  // MARK: - Bases

  static func priceByBeds(_ counts: [CountKind: Int], row: RateRow, into c: inout Calculation) throws(QuoteError) {
    let general = counts[.generalBeds] ?? 0
    let other = counts[.otherBeds] ?? 0
    let total = general + other
    c.steps.append(.totalBeds(general: general, other: other, total: total))
    let average = try exact {
      try row.values[0].rational.multiplied(by: Rational(general))
        .adding(row.values[1].rational.multiplied(by: Rational(other)))
        .divided(by: Rational(total))
    }
    c.steps.append(.weightedAverage(general: general, generalRate: row.values[0], other: other, otherRate: row.values[1], result: average))
    try priceByModifiedCount(rate: average, count: total, into: &c)
  }

  static func priceByModifiedCount(rate: Rational, count: Int, into c: inout Calculation) throws(QuoteError) {
    let modified = try exact { try ModifiedCount.of(count) }
    c.steps.append(.modifiedCount(count: count, tier: ModifiedCount.tier(for: count), result: modified))
    try c.apply { _ in try rate.multiplied(by: modified) } step: { .rateTimesCount(rate: rate, count: modified, result: $0) }
  }

  static func priceByModel(
    _ model: ExampleModel, printedCounts: [Int], row: RateRow, count: Int, into c: inout Calculation
  ) throws(QuoteError) {
    // The rate file reader guarantees two printed counts with a premium each.
    let (low, high) = (printedCounts[0], printedCounts[1])
    let (pLow, pHigh) = (row.values[0], row.values[1])
    let lowPoint = PrintedPoint(count: low, modifiedCount: try exact { try ModifiedCount.of(low) }, premium: pLow)
    let highPoint = PrintedPoint(count: high, modifiedCount: try exact { try ModifiedCount.of(high) }, premium: pHigh)
    let slope = try exact {
      try pHigh.rational.subtracting(pLow.rational).divided(by: highPoint.modifiedCount.subtracting(lowPoint.modifiedCount))
    }
    c.steps.append(.fittedSlope(low: lowPoint, high: highPoint, slope: slope))
    let modified = try exact { try ModifiedCount.of(count) }
    c.steps.append(.modifiedCount(count: count, tier: ModifiedCount.tier(for: count), result: modified))
    try c.apply { _ in try slope.multiplied(by: modified.adding(Rational(model.offset))) } step: {
      .fittedPremium(slope: slope, modifiedCount: modified, offset: model.offset, result: $0)
    }
  }
}

/// Exact arithmetic whose overflow becomes ``QuoteError/arithmeticOverflow``.
func exact<T>(_ body: () throws -> T) throws(QuoteError) -> T {
  do { return try body() } catch { throw .arithmeticOverflow }
}

/// The running exact amount and the steps that led to it.
struct Calculation {
  var amount: Rational = .zero
  var steps: [CalculationStep] = []

  /// Replaces the amount with `transform(amount)` and records `step(newAmount)`.
  mutating func apply(_ transform: (Rational) throws -> Rational, step: (Rational) -> CalculationStep) throws(QuoteError) {
    let current = amount
    amount = try exact { try transform(current) }
    steps.append(step(amount))
  }
}
