#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// One pass over a member list.
struct BatchRun {
  let defaults: QuoteRequest.Defaults
  let catalog: Catalog
  let language: Language
  let excel: Bool
  let jsonLines: Bool
  /// CSV out in CP932 for legacy systems (`--output-encoding cp932`); else UTF-8.
  var outputCP932 = false
  /// The terminal's width for the summary (80 when unknown).
  var terminalWidth = Screen.defaultWidth
  /// The input's size when progress should be shown on stderr (a file, stderr a terminal).
  var progress: Int?
  /// The quote date, for period warnings.
  let today: CalendarDate?

  // MARK: Columns, from the header

  private(set) var columns: MemberColumns?
  private var width = 0
  /// Per column: one of the numeric columns this tool reads.
  private var numericColumn: [Bool] = []
  /// Column of each field this tool reads (absent when the file has none).
  private var fieldColumn: [QuoteField: Int] = [:]
  /// The same as plain integers (−1: absent), for the per-row path.
  private var programColumn = -1, facilityColumn = -1, planColumn = -1, optionColumn = -1
  private var generalBedsColumn = -1, otherBedsColumn = -1, capacityColumn = -1, securityColumn = -1, facilitiesColumn = -1
  /// The columns of program, facility, plan and option, in route-key order.
  private var keyColumns: [Int] = []

  // MARK: Caches

  /// Programs (or why not) by id as rows spell them; bounded (see ``cacheLimit``).
  private var programs: [String: Result<Program, QuoteError>] = [:]
  /// `rate_source` of each program, for JSON lines.
  private var rateSources: [String: JSONOutput] = [:]
  /// Routes by a hash of the raw bytes of a row's program, facility, plan and option cells,
  /// each with those bytes to confirm the match; `recentRoutes` is a direct-mapped cache in
  /// front of it, by the low bits of the hash.
  private var routes: [UInt64: [RouteEntry]] = [:]
  private var recentRoutes = [(hash: UInt64, entry: RouteEntry?)](repeating: (0, nil), count: 64)
  private var routeCount = 0
  private var routeKey: [UInt8] = []
  private var scratch: [UInt8] = []
  private let out = ByteBuffer(capacity: 1 << 17)

  // MARK: The current row, as the reader saw it

  private var encoding: InputEncoding?
  private var line = 0
  private var recordHasNonASCII = true
  private var recordHadQuotes = true
  /// Fields that may begin like a formula (see ``CSVReader/formulaStarts``).
  private var formulaStarts: UInt64 = .max

  // MARK: Tally

  private var counts = Tally()

  init(
    defaults: QuoteRequest.Defaults, catalog: Catalog, language: Language, excel: Bool,
    jsonLines: Bool, progress: Int?, today: CalendarDate?
  ) {
    self.today = today
    self.defaults = defaults
    self.catalog = catalog
    self.language = language
    self.excel = excel
    self.jsonLines = jsonLines
    self.progress = progress
  }

  private func endRecord() {
    if excel { out.append(0x0D) }
    out.append(0x0A)
  }

  /// The whole run, on this thread: header, every row, summary.
  mutating func execute<Source: ByteSource, C: Console>(reader: inout CSVReader<Source>, console: inout C) throws -> Int32 {
    try start(reader: &reader, console: &console)
    _ = try processRows(reader: &reader, console: &console)
    return try finish(console: &console)
  }

  /// Reads the header and writes the output header.
  mutating func start<Source: ByteSource, C: Console>(reader: inout CSVReader<Source>, console: inout C) throws {
    let (header, columns) = try MemberListInput.header(&reader)
    encoding = reader.encoding
    try configure(header: columns)
    // A byte-order mark marks UTF-8; Excel reads CP932 without one.
    if excel, !outputCP932 { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    if !jsonLines {
      let start = out.count
      writeHeader(header)
      transcodeOutput(from: start)
    }
  }

  /// Takes the columns of a header already read.
  mutating func configure(header columns: MemberColumns) throws {
    self.columns = columns
    numericColumn = (0..<columns.header.count).map(columns.isNumericColumn)
    fieldColumn = columns.index
    width = columns.header.count
    let c = columns.columnByOrdinal
    (programColumn, facilityColumn, planColumn, optionColumn) = (c[QuoteField.program.ordinal], c[QuoteField.facility.ordinal], c[QuoteField.plan.ordinal], c[QuoteField.option.ordinal])
    (generalBedsColumn, otherBedsColumn, capacityColumn) = (c[QuoteField.generalBeds.ordinal], c[QuoteField.otherBeds.ordinal], c[QuoteField.capacity.ordinal])
    (securityColumn, facilitiesColumn) = (c[QuoteField.security.ordinal], c[QuoteField.facilities.ordinal])
    keyColumns = [programColumn, facilityColumn, planColumn, optionColumn]
  }

  /// Where ``processRows(reader:console:base:boundaries:holdLimit:)`` stopped.
  enum Stop: Equatable {
    /// The end of input.
    case end
    /// Exactly on the boundary with this index.
    case boundary(Int)
    /// The held output passed its limit, with the reader on a record boundary.
    case holdLimit
  }

  /// Prices rows until the end of input or, with `boundaries` (absolute offsets, increasing),
  /// until the reader stands exactly on one of them at a record boundary; `base` is the offset the
  /// reader started at. With `holdLimit`, the output stays in the buffer for the caller (see
  /// ``takeOutput(to:)``) until it holds more than that many bytes.
  mutating func processRows<Source: ByteSource, C: Console>(
    reader: inout CSVReader<Source>, console: inout C, base: Int = 0, boundaries: ArraySlice<Int>? = nil,
    holdLimit: Int? = nil
  ) throws -> Stop {
    let holdOutput = holdLimit != nil
    var lastProgress = 0
    var stoppedAt = Stop.end
    var nextBoundary = boundaries?.startIndex ?? 0
    do {
      while true {
        if let boundaries {
          let at = base + reader.bytesRead
          while nextBoundary < boundaries.endIndex, boundaries[nextBoundary] < at { nextBoundary += 1 }
          if nextBoundary < boundaries.endIndex, boundaries[nextBoundary] == at {
            stoppedAt = .boundary(nextBoundary)
            break
          }
        }
        if let holdLimit, out.count > holdLimit {
          stoppedAt = .holdLimit
          break
        }
        guard try reader.next() else { break }
        if reader.isBlankLine {
          counts.blankLines += 1
          continue
        }
        encoding = reader.encoding
        line = reader.line
        recordHasNonASCII = reader.recordHasNonASCII
        recordHadQuotes = reader.recordHadQuotes
        formulaStarts = reader.formulaStarts
        let raw = reader.rawRecord
        reader.withFields { fields in writeRow(fields, raw: raw) }
        if !holdOutput, out.count >= 1 << 16 {
          console.write(bytes: out.bytes)
          out.removeAll()
          try console.checkOutput()
        }
        if let size = progress, size > 0, counts.priced + counts.failed - lastProgress >= 50_000 {
          lastProgress = counts.priced + counts.failed
          let percent = Proportion.percent(reader.bytesRead, of: size)
          console.writeProgress("\r" + language.pick("処理中 \(percent)%（\(YenFormat.grouped(Int64(lastProgress)))行）", "working \(percent)% (\(YenFormat.grouped(Int64(lastProgress))) rows)"))
        }
      }
      if progress != nil, lastProgress > 0 { console.writeProgress("\r\u{1B}[K") }
      if !holdOutput { try takeOutput(to: &console) }
    } catch let error as CSVError {
      // The rows before the error are written: they were priced.
      if !holdOutput { try takeOutput(to: &console) }
      throw BatchError.csv(error)
    }
    return stoppedAt
  }

  /// Writes what the buffer holds and empties it; stops the run if stdout refused it.
  mutating func takeOutput<C: Console>(to console: inout C) throws(BatchError) {
    console.write(bytes: out.bytes)
    out.removeAll()
    try console.checkOutput()
  }

  /// Bytes of output held for a later turn (see ``ParallelBatch``).
  var heldOutputBytes: Int { out.count }

  /// Drops what the buffer holds (a chunk whose work is not used).
  func discardOutput() { out.removeAll() }

  /// Writes the summary once every row has reached stdout; the exit status. No summary when
  /// output was lost, and an error when the total cannot be represented.
  mutating func finish<C: Console>(console: inout C) throws -> Int32 {
    try console.flushAndCheckOutput()
    console.writeError(Screen.fit(summary(), width: terminalWidth))
    if counts.total.amount == nil { throw BatchError.totalOverflow }
    return counts.failed == 0 ? 0 : 1
  }

  /// A run with the same settings and nothing read yet, for another part of the input.
  func emptyCopy() -> BatchRun {
    // The byte-order mark and the header are the first part's; rows end the same way.
    var copy = BatchRun(defaults: defaults, catalog: catalog, language: language, excel: excel, jsonLines: jsonLines, progress: nil, today: today)
    copy.outputCP932 = outputCP932
    copy.terminalWidth = terminalWidth
    return copy
  }

  /// The counts so far, handed out and reset: a chunk's share, to add once the chunk is used.
  mutating func takeTally() -> Tally {
    defer { counts = Tally() }
    return counts
  }

  /// Adds counts handed out by ``takeTally()``.
  mutating func absorb(_ tally: Tally) { counts.add(tally) }

  /// What a run counted.
  struct Tally {
    var priced = 0
    var failed = 0
    var blankLines = 0
    var total = YenSum()
    var endedPeriods: [String: Period] = [:]

    mutating func add(_ other: Tally) {
      priced += other.priced
      failed += other.failed
      blankLines += other.blankLines
      total.add(other.total)
      endedPeriods.merge(other.endedPeriods) { first, _ in first }
    }
  }

  // MARK: - Rows

  private mutating func writeHeader(_ header: [String]) {
    var sink = out
    for cell in header {
      CSVWriter.appendField(cell, neutralize: true, to: &sink)
      out.append(0x2C)
    }
    out.append(contentsOf: BatchCommand.outputColumns.joined(separator: ",").utf8)
    endRecord()
  }

  private mutating func writeRow(_ fields: CSVFields, raw: UnsafeBufferPointer<UInt8>) {
    if !jsonLines, !outputCP932, let amount = fastPrice(fields) {
      counts.priced += 1
      counts.total.add(amount.premium.amount)
      writeCellsFast(fields, raw: raw)
      writeAmount(amount.premium, amount.installments, amount.installmentPremium, amount.basis)
      return
    }
    writeRowDecoded(fields)
  }

  // MARK: - The common row, straight from bytes

  /// Prices the current row without decoding it, when every cell it reads is plain: the key
  /// cells name a route seen before (or resolvable), the numbers are plain ASCII integers, and
  /// the text is valid. Anything else returns nil and the row takes the decoded path, which
  /// applies the same rules and writes every error.
  private mutating func fastPrice(_ fields: CSVFields) -> PricedAmount? {
    guard fields.count <= width else { return nil }
    if recordHasNonASCII {
      // A cell that is not text in the input's encoding takes the decoded path, which reports it.
      for i in 0..<fields.count {
        let field = fields[i]
        guard field.contains(where: { $0 >= 0x80 }) else { continue }
        if encoding == .cp932 ? !CP932.isValid(field) : !UTF8Validation.isValid(field) { return nil }
      }
    }
    guard let route = cachedRoute(fields) else { return nil }
    /// nil: not a plain integer (take the decoded path); .some(nil): empty or absent.
    func count(_ i: Int) -> Int?? {
      guard i >= 0, i < fields.count else { return .some(nil) }
      let cell = fields[i]
      guard cell.count > 0 else { return .some(nil) }
      guard let value = NumberText.plainInteger(cell) else { return nil }
      return .some(value)
    }
    guard let generalBeds = count(generalBedsColumn), let otherBeds = count(otherBedsColumn), let capacity = count(capacityColumn),
      let security = count(securityColumn), let facilities = count(facilitiesColumn)
    else { return nil }
    let sizes = QuoteSizes(
      generalBeds: generalBeds, otherBeds: otherBeds, capacity: capacity,
      securityPercent: security.map { Rational($0) }, facilities: facilities,
      groupDiscountPercent: defaults.groupDiscountPercent, installments: defaults.installments)
    return try? Pricer.price(sizes, route: route)
  }

  /// The route for the current row's key cells, resolved once per distinct key.
  private mutating func cachedRoute(_ fields: CSVFields) -> PricingRoute? {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for column in keyColumns {
      if column >= 0, column < fields.count {
        for b in fields[column] { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
      }
      hash = (hash ^ 0xFF) &* 0x100_0000_01B3
    }
    let slot = Int(truncatingIfNeeded: hash & 63)
    if recentRoutes[slot].hash == hash, let entry = recentRoutes[slot].entry, keyMatches(entry.key, fields) {
      return entry.route
    }
    if let bucket = routes[hash] {
      for entry in bucket where keyMatches(entry.key, fields) {
        recentRoutes[slot] = (hash, entry)
        return entry.route
      }
    }
    routeKey.removeAll(keepingCapacity: true)
    for column in keyColumns {
      if column >= 0, column < fields.count { routeKey.append(contentsOf: fields[column]) }
      routeKey.append(0xFF)
    }
    let route = try? resolveRoute(fields).get()
    let entry = RouteEntry(key: routeKey, route: route)
    if routeCount >= Self.cacheLimit {
      // A list of ever new keys (random text, a column shifted): start again rather than grow.
      routes.removeAll(keepingCapacity: true)
      recentRoutes = recentRoutes.map { _ in (0, nil) }
      routeCount = 0
    }
    routeCount += 1
    routes[hash, default: []].append(entry)
    recentRoutes[slot] = (hash, entry)
    return route
  }

  /// Whether `key` (the key cells joined by 0xFF, which UTF-8 and CP932 never contain) is this row's.
  private func keyMatches(_ key: [UInt8], _ fields: CSVFields) -> Bool {
    key.withUnsafeBufferPointer { key in
      guard let keyBase = key.baseAddress else { return false }
      var offset = 0
      for column in keyColumns {
        let cell = column >= 0 && column < fields.count ? fields[column] : UnsafeBufferPointer(start: nil, count: 0)
        guard offset + cell.count < key.count else { return false }
        if let cellBase = cell.baseAddress, !Self.same(keyBase + offset, cellBase, cell.count) { return false }
        offset += cell.count
        guard key[offset] == 0xFF else { return false }
        offset += 1
      }
      return offset == key.count
    }
  }

  /// `count` bytes at `a` and `b` are equal; short runs (most plan and facility cells) without a call.
  @inline(__always)
  private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    if count > 16 { return memcmp(a, b, count) == 0 }
    for i in 0..<count where a[i] != b[i] { return false }
    return true
  }

  private mutating func resolveRoute(_ row: CSVFields) -> Result<PricingRoute, MemberRowError> {
    let fields = MemberColumns.routeFields(cell: { field in
      guard let i = fieldColumn[field], i < row.count else { return nil }
      let value = decode(row[i]).text.trimmingSpaces
      return value.isEmpty ? nil : value
    }, defaults: defaults)
    return fields.flatMap { fields in
      programFor(fields.program).flatMap { program in
        Result { () throws(QuoteError) -> PricingRoute in
          try Pricer.route(program: program, facility: fields.facility, plan: fields.plan, option: fields.option)
        }.mapError { .quote($0) }
      }
    }
  }

  /// The current row's cells, as bytes, each followed by a comma.
  private mutating func writeCellsFast(_ fields: CSVFields, raw: UnsafeBufferPointer<UInt8>) {
    if !recordHadQuotes, !(recordHasNonASCII && encoding == .cp932), !needsNeutralizing(fields) {
      // The line as read is the cells joined by commas: copy it whole.
      out.append(raw)
      for _ in fields.count...width { out.append(0x2C) }
      return
    }
    for i in 0..<width {
      if i < fields.count {
        let field = fields[i]
        let neutralize = field.first.map(CSVWriter.isFormulaStart) == true && !(numericColumn[i] && isNumber(field))
        if recordHasNonASCII, encoding == .cp932, field.contains(where: { $0 >= 0x80 }) {
          scratch.removeAll(keepingCapacity: true)
          CP932.transcodeToUTF8(field, into: &scratch)
          var sink = out
          scratch.withUnsafeBufferPointer { CSVWriter.appendField($0, neutralize: neutralize, to: &sink) }
        } else {
          var sink = out
          CSVWriter.appendField(field, neutralize: neutralize, to: &sink)
        }
      }
      out.append(0x2C)
    }
  }

  private func needsNeutralizing(_ fields: CSVFields) -> Bool {
    var candidates = formulaStarts
    while candidates != 0 {
      let i = candidates.trailingZeroBitCount
      candidates &= candidates &- 1
      if i >= fields.count { break }
      if let first = fields.firstByte(i), CSVWriter.isFormulaStart(first), !(numericColumn[i] && isNumber(fields[i])) { return true }
      if i == 63 {  // more than 64 fields: check the rest one by one
        for j in 64..<fields.count {
          if let first = fields.firstByte(j), CSVWriter.isFormulaStart(first), !(numericColumn[j] && isNumber(fields[j])) { return true }
        }
      }
    }
    return false
  }

  private func isNumber(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    NumberText.plainInteger(field) != nil || isNumber(decode(field).text)
  }

  // MARK: - Every other row, decoded

  private mutating func writeRowDecoded(_ fields: CSVFields) {
    guard let columns else { return }
    let (cells, problem) = MemberCells.read(fields, columns: columns, encoding: encoding)
    var result = problem.map { Result<Quote, MemberRowError>.failure($0) } ?? columns.request(cells: cells, defaults: defaults).flatMap { price($0) }
    if outputCP932, let missing = Self.firstUnencodable(cells, header: columns.header) { result = .failure(missing) }
    let start = out.count
    defer { transcodeOutput(from: start) }

    switch result {
    case .success(let quote):
      counts.priced += 1
      counts.total.add(quote.premium.amount)
    case .failure:
      counts.failed += 1
    }
    if jsonLines {
      writeJSONLine(cells: cells, result: result)
    } else {
      writeCSVRow(cells: cells, result: result)
    }
  }

  private mutating func programFor(_ id: String) -> Result<Program, MemberRowError> {
    if let cached = programs[id] { return cached.mapError { .quote($0) } }
    let found = RowPricer.look(up: id, in: catalog)
    if programs.count < Self.cacheLimit { programs[id] = found }
    if case .success(let program) = found, let period = program.period, let today, period.hasEnded(by: today) {
      counts.endedPeriods[program.id] = period
    }
    return found.mapError { .quote($0) }
  }

  /// Distinct keys kept by each cache: far more than a real list has (a few programs, facilities
  /// and plans), and a bound on memory for a list of random text.
  static let cacheLimit = 4096

  private mutating func price(_ request: QuoteRequest) -> Result<Quote, MemberRowError> {
    programFor(request.program).flatMap { program in
      Result { () throws(QuoteError) -> Quote in try Pricer.quote(request, in: program, on: today) }.mapError { .quote($0) }
    }
  }

  private mutating func writeCSVRow(cells: [String], result: Result<Quote, MemberRowError>) {
    var sink = out
    for (i, cell) in cells.enumerated() {
      CSVWriter.appendField(cell, neutralize: !(numericColumn[i] && isNumber(cell)), to: &sink)
      out.append(0x2C)
    }
    switch result {
    case .success(let quote):
      writeAmount(quote.premium, quote.installments, quote.installmentPremium, quote.basis)
    case .failure(let error):
      for _ in 0..<4 { out.append(0x2C) }  // no premium, installments, installment_premium or basis
      var sink = out
      CSVWriter.appendField(errorMessage(error), neutralize: true, to: &sink)
      endRecord()
    }
  }

  /// The four result columns and an empty error, ending the record.
  private func writeAmount(_ premium: Yen, _ installments: Int, _ installmentPremium: Yen, _ basis: Basis) {
    out.appendInteger(premium.amount)
    out.append(0x2C)
    out.appendInteger(Int64(installments))
    out.append(0x2C)
    out.appendInteger(installmentPremium.amount)
    out.append(0x2C)
    basis.utf8Name.withUnsafeBufferPointer { out.append($0) }
    out.append(0x2C)
    endRecord()
  }

  private mutating func writeJSONLine(cells: [String], result: Result<Quote, MemberRowError>) {
    guard let columns else { return }
    var members: [(String, JSONOutput)] = [
      ("line", .integer(line)),
      ("input", Self.inputObject(header: columns.header, cells: cells)),
    ]
    switch result {
    case .success(let quote):
      if case .object(let quoteMembers) = QuoteRendering.json(quote) { members += quoteMembers }
      members.append(("rate_source", rateSource(quote.program.id)))
      members.append(("error", .null))
    case .failure(let error):
      // The keys of a priced row, in the same order: the cells given where they name a field,
      // the program's period warning when the program is known, null for the rest.
      let given = { (field: QuoteField) -> JSONOutput in
        columns.index[field].map { $0 < cells.count && !cells[$0].isEmpty ? .string(cells[$0]) : .null } ?? .null
      }
      let program = columns.index[.program].flatMap { $0 < cells.count ? cells[$0].trimmingSpaces : nil }.flatMap { $0.isEmpty ? nil : $0 }
        ?? defaults.program
      let known = program.flatMap { try? catalog.program($0) }
      for key in QuoteRendering.keys {
        switch key {
        case "program": members.append((key, known.map { .string($0.id) } ?? given(.program)))
        case "facility": members.append((key, given(.facility)))
        case "plan": members.append((key, given(.plan)))
        case "warnings":
          let warnings = known.map { Pricer.warnings(for: $0, on: today) } ?? []
          members.append((key, .array(warnings.map { .string(Wording.warning($0, programID: known?.id ?? "", .en)) })))
        default: members.append((key, .null))
        }
      }
      members.append(("rate_source", known.map { rateSource($0.id) } ?? .null))
      members.append(("error", .string(errorMessage(error))))
    }
    out.append(contentsOf: JSONOutput.object(members).compact.utf8)
    endRecord()
  }

  /// The first cell CP932 cannot hold, as a row error naming its column and character.
  static func firstUnencodable(_ cells: [String], header: [String]) -> MemberRowError? {
    for (i, cell) in cells.enumerated() where cell.utf8.contains(where: { $0 >= 0x80 }) {
      if let character = CP932.encode(cell).unencodable {
        return .notInOutputEncoding(column: i < header.count ? header[i] : "\(i + 1)", character: String(character))
      }
    }
    return nil
  }

  /// With CP932 output, rewrites the UTF-8 written from `start` on in CP932.
  private func transcodeOutput(from start: Int) {
    guard outputCP932, start < out.count else { return }
    let text = String(decoding: UnsafeBufferPointer(start: out.pointer + start, count: out.count - start), as: UTF8.self)
    out.truncate(start)
    out.append(contentsOf: CP932.encode(text).bytes)
  }

  /// The row's cells by column name. A name the header repeats gets every value, in column
  /// order, as an array: a JSON object with the key twice would keep only one.
  static func inputObject(header: [String], cells: [String]) -> JSONOutput {
    var order: [String] = []
    var values: [String: [String]] = [:]
    for (name, cell) in zip(header, cells) {
      if values[name] == nil { order.append(name) }
      values[name, default: []].append(cell)
    }
    return .object(order.map { name in
      let all = values[name] ?? []
      return (name, all.count == 1 ? .string(all[0]) : .array(all.map { .string($0) }))
    })
  }

  private mutating func rateSource(_ id: String) -> JSONOutput {
    if let known = rateSources[id] { return known }
    let source = (try? catalog.entry(id)).map(Wording.rateSourceJSON) ?? .null
    rateSources[id] = source
    return source
  }

  private func errorMessage(_ error: MemberRowError) -> String {
    error.message(language: language) { field in
      // The file's own column name; else the English one it could add; flags for per-run values.
      if let name = columns?.columnName(field) { return name }
      return field == .groupDiscount || field == .installments ? CommonOptions.flag(for: field) : field.rawValue
    }
  }

  private func isNumber(_ cell: String) -> Bool { MemberCells.isNumber(cell) }

  private func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, valid: Bool) {
    MemberCells.decode(bytes, encoding: encoding)
  }

  private func summary() -> String {
    let l = language
    let totalText = counts.total.amount.map { l.pick("\(YenFormat.grouped($0))円", "\(YenFormat.grouped($0)) yen") } ?? l.pick("計算できません", "cannot be computed")
    var text = l.pick(
      "計算済み \(YenFormat.grouped(Int64(counts.priced)))行、エラー \(YenFormat.grouped(Int64(counts.failed)))行、保険料合計 \(totalText)",
      "priced \(YenFormat.grouped(Int64(counts.priced))) rows, failed \(YenFormat.grouped(Int64(counts.failed))) rows, total premium \(totalText)")
    if counts.blankLines > 0 {
      text += l.pick("（空行 \(counts.blankLines)行は読み飛ばしました）", " (skipped \(counts.blankLines) blank lines)")
    }
    text += "\n"
    let files = catalog.entries.filter { !$0.isBuiltIn }.map { "\($0.id) = \($0.origin)" }
    if !files.isEmpty { text += l.pick("料率ファイル: ", "rate files: ") + files.joined(separator: ", ") + "\n" }
    for (id, period) in counts.endedPeriods.sorted(by: { $0.key < $1.key }) {
      text += l.pick("警告: ", "warning: ") + Wording.warning(.periodEnded(period), programID: id, l) + "\n"
    }
    return text
  }
}


