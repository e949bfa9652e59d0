/// The text encoding of the input.
package enum InputEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case cp932
}

extension InputEncoding {
  /// The encoding `bytes` (a sample from the first non-ASCII byte on) are written in. Mostly
  /// valid UTF-8 is UTF-8, so that one stray byte in a UTF-8 list makes one bad row rather than
  /// a file of mojibake; CP932 only when it fits clearly better (Japanese in CP932 is almost
  /// never valid UTF-8: its lead bytes 0x81–0x9F are UTF-8 continuation bytes).
  package static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> InputEncoding {
    let (valid, invalid) = UTF8Validation.sequenceCounts(bytes)
    if invalid == 0 || valid > invalid { return .utf8 }
    return CP932.invalidByteCount(bytes) < invalid ? .cp932 : .utf8
  }
}

/// UTF-8 well-formedness: the standard library's validation (``UTF8Span``), without making a
/// `String` of the bytes, and the counts that tell UTF-8 from CP932.
package enum UTF8Validation {
  /// Whether `bytes` is entirely valid UTF-8.
  package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    (try? UTF8Span(validating: unsafe Span(_unsafeElements: bytes))) != nil
  }

  /// Multi-byte sequences that are valid UTF-8, and bytes where no valid sequence starts. A
  /// sequence cut off by the end of `bytes` counts as neither.
  static func sequenceCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Int, invalid: Int) {
    var valid = 0
    var invalid = 0
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      // The length a lead byte announces; 0 for a byte no sequence starts with.
      let length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
      guard length > 0 else {
        invalid += 1
        i += 1
        continue
      }
      guard i + length <= bytes.count else { break }
      if isValid(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])) {
        valid += 1
        i += length
      } else {
        invalid += 1
        i += 1
      }
    }
    return (valid, invalid)
  }
}
