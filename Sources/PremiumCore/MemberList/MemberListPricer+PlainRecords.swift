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
  /// UTF-8, and a header of 1–64 columns (the columns ``PlainCells`` has roles for).
  var pricesRecordsInPlace: Bool {
    recordsInPlace && !splitOtherBeds && options.format == .csv && !options.outputCP932 && width >= 1 && width <= 64
  }

  /// Prices the records of `bytes` from `start`, each wholly before `filled`, until one is not
  /// the common record, one starts at or after `limit`, `maxRows` are written, or the held
  /// output passes `holdLimit`. Returns where it stopped (a record start) and the records taken.
  mutating func pricePlainRecords(
    _ bytes: UnsafePointer<UInt8>, from start: Int, filled: Int, limit: Int, maxRows: Int, holdLimit: Int, firstLine: Int
  ) -> (next: Int, records: Int) {
    guard pricesRecordsInPlace else { return (start, 0) }
    // The slots, not the object: a closure holding an object would retain it every row.
    let cells = plainCells.slots
    let width = self.width
    let excel = options.excel
    var position = start
    var records = 0
    while position < limit, records < maxRows, out.count <= holdLimit {
      // The cells' parts done in the scan: a blank line is counted, not priced.
      let (scanned, fields) = Self.scan(bytes, from: position, filled: filled, cells: cells)
      guard let record = scanned, !record.nonASCII, record.end > position || fields > 1 else { break }

      // The route, cached by the row-by-row path.
      let key = { (j: Int) in UnsafeBufferPointer(start: bytes + cells.keyStart(j), count: cells.keyCount(j)) }
      let packed = { PackedKey(key(0), key(1), key(2), key(3)) }
      let found = ShortKey(key(0), key(1), key(2), key(3)).map { routes.lookup($0, packed: packed) } ?? packed().flatMap { routes.lookup($0) }
      guard let index = found, let route = routes.entries[index].whole else { break }

      let present = cells.present
      let number = { (n: Int) in present & (1 &<< n) != 0 ? cells.number(n) : nil }
      guard let amount = route.price(generalBeds: number(0), otherBeds: number(1), capacity: number(2), securityPercent: number(3), facilities: number(4))
      else { break }

      // The record as read, a comma for each missing cell and one after the last, the result.
      let length = record.end &- position
      let commas = width &- fields &+ 1
      let from = bytes + position
      let field = warningsField(amount, route: index, line: firstLine &+ records)
      if !field.isEmpty { tally.warnedRows &+= 1 }
      field.withUnsafeBufferPointer { warnings in
        out.append(upTo: length &+ max(commas, 8) &+ Self.amountBytes &+ warnings.count) { target in
          ByteBuffer.copy(from: from, to: target, count: length)
          var p = target + length
          ByteBuffer.writeCommas(commas, at: p)
          p += commas
          p += Self.writeAmount(amount, warnings: warnings, excel: excel, at: p)
          return p - target
        }
      }
      tally.priced &+= 1
      tally.total.add(amount.premium)
      position = record.next
      records &+= 1
    }
    return (position, records)
  }

  /// Scans the record at `start` (see ``CSVScan/plainRecord(_:from:filled:_:)``), doing each
  /// cell's part as its end is found, by its column's role (see ``PlainCells``): key cells'
  /// bounds and numbers go into `cells`. The record and its number of cells; nil past the
  /// header's cells, at a number that is not a plain integer, or at a cell that begins like a
  /// formula and is not one of those numbers (such a record is not written as read).
  /// Not inlined: a function of its own keeps the scan's words in registers.
  @inline(never)
  static func scan(
    _ bytes: UnsafePointer<UInt8>, from start: Int, filled: Int, cells: PlainCells.Slots
  ) -> (record: CSVScan.PlainRecord?, fields: Int) {
    cells.clear()
    var count = 0
    var cellStart = start
    let record = CSVScan.plainRecord(bytes, from: start, filled: filled) { at in
      let role = cells.role(count)
      let from = cellStart
      count &+= 1
      cellStart = at &+ 1
      if role >= PlainCells.firstNumber {
        guard role < PlainCells.beyondHeader else { return false }  // more cells than the header: an error
        guard at > from else { return true }  // empty: no number
        guard let value = NumberText.plainInteger(padded: UnsafeBufferPointer(start: bytes + from, count: at &- from)) else { return false }
        cells.setNumber(role &- PlainCells.firstNumber, value)
        return true
      }
      // An empty cell's first byte is its delimiter, which never begins a formula.
      guard !beginsLikeFormula(bytes[from]) else { return false }
      if role >= PlainCells.firstKey { cells.setKey(role &- PlainCells.firstKey, start: from, count: at &- from) }
      return true
    }
    return (record, count)
  }

  /// Whether a cell of a plain record beginning with `first` begins like a formula
  /// (``CSVWriter/isFormulaStart(_:)``): `first` is the cell's delimiter when it is empty, and
  /// a CR there always ends the record, so it never counts.
  @inline(__always)
  static func beginsLikeFormula(_ first: UInt8) -> Bool {
    first != 0x0D && CSVWriter.isFormulaStart(first)
  }
}

/// What ``MemberListPricer/pricePlainRecords(_:from:filled:limit:maxRows:holdLimit:firstLine:)`` does
/// with each cell of a record as the scan finds it, by column (its role), and where it puts what
/// it reads: one allocation, so that the scan holds one pointer.
final class PlainCells {
  /// Roles: text checked for a formula start, a key cell (program, facility, plan, option:
  /// ``firstKey`` + 0…3) also checked, a number (general beds, other beds, capacity, security,
  /// facilities: ``firstNumber`` + 0…4) read, or a cell past the header's (an error).
  static let text = 0, firstKey = 1, firstNumber = 5, beyondHeader = 10

  /// The storage, by byte offset: each key cell's start and length (0: empty or absent), each
  /// number, a bit per number read, then the roles of the 64 columns and of one past them.
  struct Slots {
    fileprivate let base: UnsafeMutableRawPointer
    static let keys = 0, numbers = 64, present = 104, roles = 112, size = 112 + 65

    @inline(__always) func role(_ column: Int) -> Int { Int(base.load(fromByteOffset: Self.roles &+ column, as: UInt8.self)) }
    @inline(__always) func keyStart(_ j: Int) -> Int { base.load(fromByteOffset: Self.keys &+ 16 &* j, as: Int.self) }
    @inline(__always) func keyCount(_ j: Int) -> Int { base.load(fromByteOffset: Self.keys &+ 16 &* j &+ 8, as: Int.self) }
    @inline(__always) func number(_ n: Int) -> Int { base.load(fromByteOffset: Self.numbers &+ 8 &* n, as: Int.self) }
    /// Bit n: number n was read.
    @inline(__always) var present: Int { base.load(fromByteOffset: Self.present, as: Int.self) }

    @inline(__always) func setKey(_ j: Int, start: Int, count: Int) {
      base.storeBytes(of: start, toByteOffset: Self.keys &+ 16 &* j, as: Int.self)
      base.storeBytes(of: count, toByteOffset: Self.keys &+ 16 &* j &+ 8, as: Int.self)
    }

    @inline(__always) func setNumber(_ n: Int, _ value: Int) {
      base.storeBytes(of: value, toByteOffset: Self.numbers &+ 8 &* n, as: Int.self)
      base.storeBytes(of: present | 1 &<< n, toByteOffset: Self.present, as: Int.self)
    }

    /// No key cells and no numbers: what a record's absent cells give.
    @inline(__always) func clear() {
      for j in 0..<4 { base.storeBytes(of: 0, toByteOffset: Self.keys &+ 16 &* j &+ 8, as: Int.self) }
      base.storeBytes(of: 0, toByteOffset: Self.present, as: Int.self)
    }
  }

  let slots = Slots(base: UnsafeMutableRawPointer.allocate(byteCount: Slots.size, alignment: 8))

  init() { slots.base.initializeMemory(as: UInt8.self, repeating: 0, count: Slots.size) }
  deinit { slots.base.deallocate() }

  /// Sets the roles of a header of `width` columns (at most 64) from its key and number
  /// columns in role order (−1: absent); every other column is text.
  func assign(width: Int, keys keyColumns: [Int], numbers numberColumns: [Int]) {
    let roles = slots.base + Slots.roles
    for column in 0...64 { roles.storeBytes(of: UInt8(column < width ? Self.text : Self.beyondHeader), toByteOffset: column, as: UInt8.self) }
    for (j, column) in keyColumns.enumerated() where column >= 0 && column < 64 {
      roles.storeBytes(of: UInt8(Self.firstKey + j), toByteOffset: column, as: UInt8.self)
    }
    for (n, column) in numberColumns.enumerated() where column >= 0 && column < 64 {
      roles.storeBytes(of: UInt8(Self.firstNumber + n), toByteOffset: column, as: UInt8.self)
    }
  }
}
