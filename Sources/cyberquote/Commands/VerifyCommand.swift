#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// `cyberquote verify FILE|DIR …`: check files (`rates/checks/*.csv`) as regression tests. Each
/// row is priced as `batch` prices it and compared with its `expected_*` cells.
///
/// stdout: one line per mismatch or unpriceable row, then `N checked, N passed, N failed`.
/// Exit status: 0 every row matches; 1 a mismatch or an unpriceable row; 2 a file that cannot
/// be read or has no expectation column.
enum VerifyCommand {
  static let name = "verify"

  static let specs: [OptionSpec] = [
    OptionSpec(name: "--junit", valueName: "FILE") {
      $0.pick("結果を JUnit XML にも書き出す（1行 = 1 testcase。内容は英語で固定）", "Also write the results as JUnit XML (one testcase per row; always in English)")
    },
    BatchCommand.encoding, CommonOptions.lang, CommonOptions.help,
  ]

  /// One way a row fails, in both languages: the report follows `--lang`, JUnit stays English
  /// for CI systems that parse it.
  struct Failure {
    let ja: String
    let en: String
    func text(_ l: Language) -> String { l.pick(ja, en) }
  }

  /// One checked row.
  struct Row {
    let file: String
    let line: Int
    /// The `source` cell, or `file:line` when there is none.
    let name: String
    let note: String
    /// Empty when the row passed.
    let failures: [Failure]
  }

  static func run<C: Console>(_ arguments: [String], context: Context, console: inout C) throws -> Int32 {
    let args = try ParsedArguments(arguments, specs: specs, command: name)
    guard !args.positionals.isEmpty else { throw UsageError.missingValue("FILE|DIR", command: name) }
    var files: [String] = []
    for path in args.positionals {
      let found = try FileTree.files(path, suffix: ".csv", recursive: true)
      guard !found.isEmpty else { throw BatchError.noCheckFiles(path) }
      files += found
    }
    try OutputFile.refuseInputs([args.value("--junit")], inputs: files, context: context)
    let forcedEncoding = try args.choice(
      "--encoding", command: name, parse: BatchCommand.parseEncoding, choices: ["auto", "utf-8", "cp932"]) ?? nil
    var pricers = DatedPricers(catalog: context.catalog)
    var rows: [Row] = []
    for file in files {
      rows += try MemberListInput.naming(file) { try check(file, encoding: forcedEncoding, pricers: &pricers) }
    }
    let l = context.language
    let failed = rows.filter { !$0.failures.isEmpty }
    var report = failed.flatMap { row in
      row.failures.map { "\(row.file):\(row.line): \(row.name)\(row.note.isEmpty ? "" : " (\(row.note))"): \($0.text(l))\n" }
    }.joined()
    report += l.pick(
      "照合 \(rows.count)行、一致 \(rows.count - failed.count)行、不一致 \(failed.count)行\n",
      "\(rows.count) checked, \(rows.count - failed.count) passed, \(failed.count) failed\n")
    if let path = args.value("--junit") { try OutputFile.write(junit(rows), to: path) }
    console.write(Screen.fit(report, width: context.terminalColumns ?? Screen.defaultWidth))
    return failed.isEmpty ? 0 : 1
  }

  /// One row pricer per quote date a check file names: a row's `date` picks the version of its
  /// program in force that day, so that a brochure's figures stay checked once next year's book
  /// is added. A row without a date is priced on the command's date (by default today).
  struct DatedPricers {
    let catalog: Catalog
    private var pricers: [CalendarDate?: RowPricer] = [:]

    init(catalog: Catalog) { self.catalog = catalog }

    /// Distinct dates kept: a check file names a few; a bound on memory for one that names many.
    static let limit = 64

    mutating func quote(_ request: QuoteRequest, on date: CalendarDate?) -> Result<Quote, MemberRowError> {
      var pricer = pricers[date] ?? RowPricer(catalog: dated(date))
      let result = pricer.quote(request, on: date)
      if pricers[date] != nil || pricers.count < Self.limit { pricers[date] = pricer }
      return result
    }

    func dated(_ date: CalendarDate?) -> Catalog {
      var dated = catalog
      if let date { dated.date = date }
      return dated
    }
  }

  /// Every row of one check file.
  static func check(_ file: String, encoding forced: InputEncoding? = nil, pricers: inout DatedPricers) throws -> [Row] {
    let input = try MemberListInput.open(file: file, regularOnly: true)
    defer { input.close() }
    var reader = CSVReader(input.source, encoding: forced)
    let (header, columns) = try MemberListInput.header(&reader)
    let normalized = header.map { NumberText.halfWidth($0).trimmingSpaces.lowercased() }
    var expected: [Expectation.Field: Int] = [:]
    for field in Expectation.Field.allCases {
      if let i = normalized.firstIndex(of: field.rawValue) { expected[field] = i }
    }
    guard !expected.isEmpty else { throw BatchError.noExpectationColumn(header) }
    let sourceColumn = normalized.firstIndex(of: "source")
    let noteColumn = normalized.firstIndex(of: "note")
    let dateColumn = normalized.firstIndex(of: "date")

    var rows: [Row] = []
    while try MemberListInput.next(&reader) {
      if reader.isBlankLine { continue }
      let line = reader.line
      let (cells, problem) = reader.withFields { MemberCells.read($0, columns: columns, encoding: reader.encoding) }
      let source = sourceColumn.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(file):\(line)"
      let note = noteColumn.map { cells[$0] } ?? ""
      for (field, index) in expected.sorted(by: { $0.value < $1.value }) where index >= cells.count || cells[index].trimmingSpaces.isEmpty {
        throw BatchError.emptyExpectation(line: line, column: field.rawValue)
      }
      var failures: [Failure] = []
      let dateCell = dateColumn.map { NumberText.halfWidth(cells[$0]).trimmingSpaces } ?? ""
      let date = CalendarDate(iso: dateCell)
      switch Expectation.read(cells, columns: expected) {
      case .failure(let error):
        failures = [Failure(ja: "\(error.field.rawValue) の値 '\(error.value)' は読めません（\(error.field == .basis ? "published・formula・estimate のいずれか" : "円の整数")）", en: error.message)]
      case .success where !dateCell.isEmpty && date == nil:
        failures = [Failure(ja: "date の値 '\(dateCell)' は読めません（YYYY-MM-DD の日付）", en: "the value '\(dateCell)' in date is not a date (expected YYYY-MM-DD)")]
      case .success(let expectation):
        let request = problem.map { Result<QuoteRequest, MemberRowError>.failure($0) } ?? columns.request(cells: cells, defaults: .init())
        switch request.flatMap({ pricers.quote($0, on: date) }) {
        case .success(let quote):
          failures = expectation.mismatches(quote).map { m in
            Failure(ja: "\(label(m.field, .ja)) 期待値 \(m.expected)、計算値 \(m.actual)", en: "\(label(m.field, .en)) expected \(m.expected), got \(m.actual)")
          }
        case .failure(let error):
          let message = { (l: Language) in error.message(language: l) { columns.columnName($0) ?? $0.rawValue } }
          failures = [Failure(ja: "計算できません: " + message(.ja), en: "cannot be priced: " + message(.en))]
        }
      }
      rows.append(Row(file: file, line: line, name: source, note: note, failures: failures))
    }
    try input.checkUnchanged()
    guard !rows.isEmpty else { throw BatchError.noCheckRows }
    return rows
  }

  static func label(_ field: Expectation.Field, _ l: Language) -> String {
    switch field {
    case .premium: l.pick("保険料", "premium")
    case .installmentPremium: l.pick("1回分保険料", "installment_premium")
    case .basis: l.pick("根拠", "basis")
    }
  }

  /// JUnit XML: a testsuite per file, a testcase per row named by its source.
  static func junit(_ rows: [Row]) -> String {
    // One suite per file, in the order first seen, grouped in one pass.
    var files: [String] = []
    var suites: [String: [Row]] = [:]
    for row in rows {
      if suites[row.file] == nil { files.append(row.file) }
      suites[row.file, default: []].append(row)
    }
    let failures = rows.filter { !$0.failures.isEmpty }.count
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"cyberquote verify\" tests=\"\(rows.count)\" failures=\"\(failures)\">\n"
    for file in files {
      let suite = suites[file] ?? []
      let classname = XMLText.escaped(String(file.split(separator: "/").last ?? Substring(file)))
      out += "  <testsuite name=\"\(XMLText.escaped(file))\" tests=\"\(suite.count)\" failures=\"\(suite.filter { !$0.failures.isEmpty }.count)\">\n"
      for row in suite {
        out += "    <testcase classname=\"\(classname)\" name=\"\(XMLText.escaped(row.name))\""
        if row.failures.isEmpty {
          out += "/>\n"
        } else {
          let message = XMLText.escaped(row.failures.map(\.en).joined(separator: "; "))
          out += ">\n      <failure message=\"\(message)\">\(XMLText.escaped("\(row.file):\(row.line)")): \(message)</failure>\n    </testcase>\n"
        }
      }
      out += "  </testsuite>\n"
    }
    return out + "</testsuites>\n"
  }
}
