/// Streams RFC 4180 records from bytes: commas, quotes and line breaks inside quoted fields, CRLF
/// or LF. Fields are handed out as raw bytes in the input's encoding, which the reader detects at
/// the first non-ASCII byte (UTF-8 if what follows is valid UTF-8, else CP932) unless told.
/// CP932's trail bytes never take the values of `,` `"` CR or LF, so the same splitting serves both.
///
/// A record is kept whole in the read buffer (moved to its front when a read is needed), so an
/// unquoted field is just a range of it; only quoted fields are unescaped into side storage.
/// The buffers are reused from record to record: memory stays flat however long the input is.
package struct CSVReader<Source: ByteSource> {
  /// A record larger than this is refused as not CSV.
  package static var maximumRecordBytes: Int { 1 << 20 }

  private var source: Source
  private let buffer: ReadBuffer
  private var position = 0
  private var filled = 0
  private var atEnd = false
  private var nextLine = 1
  /// Where the current record starts in the buffer, and where its terminator starts.
  private var recordStart = 0
  private var recordEnd = 0

  /// The detected (or forced) encoding; nil while every byte so far has been ASCII.
  package private(set) var encoding: InputEncoding?
  /// The physical line the current record starts on (1-based).
  package private(set) var line = 0
  /// The physical line the next record will start on.
  package var nextRecordLine: Int { nextLine }
  /// Bytes consumed so far, for progress.
  package private(set) var bytesRead = 0
  /// Whether the current record holds any byte above 0x7F: when not, its fields are ASCII and
  /// need neither validation nor transcoding.
  package private(set) var recordHasNonASCII = false
  /// Whether the current record used quotes anywhere: when not, no field holds a comma, quote,
  /// CR or LF, and the record's raw bytes are its fields joined by commas.
  package private(set) var recordHadQuotes = false
  /// Bit i set: field i may begin with = + - @ TAB or CR (a formula in a spreadsheet). Exact for
  /// plain records; all bits set when the reader did not look (every field must be checked).
  package private(set) var formulaStarts: UInt64 = .max

  /// Unescaped quoted fields.
  private let storage = ByteBuffer(capacity: 1 << 12)
  /// Per field: start and end, in the record (offsets from `recordStart`) or, when the start has
  /// ``FieldBounds/inStorage`` set, in `storage`.
  private let bounds = FieldBounds()

  package init(_ source: Source, encoding: InputEncoding? = nil, bufferSize: Int = 1 << 18) {
    self.source = source
    self.encoding = encoding
    self.buffer = ReadBuffer(capacity: max(16, bufferSize))
  }

  /// The number of fields in the current record.
  package var fieldCount: Int { bounds.count }

  /// A copy of the raw bytes of field `i` of the current record, unquoted.
  package func field(_ i: Int) -> [UInt8] {
    withFields { Array($0[i]) }
  }

  /// Calls `body` with the current record's fields, without copying or reference counting.
  /// The view is valid only inside `body`.
  package func withFields<T>(_ body: (CSVFields) throws -> T) rethrows -> T {
    try body(CSVFields(record: buffer.pointer + recordStart, storage: storage.pointer, bounds: bounds))
  }

  /// The current record's bytes as read, without its line terminator; valid until ``next()``.
  /// When ``recordHadQuotes`` is false, this is the fields joined by commas.
  package var rawRecord: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: buffer.pointer + recordStart, count: recordEnd - recordStart)
  }

  /// True when the record is a blank line: one empty field, unquoted. A line of `""` is a row
  /// with one empty cell, kept (and reported) like any other row.
  package var isBlankLine: Bool { bounds.count == 1 && bounds.isEmpty(0) && !recordHadQuotes }

  /// True when the record is only separators (`,,,,,`), as Excel writes under a list: no cell
  /// holds anything and none was quoted. Not a row.
  package var isSeparatorsOnly: Bool {
    bounds.count > 1 && !recordHadQuotes && (0..<bounds.count).allSatisfy { bounds.isEmpty($0) }
  }

  /// Reads the next record; false at the end of input.
  package mutating func next() throws(CSVError) -> Bool {
    storage.removeAll()
    bounds.removeAll()
    recordHasNonASCII = false
    recordHadQuotes = false
    formulaStarts = .max
    guard try ensureBytes() else { return false }
    if bytesRead == 0 { try skipByteOrderMark() }
    line = nextLine
    recordStart = position
    if plainRecord() { return true }
    var high: UInt8 = 0
    defer { if high >= 0x80 { recordHasNonASCII = true } }
    while true {
      // At the start of a field.
      guard try ensureBytes() else {
        // End of input right after a comma: one last empty field.
        bounds.append(position - recordStart, position - recordStart)
        recordEnd = position
        return true
      }
      if buffer.pointer[position] == 0x22 {
        recordHadQuotes = true
        try quotedField(high: &high)
      } else {
        try unquotedField(high: &high)
      }
      // At the delimiter after a field, or the end of input.
      guard try ensureBytes() else {
        recordEnd = position
        return true
      }
      let b = buffer.pointer[position]
      if b == 0x2C {
        consume(position + 1)
        continue
      }
      recordEnd = position
      consume(position + 1)
      if b == 0x0D, try ensureBytes(), buffer.pointer[position] == 0x0A { consume(position + 1) }
      nextLine += 1
      return true
    }
  }

  /// Lets `body` take whole records straight from the read buffer, for a caller that handles
  /// the common record itself (see ``MemberListPricer``): `body` gets the buffer, where the next
  /// record starts in it, and where the buffered bytes end (past them, initialized bytes of no
  /// meaning), and returns where it stopped, at a record start, and how many records (each one
  /// line) it took. Those records are then consumed; the reader has no current record until
  /// ``next()``. Not before the first record (which may start with a byte-order mark).
  mutating func takeRecords(_ body: (_ bytes: UnsafePointer<UInt8>, _ start: Int, _ filled: Int) -> (next: Int, records: Int)) {
    guard bytesRead > 0, position < filled else { return }
    let (next, records) = body(UnsafePointer(buffer.pointer), position, filled)
    guard records > 0 else { return }
    storage.removeAll()
    bounds.removeAll()
    (recordHasNonASCII, recordHadQuotes, formulaStarts) = (false, false, .max)
    consume(next)
    (recordStart, recordEnd) = (position, position)
    nextLine += records
    line = nextLine - 1
  }

  /// The common record, in one pass: no quotes, and wholly in the buffer up to its line end
  /// (see ``CSVScan/plainRecord(_:from:filled:_:)``). Returns false, having consumed nothing,
  /// for anything else.
  private mutating func plainRecord() -> Bool {
    let bytes = buffer.pointer
    let start = position
    var fieldStart = position
    var formulas: UInt64 = 0
    // The field bounds in locals (the record starts with none), stored back once at the end.
    var fields = 0
    var boundsCapacity = bounds.capacity
    var boundsPointer = bounds.pointer
    let scanned = CSVScan.plainRecord(bytes, from: start, filled: filled) { at in
      if fields == boundsCapacity {
        bounds.grow(keeping: fields)
        (boundsCapacity, boundsPointer) = (bounds.capacity, bounds.pointer)
      }
      let formula = fieldStart < at && CSVWriter.isFormulaStart(bytes[fieldStart])
      formulas |= formula ? (fields < 64 ? 1 &<< UInt64(fields) : .max) : 0
      boundsPointer[2 &* fields] = fieldStart &- start
      boundsPointer[2 &* fields &+ 1] = at &- start
      fields &+= 1
      fieldStart = at &+ 1
      return true
    }
    guard let record = scanned else { return false }
    bounds.count = fields
    recordEnd = record.end
    formulaStarts = formulas
    if record.nonASCII {
      recordHasNonASCII = true
      if encoding == nil { detectEncoding(from: start, to: record.end) }
    }
    consume(record.next)
    nextLine += 1
    return true
  }

  /// Scans an unquoted field up to the next comma, CR or LF. A quote inside it is text.
  private mutating func unquotedField(high: inout UInt8) throws(CSVError) {
    let start = position - recordStart
    while true {
      var i = position
      let bytes = buffer.pointer
      var found = false
      // Eight bytes at a time; the lowest delimiter bit of a word gives the delimiter's position.
      while i + 8 <= filled {
        let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
        let mask = CSVScan.delimiterMask(word)
        if mask != 0 {
          let offset = mask.trailingZeroBitCount >> 3
          let before = offset == 0 ? 0 : word & (UInt64.max >> (64 - offset * 8))
          high |= CSVScan.highBits(before)
          i += offset
          if bytes[i] == 0x22 {  // a quote mid-field is text
            recordHadQuotes = true
            i += 1
            continue
          }
          found = true
          break
        }
        high |= CSVScan.highBits(word)
        i += 8
      }
      while !found, i < filled {
        let b = bytes[i]
        if b == 0x2C || b == 0x0A || b == 0x0D {
          found = true
          break
        }
        if b == 0x22 { recordHadQuotes = true }
        high |= b
        i += 1
      }
      if encoding == nil, high >= 0x80 { detectEncoding(from: position, to: i) }
      consume(i)
      let more = found ? false : try moreInput()
      if found || !more {
        bounds.append(start, position - recordStart)
        return
      }
    }
  }

  /// Reads a quoted field into storage, unescaping "" to ". Anything between the closing quote
  /// and the next delimiter is kept as text.
  private mutating func quotedField(high: inout UInt8) throws(CSVError) {
    let quoteLine = nextLine
    do {
      try quotedFieldBody(quoteLine: quoteLine, high: &high)
    } catch .recordTooLong {
      // A quote that never closes swallows the rest of the file: name the quote, not the length.
      throw .unterminatedQuote(line: quoteLine)
    }
  }

  private mutating func quotedFieldBody(quoteLine: Int, high: inout UInt8) throws(CSVError) {
    consume(position + 1)  // the opening quote
    let start = storage.count
    var inQuotes = true
    while true {
      guard try ensureBytes() else {
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        break
      }
      let bytes = buffer.pointer
      var i = position
      if inQuotes {
        while i < filled, bytes[i] != 0x22, bytes[i] != 0x0A {
          high |= bytes[i]
          i += 1
        }
        try take(position, i)
        guard i < filled else { continue }
        if bytes[i] == 0x0A {
          nextLine += 1
          try take(i, i + 1)
          continue
        }
        consume(i + 1)  // the quote
        if try ensureBytes(), buffer.pointer[position] == 0x22 {
          storage.append(0x22)  // "" inside quotes is one "
          consume(position + 1)
        } else {
          inQuotes = false
        }
      } else {
        while i < filled, bytes[i] != 0x2C, bytes[i] != 0x0A, bytes[i] != 0x0D {
          high |= bytes[i]
          i += 1
        }
        try take(position, i)
        if i < filled { break }
      }
    }
    if encoding == nil, high >= 0x80 { detectEncoding(from: recordStart, to: position) }
    bounds.append(start | FieldBounds.inStorage, storage.count)
  }

  // MARK: - Buffering

  @inline(__always)
  private mutating func consume(_ newPosition: Int) {
    bytesRead += newPosition - position
    position = newPosition
  }

  /// Appends buffer[from..<to] to storage (quoted text).
  private mutating func take(_ from: Int, _ to: Int) throws(CSVError) {
    guard from < to else { return }
    storage.append(UnsafeBufferPointer(start: buffer.pointer + from, count: to - from))
    consume(to)
    if storage.count > Self.maximumRecordBytes { throw .recordTooLong(line: line) }
  }

  /// Makes sure at least one unread byte is buffered; false at the end of input.
  @inline(__always)
  private mutating func ensureBytes() throws(CSVError) -> Bool {
    if position < filled { return true }
    return try moreInput()
  }

  /// Reads more input, keeping the current record whole at the front of the buffer; false at
  /// the end of input.
  private mutating func moreInput() throws(CSVError) -> Bool {
    if atEnd { return false }
    let kept = filled - recordStart
    if kept >= Self.maximumRecordBytes { throw .recordTooLong(line: line) }
    if kept > 0, recordStart > 0 { buffer.pointer.update(from: buffer.pointer + recordStart, count: kept) }
    // Every offset into the buffer moves with the record: the end of a record already read
    // (reading on for the LF after its CR) as well as the position.
    position -= recordStart
    recordEnd = max(recordEnd - recordStart, 0)
    recordStart = 0
    filled = kept
    if filled == buffer.capacity { buffer.grow() }
    let n = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer.pointer + filled, count: buffer.capacity - filled))
    if n == 0 {
      atEnd = true
      return false
    }
    filled += n
    return true
  }

  private mutating func skipByteOrderMark() throws(CSVError) {
    recordStart = position
    while filled - position < 3, try moreInput() {}
    let p = buffer.pointer
    if filled - position >= 3, p[position] == 0xEF, p[position + 1] == 0xBB, p[position + 2] == 0xBF {
      consume(position + 3)  // a UTF-8 byte-order mark: dropped
      if encoding == nil { encoding = .utf8 }
    }
  }

  /// At the first non-ASCII byte: the encoding the buffered bytes from there on read best in.
  private mutating func detectEncoding(from: Int, to: Int) {
    var first = from
    while first < to, buffer.pointer[first] < 0x80 { first += 1 }
    guard first < to else { return }
    encoding = InputEncoding.guess(UnsafeBufferPointer(start: buffer.pointer + first, count: filled - first))
  }
}

/// The reader's input buffer; it grows only for a record longer than itself. Like a
/// ``ByteBuffer``, it is initialized throughout and has ``ByteBuffer/slack`` bytes past its
/// capacity, so that a word loaded at any field's start stays in initialized memory.
private final class ReadBuffer {
  @exclusivity(unchecked) private(set) var pointer: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private(set) var capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    pointer = ByteBuffer.allocate(capacity)
  }

  deinit { pointer.deallocate() }

  func grow() {
    let bigger = ByteBuffer.allocate(capacity * 2)
    bigger.update(from: pointer, count: capacity)
    pointer.deallocate()
    pointer = bigger
    capacity *= 2
  }
}
