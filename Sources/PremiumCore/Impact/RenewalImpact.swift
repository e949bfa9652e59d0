/// What a change of rate book does to a member list: one ``PremiumChange`` per member priced
/// under both books, and the tally an association needs before renewal.
package struct PremiumChange: Sendable, Equatable {
  package let old: Yen
  package let new: Yen

  package init(old: Yen, new: Yen) {
    self.old = old
    self.new = new
  }

  /// new − old, in yen. Premiums are never negative, so the difference of two always fits.
  package var change: Int64 { new.amount &- old.amount }

  /// The change in hundredths of a percent of the old premium, rounded half up:
  /// 55,880 → 61,000 is +9.16% → 916. `nil` when the old premium is zero.
  package var percentHundredths: Int64? {
    guard old.amount > 0 else { return nil }
    let exact = try? Rational(change).multiplied(by: Rational(10_000)).divided(by: Rational(old.amount))
    return try? exact?.rounded(.halfUpToYen).amount
  }

  /// `9.16` (`+9.16` with `plus`), `-3.50`, `0.00`: the percentage with two decimals.
  package func percentText(plus: Bool = false) -> String? {
    percentHundredths.map { h in
      let sign = h > 0 && plus ? "+" : h < 0 ? "-" : ""
      let m = h.magnitude
      let cents = m % 100
      return sign + "\(m / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }
  }

  /// Whether the premium moved by more than `percent` of the old premium, exactly.
  package func exceeds(percent: Int) -> Bool {
    let (scaled, o1) = change.magnitude.multipliedReportingOverflow(by: 100)
    let (limit, o2) = UInt64(old.amount.magnitude).multipliedReportingOverflow(by: UInt64(percent))
    return o1 || (!o2 && scaled > limit)
  }
}

/// The tally of a member list re-priced under two rate books.
package struct ImpactSummary: Sendable, Equatable {
  /// The bands an association reads: changes of more than 5%, 10% and 20%.
  package static let thresholds = [5, 10, 20]

  package private(set) var members = 0
  /// Rows that could not be priced under one book or both.
  package private(set) var failed = 0
  /// Priced under both books with a different premium.
  package private(set) var affected = 0
  /// The totals under each book; nil when a sum is beyond `Int64` (a rate file with absurd
  /// figures), never a wrapped number.
  package var totalOld: Int64? { sumOld.amount }
  package var totalNew: Int64? { sumNew.amount }
  private var sumOld = YenSum()
  private var sumNew = YenSum()
  /// For each threshold, the members whose premium rose (fell) by more than it; cumulative.
  package private(set) var up = [Int](repeating: 0, count: thresholds.count)
  package private(set) var down = [Int](repeating: 0, count: thresholds.count)

  package init() {}

  package mutating func add(_ change: PremiumChange) {
    members += 1
    sumOld.add(change.old.amount)
    sumNew.add(change.new.amount)
    guard change.change != 0 else { return }
    affected += 1
    for (i, threshold) in Self.thresholds.enumerated() where change.exceeds(percent: threshold) {
      if change.change > 0 { up[i] += 1 } else { down[i] += 1 }
    }
  }

  package mutating func addFailure() {
    members += 1
    failed += 1
  }

  /// The totals as one change (for the summary's percentage); nil when a total overflowed.
  package var total: PremiumChange? {
    guard let totalOld, let totalNew else { return nil }
    return PremiumChange(old: Yen(totalOld), new: Yen(totalNew))
  }
}
