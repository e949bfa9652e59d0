/// 修正病床数: the count a per-bed (or per-person) rate is multiplied by, byoin-kyosaikai 〈6〉.
///
/// | total n | modified count |
/// |---|---|
/// | under 50 | n |
/// | 50–199 | 49 + (n − 49) × 40% |
/// | 200–499 | 109 + (n − 199) × 20% |
/// | 500 and over | 169 + (n − 499) × 10% |
///
/// The tiers meet without a step: 199 → 109 and 499 → 169 under both neighbouring formulas.
package enum ModifiedCount {
  /// One line of the table above (``CalculationStep/ModifiedCountTier``).
  package typealias Tier = CalculationStep.ModifiedCountTier

  package static let tiers: [Tier] = [
    Tier(from: 1, base: 0, excessOver: 0, percent: 100),
    Tier(from: 50, base: 49, excessOver: 49, percent: 40),
    Tier(from: 200, base: 109, excessOver: 199, percent: 20),
    Tier(from: 500, base: 169, excessOver: 499, percent: 10),
  ]

  /// The first counts of the discounted tiers: 50, 200, 500.
  package static let tierEdges: [Int] = tiers.dropFirst().map(\.from)

  /// Whether the modified count differs from `count`: from the first discounted tier on.
  package static func changes(_ count: Int) -> Bool { count >= tiers[1].from }

  package static func tier(for count: Int) -> Tier {
    tiers.last { count >= $0.from } ?? tiers[0]
  }

  /// The modified count for `count` beds (or persons), exactly.
  package static func of(_ count: Int) throws(ArithmeticError) -> Rational {
    try Rational(hundredths(count), 100)
  }

  /// ``hundredths(_:)`` for a count of 0 or more, without finding the tier: each tier's formula
  /// is a line, the slopes fall tier by tier and neighbouring lines meet where the tiers meet, so
  /// the table is the lowest of its lines at any count. No branch depends on the count: finding
  /// the tier cost about one mispredicted branch a row on a list of mixed sizes.
  ///
  /// Built from ``tiers`` once per route and kept in it, so the row loop reads its constants
  /// from the route rather than from a global. Exact for counts up to 10¹⁶; `ModifiedCountTests`
  /// compares it with ``hundredths(_:)`` on every count a row may have.
  package struct LowestLine: Sendable {
    /// Each tier's line × 100: `slope × n + intercept`, with `slope` the tier's percent.
    private let slopes: (Int64, Int64, Int64, Int64)
    private let intercepts: (Int64, Int64, Int64, Int64)

    /// The lines of four tiers; nil for a table of another length, or one whose lines do not
    /// fall and meet as the lowest-line reading needs.
    package init?(_ tiers: [Tier]) {
      guard tiers.count == 4 else { return nil }
      let lines = tiers.map { (slope: Int64($0.percent), intercept: Int64($0.base) * 100 - Int64($0.percent) * Int64($0.excessOver)) }
      for k in 1..<4 {
        let edge = Int64(tiers[k].from - 1)
        // Slopes fall, and each line meets the one before at the last count of that tier.
        guard lines[k].slope < lines[k - 1].slope,
          lines[k].slope * edge + lines[k].intercept == lines[k - 1].slope * edge + lines[k - 1].intercept
        else { return nil }
      }
      slopes = (lines[0].slope, lines[1].slope, lines[2].slope, lines[3].slope)
      intercepts = (lines[0].intercept, lines[1].intercept, lines[2].intercept, lines[3].intercept)
    }

    /// Not inlined: inlined, it left the row loop calling the whole price instead.
    @inline(never)
    package func hundredths(_ count: Int) -> Int64 {
      let n = Int64(truncatingIfNeeded: count)
      let first = slopes.0 &* n &+ intercepts.0
      let second = slopes.1 &* n &+ intercepts.1
      let third = slopes.2 &* n &+ intercepts.2
      let fourth = slopes.3 &* n &+ intercepts.3
      return min(min(first, second), min(third, fourth))
    }
  }

  /// ``tiers`` as a ``LowestLine``.
  package static let lowestLine = LowestLine(tiers)

  /// The modified count × 100: a whole number, the tiers' shares being whole percents.
  package static func hundredths(_ count: Int) throws(ArithmeticError) -> Int64 {
    let tier = tier(for: count)
    let (excess, o1) = Int64(count).subtractingReportingOverflow(Int64(tier.excessOver))
    let (share, o2) = excess.multipliedReportingOverflow(by: Int64(tier.percent))
    let (total, o3) = share.addingReportingOverflow(Int64(tier.base) * 100)
    guard !o1, !o2, !o3 else { throw ArithmeticError.overflow }
    return total
  }
}

extension CalculationStep {
  /// One line of the modified-count table (``ModifiedCount``, byoin-kyosaikai 〈6〉).
  public struct ModifiedCountTier: Sendable, Hashable {
    /// The first count of the tier: 1, 50, 200 or 500.
    public let from: Int
    /// The modified count at `from − 1` (0, 49, 109, 169).
    public let base: Int
    /// The count the excess is measured from (0, 49, 199, 499).
    public let excessOver: Int
    /// The share of each further bed, in percent (100, 40, 20, 10).
    public let percent: Int
  }
}
