#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// `cyberquote impact --old PATH --new PATH FILE`: a member list (the CSV of `batch`) re-priced
/// under two rate sources, row by row, with the tally an association needs before renewal.
///
/// `--format csv` (default) writes every input row with `old_premium,new_premium,change,
/// change_pct,error` added and the summary on stderr; `--format text` writes only the summary,
/// with the distribution of changes as a table. Exit status as `batch`: 1 when any row failed.
enum ImpactCommand {
  static let name = "impact"
  static let synopsis = Synopsis(required: ["--old", "--new"], positionals: ["[FILE | -]"])
  static let outputColumns = ["old_premium", "new_premium", "change", "change_pct", "error"]

  static let specs: [OptionSpec] = [
    OptionSpec(name: "--old", valueName: "PATH") {
      $0.pick("現行の料率: 料率ファイル・ディレクトリ、または builtin（内蔵）", "The current rates: a rate file or directory, or builtin")
    },
    OptionSpec(name: "--new", valueName: "PATH") {
      $0.pick("新しい料率: 料率ファイル・ディレクトリ、または builtin（内蔵）", "The new rates: a rate file or directory, or builtin")
    },
    BatchCommand.defaultProgram, BatchCommand.encoding, BatchCommand.outputEncoding,
    CommonOptions.strict, CommonOptions.format(["csv", "text"]), CommonOptions.lang, CommonOptions.help,
  ]

  static func run<C: Console>(_ arguments: [String], context: Context, console: inout C) throws -> Int32 {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    guard args.positionals.count <= 1 else { throw UsageError.unexpectedArgument(args.positionals[1], command: name) }
    let format = try CommonOptions.parseFormat(args, command: name, allowed: ["csv", "text"])
    let forcedEncoding = try BatchCommand.parseInputEncoding(args, command: name)
    let outputCP932 = try BatchCommand.parseOutputCP932(args, command: name)
    guard let oldPath = args.value("--old") else { throw UsageError.missingOption("--old", command: name) }
    guard let newPath = args.value("--new") else { throw UsageError.missingOption("--new", command: name) }
    let old = try catalog(oldPath, base: context.catalog)
    let new = try catalog(newPath, base: context.catalog)
    var defaults = QuoteRequest.Defaults()
    defaults.program = try BatchCommand.parseDefaultProgram(args, catalog: new)

    let input = try MemberListInput.open(args.positionals.first, command: name, console: &console)
    defer { input.close() }
    var warned = 0
    let summary = try input.reading { () throws -> ImpactSummary in
      var rows = try MemberListInput.rows(CSVReader(input.source, encoding: forcedEncoding), defaults: defaults)
      let (header, columns) = (rows.header, rows.columns)
      console.writeNote(columns.otherBedsNotice(context.language), context.language, width: context.errorColumns)
      var oldPricer = RowPricer(catalog: old)
      var newPricer = RowPricer(catalog: new)
      var summary = ImpactSummary()
      var out: [UInt8] = []
      if format == "csv" { writeRow(header + outputColumns, numeric: { _ in false }, cp932: outputCP932, to: &out) }
      while var row = try MemberListInput.next(&rows) {
        let cells = row.cells
        if outputCP932, format == "csv", case .success = row.request, let missing = MemberCells.firstUnencodable(cells, header: columns.header) {
          row.request = .failure(missing)
        }
        let result = compare(row.request, old: &oldPricer, new: &newPricer, into: &summary, warned: &warned, context.language, naming: columns)
        guard format == "csv" else { continue }
        // Input numbers and the four computed figures are data; every other cell is neutralized.
        let isData = { (i: Int) in
          i < cells.count ? columns.isNumericColumn(i) && MemberCells.isNumber(cells[i]) : i < cells.count + 4
        }
        writeRow(cells + result, numeric: isData, cp932: outputCP932, to: &out)
        if out.count >= 1 << 16 {
          out.withUnsafeBufferPointer { console.write(bytes: $0) }
          out.removeAll(keepingCapacity: true)
          try console.checkOutput()
        }
      }
      out.withUnsafeBufferPointer { console.write(bytes: $0) }
      return summary
    }
    try console.flushAndCheckOutput()
    let l = context.language
    let strict = args.has("--strict")
    var text = report(summary, l)
    if warned > 0 {
      text +=
        l.pick("警告のある行（保険期間終了・日付の記載なし・推定など）\(warned)行", "\(warned) \(warned == 1 ? "row" : "rows") with warnings (an ended or undated period, an estimate, …)")
        + (strict ? l.pick("（--strict: 終了コード 1）", " (--strict: exit 1)") : "") + "\n"
    }
    if format == "csv" {
      console.writeError(Screen.fit(text, width: context.errorColumns))
    } else {
      console.write(Screen.fit(text, width: context.terminalColumns))
    }
    if summary.total == nil { throw BatchError.totalOverflow }
    return summary.failed > 0 || strict && warned > 0 ? 1 : 0
  }

  /// The five result cells of one row, tallied into `summary`.
  static func compare(
    _ request: Result<QuoteRequest, MemberRowError>, old: inout RowPricer, new: inout RowPricer, into summary: inout ImpactSummary,
    warned: inout Int, _ l: Language, naming columns: MemberColumns
  ) -> [String] {
    let quotes = (request.flatMap { old.quote($0) }, request.flatMap { new.quote($0) })
    // A row whose figure, under either book, comes with a warning or is an estimate.
    if [quotes.0, quotes.1].contains(where: { if case .success(let q) = $0 { !q.warnings.isEmpty || q.estimateReason != nil } else { false } }) {
      warned += 1
    }
    let before = quotes.0.map(\.premium)
    let after = quotes.1.map(\.premium)
    guard case .success(let a) = before, case .success(let b) = after else {
      summary.addFailure()
      let amount = { (r: Result<Yen, MemberRowError>) -> String in
        if case .success(let yen) = r { "\(yen.amount)" } else { "" }
      }
      return [amount(before), amount(after), "", "", errorText(before, after, columns: columns, l)]
    }
    let change = PremiumChange(old: a, new: b)
    summary.add(change)
    return ["\(a.amount)", "\(b.amount)", "\(change.change)", change.percentText() ?? "", ""]
  }

  /// `builtin`: the programs otherwise in use. A path: its rate files, checked, in place of the
  /// programs with their ids, whatever their periods, so that every row is priced by the file.
  static func catalog(_ source: String, base: Catalog) throws -> Catalog {
    if source == "builtin" { return base }
    let result = RateBookCheck.check(try RateFileSources.read([source]))
    if let error = result.errors.first { throw error }
    return base.replacing(result.programs)
  }

  static func errorText(_ before: Result<Yen, MemberRowError>, _ after: Result<Yen, MemberRowError>, columns: MemberColumns, _ l: Language) -> String {
    func message(_ error: MemberRowError) -> String {
      error.message(language: l) { columns.columnName($0) ?? $0.rawValue }
    }
    switch (before, after) {
    case (.failure(let a), .failure(let b)) where message(a) == message(b): return message(a)
    case (.failure(let a), .failure(let b)): return l.pick("現行: ", "old: ") + message(a) + " / " + l.pick("新: ", "new: ") + message(b)
    case (.failure(let a), _): return l.pick("現行: ", "old: ") + message(a)
    case (_, .failure(let b)): return l.pick("新: ", "new: ") + message(b)
    default: return ""
    }
  }

  static func writeRow(_ cells: [String], numeric: (Int) -> Bool, cp932: Bool = false, to out: inout [UInt8]) {
    var row: [UInt8] = []
    CSVLine.append(cells, isData: numeric, to: &row)
    out += cp932 ? CP932.encode(String(decoding: row, as: UTF8.self)).bytes : row
  }

  /// The summary: members, totals, and how many moved by more than 5%, 10% and 20%.
  static func report(_ s: ImpactSummary, _ l: Language) -> String {
    let yen = { (v: Int64?) in v.map { YenFormat.grouped($0) + l.pick("円", " yen") } ?? l.pick("計算できません", "cannot be computed") }
    var text = l.pick(
      "会員 \(s.members)行: 両方で計算 \(s.members - s.failed)行、エラー \(s.failed)行、保険料が変わる会員 \(s.affected)行\n",
      "\(s.members) members: \(s.members - s.failed) priced under both, \(s.failed) failed, \(s.affected) with a changed premium\n")
    text += l.pick("保険料合計: 現行 ", "Total premium: old ") + yen(s.totalOld) + l.pick(" → 新 ", " → new ") + yen(s.totalNew)
    if let total = s.total {
      let sign = total.change > 0 ? "+" : ""
      text += l.pick("（", " (") + sign + yen(total.change) + (total.percentText(plus: true).map { l.pick("、", ", ") + $0 + "%" } ?? "") + l.pick("）", ")")
    }
    text += "\n"
    var table = TextColumns(alignments: [.left, .right, .right])
    table.add([l.pick("変動幅", "Change"), l.pick("上昇", "Up"), l.pick("下降", "Down")])
    for (i, threshold) in ImpactSummary.thresholds.enumerated() {
      table.add([l.pick("\(threshold)%超", "over \(threshold)%"), "\(s.up[i])", "\(s.down[i])"])
    }
    return text + table.render(indent: "  ")
  }
}
