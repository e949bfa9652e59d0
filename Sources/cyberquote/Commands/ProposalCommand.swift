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
      OptionSpec(name: "--wish", valueName: "TEXT", repeatable: true) {
        $0.pick("お客さまのご意向（意向把握）をお客さまの言葉で。ご意向ごとに1回ずつ指定（ページの最初に記載）", "A wish of the customer, in their words; once per wish (shown first on the page)")
      },
      OptionSpec(name: "--final-wish", valueName: "TEXT", repeatable: true) {
        $0.pick("最終的なご意向。当初のご意向と並べて記載（ご意向ごとに1回ずつ）", "A final wish, shown beside the initial ones (once per wish)")
      },
      OptionSpec(name: "--wish-cover", valueName: "KIND[,KIND]") {
        $0.pick(
          "ご意向が求める補償の種類。ご提案のプランがそれをパンフレットで補償すると記載していなければ終了コード 2。値: \(CoverSummary.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
          "The kinds of cover the wishes ask for; exit 2 unless the brochure prints each proposed plan as covering them (\(CoverSummary.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
        )
      },
      OptionSpec(name: "--reason", valueName: "TEXT") {
        $0.pick("ご提案のプランをお勧めする理由（比較推奨）", "Why the proposed plan is recommended")
      },
      OptionSpec(name: "--to", valueName: "NAME") { $0.pick("宛名（医療機関名など）", "Recipient (the institution)") },
      OptionSpec(name: "--from", valueName: "NAME") { $0.pick("代理店名", "The agency's name") },
      OptionSpec(name: "--contact", valueName: "TEXT") {
        $0.pick("代理店の連絡先（登録番号・所在地・電話・担当者など、代理店の記載どおり）", "The agency's contact line (registration number, address, phone, person in charge), as given")
      },
      OptionSpec(name: "--valid-until", valueName: "YYYY-MM-DD") { $0.pick("この御見積書の有効期限", "The day this quotation is valid until") },
      OptionSpec(name: "--apply-date", valueName: "YYYY-MM-DD") { $0.pick("申込（受付）日: 補償期間を記載", "Application day: states the cover it gets") },
      OptionSpec(name: "--compare", valueName: nil) {
        $0.pick("加入できる全制度での比較と、比較の条件（比較推奨）を付ける", "Add the same facility across the programs, with how they were narrowed")
      },
      OptionSpec(name: "--compare-programs", valueName: "ID[,ID…]") {
        $0.pick("比較する制度（既定: すべて。--compare を含みます）", "The programs to compare (default: all; implies --compare)")
      },
    ] + CommonOptions.planFilters + [
      OptionSpec(name: "--members", valueName: "FILE") {
        $0.pick(
          "法人の複数施設: batch と同じ会員名簿 CSV から1ページに（施設ごとの保険料と年間合計。1,000施設まで。計算できない行があれば終了コード 1）",
          "A corporate group: the member list of batch on one page, each facility's premium and the annual total (up to 1,000 facilities; exit 1 when a row cannot be priced)"
        )
      },
      OptionSpec(name: "--out", valueName: "FILE.html") { $0.pick("書き出すファイル（既定: 標準出力。- も標準出力）", "File to write (default, or -: standard output)") },
      OptionSpec(name: "--record", valueName: "FILE.json") {
        $0.pick(
          "お渡しした内容の記録（JSON: 入力・料率の指紋・金額・ご意向・HTML の SHA-256）を書き出す",
          "Write the record of what was handed over (JSON: inputs, rate-book fingerprints, figures, wishes, the HTML's SHA-256)")
      },
      CommonOptions.lang, CommonOptions.help,
    ]

  static func run<C: Console>(_ arguments: [String], context: Context, console: inout C) throws -> Int32 {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    let membersPath = args.value("--members")
    try OutputFile.refuseInputs([args.value("--out"), args.value("--record")], inputs: [membersPath].compactMap { $0 }, context: context)
    try OutputFile.refuseSameFile([("--out", args.value("--out")), ("--record", args.value("--record"))], command: name)
    let l = context.language
    let texts = try ProposalTexts(args, today: context.realToday ?? context.today, command: name)
    var page = ProposalPage(language: l, date: context.today, issued: context.realToday ?? context.today, texts: texts)
    let issued = context.now.flatMap(Environment.localTimestamp) ?? context.today?.description
    var record = ProposalRecord(issued: issued, arguments: arguments, texts: texts, language: l)
    record.quoteDate = context.today
    var status: Int32 = 0
    let html: String
    if let members = membersPath {
      let (group, columns) = try MemberListInput.naming(members) { try groupRows(members, catalog: context.catalog, l) }
      record.membersSHA256 = try MemberListInput.naming(members) { try SHA256.hex(ofFile: members) }
      for case .success(let quote) in group.map(\.result) { record.add(quote, rates: try context.catalog.entry(quote.program.id)) }
      page.fingerprints = record.fingerprints
      page.estimate = group.contains { member in if case .success(let q) = member.result { q.basis == .estimate } else { false } }
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
      var comparison: ProposalComparison?
      if args.has("--compare") || args.has("--compare-programs") {
        comparison = try ProposalComparison(
          args, request: resolved, catalog: context.catalog, today: context.today, command: name)
      }
      // What the page recommends must pass what it states, and a cheaper plan that passes too
      // is listed and needs the agency's reason.
      let proposed = chosen.compactMap { code in
        menu.entries.lazy.compactMap { entry -> Quote? in if case .priced(let q) = entry, q.plan.code == code { q } else { nil } }.first
      }
      let narrowing = try CommonOptions.parsePlanFilter(args, command: name).narrowing
      let compared = (comparison?.rows ?? []).flatMap { row -> [Quote] in
        guard case .menu(let m, _) = row else { return [] }
        return m.entries.compactMap { entry -> Quote? in if case .priced(let q) = entry { q } else { nil } }
      }
      let proposedEntries = chosen.compactMap { code in menu.entries.first { PlanFilter.planAndLimits($0).0.code == code } }
      if let refusal = Recommendation.wishes(proposedEntries, of: program, cover: texts.wishCover) { throw Self.refused(refusal) }
      let cheaper = try Recommendation.cheaper(than: proposed, among: compared, narrowing: narrowing, reasonGiven: texts.reason != nil)
        .mapError(Self.refused).get()
      if let refusal = Recommendation.validity(texts.validUntil, of: program, issued: context.realToday ?? context.today) {
        throw Self.refused(refusal)
      }
      page.cheaper = cheaper
      page.estimate = proposed.contains { $0.basis == .estimate }
      page.proposedPlans = chosen
      record.cheaperAlternatives = cheaper
      record.add(menu, rates: rates)
      for row in comparison?.rows ?? [] {
        if case .menu(let compared, _) = row { record.add(compared, rates: try context.catalog.entry(compared.program.id)) }
      }
      record.criteria = comparison.map { $0.criteria(request: resolved, l) }
      record.comparison = comparison?.pageRows ?? []
      page.fingerprints = record.fingerprints
      html = try page.single(menu: menu, request: resolved, chosen: chosen, rates: rates, cover: cover, comparison: comparison)
      // An ended or undated period is said on stderr as well as on the page: the program
      // proposed, then each program compared beside it.
      var programs = [program]
      for row in comparison?.rows ?? [] {
        if case .menu(let compared, _) = row, compared.program.id != program.id { programs.append(compared.program) }
      }
      for shown in programs {
        for warning in Pricer.warnings(for: shown, on: context.today) {
          console.writeError(Screen.fit(l.pick("警告: ", "warning: ") + Wording.warning(warning, programID: shown.id, l) + "\n", width: context.errorColumns))
        }
      }
    }
    record.htmlSHA256 = SHA256.hex(html.utf8)
    let out = args.value("--out").flatMap { $0 == "-" ? nil : $0 }
    record.page = out
    // Both whole before either replaces what was there; then the record first: a page is never
    // handed over without it (and a record that cannot be written leaves stdout empty).
    try OutputFile.writeTogether(
      (args.value("--record").map { [(record.json, $0)] } ?? []) + (out.map { [(html, $0)] } ?? []))
    if out == nil { console.write(html) }
    return status
  }

  /// A refusal of the recommendation (``Recommendation``) in words, naming the flag to change.
  static func refused(_ refusal: Recommendation.Refusal) -> UsageError {
    let cover = { (kinds: [CoverSummary.Kind], l: Language) in kinds.map { ProposalComparison.coverWord($0, l) }.joined(separator: l.pick("・", ", ")) }
    switch refusal {
    case .outsideNarrowing(_, let plan, let liability, .minimumLiability(let minimum)):
      return .proposalRefused(
        option: "--plan",
        ja: "ご提案の \(plan) の①損害賠償 \(Wording.limit(liability, .ja)) は、比較の条件「\(Wording.limit(minimum, .ja))以上」に合いません",
        en: "the proposed \(plan) has ① \(Wording.limit(liability, .en)), below the stated condition of \(Wording.limit(minimum, .en)) or more", command: name)
    case .outsideNarrowing(_, let plan, _, .family(let family)):
      return .proposalRefused(
        option: "--plan", ja: "ご提案の \(plan) は比較の条件「プランの種類 \(family)」に合いません", en: "the proposed \(plan) is not of the stated family \(family)",
        command: name)
    case .outsideNarrowing(_, let plan, _, .cover(let kind)):
      return .proposalRefused(
        option: "--plan", ja: "ご提案の \(plan) は比較の条件「\(cover([kind], .ja))があると記載」に合いません",
        en: "the brochure does not print the proposed \(plan) as covering \(cover([kind], .en)), a stated condition", command: name)
    case .cheaperWithoutReason(let cheaper):
      let listed = cheaper.prefix(3).map { "\($0.program.id) \($0.plan.code) \(Wording.yen($0.premium))" }.joined(separator: ", ")
      return .proposalRefused(
        option: "--reason",
        ja: "比較した中に同じ条件でより安いプランがあります（\(listed)）。お勧めする理由を --reason で記載してください",
        en: "cheaper plans meeting the same conditions were compared (\(listed)); give the reason for the recommendation with --reason",
        command: name)
    case .wishNotCovered(let program, let plan, let missing):
      return .proposalRefused(
        option: "--wish-cover",
        ja: "ご提案の \(program) \(plan) は、ご意向の補償（\(cover(missing, .ja))）があるとパンフレットに記載されていません",
        en: "the brochure does not print the proposed \(program) \(plan) as covering what the wishes ask for (\(cover(missing, .en)))",
        command: name)
    case .periodEnded(let program, let period):
      return .proposalRefused(
        option: "--valid-until",
        ja: "\(program) の保険期間（\(period.japanese)）は終了しています。終了した期間の御見積書に有効期限は付けられません",
        en: "the period of \(program) (\(period.iso)) has ended; a quotation for an ended period cannot be valid until any day",
        command: name)
    case .validAfterPeriod(let program, let until, let end):
      return .proposalRefused(
        option: "--valid-until",
        ja: "\(until.japanese) は \(program) の保険期間の終わり（\(end.japanese)）より後です",
        en: "\(until) is after the end of \(program)'s period (\(end))",
        command: name)
    }
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
