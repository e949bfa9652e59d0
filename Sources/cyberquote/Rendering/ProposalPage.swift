import PremiumCore

/// The page itself: sections in the brochure's terms, figures and words from the renderers.
///
/// Its order follows what the 保険業法 asks of an agency handing it over: the customer's wishes
/// first (意向把握, §294-2), the program's key information and what it does not pay (情報提供,
/// §294), and with several programs, how they were narrowed and why the plan is recommended
/// (施行規則 §234-21-2). The footer ties a printed page to its record (`--record`).
struct ProposalPage {
  let language: Language
  /// The day whose rates price the figures (`--date`, else the issue date).
  let date: CalendarDate?
  /// The issue date: the real day, whatever `--date` says. A page is never backdated.
  let issued: CalendarDate?
  let texts: ProposalTexts
  /// Each rate book's id and short fingerprint, for the footer.
  var fingerprints: [(id: String, short: String)] = []
  /// Compared plans that pass the page's narrowing and cost less than the proposed one: listed
  /// under their own heading, beside the reason the agency gives.
  var cheaper: [Quote] = []
  /// The plans proposed (`--plan`), checked against the kinds of cover the wishes ask for.
  var proposedPlans: [String] = []
  /// Whether a proposed figure is an estimate: the page is then a 試算書, not a 御見積書.
  var estimate = false

  init(language: Language, date: CalendarDate?, issued: CalendarDate?, texts: ProposalTexts) {
    self.language = language
    self.date = date
    self.issued = issued
    self.texts = texts
  }

  var l: Language { language }

  // MARK: - Pages

  /// One facility: the menu, the chosen plans explained, the curve, the comparison.
  func single(
    menu: PlanMenu, request: QuoteRequest, chosen: [String], rates: Catalog.Entry, cover: CoverDates?, comparison: ProposalComparison?
  ) throws -> String {
    let program = menu.program
    var h = HTML()
    wishes(&h)
    h.element("section", [("class", "facility")]) { h in
      h.element("h2", text: l.pick("ご提案の対象", "The facility"))
      h.element("table") { h in
        row(&h, l.pick("施設区分", "Facility"), request.facility.name(l))
        let counts = ProposalComparison.counts(request, l)
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
        if let basis = chart.basis { h.element("p", [("class", "muted")], text: basis) }
        h.addTrusted(chart.svg)
      }
    }
    if let comparison { compareSection(&h, comparison, request: request) }
    exclusions(&h, program)
    importantMatters(&h, program)
    let atPrintedConditions = program.isAtPrintedConditions(
      securityPercent: request.securityPercent, groupDiscountPercent: request.groupDiscountPercent, installments: request.installments)
    closing(&h, program, facility: request.facility, rates: rates, figuresAtPrintedConditions: atPrintedConditions)
    return document(subject: Wording.programTitle(program), body: h.text)
  }

  // MARK: - Sections

  private func programSection(_ h: inout HTML, _ p: Program, cover: CoverDates?) {
    h.element("section", [("class", "program")]) { h in
      h.element("h2", text: l.pick("制度", "The program"))
      h.element("table") { h in
        row(&h, l.pick("制度", "Program"), Wording.programTitle(p))
        row(&h, l.pick("保険契約者", "Policyholder"), Wording.policyholder(p, l))
        if let agent = p.agent { row(&h, l.pick("取扱代理店", "Agent"), agent) }
        row(&h, l.pick("引受保険会社", "Insurer"), Wording.insurer(p, l))
        row(&h, l.pick("保険期間", "Period"), Wording.period(p, today: date, l) + (p.period == nil ? l.pick("。", ". ") + Wording.undatedNotice(l) : ""))
        if let cover { row(&h, l.pick("補償期間", "Cover"), Wording.cover(cover, program: p, l)) }
        row(
          &h, l.pick("申込締切", "Deadlines"), p.conditions.deadlines.isEmpty ? Wording.notStated(l) : p.conditions.deadlines.joined(separator: l.pick("、", "; ")))
        row(&h, l.pick("加入資格", "Who may join"), Wording.eligibility(p, l))
        priceConditions(&h, p)
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
      let mark = periodSuffix(program)
      h.element("table") { h in
        h.element("thead") { h in
          h.element("tr") { h in
            h.element("th", text: l.pick("プラン", "Plan"))
            for c in coverages { h.element("th", text: c.marker + Wording.coverageName(c, program, l)) }
            h.element("th", text: l.pick("年間保険料", "Annual premium"))
            if installments { h.element("th", text: l.pick("1回分", "Installment")) }
            h.element("th", text: l.pick("根拠・備考", "Basis / note"))
          }
        }
        h.element("tbody") { h in
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
                // Beside each figure: a period that has ended, or no dates printed at all.
                h.element("td", text: Wording.basisShort(q, l) + mark + Wording.coverMarks(entry, program, l))
              case .unpriced(_, _, let error):
                // The reason once, below the table; the row carries its status and a mark.
                let text = Wording.refusal(error, l)
                if !reasons.contains(text) { reasons.append(text) }
                h.element("td", [("class", "num")], text: "-")
                if installments { h.element("td", [("class", "num")], text: "-") }
                h.element(
                  "td", [("data-status", error.availability?.rawValue ?? "")],
                  text: Wording.status(error, l) + " *\((reasons.firstIndex(of: text) ?? 0) + 1)" + Wording.coverMarks(entry, program, l))
              }
            }
          }
        }
      }
      let legend = Wording.coverLegend(menu.entries, program, l)
      if !legend.isEmpty {
        h.element("p", [("class", "muted legend")], text: legend.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: l.pick("　", "; ")))
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
            + l.pick("　根拠: ", "; basis: ") + Wording.basis(q.basis, l)
            + periodSuffix(q.program))
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
        h.element("p", text: Wording.refusal(error, l))
      }
    }
  }

  /// The chart inline (the SVG without its XML declaration), and what its curve holds besides
  /// the plan's own rates when it is the facility's own.
  private func chartSVG(program: Program, facility: FacilityKind, plan: String, request: QuoteRequest) -> (svg: String, basis: String?)? {
    guard let curve = try? PremiumCurve(program: program, facility: facility, plan: plan) else { return nil }
    let count = (request.generalBeds ?? 0) + (request.otherBeds ?? 0) + (request.capacity ?? 0)
    let maximum = min(InputRange.count.upperBound, max(200, count * 3 / 2))
    guard var chart = try? Chart.curve(curve, maximum: maximum, samples: 240, l) else { return nil }
    var basis: String?
    if count > 0 {
      var facilityRequest = request
      facilityRequest.plan = plan
      guard let placed = try? Chart.placeFacility(&chart, curve: curve, request: facilityRequest, l) else { return nil }
      basis = placed
    }
    return (Chart.svg(chart, l).split(separator: "\n").filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n"), basis)
  }

  func notice(_ h: inout HTML) {
    h.element(
      "p", [("class", "notice")],
      text: l.pick(
        "この書面はパンフレットの保険料と計算式による試算です。正式な保険料は保険会社の計算によります。【推定】の金額は見積りではなく参考値です。",
        "This page is computed from the brochure's premiums and formula. The insurer's own calculation governs; figures marked [ESTIMATE] are not quotes."))
  }

  // MARK: - Pieces

  /// 「（保険期間終了）」 or 「（日付の記載なし）」 beside a figure of `p`; empty for a period in force.
  func periodSuffix(_ p: Program) -> String {
    ProposalComparison.periodMark(p, today: date, l).map { l.pick("（\($0)）", " (\($0))") } ?? ""
  }

  /// What every printed page carries in its margins: the customer and the agency at the top, the
  /// page's title and its number (n / N) at the bottom. A page handed over alone still says whose
  /// it is and where it stands.
  private func pageMargins(title: String) -> String {
    var top = ""
    if let to = texts.to { top += "@top-left { content: \(Self.cssString(to + l.pick(" 御中", ""))); }\n" }
    if let from = texts.from { top += "@top-right { content: \(Self.cssString(from)); }\n" }
    return "@page {\n" + top + "@bottom-left { content: \(Self.cssString(title)); }\n"
      + "@bottom-right { content: counter(page) \" / \" counter(pages); }\n}"
  }

  /// `text` as a CSS string: controls and bidirectional overrides shown as the page's text shows
  /// them (``XMLText``), then every character that could end the string, the rule or the style
  /// element written as its code point.
  static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in TerminalText.escaped(text).unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F || "\\\"'<>&{};".unicodeScalars.contains(scalar) {
        out += "\\" + String(scalar.value, radix: 16) + " "
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// What joining and the printed premiums rest on, each as printed with its kind (会員, 基本契約,
  /// 適用済みの割引, 事故歴); nothing where the brochure prints none.
  func priceConditions(_ h: inout HTML, _ p: Program) {
    for kind in Conditions.ImportantMatter.Kind.priceConditions {
      let printed = p.conditions.importantMatters(kind)
      guard !printed.isEmpty else { continue }
      row(&h, Self.kindName(kind, l), printed.map(\.text).joined(separator: " "))
    }
  }

  func row(_ h: inout HTML, _ key: String, _ value: String) {
    h.element("tr") { h in
      h.element("th", text: key)
      h.element("td", text: value)
    }
  }

  /// The page's kind: a quotation, or an estimate when any proposed figure is one.
  private var kind: String {
    estimate ? l.pick("保険料試算書（参考）", "Premium estimate (for reference)") : l.pick("御見積書", "Quotation")
  }

  func document(subject: String, body: String) -> String {
    let title = kind + " — " + subject
    var h = HTML()
    h.addTrusted("<!DOCTYPE html>\n")
    h.element("html", [("lang", l.rawValue)]) { h in
      h.element("head") { h in
        h.addTrusted("<meta charset=\"utf-8\"/>")
        h.element("title", text: title)
        h.element("style") { $0.addTrusted(Self.style + "\n" + pageMargins(title: title)) }
      }
      h.element("body") { h in
        h.element("header") { h in
          h.element("div") { h in
            h.element(
              "h1",
              text: estimate
                ? l.pick("保険料試算書（参考）", "Premium estimate (for reference, not a quotation)")
                : l.pick("御見積書（保険料のご提案）", "Quotation: a premium proposal"))
            if let to = texts.to { h.element("p", [("class", "to")], text: to + l.pick(" 御中", "")) }
          }
          h.element("div", [("class", "issuer")]) { h in
            if let issued { h.element("p", text: l.pick("発行日: ", "Issued: ") + l.pick(issued.japanese, issued.description)) }
            if let date, date != issued {
              h.element("p", [("class", "rate-date")], text: l.pick("料率の基準日: ", "Rates as of: ") + l.pick(date.japanese, date.description))
            }
            if let until = texts.validUntil {
              h.element("p", [("class", "valid-until")], text: l.pick("有効期限: ", "Valid until: ") + l.pick(until.japanese, until.description))
            }
            if let from = texts.from { h.element("p", [("class", "from")], text: from) }
            if let contact = texts.contact { h.element("p", [("class", "contact"), ("data-contact", contact)], text: contact) }
          }
        }
        h.addTrusted(body)
        confirmation(&h)
        footer(&h)
      }
    }
    h.newline()
    return h.text
  }
}
