import PremiumCore

/// `cyberquote compare`: one facility across every program, limits beside each premium.
enum CompareCommand {
  static let name = "compare"
  static let synopsis = Synopsis(required: ["--facility"])
  static let formats = ["text", "json", "csv"]

  static let specs: [OptionSpec] =
    [CommonOptions.facility] + CommonOptions.counts + [CommonOptions.security]
    + CommonOptions.planFilters + [CommonOptions.wide, CommonOptions.format(formats), CommonOptions.lang, CommonOptions.help]

  static func run(_ arguments: [String], context: Context) throws -> CommandOutput {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    let format = try CommonOptions.parseFormat(args, command: name, allowed: formats)
    guard let facility = try CommonOptions.parseFacility(args, command: name) else { throw UsageError.missingOption("--facility", command: name) }
    let counts = try CommonOptions.parseCounts(args, command: name)
    let request = QuoteRequest(
      program: "", facility: facility, plan: "",
      generalBeds: counts.generalBeds, otherBeds: counts.otherBeds, capacity: counts.capacity,
      securityPercent: try args.percent("--security", field: .security, range: InputRange.securityPercent, command: name))
    let filter = try CommonOptions.parsePlanFilter(args, command: name)
    let sources = try context.catalog.ids.map { try context.catalog.entry($0) }
    let programs = try sources.map { try $0.load() }
    let rows = programs.map { Comparison.row($0, request: request, filter: filter, on: context.today) }
    let l = context.language
    let rates = { (id: String) in sources.first { $0.id == id } }
    // The ended-period warning of every program with a figure for this facility, as quote and
    // plans give it; a program the facility cannot join is not compared, and not warned of.
    let compared = Set(rows.compactMap { row -> String? in if case .menu(let menu, _) = row { menu.program.id } else { nil } })
    let warnings = programs.filter { compared.contains($0.id) }.flatMap { program in
      Pricer.warnings(for: program, on: context.today).map { Wording.warning($0, programID: program.id, l) }
    }
    switch format {
    case "json":
      // Sorted as quotes, by their premiums, before any is rendered.
      var entries = rows.flatMap { json($0, facility: facility, rates: rates, context.language) }
      if filter.cheapestFirst { entries = PlanFilter.cheapestFirst(entries) { $0.premium } }
      return CommandOutput(text: JSONOutput.array(entries.map(\.object)).pretty, warnings: warnings)
    case "csv": return CommandOutput(text: csv(rows, facility: facility, l, cheapestFirst: filter.cheapestFirst), warnings: warnings)
    default:
      // Text names only the programs priced from a file; the rest are built in.
      let external = sources.filter { !$0.isBuiltIn }.map { "\($0.id) = \($0.origin)" }
      return CommandOutput(
        text: (filter.cheapestFirst
          ? cheapestText(rows, request: request, wide: args.has("--wide"), today: context.today, l)
          : text(rows, request: request, wide: args.has("--wide"), today: context.today, l))
          + (external.isEmpty ? "" : l.pick("料率: ", "Rates: ") + external.joined(separator: ", ") + "\n"),
        warnings: warnings, screen: !args.has("--wide"))
    }
  }

  static func leftOutNote(_ unused: Comparison.LeftOut, _ l: Language) -> String {
    switch unused {
    case .perFacility: l.pick("※1施設あたり（病床数・定員によらない）", "* per facility (beds and capacity do not enter)")
    case .count(let kind):
      l.pick("※\(kind == .capacity ? "定員" : kind == .generalBeds ? "一般病床数" : "一般病床以外の病床数")は使いません", "* \(kind.field.rawValue) not used")
    case .security: l.pick("※セキュリティー割増引の適用なし", "* no security adjustment here")
    case .securityByDisclosure:
      l.pick("※セキュリティー割増引の率は記載なし（保険料は告知内容により保険会社が算出）", "* no adjustment rate printed (the insurer sets the premium from the disclosure)")
    }
  }

  /// Each entry of a row as JSON, with its premium (nil: not priced) for sorting.
  static func json(_ row: Comparison.Row, facility: FacilityKind, rates: (String) -> Catalog.Entry?, _ l: Language) -> [(premium: Yen?, object: JSONOutput)] {
    switch row {
    case .menu(let menu, _):
      guard let source = rates(menu.program.id) else { return [] }
      return menu.entries.map { (PlanFilter.premium($0), PlansCommand.json($0, program: menu.program, facility: facility, rates: source, l)) }
    case .cannotPrice(let program, let error):
      return [
        (
          nil,
          .object(
            [
              ("program", .string(program.id)), ("program_name", .string(Wording.programTitle(program))),
              ("facility", .string(facility.rawValue)), ("plan", .null), ("option", .null), ("premium", .null),
              ("installments", .null), ("installment_premium", .null), ("basis", .null), ("limits", .null),
              ("deductibles", .null),
            ] + PlansCommand.statusJSON(error, program: program, facility: facility, plan: nil, l)
              + [("rate_source", rates(program.id).map(QuoteJSON.rateSource) ?? .null)])
        )
      ]
    }
  }

  static func csv(_ rows: [Comparison.Row], facility: FacilityKind, _ l: Language, cheapestFirst: Bool = false) -> String {
    var lines: [(premium: Yen?, line: String)] = []
    for row in rows {
      switch row {
      case .menu(let menu, _):
        for entry in menu.entries {
          var single = menu
          single.entries = [entry]
          lines.append((PlanFilter.premium(entry), PlansCommand.csvRows(single, l, prefix: menu.program.id)))
        }
      case .cannotPrice(let program, let error):
        let status = PlansCommand.statusCells(error, program: program, facility: facility, plan: nil, l)
        let cells = [program.id] + Array(repeating: "", count: PlansCommand.csvHeader.count - status.count) + status
        var line: [UInt8] = []
        CSVLine.append(cells, to: &line)
        lines.append((nil, String(decoding: line, as: UTF8.self)))
      }
    }
    if cheapestFirst { lines = PlanFilter.cheapestFirst(lines) { $0.premium } }
    return "program," + PlansCommand.csvHeader.joined(separator: ",") + "\n" + lines.map(\.line).joined()
  }

  /// Every priced plan of every program in one table, cheapest first: "the cheapest plan with
  /// ① of at least 1億円 across every program" is its first line.
  static func cheapestText(_ rows: [Comparison.Row], request: QuoteRequest, wide: Bool, today: CalendarDate?, _ l: Language) -> String {
    var out = heading(request, l) + l.pick("（安い順）", " (cheapest first)") + "\n\n"
    var priced: [(quote: Quote, unused: [Comparison.LeftOut])] = []
    var unpriced: [String] = []
    for row in rows {
      switch row {
      case .menu(let menu, let unused):
        for case .priced(let q) in menu.entries { priced.append((q, unused)) }
      case .cannotPrice(let program, let error):
        unpriced.append("\(program.id): " + Wording.refusal(error, l))
      }
    }
    // Stable: equal premiums keep the programs' listing order.
    priced = PlanFilter.cheapestFirst(priced) { $0.quote.premium }
    var table = TextColumns(alignments: [.left, .left, .right, .right, .right, .left])
    if !wide {
      table.add([
        l.pick("制度", "Program"), l.pick("プラン", "Plan"), l.pick("損害賠償", "Liability"), l.pick("事故対応", "Response"), l.pick("年間保険料", "Annual"),
        l.pick("根拠・補償の違い", "Basis, cover"),
      ])
    }
    for (q, unused) in priced {
      let notes = unused.map { leftOutNote($0, l) }.joined(separator: " ")
      // The marks at the end of the row, after its basis: wide or narrow, nothing stands after
      // them to lose its column (× is drawn either way).
      // An ended period stands on the row too, not only on stderr.
      let ended = today.map { day in q.program.period?.hasEnded(by: day) ?? false } ?? false
      let marks = (q.marks(l) + (ended ? [l.pick("期間終了", "ended")] : [])).map { " " + $0 }.joined()
      if wide {
        table.add([
          q.program.id, q.plan.code, Wording.limits(q.limits, program: q.program, l), Wording.yen(q.premium),
          Wording.basisShort(q, l) + (notes.isEmpty ? "" : " " + notes) + marks,
        ])
      } else {
        table.add([
          q.program.id, q.plan.code, Wording.limit(q.limits.liability, l), Wording.limit(q.limits.incidentResponse, l), Wording.yen(q.premium),
          Wording.basisShort(q, l) + marks,
        ])
      }
    }
    // Narrow, a row's marks wrap under themselves within 80 columns; wide is for a wide screen.
    out += priced.isEmpty ? l.pick("  条件に合うプランはありません\n", "  No plan meets the conditions\n") : table.render(indent: "  ", maxWidth: wide ? nil : 80)
    out += legend(priced.map(\.quote), today: today, l)
    // What makes the rows comparable, program by program: period, the figures' conditions,
    // shared limits, the kinds of cover, why an estimate is one.
    var listed: [String] = []
    for (q, unused) in priced where !listed.contains(q.program.id) {
      listed.append(q.program.id)
      let plans = priced.filter { $0.quote.program.id == q.program.id }.map(\.quote)
      out += "\n\(q.program.id)\n"
      if !unused.isEmpty { out += "  " + unused.map { leftOutNote($0, l) }.joined(separator: " ") + "\n" }
      out += Wording.programContext(
        q.program, facility: request.facility, families: Wording.families(plans.map(\.plan)), today: today,
        figuresAtPrintedConditions: plans.allSatisfy(\.isAtPrintedConditions), l)
      out += estimateNotes(plans, l)
    }
    if !unpriced.isEmpty {
      out += "\n" + l.pick("この施設の保険料を示せない制度", "Programs that cannot price this facility") + "\n"
      out += unpriced.map { "  " + $0 + "\n" }.joined()
    }
    return out
  }

  /// What the marks in the rows mean, those used only, once: a cheaper row with narrower cover
  /// never stands without its difference.
  static func legend(_ quotes: [Quote], today: CalendarDate?, _ l: Language) -> String {
    let ended = quotes.contains { q in today.map { q.program.period?.hasEnded(by: $0) ?? false } ?? false }
    let endedMark = (l.pick("期間終了", "ended"), l.pick("保険期間が終了した版の保険料（最新のパンフレットをご確認ください）", "from a period that has ended (check the current brochure)"))
    let lines = Quote.legend(quotes, l) + (ended ? [endedMark] : [])
    return lines.isEmpty ? "" : lines.map { "  \($0.mark): \($0.meaning)\n" }.joined()
  }

  static func heading(_ request: QuoteRequest, _ l: Language) -> String {
    let counts = [
      request.generalBeds.map { Wording.count(.generalBeds, $0, l) }, request.otherBeds.map { Wording.count(.otherBeds, $0, l) },
      request.capacity.map { Wording.count(.capacity, $0, l) },
    ].compactMap { $0 }
    return request.facility.name(l) + (counts.isEmpty ? "" : l.pick("（", " (") + counts.joined(separator: l.pick("、", ", ")) + l.pick("）", ")"))
  }

  /// Why the estimates among `quotes` are estimates, once each.
  static func estimateNotes(_ quotes: [Quote], _ l: Language) -> String {
    var reasons: [EstimateReason] = []
    for q in quotes { if let reason = q.estimateReason, !reasons.contains(reason) { reasons.append(reason) } }
    return reasons.map { "  ※" + l.pick("推定: ", "estimate: ") + Wording.estimateReason($0, l) + "\n" }.joined()
  }

  static func text(_ rows: [Comparison.Row], request: QuoteRequest, wide: Bool, today: CalendarDate?, _ l: Language) -> String {
    var out = heading(request, l) + l.pick(" — 制度ごとの保険料", " — premiums by program") + "\n"
    var unpriced: [String] = []
    var legend = ""
    for row in rows {
      switch row {
      case .menu(let menu, let unused):
        out += "\n\(Wording.programTitle(menu.program)) (\(menu.program.id))\n"
        if !unused.isEmpty { out += "  " + unused.map { leftOutNote($0, l) }.joined(separator: " ") + "\n" }
        let priced = menu.entries.compactMap { entry -> Quote? in if case .priced(let q) = entry { q } else { nil } }
        out += Wording.programContext(
          menu.program, facility: request.facility, families: Wording.families(menu.plans), today: today,
          figuresAtPrintedConditions: priced.allSatisfy(\.isAtPrintedConditions), l)
        let shown = menu.entries.filter { entry in
          if case .unpriced(_, _, .planNotOffered) = entry { return false }
          return true
        }
        let quotes = shown.compactMap { entry -> Quote? in if case .priced(let q) = entry { q } else { nil } }
        for line in Wording.coverLegend(shown, menu.program, conditions: true, l).split(separator: "\n") where !legend.contains(line + "\n") {
          legend += line + "\n"
        }
        if !wide {
          out += Wording.compactMenu(shown, program: menu.program, conditions: true, statusMarks: { Wording.status($0, l) }, l)
            .render(indent: "  ", maxWidth: 80)
          out += estimateNotes(quotes, l)
          continue
        }
        var table = TextColumns(alignments: [.left, .left, .right, .left])
        for entry in shown {
          switch entry {
          case .priced(let q):
            table.add([
              q.plan.code, Wording.limits(q.limits, program: q.program, l), Wording.yen(q.premium),
              Wording.basisShort(q, l) + Wording.rowMarks(entry, menu.program, conditions: true, l),
            ])
          case .unpriced(let plan, let limits, let error):
            table.add([
              plan.code, Wording.limits(limits, program: menu.program, l), "-",
              Wording.status(error, l) + Wording.rowMarks(entry, menu.program, conditions: true, l),
            ])
          }
        }
        out += table.render(indent: "  ") + estimateNotes(quotes, l)
      case .cannotPrice(let program, let error):
        unpriced.append("\(program.id): " + Wording.refusal(error, l))
      }
    }
    if !legend.isEmpty { out += "\n" + legend }
    if !unpriced.isEmpty {
      out += "\n" + l.pick("この施設の保険料を示せない制度", "Programs that cannot price this facility") + "\n"
      out += unpriced.map { "  " + $0 + "\n" }.joined()
    }
    return out
  }
}
