/// CP932 (Windows-31J), the Shift_JIS that Japanese Excel writes, decoded without Foundation.
///
/// ASCII is itself; 0xA1–0xDF are half-width katakana (U+FF61–U+FF9F); a lead byte 0x81–0x9F or
/// 0xE0–0xFC and a trail byte 0x40–0xFC (not 0x7F) form one character from the generated table.
/// Bytes that form no character become U+FFFD, so that no input is ever dropped.
package enum CP932 {
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
  package static func decode<C: Collection<UInt8>>(_ bytes: C) -> String where C.Index == Int {
    decodeValidating(bytes).text
  }

  /// The text `bytes` encode, and whether every byte formed a character (no U+FFFD was put in).
  package static func decodeValidating<C: Collection<UInt8>>(_ bytes: C) -> (text: String, valid: Bool) where C.Index == Int {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(bytes.count * 3 / 2)
    let valid = transcodeToUTF8(bytes, into: &utf8)
    return (String(decoding: utf8, as: UTF8.self), valid)
  }

  /// Whether every byte of `bytes` belongs to a CP932 character.
  package static func isValid<C: Collection<UInt8>>(_ bytes: C) -> Bool where C.Index == Int {
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      i += 1
      if b < 0x80 || (b >= 0xA1 && b <= 0xDF) { continue }
      guard isLead(b), i < bytes.endIndex, let _ = doubleByteScalar(b, bytes[i]) else { return false }
      i += 1
    }
    return true
  }

  /// Unicode → CP932 bytes as Windows encodes: where CP932 has a character twice, the JIS X 0208
  /// code first, then NEC row 13 (0x87), then the IBM extensions (0xFA–0xFC) over their
  /// NEC-selected copies (0xED–0xEE).
  static let encodeTable: [UInt32: UInt16] = {
    var table: [UInt32: UInt16] = [:]
    let leads: [ClosedRange<UInt8>] = [0x81...0x84, 0x88...0x9F, 0xE0...0xEA, 0x87...0x87, 0xFA...0xFC, 0xED...0xEE]
    for range in leads {
      for lead in range {
        for trail in UInt8(0x40)...0xFC where trail != 0x7F {
          if let scalar = doubleByteScalar(lead, trail), table[scalar] == nil { table[scalar] = UInt16(lead) << 8 | UInt16(trail) }
        }
      }
    }
    return table
  }()

  /// `text` as CP932 bytes, and the first character CP932 cannot hold (written as `?`), if any.
  package static func encode(_ text: String) -> (bytes: [UInt8], unencodable: Character?) {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var missing: Character?
    for character in text {
      for scalar in character.unicodeScalars {
        let v = scalar.value
        if v < 0x80 {
          out.append(UInt8(v))
        } else if v >= 0xFF61, v <= 0xFF9F {
          out.append(UInt8(v - 0xFF61 + 0xA1))
        } else if let code = encodeTable[v] {
          out.append(UInt8(code >> 8))
          out.append(UInt8(code & 0xFF))
        } else {
          out.append(0x3F)
          missing = missing ?? character
        }
      }
    }
    return (out, missing)
  }

  /// Bytes that start no CP932 character; a pair cut off by the end of `bytes` is not counted.
  static func invalidByteCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var invalid = 0
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      if b < 0x80 || (b >= 0xA1 && b <= 0xDF) { continue }
      if isLead(b), i == bytes.count { break }
      if isLead(b), doubleByteScalar(b, bytes[i]) != nil {
        i += 1
      } else {
        invalid += 1
      }
    }
    return invalid
  }

  /// The character of a lead and a trail byte; nil when the pair forms none.
  @inline(__always)
  static func doubleByteScalar(_ lead: UInt8, _ trail: UInt8) -> UInt32? {
    guard trail >= 0x40, trail <= 0xFC, trail != 0x7F else { return nil }
    let row = lead <= 0x9F ? Int(lead - 0x81) : Int(lead - 0xE0) + 31
    let index = row * 189 + Int(trail - 0x40)
    guard index < doubleByte.count, doubleByte[index] != 0xFFFD else { return nil }
    return UInt32(doubleByte[index])
  }

  /// Appends the UTF-8 form of `bytes` to `out`; false when some byte formed no character (it
  /// is written as U+FFFD).
  @discardableResult
  package static func transcodeToUTF8<C: Collection<UInt8>>(_ bytes: C, into out: inout [UInt8]) -> Bool where C.Index == Int {
    var valid = true
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
        // A pair in the trail range is one character, assigned or not (two bytes, one U+FFFD).
        if let found = doubleByteScalar(b, bytes[i]) {
          scalar = found
        } else {
          scalar = 0xFFFD
          valid = false
        }
        i += 1
      } else {
        scalar = 0xFFFD
        valid = false
      }
      appendUTF8(scalar, to: &out)
    }
    return valid
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
