import PremiumCore

/// `cyberquote table`: a program's table for one facility, laid out like the brochure, so that
/// a person can hold it next to the PDF.
enum TableCommand {
  static let name = "table"
  static let synopsis = Synopsis(required: ["--program", "--facility"])
  static let specs: [OptionSpec] = [CommonOptions.program, CommonOptions.facility] + CommonOptions.counts + [CommonOptions.lang, CommonOptions.help]

  static func run(_ arguments: [String], context: Context) throws -> CommandOutput {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    let id = NumberText.halfWidth(try args.required("--program", command: name)).lowercased()
    guard let facility = try CommonOptions.parseFacility(args, command: name) else { throw UsageError.missingOption("--facility", command: name) }
    let counts = try CommonOptions.parseCounts(args, command: name)
    let rates = try context.catalog.entry(id)
    let program = try rates.load()
    let l = context.language

    let tables = program.tables.filter { $0.covers(facility) }
    // The rules' answer, as quote and plans give it: a plan the brochure does not offer is never
    // listed as on request.
    let onRequestPlans = program.plans.filter { program.unavailability(for: facility, plan: $0.code)?.status == .onRequest }
    if tables.isEmpty {
      if let rule = program.onRequestRule(for: facility, plan: nil) ?? program.onRequest.first(where: { $0.facilities.isEmpty && $0.plans.isEmpty }) {
        throw QuoteError.onRequest(program: program.id, facility: facility, plan: nil, reason: rule.reason)
      }
      let kinds = FacilityKind.allCases.filter { kind in program.tables.contains { $0.covers(kind) } }
      throw QuoteError.facilityNotOffered(program: program.id, facility: facility, offered: kinds)
    }

    var out = "\(Wording.programTitle(program)) (\(program.id)) — \(facility.name(l))\n"
    out += l.pick(
      "（団体割引 \(Wording.groupDiscount(program, l))・\(Wording.payment(program, l))・出典 \(program.source)）\n",
      "(group discount \(Wording.groupDiscount(program, l)), \(Wording.payment(program, l)), source \(program.source))\n")
    out += Wording.programContext(
      program, facility: facility, families: Wording.families(tables.flatMap { $0.rows.compactMap { program.plan($0.plan) } }), today: context.today, l)
    for table in tables {
      out += "\n" + (try section(table, program: program, facility: facility, counts: counts, today: context.today, l))
    }
    if !onRequestPlans.isEmpty {
      out += "\n" + l.pick("個別見積りのプラン", "Plans quoted on request") + "\n"
      var rows = TextColumns(alignments: [.left, .left])
      for plan in onRequestPlans {
        rows.add([plan.code, Wording.limits(program.limits(of: plan, for: facility), program: program, l)])
      }
      out += rows.render(indent: "  ")
      if let reason = program.onRequestRule(for: facility, plan: onRequestPlans[0].code)?.reason {
        out += "  ※" + reason + "\n"
      }
    }
    let warnings = Pricer.warnings(for: program, on: context.today).map { Wording.warning($0, programID: program.id, l) }
    return CommandOutput(text: out + "\n" + Wording.rateLine(rates, l), warnings: warnings, screen: true)
  }

  static func section(
    _ table: RateTable, program: Program, facility: FacilityKind,
    counts: (generalBeds: Int?, otherBeds: Int?, capacity: Int?), today: CalendarDate?, _ l: Language
  ) throws -> String {
    let plans = table.rows.compactMap { program.plan($0.plan) }
    let coverages = Coverage.allCases.filter { c in plans.contains { p in program.limits(of: p, for: facility).entries.contains { $0.coverage == c } } }
    let sized = counts.generalBeds != nil || counts.otherBeds != nil || counts.capacity != nil
    // Headers without ①②: characters of ambiguous width stay out of aligned columns. A column
    // name's parenthesis goes to a note below, so that the table fits 80 columns.
    var header = [l.pick("プラン", "Plan")] + coverages.map { Wording.coverageName($0, program, l) }
    let shortColumns = table.columns.map { name in
      String(name.prefix { $0 != "(" && $0 != "（" }).trimmingSpaces
    }
    header += shortColumns
    let options = program.options
    if case .flat = table.basis { header += options.map { "+" + $0.code } }
    if sized {
      let size = [
        counts.generalBeds.map { Wording.count(.generalBeds, $0, l) }, counts.otherBeds.map { Wording.count(.otherBeds, $0, l) },
        counts.capacity.map { Wording.count(.capacity, $0, l) },
      ]
      .compactMap { $0 }.joined(separator: "・")
      header.append(l.pick("\(size)の年間保険料", "annual premium at \(size)"))
    }
    var rows = TextColumns(alignments: [.left] + coverages.map { _ in .right } + Array(repeating: .right, count: header.count))
    var estimateReasons: [EstimateReason] = []
    rows.add(header)
    for row in table.rows {
      guard let plan = program.plan(row.plan) else { continue }
      let limits = program.limits(of: plan, for: facility)
      var cells = [plan.code] + coverages.map { c in limits.entries.first { $0.coverage == c }.map { Wording.limit($0.limit, l) } ?? "-" }
      cells += row.values.map(Wording.yen)
      if case .flat = table.basis {
        for option in options {
          let quote = try Pricer.quote(QuoteRequest(program: program.id, facility: facility, plan: plan.code, option: option.code), in: program)
          cells.append(Wording.yen(quote.premium))
        }
      }
      if sized {
        let request = QuoteRequest(
          program: program.id, facility: facility, plan: plan.code,
          generalBeds: counts.generalBeds, otherBeds: counts.otherBeds, capacity: counts.capacity)
        let quote = try Pricer.quote(request, in: program, on: today)
        cells.append(Wording.yen(quote.premium) + (quote.basis == .estimate ? l.pick(" (推定)", " (est.)") : ""))
        if let reason = quote.estimateReason, !estimateReasons.contains(reason) { estimateReasons.append(reason) }
      }
      rows.add(cells)
    }
    // Columns one space apart where two would pass 80 (kumamoto-hokeni's base and three options).
    var rendered = rows.render(indent: "  ")
    if rendered.split(separator: "\n").contains(where: { Screen.width(of: String($0)) > Screen.defaultWidth }) {
      rendered = rows.render(indent: "  ", gap: " ")
    }
    var out = "\(table.title)  [\(table.source)]\n" + rendered
    for (short, full) in zip(shortColumns, table.columns) where short != full { out += "  \(short): \(full)\n" }
    if case .flat = table.basis, !options.isEmpty {
      out +=
        "  " + options.map { "+\($0.code): \($0.name) \(Wording.limit($0.limit, l))" }.joined(separator: l.pick("、", ", "))
        + l.pick("（基本プランとの合計）", " (total with the base plan)") + "\n"
    }
    if let plan = plans.first {
      let deductibles = program.limits(of: plan, for: facility).entries.map { ($0.coverage, program.deductibles[$0.coverage]) }
      out += "  " + l.pick("自己負担額: ", "Deductible: ") + Wording.deductibles(deductibles, program: program, l) + "\n"
    }
    if let reason = table.estimatedFacilities.contains(facility) ? table.estimateReason : nil {
      out += l.pick("  ※推定: ", "  * estimate: ") + reason + "\n"
    }
    // Why the figures marked (推定) are estimates, once each (a borrowed table is said above).
    for reason in estimateReasons {
      if case .assumedTable = reason, table.estimatedFacilities.contains(facility) { continue }
      out += "  ※" + l.pick("推定: ", "estimate: ") + Wording.estimateReason(reason, l) + "\n"
    }
    return out
  }
}
