/// The characters PDF text extraction produces in place of ordinary ones, mapped back before a
/// brochure's words are matched: full-width ASCII (`１２０`, `（`), the ideographic space, CJK
/// compatibility ideographs and Kangxi radicals (`⽅` for `方`), as NFKC maps them; and the
/// dashes a table prints in an empty cell (`－`, `―`, `−`) to `-`.
///
/// Circled numbers (`①`) and other symbols the brochures use as markers are left alone.
package enum CompatibilityCharacters {
  package static func normalized<S: StringProtocol>(_ text: S) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { out.append(normalized(scalar)) }
    return String(out)
  }

  package static func normalized(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let value = scalar.value
    switch value {
    case 0x00..<0x2010: return scalar
    case 0xFF01...0xFF5E: return Unicode.Scalar(value - 0xFEE0) ?? scalar
    case 0x3000: return " "
    case 0x2010...0x2015, 0x2212: return "-"
    case 0x2E80...0x2FDF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
      return ideograph(for: value).flatMap(Unicode.Scalar.init) ?? scalar
    default: return scalar
    }
  }

  /// Binary search of the generated (from, to) pairs.
  private static func ideograph(for value: UInt32) -> UInt32? {
    let table = compatibilityIdeographs
    var low = 0
    var high = table.count / 2
    while low < high {
      let mid = (low + high) / 2
      let key = table[2 * mid]
      if key == value { return table[2 * mid + 1] }
      if key < value { low = mid + 1 } else { high = mid }
    }
    return nil
  }
}
