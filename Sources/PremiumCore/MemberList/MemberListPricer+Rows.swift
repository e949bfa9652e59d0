/// Row by row: the common row priced straight from its bytes, every other row decoded and
/// priced with its steps, and both written as CSV or JSON lines.
extension MemberListPricer {
  /// CRLF for Excel, else LF.
  func endRecord() {
    if options.excel { out.append(0x0D) }
    out.append(0x0A)
  }

  mutating func writeHeader(_ header: [String]) {
    var sink = out
    for cell in header {
      CSVWriter.appendField(cell, neutralize: true, to: &sink)
      out.append(0x2C)
    }
    out.append(contentsOf: Self.resultColumns.joined(separator: ",").utf8)
    endRecord()
  }

  mutating func writeRow(_ fields: CSVFields, raw: UnsafeBufferPointer<UInt8>) {
    guard pricesFromBytes, options.format == .csv, !options.outputCP932 else { return writeRowDecoded(fields) }
    switch fastPrice(fields) {
    case .priced(let amount, let route):
      tally.priced += 1
      tally.total.add(amount.premium)
      writeCellsFast(fields, raw: raw)
      writeAmount(amount, route: route)
    case .pricedByRules(let amount, let route, let warnings, let estimate):
      tally.priced += 1
      tally.total.add(amount.premium)
      writeCellsFast(fields, raw: raw)
      writeAmount(amount, warnings: warningsField(warnings, estimate: estimate, route: route, line: line))
    case .failed(let error):
      tally.failed += 1
      writeCellsFast(fields, raw: raw)
      writeFailure(error)
    case nil:
      writeRowDecoded(fields)
    }
  }

  /// What a row priced from its bytes came to.
  enum FastResult {
    /// The amount in whole yen, and the route's index in ``RouteCache/entries`` (its warnings).
    case priced(WholeYenRoute.Amount, route: Int)
    /// The amount by the general rules, the row's own warnings and why it is an estimate.
    case pricedByRules(WholeYenRoute.Amount, route: Int, warnings: [QuoteWarning], estimate: EstimateReason?)
    /// The row's key cells cannot be priced (``RouteCache/Entry/keyFailure``).
    case failed(MemberRowError)
  }

  // MARK: - The common row, straight from bytes

  /// Prices the current row without decoding it, when every cell it reads is plain: the key
  /// cells name a route seen before (or resolvable), the numbers are plain ASCII integers, and
  /// the text is valid. Whole-yen arithmetic where the route has it, else the general rules
  /// without steps. Anything else returns nil and the row takes the decoded path, which applies
  /// the same rules and writes every error.
  mutating func fastPrice(_ fields: CSVFields) -> FastResult? {
    guard fields.count <= width, !splitOtherBeds else { return nil }
    if recordHasNonASCII {
      // A cell that is not text in the input's encoding takes the decoded path, which reports it.
      for i in 0..<fields.count {
        let field = fields[i]
        guard field.contains(where: { $0 >= 0x80 }) else { continue }
        if encoding == .cp932 ? !CP932.isValid(field) : !UTF8Validation.isValid(field) { return nil }
      }
    }
    let index: Int
    if let found = routes.lookup(fields) {
      index = found
    } else {
      index = routes.insert(resolveRoute(fields))
    }
    var plain = true
    var integers: UInt64 = 0
    let cell = { (i: Int) in i >= 0 && i < fields.count ? fields[i] : nil }
    let generalBeds = Self.integer(generalBedsColumn, cell, &plain, &integers)
    let otherBeds = Self.integer(otherBedsColumn, cell, &plain, &integers)
    let capacity = Self.integer(capacityColumn, cell, &plain, &integers)
    let security = Self.integer(securityColumn, cell, &plain, &integers)
    let facilities = Self.integer(facilitiesColumn, cell, &plain, &integers)
    guard plain else { return nil }
    plainIntegerColumns = integers & numericColumns
    if let failure = routes.entries[index].keyFailure { return .failed(failure) }
    if let whole = routes.entries[index].whole,
      let amount = whole.price(generalBeds: generalBeds, otherBeds: otherBeds, capacity: capacity, securityPercent: security, facilities: facilities)
    {
      return .priced(amount, route: index)
    }
    guard let route = routes.entries[index].route else { return nil }
    let sizes = QuoteSizes(
      generalBeds: generalBeds, otherBeds: otherBeds, capacity: capacity,
      securityPercent: security.map { Rational($0) }, facilities: facilities,
      groupDiscountPercent: options.defaults.groupDiscountPercent, installments: options.defaults.installments)
    guard let priced = try? Pricer.price(sizes, route: route) else { return nil }
    return .pricedByRules(
      WholeYenRoute.Amount(
        premium: priced.premium.amount, installments: priced.installments, installmentPremium: priced.installmentPremium.amount, basis: priced.basis,
        paymentPrinted: route.terms.statesPayment(installments: priced.installments)),
      route: index, warnings: Pricer.rowWarnings(sizes, route: route, counts: priced.counts), estimate: priced.estimateReason)
  }

  /// The plain integer in column `i` (`cell` gives its bytes, nil when absent), marked in
  /// `integers`; nil when the cell is empty or absent. A cell that is not a plain integer
  /// clears `plain`: the row then takes the decoded path.
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

  /// The route a row's key cells name. A failure the decoded path would report before reading
  /// any number (the route fields, the program) is kept as the key's; one from the plan or
  /// facility rules is not, because the decoded path checks the counts' ranges first.
  mutating func resolveRoute(_ row: CSVFields) -> RouteCache.Entry {
    // The closure captures these, not self: a copy of the pricer per new key would cost more
    // than the key.
    let (columnByOrdinal, encoding) = (columns?.columnByOrdinal ?? [], encoding)
    let fields = MemberColumns.routeFields(
      cell: { field in
        let i = field.ordinal < columnByOrdinal.count ? columnByOrdinal[field.ordinal] : -1
        guard i >= 0, i < row.count else { return nil }
        let value = MemberCells.decode(row[i], encoding: encoding).text.trimmingSpaces
        return value.isEmpty ? nil : value
      }, defaults: options.defaults)
    // A switch, not `fields.flatMap { programFor(…) }`: a closure calling a mutating method
    // copies the whole pricer in and out, for every new key.
    let program: Result<Program, MemberRowError>
    switch fields {
    case .success(let fields): program = programFor(fields.program)
    case .failure(let error): program = .failure(error)
    }
    switch (fields, program) {
    case (.failure(let error), _), (_, .failure(let error)):
      return RouteCache.Entry(route: nil, whole: nil, keyFailure: error)
    case (.success(let fields), .success(let program)):
      let route = try? Pricer.route(program: program, facility: fields.facility, plan: fields.plan, option: fields.option)
      let codes = Pricer.warnings(for: program, on: options.today).map(\.code)
      return RouteCache.Entry(
        route: route, whole: route.flatMap { WholeYenRoute($0, defaults: options.defaults) },
        warnings: Self.warningsField(codes), warningCodes: codes, securityEstimate: Self.warningsField(codes + [.estimateSecurity]))
    }
  }

  /// The current row's cells, as bytes, each followed by a comma.
  mutating func writeCellsFast(_ fields: CSVFields, raw: UnsafeBufferPointer<UInt8>) {
    if !recordHadQuotes, !(recordHasNonASCII && encoding == .cp932), !needsNeutralizing(fields) {
      // The line as read is the cells joined by commas: copy it whole, then a comma for each
      // missing cell and one after the last.
      let commas = width - fields.count + 1
      out.append(upTo: raw.count + max(commas, 8)) { target in
        if let from = raw.baseAddress { ByteBuffer.copy(from: from, to: target, count: raw.count) }
        ByteBuffer.writeCommas(commas, at: target + raw.count)
        return raw.count + commas
      }
      return
    }
    for i in 0..<width {
      if i < fields.count {
        let field = fields[i]
        let neutralize = field.first.map(CSVWriter.isFormulaStart) == true && !(numericColumn[i] && MemberCells.isNumber(field, encoding: encoding))
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

  /// Whether a cell of the current row begins like a formula and is not a number in a numeric
  /// column: then the row is written cell by cell.
  @inline(__always)  // a call would copy the pricer (the caller is mutating)
  func needsNeutralizing(_ fields: CSVFields) -> Bool {
    // A number in a numeric column is data: those the row was priced from need no second look.
    var candidates = formulaStarts & ~plainIntegerColumns
    // A formula start outside the numeric columns (among the first 64) settles it.
    if candidates & ~numericColumns & (fields.count < 64 ? (1 &<< UInt64(fields.count)) &- 1 : .max) != 0 { return true }
    while candidates != 0 {
      let i = candidates.trailingZeroBitCount
      candidates &= candidates &- 1
      if i >= fields.count { break }
      if let first = fields.firstByte(i), CSVWriter.isFormulaStart(first), !(numericColumn[i] && MemberCells.isNumber(fields[i], encoding: encoding)) {
        return true
      }
      if i == 63 {  // more than 64 fields: check the rest one by one
        for j in 64..<fields.count {
          if let first = fields.firstByte(j), CSVWriter.isFormulaStart(first), !(numericColumn[j] && MemberCells.isNumber(fields[j], encoding: encoding)) {
            return true
          }
        }
      }
    }
    return false
  }

  // MARK: - Every other row, decoded

  mutating func writeRowDecoded(_ fields: CSVFields) {
    guard let columns else { return }
    let row = MemberRow(line: line, fields: fields, columns: columns, encoding: encoding, defaults: options.defaults)
    let cells = row.cells
    var result = row.request.flatMap { price($0) }
    if options.outputCP932, let missing = MemberCells.firstUnencodable(cells, header: columns.header) { result = .failure(missing) }
    let start = out.count
    defer { transcodeOutput(from: start) }

    switch result {
    case .success(let quote):
      tally.priced += 1
      tally.total.add(quote.premium.amount)
    case .failure:
      tally.failed += 1
    }
    if options.format == .jsonLines {
      writeJSONLine(cells: cells, result: result)
    } else {
      writeCSVRow(cells: cells, result: result)
    }
  }

  /// The program a row names, noting a period that has ended or is not printed.
  mutating func programFor(_ id: String) -> Result<Program, MemberRowError> {
    let found = programs.program(id)
    if case .success(let program) = found, tally.programWarnings[program.id] == nil {
      switch program.period {
      case nil: tally.programWarnings[program.id] = .periodNotPrinted(term: program.term, edition: program.edition)
      case let period?:
        if let today = options.today, period.hasEnded(by: today) { tally.programWarnings[program.id] = .periodEnded(period) }
      }
    }
    return found.mapError { .quote($0) }
  }

  mutating func price(_ request: QuoteRequest) -> Result<Quote, MemberRowError> {
    programFor(request.program).flatMap { program in
      Result { () throws(QuoteError) -> Quote in try Pricer.quote(request, in: program, on: options.today) }.mapError { .quote($0) }
    }
  }

  mutating func writeCSVRow(cells: [String], result: Result<Quote, MemberRowError>) {
    var sink = out
    for (i, cell) in cells.enumerated() {
      CSVWriter.appendField(cell, neutralize: !(numericColumn[i] && isNumber(cell)), to: &sink)
      out.append(0x2C)
    }
    switch result {
    case .success(let quote):
      noteRow(quote.warnings, estimate: quote.estimateReason, programID: quote.program.id)
      writeAmount(
        WholeYenRoute.Amount(
          premium: quote.premium.amount, installments: quote.installments, installmentPremium: quote.installmentPremium.amount, basis: quote.basis,
          paymentPrinted: QuoteJSON.paymentPrinted(quote)),
        warnings: Self.warningsField(quote.warnings.map(\.code) + (quote.estimateReason.map { [$0.code] } ?? [])))
    case .failure(let error):
      writeFailure(error)
    }
  }

  /// The four empty result columns and the error, ending the record.
  mutating func writeFailure(_ error: MemberRowError) {
    for _ in 0..<4 { out.append(0x2C) }  // no premium, installments, installment_premium or basis
    if case .quote(.unknownProgram(let id, let suggestion, let known)) = error {
      writeUnknownProgram(id, suggestion: suggestion, known: known)
    } else {
      var sink = out
      CSVWriter.appendField(errorMessage(error), neutralize: true, to: &sink)
    }
    out.append(0x2C)  // no warnings: the row has no figure for them to qualify
    endRecord()
  }

  /// The four result columns and an empty error, ending the record.
  mutating func writeAmount(_ amount: WholeYenRoute.Amount, route: Int) {
    writeAmount(amount, warnings: warningsField(amount, route: route, line: line))
  }

  mutating func writeAmount(_ amount: WholeYenRoute.Amount, warnings: [UInt8]) {
    if !warnings.isEmpty { tally.warnedRows &+= 1 }
    let excel = options.excel
    warnings.withUnsafeBufferPointer { warnings in
      out.append(upTo: Self.amountBytes + warnings.count) { start in Self.writeAmount(amount, warnings: warnings, excel: excel, at: start) }
    }
  }

  /// The most bytes ``writeAmount(_:warnings:excel:at:)`` writes besides the warnings: three
  /// integers, the basis (9 bytes at most), five commas and CRLF, with slack.
  static let amountBytes = 3 * ByteBuffer.integerBytes + 24

  /// Writes the four result columns and an empty error, ending the record, at `start`; the
  /// bytes written.
  @inline(__always)
  static func writeAmount(
    _ amount: WholeYenRoute.Amount, warnings: UnsafeBufferPointer<UInt8>, excel: Bool, at start: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var p = start
    let digits = ByteBuffer.write(amount.premium, at: p)
    p += digits
    if !amount.paymentPrinted {
      (p[0], p[1]) = (0x2C, 0x2C)  // no payment mode printed: no installments to state
      p += 2
    } else if amount.installments == 1, amount.installmentPremium == amount.premium {
      // The common row, paid at once: the installment repeats the premium's digits.
      (p[0], p[1], p[2]) = (0x2C, 0x31, 0x2C)
      ByteBuffer.copy(from: start, to: p + 3, count: digits)
      p += 3 + digits
    } else {
      p[0] = 0x2C
      p += 1 + ByteBuffer.write(Int64(amount.installments), at: p + 1)
      p[0] = 0x2C
      p += 1 + ByteBuffer.write(amount.installmentPremium, at: p + 1)
    }
    p[0] = 0x2C
    let name = amount.basis.constantName
    ByteBuffer.copy(from: name.utf8Start, to: p + 1, count: name.utf8CodeUnitCount)
    p += 1 + name.utf8CodeUnitCount
    (p[0], p[1]) = (0x2C, 0x2C)  // an empty error, then the warnings
    p += 2
    if let from = warnings.baseAddress {
      ByteBuffer.copy(from: from, to: p, count: warnings.count)
      p += warnings.count
    }
    if excel {
      (p[0], p[1]) = (0x0D, 0x0A)
      p += 2
    } else {
      p[0] = 0x0A
      p += 1
    }
    return p - start
  }

  mutating func rateSource(_ id: String) -> JSONOutput {
    if let known = rateSources[id] { return known }
    let source = (try? catalog.entry(id)).map(QuoteJSON.rateSource) ?? .null
    rateSources[id] = source
    return source
  }

  /// ``errorMessage(_:)``, building an unknown program's message from a cached end.
  mutating func failureMessage(_ error: MemberRowError) -> String {
    guard case .quote(.unknownProgram(let id, let suggestion, let known)) = error else { return errorMessage(error) }
    return QuoteError.unknownProgramMessage(id, tail: unknownProgramTail(suggestion: suggestion, known: known).text, options.language)
  }

  func errorMessage(_ error: MemberRowError) -> String {
    // The closure captures these, not self: a copy of the pricer per failed row.
    let (columns, options) = (columns, options)
    return error.message(language: options.language) { field in
      // The file's own column name; else the options' name for it.
      if let name = columns?.columnName(field) { return name }
      return options.settingName(field)
    }
  }

  func isNumber(_ cell: String) -> Bool { MemberCells.isNumber(cell) }

  func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, valid: Bool) {
    MemberCells.decode(bytes, encoding: encoding)
  }
}

extension Basis {
  /// The raw value as a constant, for writing without building a string per row.
  var constantName: StaticString {
    switch self {
    case .published: "published"
    case .formula: "formula"
    case .estimate: "estimate"
    }
  }
}
