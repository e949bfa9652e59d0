import PremiumCore

/// What a clerk narrows a menu to: a liability limit at least as high, one family of plans, and
/// the cheapest first.
struct PlanFilter {
  /// The least liability, the family and the cover (`--min-liability`, `--family`, `--cover`).
  var narrowing = PlanNarrowing()
  var cheapestFirst = false

  var isEmpty: Bool { narrowing.isEmpty && !cheapestFirst }

  /// Whether `entry` of `program`'s menu stays on it.
  func keeps(_ entry: PlanMenu.Entry, of program: Program) -> Bool {
    let (plan, limits) = Self.planAndLimits(entry)
    let option: PlanOption? = if case .priced(let q) = entry { q.option } else { nil }
    return narrowing.failures(plan: plan, limits: limits, option: option, of: program).isEmpty
  }

  /// `entries` of `program`'s menu kept, in brochure order or, with `cheapestFirst`, by premium
  /// (ties and plans without a figure keep their order, the latter last).
  func apply(_ entries: [PlanMenu.Entry], of program: Program) -> [PlanMenu.Entry] {
    let kept = entries.filter { keeps($0, of: program) }
    return cheapestFirst ? Self.cheapestFirst(kept, premium: Self.premium) : kept
  }

  /// `items` by premium, lowest first; equal premiums, and items without one (last), keep
  /// their order.
  static func cheapestFirst<T>(_ items: [T], premium: (T) -> Yen?) -> [T] {
    items.enumerated().sorted { a, b in
      switch (premium(a.element), premium(b.element)) {
      case (let x?, let y?): x == y ? a.offset < b.offset : x < y
      case (.some, nil): true
      case (nil, .some): false
      case (nil, nil): a.offset < b.offset
      }
    }.map(\.element)
  }

  static func premium(_ entry: PlanMenu.Entry) -> Yen? {
    if case .priced(let quote) = entry { return quote.premium }
    return nil
  }

  static func planAndLimits(_ entry: PlanMenu.Entry) -> (Plan, Limits) {
    switch entry {
    case .priced(let quote): (quote.plan, quote.limits)
    case .unpriced(let plan, let limits, _): (plan, limits)
    }
  }
}
