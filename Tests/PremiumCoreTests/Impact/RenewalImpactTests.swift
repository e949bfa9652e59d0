import Testing

@testable import PremiumCore

@Suite struct RenewalImpactTests {
  @Test(arguments: [
    (55880, 61000, 5120, "9.16", "+9.16"),  // 9.1625%
    (37430, 35000, -2430, "-6.49", "-6.49"),  // −6.4921%
    (29380, 29380, 0, "0.00", "0.00"),
    (20000, 20001, 1, "0.01", "+0.01"),  // 0.005% rounds half up
    (30000, 29999, -1, "0.00", "0.00"),  // −0.00333% rounds to zero
  ])
  func changeAndPercentage(_ old: Int, _ new: Int, _ change: Int, _ percent: String, _ signed: String) {
    let c = PremiumChange(old: Yen(Int64(old)), new: Yen(Int64(new)))
    #expect(c.change == Int64(change))
    #expect(c.percentText() == percent)
    #expect(c.percentText(plus: true) == signed)
  }

  @Test func bandsCountChangesOfMoreThanTheThresholdExactly() {
    let exactlyFive = PremiumChange(old: Yen(20000), new: Yen(21000))
    #expect(!exactlyFive.exceeds(percent: 5))
    #expect(PremiumChange(old: Yen(20000), new: Yen(21001)).exceeds(percent: 5))
    #expect(PremiumChange(old: Yen(20000), new: Yen(18999)).exceeds(percent: 5))

    var summary = ImpactSummary()
    summary.add(exactlyFive)
    summary.add(PremiumChange(old: Yen(29380), new: Yen(35300)))  // +20.15%: every band up
    summary.add(PremiumChange(old: Yen(37430), new: Yen(35000)))  // −6.49%: over 5% down
    summary.add(PremiumChange(old: Yen(100), new: Yen(100)))
    summary.addFailure()
    #expect(summary.members == 5)
    #expect(summary.failed == 1)
    #expect(summary.affected == 3)
    #expect(summary.up == [1, 1, 1])
    #expect(summary.down == [1, 0, 0])
    #expect(summary.totalOld == Int64(20000 + 29380 + 37430 + 100))
    #expect(summary.totalNew == Int64(21000 + 35300 + 35000 + 100))
  }
}
