/// Where a CSV reader gets its bytes: a file descriptor in the command line, memory in tests.
public protocol ByteSource {
  /// Fills up to `buffer.count` bytes and returns how many; 0 at the end of input.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int
}

/// Bytes already in memory.
public struct MemoryByteSource: ByteSource {
  private let bytes: [UInt8]
  private var offset = 0
  /// At most this many bytes per read, to exercise chunk boundaries in tests.
  private let chunk: Int

  public init(_ bytes: [UInt8], chunk: Int = 1 << 16) {
    self.bytes = bytes
    self.chunk = max(1, chunk)
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
    let n = min(buffer.count, chunk, bytes.count - offset)
    guard n > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress?.copyMemory(from: source.baseAddress! + offset, byteCount: n)
    }
    offset += n
    return n
  }
}

/// Why input cannot be read as CSV at all.
public enum CSVError: Error, Equatable, Sendable {
  /// A quoted field opened on `line` never closes.
  case unterminatedQuote(line: Int)
  /// One record is larger than ``CSVReader/maximumRecordBytes`` (a runaway quote, or not CSV).
  case recordTooLong(line: Int)
  /// The operating system refused to read: errno.
  case readFailed(code: Int32)
}

/// The text encoding of the input.
public enum InputEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case cp932
}

/// Streams RFC 4180 records from bytes: commas, quotes and line breaks inside quoted fields, CRLF
/// or LF. Fields are handed out as raw bytes in the input's encoding, which the reader detects at
/// the first non-ASCII byte (UTF-8 if what follows is valid UTF-8, else CP932) unless told.
/// CP932's trail bytes never take the values of `,` `"` CR or LF, so the same splitting serves both.
///
/// A record is kept whole in the read buffer (moved to its front when a read is needed), so an
/// unquoted field is just a range of it; only quoted fields are unescaped into side storage.
/// The buffers are reused from record to record: memory stays flat however long the input is.
public struct CSVReader<Source: ByteSource> {
  /// A record larger than this is refused as not CSV.
  public static var maximumRecordBytes: Int { 1 << 20 }

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
  public private(set) var encoding: InputEncoding?
  /// The physical line the current record starts on (1-based).
  public private(set) var line = 0
  /// The physical line the next record will start on.
  package var nextRecordLine: Int { nextLine }
  /// Bytes consumed so far, for progress.
  public private(set) var bytesRead = 0
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

  public init(_ source: Source, encoding: InputEncoding? = nil, bufferSize: Int = 1 << 18) {
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

  /// Reads the next record; false at the end of input.
  public mutating func next() throws(CSVError) -> Bool {
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

/// Per field of the current record: where its bytes start and end.
final class FieldBounds {
  /// Set on a start offset that is in the reader's quoted-field storage rather than the record.
  static let inStorage = 1 << 62

  @exclusivity(unchecked) private(set) var pointer = UnsafeMutablePointer<Int>.allocate(capacity: 128)
  /// Fields the storage holds (two offsets each).
  @exclusivity(unchecked) private(set) var capacity = 64
  /// Set directly only by a reader that wrote the bounds below it.
  @exclusivity(unchecked) var count = 0

  deinit { pointer.deallocate() }

  func removeAll() { count = 0 }

  func isEmpty(_ i: Int) -> Bool { pointer[2 * i] & ~Self.inStorage == pointer[2 * i + 1] }

  /// Doubles the capacity, keeping the first `fields` fields' bounds.
  func grow(keeping fields: Int) {
    let bigger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 4)
    bigger.update(from: pointer, count: min(fields, capacity) * 2)
    pointer.deallocate()
    pointer = bigger
    capacity *= 2
  }

  @inline(__always)
  func append(_ start: Int, _ end: Int) {
    if count == capacity { grow(keeping: count) }
    pointer[2 * count] = start
    pointer[2 * count + 1] = end
    count += 1
  }
}

/// A record's fields, borrowed from the reader inside ``CSVReader/withFields(_:)``.
///
/// At least ``ByteBuffer/slack`` initialized bytes follow every field in memory (the rest of the
/// record, the next one, or the buffers' slack), so that a word may be loaded at any position in
/// a field: see ``NumberText/plainInteger(padded:)``.
package struct CSVFields {
  let record: UnsafePointer<UInt8>
  let storage: UnsafePointer<UInt8>
  /// Start and end of each field, see ``FieldBounds``.
  let bounds: UnsafePointer<Int>
  package let count: Int

  init(record: UnsafeMutablePointer<UInt8>, storage: UnsafeMutablePointer<UInt8>, bounds: FieldBounds) {
    self.record = UnsafePointer(record)
    self.storage = UnsafePointer(storage)
    self.bounds = UnsafePointer(bounds.pointer)
    self.count = bounds.count
  }

  /// The first byte of field `i`; nil when the field is empty.
  @inline(__always)
  package func firstByte(_ i: Int) -> UInt8? {
    let start = bounds[2 * i]
    let end = bounds[2 * i + 1]
    if start & FieldBounds.inStorage != 0 {
      let s = start & ~FieldBounds.inStorage
      return s < end ? storage[s] : nil
    }
    return start < end ? record[start] : nil
  }

  /// The raw bytes of field `i`.
  @inline(__always)
  package subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
    let start = bounds[2 * i]
    let end = bounds[2 * i + 1]
    if start & FieldBounds.inStorage != 0 {
      let s = start & ~FieldBounds.inStorage
      return UnsafeBufferPointer(start: storage + s, count: end - s)
    }
    return UnsafeBufferPointer(start: record + start, count: end - start)
  }
}

/// Word-at-a-time byte tests (SWAR) for the delimiter scan.
enum CSVScan {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// High bits marking the bytes of `word` equal to `byte`. Bits above a true match may be
  /// false positives (borrows), but the lowest set bit is always a true match.
  @inline(__always)
  static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & highs
  }

  /// High bits marking exactly the zero bytes of `x`, with no false positives.
  @inline(__always)
  static func exactZeros(_ x: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low7) &+ low7) | x | low7)
  }

  /// High bits marking exactly the commas of `word`.
  @inline(__always)
  static func commaMask(_ word: UInt64) -> UInt64 {
    exactZeros(word ^ (ones &* 0x2C))
  }

  /// High bits marking exactly the bytes of `word` below 0x23: LF, CR and the quote, with the
  /// space, `!` and control characters, which the caller passes over. No borrow between bytes.
  @inline(__always)
  static func belowQuoteMask(_ word: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    // A byte's high bit after the add is set when its low seven bits are 0x23 or more.
    return ~(((word & low7) &+ (ones &* (0x80 - 0x23))) | word) & highs
  }

  /// Where a record with no quotes ends (see ``plainRecord(_:from:filled:_:)``).
  struct PlainRecord {
    /// The terminator's position: the record is `start..<end`.
    let end: Int
    /// Where the next record starts, past CR, LF or CRLF.
    let next: Int
    /// Whether any byte of the record is above 0x7F.
    let nonASCII: Bool
  }

  /// Scans the record at `start`, eight bytes at a time, when it has no quotes and ends before
  /// `filled`, calling `fieldEnd` with the position of each field's delimiter (a comma, or the
  /// terminator for the last field) in order; `fieldEnd` returns false to give up. Nil for a
  /// quote, a record that runs past `filled`, or when `fieldEnd` gives up.
  ///
  /// A word whose only candidate bytes are commas (most of a record) ends its fields without
  /// looking at a byte; a word with any byte below 0x23 (the line end, a quote, a space or a
  /// control character) goes byte by candidate byte. Spaces, `!` and control characters other
  /// than CR and LF are text.
  @inline(__always)
  static func plainRecord(
    _ bytes: UnsafePointer<UInt8>, from start: Int, filled: Int, _ fieldEnd: (Int) -> Bool
  ) -> PlainRecord? {
    var i = start
    var high: UInt64 = 0
    while i &+ 8 <= filled {
      let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
      let commas = commaMask(word)
      let low = belowQuoteMask(word)
      if low == 0 {
        var mask = commas
        while mask != 0 {
          let at = i &+ (mask.trailingZeroBitCount &>> 3)
          mask &= mask &- 1
          guard fieldEnd(at) else { return nil }
        }
        high |= word
        i &+= 8
        continue
      }
      var mask = commas | low
      while mask != 0 {
        let offset = mask.trailingZeroBitCount &>> 3
        let at = i &+ offset
        let b = bytes[at]
        mask &= mask &- 1
        guard b == 0x2C || b == 0x0A || b == 0x0D else {
          if b == 0x22 { return nil }  // quotes: the general path
          continue  // a space, `!` or a control character: text
        }
        guard fieldEnd(at) else { return nil }
        if b == 0x2C { continue }
        high |= word & CSVScan.bytes(from: 0, to: offset)  // the record's bytes in its last word
        // CR, LF or CRLF ends the record.
        var next = at &+ 1
        if b == 0x0D {
          guard next < filled else { return nil }  // a CR at the buffer's end: the general path
          if bytes[next] == 0x0A { next &+= 1 }
        }
        return PlainRecord(end: at, next: next, nonASCII: high & highs != 0)
      }
      high |= word
      i &+= 8
    }
    return nil
  }

  /// A mask of bytes `from..<to` of a word (little-endian).
  @inline(__always)
  static func bytes(from: Int, to: Int) -> UInt64 {
    guard from < to else { return 0 }
    let upper: UInt64 = to >= 8 ? .max : (1 &<< UInt64(to * 8)) &- 1
    let lower: UInt64 = (1 &<< UInt64(from * 8)) &- 1
    return upper & ~lower
  }

  /// Marks of commas, quotes, CRs and LFs in `word` (little-endian: byte 0 is bit 7).
  @inline(__always)
  static func delimiterMask(_ word: UInt64) -> UInt64 {
    matches(word, 0x2C) | matches(word, 0x22) | matches(word, 0x0A) | matches(word, 0x0D)
  }

  /// The high bits of `word`'s bytes, folded into one byte (non-zero when any byte is ≥ 0x80).
  @inline(__always)
  static func highBits(_ word: UInt64) -> UInt8 {
    word & highs != 0 ? 0x80 : 0
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

/// UTF-8 well-formedness, for detection.
package enum UTF8Validation {
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
      let length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
      guard length > 0 else {
        invalid += 1
        i += 1
        continue
      }
      guard i + length <= bytes.count else { break }
      if isValidPrefix(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])) {
        valid += 1
        i += length
      } else {
        invalid += 1
        i += 1
      }
    }
    return (valid, invalid)
  }

  /// Whether `bytes` is valid UTF-8, allowing one sequence cut off at the end.
  package static func isValidPrefix<C: Collection<UInt8>>(_ bytes: C) -> Bool where C.Index == Int {
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return false
      }
      for k in 1..<length {
        guard i + k < bytes.endIndex else { return true }
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else { return false }
        if k == 1 {
          if b == 0xE0, c < 0xA0 { return false }
          if b == 0xED, c > 0x9F { return false }
          if b == 0xF0, c < 0x90 { return false }
          if b == 0xF4, c > 0x8F { return false }
        }
      }
      i += length
    }
    return true
  }

  /// Whether `bytes` is entirely valid UTF-8 (no sequence cut off at the end).
  package static func isValid<C: Collection<UInt8>>(_ bytes: C) -> Bool where C.Index == Int {
    guard isValidPrefix(bytes) else { return false }
    // A valid prefix may end inside a sequence: check that the last sequence is whole.
    var i = bytes.endIndex
    var continuation = 0
    while i > bytes.startIndex, bytes[i - 1] & 0xC0 == 0x80, continuation < 3 {
      i -= 1
      continuation += 1
    }
    guard i > bytes.startIndex else { return continuation == 0 }
    let lead = bytes[i - 1]
    let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    return length == continuation + 1 || (lead < 0x80 && continuation == 0)
  }
}
