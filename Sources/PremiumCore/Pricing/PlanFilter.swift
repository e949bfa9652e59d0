/// What a clerk narrows a menu to: a liability limit at least as high, one family of plans, and
/// the cheapest first.
package struct PlanFilter: Sendable {
  /// The least liability, the family and the cover (`--min-liability`, `--family`, `--cover`).
  package var narrowing = PlanNarrowing()
  package var cheapestFirst = false

  package init() {}

  package var isEmpty: Bool { narrowing.isEmpty && !cheapestFirst }

  /// Whether `entry` of `program`'s menu stays on it.
  package func keeps(_ entry: PlanMenu.Entry, of program: Program) -> Bool {
    let (plan, limits) = Self.planAndLimits(entry)
    let option: PlanOption? = if case .priced(let q) = entry { q.option } else { nil }
    return narrowing.failures(plan: plan, limits: limits, option: option, of: program).isEmpty
  }

  /// `entries` of `program`'s menu kept, in brochure order or, with `cheapestFirst`, by premium
  /// (ties and plans without a figure keep their order, the latter last).
  package func apply(_ entries: [PlanMenu.Entry], of program: Program) -> [PlanMenu.Entry] {
    let kept = entries.filter { keeps($0, of: program) }
    return cheapestFirst ? Self.cheapestFirst(kept, premium: Self.premium) : kept
  }

  /// `items` by premium, lowest first; equal premiums, and items without one (last), keep
  /// their order.
  package static func cheapestFirst<T>(_ items: [T], premium: (T) -> Yen?) -> [T] {
    items.enumerated().sorted { a, b in
      switch (premium(a.element), premium(b.element)) {
      case (let x?, let y?): x == y ? a.offset < b.offset : x < y
      case (.some, nil): true
      case (nil, .some): false
      case (nil, nil): a.offset < b.offset
      }
    }.map(\.element)
  }

  package static func premium(_ entry: PlanMenu.Entry) -> Yen? {
    if case .priced(let quote) = entry { return quote.premium }
    return nil
  }

  package static func planAndLimits(_ entry: PlanMenu.Entry) -> (Plan, Limits) {
    switch entry {
    case .priced(let quote): (quote.plan, quote.limits)
    case .unpriced(let plan, let limits, _): (plan, limits)
    }
  }
}

extension Comparison {
  /// ``row(_:request:on:)`` with the plans of its menu narrowed by `filter`.
  package static func row(_ program: Program, request: QuoteRequest, filter: PlanFilter, on date: CalendarDate? = nil) -> Row {
    let row = row(program, request: request, on: date)
    guard case .menu(var menu, let leftOut) = row else { return row }
    menu.entries = filter.apply(menu.entries, of: program)
    return .menu(menu, leftOut: leftOut)
  }
}
