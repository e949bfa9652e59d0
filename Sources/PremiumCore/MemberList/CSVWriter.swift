/// Somewhere to append bytes: an array in tests, a ``ByteBuffer`` in batches.
package protocol ByteAppending {
  mutating func append(_ byte: UInt8)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteAppending where Element == UInt8 {
  package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

extension ByteBuffer: ByteAppending {}

/// Writes CSV fields as UTF-8 bytes.
package enum CSVWriter {
  /// Appends one field: quoted when it holds a comma, a quote, CR or LF (quotes doubled). With
  /// `neutralize`, a field that a spreadsheet would run as a formula (one beginning with
  /// = + - @, a tab or a CR) gets a leading single quote.
  @inlinable
  package static func appendField<Out: ByteAppending>(_ bytes: UnsafeBufferPointer<UInt8>, neutralize: Bool, to out: inout Out) {
    let formula = neutralize && (bytes.first.map(isFormulaStart) ?? false)
    if !needsQuotes(bytes) {
      if formula { out.append(0x27) }
      out.append(bytes)
      return
    }
    out.append(0x22)
    if formula { out.append(0x27) }
    appendQuotedContent(bytes, to: &out)
    out.append(0x22)
  }

  /// Whether a field holding `bytes` is quoted: it holds a comma, a quote, CR or LF.
  @inlinable
  static func needsQuotes<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
    bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
  }

  /// Appends `bytes` as the inside of a quoted field: each quote doubled, the runs between
  /// quotes at once.
  @inlinable
  static func appendQuotedContent<Out: ByteAppending>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) {
    var start = 0
    for i in bytes.indices where bytes[i] == 0x22 {
      out.append(UnsafeBufferPointer(rebasing: bytes[start...i]))
      out.append(0x22)
      start = i + 1
    }
    out.append(UnsafeBufferPointer(rebasing: bytes[start...]))
  }

  /// Appends `text` as one field.
  @inlinable
  package static func appendField<Out: ByteAppending>(_ text: String, neutralize: Bool, to out: inout Out) {
    var text = text
    text.withUTF8 { appendField($0, neutralize: neutralize, to: &out) }
  }

  /// = + - @ TAB CR: what makes a spreadsheet treat a cell as a formula, as bit b − 1 for each
  /// byte b, so that a test is one shift (a constant: it folds where it is inlined).
  @inlinable
  static var formulaStarts: UInt64 {
    @inline(__always) func bit(_ b: UInt8) -> UInt64 { 1 << UInt64(b - 1) }
    return bit(UInt8(ascii: "=")) | bit(UInt8(ascii: "+")) | bit(UInt8(ascii: "-")) | bit(UInt8(ascii: "@")) | bit(0x09) | bit(0x0D)
  }

  /// Whether a cell beginning with `b` begins like a formula (``formulaStarts``).
  @inlinable
  package static func isFormulaStart(_ b: UInt8) -> Bool {
    let shifted = b &- 1
    return shifted < 64 && formulaStarts &>> UInt64(shifted) & 1 != 0
  }

  /// Appends a whole number in decimal, written as a batch writes its figures
  /// (``ByteBuffer/write(_:at:)``).
  @inlinable
  package static func appendInteger<Out: ByteAppending>(_ value: Int64, to out: inout Out) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ByteBuffer.integerBytes) { digits in
      guard let start = digits.baseAddress else { return }
      out.append(UnsafeBufferPointer(start: start, count: ByteBuffer.write(value, at: start)))
    }
  }
}
