/// A quote in words: its basis, why it is an estimate, what it rests on, where it comes from.
extension Wording {
  /// A quote's payment mode: the printed one, or the one it was re-priced for.
  package static func payment(_ q: Quote, _ l: Language) -> String {
    q.installments == q.program.installments ? payment(q.program, l) : payment(q.installments, l)
  }

  /// Each basis in words, long for a quote and short for a table column: one table, so that
  /// the two never drift apart.
  private static func basisWords(_ b: Basis, _ l: Language) -> (long: String, short: String) {
    switch b {
    case .published: (l.pick("パンフレット掲載の保険料", "printed in the brochure"), l.pick("掲載", "printed"))
    case .formula: (l.pick("パンフレットの料率と計算式による算出", "computed from the brochure's rates and formula"), l.pick("計算式", "formula"))
    case .estimate: (l.pick("【推定】パンフレットに記載のない推定値", "[ESTIMATE] not printed in the brochure"), l.pick("【推定】", "[ESTIMATE]"))
    }
  }

  package static func basis(_ b: Basis, _ l: Language) -> String { basisWords(b, l).long }

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
  package static func basisShort(_ b: Basis, _ l: Language) -> String { basisWords(b, l).short }

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

  /// A quote's source for a page a customer keeps: the brochure's title, section and table.
  package static func brochureCitation(_ quote: Quote) -> String {
    "\(brochureTitle(quote.program)) \(quote.table.source) \(quote.table.title)"
  }

  package static func source(_ quote: Quote) -> String {
    "\(quote.program.source) \(quote.table.source) \(quote.table.title)"
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
