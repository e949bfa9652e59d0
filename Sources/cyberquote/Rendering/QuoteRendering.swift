import PremiumCore

/// A quote for a person (text) and for a script (JSON).
enum QuoteRendering {
  static func text(
    _ q: Quote, _ l: Language, explain: Bool = false, colour: Bool = false, rates: Catalog.Entry? = nil, cover: CoverDates? = nil,
    today: CalendarDate? = nil
  ) -> String {
    let p = q.program
    var facility = q.facility.name(l)
    let counts = CountKind.allCases.compactMap { kind in q.counts[kind].map { Wording.count(kind, $0, l) } }
    if !counts.isEmpty { facility += l.pick("（", " (") + counts.joined(separator: l.pick("、", ", ")) + l.pick("）", ")") }
    var plan = q.plan.code + (p.families[q.plan.family].map { " " + $0 } ?? "")
    if let option = q.option { plan += " + " + option.name }

    var rows = TextColumns(alignments: [.left, .left])
    rows.add([l.pick("施設区分", "Facility"), facility])
    rows.add([l.pick("プラン", "Plan"), plan])
    rows.add([l.pick("保険金額", "Limits"), Wording.limits(q.limits, program: p, l)])
    // What another program's plan of the same limits may not share: cover and price conditions.
    let differences = Quote.legend([q], l)
    if !differences.isEmpty {
      rows.add([
        l.pick("補償・条件", "Cover, terms"),
        differences.map { l.pick("\($0.mark)（\($0.meaning)）", "\($0.mark) (\($0.meaning))") }.joined(separator: l.pick("、", "; ")),
      ])
    }
    rows.add([l.pick("自己負担額", "Deductible"), Wording.deductibles(q.deductibles, program: p, l)])
    if q.facilities > 1 { rows.add([l.pick("施設数", "Facilities"), "\(q.facilities)"]) }
    if q.securityPercent != .zero {
      rows.add([l.pick("セキュリティー割増引", "Security adjustment"), Wording.percent(q.securityPercent, l, signed: true)])
    }
    rows.add([l.pick("団体割引", "Group discount"), q.groupDiscountPercent.map { Wording.percent($0, l) } ?? Wording.notStated(l)])
    rows.add([l.pick("年間保険料", "Annual premium"), Wording.yen(q.premium) + l.pick("（\(Wording.payment(q, l))）", " (\(Wording.payment(q, l)))")])
    if q.installments > 1 {
      rows.add([l.pick("1回分保険料", "Per installment"), Wording.yen(q.installmentPremium) + " × \(q.installments)"])
    }
    let basis = Wording.basis(q, l)
    rows.add([l.pick("根拠", "Basis"), colour && q.basis == .estimate ? Wording.warningColour + basis + Wording.resetColour : basis])
    rows.add([l.pick("出典", "Source"), Wording.source(q)])
    if let rates { rows.add([l.pick("料率", "Rates"), Wording.rateSource(rates, l)]) }
    rows.add([l.pick("保険期間", "Period"), Wording.periodStatus(p, today: today, l)])
    rows.add([l.pick("加入資格", "Who may join"), Wording.eligibility(p, l)])
    rows.add([l.pick("支払限度", "Aggregate cap"), p.conditions.aggregateCap?.text ?? Wording.notStated(l)])
    if !p.conditions.deadlines.isEmpty { rows.add([l.pick("申込締切", "Deadlines"), p.conditions.deadlines.joined(separator: l.pick("、", "; "))]) }
    if let cover { rows.add([l.pick("補償期間", "Cover"), Wording.cover(cover, program: p, l)]) }

    var out = "\(Wording.programTitle(p)) (\(p.id))\n" + rows.render(indent: "  ")
    if let reason = q.estimateReason {
      let mark = l.pick("【推定】", "[ESTIMATE] ")
      out += "\n" + (colour ? Wording.warningColour + mark + Wording.resetColour : mark) + Wording.estimateReason(reason, l) + "\n"
    }
    if explain {
      out += "\n" + l.pick("計算の説明", "How the premium is reached") + "\n"
      for (i, step) in q.steps.enumerated() {
        out += "  \(i + 1). " + StepWording.line(step, quote: q, l) + "\n"
        if let source = StepWording.source(step, quote: q) {
          out += "     " + l.pick("出典: ", "source: ") + source + "\n"
        }
      }
      out +=
        "  "
        + l.pick(
          "端数処理: 計算の途中は丸めず、最後に1回だけ10円単位に四捨五入しています（正式な保険料は保険会社の計算によります）。",
          "Rounding: exact until one final rounding, half up to 10 yen (the insurer's own figure governs).") + "\n"
    } else {
      // The default reads aloud in a few lines; the steps are --explain's.
      out += "\n" + l.pick("（計算の手順は --explain で表示します）", "(--explain shows the calculation step by step)") + "\n"
    }
    if !q.assumptions.isEmpty {
      out += "\n" + l.pick("前提（パンフレットに記載のない仮定）", "Assumptions (not stated in the brochure)") + "\n"
      out += q.assumptions.map { "  ・" + Wording.assumption($0, l) + "\n" }.joined()
    }
    let notes = self.notes(q, l)
    if !notes.isEmpty {
      out += "\n" + l.pick("注意", "Notes") + "\n" + notes.map { "  " + Wording.noted($0) + "\n" }.joined()
    }
    // The brochure's own conditions, verbatim: in Japanese in either language.
    let printed = q.brochureNotes
    if !printed.isEmpty {
      out += "\n" + l.pick("パンフレットの記載", "The brochure says (in Japanese)") + "\n" + printed.map { "  " + Wording.noted($0) + "\n" }.joined()
    }
    return out
  }

  /// What a person must be told with this quote.
  static func notes(_ q: Quote, _ l: Language) -> [String] {
    var notes: [String] = []
    if let disclosure = q.program.disclosure(for: q.facility) {
      notes.append(
        l.pick(
          "パンフレットの記載:「\(disclosure.text)」この見積りは告知内容を反映していません。正式な保険料は保険会社が算出します。",
          "The brochure says the premium is set from the count and the disclosure form (「\(disclosure.text)」); this figure does not reflect the disclosure. The insurer sets the final premium."
        ))
    }
    if q.program.security != nil, q.securityPercent == .zero, q.program.security?.facilities.contains(q.facility) == true {
      notes.append(
        l.pick(
          "セキュリティー割増引0%の保険料です。正式な保険料は告知事項等申告書により保険会社が算出します。",
          "Security adjustment 0%; the insurer sets the final premium from the disclosure form."))
    }
    notes += q.toolNotes.map { l.pick("（本ツールによる説明）", "(the tool's note) ") + $0 }
    return notes
  }

  /// The quote's JSON with its calculation as a `steps` array.
  static func explainedJSON(_ q: Quote, _ l: Language, rates: Catalog.Entry? = nil) -> JSONOutput {
    .object(QuoteJSON.members(q, language: l, rates: rates) + [("steps", StepJSON.steps(q, l))])
  }

  /// `coverage_start`, `coverage_end` and `coverage_note` for an application day.
  static func coverJSON(_ cover: CoverDates, _ l: Language) -> [(String, JSONOutput)] {
    switch cover {
    case .covered(let start, let end, let midTerm):
      return [
        ("coverage_start", .string(start.description)), ("coverage_end", .string(end.description)),
        (
          "coverage_note",
          midTerm ? .string(l.pick("中途加入: パンフレットに月割の保険料の記載はありません（要確認）", "mid-term joining: the brochure prints no pro-rated premium; to be confirmed")) : .null
        ),
      ]
    case .periodNotStated:
      return [
        ("coverage_start", .null), ("coverage_end", .null),
        ("coverage_note", .string(l.pick("パンフレットに保険期間の日付の記載はありません", "the brochure prints no period dates"))),
      ]
    case .midTermNotStated:
      return [
        ("coverage_start", .null), ("coverage_end", .null),
        ("coverage_note", .string(l.pick("保険期間は始まっています。パンフレットに中途加入の規定の記載はありません", "the period has started; the brochure prints no rule for joining mid-term"))),
      ]
    case .tooLate(let end):
      return [
        ("coverage_start", .null), ("coverage_end", .null),
        ("coverage_note", .string(l.pick("受付が遅く、保険期間の終わり（\(end)）までに補償を始められません", "received too late to start cover before the period ends on \(end)"))),
      ]
    }
  }
}
