/// ``Quote/Assumption``, by the name the code uses.
package typealias Assumption = Quote.Assumption

extension Quote {
  /// Something a quote rests on that no brochure states: made visible with every figure it touches.
  public struct Assumption: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
      /// The modified-count formula, stated for beds (001 〈6〉), applied to a 老健's capacity.
      case modifiedCountOnCapacity = "modified-count-on-capacity"
      /// The weighted average per-bed rate kept exact: the brochure does not say it is rounded.
      case weightedAverageUnrounded = "weighted-average-unrounded"
      /// byoin-kyosaikai's security adjustment applied to a 介護医療院, which 〈7〉 does not name.
      case securityOnKaigoIryoin = "security-on-kaigo-iryoin"
      /// A table printed for another facility, applied to this one (fukuoka-ishikai's 介護医療院).
      case borrowedTable = "borrowed-table"
      /// A premium between the printed examples, from the model fitted to them.
      case fittedModel = "fitted-model"
      /// A premium outside the printed examples' range: the fitted model extrapolated.
      case extrapolatedModel = "extrapolated-model"
      /// Re-priced at a group discount or payment mode the brochure does not print.
      case repriced = "repriced"
      /// A facility the brochure's words include without naming it (a rate file's `reading`).
      case facilityReading = "facility-reading"
      /// A typed security adjustment applied to the exact premium, then rounded once: 〈7〉 does
      /// not say whether the 〈6〉 premium is rounded first.
      case securityOnExactPremium = "security-on-exact-premium"
    }

    public let kind: Kind
    /// The brochure lines the assumption starts from, and what they leave unsaid.
    public let restsOn: String
    /// The assumption in the rate file's words, for a kind whose wording is data (a reading).
    public let statement: String?
    /// The counts the brochure prints examples at, for a fitted model: what it is fitted to.
    package let printedCounts: [Int]

    package init(_ kind: Kind, printedCounts: [Int] = []) {
      self.kind = kind
      restsOn = Self.restsOn(kind)
      statement = nil
      self.printedCounts = printedCounts
    }

    /// How a table's brochure words are read to include a facility they do not name.
    package init(reading: SourcedText) {
      kind = .facilityReading
      restsOn = reading.source
      statement = reading.text
      printedCounts = []
    }

    static func restsOn(_ kind: Kind) -> String {
      switch kind {
      case .modifiedCountOnCapacity:
        "001 〈6〉〈ご参考〉保険料の計算式（合計病床数についての記載）; 003 <3> 介護老人保健施設の保険料例は病院の例と同じ比率で増える"
      case .weightedAverageUnrounded:
        "001 〈6〉「一般病床・一般病床以外が混在する場合、1病床あたり保険料は加重平均により算出します。」（端数処理の記載なし）"
      case .securityOnKaigoIryoin:
        "001 〈7〉「病院・老健施設は…セキュリティー割増引として+30%～▲30%の割増引が適用されます。」（介護医療院の記載なし）; 〈6〉の表は病院・介護医療院"
      case .borrowedTable:
        "003「介護医療院・介護老人保健施設は定員数を基にした保険料体系です。」（介護医療院の保険料表は掲載なし）"
      case .fittedModel, .extrapolatedModel:
        "003 <2><3> 保険料例は50・100のみ（その他は病床数・定員および告知内容に基づいて算出）"
      case .repriced:
        "パンフレット記載の団体割引・払込方法（他の率・回数での計算方法は記載なし）"
      case .facilityReading:
        "料率ファイルの reading"
      case .securityOnExactPremium:
        "001 〈7〉「告知内容によって、団体割引20%のほかに、セキュリティー割増引として+30%～▲30%の割増引が適用されます。セキュリティー割増引が適用される場合は、前記〈6〉の保険料は適用されませんのでご注意ください。」（〈6〉の保険料を丸めてから割増引するかの記載なし）"
      }
    }
  }
}

extension Pricer {
  /// What `quote` rests on beyond the brochure's words, in the order the calculation meets them.
  static func assumptions(route: PricingRoute, amount: PricedAmount) -> [Assumption] {
    var kinds: [Assumption.Kind] = []
    var printedCounts: [Int] = []
    let counts = amount.counts
    switch route.table.basis {
    case .perBed:
      if (counts.generalBeds ?? 0) > 0, (counts.otherBeds ?? 0) > 0 { kinds.append(.weightedAverageUnrounded) }
    case .perCapacity:
      if ModifiedCount.changes(counts.capacity ?? 0) { kinds.append(.modifiedCountOnCapacity) }
    case .examples(let unit, let printed, _):
      let count = (unit == .capacity ? counts.capacity : counts.generalBeds) ?? 0
      if !printed.contains(count) {
        if unit == .capacity { kinds.append(.modifiedCountOnCapacity) }
        let inside = (printed.min() ?? 0)...(printed.max() ?? 0)
        kinds.append(inside.contains(count) ? .fittedModel : .extrapolatedModel)
        printedCounts = printed
      }
    case .flat: break
    }
    if !route.table.prints(for: route.facility) { kinds.append(.borrowedTable) }
    if amount.securityPercent != .zero {
      kinds.append(.securityOnExactPremium)
      if route.facility == .kaigoIryoin { kinds.append(.securityOnKaigoIryoin) }
    }
    if amount.groupDiscountPercent != route.program.groupDiscountPercent || amount.installments != route.program.installments {
      kinds.append(.repriced)
    }
    var assumptions: [Assumption] = []
    if route.table.readFacilities.contains(route.facility), let reading = route.table.reading {
      assumptions.append(Assumption(reading: reading))
    }
    return assumptions + kinds.map { Assumption($0, printedCounts: $0 == .fittedModel || $0 == .extrapolatedModel ? printedCounts : []) }
  }
}
