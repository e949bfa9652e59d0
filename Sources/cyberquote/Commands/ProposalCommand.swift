import PremiumCore

/// `cyberquote proposal`: a printable quotation page (one self-contained HTML file: inline CSS and
/// SVG, no script, nothing fetched) for the doctor to take home. Every figure on it is the
/// library's, rendered by the same words as the terminal; the page only arranges them.
enum ProposalCommand {
  static let name = "proposal"
  static let synopsis = Synopsis(alternatives: [["--program", "--facility"], ["--members"]])

  static let specs: [OptionSpec] =
    [
      CommonOptions.program, CommonOptions.facility,
    ] + CommonOptions.counts + [
      CommonOptions.security,
      OptionSpec(name: "--plan", valueName: "CODE[,CODE…]") {
        $0.pick("ご提案するプラン（カンマ区切りで複数可）。表で強調し、計算の説明を付けます", "Plans to propose (comma-separated): highlighted in the menu, each with its calculation")
      },
      OptionSpec(name: "--to", valueName: "NAME") { $0.pick("宛名（医療機関名など）", "Recipient (the institution)") },
      OptionSpec(name: "--from", valueName: "NAME") { $0.pick("差出人（代理店名など）", "Sender (the agency)") },
      OptionSpec(name: "--apply-date", valueName: "YYYY-MM-DD") { $0.pick("申込（受付）日: 補償期間を記載", "Application day: states the cover it gets") },
      OptionSpec(name: "--compare", valueName: nil) { $0.pick("加入できる全制度での比較を付ける", "Add the same facility across every program it may join") },
      OptionSpec(name: "--members", valueName: "FILE") {
        $0.pick(
          "法人の複数施設: batch と同じ会員名簿 CSV から1ページに（施設ごとの保険料と合計。1,000施設まで。計算できない行があれば終了コード 1）",
          "A corporate group: the member list of batch on one page, each facility's premium and the total (up to 1,000 facilities; exit 1 when a row cannot be priced)"
        )
      },
      OptionSpec(name: "--out", valueName: "FILE.html") { $0.pick("書き出すファイル（既定: 標準出力。- も標準出力）", "File to write (default, or -: standard output)") },
      CommonOptions.lang, CommonOptions.help,
    ]

  static func run<C: Console>(_ arguments: [String], context: Context, console: inout C) throws -> Int32 {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    try OutputFile.refuseInputs([args.value("--out")], inputs: [args.value("--members")].compactMap { $0 }, context: context)
    let l = context.language
    var page = ProposalPage(language: l, date: context.today, to: args.value("--to"), from: args.value("--from"))
    let html: String
    var status: Int32 = 0
    if let members = args.value("--members") {
      let (group, columns) = try MemberListInput.naming(members) { try groupRows(members, catalog: context.catalog, l) }
      html = try page.group(group)
      console.writeNote(columns.otherBedsNotice(l), l, width: context.errorColumns)
      // As batch: warnings and the rows that failed on stderr, exit 1 when any failed.
      var warned: Set<String> = []
      for case .success(let quote) in group.map(\.result) {
        for warning in Pricer.warnings(for: quote.program, on: context.today) {
          let text = l.pick("警告: ", "warning: ") + Wording.warning(warning, programID: quote.program.id, l) + "\n"
          if warned.insert(text).inserted { console.writeError(Screen.fit(text, width: context.errorColumns)) }
        }
      }
      let failed = group.filter { if case .failure = $0.result { true } else { false } }
      for member in failed {
        console.writeError(l.pick("\(members):\(member.line): 計算できません: ", "\(members):\(member.line): cannot be priced: ") + member.message + "\n")
      }
      if !failed.isEmpty {
        console.writeError(
          l.pick("計算できない施設 \(failed.count)件（ページに記載し、合計に含みません）\n", "\(failed.count) facilities could not be priced (listed on the page, not in the total)\n"))
        status = 1
      }
    } else {
      let request = try CommonOptions.menuRequest(args, command: name)
      let rates = try context.catalog.entry(request.program)
      let program = try rates.load()
      var resolved = request
      resolved.program = program.id
      let menu = try PlanMenu(program: program, request: resolved, on: context.today)
      // Each plan once, in the order first named: `S4,S4` (or 40,000 of them) is one plan.
      var named: Set<String> = []
      let chosen = try (args.value("--plan") ?? "").split(separator: ",").map { raw -> String in
        let code = NumberText.halfWidth(String(raw)).trimmingSpaces.uppercased()
        guard let plan = program.plan(code) else {
          let codes = program.plans.map(\.code)
          throw QuoteError.unknownPlan(code, program: program.id, suggestion: Suggestion.closest(to: code, in: codes), known: codes)
        }
        return plan.code
      }.filter { named.insert($0).inserted }
      let cover = try QuoteCommand.applyDate(args).map { CoverDates(program: program, receivedOn: $0) }
      let compare =
        args.has("--compare")
        ? try context.catalog.ids.map {
          CompareCommand.row(try context.catalog.entry($0).load(), request: resolved, filter: PlanFilter(), today: context.today)
        }
        : nil
      html = try page.single(menu: menu, request: resolved, chosen: chosen, rates: rates, cover: cover, compare: compare)
      // An ended or undated period is said on stderr as well as on the page.
      for warning in Pricer.warnings(for: program, on: context.today) {
        console.writeError(Screen.fit(l.pick("警告: ", "warning: ") + Wording.warning(warning, programID: program.id, l) + "\n", width: context.errorColumns))
      }
    }
    guard let out = args.value("--out"), out != "-" else {
      console.write(html)
      return status
    }
    try OutputFile.write(html, to: out)
    return status
  }

  /// The most facilities one page lists: more than fit on paper is a list for `batch`, refused
  /// before it is read whole, so that memory stays bounded.
  static let maximumMembers = 1_000

  /// One member of a group, priced (or why not).
  struct Member {
    let line: Int
    let name: String
    let cells: [String]
    let result: Result<Quote, MemberRowError>
    let message: String
  }

  /// The member list of `batch`, each row priced under the catalog, with errors in `l`.
  static func groupRows(_ path: String, catalog: Catalog, _ l: Language) throws -> (members: [Member], columns: MemberColumns) {
    let input = try MemberListInput.open(file: path)
    defer { input.close() }
    var rows = try MemberListInput.rows(CSVReader(input.source))
    let columns = rows.columns
    // The member's name: the first column that is not one of the fields batch reads.
    let fieldColumns = Set(columns.index.values).union(columns.otherBedParts)
    let nameColumn = rows.header.indices.first { !fieldColumns.contains($0) }
    var pricer = RowPricer(catalog: catalog)
    var members: [Member] = []
    while let row = try MemberListInput.next(&rows) {
      guard members.count < maximumMembers else { throw BatchError.tooManyMembers(limit: maximumMembers) }
      let (line, cells) = (row.line, row.cells)
      let result = row.request.flatMap { pricer.quote($0) }
      let message: String
      if case .failure(let error) = result {
        message = error.message(language: l) { columns.columnName($0) ?? $0.rawValue }
      } else {
        message = ""
      }
      let name = nameColumn.map { cells[$0] } ?? ""
      members.append(Member(line: line, name: name.isEmpty ? "\(line)" : name, cells: cells, result: result, message: message))
    }
    try input.checkUnchanged()
    return (members, columns)
  }
}
