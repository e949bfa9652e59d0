import Testing

@testable import PremiumCore

/// byoin-kyosaikai 〈ご参考〉保険料の計算式, at every tier edge.
@Suite struct ModifiedCountTests {
  @Test(arguments: [
    (1, "1"), (49, "49"),  // under 50: the count itself
    (50, "49.4"), (120, "77.4"), (199, "109"),  // 49 + (n − 49) × 40%
    (200, "109.2"), (499, "169"),  // 109 + (n − 199) × 20%
    (500, "169.1"), (10_000, "1119.1"),  // 169 + (n − 499) × 10%
  ])
  func tierEdges(_ count: Int, _ expected: String) throws {
    #expect(try ModifiedCount.of(count).exactDecimalString() == expected)
  }

  @Test func tiersMeetWithoutAStep() throws {
    // The last bed of a tier and the first of the next differ by that tier's share.
    #expect(try ModifiedCount.of(50).subtracting(ModifiedCount.of(49)) == Rational(2, 5))
    #expect(try ModifiedCount.of(200).subtracting(ModifiedCount.of(199)) == Rational(1, 5))
    #expect(try ModifiedCount.of(500).subtracting(ModifiedCount.of(499)) == Rational(1, 10))
  }

  @Test func neverFallsAsTheCountGrows() throws {
    var previous = Rational.zero
    for n in 1...2_000 {
      let m = try ModifiedCount.of(n)
      #expect(m > previous)
      previous = m
    }
  }

  /// The whole-yen route's form, the lowest of the tiers' lines, is the table on every count a
  /// row may have (0 when there are no beds), and at the range's far end.
  @Test func lowestLineIsTheTable() throws {
    let lines = try #require(ModifiedCount.lowestLine)
    for n in 0...InputRange.count.upperBound {
      let lowest = lines.hundredths(n)
      guard lowest == (try ModifiedCount.hundredths(n)) else {
        Issue.record("count \(n): \(lowest)")
        return
      }
    }
    for n in [Int(Int32.max), 1 << 40, 1 << 50] { #expect(lines.hundredths(n) == (try ModifiedCount.hundredths(n))) }
  }

  /// A table whose lines do not fall, or do not meet where the tiers meet, cannot be read as
  /// the lowest line: the whole-yen route is then not taken.
  @Test func lowestLineRefusesOtherTables() {
    var tiers = ModifiedCount.tiers
    #expect(ModifiedCount.LowestLine(tiers) != nil)
    tiers[2] = ModifiedCount.Tier(from: 200, base: 110, excessOver: 199, percent: 20)  // a step at 200
    #expect(ModifiedCount.LowestLine(tiers) == nil)
    #expect(ModifiedCount.LowestLine(Array(ModifiedCount.tiers.prefix(3))) == nil)
  }
}
