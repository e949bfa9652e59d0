/// Shared words and number forms for every rendering, in both languages: the quote as text,
/// as JSON and in member lists.
package enum Wording {
  package static func programTitle(_ p: Program) -> String { "\(p.policyholder) \(p.name)" }

  /// 保険契約者 as printed, or 記載なし where the brochure names no one in that role.
  package static func policyholder(_ p: Program, _ l: Language) -> String {
    p.policyholderPrinted ? p.policyholder : notStated(l)
  }

  /// 引受保険会社 as printed, with any word on it that is not the brochure's.
  package static func insurer(_ p: Program, _ l: Language) -> String {
    p.insurer + (p.insurerNote.map { l.pick("（\($0)）", " (\($0))") } ?? "")
  }

  /// `55,880円`.
  package static func yen(_ y: Yen) -> String { y.description }

  /// `182,664円`, `164,397.6円`: an exact amount before rounding; `約2,283.08円` where the
  /// decimals do not end (rounded for display only; the calculation keeps the exact value).
  package static func yen(_ r: Rational) -> String { number(r) + "円" }

  /// `69.4`, `2,283.5`; `約2,283.08` (rounded half up to two decimals, for display) where the
  /// exact decimal does not end within six digits. Never a raw fraction.
  package static func number(_ r: Rational) -> String {
    if r.exactDecimalString(maxFractionDigits: 6) != nil { return YenFormat.grouped(r) }
    guard let hundredths = try? r.multiplied(by: Rational(100)).rounded(.halfUpToYen).amount else { return YenFormat.grouped(r) }
    let magnitude = hundredths.magnitude
    let cents = magnitude % 100
    let whole = YenFormat.grouped(Int64(magnitude / 100))
    return "約" + (hundredths < 0 ? "-" : "") + whole + "." + (cents < 10 ? "0" : "") + "\(cents)"
  }

  /// `1億円`; `なし` for zero.
  package static func limit(_ y: Yen, _ l: Language) -> String {
    y == .zero ? l.pick("なし", "none") : YenFormat.limit(y)
  }

  /// `▲10%` (Japanese, as the brochures print a discount), `-10%` (English), `+10%`, `20%`.
  package static func percent(_ r: Rational, _ l: Language, signed: Bool = false) -> String {
    let magnitude = r < .zero ? ((try? r.negated()) ?? r) : r
    let digits = YenFormat.grouped(magnitude) + "%"
    if r < .zero { return l.pick("▲", "-") + digits }
    return (signed && r > .zero ? "+" : "") + digits
  }

  /// `①損害賠償 1億円 / ②事故対応特別費用 1,000万円`.
  package static func limits(_ limits: Limits, program: Program, _ l: Language) -> String {
    limits.entries.map { "\($0.coverage.marker)\(coverageName($0.coverage, program, l)) \(limit($0.limit, l))" }
      .joined(separator: " / ")
  }

  package static func coverageName(_ c: Coverage, _ p: Program, _ l: Language) -> String {
    l.pick(p.name(of: c), c.englishName)
  }

  /// `なし` when every deductible is zero, else each coverage's.
  package static func deductibles(_ items: [(coverage: Coverage, deductible: Yen)], program: Program, _ l: Language) -> String {
    if items.allSatisfy({ $0.deductible == .zero }) { return l.pick("なし", "none") }
    return items.map { "\($0.coverage.marker)\(limit($0.deductible, l))" }.joined(separator: " / ")
  }

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

  /// A quote's payment mode: the printed one, or the one it was re-priced for.
  package static func payment(_ q: Quote, _ l: Language) -> String {
    q.installments == q.program.installments ? payment(q.program, l) : payment(q.installments, l)
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

  package static func basis(_ b: Basis, _ l: Language) -> String {
    switch b {
    case .published: l.pick("パンフレット掲載の保険料", "printed in the brochure")
    case .formula: l.pick("パンフレットの料率と計算式による算出", "computed from the brochure's rates and formula")
    case .estimate: l.pick("【推定】パンフレットに記載のない推定値", "[ESTIMATE] not printed in the brochure")
    }
  }

  /// ``basis(_:_:)`` for a quote: where the brochure prints only the installment (000), the
  /// annual figure is the tool's multiple of it, and says so.
  package static func basis(_ q: Quote, _ l: Language) -> String {
    guard printsOnlyTheInstallment(q) else { return basis(q.basis, l) }
    return l.pick(
      "パンフレット掲載の1回分保険料 \(yen(q.installmentPremium))。年間保険料はその\(q.installments)回分（\(yen(q.installmentPremium)) × \(q.installments)）",
      "the brochure prints the installment, \(yen(q.installmentPremium)); the annual premium is \(q.installments) × that")
  }

  /// ``basisShort(_:_:)`` for a quote (see ``basis(_:_:)-swift.method``).
  package static func basisShort(_ q: Quote, _ l: Language) -> String {
    printsOnlyTheInstallment(q) ? l.pick("1回分掲載×\(q.installments)", "\(q.installments) × printed") : basisShort(q.basis, l)
  }

  /// Whether the quote is the brochure's installment as printed, and its annual figure derived.
  package static func printsOnlyTheInstallment(_ q: Quote) -> Bool {
    q.installmentAsPrinted && q.installments > 1
  }

  /// One or two words for a table column.
  package static func basisShort(_ b: Basis, _ l: Language) -> String {
    switch b {
    case .published: l.pick("掲載", "printed")
    case .formula: l.pick("計算式", "formula")
    case .estimate: l.pick("【推定】", "[ESTIMATE]")
    }
  }

  package static func estimateReason(_ r: EstimateReason, _ l: Language) -> String {
    switch r {
    case .fittedModel(let counts):
      let printed = counts.map(String.init).joined(separator: l.pick("・", " and "))
      return l.pick(
        "パンフレットの保険料例（\(printed)）の2点を通る直線 保険料 = 例の保険料 + u × (修正数 − 例の修正数)（u は2点間の傾き）による推定です。掲載例はそのまま再現しますが、保険会社の計算式とは限りません。正式な保険料は告知内容により保険会社が算出します。",
        "an estimate from the line through the printed examples (\(printed)): premium = printed premium + u × (modified count − its modified count), u being the slope between the two. It gives back each printed example, but it is not necessarily the insurer's formula; the insurer sets the premium from the disclosure form."
      )
    case .assumedTable(let reason):
      return l.pick("\(reason)。同じ表を適用した参考値です。", "\(reason) (the same table is applied).")
    case .repriced(let discount, let installments):
      let terms = [discount.map { l.pick("団体割引\(percent($0, l))", "a \(percent($0, l)) group discount") }, payment(installments, l)]
        .compactMap { $0 }.joined(separator: l.pick("・", ", "))
      return l.pick(
        "パンフレット記載の団体割引を割り戻し、\(terms)で計算し直した参考値です。パンフレットにこの再計算の規則はありません。",
        "re-priced for \(terms) by grossing up the brochure's group discount; no brochure states a rule for this.")
    case .securityAdjustment(let security):
      let value = percent(security, l, signed: true)
      return l.pick(
        "セキュリティー割増引\(value)を仮に適用した参考値です。割増引は告知事項等申告書により保険会社が算出し、適用される場合はパンフレットの保険料（割増引0%）は適用されません（001 〈7〉）。正式な保険料は保険会社が算出します。",
        "the security adjustment \(value) is applied as typed. The insurer sets the adjustment from the disclosure form, and then the brochure's premium (at 0%) no longer applies (001 〈7〉); the insurer calculates the final premium."
      )
    case .modifiedCountOnCapacity(let capacity):
      return l.pick(
        "定員\(capacity)名に修正病床数の計算式を適用した参考値です。パンフレットはこの式を病床数についてのみ記載しており、定員50名以上では式を適用しない場合と保険料が大きく異なります。",
        "the modified-count formula is applied to a capacity of \(capacity). The brochure states it for beds only, and from a capacity of 50 on the figure differs widely from one without it."
      )
    }
  }

  /// The brochure as a customer can find it: its program's title, not our file's name.
  package static func brochureTitle(_ p: Program) -> String {
    "「\(programTitle(p))」パンフレット"
  }

  /// A quote's source for a page a customer keeps: the brochure's title, section and table.
  package static func brochureCitation(_ quote: Quote) -> String {
    "\(brochureTitle(quote.program)) \(quote.table.source) \(quote.table.title)"
  }

  package static func source(_ quote: Quote) -> String {
    "\(quote.program.source) \(quote.table.source) \(quote.table.title)"
  }

  /// Which rate book priced a quote: `内蔵 (rates/x.json)`, or the file given with `--rates`.
  package static func rateSource(_ entry: Catalog.Entry, _ l: Language) -> String {
    entry.isBuiltIn ? l.pick("内蔵 (\(entry.origin))", "built-in (\(entry.origin))") : entry.origin
  }

  /// The footer of a text view priced from one rate book.
  package static func rateLine(_ entry: Catalog.Entry, _ l: Language) -> String {
    l.pick("料率: ", "Rates: ") + rateSource(entry, l) + "\n"
  }

  /// The same for scripts: `built-in` or the path.
  package static func rateSourceJSON(_ entry: Catalog.Entry) -> JSONOutput {
    .string(entry.isBuiltIn ? "built-in" : entry.origin)
  }

  package static func count(_ kind: CountKind, _ n: Int, _ l: Language) -> String {
    switch kind {
    case .generalBeds: l.pick("一般病床 \(n)床", "\(n) general beds")
    case .otherBeds: l.pick("一般病床以外 \(n)床", "\(n) other beds")
    case .capacity: l.pick("定員 \(n)人", "capacity \(n)")
    }
  }

  /// The counts a fitted model's examples are printed at: `50・100`.
  private static func printedCounts(_ assumption: Assumption, _ separator: String) -> String {
    assumption.printedCounts.map(String.init).joined(separator: separator)
  }

  /// What an assumption means, for the clerk and the doctor.
  package static func assumption(_ assumption: Assumption, _ l: Language) -> String {
    switch assumption.kind {
    case .facilityReading:
      // The rate file's words, with the line they read.
      l.pick("", "Read as the brochure's words include it: ") + (assumption.statement ?? "") + "（" + assumption.restsOn + "）"

    case .modifiedCountOnCapacity:
      l.pick(
        "修正病床数の計算式は日本病院共済会のパンフレット（001 〈6〉）に病床数について記載されています。定員にも同じ式を適用しています（福岡県医師会の老健の保険料例が病院と同じ比率で増えるため）。",
        "byoin-kyosaikai's brochure (001 〈6〉) states the modified-count formula for beds; it is applied to capacity too, because fukuoka-ishikai's printed roken examples scale exactly as its hospital examples do."
      )
    case .weightedAverageUnrounded:
      l.pick(
        "加重平均は丸めずに計算し、最後に1回だけ10円単位に四捨五入しています（パンフレットは途中の端数処理を定めていません）。",
        "The weighted average is kept exact and the premium rounded once, at the end (the brochure does not say whether the average is rounded first).")
    case .securityOnKaigoIryoin:
      l.pick(
        "セキュリティー割増引を介護医療院にも適用しています（〈7〉に記載があるのは病院・老健施設。介護医療院は〈6〉で病院と同じ表のため）。",
        "The security adjustment is applied to a kaigo-iryoin too (〈7〉 names hospitals and roken only; 〈6〉 prices kaigo-iryoin with hospitals).")
    case .securityOnExactPremium:
      l.pick(
        "セキュリティー割増引は〈6〉の計算による端数処理前の保険料に適用し、最後に1回だけ10円単位に四捨五入しています（〈6〉の保険料を先に丸めてから割増引すると、10円異なる場合があります）。",
        "The security adjustment is applied to the 〈6〉 premium before rounding, then rounded once to 10 yen (rounding the 〈6〉 premium first changes some figures by 10 yen)."
      )
    case .borrowedTable:
      l.pick(
        "介護医療院の保険料表は掲載がないため、定員を基にした介護老人保健施設の表を適用しています。",
        "No table is printed for a kaigo-iryoin; the roken table, also priced by capacity, is applied.")
    case .fittedModel:
      l.pick(
        "掲載例（\(printedCounts(assumption, "・"))）の間の保険料は、掲載例に当てはめたモデルによる推定です。",
        "Between the printed examples (\(printedCounts(assumption, " and "))) the premium comes from a model fitted to them.")
    case .extrapolatedModel:
      l.pick(
        "掲載例（\(printedCounts(assumption, "・"))）の範囲外のため、当てはめたモデルを範囲外に延長した推定です（外挿）。",
        "Outside the printed examples (\(printedCounts(assumption, " to "))): the fitted model is extended beyond them (extrapolation).")
    case .repriced:
      l.pick(
        "パンフレットに記載のない団体割引・払込回数で計算し直しています（再計算の規則は記載なし）。",
        "Re-priced at a group discount or payment mode the brochure does not print (no rule is printed for it).")
    }
  }
}
