/// One facility priced under one program of several compared: each program uses the counts and
/// adjustments it prices by, and what it leaves out of the request is named, never an error.
public enum Comparison {
  /// What a program left out of the request because it prices by something else.
  public enum LeftOut: Equatable, Sendable {
    /// Priced per facility: no count enters the premium.
    case perFacility
    /// A count this program does not price by (beds for a per-capacity program, and the reverse).
    case count(FacilityCounts.Kind)
    /// The security adjustment, where the program applies none for this facility.
    case security
    /// The security adjustment, where the program prints no rate for this facility but sets
    /// the premium from the disclosure form (003): not "none", but the insurer's to set.
    case securityByDisclosure
  }

  /// One program's answer for the facility.
  public enum Row: Sendable {
    /// Priced, with what the program did not use, in the order found.
    case menu(PlanMenu, leftOut: [LeftOut])
    /// Nothing priced: the reason (for a program that prices no plan for the facility, the
    /// first plan's).
    case cannotPrice(Program, QuoteError)
  }

  /// `request` (its program and plan ignored) under `program`: every plan's menu entry.
  public static func row(_ program: Program, request: QuoteRequest, on date: CalendarDate? = nil) -> Row {
    var request = request
    request.program = program.id
    var leftOut: [LeftOut] = []
    func menu() -> Result<PlanMenu, QuoteError> {
      Result { () throws(QuoteError) in try PlanMenu(program: program, request: request, on: date) }
    }
    var result = menu()
    // A security adjustment the program does not take is left out, once.
    switch result {
    case .failure(.securityNotApplicable):
      leftOut.append(.security)
    case .failure(.securityFromDisclosure):
      leftOut.append(.securityByDisclosure)
    default:
      break
    }
    if !leftOut.isEmpty {
      request.securityPercent = nil
      result = menu()
    }
    let plans: PlanMenu
    switch result {
    case .failure(let error): return .cannotPrice(program, error)
    case .success(let menu): plans = menu
    }
    // A program that prices no plan for this facility is one line with its reason.
    if !plans.entries.contains(where: { if case .priced = $0 { true } else { false } }),
      case .unpriced(_, _, let reason)? = plans.entries.first
    {
      return .cannotPrice(program, reason)
    }
    // What the quotes say they left out, once each.
    for case .priced(let quote) in plans.entries {
      for warning in quote.warnings {
        let left: LeftOut
        switch warning {
        case .bedsDoNotChangePremium: left = .perFacility
        case .countNotUsed(let kind, _): left = quote.table.basis.isFlat ? .perFacility : .count(kind)
        default: continue
        }
        if !leftOut.contains(left) { leftOut.append(left) }
      }
    }
    return .menu(plans, leftOut: leftOut)
  }
}
