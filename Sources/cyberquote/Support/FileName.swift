#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Arguments and file names as the system gives them: bytes, which need not be UTF-8 (a Latin-1
/// or CP932 name from a Windows share). They travel through the tool as Strings in which each
/// byte outside valid UTF-8 stands as one private-use scalar, U+10FF00 plus the byte
/// (U+10FF80…U+10FFFF, since ASCII is always valid), and go back to the system as the same bytes:
/// such a file is opened, listed and written as named, never replaced by a look-alike whose
/// name holds U+FFFD. A name that itself holds one of those scalars, validly encoded, keeps each
/// of its four bytes that way, so every byte string makes the round trip exactly.
enum FileName {
  private static let rawBase: UInt32 = 0x10FF00

  /// The byte a scalar stands for, or nil for an ordinary character.
  static func rawByte(_ scalar: Unicode.Scalar) -> UInt8? {
    scalar.value >= rawBase + 0x80 ? UInt8(truncatingIfNeeded: scalar.value - rawBase) : nil
  }

  /// How a screen or a JUnit file shows the byte a scalar stands for (`\xE9`); nil for an
  /// ordinary character.
  static func shownByte(_ scalar: Unicode.Scalar) -> String? {
    rawByte(scalar).map { "\\x" + String($0, radix: 16, uppercase: true) }
  }

  /// The bytes as a String, each byte outside valid UTF-8 kept as its scalar.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if let text = String(validating: bytes, as: UTF8.self), !text.unicodeScalars.contains(where: { rawByte($0) != nil }) {
      return text
    }
    var out = String.UnicodeScalarView()
    var i = 0
    while i < bytes.count {
      if let (scalar, length) = scalar(in: bytes, at: i), rawByte(scalar) == nil {
        out.append(scalar)
        i += length
      } else {
        out.append(Unicode.Scalar(rawBase + UInt32(bytes[i])) ?? "\u{FFFD}")
        i += 1
      }
    }
    return String(out)
  }

  /// The bytes a String from ``decode(_:)`` came from.
  static func bytes(_ name: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count)
    for scalar in name.unicodeScalars {
      if let byte = rawByte(scalar) {
        out.append(byte)
      } else if let encoded = UTF8.encode(scalar) {
        out.append(contentsOf: encoded)
      }
    }
    return out
  }

  /// Calls `body` with the name as the system's NUL-terminated bytes.
  static func withCString<R>(_ name: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
    var characters = bytes(name).map { CChar(bitPattern: $0) }
    characters.append(0)
    return try body(characters)
  }

  /// The scalar whose valid UTF-8 starts at `i`, with its length; nil where none does.
  private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
    let lead = bytes[i]
    let length: Int
    var second: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; second = 0xA0...0xBF
    case 0xED: length = 3; second = 0x80...0x9F
    case 0xE1...0xEF: length = 3
    case 0xF0: length = 4; second = 0x90...0xBF
    case 0xF4: length = 4; second = 0x80...0x8F
    case 0xF1...0xF3: length = 4
    default: return nil
    }
    guard i + length <= bytes.count, second.contains(bytes[i + 1]) else { return nil }
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for k in 1..<length {
      let byte = bytes[i + k]
      guard (0x80...0xBF).contains(byte) else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return Unicode.Scalar(value).map { ($0, length) }
  }
}
