/// Thrown when exact arithmetic would leave the 64-bit range.
///
/// Swift traps on integer overflow; every operation here reports it instead, so no input can
/// stop the process.
public struct ArithmeticOverflow: Error, Equatable, Sendable {
  public init() {}
}

/// An exact fraction of two 64-bit integers, always in lowest terms with a positive denominator.
///
/// Rates, modified bed counts, weighted averages and pre-rounding premiums are all `Rational`.
/// There is no conversion to or from floating point.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let numerator: Int64
  public let denominator: Int64

  // MARK: - Construction

  /// A whole number.
  public init(_ value: Int64) {
    numerator = value
    denominator = 1
  }

  /// A whole number.
  public init(_ value: Int) {
    self.init(Int64(value))
  }

  /// `numerator / denominator`, reduced. Throws when `denominator` is zero or reduction overflows.
  public init(_ numerator: Int64, _ denominator: Int64) throws {
    guard denominator != 0 else { throw ArithmeticOverflow() }
    let divisor = Rational.gcd(numerator, denominator)
    var n = numerator / divisor
    var d = denominator / divisor
    if d < 0 {
      let (negN, o1) = Int64(0).subtractingReportingOverflow(n)
      let (negD, o2) = Int64(0).subtractingReportingOverflow(d)
      guard !o1, !o2 else { throw ArithmeticOverflow() }
      n = negN
      d = negD
    }
    self.numerator = n
    self.denominator = d
  }

  /// A fraction already in lowest terms with a positive denominator, as the generated rate books
  /// write it (the generator produced it from a reduced `Rational`).
  init(reducedNumerator numerator: Int64, denominator: Int64) {
    precondition(denominator > 0 && Rational.gcd(numerator, denominator) == 1, "not in lowest terms")
    self.numerator = numerator
    self.denominator = denominator
  }

  /// `percent / 100`, exactly.
  public static func percent(_ percent: Rational) throws -> Rational {
    try percent.divided(by: Rational(100))
  }

  public static let zero = Rational(0)
  public static let one = Rational(1)

  // MARK: - Arithmetic (every operation reports overflow by throwing)

  public func adding(_ other: Rational) throws -> Rational {
    let g = Rational.gcd(denominator, other.denominator)
    let left = try Rational.multiply(numerator, other.denominator / g)
    let right = try Rational.multiply(other.numerator, denominator / g)
    let (sum, o) = left.addingReportingOverflow(right)
    guard !o else { throw ArithmeticOverflow() }
    return try Rational(sum, Rational.multiply(denominator, other.denominator / g))
  }

  public func subtracting(_ other: Rational) throws -> Rational {
    try adding(other.negated())
  }

  public func multiplied(by other: Rational) throws -> Rational {
    // Cross-reduce first so that products stay as small as possible.
    let g1 = Rational.gcd(numerator, other.denominator)
    let g2 = Rational.gcd(other.numerator, denominator)
    let n = try Rational.multiply(numerator / g1, other.numerator / g2)
    let d = try Rational.multiply(denominator / g2, other.denominator / g1)
    return try Rational(n, d)
  }

  public func divided(by other: Rational) throws -> Rational {
    guard other.numerator != 0 else { throw ArithmeticOverflow() }
    return try multiplied(by: Rational(other.denominator, other.numerator))
  }

  public func negated() throws -> Rational {
    let (n, o) = Int64(0).subtractingReportingOverflow(numerator)
    guard !o else { throw ArithmeticOverflow() }
    return try Rational(n, denominator)
  }

  /// The largest integer not greater than this value.
  public var floor: Int64 {
    let q = numerator / denominator
    return (numerator % denominator != 0 && numerator < 0) ? q - 1 : q
  }

  public var isInteger: Bool { denominator == 1 }

  // MARK: - Comparison

  public static func < (lhs: Rational, rhs: Rational) -> Bool {
    // Compare without overflow: 128-bit cross products.
    Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
  }

  // MARK: - Description

  /// `n` or `n/d`; for diagnostics. Human-facing text uses ``decimalString(maxFractionDigits:)``.
  public var description: String {
    denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
  }

  /// The exact decimal expansion when it ends within `maxFractionDigits`, for example `77.4`
  /// or `-7.5`; `nil` when it does not.
  public func exactDecimalString(maxFractionDigits: Int = 12) -> String? {
    let negative = numerator < 0
    let magnitude = numerator.magnitude
    let d = UInt64(denominator)
    var digits = ""
    var remainder = magnitude % d
    var count = 0
    while remainder != 0 {
      guard count < maxFractionDigits else { return nil }
      let (r10, o) = remainder.multipliedReportingOverflow(by: 10)
      guard !o else { return nil }
      digits.append(Character(String(r10 / d)))
      remainder = r10 % d
      count += 1
    }
    let whole = String(magnitude / d)
    return (negative ? "-" : "") + whole + (digits.isEmpty ? "" : "." + digits)
  }

  // MARK: - Helpers

  static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
    var x = a.magnitude
    var y = b.magnitude
    while y != 0 { (x, y) = (y, x % y) }
    // gcd(Int64.min, 0) would be 2^63, which does not fit; 1 is a safe divisor then.
    return x == 0 || x > UInt64(Int64.max) ? 1 : Int64(x)
  }

  static func multiply(_ a: Int64, _ b: Int64) throws -> Int64 {
    let (p, o) = a.multipliedReportingOverflow(by: b)
    guard !o else { throw ArithmeticOverflow() }
    return p
  }
}
