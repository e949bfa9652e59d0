/// Writes CSV fields as UTF-8 bytes.
public enum CSVWriter {
  /// Appends one field: quoted when it holds a comma, a quote, CR or LF (quotes doubled). With
  /// `neutralize`, a field that a spreadsheet would run as a formula (one beginning with
  /// = + - @, a tab or a CR) gets a leading single quote.
  @inlinable
  public static func appendField<C: Collection>(_ bytes: C, neutralize: Bool, to out: inout [UInt8]) where C.Element == UInt8 {
    var needsQuotes = false
    for b in bytes where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A {
      needsQuotes = true
      break
    }
    let formula = neutralize && (bytes.first.map(isFormulaStart) ?? false)
    if !needsQuotes {
      if formula { out.append(0x27) }
      out.append(contentsOf: bytes)
      return
    }
    out.append(0x22)
    if formula { out.append(0x27) }
    for b in bytes {
      out.append(b)
      if b == 0x22 { out.append(0x22) }
    }
    out.append(0x22)
  }

  /// Appends `text` as one field.
  @inlinable
  public static func appendField(_ text: String, neutralize: Bool, to out: inout [UInt8]) {
    appendField(text.utf8, neutralize: neutralize, to: &out)
  }

  /// = + - @ TAB CR: what makes a spreadsheet treat a cell as a formula.
  @inlinable
  public static func isFormulaStart(_ b: UInt8) -> Bool {
    b == 0x3D || b == 0x2B || b == 0x2D || b == 0x40 || b == 0x09 || b == 0x0D
  }

  /// Appends a whole number in decimal.
  @inlinable
  public static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
    if value < 0 { out.append(0x2D) }
    var magnitude = value.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { d in
      repeat {
        d[count] = UInt8(0x30 + magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for i in stride(from: count - 1, through: 0, by: -1) { out.append(d[i]) }
    }
  }
}
