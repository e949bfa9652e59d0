import PremiumCore

/// `cyberquote plans`: the whole menu for one facility, priced, in the brochure's order.
enum PlansCommand {
  static let name = "plans"
  static let synopsis = Synopsis(required: ["--program", "--facility"])
  static let formats = ["text", "json", "csv"]

  static let specs: [OptionSpec] =
    [CommonOptions.program, CommonOptions.facility] + CommonOptions.counts + [
      CommonOptions.security
    ] + CommonOptions.planFilters + [CommonOptions.wide, CommonOptions.format(formats), CommonOptions.lang, CommonOptions.help]

  static func run(_ arguments: [String], context: Context) throws -> CommandOutput {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    let format = try CommonOptions.parseFormat(args, command: name, allowed: formats)
    let request = try CommonOptions.menuRequest(args, command: name)
    let facility = request.facility
    let rates = try context.catalog.entry(request.program)
    let program = try rates.load()
    let filter = try CommonOptions.parsePlanFilter(args, command: name)
    var menu = try PlanMenu(program: program, request: request, on: context.today)
    menu.entries = filter.apply(menu.entries, of: program)
    var output = CommandOutput()
    output.warnings = Pricer.warnings(for: program, on: context.today).map { Wording.warning($0, programID: program.id, context.language) }
    switch format {
    case "json": output.text = JSONOutput.array(menu.entries.map { json($0, program: program, facility: facility, rates: rates, context.language) }).pretty
    case "csv": output.text = csv(menu, context.language)
    default:
      let wide = args.has("--wide")
      output.text =
        (wide ? text(menu, today: context.today, context.language) : compactText(menu, today: context.today, context.language))
        + Wording.rateLine(rates, context.language)
      output.screen = !wide
    }
    return output
  }

  // MARK: - Renderings

  static func json(_ entry: PlanMenu.Entry, program: Program, facility: FacilityKind, rates: Catalog.Entry, _ l: Language) -> JSONOutput {
    switch entry {
    case .priced(let quote):
      var members = QuoteJSON.members(quote, language: l)
      members.append(("premium_per_10m_liability", .yen(try? PlanMenu.premiumPerTenMillion(quote))))
      // `source` is the quote's own (the brochure table that prices it).
      members += [("status", .string(Availability.priced.rawValue)), ("reason", .null)]
      members.append(("rate_source", QuoteJSON.rateSource(rates)))
      return .object(members)
    case .unpriced(let plan, let limits, let error):
      return .object(
        [
          ("program", .string(program.id)), ("program_name", .string(Wording.programTitle(program))),
          ("facility", .string(facility.rawValue)), ("plan", .string(plan.code)), ("option", .null), ("premium", .null), ("installments", .null),
          ("installment_premium", .null),
          ("basis", .null), ("limits", QuoteJSON.limits(limits)),
          ("deductibles", .object(limits.entries.map { ($0.coverage.rawValue, .yen(program.deductibles[$0.coverage])) })),
          ("premium_per_10m_liability", .null),
        ] + statusJSON(error, program: program, facility: facility, plan: plan.code, l) + [("rate_source", QuoteJSON.rateSource(rates))])
    }
  }

  static let csvHeader = [
    "plan", "liability", "incident_response", "lost_profit", "business_continuation", "deductible",
    "premium", "installments", "installment_premium", "basis", "premium_per_10m_liability", "reason", "status", "source",
  ]

  static func csv(_ menu: PlanMenu, _ l: Language) -> String {
    csvHeader.joined(separator: ",") + "\n" + csvRows(menu, l, prefix: nil)
  }

  /// One CSV line per plan, each starting with `prefix` as a first column when given.
  static func csvRows(_ menu: PlanMenu, _ l: Language, prefix: String?) -> String {
    var out: [UInt8] = []
    for entry in menu.entries {
      var cells: [String]
      switch entry {
      case .priced(let q):
        cells = [q.plan.code] + limitCells(q.limits) + [Wording.deductibles(q.deductibles, program: q.program, l)]
        cells += [String(q.premium.amount), String(q.installments), String(q.installmentPremium.amount), q.basis.rawValue]
        cells += [(try? PlanMenu.premiumPerTenMillion(q)).map { String($0.amount) } ?? ""] + statusCells(q)
      case .unpriced(let plan, let limits, let error):
        let deductibles = limits.entries.map { ($0.coverage, menu.program.deductibles[$0.coverage]) }
        cells = [plan.code] + limitCells(limits) + [Wording.deductibles(deductibles, program: menu.program, l)]
        cells += ["", "", "", "", ""] + statusCells(error, program: menu.program, facility: menu.facility, plan: plan.code, l)
      }
      CSVLine.append((prefix.map { [$0] } ?? []) + cells, to: &out)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends one CSV line of `cells`, each one that could start a formula neutralized.
  static func limitCells(_ limits: Limits) -> [String] {
    [limits.liability, limits.incidentResponse, limits.lostProfit, limits.businessContinuation].map { $0.map { String($0.amount) } ?? "" }
  }

  /// The menu on an 80-column screen: the clerk's question answered, the reasons below.
  static func compactText(_ menu: PlanMenu, today: CalendarDate?, _ l: Language) -> String {
    let program = menu.program
    var reasons: [String] = []
    let table = Wording.compactMenu(
      menu.entries, program: program,
      statusMarks: { error in
        let text = Wording.refusal(error, l)
        if !reasons.contains(text) { reasons.append(text) }
        return Wording.status(error, l) + " *\(reasons.firstIndex(of: text).map { $0 + 1 } ?? 1)"
      }, l)
    var out = "\(Wording.programTitle(program)) (\(program.id)) — \(menu.facility.name(l))\n"
    out += Wording.programContext(program, facility: menu.facility, families: Wording.families(menu.plans), today: today, l)
    out += menu.entries.isEmpty ? l.pick("  条件に合うプランはありません\n", "  No plan meets the conditions\n") : table.render(indent: "  ", maxWidth: 80)
    out += Wording.coverLegend(menu.entries, program, l)
    out += footer(menu, reasons: reasons, mark: "*", l)
    out += "  " + l.pick("③④・自己負担額・1回分・1,000万円あたりは --wide", "--wide shows ③④, deductibles, installments and yen per 10M") + "\n"
    return out
  }

  static func text(_ menu: PlanMenu, today: CalendarDate?, _ l: Language) -> String {
    let program = menu.program
    let coverages = Coverage.allCases.filter { c in
      menu.entries.contains { entry in
        switch entry {
        case .priced(let q): q.limits.entries.contains { $0.coverage == c }
        case .unpriced(_, let limits, _): limits.entries.contains { $0.coverage == c }
        }
      }
    }
    var rows = TextColumns(alignments: [.left] + coverages.map { _ in .right } + [.left, .right, .right, .right, .left])
    rows.add(
      [l.pick("プラン", "Plan")] + coverages.map { $0.marker + Wording.coverageName($0, program, l) }
        + [
          l.pick("自己負担額", "Deductible"), l.pick("年間保険料", "Annual"), l.pick("1回分", "Installment"),
          l.pick("1,000万円あたり", "Per 10M yen"), l.pick("根拠・備考", "Basis / note"),
        ])
    var reasons: [String] = []
    for entry in menu.entries {
      switch entry {
      case .priced(let q):
        var cells = [q.plan.code] + coverages.map { c in q.limits.entries.first { $0.coverage == c }.map { Wording.limit($0.limit, l) } ?? "-" }
        cells.append(Wording.deductibles(q.deductibles, program: program, l))
        cells += [Wording.yen(q.premium), q.installments > 1 ? Wording.yen(q.installmentPremium) + " × \(q.installments)" : "-"]
        cells.append((try? PlanMenu.premiumPerTenMillion(q)).map(Wording.yen) ?? "-")
        cells.append((q.basis == .estimate ? l.pick("【推定】", "[ESTIMATE]") : Wording.basisShort(q, l)) + Wording.coverMarks(entry, program, l))
        rows.add(cells)
      case .unpriced(let plan, let limits, let error):
        var cells = [plan.code] + coverages.map { c in limits.entries.first { $0.coverage == c }.map { Wording.limit($0.limit, l) } ?? "-" }
        cells.append(Wording.deductibles(limits.entries.map { ($0.coverage, program.deductibles[$0.coverage]) }, program: program, l))
        let text = Wording.refusal(error, l)
        if !reasons.contains(text) { reasons.append(text) }
        let mark = "※\(reasons.firstIndex(of: text).map { $0 + 1 } ?? 1)"
        cells += ["-", "-", "-", Wording.status(error, l) + " " + mark + Wording.coverMarks(entry, program, l)]
        rows.add(cells)
      }
    }
    var out = "\(Wording.programTitle(program)) (\(program.id)) — \(menu.facility.name(l))\n"
    out += Wording.programContext(program, facility: menu.facility, families: Wording.families(menu.plans), today: today, l)
    out += menu.entries.isEmpty ? l.pick("  条件に合うプランはありません\n", "  No plan meets the conditions\n") : rows.render(indent: "  ")
    return out + Wording.coverLegend(menu.entries, program, l) + footer(menu, reasons: reasons, mark: "※", l)
  }

  /// Under a menu: each reason once, behind its mark, then the assumptions the figures rest on.
  static func footer(_ menu: PlanMenu, reasons: [String], mark: String, _ l: Language) -> String {
    var out = reasons.enumerated().map { "  \(mark)\($0.offset + 1) \($0.element)\n" }.joined()
    var assumptions: [Assumption] = []
    for case .priced(let q) in menu.entries {
      for a in q.assumptions where !assumptions.contains(a) { assumptions.append(a) }
    }
    for a in assumptions { out += "  " + l.pick("前提: ", "Assumption: ") + Wording.assumption(a, l) + "\n" }
    return out
  }

  /// `status` (priced, on_request, not_offered, not_eligible), `reason` (English) and `source`
  /// (the brochure line the rule rests on) of an entry without a figure.
  static func statusJSON(_ error: QuoteError, program: Program, facility: FacilityKind, plan: String?, _ l: Language) -> [(String, JSONOutput)] {
    [
      ("status", .string(error.availability?.rawValue)),
      ("reason", .string(Wording.refusal(error, l))),
      ("source", .string(program.unavailability(for: facility, plan: plan)?.source)),
    ]
  }

  /// The CSV's last three cells, `reason`, `status` and `source`, for an entry without a figure:
  /// the JSON's keys, with the reason in the output's language.
  static func statusCells(_ error: QuoteError, program: Program, facility: FacilityKind, plan: String?, _ l: Language) -> [String] {
    [Wording.refusal(error, l), error.availability?.rawValue ?? "", program.unavailability(for: facility, plan: plan)?.source ?? ""]
  }

  /// The same three cells for a priced entry: no reason, and the brochure table that prices it.
  static func statusCells(_ quote: Quote) -> [String] {
    ["", Availability.priced.rawValue, Wording.source(quote)]
  }

}
