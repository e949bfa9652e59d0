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

extension Rational {
  /// This amount of yen rounded by `rule`.
  public func rounded(_ rule: RoundingRule) throws(ArithmeticError) -> Yen {
    switch rule {
    case .halfUpToTenYen:
      // floor(x / 10 + 1/2) × 10
      let tens = try divided(by: Rational(10)).adding(Rational(1, 2)).floor
      let (yen, o) = tens.multipliedReportingOverflow(by: 10)
      guard !o else { throw ArithmeticError.overflow }
      return Yen(yen)
    case .halfUpToYen:
      return Yen(try adding(Rational(1, 2)).floor)
    }
  }
}
