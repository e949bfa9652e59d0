/// A running total of premiums that never wraps: once a sum leaves what `Int64` holds, the
/// total is unknown (`nil`) rather than a wrong number, and stays unknown.
public struct YenSum: Sendable, Equatable {
  /// The total; nil once it has overflowed.
  public private(set) var amount: Int64? = 0

  public init() {}

  public mutating func add(_ yen: Int64) {
    guard let sum = amount else { return }
    let (next, overflow) = sum.addingReportingOverflow(yen)
    amount = overflow ? nil : next
  }

  /// Adds another total: one chunk's share of a list priced in parts. Part totals add to the
  /// same result in any grouping, or overflow together (all are sums of non-negative premiums).
  public mutating func add(_ other: YenSum) {
    guard let value = other.amount else {
      amount = nil
      return
    }
    add(value)
  }
}
