import PremiumCore

/// `cyberquote compare`: one facility across every program, limits beside each premium.
enum CompareCommand {
  static let name = "compare"
  static let formats = ["text", "json", "csv"]

  static let specs: [OptionSpec] = [CommonOptions.facility] + CommonOptions.counts + [
    CommonOptions.format(formats), CommonOptions.lang, CommonOptions.help,
  ]

  /// One program's answer for the facility.
  enum Row {
    /// Priced; `perFacility` when the program prices per facility, so the counts given were not used.
    case menu(PlanMenu, perFacility: Bool)
    case cannotPrice(Program, QuoteError)
  }

  static func run(_ arguments: [String], context: Context) throws -> CommandOutput {
    let args = try ParsedArguments(arguments, specs: specs, command: name)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    let format = try CommonOptions.parseFormat(args, command: name, allowed: formats)
    guard let facility = try CommonOptions.parseFacility(args, command: name) else { throw UsageError.missingOption("--facility", command: name) }
    let counts = try CommonOptions.parseCounts(args, command: name)
    let request = QuoteRequest(
      program: "", facility: facility, plan: "",
      generalBeds: counts.generalBeds, otherBeds: counts.otherBeds, capacity: counts.capacity)
    let sources = try context.catalog.ids.map { try context.catalog.entry($0) }
    let rows = try sources.map { row(try $0.load(), request: request, today: context.today) }
    let l = context.language
    let rates = { (id: String) in sources.first { $0.id == id } }
    // The ended-period warning of every program compared, as quote and plans give it.
    let warnings = try sources.flatMap { source in
      let program = try source.load()
      return Pricer.warnings(for: program, on: context.today).map { Wording.warning($0, programID: program.id, l) }
    }
    switch format {
    case "json": return CommandOutput(text: JSONOutput.array(rows.flatMap { json($0, facility: facility, rates: rates) }).pretty, warnings: warnings)
    case "csv": return CommandOutput(text: csv(rows, l), warnings: warnings)
    default:
      // Text names only the programs priced from a file; the rest are built in.
      let external = sources.filter { !$0.isBuiltIn }.map { "\($0.id) = \($0.origin)" }
      return CommandOutput(
        text: text(rows, request: request, l) + (external.isEmpty ? "" : l.pick("料率: ", "Rates: ") + external.joined(separator: ", ") + "\n"),
        warnings: warnings)
    }
  }

  static func row(_ program: Program, request: QuoteRequest, today: CalendarDate?) -> Row {
    var request = request
    request.program = program.id
    do {
      let menu = try PlanMenu(program: program, request: request, on: today)
      // A program that prices no plan for this facility is one line with its reason.
      if !menu.entries.contains(where: { if case .priced = $0 { true } else { false } }),
        case .unpriced(_, _, let reason)? = menu.entries.first
      {
        return .cannotPrice(program, reason)
      }
      return .menu(menu, perFacility: false)
    } catch .countNotApplicable(_, _, _, _, let accepted) where accepted.isEmpty {
      // Priced per facility: the counts do not enter the premium, and the output says so.
      var flat = request
      (flat.generalBeds, flat.otherBeds, flat.capacity) = (nil, nil, nil)
      if let menu = try? PlanMenu(program: program, request: flat, on: today) { return .menu(menu, perFacility: true) }
      return .cannotPrice(program, .countRequired(program: program.id, facility: request.facility, accepted: []))
    } catch {
      return .cannotPrice(program, error)
    }
  }

  static func json(_ row: Row, facility: FacilityKind, rates: (String) -> Catalog.Entry?) -> [JSONOutput] {
    switch row {
    case .menu(let menu, _):
      guard let source = rates(menu.program.id) else { return [] }
      return menu.entries.map { PlansCommand.json($0, program: menu.program, facility: facility, rates: source) }
    case .cannotPrice(let program, let error):
      return [.object([
        ("program", .string(program.id)), ("program_name", .string(Wording.programTitle(program))),
        ("facility", .string(facility.rawValue)), ("plan", .null), ("option", .null), ("premium", .null),
        ("installments", .null), ("installment_premium", .null), ("basis", .null), ("limits", .null),
        ("deductibles", .null),
      ] + PlansCommand.statusJSON(error, program: program, facility: facility, plan: nil)
        + [("rate_source", rates(program.id).map(Wording.rateSourceJSON) ?? .null)])]
    }
  }

  static func csv(_ rows: [Row], _ l: Language) -> String {
    var out = "program," + PlansCommand.csvHeader.joined(separator: ",") + "\n"
    for row in rows {
      switch row {
      case .menu(let menu, _):
        out += PlansCommand.csvRows(menu, l, prefix: menu.program.id)
      case .cannotPrice(let program, let error):
        var reason: [UInt8] = []
        CSVWriter.appendField(PlansCommand.reason(error, l), neutralize: true, to: &reason)
        let empty = String(repeating: ",", count: PlansCommand.csvHeader.count - 1)
        out += program.id + "," + empty + String(decoding: reason, as: UTF8.self) + "\n"
      }
    }
    return out
  }

  static func text(_ rows: [Row], request: QuoteRequest, _ l: Language) -> String {
    let counts = [request.generalBeds.map { Wording.count(.generalBeds, $0, l) }, request.otherBeds.map { Wording.count(.otherBeds, $0, l) },
      request.capacity.map { Wording.count(.capacity, $0, l) }].compactMap { $0 }
    var out = request.facility.name(l) + (counts.isEmpty ? "" : l.pick("（", " (") + counts.joined(separator: l.pick("、", ", ")) + l.pick("）", ")"))
      + l.pick(" — 制度ごとの保険料", " — premiums by program") + "\n"
    var unpriced: [String] = []
    for row in rows {
      switch row {
      case .menu(let menu, let perFacility):
        out += "\n\(Wording.programTitle(menu.program)) (\(menu.program.id))"
        out += perFacility ? l.pick("  ※1施設あたり（病床数・定員によらない）", "  * per facility (beds and capacity do not enter)") : ""
        out += "\n  " + l.pick("加入資格: ", "Who may join: ") + menu.program.eligibility + "\n"
        if let legend = Wording.familyLegend(menu.program, families: Wording.families(menu.plans), l) { out += "  " + legend + "\n" }
        var table = TextColumns(alignments: [.left, .left, .right, .left])
        for entry in menu.entries {
          switch entry {
          case .priced(let q):
            table.add([q.plan.code, Wording.limits(q.limits, program: q.program, l), Wording.yen(q.premium), Wording.basisShort(q.basis, l)])
          case .unpriced(let plan, let limits, let error):
            if case .planNotOffered = error { continue }
            table.add([plan.code, Wording.limits(limits, program: menu.program, l), "-", PlansCommand.statusWord(error, l)])
          }
        }
        out += table.render(indent: "  ")
      case .cannotPrice(let program, let error):
        unpriced.append("\(program.id): " + PlansCommand.reason(error, l))
      }
    }
    if !unpriced.isEmpty {
      out += "\n" + l.pick("この施設の保険料を示せない制度", "Programs that cannot price this facility") + "\n"
      out += unpriced.map { "  " + $0 + "\n" }.joined()
    }
    return out
  }
}
