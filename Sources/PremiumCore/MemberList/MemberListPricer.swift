/// Prices a member list as it streams: every row of the input gives one row of output, in order,
/// with every input cell kept and the result added (CSV), or one JSON object (JSON lines).
///
/// A row that cannot be priced gets an empty premium and an error naming the column and value;
/// it never stops the list. Only input that is not CSV at all (or has no usable header) throws.
/// Memory stays flat: rows are read into a reused buffer, output is handed out in pieces of
/// about 64 KiB, and every cache is bounded.
///
/// ```swift
/// var pricer = MemberListPricer(catalog: .builtIn, options: .init(format: .csv))
/// var reader = CSVReader(MemoryByteSource(Array(csv.utf8)))
/// try pricer.readHeader(from: &reader)
/// var output: [UInt8] = []
/// _ = try pricer.priceRows(from: &reader) { output.append(contentsOf: $0) }
/// print(pricer.tally.priced, pricer.tally.total.amount ?? 0)
/// ```
///
/// The output buffer is held by reference, so copies of a pricer share it: make a second pricer
/// with ``forAnotherPart()``, not by copying.
///
/// ``price(_:catalog:options:)`` does the same for a list already in memory. To price parts of
/// one large file at once (one pricer per thread), see ``priceRows(from:maxRows:boundaries:base:holdLimit:)``
/// and ``forAnotherPart()``.
public struct MemberListPricer {
  /// How the list is priced and written.
  public struct Options: Sendable {
    public enum Format: Sendable {
      /// The input's columns, then `premium,installments,installment_premium,basis,error,warnings`.
      case csv
      /// One JSON object per row: `line`, `input` (the cells by column name), the quote's keys
      /// (see ``QuoteJSON``), `rate_source` and `error`. Always UTF-8.
      case jsonLines
    }

    public var format: Format
    /// What the command line gives for every row: a program for rows without one, a group
    /// discount or installments to re-price at (an estimate).
    public var defaults: QuoteRequest.Defaults
    /// The language of row error messages.
    public var language: Language
    /// CSV as Excel on Windows reads it: CRLF line ends, and a UTF-8 byte-order mark (none with
    /// CP932 output, which Excel reads without one).
    public var excel: Bool
    /// CSV output in CP932 for legacy systems: a cell with a character CP932 cannot hold makes
    /// that row an error naming the column and the character. Ignored for JSON lines.
    public var outputCP932: Bool
    /// The day the list is priced, for period warnings and ``Tally/programWarnings``; nil: none.
    public var today: CalendarDate?
    /// How a row error names a field the list has no column for: by default its English name
    /// (a header the list could add); a command line may name its flags for per-list settings
    /// (a group discount, installments).
    public var settingName: @Sendable (QuoteField) -> String

    public init(
      format: Format = .csv, defaults: QuoteRequest.Defaults = .init(), language: Language = .ja, excel: Bool = false,
      outputCP932: Bool = false, today: CalendarDate? = nil, settingName: @escaping @Sendable (QuoteField) -> String = { $0.rawValue }
    ) {
      self.format = format
      self.defaults = defaults
      self.language = language
      self.excel = excel
      self.outputCP932 = outputCP932 && format == .csv
      self.today = today
      self.settingName = settingName
    }
  }

  /// The columns CSV output adds after the input's.
  package static let resultColumns = ["premium", "installments", "installment_premium", "basis", "error", "warnings"]

  /// Where ``priceRows(from:maxRows:boundaries:base:holdLimit:)`` stopped.
  package enum Stop: Equatable, Sendable {
    /// The end of input.
    case end
    /// `maxRows` rows were written.
    case rowLimit
    /// Exactly on the boundary with this index, at a record boundary.
    case boundary(Int)
    /// The held output passed its limit, with the reader on a record boundary.
    case holdLimit
  }

  public let catalog: Catalog
  public let options: Options
  /// The header's columns, once read (or given to ``use(header:)``).
  package private(set) var columns: MemberColumns?
  /// What the rows so far came to (see also ``takeTally()``).
  public internal(set) var tally = Tally()

  // Columns, from the header.
  var width = 0
  /// Per column: one of the numeric columns this tool reads.
  var numericColumn: [Bool] = []
  /// Bit i set: column i is numeric (the first 64 columns).
  var numericColumns: UInt64 = 0
  /// Bit i set: the current row's cell i is a plain integer in a numeric column (set by the
  /// fast path for the row it prices, and read only for that row).
  var plainIntegerColumns: UInt64 = 0
  /// The column of each field a row may carry (−1: absent), for the per-row path.
  var programColumn = -1, facilityColumn = -1, planColumn = -1, optionColumn = -1
  var generalBedsColumn = -1, otherBedsColumn = -1, capacityColumn = -1, securityColumn = -1, facilitiesColumn = -1

  // Caches.
  var programs: RowPricer
  /// `rate_source` of each program, for JSON lines.
  var rateSources: [String: JSONOutput] = [:]
  var routes = RouteCache()
  /// Warnings fields of rows with codes of their own, by route and those codes' bits.
  var warningFields: [UInt64: [UInt8]] = [:]
  /// The last of them looked up: rows alike often come together.
  var lastWarningField: (key: UInt64, field: [UInt8]) = (.max, [])
  /// The end of an unknown program's message, by suggestion: a list may name thousands.
  var unknownProgramTails: [String?: UnknownProgramTail] = [:]
  var scratch: [UInt8] = []
  let out = ByteBuffer(capacity: 1 << 17)
  let plainCells = PlainCells()
  /// Whether common records are priced where the reader holds them (see
  /// ``pricePlainRecords(_:from:filled:limit:maxRows:holdLimit:firstLine:)``); tests turn it off to
  /// compare with the row-by-row path.
  var recordsInPlace = true
  /// Whether a row whose cells are plain is priced from its bytes at all; tests turn it off to
  /// compare with decoding every row.
  var pricesFromBytes = true
  /// The list gives other beds split by kind: every row is decoded, where the parts are summed.
  var splitOtherBeds = false

  // The current row, as the reader saw it.
  var encoding: InputEncoding?
  var line = 0
  var recordHasNonASCII = true
  var recordHadQuotes = true
  /// Fields that may begin like a formula (see ``CSVReader/formulaStarts``).
  var formulaStarts: UInt64 = .max

  public init(catalog: Catalog, options: Options) {
    self.catalog = catalog
    self.options = options
    programs = RowPricer(catalog: catalog)
  }

  /// Prices a whole list held in memory: the output bytes and what the rows came to.
  public static func price(_ csv: [UInt8], catalog: Catalog, options: Options) throws(MemberListError) -> (output: [UInt8], tally: Tally) {
    var pricer = MemberListPricer(catalog: catalog, options: options)
    var reader = CSVReader(MemoryByteSource(csv))
    try pricer.readHeader(from: &reader)
    var output: [UInt8] = []
    var stop = Stop.holdLimit
    while stop == .holdLimit {
      stop = try pricer.priceRows(from: &reader, holdLimit: Self.pieceBytes - 1)
      pricer.takeOutput { output.append(contentsOf: $0) }
    }
    return (output, pricer.tally)
  }

  /// Prices a list read in pieces, handing the output to `write` in pieces of about 64 KiB as it
  /// goes: memory stays flat however long the list. `read` fills as much of its buffer as it
  /// has and returns how many bytes it wrote, 0 at the end of the input (a file, a socket, an
  /// upload), or a negative error number when the input failed: the list then stops with
  /// `RowsError.list(.csv(.readFailed))` rather than being taken as ended. The rows before an
  /// error are priced and written first.
  public static func price<WriteError: Error>(
    reading read: (UnsafeMutableRawBufferPointer) -> Int, catalog: Catalog, options: Options,
    writing write: (UnsafeBufferPointer<UInt8>) throws(WriteError) -> Void
  ) throws(RowsError<WriteError>) -> Tally {
    try withoutActuallyEscaping(read) { (read) throws(RowsError<WriteError>) -> Tally in
      var pricer = MemberListPricer(catalog: catalog, options: options)
      var reader = CSVReader(ClosureByteSource(next: read))
      try pricer.priceList(from: &reader, write: write)
      return pricer.tally
    }
  }

  private mutating func priceList<Source: ByteSource, WriteError: Error>(
    from reader: inout CSVReader<Source>, write: (UnsafeBufferPointer<UInt8>) throws(WriteError) -> Void
  ) throws(RowsError<WriteError>) {
    do { try readHeader(from: &reader) } catch { throw .list(error) }
    _ = try priceRows(from: &reader, write: write)
  }

  /// A ``ByteSource`` that calls a function for each read.
  private struct ClosureByteSource: ByteSource {
    let next: (UnsafeMutableRawBufferPointer) -> Int

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
      let count = next(buffer)
      guard count >= 0 else { throw .readFailed(code: Int32(clamping: count == Int.min ? Int.max : -count)) }
      return min(count, buffer.count)
    }
  }

  // MARK: - Header

  /// Reads the header row, maps its columns and writes the output's header (CSV) and byte-order
  /// mark (``Options/excel``) into the held output.
  package mutating func readHeader<Source: ByteSource>(from reader: inout CSVReader<Source>) throws(MemberListError) {
    let (header, columns) = try Self.header(&reader)
    encoding = reader.encoding
    use(header: columns)
    if options.excel, !options.outputCP932 { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    if options.format == .csv {
      let start = out.count
      writeHeader(header)
      transcodeOutput(from: start)
    }
  }

  /// Reads a member list's header row: its cells as text, and its columns.
  package static func header<Source: ByteSource>(_ reader: inout CSVReader<Source>) throws(MemberListError) -> (header: [String], columns: MemberColumns) {
    guard try next(&reader) else { throw .empty }
    let encoding = reader.encoding
    let header = reader.withFields { fields in (0..<fields.count).map { MemberCells.decode(fields[$0], encoding: encoding).text } }
    // A Result, not do/catch: Swift 6.3.1 crashes compiling a typed-throws catch that initializes a let.
    let columns = try Result { () throws(MemberColumns.HeaderError) in try MemberColumns(header: header) }.mapError(MemberListError.header).get()
    return (header, columns)
  }

  /// Reads the next record; false at the end of input.
  package static func next<Source: ByteSource>(_ reader: inout CSVReader<Source>) throws(MemberListError) -> Bool {
    do {
      return try reader.next()
    } catch {
      throw .csv(error)
    }
  }

  /// Takes the columns of a header already read, writing nothing: for a pricer of another part
  /// of the same list.
  package mutating func use(header columns: MemberColumns) {
    self.columns = columns
    numericColumn = (0..<columns.header.count).map(columns.isNumericColumn)
    numericColumns = numericColumn.prefix(64).enumerated().reduce(0) { $0 | ($1.element ? 1 << UInt64($1.offset) : 0) }
    width = columns.header.count
    let c = columns.columnByOrdinal
    (programColumn, facilityColumn, planColumn, optionColumn) = (
      c[QuoteField.program.ordinal], c[QuoteField.facility.ordinal], c[QuoteField.plan.ordinal], c[QuoteField.option.ordinal]
    )
    (generalBedsColumn, otherBedsColumn, capacityColumn) = (c[QuoteField.generalBeds.ordinal], c[QuoteField.otherBeds.ordinal], c[QuoteField.capacity.ordinal])
    (securityColumn, facilitiesColumn) = (c[QuoteField.security.ordinal], c[QuoteField.facilities.ordinal])
    splitOtherBeds = !columns.otherBedParts.isEmpty
    routes.keyColumns = (programColumn, facilityColumn, planColumn, optionColumn)
    plainCells.assign(
      width: width, keys: [programColumn, facilityColumn, planColumn, optionColumn],
      numbers: [generalBedsColumn, otherBedsColumn, capacityColumn, securityColumn, facilitiesColumn])
  }

  /// A pricer with the same catalog, options and header, nothing read and no output held: for
  /// another part of the same list (the byte-order mark and header are the first part's).
  package func forAnotherPart() -> MemberListPricer {
    var copy = MemberListPricer(catalog: catalog, options: options)
    if let columns { copy.use(header: columns) }
    copy.encoding = encoding
    return copy
  }

  // MARK: - Rows

  /// Why ``priceRows(from:maxRows:boundaries:base:write:)`` stopped before its rows were done:
  /// the list, or the writer it was given.
  public enum RowsError<WriteError: Error>: Error {
    /// The input stopped being CSV; the rows before it were written.
    case list(MemberListError)
    /// `write` threw this.
    case write(WriteError)
  }

  /// Prices rows until the end of input, or until one of these comes first:
  /// - `maxRows` rows have been written (``Stop/rowLimit``): call again to go on;
  /// - the reader stands exactly on one of `boundaries` (absolute byte offsets, increasing; `base`
  ///   is the offset the reader started at) at a record boundary (``Stop/boundary(_:)``).
  ///
  /// Output goes to `write` in pieces of about 64 KiB, all of it before this returns or throws.
  package mutating func priceRows<Source: ByteSource, WriteError: Error>(
    from reader: inout CSVReader<Source>, maxRows: Int = .max, boundaries: ArraySlice<Int> = [], base: Int = 0,
    write: (UnsafeBufferPointer<UInt8>) throws(WriteError) -> Void
  ) throws(RowsError<WriteError>) -> Stop {
    func written() throws(RowsError<WriteError>) {
      do { try takeOutput(write) } catch { throw .write(error) }
    }
    // Held a piece at a time, each written before the next.
    let startRows = tally.rows
    while true {
      let stop: Stop
      do {
        stop = try priceRows(
          from: &reader, maxRows: maxRows - (tally.rows - startRows), boundaries: boundaries, base: base, holdLimit: Self.pieceBytes - 1)
      } catch {
        try written()  // the rows before the error were priced
        throw .list(error)
      }
      try written()
      if stop != .holdLimit { return stop }
    }
  }

  /// Output is handed out in pieces of about this many bytes.
  static let pieceBytes = 1 << 16

  /// ``priceRows(from:maxRows:boundaries:base:write:)``, holding the output for
  /// ``takeOutput(_:)``; it also stops once the held output passes `holdLimit` bytes
  /// (``Stop/holdLimit``). For parts of one list priced at once, each written in its turn.
  package mutating func priceRows<Source: ByteSource>(
    from reader: inout CSVReader<Source>, maxRows: Int = .max, boundaries: ArraySlice<Int> = [], base: Int = 0, holdLimit: Int
  ) throws(MemberListError) -> Stop {
    let startRows = tally.rows
    var nextBoundary = boundaries.startIndex
    while true {
      if !boundaries.isEmpty {
        let at = base + reader.bytesRead
        while nextBoundary < boundaries.endIndex, boundaries[nextBoundary] < at { nextBoundary += 1 }
        if nextBoundary < boundaries.endIndex, boundaries[nextBoundary] == at { return .boundary(nextBoundary) }
      }
      if out.count > holdLimit { return .holdLimit }
      if tally.rows - startRows >= maxRows { return .rowLimit }
      if pricesRecordsInPlace {
        // The common records straight from the read buffer, up to the next boundary.
        let toBoundary = nextBoundary < boundaries.endIndex ? boundaries[nextBoundary] - (base + reader.bytesRead) : Int.max
        var taken = 0
        let firstLine = reader.nextRecordLine
        reader.takeRecords { bytes, start, filled in
          let limit = start + min(toBoundary, filled - start)
          let (next, records) = pricePlainRecords(
            bytes, from: start, filled: filled, limit: limit, maxRows: maxRows - (tally.rows - startRows), holdLimit: holdLimit,
            firstLine: firstLine)
          taken = records
          return (next, records)
        }
        if taken > 0 { continue }
      }
      guard try Self.next(&reader) else { return .end }
      if reader.isBlankLine {
        tally.blankLines += 1
        continue
      }
      if reader.isSeparatorsOnly {
        tally.emptyRows += 1
        continue
      }
      encoding = reader.encoding
      line = reader.line
      recordHasNonASCII = reader.recordHasNonASCII
      recordHadQuotes = reader.recordHadQuotes
      formulaStarts = reader.formulaStarts
      let raw = reader.rawRecord
      reader.withFields { fields in writeRow(fields, raw: raw) }
    }
  }

  /// Hands the held output to `body` and empties it.
  package mutating func takeOutput<E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
    guard out.count > 0 else { return }
    defer { out.removeAll() }
    try body(out.bytes)
  }

  /// Bytes of output held (see `holdLimit`).
  package var heldOutputBytes: Int { out.count }

  /// Drops the held output: a part whose work is not used.
  package func discardOutput() { out.removeAll() }

  /// The tally so far, handed out and reset: a part's share, to add once the part is used.
  package mutating func takeTally() -> Tally {
    defer { tally = Tally() }
    return tally
  }

  /// Adds a tally handed out by another part's ``takeTally()``.
  package mutating func absorb(_ other: Tally) { tally.add(other) }
}
