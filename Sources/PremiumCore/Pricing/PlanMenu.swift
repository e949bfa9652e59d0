/// Every plan of a program for one facility, in the brochure's order: priced, or with the
/// reason there is no figure.
public struct PlanMenu: Sendable {
  public enum Entry: Sendable {
    case priced(Quote)
    /// Quoted on request, or not offered to this facility; never a number.
    case unpriced(plan: Plan, limits: Limits, reason: QuoteError)
  }

  public let program: Program
  public let facility: FacilityKind
  /// In brochure order; a caller may narrow or reorder its copy.
  public var entries: [Entry]

  /// The plans of the entries, in menu order.
  public var plans: [Plan] {
    entries.map { entry in
      switch entry {
      case .priced(let quote): quote.plan
      case .unpriced(let plan, _, _): plan
      }
    }
  }

  /// Prices every plan of `program` for the facility and adjustments of `request` (its plan is
  /// ignored). Errors that do not depend on the plan (a count that does not apply, a value out
  /// of range) are thrown, not listed.
  public init(program: Program, request: QuoteRequest, on date: CalendarDate? = nil) throws(QuoteError) {
    var entries: [Entry] = []
    var firstError: QuoteError?
    for plan in program.plans {
      var planRequest = request
      planRequest.plan = plan.code
      do {
        entries.append(.priced(try Pricer.quote(planRequest, in: program, on: date)))
      } catch {
        switch error.availability {
        case .some:
          entries.append(.unpriced(plan: plan, limits: program.limits(of: plan, for: request.facility), reason: error))
        case .none:
          firstError = firstError ?? error
          entries.append(.unpriced(plan: plan, limits: program.limits(of: plan, for: request.facility), reason: error))
        }
      }
    }
    // A request error that every plan shares is the request's, not the menu's.
    let priced = entries.contains { if case .priced = $0 { true } else { false } }
    if !priced, let firstError { throw firstError }
    try Pricer.checkTakesPlans(program, facility: request.facility, option: nil)
    self.program = program
    self.facility = request.facility
    self.entries = entries
  }

  /// Yen of premium per 1,000万円 of liability limit, to compare plans: half up to whole yen.
  package static func premiumPerTenMillion(_ quote: Quote) throws(ArithmeticError) -> Yen {
    try quote.premium.rational.multiplied(by: Rational(10_000_000)).divided(by: quote.limits.liability.rational)
      .rounded(.halfUpToYen)
  }
}
