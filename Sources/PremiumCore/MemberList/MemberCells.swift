/// The cells of one member-list row as text: what member-list pricing reads and
/// writes back.
package enum MemberCells {
  /// A cell's text in the input's encoding, and whether its bytes were valid.
  package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, encoding: InputEncoding?) -> (text: String, valid: Bool) {
    switch encoding {
    case .cp932: return CP932.decodeValidating(bytes)
    case .utf8, nil:
      // ASCII, the usual id or code, needs no validating decoder.
      if bytes.allSatisfy({ $0 < 0x80 }) { return (String(decoding: bytes, as: UTF8.self), true) }
      if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
      return (String(decoding: bytes, as: UTF8.self), false)
    }
  }

  /// The row's cells, padded to the header's width, and why the row cannot be priced as read:
  /// cells beyond the header, or bytes that are not text in the input's encoding.
  package static func read(_ fields: CSVFields, columns: MemberColumns, encoding: InputEncoding?) -> (cells: [String], problem: MemberRowError?) {
    let width = columns.header.count
    var cells: [String] = []
    cells.reserveCapacity(width)
    var invalidColumn: String?
    for i in 0..<min(width, fields.count) {
      let (text, valid) = decode(fields[i], encoding: encoding)
      if !valid, invalidColumn == nil { invalidColumn = columns.header[i] }
      cells.append(text)
    }
    while cells.count < width { cells.append("") }
    if fields.count > width {
      // A few cells, each cut short, name the row's problem; a million would bury it.
      let quoted = (width..<min(fields.count, width + 3)).map { i -> String in
        let text = decode(fields[i], encoding: encoding).text
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
      }
      return (cells, .extraCells(quoted, count: fields.count - width))
    }
    return (cells, invalidColumn.map { .invalidText(column: $0) })
  }

  /// Whether a cell of ``CSVFields`` (raw bytes in `encoding`) is a number: a plain integer
  /// read straight from the bytes, else what ``isNumber(_:)`` says of its text.
  static func isNumber(_ cell: UnsafeBufferPointer<UInt8>, encoding: InputEncoding?) -> Bool {
    NumberText.plainInteger(padded: cell) != nil || isNumber(decode(cell, encoding: encoding).text)
  }

  /// A numeric column's own numbers (−10, ▲10) are data, not formulas.
  package static func isNumber(_ cell: String) -> Bool {
    if case .number = NumberText.parse(cell) { return true }
    return false
  }

  /// The first cell CP932 cannot hold, as a row error naming its column and character.
  package static func firstUnencodable(_ cells: [String], header: [String]) -> MemberRowError? {
    for (i, cell) in cells.enumerated() where cell.utf8.contains(where: { $0 >= 0x80 }) {
      if let character = CP932.encode(cell).unencodable {
        return .notInOutputEncoding(column: i < header.count ? header[i] : "\(i + 1)", character: String(character))
      }
    }
    return nil
  }
}
