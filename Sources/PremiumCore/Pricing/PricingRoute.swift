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
    /// The steps from the base to the premium, and the rounding.
    var rule = PremiumRule.brochures

    /// Whether a figure paid in `installments` states a payment mode: the brochure's own, or
    /// one asked for. Otherwise it has none (installments null in JSON, empty in batch CSV).
    func statesPayment(installments: Int) -> Bool {
      Self.statesPayment(printed: paymentStated, printedInstallments: self.installments, installments: installments)
    }

    static func statesPayment(printed: Bool, printedInstallments: Int, installments: Int) -> Bool {
      printed || installments != printedInstallments
    }
  }

  /// The same route priced by another rule: for tests that change the rule and see both ways
  /// of pricing follow.
  func pricedBy(_ rule: PremiumRule) -> PricingRoute {
    var terms = self.terms
    terms.rule = rule
    return PricingRoute(program: program, facility: facility, plan: plan, option: option, table: table, row: row, limits: limits, terms: terms)
  }

  private init(
    program: Program, facility: FacilityKind, plan: Plan, option: PlanOption?, table: RateTable, row: RateRow, limits: Limits, terms: Terms
  ) {
    self.program = program
    self.facility = facility
    self.plan = plan
    self.option = option
    self.table = table
    self.row = row
    self.limits = limits
    self.terms = terms
  }

  convenience init(program: Program, facility: FacilityKind, plan: Plan, option: PlanOption?, table: RateTable, row: RateRow, limits: Limits) {
    let terms = Terms(
      id: program.id, installments: program.installments, groupDiscountPercent: program.groupDiscountPercent,
      paymentStated: program.payment != nil, security: program.security, multipleFacilities: program.multipleFacilities, basis: table.basis,
      printedForFacility: table.prints(for: facility), values: row.values.map(\.rational))
    self.init(program: program, facility: facility, plan: plan, option: option, table: table, row: row, limits: limits, terms: terms)
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
  /// The brochure's installment as printed, nothing changed: its annual figure is the
  /// installment × installments, with nothing rounded.
  package let installmentAsPrinted: Bool
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
