/// The common record priced where the reader holds it: one loop from its bytes to its output,
/// with no field bounds stored in the reader and no record flags copied to the pricer.
///
/// It takes a record only when the row-by-row path would price it from bytes too (see
/// ``MemberListPricer/fastPrice(_:)``) and write it as read: ASCII, no quotes, no more cells than
/// the header, a route already cached that prices in whole yen, plain integers, and no cell that
/// begins like a formula outside the numbers it read. It stops at the first record that is
/// anything else, which the row-by-row path then reads, prices or reports: the output is the
/// same byte for byte (`PlainRecordPricingTests` compares the two on mixed lists).
extension MemberListPricer {
  /// Whether the options and header let records be priced where they are read: CSV written as
  /// UTF-8, and a header of 1–64 columns (a row's numbers are marked in one word).
  var pricesRecordsInPlace: Bool {
    recordsInPlace && options.format == .csv && !options.outputCP932 && width >= 1 && width <= 64
  }

  /// Prices the records of `bytes` from `start`, each wholly before `filled`, until one is not
  /// the common record, one starts at or after `limit`, `maxRows` are written, or the held
  /// output passes `holdLimit`. Returns where it stopped (a record start) and the records taken.
  mutating func pricePlainRecords(
    _ bytes: UnsafePointer<UInt8>, from start: Int, filled: Int, limit: Int, maxRows: Int, holdLimit: Int
  ) -> (next: Int, records: Int) {
    guard pricesRecordsInPlace else { return (start, 0) }
    // Field i of the record runs from ends[i] + 1 to ends[i + 1]: ends[0] is the byte before
    // the record, then each delimiter.
    let ends = fieldEnds.pointer
    let width = self.width
    let numericColumns = self.numericColumns
    let keyColumns = routes.keyColumns
    let excel = options.excel
    var position = start
    var records = 0
    while position < limit, records < maxRows, out.count <= holdLimit {
      let (scanned, fields) = Self.scan(bytes, from: position, filled: filled, width: width, into: ends)
      // A blank line is counted, not priced.
      guard let record = scanned, !record.nonASCII, record.end > position || fields > 1 else { break }

      // The route, cached by the row-by-row path.
      let cell = { (i: Int) in Self.cell(i, bytes, ends, fields) }
      let keyCells = (cell(keyColumns.program), cell(keyColumns.facility), cell(keyColumns.plan), cell(keyColumns.option))
      let packed = { PackedKey(keyCells.0, keyCells.1, keyCells.2, keyCells.3) }
      let found = ShortKey(keyCells.0, keyCells.1, keyCells.2, keyCells.3).map { routes.lookup($0, packed: packed) } ?? packed().flatMap { routes.lookup($0) }
      guard let index = found, let route = routes.entries[index].whole else { break }

      // The numbers: a cell that is there and not a plain integer goes row by row.
      var plain = true
      var integers: UInt64 = 0
      let generalBeds = Self.integer(generalBedsColumn, cell, &plain, &integers)
      let otherBeds = Self.integer(otherBedsColumn, cell, &plain, &integers)
      let capacity = Self.integer(capacityColumn, cell, &plain, &integers)
      let security = Self.integer(securityColumn, cell, &plain, &integers)
      let facilities = Self.integer(facilitiesColumn, cell, &plain, &integers)
      guard plain else { break }

      // Written as read only when no other cell begins like a formula.
      let numbers = integers & numericColumns
      var formula = false
      for i in 0..<fields where numbers & (1 &<< UInt64(i)) == 0 {
        formula = formula || Self.beginsLikeFormula(bytes[ends[i] &+ 1])
      }
      guard !formula,
        let amount = route.price(generalBeds: generalBeds, otherBeds: otherBeds, capacity: capacity, securityPercent: security, facilities: facilities)
      else { break }

      // The record as read, a comma for each missing cell and one after the last, the result.
      let length = record.end &- position
      let commas = width &- fields &+ 1
      let from = bytes + position
      out.append(upTo: length &+ max(commas, 8) &+ Self.amountBytes) { target in
        ByteBuffer.copy(from: from, to: target, count: length)
        var p = target + length
        if commas <= 8 {  // one word of commas, the bytes past them overwritten next
          UnsafeMutableRawPointer(p).storeBytes(of: CSVScan.ones &* 0x2C, as: UInt64.self)
        } else {
          p.update(repeating: 0x2C, count: commas)
        }
        p += commas
        p += Self.writeAmount(amount, excel: excel, at: p)
        return p - target
      }
      tally.priced &+= 1
      tally.total.add(amount.premium)
      position = record.next
      records &+= 1
    }
    return (position, records)
  }

  /// Scans the record at `start` (see ``CSVScan/plainRecord(_:from:filled:_:)``) into `ends`:
  /// `ends[0]` is the byte before it, then each cell's delimiter. The record and its number of
  /// cells; nil past `width` cells.
  /// Not inlined: a function of its own keeps the scan's words in registers.
  @inline(never)
  static func scan(
    _ bytes: UnsafePointer<UInt8>, from start: Int, filled: Int, width: Int, into ends: UnsafeMutablePointer<Int>
  ) -> (record: CSVScan.PlainRecord?, fields: Int) {
    ends[0] = start &- 1
    var count = 0
    let record = CSVScan.plainRecord(bytes, from: start, filled: filled) { at in
      guard count < width else { return false }  // more cells than the header: an error
      count &+= 1
      ends[count] = at
      return true
    }
    return (record, count)
  }

  /// Whether a cell of a plain record beginning with `first` begins like a formula (see
  /// ``CSVWriter/isFormulaStart(_:)``): `first` is the cell's delimiter when it is empty, and
  /// a CR there always ends the record, so it never counts. One bit test: bit b − 1 of the
  /// mask for each of TAB, `+`, `-`, `=` and `@`.
  @inline(__always)
  static func beginsLikeFormula(_ first: UInt8) -> Bool {
    let shifted = first &- 1
    let starts: UInt64 = 1 << (0x09 - 1) | 1 << (0x2B - 1) | 1 << (0x2D - 1) | 1 << (0x3D - 1) | 1 << (0x40 - 1)
    return shifted < 64 && starts &>> UInt64(shifted) & 1 != 0
  }

  /// Cell `i` (−1: absent) of a record of `fields` cells bounded by `ends`; nil when absent.
  @inline(__always)
  static func cell(_ i: Int, _ bytes: UnsafePointer<UInt8>, _ ends: UnsafeMutablePointer<Int>, _ fields: Int) -> UnsafeBufferPointer<UInt8>? {
    guard i >= 0, i < fields else { return nil }
    let from = ends[i] &+ 1
    return UnsafeBufferPointer(start: bytes + from, count: ends[i &+ 1] &- from)
  }

  /// The plain integer in column `i` (`cell` gives its bytes, nil when absent), marked in
  /// `integers`; nil when the cell is empty or absent. A cell that is not a plain integer
  /// clears `plain`: the row then takes the decoded path. Both paths read numbers with it.
  @inline(__always)
  static func integer(
    _ i: Int, _ cell: (Int) -> UnsafeBufferPointer<UInt8>?, _ plain: inout Bool, _ integers: inout UInt64
  ) -> Int? {
    guard let cell = cell(i), cell.count > 0 else { return nil }
    let value = NumberText.plainInteger(padded: cell)
    if value == nil { plain = false }
    integers |= i < 64 ? 1 &<< UInt64(i) : 0
    return value
  }
}

/// Where a record's fields end, for ``MemberListPricer/pricePlainRecords(_:from:filled:limit:maxRows:holdLimit:)``:
/// room for 65, the most it takes (64 cells and the byte before the first).
final class FieldEnds {
  let pointer = UnsafeMutablePointer<Int>.allocate(capacity: 66)
  deinit { pointer.deallocate() }
}
