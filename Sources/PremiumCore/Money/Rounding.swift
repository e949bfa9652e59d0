/// How an exact amount becomes whole yen. The only way from ``Rational`` back to ``Yen``.
///
/// | rule | 164,394.99 | 164,395 | 164,397.6 | 55,880 |
/// |---|---|---|---|---|
/// | `halfUpToTenYen` | 164,390 | 164,400 | 164,400 | 55,880 |
/// | `halfUpToYen` | 164,395 | 164,395 | 164,398 | 55,880 |
///
/// The brochures print `1円位四捨五入、10円単位`: look at the one-yen digit (and anything below it),
/// round half up, and the result is a multiple of 10 yen. This project applies it once, at the
/// end of a calculation, never to intermediate values.
public enum RoundingRule: Sendable, Equatable {
  /// `1円位四捨五入、10円単位`: half up (toward +∞) to a multiple of 10 yen. Premiums.
  case halfUpToTenYen
  /// Half up to whole yen. Only for figures derived for display (yen per 1,000万円 of limit),
  /// never for a premium.
  case halfUpToYen
}

extension RoundingRule {
  /// The multiple of yen the rule rounds to: both forms below are ⌊x / unit + 1/2⌋ × unit.
  var unit: Int64 {
    switch self {
    case .halfUpToTenYen: 10
    case .halfUpToYen: 1
    }
  }

  /// `numerator / denominator` (at least 0, denominator above 0) rounded by this rule, in 64-bit
  /// integers: ⌊N / uD + 1/2⌋ × u = ⌊(2N + uD) / 2uD⌋ × u. nil where that does not fit, or for
  /// a negative amount.
  func rounded(_ x: WholeFraction) -> Int64? {
    guard x.numerator >= 0, x.denominator > 0, let unitDenominator = WholeFraction.product(unit, x.denominator),
      let twice = WholeFraction.product(2, x.numerator), let dividend = WholeFraction.sum(twice, unitDenominator),
      let divisor = WholeFraction.product(2, unitDenominator)
    else { return nil }
    return WholeFraction.product(dividend / divisor, unit)
  }
}

extension Rational {
  /// This amount of yen rounded by `rule`: ⌊x / unit + 1/2⌋ × unit.
  public func rounded(_ rule: RoundingRule) throws(ArithmeticError) -> Yen {
    let units = try divided(by: Rational(rule.unit)).adding(Rational(1, 2)).floor
    let (yen, o) = units.multipliedReportingOverflow(by: rule.unit)
    guard !o else { throw ArithmeticError.overflow }
    return Yen(yen)
  }
}
