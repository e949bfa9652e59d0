/// What a proposal's recommendation must pass before a page may say it (保険業法 §294-2 and
/// 比較推奨販売): the proposed plans within the stated narrowing and printed as covering what the
/// customer asked for, every cheaper plan that passes too named (and a reason given), and a
/// validity date within a period that has not ended. The command line words each refusal; a
/// back end building the same page calls the same checks.
package enum Recommendation {
  /// Why a page may not recommend what was asked.
  package enum Refusal: Error, Sendable, Equatable {
    /// A proposed plan fails a condition the page states.
    case outsideNarrowing(program: String, plan: String, liability: Yen, failed: PlanNarrowing.Condition)
    /// Compared plans that pass the narrowing cost less, and no reason was given.
    case cheaperWithoutReason([Quote])
    /// The brochure does not print a proposed plan as covering these wished kinds.
    case wishNotCovered(program: String, plan: String, missing: [CoverSummary.Kind])
    /// The proposed program's period ended by the day of issue.
    case periodEnded(program: String, Period)
    /// A validity date after the proposed program's period ends.
    case validAfterPeriod(program: String, until: CalendarDate, end: CalendarDate)
  }

  /// The compared quotes that pass `narrowing` for less than a proposed one, each once, in the
  /// order found; a refusal when a proposed plan fails the narrowing, or when there are such
  /// quotes and no reason is given.
  package static func cheaper(
    than proposed: [Quote], among compared: [Quote], narrowing: PlanNarrowing, reasonGiven: Bool
  ) -> Result<[Quote], Refusal> {
    for q in proposed {
      if let failed = narrowing.failures(of: q).first {
        return .failure(.outsideNarrowing(program: q.program.id, plan: q.plan.code, liability: q.limits.liability, failed: failed))
      }
    }
    var cheaper: [Quote] = []
    for q in proposed {
      for c in narrowing.cheaper(than: q, among: compared) where !cheaper.contains(where: { $0.program.id == c.program.id && $0.plan == c.plan }) {
        cheaper.append(c)
      }
    }
    return !cheaper.isEmpty && !reasonGiven ? .failure(.cheaperWithoutReason(cheaper)) : .success(cheaper)
  }

  /// The first proposed entry (priced or not: a plan on request is still proposed for its
  /// cover) the brochure does not print as covering every kind in `cover`.
  package static func wishes(_ proposed: [PlanMenu.Entry], of program: Program, cover: [CoverSummary.Kind]) -> Refusal? {
    var wished = PlanNarrowing()
    wished.cover = cover
    for entry in proposed {
      let (plan, limits) = PlanFilter.planAndLimits(entry)
      let option: PlanOption? = if case .priced(let q) = entry { q.option } else { nil }
      let missing = wished.failures(plan: plan, limits: limits, option: option, of: program).compactMap { condition -> CoverSummary.Kind? in
        if case .cover(let kind) = condition { kind } else { nil }
      }
      if !missing.isEmpty { return .wishNotCovered(program: program.id, plan: plan.code, missing: missing) }
    }
    return nil
  }

  /// A validity date, checked against the proposed program's period on the day of issue.
  package static func validity(_ until: CalendarDate?, of program: Program, issued: CalendarDate?) -> Refusal? {
    guard let until, let period = program.period else { return nil }
    if let issued, period.hasEnded(by: issued) { return .periodEnded(program: program.id, period) }
    if until > period.end { return .validAfterPeriod(program: program.id, until: until, end: period.end) }
    return nil
  }
}
