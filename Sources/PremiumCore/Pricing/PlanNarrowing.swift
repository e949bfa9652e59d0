/// How a comparison is narrowed: the least liability limit, the plan family and the kinds of
/// cover every plan kept must have. A proposal states it, and its recommendation must pass it:
/// the checks are here, for the command line and for a back end building the same page.
package struct PlanNarrowing: Sendable, Hashable {
  package var minimumLiability: Yen?
  /// The family letter, upper-case (`S`, `P`, `T`).
  package var family: String?
  /// Kinds of cover the brochure must print as covered: one it says nothing of does not pass.
  package var cover: [CoverSummary.Kind] = []

  package init() {}

  package var isEmpty: Bool { minimumLiability == nil && family == nil && cover.isEmpty }

  /// One condition of the narrowing.
  package enum Condition: Sendable, Hashable {
    case minimumLiability(Yen)
    case family(String)
    case cover(CoverSummary.Kind)
  }

  /// The conditions `plan` (with `option` and these limits) of `program` fails, in the order
  /// the narrowing states them; empty when it passes.
  package func failures(plan: Plan, limits: Limits, option: PlanOption?, of program: Program) -> [Condition] {
    var out: [Condition] = []
    if let minimumLiability, limits.liability < minimumLiability { out.append(.minimumLiability(minimumLiability)) }
    if let family, plan.family.uppercased() != family { out.append(.family(family)) }
    if !cover.isEmpty {
      let summary = CoverSummary(program: program, plan: plan, option: option, limits: limits)
      out += cover.filter { summary[$0] != true }.map { .cover($0) }
    }
    return out
  }

  /// The conditions a priced quote fails.
  package func failures(of quote: Quote) -> [Condition] {
    failures(plan: quote.plan, limits: quote.limits, option: quote.option, of: quote.program)
  }

  /// The quotes among `compared` that pass the narrowing and cost less than `proposed` a year:
  /// a recommendation of `proposed` must say why it passes them over.
  package func cheaper(than proposed: Quote, among compared: [Quote]) -> [Quote] {
    compared.filter { $0.premium < proposed.premium && failures(of: $0).isEmpty && !($0.program.id == proposed.program.id && $0.plan == proposed.plan) }
  }
}
