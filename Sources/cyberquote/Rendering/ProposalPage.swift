import PremiumCore

/// The page itself: sections in the brochure's terms, figures and words from the renderers.
struct ProposalPage {
  let language: Language
  let date: CalendarDate?
  let to: String?
  let from: String?

  private var l: Language { language }

  // MARK: - Pages

  /// One facility: the menu, the chosen plans explained, the curve, the comparison.
  mutating func single(
    menu: PlanMenu, request: QuoteRequest, chosen: [String], rates: Catalog.Entry, cover: CoverDates?, compare: [Comparison.Row]?
  ) throws -> String {
    let program = menu.program
    var h = HTML()
    h.element("section", [("class", "facility")]) { h in
      h.element("h2", text: l.pick("ご提案の対象", "The facility"))
      h.element("table") { h in
        row(&h, l.pick("施設区分", "Facility"), request.facility.name(l))
        let counts = CountKind.allCases.compactMap { kind -> String? in
          switch kind {
          case .generalBeds: request.generalBeds.map { Wording.count(.generalBeds, $0, l) }
          case .otherBeds: request.otherBeds.map { Wording.count(.otherBeds, $0, l) }
          case .capacity: request.capacity.map { Wording.count(.capacity, $0, l) }
          }
        }
        if !counts.isEmpty { row(&h, l.pick("病床数・定員", "Beds, capacity"), counts.joined(separator: l.pick("、", ", "))) }
        if let security = request.securityPercent, security != .zero {
          row(&h, l.pick("セキュリティー割増引", "Security adjustment"), Wording.percent(security, l, signed: true))
        }
      }
    }
    periodNotice(&h, program)
    programSection(&h, program, cover: cover)
    menuSection(&h, menu, chosen: chosen)
    for code in chosen {
      guard let entry = menu.entries.first(where: { PlanFilter.planAndLimits($0).0.code == code }) else { continue }
      explanation(&h, entry)
    }
    if let code = chosen.first ?? menu.entries.compactMap({ entry -> String? in if case .priced(let q) = entry { q.plan.code } else { nil } }).first,
      let chart = chartSVG(program: program, facility: request.facility, plan: code, request: request)
    {
      h.element("section", [("class", "chart")]) { h in
        h.element("h2", text: l.pick("病床数・定員と保険料", "The premium against beds or capacity"))
        h.addTrusted(chart)
      }
    }
    if let compare { compareSection(&h, compare, facility: request.facility) }
    let atPrintedConditions = (request.securityPercent ?? .zero) == .zero && request.groupDiscountPercent == nil && request.installments == nil
    closing(&h, program, facility: request.facility, rates: rates, figuresAtPrintedConditions: atPrintedConditions)
    return document(title: l.pick("御見積書", "Quotation") + " — " + Wording.programTitle(program), body: h.text)
  }

  /// A corporate group: each facility's premium under its program and plan, and the total.
  mutating func group(_ members: [ProposalCommand.Member]) throws -> String {
    var h = HTML()
    let quotes = members.compactMap { try? $0.result.get() }
    let group = GroupQuote(quotes: quotes, unpriced: members.count - quotes.count)
    h.element("section", [("class", "group")]) { h in
      h.element("h2", text: l.pick("施設ごとの保険料", "Each facility's premium"))
      h.element("table") { h in
        h.element("tr") { h in
          for title in [
            l.pick("施設", "Facility"), l.pick("制度", "Program"), l.pick("施設区分", "Kind"), l.pick("プラン", "Plan"),
            l.pick("保険金額", "Limits"), l.pick("年間保険料", "Annual premium"), l.pick("根拠・エラー", "Basis / error"),
          ] {
            h.element("th", text: title)
          }
        }
        for member in members {
          switch member.result {
          case .success(let q):
            h.element("tr", [("data-premium", "\(q.premium.amount)")]) { h in
              h.element("td", [("class", "name")], text: member.name)
              h.element("td", text: Wording.programTitle(q.program))
              h.element("td", text: q.facility.name(l))
              h.element("td", text: q.plan.code)
              h.element("td", text: Wording.limits(q.limits, program: q.program, l))
              h.element("td", [("class", "num")], text: Wording.yen(q.premium))
              h.element("td", text: Wording.basisShort(q, l))
            }
          case .failure:
            h.element("tr", [("class", "failed")]) { h in
              h.element("td", [("class", "name")], text: member.name)
              for _ in 0..<4 { h.element("td", text: "") }
              h.element("td", [("class", "num")], text: "-")
              h.element("td", text: l.pick("\(member.line)行目: ", "line \(member.line): ") + member.message)
            }
          }
        }
        h.element("tr", [("class", "total")]) { h in
          h.element("th", text: l.pick("合計", "Total"))
          for _ in 0..<4 { h.element("td", text: "") }
          let shown = group.annualTotal
          h.element("td", [("class", "num"), ("data-total", shown.map { "\($0.amount)" } ?? "")], text: shown.map { Wording.yen($0) } ?? "-")
          let failed = group.unpriced
          h.element("td", text: failed == 0 ? "" : l.pick("計算できない施設 \(failed)件は合計に含みません", "\(failed) facilities without a figure are not in the total"))
        }
      }
    }
    notice(&h)
    return document(title: l.pick("御見積書（施設一覧）", "Quotation (facilities)"), body: h.text)
  }

  // MARK: - Sections

  private func programSection(_ h: inout HTML, _ p: Program, cover: CoverDates?) {
    h.element("section", [("class", "program")]) { h in
      h.element("h2", text: l.pick("制度", "The program"))
      h.element("table") { h in
        row(&h, l.pick("制度", "Program"), Wording.programTitle(p))
        row(&h, l.pick("保険契約者", "Policyholder"), Wording.policyholder(p, l))
        row(&h, l.pick("取扱代理店", "Agent"), p.agent ?? Wording.notStated(l))
        row(&h, l.pick("引受保険会社", "Insurer"), Wording.insurer(p, l))
        row(&h, l.pick("保険期間", "Period"), Wording.period(p, today: date, l) + (p.period == nil ? l.pick("。", ". ") + Wording.undatedNotice(l) : ""))
        if let cover { row(&h, l.pick("補償期間", "Cover"), Wording.cover(cover, program: p, l)) }
        row(
          &h, l.pick("申込締切", "Deadlines"), p.conditions.deadlines.isEmpty ? Wording.notStated(l) : p.conditions.deadlines.joined(separator: l.pick("、", "; ")))
        row(&h, l.pick("加入資格", "Who may join"), p.eligibility)
        row(&h, l.pick("団体割引・払込方法", "Group discount, payment"), Wording.groupDiscount(p, l) + l.pick("・", ", ") + Wording.payment(p, l))
        row(&h, l.pick("支払限度", "Aggregate cap"), p.conditions.aggregateCap?.text ?? Wording.notStated(l))
        if !p.conditions.contacts.isEmpty { row(&h, l.pick("お問い合わせ先", "Contacts"), p.conditions.contacts.joined(separator: " / ")) }
      }
    }
  }

  private func menuSection(_ h: inout HTML, _ menu: PlanMenu, chosen: [String]) {
    let program = menu.program
    let coverages = Coverage.allCases.filter { c in menu.entries.contains { PlanFilter.planAndLimits($0).1.entries.contains { $0.coverage == c } } }
    var reasons: [String] = []
    h.element("section", [("class", "menu")]) { h in
      h.element("h2", text: l.pick("プランと保険料", "Plans and premiums"))
      if let legend = Wording.familyLegend(program, families: Wording.families(menu.plans), l) { h.element("p", text: legend) }
      // Deductibles belong to a coverage, the same for every plan: one line, not a column.
      let deductibles = coverages.map { ($0, program.deductibles[$0]) }
      h.element("p", text: l.pick("自己負担額: ", "Deductibles: ") + Wording.deductibles(deductibles, program: program, l))
      let installments = menu.entries.contains { entry in if case .priced(let q) = entry { q.installments > 1 } else { false } }
      h.element("table") { h in
        h.element("tr") { h in
          h.element("th", text: l.pick("プラン", "Plan"))
          for c in coverages { h.element("th", text: c.marker + Wording.coverageName(c, program, l)) }
          h.element("th", text: l.pick("年間保険料", "Annual premium"))
          if installments { h.element("th", text: l.pick("1回分", "Installment")) }
          h.element("th", text: l.pick("根拠・備考", "Basis / note"))
        }
        for entry in menu.entries {
          let (plan, limits) = PlanFilter.planAndLimits(entry)
          var attributes: [(String, String)] = [("data-plan", plan.code)]
          if chosen.contains(plan.code) { attributes.append(("class", "chosen")) }
          if case .priced(let q) = entry { attributes.append(("data-premium", "\(q.premium.amount)")) }
          h.element("tr", attributes) { h in
            h.element("td", text: plan.code)
            for c in coverages {
              h.element("td", [("class", "num")], text: limits.entries.first { $0.coverage == c }.map { Wording.limit($0.limit, l) } ?? "-")
            }
            switch entry {
            case .priced(let q):
              h.element("td", [("class", "num")], text: Wording.yen(q.premium))
              if installments { h.element("td", [("class", "num")], text: Wording.yen(q.installmentPremium) + " × \(q.installments)") }
              h.element("td", text: Wording.basisShort(q, l))
            case .unpriced(_, _, let error):
              // The reason once, below the table; the row carries its status and a mark.
              let text = PlansCommand.reason(error, l)
              if !reasons.contains(text) { reasons.append(text) }
              h.element("td", [("class", "num")], text: "-")
              if installments { h.element("td", [("class", "num")], text: "-") }
              h.element(
                "td", [("data-status", error.availability?.rawValue ?? "")],
                text: PlansCommand.statusWord(error, l) + " *\((reasons.firstIndex(of: text) ?? 0) + 1)")
            }
          }
        }
      }
      for (i, text) in reasons.enumerated() { h.element("p", [("class", "muted")], text: "*\(i + 1) " + text) }
    }
  }

  private func explanation(_ h: inout HTML, _ entry: PlanMenu.Entry) {
    h.element("section", [("class", "calc")]) { h in
      switch entry {
      case .priced(let q):
        h.element("h2", text: l.pick("計算の説明 — \(q.plan.code)", "How the premium is reached — \(q.plan.code)"))
        h.element(
          "p", [("data-premium", "\(q.premium.amount)")],
          text: l.pick("年間保険料 ", "Annual premium ") + Wording.yen(q.premium) + l.pick("（\(Wording.payment(q, l))）", " (\(Wording.payment(q, l)))")
            + l.pick("　根拠: ", "; basis: ") + Wording.basis(q.basis, l))
        h.element("ol") { h in
          for step in q.steps { h.element("li", text: StepWording.line(step, quote: q, l)) }
        }
        h.element("p", [("class", "muted")], text: l.pick("出典: ", "Source: ") + Wording.brochureCitation(q))
        if let reason = q.estimateReason { h.element("p", text: l.pick("【推定】", "[ESTIMATE] ") + Wording.estimateReason(reason, l)) }
        if !q.assumptions.isEmpty {
          h.element("p", text: l.pick("前提（パンフレットに記載のない仮定）", "Assumptions (not stated in the brochure)"))
          h.element("ul") { h in
            for a in q.assumptions { h.element("li", text: Wording.assumption(a, l)) }
          }
        }
      case .unpriced(let plan, _, let error):
        h.element("h2", text: plan.code)
        h.element("p", text: PlansCommand.reason(error, l))
      }
    }
  }

  private func chartSVG(program: Program, facility: FacilityKind, plan: String, request: QuoteRequest) -> String? {
    guard let curve = try? PremiumCurve(program: program, facility: facility, plan: plan) else { return nil }
    let count = (request.generalBeds ?? 0) + (request.otherBeds ?? 0) + (request.capacity ?? 0)
    let maximum = min(InputRange.count.upperBound, max(200, count * 3 / 2))
    guard var chart = try? ChartCommand.curve(curve, maximum: maximum, samples: 240, l) else { return nil }
    // The facility's own premium, as the menu gives it (its security adjustment included).
    if count > 0,
      let quote = try? Pricer.quote(
        QuoteRequest(
          program: program.id, facility: facility, plan: plan, generalBeds: request.generalBeds, otherBeds: request.otherBeds,
          capacity: request.capacity, securityPercent: request.securityPercent),
        in: program)
    {
      var given = CountKind.allCases.compactMap { kind in quote.counts[kind].map { Wording.count(kind, $0, l) } }
      if quote.securityPercent != .zero { given.append(Wording.percent(quote.securityPercent, l, signed: true)) }
      chart.facility = (count, quote.premium, l.pick("この施設", "this facility") + "（" + given.joined(separator: l.pick("、", ", ")) + "）")
    }
    // Inline: the SVG without its XML declaration.
    return ChartCommand.svg(chart, l).split(separator: "\n").filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
  }

  private func compareSection(_ h: inout HTML, _ rows: [Comparison.Row], facility: FacilityKind) {
    h.element("section", [("class", "compare")]) { h in
      h.element("h2", text: l.pick("他の制度との比較（\(facility.name(l))）", "Across the programs (\(facility.name(l)))"))
      h.element("table") { h in
        h.element("tr") { h in
          for title in [
            l.pick("制度", "Program"), l.pick("加入資格", "Who may join"), l.pick("プラン", "Plan"), l.pick("保険金額", "Limits"), l.pick("年間保険料", "Annual premium"),
          ] {
            h.element("th", text: title)
          }
        }
        for row in rows {
          switch row {
          case .menu(let menu, _):
            let priced = menu.entries.compactMap { entry -> Quote? in if case .priced(let q) = entry { q } else { nil } }
            for (i, q) in priced.enumerated() {
              h.element("tr", [("data-program", q.program.id), ("data-premium", "\(q.premium.amount)")]) { h in
                h.element("td", text: i == 0 ? Wording.programTitle(q.program) : "")
                h.element("td", text: i == 0 ? q.program.eligibility : "")
                h.element("td", text: q.plan.code)
                h.element("td", text: Wording.limits(q.limits, program: q.program, l))
                h.element("td", [("class", "num")], text: Wording.yen(q.premium) + (q.basis == .estimate ? l.pick("【推定】", " [est.]") : ""))
              }
            }
          case .cannotPrice(let program, let error):
            h.element("tr", [("data-program", program.id)]) { h in
              h.element("td", text: Wording.programTitle(program))
              h.element("td", text: program.eligibility)
              h.element("td", text: "-")
              h.element("td", text: PlansCommand.reason(error, l))
              h.element("td", [("class", "num")], text: "-")
            }
          }
        }
      }
    }
  }

  private func closing(_ h: inout HTML, _ p: Program, facility: FacilityKind, rates: Catalog.Entry, figuresAtPrintedConditions: Bool) {
    let notes = p.notes(for: facility, figureAtPrintedConditions: figuresAtPrintedConditions)
    h.element("section", [("class", "notes")]) { h in
      h.element("h2", text: l.pick("パンフレットの記載・ご注意", "The brochure's conditions"))
      if !notes.isEmpty {
        h.element("ul") { h in
          for note in notes { h.element("li", text: note) }
        }
      }
      h.element(
        "p", [("class", "muted")],
        text: l.pick("料率: ", "Rates: ") + Wording.rateSource(rates, l) + l.pick("（出典 ", " (source ") + Wording.brochureTitle(p) + "、"
          + Wording.period(p, today: date, l) + l.pick("）", ")"))
    }
    notice(&h)
  }

  /// An ended or undated period, said before any figure it affects.
  private func periodNotice(_ h: inout HTML, _ p: Program) {
    for warning in Pricer.warnings(for: p, on: date) {
      h.element("p", [("class", "notice")], text: l.pick("ご注意: ", "Please note: ") + Wording.warning(warning, programID: Wording.programTitle(p), l))
    }
  }

  private func notice(_ h: inout HTML) {
    h.element(
      "p", [("class", "notice")],
      text: l.pick(
        "この書面はパンフレットの保険料と計算式による試算です。正式な保険料は保険会社の計算によります。【推定】の金額は見積りではなく参考値です。",
        "This page is computed from the brochure's premiums and formula. The insurer's own calculation governs; figures marked [ESTIMATE] are not quotes."))
  }

  // MARK: - Pieces

  private func row(_ h: inout HTML, _ key: String, _ value: String) {
    h.element("tr") { h in
      h.element("th", text: key)
      h.element("td", text: value)
    }
  }

  private func document(title: String, body: String) -> String {
    var h = HTML()
    h.addTrusted("<!DOCTYPE html>\n")
    h.element("html", [("lang", l.rawValue)]) { h in
      h.element("head") { h in
        h.addTrusted("<meta charset=\"utf-8\"/>")
        h.element("title", text: title)
        h.element("style") { $0.addTrusted(Self.style) }
      }
      h.element("body") { h in
        h.element("header") { h in
          h.element("div") { h in
            h.element("h1", text: l.pick("御見積書（保険料のご提案）", "Quotation: a premium proposal"))
            if let to { h.element("p", [("class", "to")], text: to + l.pick(" 御中", "")) }
          }
          h.element("div") { h in
            if let date { h.element("p", text: l.pick(date.japanese, date.description)) }
            if let from { h.element("p", text: from) }
          }
        }
        h.addTrusted(body)
      }
    }
    h.newline()
    return h.text
  }
}
