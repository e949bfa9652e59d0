import PremiumCore

/// `cyberquote programs`: the catalog at a glance.
enum ProgramsCommand {
  static let name = "programs"
  static let synopsis = Synopsis()
  static let specs: [OptionSpec] = [
    OptionSpec(name: "--program", valueName: "ID") {
      $0.pick(
        "1つの制度をすべて表示（保険契約者・代理店・引受保険会社と連絡先、保険期間、締切、加入資格、施設、注意事項）",
        "Show one program in full: policyholder, agent, insurer and contacts, period, deadlines, eligibility, facilities, notes")
    },
    CommonOptions.wide, CommonOptions.format(["text", "json"]), CommonOptions.lang, CommonOptions.help,
  ]

  static func run(_ arguments: [String], context: Context) throws -> CommandOutput {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    let format = try CommonOptions.parseFormat(args, command: name, allowed: ["text", "json"])
    if let id = args.value("--program") {
      let entry = try context.catalog.entry(NumberText.halfWidth(id).lowercased())
      let program = try entry.load()
      var output = CommandOutput()
      output.warnings = Pricer.warnings(for: program, on: context.today).map { Wording.warning($0, programID: program.id, context.language) }
      output.screen = format != "json"
      output.text =
        format == "json"
        ? full(json(program, rates: entry, today: context.today), program).pretty
        : detail(program, rates: entry, today: context.today, context.language)
      return output
    }
    let entries = try context.catalog.ids.map { try context.catalog.entry($0) }
    let programs = try entries.map { (entry: $0, program: try $0.load()) }
    let l = context.language
    if format == "json" {
      return CommandOutput(text: JSONOutput.array(programs.map { json($0.program, rates: $0.entry, today: context.today) }).pretty)
    }
    guard args.has("--wide") else {
      // 80 columns: who runs it and when; the rest is one --program away.
      var table = TextColumns(alignments: [.left, .left, .left])
      table.add(["ID", l.pick("保険契約者", "Policyholder"), l.pick("保険期間", "Period")])
      for (_, p) in programs { table.add([p.id, Catalog.spokenName(p.policyholder), periodShort(p, today: context.today, l)]) }
      let hint = l.pick(
        "1つの制度のすべて: cyberquote programs --program ID。引受保険会社・施設・料率の一覧: --wide",
        "One program in full: cyberquote programs --program ID; insurers, facilities and rates: --wide")
      return CommandOutput(text: table.render() + hint + "\n", screen: true)
    }
    var table = TextColumns(alignments: [.left, .left, .left, .left, .left, .left])
    table.add([
      "ID", l.pick("制度", "Program"), l.pick("引受保険会社", "Insurer"), l.pick("保険期間", "Period"),
      l.pick("保険料表のある施設", "Priced facilities"), l.pick("料率", "Rates"),
    ])
    for (entry, p) in programs {
      table.add([p.id, Wording.programTitle(p), p.insurer, Wording.period(p, today: context.today, l), pricedFacilities(p, l), Wording.rateSource(entry, l)])
    }
    return CommandOutput(text: table.render())
  }

  /// The period in a short form for the listing: days without the hour.
  static func periodShort(_ p: Program, today: CalendarDate?, _ l: Language) -> String {
    guard let period = p.period else { return Wording.period(p, today: today, l) }
    let ended = today.map { period.hasEnded(by: $0) } ?? false
    return l.pick("\(period.start.japanese)～\(period.end.japanese)", "\(period.start) to \(period.end)") + (ended ? l.pick("（終了）", " (ended)") : "")
  }

  /// Facilities a table prints figures for; a facility priced from another's table by
  /// assumption (fukuoka-ishikai's 介護医療院) has no table of its own.
  static func printedFacilities(_ p: Program) -> [FacilityKind] {
    FacilityKind.allCases.filter { kind in p.tables.contains { $0.facilities.contains(kind) } }
  }

  static func pricedFacilities(_ p: Program, _ l: Language) -> String {
    let kinds = printedFacilities(p)
    return kinds.isEmpty ? l.pick("なし（個別見積り）", "none (on request)") : kinds.map { $0.name(l) }.joined(separator: l.pick("・", ", "))
  }

  /// What a facility gets from the program: a table, a borrowed table (estimates), or one of the
  /// brochure's three "no"s.
  static func facilityAnswer(_ p: Program, _ kind: FacilityKind) -> (status: Availability, text: (Language) -> String) {
    if let no = p.unavailability(for: kind, plan: nil) {
      return (no.status, { l in Wording.availability(no.status, l) + l.pick("（\(no.reason)）", " (\(no.reason))") })
    }
    let printed = p.tables.filter { $0.facilities.contains(kind) }.map(\.title)
    if !printed.isEmpty { return (.priced, { l in printed.joined(separator: l.pick("、", "; ")) }) }
    // A facility the brochure's words include without naming it (002's 歯科診療所 under 業種
    // 「診療所」): priced at the printed figures, the reading said beside them.
    let read = p.tables.filter { $0.readFacilities.contains(kind) }
    if !read.isEmpty {
      return (
        .priced,
        { l in
          read.map(\.title).joined(separator: l.pick("、", "; "))
            + (read.first?.reading.map { l.pick("（本ツールの読み方: \($0.text)）", " (the tool's reading: \($0.text))") } ?? "")
        }
      )
    }
    let borrowed = p.tables.filter { $0.estimatedFacilities.contains(kind) }.map(\.title)
    if !borrowed.isEmpty { return (.priced, { l in l.pick("【推定】", "[ESTIMATE] ") + borrowed.joined(separator: l.pick("、", "; ")) }) }
    if p.plans.contains(where: { p.onRequestRule(for: kind, plan: $0.code) != nil }) {
      return (.onRequest, { l in l.pick("個別見積り", "on request") })
    }
    return (.notOffered, { l in l.pick("保険料表なし", "no table") })
  }

  /// One program in full, for the counter.
  static func detail(_ p: Program, rates: Catalog.Entry, today: CalendarDate?, _ l: Language) -> String {
    var rows = TextColumns(alignments: [.left, .left])
    rows.add([l.pick("保険契約者", "Policyholder"), Wording.policyholder(p, l)])
    rows.add([l.pick("取扱代理店", "Agent"), p.agent ?? Wording.notStated(l)])
    rows.add([l.pick("引受保険会社", "Insurer"), Wording.insurer(p, l)])
    rows.add([l.pick("保険期間", "Period"), Wording.period(p, today: today, l)])
    rows.add([l.pick("申込締切", "Deadlines"), p.conditions.deadlines.isEmpty ? Wording.notStated(l) : p.conditions.deadlines.joined(separator: l.pick("、", "; "))])
    rows.add([l.pick("中途加入", "Joining mid-term"), p.conditions.midTermJoining.map { "\($0.text)（\($0.source)）" } ?? Wording.notStated(l)])
    rows.add([l.pick("加入資格", "Who may join"), Wording.eligibility(p, l) + (p.eligibilitySource.map { l.pick("（\($0)）", " (\($0))") } ?? "")])
    rows.add([l.pick("団体割引", "Group discount"), Wording.groupDiscount(p, l)])
    rows.add([l.pick("払込方法", "Payment"), p.payment ?? Wording.notStated(l)])
    rows.add([l.pick("支払限度", "Aggregate cap"), p.conditions.aggregateCap.map { "\($0.text)（\($0.source)）" } ?? Wording.notStated(l)])
    rows.add([l.pick("出典", "Source"), p.source])
    rows.add([l.pick("料率", "Rates"), Wording.rateSource(rates, l)])
    var out = "\(Wording.programTitle(p)) (\(p.id))\n" + rows.render(indent: "  ")
    out += "\n" + l.pick("施設", "Facilities") + "\n"
    var facilities = TextColumns(alignments: [.left, .left])
    for kind in FacilityKind.allCases { facilities.add([kind.name(l), facilityAnswer(p, kind).text(l)]) }
    out += facilities.render(indent: "  ")
    if !p.conditions.contacts.isEmpty {
      out += "\n" + l.pick("連絡先（パンフレットの記載）", "Contacts (as printed)") + "\n" + p.conditions.contacts.map { "  " + $0 + "\n" }.joined()
    }
    // The brochure's words, then the tool's own notes under a heading of their own.
    for (byTool, title) in [(false, l.pick("パンフレットの記載", "The brochure's conditions")), (true, l.pick("本ツールによる説明", "The tool's notes"))] {
      let notes = p.notes.filter { $0.byTool == byTool }
      guard !notes.isEmpty else { continue }
      out += "\n" + title + "\n"
      out += notes.map { note in
        let scope =
          note.facilities.isEmpty ? "" : l.pick("［", "[") + note.facilities.map { $0.name(l) }.joined(separator: l.pick("・", ", ")) + l.pick("］", "] ")
        return "  " + Wording.noted(note.text, scope: scope) + (note.source.map { l.pick("（\($0)）", " (\($0))") } ?? "") + "\n"
      }.joined()
    }
    return out
  }

  /// The listing's JSON with everything `detail` shows.
  static func full(_ summary: JSONOutput, _ p: Program) -> JSONOutput {
    guard case .object(let members) = summary else { return summary }
    let conditions = p.conditions
    return .object(
      members + [
        ("eligibility_source", .string(p.eligibilitySource)),
        ("eligible_facilities", .array(p.eligibleFacilities.map { .string($0.rawValue) })),
        ("aggregate_cap", conditions.aggregateCap.map { .object([("text", .string($0.text)), ("source", .string($0.source))]) } ?? .null),
        ("deadlines", .array(conditions.deadlines.map { .string($0) })),
        (
          "mid_term_joining",
          conditions.midTermJoining.map {
            .object([
              ("received_by_day", .integer($0.receivedByDay)), ("start_day", .integer($0.startDay)), ("text", .string($0.text)), ("source", .string($0.source)),
            ])
          } ?? .null
        ),
        ("contacts", .array(conditions.contacts.map { .string($0) })),
        (
          "facility_status",
          .object(
            FacilityKind.allCases.map { kind in
              let answer = facilityAnswer(p, kind)
              return (kind.rawValue, .object([("status", .string(answer.status.rawValue)), ("text", .string(answer.text(.ja)))]))
            })
        ),
        (
          "notes",
          .array(
            p.notes.map { note in
              .object([
                ("text", .string(note.text)), ("by", .string(note.byTool ? "tool" : "brochure")), ("source", .string(note.source)),
                ("facilities", .array(note.facilities.map { .string($0.rawValue) })),
              ])
            })
        ),
      ])
  }

  static func periodJSON(_ p: Program, today: CalendarDate?) -> JSONOutput {
    guard let period = p.period else { return .null }
    return .object([
      ("start", .string(period.start.description)), ("end", .string(period.end.description)), ("time", .string(period.time)),
      ("ended", today.map { .bool(period.hasEnded(by: $0)) } ?? .null),
    ])
  }

  static func json(_ p: Program, rates: Catalog.Entry, today: CalendarDate?) -> JSONOutput {
    .object([
      ("id", .string(p.id)),
      ("name", .string(Wording.programTitle(p))),
      ("association", .string(p.policyholder)),
      ("policyholder", .string(p.policyholderPrinted ? p.policyholder : nil)),
      ("agent", .string(p.agent)),
      ("insurer", .string(p.insurer)),
      ("insurer_note", .string(p.insurerNote)),
      ("eligibility", .string(p.eligibility)),
      ("period", periodJSON(p, today: today)),
      ("term", .string(p.term)),
      ("group_discount_percent", .decimal(p.groupDiscountPercent)),
      ("installments", .integer(p.installments)),
      ("payment", .string(p.payment)),
      ("facilities", .array(printedFacilities(p).map { .string($0.rawValue) })),
      (
        "estimated_facilities",
        .array(FacilityKind.allCases.filter { kind in p.tables.contains { $0.estimatedFacilities.contains(kind) } }.map { .string($0.rawValue) })
      ),
      ("source", .string(p.source)),
      ("rate_source", QuoteJSON.rateSource(rates)),
    ])
  }
}
