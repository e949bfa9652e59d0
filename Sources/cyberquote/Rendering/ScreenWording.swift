import PremiumCore

/// Words for the terminal only: colour and the 80-column menu.
extension Wording {
  /// ANSI colour for what must not be missed (estimates), used only when colour is on.
  static let warningColour = TerminalColour.warning.rawValue
  static let resetColour = TerminalColour.reset.rawValue

  /// A menu for an 80-column screen: plan, ① and ② limits, annual premium, basis or status.
  /// Headers carry no ①②: characters of ambiguous width stay out of aligned columns.
  static func compactMenu(_ entries: [PlanMenu.Entry], program: Program, statusMarks: (QuoteError) -> String, _ l: Language) -> TextColumns {
    var table = TextColumns(alignments: [.left, .right, .right, .right, .left])
    table.add([
      l.pick("プラン", "Plan"), coverageName(.liability, program, l), coverageName(.incidentResponse, program, l),
      l.pick("年間保険料", "Annual"), l.pick("根拠・備考", "Basis / note"),
    ])
    for entry in entries {
      switch entry {
      case .priced(let q):
        // Where the brochure prints only the installment (kagoshima-ikyo), the printed figure
        // itself stands beside the year derived from it, not only behind --wide.
        let basis =
          printsOnlyTheInstallment(q)
          ? l.pick("1回分 \(yen(q.installmentPremium)) 掲載×\(q.installments)", "\(yen(q.installmentPremium)) printed ×\(q.installments)")
          : basisShort(q, l)
        table.add([q.plan.code, limit(q.limits.liability, l), limit(q.limits.incidentResponse, l), yen(q.premium), basis])
      case .unpriced(let plan, let limits, let error):
        table.add([plan.code, limit(limits.liability, l), limit(limits.incidentResponse, l), "-", statusMarks(error)])
      }
    }
    return table
  }
}
