/// Reads numbers the way staff type them, exactly: `120`, `１２０`, `1,200`, `-10`, `▲10`, `△10`,
/// `+10`, `10%`, `7.5`. Only numeric fields go through here; names pass through untouched.
package enum NumberText {
  package enum Parsed: Sendable, Hashable {
    case number(Rational)
    /// Numeric, but beyond what 64 bits hold.
    case tooLarge
    /// Numeric and of a sensible size, but with more digits after the point than an exact
    /// 64-bit fraction holds (`10.12345678901234567`).
    case tooManyDecimals
    /// Not a number at all.
    case invalid
  }

  /// Parses `text` after folding full-width forms; a trailing `%` is allowed.
  package static func parse(_ text: String) -> Parsed {
    // A substring, so that its pieces become strings without generic sequence copies.
    var characters = Substring(normalized(text))
    if characters.last == "%" { characters.removeLast() }
    var negative = false
    if let first = characters.first, first == "-" || first == "+" {
      negative = first == "-"
      characters.removeFirst()
    }
    guard !characters.isEmpty else { return .invalid }
    let parts = characters.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let wholeText = String(parts[0])
    let fractionText = parts.count > 1 ? String(parts[1]) : ""
    guard !wholeText.isEmpty, parts.count == 1 || !fractionText.isEmpty,
      fractionText.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return .invalid }
    let wholeDigits: String
    if wholeText.contains(",") {
      let groups = wholeText.split(separator: ",", omittingEmptySubsequences: false)
      guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
        return .invalid
      }
      wholeDigits = groups.joined()
    } else {
      wholeDigits = wholeText
    }
    guard wholeDigits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .invalid }
    // Leading zeros and long fractions are fine; only the significant size matters.
    let digits = (wholeDigits + fractionText).drop { $0 == "0" }
    guard wholeDigits.drop(while: { $0 == "0" }).count <= 18 else { return .tooLarge }
    guard digits.count <= 18, fractionText.count <= 18 else { return .tooManyDecimals }
    guard let numerator = Int64(digits.isEmpty ? "0" : String(digits)) else { return .tooLarge }
    var denominator: Int64 = 1
    for _ in 0..<fractionText.count { denominator *= 10 }
    guard let value = try? Rational(negative ? -numerator : numerator, denominator) else { return .tooLarge }
    return .number(value)
  }

  /// Full-width forms folded to ASCII (``halfWidth(_:)``); ▲ and △ (the brochures' minus) and
  /// U+2212 become `-`; surrounding spaces, ASCII or ideographic, are dropped.
  package static func normalized(_ text: String) -> String {
    var out = ""
    for scalar in halfWidth(text).unicodeScalars {
      switch scalar.value {
      case 0x25B2, 0x25B3, 0x2212: out.append("-")  // ▲ △ −
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension NumberText {
  /// The common case, straight from bytes: an optional ASCII sign and 1–9 ASCII digits, nothing
  /// else. Anything else gives nil, and the caller uses ``parse(_:)``, which agrees on every
  /// value this accepts.
  @inline(__always)
  package static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard var p = bytes.baseAddress, bytes.count > 0 else { return nil }
    let end = p + bytes.count
    var negative = false
    if p.pointee == 0x2D || p.pointee == 0x2B {
      negative = p.pointee == 0x2D
      p += 1
    }
    let digits = end - p
    guard digits >= 1, digits <= 9 else { return nil }
    var value = 0
    while p < end {
      let d = p.pointee &- 0x30
      guard d < 10 else { return nil }
      value = value &* 10 &+ Int(d)
      p += 1
    }
    return negative ? -value : value
  }

  /// ``plainInteger(_:)`` for bytes followed in memory by at least eight initialized bytes (a
  /// field of ``CSVFields``): up to eight digits are checked and converted as one word, with no
  /// branch per digit. Same result as ``plainInteger(_:)`` for every input.
  @inline(__always)
  package static func plainInteger(padded bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let start = bytes.baseAddress, bytes.count > 0 else { return nil }
    let first = start.pointee
    let signed = first == 0x2D || first == 0x2B
    let skip = signed ? 1 : 0
    let digits = bytes.count &- skip
    guard digits >= 1 else { return nil }
    guard digits <= 8 else { return plainInteger(bytes) }
    // The digits moved to the word's top bytes (the last byte in memory is the most
    // significant), the bytes below them set to "0": eight digits with leading zeros.
    let unused = UInt64(8 &- digits) &* 8
    let zeros: UInt64 = 0x3030_3030_3030_3030
    let word = UnsafeRawPointer(start + skip).loadUnaligned(as: UInt64.self) << unused | zeros & ((1 &<< unused) &- 1)
    // Every byte 0x30–0x39: high nibble 3, and still 3 after adding 6.
    let nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
    guard word & nibbles == zeros, (word &+ 0x0606_0606_0606_0606) & nibbles == zeros else { return nil }
    // Pairs of digits, then fours, then all eight, each step within its lanes.
    var value = word & 0x0F0F_0F0F_0F0F_0F0F
    value = (value &* (10 << 8 + 1)) >> 8
    value = ((value & 0x00FF_00FF_00FF_00FF) &* (100 << 16 + 1)) >> 16
    value = ((value & 0x0000_FFFF_0000_FFFF) &* (10_000 << 32 + 1)) >> 32
    let magnitude = Int(truncatingIfNeeded: value)
    return first == 0x2D ? -magnitude : magnitude
  }

  /// Full-width ASCII forms (`Ｓ４`, `ｈｏｓｐｉｔａｌ`) and the ideographic space folded to ASCII;
  /// everything else unchanged. For codes and ids, never for names.
  /// A count as staff write it, with its unit dropped: `120床` or `１２０床` for beds, `定員100`,
  /// `100人` or `100名` for a capacity. Any other text is returned as it is, for the number
  /// parser to accept or name.
  package static func withoutCountUnit(_ text: String, _ field: QuoteField) -> String {
    var count = halfWidth(text)
    switch field {
    case .generalBeds, .otherBeds:
      if count.hasSuffix("床") { count.removeLast() }
    case .capacity:
      if count.hasPrefix("定員") { count.removeFirst(2) }
      if count.hasSuffix("人") || count.hasSuffix("名") { count.removeLast() }
    default:
      return text
    }
    return count.trimmingSpaces
  }

  package static func halfWidth(_ text: String) -> String {
    // ASCII has no full-width form to fold: only spaces to trim.
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.trimmingSpaces }
    let folds: (Unicode.Scalar) -> Bool = { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 }
    if !text.unicodeScalars.contains(where: folds) { return text.trimmingSpaces }  // 病院: nothing to fold
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E: out.append(Unicode.Scalar(UInt8(scalar.value - 0xFF01 + 0x21)))
      case 0x3000: out.append(" ")
      default: out.append(scalar)
      }
    }
    return String(out).trimmingSpaces
  }
}
