import PremiumCore

/// `cyberquote programs`: the catalog at a glance.
enum ProgramsCommand {
  static let name = "programs"
  static let specs: [OptionSpec] = [CommonOptions.format(["text", "json"]), CommonOptions.lang, CommonOptions.help]

  static func run(_ arguments: [String], context: Context) throws -> CommandOutput {
    let args = try ParsedArguments(arguments, specs: specs, command: name)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    let format = try CommonOptions.parseFormat(args, command: name, allowed: ["text", "json"])
    let entries = try context.catalog.ids.map { try context.catalog.entry($0) }
    let programs = try entries.map { (entry: $0, program: try $0.load()) }
    let l = context.language
    if format == "json" {
      return CommandOutput(text: JSONOutput.array(programs.map { json($0.program, rates: $0.entry, today: context.today) }).pretty)
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

  /// Facilities a table prints figures for; a facility priced from another's table by
  /// assumption (fukuoka-ishikai's 介護医療院) has no table of its own.
  static func printedFacilities(_ p: Program) -> [FacilityKind] {
    FacilityKind.allCases.filter { kind in p.tables.contains { $0.facilities.contains(kind) } }
  }

  static func pricedFacilities(_ p: Program, _ l: Language) -> String {
    let kinds = printedFacilities(p)
    return kinds.isEmpty ? l.pick("なし（個別見積り）", "none (on request)") : kinds.map { $0.name(l) }.joined(separator: l.pick("・", ", "))
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
      ("policyholder", .string(p.policyholder)),
      ("agent", .string(p.agent)),
      ("insurer", .string(p.insurer)),
      ("eligibility", .string(p.eligibility)),
      ("period", periodJSON(p, today: today)),
      ("term", .string(p.term)),
      ("group_discount_percent", .decimal(p.groupDiscountPercent)),
      ("installments", .integer(p.installments)),
      ("payment", .string(p.payment)),
      ("facilities", .array(printedFacilities(p).map { .string($0.rawValue) })),
      ("estimated_facilities", .array(FacilityKind.allCases.filter { kind in p.tables.contains { $0.estimatedFacilities.contains(kind) } }.map { .string($0.rawValue) })),
      ("source", .string(p.source)),
      ("rate_source", Wording.rateSourceJSON(rates)),
    ])
  }
}
