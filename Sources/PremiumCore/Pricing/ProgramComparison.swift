/// One facility compared across the programs put before a customer (比較推奨販売, 保険業法施行規則
/// §234-21-2): the programs asked for, each with its plans after the filter and at least one
/// figure; for each program left out, why. What a proposal shows, for the command line and for
/// a back end building the same page.
package struct ProgramComparison: Sendable {
  package let filter: PlanFilter
  /// The ids asked for, in listing order; nil: every program.
  package let requested: [String]?
  /// The programs shown, each with its plans after the filter and at least one figure.
  package let rows: [Comparison.Row]
  /// The programs not shown, and why, in listing order.
  package let leftOut: [(program: Program, why: WhyLeftOut)]

  /// Why a program is not shown.
  package enum WhyLeftOut: Sendable {
    /// It was not among the programs asked for.
    case notAsked
    /// It gives no figure for the facility: not eligible, on request, not offered.
    case cannotPrice(QuoteError)
    /// None of its plans meets the filter.
    case noPlanMeetsFilters
  }

  /// Compares `request` (its program and plan ignored) across `catalog`'s programs, or those of
  /// `requested` (ids), narrowed by `filter`, on `date`.
  package init(_ request: QuoteRequest, in catalog: Catalog, requested: Set<String>?, filter: PlanFilter, on date: CalendarDate?) throws(QuoteError) {
    self.filter = filter
    self.requested = requested.map { ids in catalog.ids.filter(ids.contains) }
    var rows: [Comparison.Row] = []
    var leftOut: [(Program, WhyLeftOut)] = []
    for id in catalog.ids {
      let program = try catalog.program(id)
      if let requested, !requested.contains(id) {
        leftOut.append((program, .notAsked))
        continue
      }
      let row = Comparison.row(program, request: request, filter: filter, on: date)
      switch row {
      case .cannotPrice(_, let error):
        leftOut.append((program, .cannotPrice(error)))
      case .menu(let menu, _):
        guard menu.entries.contains(where: { if case .priced = $0 { true } else { false } }) else {
          leftOut.append((program, .noPlanMeetsFilters))
          continue
        }
        rows.append(row)
      }
    }
    self.rows = rows
    self.leftOut = leftOut
  }

  /// The compared figures in the order a page lists them, one row each: by program and plan,
  /// or all programs together from the cheapest with the filter's `cheapestFirst` (equal
  /// premiums keep the programs' order).
  package var pageRows: [Quote] {
    let quotes = rows.flatMap { row -> [Quote] in
      guard case .menu(let menu, _) = row else { return [] }
      return menu.entries.compactMap { entry -> Quote? in if case .priced(let q) = entry { q } else { nil } }
    }
    return filter.cheapestFirst ? PlanFilter.cheapestFirst(quotes) { $0.premium } : quotes
  }
}
