import PremiumCore

/// The comparison a proposal shows across programs: how they were narrowed, every compared
/// row with its differences in cover and price conditions, the cheaper plans passed over, and
/// the reason for the recommendation (比較推奨).
extension ProposalPage {
  /// How the programs compared were chosen and narrowed, the comparison itself (an ended period
  /// marked on each of its rows), the programs left out and why, and the reason for the
  /// recommendation.
  func compareSection(_ h: inout HTML, _ comparison: ProposalComparison, request: QuoteRequest) {
    let criteria = comparison.criteria(request: request, l)
    h.element("section", [("class", "compare")]) { h in
      h.element("h2", text: l.pick("比較・推奨の方針", "How the programs were compared"))
      h.element("ul", [("class", "criteria")]) { h in
        for line in criteria.conditions { h.element("li", text: line) }
        h.element("li", text: l.pick("比較した範囲: ", "Scope: ") + criteria.scope)
        h.element(
          "li", text: l.pick("表示した制度: ", "Shown: ") + (criteria.shown.isEmpty ? l.pick("なし", "none") : criteria.shown.joined(separator: l.pick("、", "; "))))
      }
      if !criteria.entry.isEmpty {
        h.element("p", text: l.pick("各制度の加入資格（パンフレットの記載）:", "Who may join each program (as printed):"))
        h.element("ul", [("class", "entry")]) { h in
          for (program, eligibility) in criteria.entry { h.element("li", text: program + l.pick(": ", ": ") + eligibility) }
        }
      }
      if !criteria.leftOut.isEmpty {
        h.element("p", text: l.pick("比較から除いた制度:", "Left out:"))
        h.element("ul", [("class", "left-out")]) { h in
          for (program, reason) in criteria.leftOut { h.element("li", text: program + l.pick(" — ", " — ") + reason) }
        }
      }
      h.element("h2", text: l.pick("他の制度との比較（\(request.facility.name(l))）", "Across the programs (\(request.facility.name(l)))"))
      h.element("table") { h in
        h.element("thead") { h in
          h.element("tr") { h in
            for title in [
              l.pick("制度", "Program"), l.pick("プラン", "Plan"), l.pick("保険金額", "Limits"), l.pick("年間保険料", "Annual premium"),
              l.pick("補償の違い", "Cover differs"),
            ] {
              h.element("th", text: title)
            }
          }
        }
        h.element("tbody") { h in
          // Every row names its program: a table broken across pages leaves no row without it.
          for q in comparison.pageRows {
            var attributes = [("data-program", q.program.id), ("data-plan", q.plan.code), ("data-premium", "\(q.premium.amount)")]
            if let mark = ProposalComparison.periodMark(q.program, today: date, l) { attributes.append(("data-period", mark)) }
            h.element("tr", attributes) { h in
              h.element("td", text: Wording.programTitle(q.program))
              h.element("td", text: q.plan.code)
              h.element("td", [("class", "limits")], text: Wording.limits(q.limits, program: q.program, l))
              let figure = Wording.yen(q.premium) + (q.basis == .estimate ? l.pick("【推定】", " [est.]") : "")
              h.element("td", [("class", "num")], text: figure + periodSuffix(q.program))
              h.element("td", [("class", "marks")], text: q.marks(l).joined(separator: " "))
            }
          }
        }
      }
      legend(&h, comparison.pageRows + cheaper)
      if !cheaper.isEmpty {
        h.element("h3", text: l.pick("比較した中で保険料がより安いプラン（同じ条件を満たすもの）", "Cheaper plans compared that meet the same conditions"))
        h.element("table", [("class", "cheaper")]) { h in
          h.element("tbody") { h in
            for q in cheaper {
              h.element("tr") { h in
                h.element("td", text: q.program.id)
                h.element("td", text: q.plan.code)
                h.element("td", [("class", "limits")], text: Wording.limits(q.limits, program: q.program, l))
                h.element("td", [("class", "num")], text: Wording.yen(q.premium) + periodSuffix(q.program))
                h.element("td", text: q.marks(l).joined(separator: " "))
              }
            }
          }
        }
      }
      if let reason = texts.reason {
        h.element("p", [("class", "reason"), ("data-reason", reason)], text: l.pick("推奨理由: ", "Why this plan: ") + reason)
      }
    }
  }

  /// What each cover mark on the rows means, for the marks the rows carry.
  func legend(_ h: inout HTML, _ quotes: [Quote]) {
    let lines = Quote.legend(quotes, l).map { "\($0.mark): \($0.meaning)" }
    guard !lines.isEmpty else { return }
    h.element("p", [("class", "muted legend")], text: lines.joined(separator: l.pick("　", "; ")))
  }
}
