/// CP932 (Windows-31J), the Shift_JIS that Japanese Excel writes, decoded without Foundation.
///
/// ASCII is itself; 0xA1–0xDF are half-width katakana (U+FF61–U+FF9F); a lead byte 0x81–0x9F or
/// 0xE0–0xFC and a trail byte 0x40–0xFC (not 0x7F) form one character from the generated table.
/// Bytes that form no character become U+FFFD, so that no input is ever dropped.
public enum CP932 {
  /// Indexed by (lead row × 189) + (trail − 0x40); 0xFFFD where unassigned.
  static let doubleByte: [UInt16] = {
    var table: [UInt16] = []
    table.reserveCapacity(60 * 189)
    for scalar in doubleByteRows.unicodeScalars where scalar != "\n" {
      table.append(UInt16(truncatingIfNeeded: scalar.value))
    }
    return table
  }()

  @inline(__always)
  static func isLead(_ b: UInt8) -> Bool { (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b) }

  /// The text `bytes` encode.
  public static func decode<C: Collection<UInt8>>(_ bytes: C) -> String where C.Index == Int {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(bytes.count * 3 / 2)
    transcodeToUTF8(bytes, into: &utf8)
    return String(decoding: utf8, as: UTF8.self)
  }

  /// Appends the UTF-8 form of `bytes` to `out`.
  public static func transcodeToUTF8<C: Collection<UInt8>>(_ bytes: C, into out: inout [UInt8]) where C.Index == Int {
    var i = bytes.startIndex
    let end = bytes.endIndex
    while i < end {
      let b = bytes[i]
      i += 1
      let scalar: UInt32
      if b < 0x80 {
        out.append(b)
        continue
      } else if b >= 0xA1 && b <= 0xDF {
        scalar = 0xFF61 + UInt32(b - 0xA1)
      } else if isLead(b), i < end, bytes[i] >= 0x40, bytes[i] <= 0xFC, bytes[i] != 0x7F {
        let row = b <= 0x9F ? Int(b - 0x81) : Int(b - 0xE0) + 31
        let index = row * 189 + Int(bytes[i] - 0x40)
        scalar = index < doubleByte.count ? UInt32(doubleByte[index]) : 0xFFFD
        i += 1
      } else {
        scalar = 0xFFFD
      }
      appendUTF8(scalar, to: &out)
    }
  }

  @inline(__always)
  static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    if scalar < 0x800 {
      out.append(UInt8(0xC0 | (scalar >> 6)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    } else {
      out.append(UInt8(0xE0 | (scalar >> 12)))
      out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
  }
}
