/// The draft put together: plans, tables, options, terms and texts, each from the new text.
extension DraftReader {
  mutating func assemble(_ tables: [(table: RateTable, rows: [DraftRow])], brochure: String) -> RateBookDraft {
    self.brochure = brochure
    let plans = assemblePlans(tables)
    let known = Set(plans.map(\.code))
    let draftTables = tables.map { assembleTable($0.table, rows: $0.rows, plans: plans) }
    let options = assembleOptions(draftTables)
    var changes: [RateBookDraft.Change] = []

    // Period, or the term of an undated brochure.
    let (period, term, periodLine) = readPeriod()
    if period == nil, template.period != nil { unresolved.append(.init(kind: .periodNotFound, line: nil)) }
    if period != template.period {
      changes.append(.init(field: "period", old: Self.json(template.period), new: Self.json(period), line: periodLine))
    }
    let draftTerm = period == nil ? (term ?? template.term) : nil
    if draftTerm != template.term {
      changes.append(.init(field: "term", old: .string(template.term), new: .string(draftTerm), line: periodLine))
    }

    // Group discount and payment, the terms the printed figures assume.
    let (discount, discountLine) = readGroupDiscount()
    if discount != template.groupDiscountPercent {
      changes.append(.init(field: "group_discount_percent", old: .decimal(template.groupDiscountPercent), new: .decimal(discount), line: discountLine))
      unresolved.append(.init(kind: .changedDiscount(old: Self.percent(template.groupDiscountPercent), new: Self.percent(discount)), line: discountLine))
    }
    let (installments, payment, paymentLine) =
      template.payment == nil && !confirmsPayment()
      ? (template.installments, nil, nil) : readPayment(near: discountLine)
    if installments != template.installments {
      changes.append(.init(field: "installments", old: .integer(template.installments), new: .integer(installments), line: paymentLine))
    }
    if payment != template.payment {
      changes.append(.init(field: "payment", old: .string(template.payment), new: .string(payment), line: paymentLine))
      unresolved.append(.init(kind: .changedPayment(old: template.payment ?? "記載なし", new: payment ?? "記載なし"), line: paymentLine))
    }

    let conditions = assembleConditions(&changes)
    let program = Program(
      id: template.id, name: keep(template.name, "name"), policyholder: keep(template.policyholder, "policyholder"),
      policyholderPrinted: template.policyholderPrinted,
      agent: template.agent.map { keep($0, "agent") }, insurer: keep(template.insurer, "insurer"), insurerNote: template.insurerNote,
      rounding: template.rounding.map { SourcedText(text: $0.text, source: cite($0.source, "rounding.source")) },
      eligibility: template.eligibilityParts.enumerated().map { keep($1, "eligibility[\($0)]") },
      eligibilitySource: template.eligibilitySource.map { cite($0, "eligibility_source") },
      eligibleFacilities: template.eligibleFacilities, source: brochure, period: period, term: draftTerm,
      groupDiscountPercent: discount, installments: installments, payment: payment, security: template.security,
      disclosures: template.disclosures.enumerated().compactMap { i, d in
        reread(d.text, "disclosures[\(i)].text").map { Disclosure(facilities: d.facilities, text: $0) }
      },
      multipleFacilities: template.multipleFacilities, optionsOnRequest: template.optionsOnRequest,
      families: template.families, cover: template.cover, familyNotes: template.familyNotes, coverageNames: template.coverageNames,
      deductibles: template.deductibles,
      plans: plans, options: options, tables: draftTables,
      notOffered: template.notOffered.compactMap { Self.rule($0, known: known) },
      onRequest: template.onRequest.compactMap { Self.rule($0, known: known) },
      notes: template.notes.enumerated().compactMap { i, note in
        // The tool's own notes go with the structure they describe; the brochure's are read again.
        note.byTool
          ? note
          : reread(note.text, "notes[\(i)]").map {
            ProgramNote(
              $0, facilities: note.facilities, aboutPrintedFigures: note.aboutPrintedFigures, source: note.source.map { cite($0, "notes[\(i)].source") })
          }
      },
      conditions: conditions)
    // Split figures outside the rows, where a term or an option may have been read from their tail.
    for line in text.lines where !reportedSplits.contains(line.number) {
      for case .broken(let printed) in line.tokens {
        unresolved.append(.init(kind: .splitFigure(printed: printed, table: nil, plan: nil), line: line.number))
      }
    }
    var draft = RateBookDraft(program: program)
    draft.template = template
    draft.removed = Self.removed(from: template, in: program)
    draft.figures = figures
    draft.changes = changes + textChanges
    draft.unresolved = unresolved
    return draft
  }

  /// Every figure of `template` (tables and options) that the draft `program` has no figure for.
  static func removed(from template: Program, in program: Program) -> [RateBookDraft.Removed] {
    var out: [RateBookDraft.Removed] = []
    for table in template.tables {
      let drafted = program.tables.first { $0.id == table.id }
      for row in table.rows {
        let values = drafted?.row(for: row.plan)?.values ?? []
        for (k, value) in row.values.enumerated() where k >= values.count {
          out.append(.init(table: table.id, plan: row.plan, column: k, old: value))
        }
      }
    }
    for option in template.options where !program.options.contains(where: { $0.code == option.code }) {
      out.append(.init(table: "options", plan: option.code, column: 0, old: option.premium))
    }
    return out
  }

  // MARK: - Plans and tables

  /// The template's plans still printed, with the limits the new text prints, then new plans
  /// whose rows print their limits.
  mutating func assemblePlans(_ tables: [(table: RateTable, rows: [DraftRow])]) -> [Plan] {
    let rows = tables.flatMap(\.rows)
    let printed = Set(segments.joined().map(\.code)).union(rows.map(\.code))
    var plans: [Plan] = []
    for plan in template.plans {
      guard printed.contains(plan.code) else {
        unresolved.append(.init(kind: .planGone(code: plan.code), line: nil))
        continue
      }
      let row = rows.first { $0.code == plan.code && $0.limits != nil }
      if let limits = row?.limits ?? limitsFound[plan.code] {
        plans.append(Plan(code: plan.code, family: plan.family, limits: limits))
        // Limits seldom change: a change is the person's to confirm (or a misread layout's).
        if limits != plan.limits {
          unresolved.append(
            .init(kind: .limitsChanged(plan: plan.code, table: nil, old: plan.limits, new: limits), line: row?.line ?? limitsLines[plan.code]))
        }
      } else {
        unresolved.append(.init(kind: .limitsNotFound(plan: plan.code), line: nil))
        plans.append(plan)
      }
    }
    var added: Set<String> = []
    for (table, tableRows) in tables {
      for row in tableRows where template.plan(row.code) == nil && !added.contains(row.code) && !row.cells.contains(.dash) {
        added.insert(row.code)
        let limits = row.limits ?? limitsFound[row.code]
        unresolved.append(.init(kind: .newPlan(code: row.code, table: table.id, added: limits != nil), line: row.line))
        if let limits, let family = familyOf(row.code) { plans.append(Plan(code: row.code, family: family, limits: limits)) }
      }
    }
    return plans
  }

  /// A table of the template with the rows read for it. A row printed twice with other figures,
  /// or with a split figure, is left out and listed: neither printing is chosen.
  mutating func assembleTable(_ table: RateTable, rows: [DraftRow], plans: [Plan]) -> RateTable {
    var out: [RateRow] = []
    var overrides: [String: Limits] = [:]
    var seen: Set<String> = []
    let printings = Dictionary(grouping: rows, by: \.code)
    for row in rows where !seen.contains(row.code) {
      seen.insert(row.code)
      let again = (printings[row.code] ?? []).dropFirst().filter { $0.cells.map(\.reading) != row.cells.map(\.reading) }
      if !again.isEmpty {
        let printed = ([row] + again).map { $0.cells.compactMap(\.printed).joined(separator: " ") }
        unresolved.append(
          .init(kind: .rowPrintedTwice(table: table.id, plan: row.code, printed: printed), line: row.line, also: again.map(\.line)))
        continue
      }
      if let split = row.cells.first(where: { if case .broken = $0 { true } else { false } }) {
        unresolved.append(.init(kind: .splitFigure(printed: split.printed ?? "", table: table.id, plan: row.code), line: row.line))
        reportedSplits.insert(row.line)
        continue
      }
      if let before = row.before {
        unresolved.append(.init(kind: .textBeforeRow(table: table.id, plan: row.code, printed: before), line: row.line))
      }
      guard let plan = plans.first(where: { $0.code == row.code }) else { continue }
      let old = table.row(for: row.code)
      if row.cells.contains(.dash) {
        if old != nil { unresolved.append(.init(kind: .nowDash(table: table.id, plan: row.code), line: row.line)) }
        continue
      }
      guard row.cells.count == table.columns.count else {
        unresolved.append(.init(kind: .cellCount(table: table.id, plan: row.code, found: row.cells.count, expected: table.columns.count), line: row.line))
        continue
      }
      if old == nil, template.plan(row.code) != nil {
        unresolved.append(.init(kind: .nowPriced(table: table.id, plan: row.code), line: row.line))
      }
      var values: [Yen] = []
      for (k, cell) in row.cells.enumerated() {
        guard case .yen(let value, let printed) = cell else { continue }
        values.append(value)
        figures.append(
          .init(
            table: table.id, plan: row.code, column: k, old: old.flatMap { k < $0.values.count ? $0.values[k] : nil }, new: value, line: row.line,
            printed: printed))
      }
      out.append(RateRow(plan: row.code, values: values))
      if let limits = row.limits, limits != plan.limits {
        overrides[row.code] = limits
        if limits != table.limitOverrides[row.code] {
          unresolved.append(.init(kind: .limitsChanged(plan: row.code, table: table.id, old: table.limitOverrides[row.code], new: limits), line: row.line))
        }
      } else if let limits = row.limits, let before = table.limitOverrides[row.code] {
        // Printed as the plan's own now: last year's table-specific limits are gone.
        unresolved.append(.init(kind: .limitsChanged(plan: row.code, table: table.id, old: before, new: limits), line: row.line))
      } else if row.limits == nil, let kept = table.limitOverrides[row.code] {
        overrides[row.code] = kept
        unresolved.append(.init(kind: .limitsNotFound(plan: row.code), line: row.line))
      }
    }
    // Last year's rows in last year's order (a brochure may print S and P side by side), then
    // new ones in the order printed.
    let order = Dictionary(table.rows.enumerated().map { ($1.plan, $0) }, uniquingKeysWith: { a, _ in a })
    let rank = { (row: RateRow, position: Int) in order[row.plan] ?? table.rows.count + position }
    out = out.enumerated().sorted { rank($0.element, $0.offset) < rank($1.element, $1.offset) }.map(\.element)
    let printedCodes = Set(rows.map(\.code))
    for old in table.rows where !printedCodes.contains(old.plan) && plans.contains(where: { $0.code == old.plan }) {
      unresolved.append(.init(kind: .rowGone(table: table.id, plan: old.plan), line: nil))
    }
    return RateTable(
      id: table.id, title: table.title, source: table.source, facilities: table.facilities,
      estimatedFacilities: table.estimatedFacilities, estimateReason: table.estimateReason,
      readFacilities: table.readFacilities, reading: table.reading, basis: table.basis,
      columns: table.columns, rows: out, limitOverrides: overrides)
  }

  /// Options (kumamoto-hokeni's 利益補償 a–c): the line naming each, its limit, and the premium
  /// on it or on one of the next three lines; and each printed total against base + option.
  mutating func assembleOptions(_ tables: [RateTable]) -> [PlanOption] {
    var out: [PlanOption] = []
    for option in template.options {
      let name = TextIndex.compact(option.name)
      guard let at = text.lines.firstIndex(where: { TextIndex.contains($0.compact, name) }) else {
        unresolved.append(.init(kind: .optionNotFound(code: option.code), line: nil))
        out.append(option)
        continue
      }
      let limit = text.lines[at].tokens.lazy.compactMap { token -> Yen? in
        if case .amount(let value, _) = token { return Yen(value) }
        return nil
      }.first
      let premiumKey = TextIndex.compact("保険料")
      let premiumLine = (at..<min(at + 4, text.lines.count)).first { i in
        !loose[i].isEmpty && (i == at || TextIndex.contains(text.lines[i].compact, premiumKey))
      }
      // A second figure beside the premium (a monthly one, a total) leaves two readings.
      if let premiumLine, loose[premiumLine].count > 1 {
        let printed = loose[premiumLine].compactMap(\.printed).joined(separator: " ")
        let monthly = ["月額", "月払", "毎月", "/月"].contains { TextIndex.contains(text.lines[premiumLine].compact, TextIndex.compact($0)) }
        unresolved.append(
          .init(
            kind: monthly ? .monthlyFigure(printed: printed, option: option.code) : .optionNotFound(code: option.code),
            line: text.lines[premiumLine].number))
        out.append(option)
        continue
      }
      guard let premiumLine, case .yen(let premium, let printed) = loose[premiumLine][0], let limit else {
        unresolved.append(.init(kind: .optionNotFound(code: option.code), line: text.lines[at].number))
        out.append(option)
        continue
      }
      figures.append(
        .init(table: "options", plan: option.code, column: 0, old: option.premium, new: premium, line: text.lines[premiumLine].number, printed: printed))
      out.append(PlanOption(code: option.code, name: option.name, coverage: option.coverage, limit: limit, premium: premium))
      checkTotals(of: out[out.count - 1], tables)
    }
    return out
  }

  /// A line `…補償a 合計保険料 100,210円 …` printed across the base plans: each total must be
  /// the base premium plus the option's.
  mutating func checkTotals(of option: PlanOption, _ tables: [RateTable]) {
    guard let base = tables.first(where: { $0.basis.isFlat }) else { return }
    let key = TextIndex.compact("補償" + option.code + "合計")
    for (i, line) in text.lines.enumerated() where TextIndex.contains(line.compact, key) && loose[i].count == base.rows.count {
      for (row, cell) in zip(base.rows, loose[i]) {
        guard case .yen(let total, _) = cell, let basePremium = row.values.first, let sum = try? basePremium.adding(option.premium), sum != total else {
          continue
        }
        unresolved.append(.init(kind: .totalMismatch(plan: row.plan, option: option.code, printed: total, sum: sum), line: line.number))
      }
    }
  }

  /// A rule with the plans that are gone taken out; nil when it named plans and none is left.
  static func rule(_ rule: AvailabilityRule, known: Set<String>) -> AvailabilityRule? {
    let plans = rule.plans.filter(known.contains)
    guard rule.plans.isEmpty || !plans.isEmpty else { return nil }
    return AvailabilityRule(facilities: rule.facilities, plans: plans, withOption: rule.withOption, reason: rule.reason, source: rule.source)
  }
}
