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
      $0.pick("結果を JUnit XML にも書き出す（1行 = 1 testcase）", "Also write the results as JUnit XML (one testcase per row)")
    },
    CommonOptions.lang, CommonOptions.help,
  ]

  /// One checked row.
  struct Row {
    let file: String
    let line: Int
    /// The `source` cell, or `file:line` when there is none.
    let name: String
    let note: String
    /// Empty when the row passed.
    let failures: [String]
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
    var pricer = RowPricer(catalog: context.catalog)
    var rows: [Row] = []
    for file in files {
      rows += try MemberListInput.naming(file) { try check(file, pricer: &pricer, context.language) }
    }
    let failed = rows.filter { !$0.failures.isEmpty }
    var report = failed.flatMap { row in row.failures.map { "\(row.file):\(row.line): \(row.name)\(row.note.isEmpty ? "" : " (\(row.note))"): \($0)\n" } }.joined()
    report += "\(rows.count) checked, \(rows.count - failed.count) passed, \(failed.count) failed\n"
    if let path = args.value("--junit") { try OutputFile.write(junit(rows), to: path) }
    console.write(report)
    return failed.isEmpty ? 0 : 1
  }

  /// Every row of one check file.
  static func check(_ file: String, pricer: inout RowPricer, _ l: Language) throws -> [Row] {
    let input = try MemberListInput.open(file: file)
    defer { input.close() }
    var reader = CSVReader(input.source)
    let (header, columns) = try MemberListInput.header(&reader)
    let encoding = reader.encoding
    let normalized = header.map { NumberText.halfWidth($0).trimmingSpaces.lowercased() }
    var expected: [Expectation.Field: Int] = [:]
    for field in Expectation.Field.allCases {
      if let i = normalized.firstIndex(of: field.rawValue) { expected[field] = i }
    }
    guard !expected.isEmpty else { throw BatchError.noExpectationColumn(header) }
    let sourceColumn = normalized.firstIndex(of: "source")
    let noteColumn = normalized.firstIndex(of: "note")

    var rows: [Row] = []
    while try MemberListInput.next(&reader) {
      if reader.isBlankLine { continue }
      let line = reader.line
      let (cells, problem) = reader.withFields { MemberCells.read($0, columns: columns, encoding: encoding) }
      let source = sourceColumn.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(file):\(line)"
      let note = noteColumn.map { cells[$0] } ?? ""
      var failures: [String] = []
      switch Expectation.read(cells, columns: expected) {
      case .failure(let error):
        failures = [error.message]
      case .success(let expectation):
        let request = problem.map { Result<QuoteRequest, MemberRowError>.failure($0) } ?? columns.request(cells: cells, defaults: .init())
        switch request.flatMap({ pricer.quote($0) }) {
        case .success(let quote):
          failures = expectation.mismatches(quote).map { "\(label($0.field)) expected \($0.expected), got \($0.actual)" }
        case .failure(let error):
          failures = [l.pick("計算できません: ", "cannot be priced: ") + error.message(language: l) { columns.columnName($0) ?? $0.rawValue }]
        }
      }
      rows.append(Row(file: file, line: line, name: source, note: note, failures: failures))
    }
    return rows
  }

  static func label(_ field: Expectation.Field) -> String {
    switch field {
    case .premium: "premium"
    case .installmentPremium: "installment_premium"
    case .basis: "basis"
    }
  }

  /// JUnit XML: a testsuite per file, a testcase per row named by its source.
  static func junit(_ rows: [Row]) -> String {
    var files: [String] = []
    for row in rows where !files.contains(row.file) { files.append(row.file) }
    let failures = rows.filter { !$0.failures.isEmpty }.count
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"cyberquote verify\" tests=\"\(rows.count)\" failures=\"\(failures)\">\n"
    for file in files {
      let suite = rows.filter { $0.file == file }
      let classname = XMLText.escaped(String(file.split(separator: "/").last ?? Substring(file)))
      out += "  <testsuite name=\"\(XMLText.escaped(file))\" tests=\"\(suite.count)\" failures=\"\(suite.filter { !$0.failures.isEmpty }.count)\">\n"
      for row in suite {
        out += "    <testcase classname=\"\(classname)\" name=\"\(XMLText.escaped(row.name))\""
        if row.failures.isEmpty {
          out += "/>\n"
        } else {
          let message = XMLText.escaped(row.failures.joined(separator: "; "))
          out += ">\n      <failure message=\"\(message)\">\(XMLText.escaped("\(row.file):\(row.line)")): \(message)</failure>\n    </testcase>\n"
        }
      }
      out += "  </testsuite>\n"
    }
    return out + "</testsuites>\n"
  }
}
