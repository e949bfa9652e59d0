/// Rows as JSON lines (`--format jsonl`): the quote's keys, the input by column, the warnings as
/// codes and sentences, and a failed row with a priced row's keys.
extension MemberListPricer {
  mutating func writeJSONLine(cells: [String], result: Result<Quote, MemberRowError>) {
    guard let columns else { return }
    var members: [(String, JSONOutput)] = [
      ("line", .integer(line)),
      ("input", Self.inputObject(header: columns.header, cells: cells)),
    ]
    switch result {
    case .success(let quote):
      noteRow(quote.warnings, estimate: quote.estimateReason, programID: quote.program.id)
      // Each warning as its code and its sentence, the estimate's reason among them.
      let warnings =
        quote.warnings.map { ($0.code, Wording.warning($0, programID: quote.program.id, options.language)) }
        + (quote.estimateReason.map { [($0.code, Wording.estimateReason($0, options.language))] } ?? [])
      if !warnings.isEmpty { tally.warnedRows &+= 1 }
      members += QuoteJSON.members(quote, language: options.language).map { key, value in
        key == "warnings" ? (key, Self.warningsJSON(warnings)) : (key, value)
      }
      members.append(("rate_source", rateSource(quote.program.id)))
      members.append(("error", .null))
    case .failure(let error):
      // The keys of a priced row, in the same order: the cells given where they name a field,
      // the program's period warning when the program is known, null for the rest.
      let given = { (field: QuoteField) -> JSONOutput in
        columns.index[field].map { $0 < cells.count && !cells[$0].isEmpty ? .string(cells[$0]) : .null } ?? .null
      }
      let program =
        columns.index[.program].flatMap { $0 < cells.count ? cells[$0].trimmingSpaces : nil }.flatMap { $0.isEmpty ? nil : $0 }
        ?? options.defaults.program
      let known = program.flatMap { try? catalog.program($0) }
      for key in QuoteJSON.keys {
        switch key {
        case "program": members.append((key, known.map { .string($0.id) } ?? given(.program)))
        case "facility": members.append((key, given(.facility)))
        case "plan": members.append((key, given(.plan)))
        case "warnings":
          let warnings = known.map { Pricer.warnings(for: $0, on: options.today) } ?? []
          members.append((key, Self.warningsJSON(warnings.map { ($0.code, Wording.warning($0, programID: known?.id ?? "", options.language)) })))
        default: members.append((key, .null))
        }
      }
      members.append(("rate_source", known.map { rateSource($0.id) } ?? .null))
      members.append(("error", .string(failureMessage(error))))
    }
    out.append(contentsOf: JSONOutput.object(members).compact.utf8)
    endRecord()
  }

  /// `[{"code": …, "message": …}]`: a script matches the code, a person reads the message.
  static func warningsJSON(_ warnings: [(code: WarningCode, message: String)]) -> JSONOutput {
    .array(warnings.map { .object([("code", .string($0.code.rawValue)), ("message", .string($0.message))]) })
  }

  /// With CP932 output, rewrites the UTF-8 written from `start` on in CP932.
  func transcodeOutput(from start: Int) {
    guard options.outputCP932, start < out.count else { return }
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
    return .object(
      order.map { name in
        let all = values[name] ?? []
        return (name, all.count == 1 ? .string(all[0]) : .array(all.map { .string($0) }))
      })
  }
}
