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
  static let synopsis = Synopsis(positionals: ["FILE|DIR …"])

  static let specs: [OptionSpec] = [
    OptionSpec(name: "--junit", valueName: "FILE") {
      $0.pick("結果を JUnit XML にも書き出す（1行 = 1 testcase。内容は英語で固定）", "Also write the results as JUnit XML (one testcase per row; always in English)")
    },
    BatchCommand.encoding, CommonOptions.strict, CommonOptions.lang, CommonOptions.help,
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
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    guard !args.positionals.isEmpty else { throw UsageError.missingValue("FILE|DIR", command: name) }
    var files: [String] = []
    var seen: Set<String> = []
    for path in args.positionals {
      let found = try FileTree.files(path, suffix: ".csv", recursive: true)
      guard !found.isEmpty else { throw BatchError.noCheckFiles(path) }
      // A file named twice is checked once, as one JUnit suite.
      files += found.filter { seen.insert($0).inserted }
    }
    try OutputFile.refuseInputs([args.value("--junit")], inputs: files, context: context)
    let forcedEncoding = try BatchCommand.parseInputEncoding(args, command: name)
    var pricers = DatedPricers(catalog: context.catalog)
    let l = context.language
    var results = Results(language: l, junit: args.value("--junit") != nil)
    for file in files {
      try MemberListInput.naming(file) {
        try check(file, encoding: forcedEncoding, strict: args.has("--strict"), pricers: &pricers, into: &results)
      }
    }
    if let path = args.value("--junit") { try OutputFile.write(to: path) { sink throws(BatchError) in try results.writeJUnit(to: &sink) } }
    try results.report.copy(from: 0, to: results.report.count) { console.write(bytes: $0) }
    console.write(
      l.pick(
        "照合 \(results.checked)行、一致 \(results.checked - results.failed)行、不一致 \(results.failed)行\n",
        "\(results.checked) checked, \(results.checked - results.failed) passed, \(results.failed) failed\n"))
    return results.failed == 0 ? 0 : 1
  }

  /// What the rows checked so far come to: counts, and the report's lines and the JUnit test
  /// cases held in spools, so that memory stays flat however many rows there are and nothing
  /// reaches stdout before every file was read.
  struct Results {
    let language: Language
    private(set) var checked = 0
    private(set) var failed = 0
    /// The report's line for each failure.
    let report = Spool()
    /// JUnit test cases, file after file; nil without `--junit`.
    private let testCases: Spool?
    /// Each file's test cases in ``testCases``.
    private var suites: [Suite] = []

    private struct Suite {
      let file: String
      var tests = 0
      var failures = 0
      let start: Int
      var end: Int
    }

    init(language: Language, junit: Bool) {
      self.language = language
      testCases = junit ? Spool() : nil
    }

    mutating func startFile(_ file: String) {
      let start = testCases?.count ?? 0
      suites.append(Suite(file: file, start: start, end: start))
    }

    mutating func add(_ row: Row) throws(BatchError) {
      checked += 1
      if !row.failures.isEmpty { failed += 1 }
      for failure in row.failures {
        // A row without a source is named by its place, which the line already gives once.
        let name = row.name == "\(row.file):\(row.line)" ? "" : row.name
        let label = [name, row.note.isEmpty ? "" : "(\(row.note))"].filter { !$0.isEmpty }.joined(separator: " ")
        let line = "\(row.file):\(row.line): " + (label.isEmpty ? "" : label + ": ") + failure.text(language)
        // One line per record, whatever the terminal's width: scripts and editors read
        // `file:line:` from the start of each line. Controls from the file are shown, not sent.
        try report.append(TerminalText.escaped(line) + "\n")
      }
      guard let testCases, !suites.isEmpty else { return }
      try testCases.append(VerifyCommand.testCase(row))
      suites[suites.count - 1].tests += 1
      if !row.failures.isEmpty { suites[suites.count - 1].failures += 1 }
      suites[suites.count - 1].end = testCases.count
    }

    /// JUnit XML: a testsuite per file, a testcase per row named by its source.
    func writeJUnit(to sink: inout OutputFile.Sink) throws(BatchError) {
      sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
      sink.write("<testsuites name=\"cyberquote verify\" tests=\"\(checked)\" failures=\"\(failed)\">\n")
      for suite in suites {
        sink.write("  <testsuite name=\"\(XMLText.escaped(suite.file))\" tests=\"\(suite.tests)\" failures=\"\(suite.failures)\">\n")
        try testCases?.copy(from: suite.start, to: suite.end) { sink.write(bytes: $0) }
        sink.write("  </testsuite>\n")
      }
      sink.write("</testsuites>\n")
    }
  }

  /// One row as a JUnit test case.
  static func testCase(_ row: Row) -> String {
    let classname = XMLText.escaped(String(row.file.split(separator: "/").last ?? Substring(row.file)))
    var out = "    <testcase classname=\"\(classname)\" name=\"\(XMLText.escaped(row.name))\""
    if row.failures.isEmpty {
      out += "/>\n"
    } else {
      let message = XMLText.escaped(row.failures.map(\.en).joined(separator: "; "))
      out += ">\n      <failure message=\"\(message)\">\(XMLText.escaped("\(row.file):\(row.line)")): \(message)</failure>\n    </testcase>\n"
    }
    return out
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
  static func check(
    _ file: String, encoding forced: InputEncoding? = nil, strict: Bool = false, pricers: inout DatedPricers, into results: inout Results
  ) throws {
    let input = try MemberListInput.open(file: file, regularOnly: true)
    defer { input.close() }
    var list = try MemberListInput.rows(CSVReader(input.source, encoding: forced))
    let columns = list.columns
    let normalized = list.header.map { NumberText.halfWidth($0).trimmingSpaces.lowercased() }
    let expected: [Expectation.Field: Int]
    do { expected = try Expectation.columns(list.header) } catch { throw BatchError.memberList(.header(error)) }
    guard !expected.isEmpty else { throw BatchError.noExpectationColumn(list.header) }
    let sourceColumn = normalized.firstIndex(of: "source")
    let noteColumn = normalized.firstIndex(of: "note")
    let dateColumn = normalized.firstIndex(of: "date")

    results.startFile(file)
    var rows = 0
    while let row = try MemberListInput.next(&list) {
      let (line, cells) = (row.line, row.cells)
      let source = sourceColumn.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(file):\(line)"
      let note = noteColumn.map { cells[$0] } ?? ""
      for (_, index) in expected.sorted(by: { $0.value < $1.value }) where index >= cells.count || cells[index].trimmingSpaces.isEmpty {
        throw BatchError.emptyExpectation(line: line, column: list.header[index])
      }
      var failures: [Failure] = []
      let dateCell = dateColumn.map { NumberText.halfWidth(cells[$0]).trimmingSpaces } ?? ""
      let date = CalendarDate(iso: dateCell)
      switch Expectation.read(cells, columns: expected) {
      case .failure(let error):
        failures = [
          Failure(
            ja: "\(error.field.rawValue) の値 '\(error.value)' は読めません（\(error.field == .basis ? "published・formula・estimate のいずれか" : "円の整数")）", en: error.message)
        ]
      case .success where !dateCell.isEmpty && date == nil:
        failures = [Failure(ja: "date の値 '\(dateCell)' は読めません（YYYY-MM-DD の日付）", en: "the value '\(dateCell)' in date is not a date (expected YYYY-MM-DD)")]
      case .success(let expectation):
        switch row.request.flatMap({ pricers.quote($0, on: date) }) {
        case .success(let quote):
          let mismatches = expectation.mismatches(quote)
          if !mismatches.isEmpty {
            // One failure per row, with every figure that differs and where it was read from.
            let file = (try? pricers.dated(date).entry(quote.program.id).origin) ?? quote.program.id
            failures = [mismatch(mismatches, cells: quote.sourceCells, file: file)]
          }
          // A figure that matches but carries a warning fails only when asked.
          let codes = (quote.warnings.map(\.code) + (quote.estimateReason.map { [$0.code] } ?? [])).map(\.rawValue).joined(separator: ";")
          if strict, !codes.isEmpty { failures.append(Failure(ja: "--strict: 警告 \(codes)", en: "--strict: warnings \(codes)")) }
        case .failure(let error):
          let message = { (l: Language) in error.message(language: l) { columns.columnName($0) ?? $0.rawValue } }
          failures = [Failure(ja: "計算できません: " + message(.ja), en: "cannot be priced: " + message(.en))]
        }
      }
      try results.add(Row(file: file, line: line, name: source, note: note, failures: failures))
      rows += 1
    }
    try input.checkUnchanged()
    guard rows > 0 else { throw BatchError.noCheckRows }
  }

  /// A row's mismatches as one failure, naming the rate file and the cells the figure came from.
  static func mismatch(_ mismatches: [Expectation.Mismatch], cells: [SourceCell], file: String) -> Failure {
    func text(_ l: Language) -> String {
      let figures = mismatches.map {
        l.pick("\(label($0.field, .ja)) 期待値 \($0.expected)、計算値 \($0.actual)", "\(label($0.field, .en)) expected \($0.expected), got \($0.actual)")
      }
      let source = ([file] + cells.map { $0.words(l) }).joined(separator: l.pick("、", "; "))
      return figures.joined(separator: l.pick("；", "; ")) + l.pick("（\(source)）", " (\(source))")
    }
    return Failure(ja: text(.ja), en: text(.en))
  }

  static func label(_ field: Expectation.Field, _ l: Language) -> String {
    switch field {
    case .premium: l.pick("保険料", "premium")
    case .installmentPremium: l.pick("1回分保険料", "installment_premium")
    case .basis: l.pick("根拠", "basis")
    }
  }
}
