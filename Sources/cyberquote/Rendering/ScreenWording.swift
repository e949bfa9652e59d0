import PremiumCore

/// Words for the terminal only: colour and the 80-column menu.
extension Wording {
  /// ANSI colour for what must not be missed (estimates), used only when colour is on.
  static let warningColour = TerminalColour.warning.rawValue
  static let resetColour = TerminalColour.reset.rawValue

  /// A menu for an 80-column screen: plan, ① and ② limits, annual premium, basis or status.
  /// Headers carry no ①②: characters of ambiguous width stay out of aligned columns.
  /// A menu's rows for 80 columns. With `conditions`, each row also carries the marks of what the
  /// program's prices rest on (会員, 12回払): rows of several programs side by side.
  static func compactMenu(
    _ entries: [PlanMenu.Entry], program: Program, conditions: Bool = false, statusMarks: (QuoteError) -> String, _ l: Language
  ) -> TextColumns {
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
        table.add([
          q.plan.code, limit(q.limits.liability, l), limit(q.limits.incidentResponse, l), yen(q.premium),
          basis + rowMarks(entry, program, conditions: conditions, l),
        ])
      case .unpriced(let plan, let limits, let error):
        table.add([
          plan.code, limit(limits.liability, l), limit(limits.incidentResponse, l), "-",
          statusMarks(error) + rowMarks(entry, program, conditions: conditions, l),
        ])
      }
    }
    return table
  }

  /// 「 攻撃×」: what a plan of a menu covers differently from its neighbours, after its basis
  /// (the program's own conditions are said once above the menu, not on every row).
  static func coverMarks(_ entry: PlanMenu.Entry, _ program: Program, _ l: Language) -> String {
    rowMarks(entry, program, conditions: false, l)
  }

  /// The row's marks, each after a space: its cover's, and with `conditions` its program's.
  static func rowMarks(_ entry: PlanMenu.Entry, _ program: Program, conditions: Bool, _ l: Language) -> String {
    marks(entry, program, conditions: conditions, l).map { " " + $0 }.joined()
  }

  static func marks(_ entry: PlanMenu.Entry, _ program: Program, conditions: Bool, _ l: Language) -> [String] {
    var marks = cover(entry, program).marks(l)
    if conditions {
      let installments = if case .priced(let q) = entry { q.installments } else { program.installments }
      marks += Quote.conditionMarks(program, installments: installments, l)
    }
    return marks
  }

  static func cover(_ entry: PlanMenu.Entry, _ program: Program) -> CoverSummary {
    switch entry {
    case .priced(let q): q.cover
    case .unpriced(let plan, let limits, _): CoverSummary(program: program, plan: plan, option: nil, limits: limits)
    }
  }

  /// What the marks on a menu's rows mean, those used only.
  static func coverLegend(_ entries: [PlanMenu.Entry], _ program: Program, conditions: Bool = false, _ l: Language) -> String {
    let used = Set(entries.flatMap { marks($0, program, conditions: conditions, l) })
    return Quote.legend(used: used, l).map { "  \($0.mark): \($0.meaning)\n" }.joined()
  }
}
