/// How a premium is reached from its printed base: the steps in their order, and the one
/// rounding at the end. Both ways of pricing evaluate this one description: ``Pricer`` over
/// ``Rational``, recording each step, and ``WholeYenRoute`` over a 64-bit fraction, for a
/// member list's rows. Each step's arithmetic is ``PremiumStep/effect(_:)``, written once.
struct PremiumRule: Sendable, Equatable {
  /// The steps after the base, in the order they apply.
  var steps: [PremiumStep]
  /// Applied once, to the installment; the annual premium is installment × installments.
  var rounding: RoundingRule

  /// The rule every program is priced by: base + option, × (1 + security), × facilities,
  /// re-priced at another group discount, ÷ installments, rounded half up to 10 yen. Only 001
  /// prints a rounding rule (〈6〉「1円位四捨五入、10円単位」); the others print none, and the
  /// same is used, as ``Program/rounding`` says.
  static let brochures = PremiumRule(
    steps: [.option, .security, .facilities, .removePrintedDiscount, .applyRequestedDiscount, .installments],
    rounding: .halfUpToTenYen)
}

/// One step of ``PremiumRule`` after the printed base.
enum PremiumStep: Sendable, Equatable, CaseIterable {
  /// + the option's printed premium.
  case option
  /// × (100 + s) / 100.
  case security
  /// × facilities, where the program prices them in proportion.
  case facilities
  /// ÷ (1 − the printed group discount), when re-priced at another.
  case removePrintedDiscount
  /// × (1 − the requested group discount), when re-priced.
  case applyRequestedDiscount
  /// ÷ installments.
  case installments

  /// What the steps read, besides the running amount: one facility's adjustments, checked
  /// against the program's rules before any step applies.
  struct Inputs: Sendable {
    var optionPremium: Yen?
    var securityPercent: Rational = .zero
    var facilities = 1
    /// Both set only when the premium is re-priced from one group discount to the other.
    var printedDiscountPercent: Rational?
    var requestedDiscountPercent: Rational?
    var installments = 1
  }

  /// The step for `inputs` as `x × factor + addend`; nil when it leaves the amount as it is.
  func effect(_ inputs: Inputs) throws(ArithmeticError) -> Effect? {
    switch self {
    case .option:
      guard let premium = inputs.optionPremium else { return nil }
      return Effect(addend: premium.amount)
    case .security:
      guard inputs.securityPercent != .zero else { return nil }
      return Effect(factor: try Rational.one.adding(Rational.percent(inputs.securityPercent)))
    case .facilities:
      guard inputs.facilities != 1 else { return nil }
      return Effect(factor: Rational(inputs.facilities))
    case .removePrintedDiscount:
      guard let printed = inputs.printedDiscountPercent, inputs.requestedDiscountPercent != nil else { return nil }
      return Effect(factor: try Rational.one.divided(by: Rational.one.subtracting(Rational.percent(printed))))
    case .applyRequestedDiscount:
      guard inputs.printedDiscountPercent != nil, let requested = inputs.requestedDiscountPercent else { return nil }
      return Effect(factor: try Rational.one.subtracting(Rational.percent(requested)))
    case .installments:
      guard inputs.installments != 1 else { return nil }
      return Effect(factor: try Rational(1, Int64(inputs.installments)))
    }
  }

  /// `x × factor + addend`, in whole yen for the addend.
  struct Effect: Sendable, Equatable {
    var factor: Rational = .one
    var addend: Int64 = 0

    func applied(to x: Rational) throws(ArithmeticError) -> Rational {
      try x.multiplied(by: factor).adding(Rational(addend))
    }

    /// The same on `numerator / denominator`, in 64-bit integers: nil on overflow.
    func applied(to x: WholeFraction) -> WholeFraction? {
      // n/d × a/b + c = (n·a + c·d·b) / (d·b)
      guard let scaled = WholeFraction.product(x.numerator, factor.n), let denominator = WholeFraction.product(x.denominator, factor.d),
        let added = WholeFraction.product(addend, denominator), let numerator = WholeFraction.sum(scaled, added)
      else { return nil }
      return WholeFraction(numerator: numerator, denominator: denominator)
    }
  }
}

/// An amount of yen as `numerator / denominator` in 64-bit integers, not reduced: the
/// whole-yen path's running amount.
struct WholeFraction: Sendable, Equatable {
  var numerator: Int64
  /// Above zero.
  var denominator: Int64

  @inline(__always)
  static func product(_ a: Int64, _ b: Int64) -> Int64? {
    let (p, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? nil : p
  }

  @inline(__always)
  static func sum(_ a: Int64, _ b: Int64) -> Int64? {
    let (s, overflow) = a.addingReportingOverflow(b)
    return overflow ? nil : s
  }
}

extension EstimateReason {
  /// The bed formula applied to a capacity it changes is an assumption: byoin-kyosaikai 〈6〉
  /// states it for beds.
  static func capacity(_ capacity: Int) -> EstimateReason? {
    isEstimate(capacity: capacity) ? .modifiedCountOnCapacity(capacity: capacity) : nil
  }

  static func isEstimate(capacity: Int) -> Bool { ModifiedCount.changes(capacity) }

  /// A typed security adjustment replaces the table's premium (001 〈7〉): an estimate.
  static func security(_ percent: Rational) -> EstimateReason? {
    isEstimate(security: percent) ? .securityAdjustment(percent: percent) : nil
  }

  static func isEstimate(security percent: Rational) -> Bool { percent != .zero }
}
