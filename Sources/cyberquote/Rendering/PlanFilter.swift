import PremiumCore

/// What a clerk narrows a menu to: a liability limit at least as high, one family of plans, and
/// the cheapest first.
struct PlanFilter {
  var minimumLiability: Yen?
  var family: String?
  var cheapestFirst = false

  var isEmpty: Bool { minimumLiability == nil && family == nil && !cheapestFirst }

  /// Whether `entry` stays on the menu.
  func keeps(_ entry: PlanMenu.Entry) -> Bool {
    let (plan, limits) = Self.planAndLimits(entry)
    if let family, plan.family.uppercased() != family { return false }
    if let minimumLiability, limits.liability < minimumLiability { return false }
    return true
  }

  /// `entries` kept, in brochure order or, with `cheapestFirst`, by premium (ties and plans
  /// without a figure keep their order, the latter last).
  func apply(_ entries: [PlanMenu.Entry]) -> [PlanMenu.Entry] {
    let kept = entries.filter(keeps)
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
