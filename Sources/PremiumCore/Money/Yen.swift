/// A whole number of yen.
///
/// Premiums, rates and limits are printed in whole yen, so `Yen` never holds a fraction; exact
/// intermediate results are ``Rational`` and come back to `Yen` only through ``Rational/rounded(_:)``.
public struct Yen: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let amount: Int64

  public init(_ amount: Int64) {
    self.amount = amount
  }

  public static let zero = Yen(0)

  public var rational: Rational { Rational(amount) }

  public func adding(_ other: Yen) throws(ArithmeticError) -> Yen {
    let (sum, o) = amount.addingReportingOverflow(other.amount)
    guard !o else { throw ArithmeticError.overflow }
    return Yen(sum)
  }

  public func multiplied(by factor: Int) throws(ArithmeticError) -> Yen {
    let (product, o) = amount.multipliedReportingOverflow(by: Int64(factor))
    guard !o else { throw ArithmeticError.overflow }
    return Yen(product)
  }

  public static func < (lhs: Yen, rhs: Yen) -> Bool { lhs.amount < rhs.amount }

  /// `55,880円`: comma grouping, the way the brochures print premiums. Never locale-dependent.
  public var description: String { YenFormat.grouped(amount) + "円" }
}

/// Hand-written number formatting, so that no locale can change a printed figure.
package enum YenFormat {
  /// `1234567` → `1,234,567`; negative values keep their sign.
  package static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return value < 0 ? "-" + out : out
  }

  /// An exact value with comma grouping and its decimal fraction: `182,664`, `164,397.6`, `77.4`.
  /// Values without a short decimal expansion print as a grouped fraction.
  package static func grouped(_ value: Rational) -> String {
    guard let decimal = value.exactDecimalString(maxFractionDigits: 6) else {
      return grouped(value.numerator) + "/" + grouped(value.denominator)
    }
    let negative = decimal.hasPrefix("-")
    let unsigned = negative ? String(decimal.dropFirst()) : decimal
    let parts = unsigned.split(separator: ".", maxSplits: 1)
    let whole = Int64(parts[0]) ?? 0
    let fraction = parts.count > 1 ? "." + parts[1] : ""
    return (negative ? "-" : "") + grouped(whole) + fraction
  }

  /// A limit in the brochure's units: `1億円`, `3,000万円`, `1億5,000万円`, `30万円`; amounts that are
  /// not whole 万円 fall back to `12,345円`.
  package static func limit(_ yen: Yen) -> String {
    let amount = yen.amount
    guard amount > 0 else { return grouped(amount) + "円" }
    let oku: Int64 = 100_000_000
    let man: Int64 = 10_000
    guard amount % man == 0 else { return grouped(amount) + "円" }
    let okuPart = amount / oku
    let manPart = (amount % oku) / man
    var out = ""
    if okuPart > 0 { out += grouped(okuPart) + "億" }
    if manPart > 0 { out += grouped(manPart) + "万" }
    return out + "円"
  }
}

extension YenFormat {
  /// Reads an amount the way brochures print limits and deductibles: `1,000万円`, `1億円`,
  /// `1億5,000万円`, `300,000円`, `30万円`, `なし` (zero). `nil` when it is none of these.
  package static func parseAmount(_ text: String) -> Yen? {
    let scalars = Array(text.trimmingSpaces.unicodeScalars)
    if scalars == ["な", "し"] { return .zero }
    guard scalars.last == "円", scalars.count > 1 else { return nil }
    var total: Int64 = 0
    var start = 0
    var sawUnit = false
    for (i, scalar) in scalars.enumerated() {
      let scale: Int64
      switch scalar {
      case "億": scale = 100_000_000
      case "万": scale = 10_000
      case "円": scale = 1
      default: continue
      }
      // A unit ends a group of digits; 円 alone may follow 億 or 万 with nothing before it.
      if scale == 1, i == start, sawUnit {
        start = i + 1
        break
      }
      guard let value = groupedInteger(scalars[start..<i]) else { return nil }
      let (scaled, o1) = value.multipliedReportingOverflow(by: scale)
      let (sum, o2) = total.addingReportingOverflow(scaled)
      guard !o1, !o2 else { return nil }
      total = sum
      start = i + 1
      sawUnit = true
    }
    guard start == scalars.count else { return nil }
    return Yen(total)
  }

  /// `1,000` → 1000; rejects misplaced commas (`1,00`) and anything but ASCII digits.
  static func groupedInteger(_ scalars: ArraySlice<Unicode.Scalar>) -> Int64? {
    var value: Int64 = 0
    var digitsInGroup = 0
    var groups = 0
    for scalar in scalars {
      if scalar == "," {
        guard digitsInGroup > 0, groups == 0 ? digitsInGroup <= 3 : digitsInGroup == 3 else { return nil }
        groups += 1
        digitsInGroup = 0
        continue
      }
      guard scalar.value >= 0x30, scalar.value <= 0x39 else { return nil }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int64(scalar.value - 0x30))
      guard !o1, !o2 else { return nil }
      value = a
      digitsInGroup += 1
    }
    guard digitsInGroup > 0, groups == 0 || digitsInGroup == 3 else { return nil }
    return value
  }
}

extension StringProtocol {
  /// Without leading and trailing ASCII and ideographic spaces, and byte order marks: a BOM
  /// in the middle of a row (files joined with `cat`) is not part of the cell after it.
  package var trimmingSpaces: String {
    let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{FEFF}" }
    // Most cells have nothing to trim: no scalar is copied, and for ASCII ends none is decoded.
    let text = String(self)
    if let head = text.utf8.first, let tail = text.utf8.last, head > 0x20, head < 0x80, tail > 0x20, tail < 0x80 { return text }
    let scalars = text.unicodeScalars
    if let head = scalars.first, let tail = scalars.last, !isSpace(head), !isSpace(tail) { return text }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    // One by one: appending the slice at once calls the stdlib's unspecialized generic append,
    // which resolves its types at run time (a noticeable share of a quote's start-up).
    var out = String.UnicodeScalarView()
    for scalar in scalars[first...last] { out.append(scalar) }
    return String(out)
  }
}
