import PremiumCore

/// A corporate group's page: each facility's premium, how the total is made, and each program's
/// conditions and disclosures once.
extension ProposalPage {
  /// A corporate group: each facility's premium under its program and plan, and the total.
  func group(_ members: [ProposalCommand.Member]) throws -> String {
    var h = HTML()
    wishes(&h)
    let quotes = members.compactMap { try? $0.result.get() }
    let group = GroupQuote(quotes: quotes, unpriced: members.count - quotes.count)
    h.element("section", [("class", "group")]) { h in
      h.element("h2", text: l.pick("施設ごとの保険料", "Each facility's premium"))
      h.element("table") { h in
        h.element("thead") {
          $0.element("tr") { h in
            for title in [
              l.pick("施設", "Facility"), l.pick("制度", "Program"), l.pick("施設区分", "Kind"), l.pick("プラン", "Plan"),
              l.pick("保険金額", "Limits"), l.pick("年間保険料", "Annual premium"), l.pick("根拠・エラー", "Basis / error"),
            ] {
              h.element("th", text: title)
            }
          }
        }
        h.element("tbody") { h in
          for member in members {
            switch member.result {
            case .success(let q):
              h.element("tr", [("data-premium", "\(q.premium.amount)")]) { h in
                h.element("td", [("class", "name")], text: member.name)
                h.element("td", text: Wording.programTitle(q.program))
                h.element("td", text: q.facility.name(l))
                h.element("td", text: q.plan.code)
                h.element("td", [("class", "limits")], text: Wording.limits(q.limits, program: q.program, l))
                h.element("td", [("class", "num")], text: Wording.yen(q.premium))
                h.element("td", text: Wording.basisShort(q, l) + periodSuffix(q.program) + installmentNote(q))
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
            h.element("td", text: totalNote(group))
          }
        }
      }
    }
    // What each program prices under: who may join, its cap, what it does not pay and what the
    // customer must be told, once per program.
    var programs: [Program] = []
    for q in quotes where !programs.contains(where: { $0.id == q.program.id }) { programs.append(q.program) }
    for p in programs {
      h.element("section", [("class", "program"), ("data-program", p.id)]) { h in
        h.element("h2", text: l.pick("制度の記載 — ", "The program — ") + Wording.programTitle(p))
        h.element("table") { h in
          row(&h, l.pick("加入資格", "Who may join"), Wording.eligibility(p, l))
          priceConditions(&h, p)
          row(&h, l.pick("団体割引・払込方法", "Group discount, payment"), Wording.groupDiscount(p, l) + l.pick("・", ", ") + Wording.payment(p, l))
          row(&h, l.pick("支払限度", "Aggregate cap"), p.conditions.aggregateCap?.text ?? Wording.notStated(l))
        }
      }
      exclusions(&h, p, naming: true)
      importantMatters(&h, p, naming: true)
    }
    notice(&h)
    return document(subject: l.pick("施設一覧", "facilities"), body: h.text)
  }

  /// 「・12回払（1回分 2,600円）」 beside an annual figure paid in installments; empty otherwise.
  func installmentNote(_ q: Quote) -> String {
    guard q.installments > 1 else { return "" }
    return l.pick("・\(q.installments)回払（1回分 \(Wording.yen(q.installmentPremium))）", "; \(q.installments) installments of \(Wording.yen(q.installmentPremium))")
  }

  /// How the total was reached: the facilities left out, and those in it whose figure is not a
  /// plain annual lump sum at a period in force.
  func totalNote(_ group: GroupQuote) -> String {
    var parts: [String] = []
    if group.unpriced > 0 {
      parts.append(l.pick("計算できない施設 \(group.unpriced)件は合計に含みません", "\(group.unpriced) facilities without a figure are not in the total"))
    }
    let installments = group.quotes.filter { $0.installments > 1 }.count
    if installments > 0 {
      parts.append(
        l.pick(
          "分割払の施設 \(installments)件は1回分×回数の年額で含みます",
          "\(installments) facilities paying in installments enter as their annual sum (each installment × their number)"))
    }
    let ended = group.quotes.filter { ProposalComparison.periodMark($0.program, today: date, l) != nil }.count
    if ended > 0 {
      parts.append(
        l.pick("保険期間終了または日付の記載のない料率による施設 \(ended)件を含みます", "includes \(ended) facilities priced from an ended or undated period"))
    }
    return parts.joined(separator: l.pick("。", ". "))
  }
}
