import Testing

@testable import PremiumCore

@Suite struct RationalTests {
  @Test func reducesAndKeepsTheDenominatorPositive() throws {
    let r = try Rational(6, -4)
    #expect(r.numerator == -3 && r.denominator == 2)
  }

  @Test func arithmeticIsExact() throws {
    let third = try Rational(1, 3)
    #expect(try third.adding(third).adding(third) == .one)
    #expect(try Rational(387, 5).multiplied(by: Rational(2360)) == Rational(182_664))
    #expect(try Rational(10).divided(by: Rational(4)) == Rational(5, 2))
  }

  @Test func overflowIsThrownNotTrapped() {
    let huge = Rational(Int64.max)
    #expect(throws: ArithmeticError.overflow) { try huge.adding(.one) }
    #expect(throws: ArithmeticError.overflow) { try huge.multiplied(by: Rational(2)) }
    #expect(throws: ArithmeticError.overflow) { try Rational(Int64.min).negated() }
    #expect(throws: ArithmeticError.divisionByZero) { try Rational.one.divided(by: .zero) }
    #expect(throws: ArithmeticError.divisionByZero) { try Rational(1, 0) }
  }

  @Test func comparesWithoutOverflow() throws {
    #expect(try Rational(Int64.max, 3) > Rational(Int64.max - 1, 3))
    #expect(try Rational(-1, 2) < Rational(1, 3))
  }

  @Test func decimalExpansion() throws {
    #expect(try Rational(387, 5).exactDecimalString() == "77.4")
    #expect(try Rational(-15, 2).exactDecimalString() == "-7.5")
    #expect(try Rational(1, 3).exactDecimalString() == nil)
    #expect(Rational(20).exactDecimalString() == "20")
  }

  @Test func floorRoundsTowardMinusInfinity() throws {
    #expect(try Rational(7, 2).floor == 3)
    #expect(try Rational(-7, 2).floor == -4)
    #expect(Rational(-4).floor == -4)
  }
}

@Suite struct RoundingTests {
  /// 1円位四捨五入、10円単位: the one-yen digit decides, half up.
  /// (numerator, denominator) of the exact amount, and the rounded yen.
  @Test(arguments: [
    (Int64(164_395), Int64(1), Int64(164_400)),  // exactly 5 yen over: up
    (16_439_499, 100, 164_390),  // 164,394.99: down
    (1_643_976, 10, 164_400),  // 164,397.6 (the explain example): up
    (55_880, 1, 55_880),  // already whole tens: unchanged
    (825, 1, 830),  // 660 × 125%: half-way, up
    (-825, 1, -820),  // half up means toward +∞
  ])
  func halfUpToTenYen(_ numerator: Int64, _ denominator: Int64, _ expected: Int64) throws {
    #expect(try Rational(numerator, denominator).rounded(.halfUpToTenYen) == Yen(expected))
  }
}

@Suite struct YenFormatTests {
  @Test func groupsThousands() {
    #expect(Yen(55_880).description == "55,880円")
    #expect(Yen(0).description == "0円")
    #expect(Yen(1_000_000).description == "1,000,000円")
    #expect(YenFormat.grouped(Int64(-1_234)) == "-1,234")
  }

  @Test func groupsExactFractions() throws {
    #expect(YenFormat.grouped(try Rational(1_643_976, 10)) == "164,397.6")
    #expect(YenFormat.grouped(try Rational(1, 3)) == "1/3")
  }

  @Test func limitsInBrochureUnits() {
    #expect(YenFormat.limit(Yen(100_000_000)) == "1億円")
    #expect(YenFormat.limit(Yen(30_000_000)) == "3,000万円")
    #expect(YenFormat.limit(Yen(150_000_000)) == "1億5,000万円")
    #expect(YenFormat.limit(Yen(300_000)) == "30万円")
    #expect(YenFormat.limit(Yen(12_345)) == "12,345円")
  }

  @Test func parsesAmountsAsPrinted() {
    #expect(YenFormat.parseAmount("1,000万円") == Yen(10_000_000))
    #expect(YenFormat.parseAmount("1億円") == Yen(100_000_000))
    #expect(YenFormat.parseAmount("1億5,000万円") == Yen(150_000_000))
    #expect(YenFormat.parseAmount("なし") == .zero)
    #expect(YenFormat.parseAmount("300,000円") == Yen(300_000))
    #expect(YenFormat.parseAmount("1,00万円") == nil)
    #expect(YenFormat.parseAmount("万円") == nil)
    #expect(YenFormat.parseAmount("1000") == nil)
    #expect(YenFormat.parseAmount("99999999999999999億円") == nil)
  }
}
