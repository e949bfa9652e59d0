/// An exact fraction of two 64-bit integers with a positive denominator.
///
/// Rates, modified bed counts, weighted averages and pre-rounding premiums are all `Rational`.
/// There is no conversion to or from floating point.
///
/// Operations do not reduce to lowest terms unless a product would overflow: a premium is a
/// handful of multiplications of small numbers, and skipping the gcd keeps a million-row batch
/// fast. `numerator` and `denominator` are always reported reduced, and equality and hashing
/// compare values, so `2/4 == 1/2`.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Not necessarily in lowest terms; `d > 0`.
  @usableFromInline let n: Int64
  @usableFromInline let d: Int64

  // MARK: - Construction

  /// A whole number.
  public init(_ value: Int64) {
    n = value
    d = 1
  }

  /// A whole number.
  public init(_ value: Int) {
    self.init(Int64(value))
  }

  /// `numerator / denominator`. Throws ``ArithmeticError/divisionByZero`` when `denominator` is
  /// zero, ``ArithmeticError/overflow`` when the sign cannot be normalized.
  public init(_ numerator: Int64, _ denominator: Int64) throws(ArithmeticError) {
    guard denominator != 0 else { throw ArithmeticError.divisionByZero }
    if denominator > 0 {
      n = numerator
      d = denominator
    } else {
      let (negN, o1) = Int64(0).subtractingReportingOverflow(numerator)
      let (negD, o2) = Int64(0).subtractingReportingOverflow(denominator)
      if !o1, !o2 {
        n = negN
        d = negD
      } else {
        // Int64.min: reduce first, then negate.
        let g = Rational.gcd(numerator, denominator)
        let (rn, o3) = Int64(0).subtractingReportingOverflow(numerator / g)
        let (rd, o4) = Int64(0).subtractingReportingOverflow(denominator / g)
        guard !o3, !o4 else { throw ArithmeticError.overflow }
        n = rn
        d = rd
      }
    }
  }

  /// A fraction already in lowest terms with a positive denominator, as the generated rate books
  /// write it (the generator produced it from a `Rational`).
  init(reducedNumerator numerator: Int64, denominator: Int64) {
    precondition(denominator > 0 && Rational.gcd(numerator, denominator) == 1, "not in lowest terms")
    n = numerator
    d = denominator
  }

  @inline(__always)
  private init(unchecked n: Int64, _ d: Int64) {
    self.n = n
    self.d = d
  }

  /// `percent / 100`, exactly.
  public static func percent(_ percent: Rational) throws(ArithmeticError) -> Rational {
    try percent.divided(by: Rational(100))
  }

  public static let zero = Rational(0)
  public static let one = Rational(1)

  // MARK: - Reduced form

  /// In lowest terms.
  public var numerator: Int64 { n / Rational.gcd(n, d) }
  /// In lowest terms; always positive.
  public var denominator: Int64 { d / Rational.gcd(n, d) }

  /// This value in lowest terms.
  public var reduced: Rational {
    let g = Rational.gcd(n, d)
    return g == 1 ? self : Rational(unchecked: n / g, d / g)
  }

  // MARK: - Arithmetic (every operation reports overflow and division by zero by throwing)

  public func adding(_ other: Rational) throws(ArithmeticError) -> Rational {
    if d == other.d {
      let (sum, o) = n.addingReportingOverflow(other.n)
      if !o { return Rational(unchecked: sum, d) }
    } else {
      let (a, o1) = n.multipliedReportingOverflow(by: other.d)
      let (b, o2) = other.n.multipliedReportingOverflow(by: d)
      let (den, o3) = d.multipliedReportingOverflow(by: other.d)
      let (sum, o4) = a.addingReportingOverflow(b)
      if !o1, !o2, !o3, !o4 { return Rational(unchecked: sum, den) }
    }
    return try reduced.addingReduced(other.reduced)
  }

  private func addingReduced(_ other: Rational) throws(ArithmeticError) -> Rational {
    let g = Rational.gcd(d, other.d)
    let left = try Rational.multiply(n, other.d / g)
    let right = try Rational.multiply(other.n, d / g)
    let (sum, o) = left.addingReportingOverflow(right)
    guard !o else { throw ArithmeticError.overflow }
    return try Rational(sum, Rational.multiply(d, other.d / g)).reduced
  }

  public func subtracting(_ other: Rational) throws(ArithmeticError) -> Rational {
    try adding(other.negated())
  }

  public func multiplied(by other: Rational) throws(ArithmeticError) -> Rational {
    let (num, o1) = n.multipliedReportingOverflow(by: other.n)
    let (den, o2) = d.multipliedReportingOverflow(by: other.d)
    if !o1, !o2 { return Rational(unchecked: num, den) }
    // Cross-reduce so that the products are as small as they can be.
    let a = reduced
    let b = other.reduced
    let g1 = Rational.gcd(a.n, b.d)
    let g2 = Rational.gcd(b.n, a.d)
    return Rational(unchecked: try Rational.multiply(a.n / g1, b.n / g2), try Rational.multiply(a.d / g2, b.d / g1))
  }

  public func divided(by other: Rational) throws(ArithmeticError) -> Rational {
    guard other.n != 0 else { throw ArithmeticError.divisionByZero }
    return try multiplied(by: Rational(other.d, other.n))
  }

  public func negated() throws(ArithmeticError) -> Rational {
    let (negN, o) = Int64(0).subtractingReportingOverflow(n)
    if !o { return Rational(unchecked: negN, d) }
    let r = reduced
    let (m, o2) = Int64(0).subtractingReportingOverflow(r.n)
    guard !o2 else { throw ArithmeticError.overflow }
    return Rational(unchecked: m, r.d)
  }

  /// The largest integer not greater than this value.
  public var floor: Int64 {
    let q = n / d
    return (n % d != 0 && n < 0) ? q - 1 : q
  }

  public var isInteger: Bool { n % d == 0 }

  // MARK: - Comparison

  public static func == (lhs: Rational, rhs: Rational) -> Bool {
    if lhs.d == rhs.d { return lhs.n == rhs.n }
    return Int128(lhs.n) * Int128(rhs.d) == Int128(rhs.n) * Int128(lhs.d)
  }

  public func hash(into hasher: inout Hasher) {
    let r = reduced
    hasher.combine(r.n)
    hasher.combine(r.d)
  }

  public static func < (lhs: Rational, rhs: Rational) -> Bool {
    if lhs.d == rhs.d { return lhs.n < rhs.n }
    return Int128(lhs.n) * Int128(rhs.d) < Int128(rhs.n) * Int128(lhs.d)
  }

  // MARK: - Description

  /// `n` or `n/d` in lowest terms; for diagnostics. Human-facing text uses ``exactDecimalString(maxFractionDigits:)``.
  public var description: String {
    let r = reduced
    return r.d == 1 ? "\(r.n)" : "\(r.n)/\(r.d)"
  }

  /// The exact decimal expansion when it ends within `maxFractionDigits`, for example `77.4`
  /// or `-7.5`; `nil` when it does not.
  public func exactDecimalString(maxFractionDigits: Int = 12) -> String? {
    let r = reduced
    let negative = r.n < 0
    let magnitude = r.n.magnitude
    let d = UInt64(r.d)
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

  static func multiply(_ a: Int64, _ b: Int64) throws(ArithmeticError) -> Int64 {
    let (p, o) = a.multipliedReportingOverflow(by: b)
    guard !o else { throw ArithmeticError.overflow }
    return p
  }
}
