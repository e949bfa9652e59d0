/// A program's terms in words: period, payment, discount, eligibility, conditions, sources.
extension Wording {
  package static func payment(_ installments: Int, _ l: Language) -> String {
    installments == 1 ? l.pick("一括払", "lump sum") : l.pick("\(installments)回払", "\(installments) installments")
  }

  /// The cover an application day gets, in a line.
  package static func cover(_ cover: CoverDates, program: Program, _ l: Language) -> String {
    let time = program.period?.time.map { " " + $0 } ?? ""
    switch cover {
    case .covered(let start, let end, let midTerm):
      let span = l.pick("\(start.japanese)\(time)～\(end.japanese)\(time)", "\(start)\(time) to \(end)\(time)")
      guard midTerm, let rule = program.conditions.midTermJoining else { return span }
      return span
        + l.pick(
          "（中途加入: \(rule.receivedByDay)日までの受付は翌月\(rule.startDay)日から、それ以降は翌々月\(rule.startDay)日から。\(rule.source)。中途加入の保険料はパンフレットに記載がなく、要確認）",
          " (joining mid-term: received by the \(rule.receivedByDay)th, cover from the \(rule.startDay)th of the next month, later from the \(rule.startDay)th of the month after; the brochure prints no mid-term premium: to be confirmed)"
        )
    case .periodNotStated:
      return l.pick("保険期間の日付の記載なし（\(program.term ?? "記載なし")）", "no period dates printed")
    case .midTermNotStated:
      return l.pick("保険期間は始まっています。中途加入の記載なし（代理店に確認）", "the period has started; no mid-term joining rule is printed (ask the agent)")
    case .tooLate(let end):
      return l.pick("保険期間（\(end.japanese)まで）内に補償を始められません", "too late to start cover before the period ends (\(end))")
    }
  }

  /// The lines a menu or table shows under its title: who may join, how the limits add up, and
  /// which family is which where plans of several stand side by side (S オールリスク, P 情報漏えい限定).
  /// `figuresAtPrintedConditions`: false when the figures shown were adjusted or re-priced, so
  /// that the brochure's statement of its own figures' conditions is not shown beside them.
  package static func programContext(
    _ p: Program, facility: FacilityKind, families: [String], today: CalendarDate?, figuresAtPrintedConditions: Bool = true, _ l: Language
  ) -> String {
    var out = "  " + l.pick("加入資格: ", "Who may join: ") + eligibility(p, l) + "\n"
    out += "  " + l.pick("保険期間: ", "Period: ") + periodStatus(p, today: today, l) + "\n"
    out += "  " + l.pick("支払限度: ", "Aggregate cap: ") + (p.conditions.aggregateCap?.text ?? notStated(l)) + "\n"
    for line in pricingConditions(p, facility: facility, figuresAtPrintedConditions: figuresAtPrintedConditions, l) { out += "  " + line + "\n" }
    if let legend = familyLegend(p, families: families, l) {
      out += "  " + legend + "\n"
      for family in families { if let note = p.familyNotes[family] { out += "    \(family): \(note.text)（\(note.source)）\n" } }
    }
    return out
  }

  /// The period, and what a clerk must add when it has ended or is not printed at all.
  package static func periodStatus(_ p: Program, today: CalendarDate?, _ l: Language) -> String {
    let printed = period(p, today: today, l)
    guard let dates = p.period else { return printed + l.pick("。", ". ") + undatedNotice(l) }
    if let today, dates.hasEnded(by: today) { return printed + l.pick("。最新のパンフレットをご確認ください", ". Check the current brochure") }
    return printed
  }

  /// What the printed figures are and what is still to come, for one facility: the brochure's
  /// own statement of the figures' conditions (payment mode, discounts), the security adjustment
  /// the insurer sets, or the disclosure the premium is set from.
  package static func pricingConditions(_ p: Program, facility: FacilityKind, figuresAtPrintedConditions: Bool = true, _ l: Language) -> [String] {
    var lines = p.notes.filter { $0.aboutPrintedFigures && $0.applies(to: facility) && figuresAtPrintedConditions }.map {
      l.pick("保険料の条件: ", "The figures (as printed): ") + $0.text
    }
    // What the brochure leaves unsaid about its figures, even beside a note on other conditions
    // (kumamoto-hokeni prints its claims discount, and no payment mode).
    switch (p.payment == nil, p.groupDiscountPercent == nil) {
    case (true, true): lines.append(l.pick("保険料の条件: 払込方法・団体割引の記載なし", "The figures: no payment mode or group discount printed"))
    case (true, false): lines.append(l.pick("保険料の条件: 払込方法の記載なし", "The figures: no payment mode printed"))
    case (false, true): lines.append(l.pick("保険料の条件: 団体割引の記載なし", "The figures: no group discount printed"))
    case (false, false): break
    }
    if let rule = p.security, rule.facilities.contains(facility) {
      let range = percent(Rational(rule.maximumPercent), l, signed: true) + "～" + percent(Rational(rule.minimumPercent), l, signed: true)
      lines.append(
        l.pick(
          "セキュリティー割増引: 告知事項等申告書により保険会社が \(range) を算出"
            + (figuresAtPrintedConditions ? "（表の保険料は割増引0%）" : "（表の保険料は入力の割増引を仮に適用した推定）"),
          "Security adjustment: set by the insurer from the disclosure form, \(range)"
            + (figuresAtPrintedConditions ? " (the figures are at 0%)" : " (the figures apply the adjustment typed, as an estimate)")))
    } else if let disclosure = p.disclosure(for: facility) {
      lines.append(l.pick("告知内容: 「\(disclosure.text)」（表の保険料は告知内容を反映していません）", "Disclosure: 「\(disclosure.text)」 (the figures do not reflect it)"))
    }
    return lines
  }

  /// `補償の種類: S = オールリスクプラン、P = 情報漏えい限定プラン` where plans of more than one kind
  /// stand side by side; nil otherwise.
  package static func familyLegend(_ p: Program, families: [String], _ l: Language) -> String? {
    let named = families.compactMap { f in p.families[f].map { (f, $0) } }
    guard Set(named.map(\.1)).count > 1 else { return nil }
    // ＝ without spaces in Japanese: a row never ends between a letter and its name.
    return l.pick("補償の種類: ", "Kinds of cover: ") + named.map { $0.0 + l.pick("＝", " = ") + $0.1 }.joined(separator: l.pick("、", ", "))
  }

  /// The families of `plans`, in order of first appearance.
  package static func families(_ plans: [Plan]) -> [String] {
    var out: [String] = []
    for plan in plans where !out.contains(plan.family) { out.append(plan.family) }
    return out
  }

  /// One of the brochures' answers in a word or two.
  package static func availability(_ a: Availability, _ l: Language) -> String {
    switch a {
    case .priced: l.pick("保険料あり", "priced")
    case .onRequest: l.pick("個別見積り", "on request")
    case .notOffered: l.pick("提供なし", "not offered")
    case .notEligible: l.pick("加入資格なし", "not eligible")
    }
  }

  /// What a brochure leaves unsaid, said as such.
  package static func notStated(_ l: Language) -> String { l.pick("記載なし", "not stated") }

  /// A note as a list shows it, marked ※ unless its printed words already start with ※
  /// (`scope`, such as ［病院］, stands after the mark).
  package static func noted(_ text: String, scope: String = "") -> String {
    text.hasPrefix("※") ? scope + text : "※" + scope + text
  }

  /// Who may join as printed, or that the brochure prints no rule (000): never a rule invented.
  package static func eligibility(_ p: Program, _ l: Language) -> String {
    p.eligibility ?? l.pick("記載なし（パンフレットに加入資格の記載はありません）", "not stated (the brochure prints no rule on who may join)")
  }

  /// The program's printed group discount, or 記載なし.
  package static func groupDiscount(_ p: Program, _ l: Language) -> String {
    p.groupDiscountPercent.map { percent($0, l) } ?? notStated(l)
  }

  /// The program's printed payment mode, or 記載なし.
  package static func payment(_ p: Program, _ l: Language) -> String {
    p.payment.map { l.pick($0, payment(p.installments, .en)) } ?? l.pick("払込方法の記載なし", "payment mode not stated")
  }

  /// 保険期間 as printed: dates, the undated term (`保険期間1年`), or 記載なし.
  package static func period(_ p: Program, today: CalendarDate?, _ l: Language) -> String {
    guard let period = p.period else {
      return l.pick("日付の記載なし", "no dates printed") + (p.term.map { l.pick("（\($0)）", " (\($0))") } ?? "") + edition(p, l)
    }
    let ended = today.map { period.hasEnded(by: $0) } ?? false
    return l.pick(period.japanese, period.iso) + (ended ? l.pick("（終了）", " (ended)") : "")
  }

  /// `、版: 2026年4月改定（2026年4月1日から使用）`: which edition of an undated brochure a figure
  /// is from; where the brochure prints no edition, the day the book is used from is the agency's.
  package static func edition(_ p: Program, _ l: Language) -> String {
    guard let e = p.edition else { return "" }
    let printed = e.text ?? l.pick("パンフレットに版の記載なし", "no edition printed")
    return l.pick("、版: \(printed)（\(e.issued.japanese)から使用）", "; edition: \(printed) (used from \(e.issued))")
  }

  /// What a brochure without dates means for its rates, for a page the customer keeps.
  package static func undatedNotice(_ l: Language) -> String {
    l.pick("パンフレットに日付の記載がないため、現在も有効な料率かどうかは確認できません", "the brochure prints no dates, so whether its rates are still current cannot be checked")
  }

  /// The brochure as a customer can find it: its program's title, not our file's name.
  package static func brochureTitle(_ p: Program) -> String {
    "「\(programTitle(p))」パンフレット"
  }

  /// Which rate book priced a quote: `内蔵 (rates/x.json)`, or the file given with `--rates`.
  package static func rateSource(_ entry: Catalog.Entry, _ l: Language) -> String {
    entry.isBuiltIn ? l.pick("内蔵 (\(entry.origin))", "built-in (\(entry.origin))") : entry.origin
  }

  /// The footer of a text view priced from one rate book.
  package static func rateLine(_ entry: Catalog.Entry, _ l: Language) -> String {
    l.pick("料率: ", "Rates: ") + rateSource(entry, l) + "\n"
  }
}
