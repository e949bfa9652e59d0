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
public enum ModifiedCount {
  /// The most beds a 診療所 has under the 医療法 (有床診療所: 19 or fewer; 20 or more is a 病院).
  package static let clinicBedLimit = 19

  /// One line of the table above.
  public struct Tier: Sendable, Hashable {
    /// The first count of the tier: 1, 50, 200 or 500.
    public let from: Int
    /// The modified count at `from − 1` (0, 49, 109, 169).
    public let base: Int
    /// The count the excess is measured from (0, 49, 199, 499).
    public let excessOver: Int
    /// The share of each further bed, in percent (100, 40, 20, 10).
    public let percent: Int
  }

  public static let tiers: [Tier] = [
    Tier(from: 1, base: 0, excessOver: 0, percent: 100),
    Tier(from: 50, base: 49, excessOver: 49, percent: 40),
    Tier(from: 200, base: 109, excessOver: 199, percent: 20),
    Tier(from: 500, base: 169, excessOver: 499, percent: 10),
  ]

  /// The first counts of the discounted tiers: 50, 200, 500.
  package static let tierEdges: [Int] = tiers.dropFirst().map(\.from)

  /// Whether the modified count differs from `count`: from the first discounted tier on.
  package static func changes(_ count: Int) -> Bool { count >= tiers[1].from }

  public static func tier(for count: Int) -> Tier {
    tiers.last { count >= $0.from } ?? tiers[0]
  }

  /// The modified count for `count` beds (or persons), exactly.
  public static func of(_ count: Int) throws(ArithmeticError) -> Rational {
    try Rational(hundredths(count), 100)
  }

  /// ``hundredths(_:)`` for a count of 0 or more, without finding the tier: each tier's formula
  /// is a line, the slopes fall tier by tier and neighbouring lines meet where the tiers meet, so
  /// the table is the lowest of the four lines at any count. No branch depends on the count:
  /// finding the tier cost about one mispredicted branch a row on a list of mixed sizes. Exact for
  /// counts up to 10¹⁶; `ModifiedCountTests` compares it with ``hundredths(_:)`` on every count
  /// a row may have. Not inlined: inlined, it left the row loop calling the whole price instead.
  @inline(never)
  static func hundredthsAsLowestLine(_ count: Int) -> Int64 {
    let n = Int64(truncatingIfNeeded: count)
    // The lines of ``tiers`` × 100, written out: reading the table here cost 14 instructions
    // a row. n; 49 + (n − 49) × 40%; 109 + (n − 199) × 20%; 169 + (n − 499) × 10%.
    let first = 100 &* n
    let second = 4_900 &+ 40 &* (n &- 49)
    let third = 10_900 &+ 20 &* (n &- 199)
    let fourth = 16_900 &+ 10 &* (n &- 499)
    return min(min(first, second), min(third, fourth))
  }

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
