import PremiumCore

/// The sections of a proposal page around its figures: the customer's wishes and the period
/// notice before them; after them, what the insurance does not pay, the brochure's conditions,
/// the customer's confirmation and the footer that ties the page to its record.
extension ProposalPage {
  /// お客さまのご意向: the wishes as first asked and, when given, as at the end, side by side.
  func wishes(_ h: inout HTML) {
    guard !texts.wishes.isEmpty || !texts.finalWishes.isEmpty || !texts.wishCover.isEmpty else { return }
    h.element("section", [("class", "wishes")]) { h in
      h.element("h2", text: l.pick("お客さまのご意向", "The customer's wishes"))
      h.element("table") { h in
        h.element("thead") { h in
          h.element("tr") { h in
            h.element("th", text: l.pick("当初のご意向", "As first asked"))
            if !texts.finalWishes.isEmpty { h.element("th", text: l.pick("最終的なご意向", "At the end")) }
          }
        }
        h.element("tbody") { h in
          h.element("tr") { h in
            for (kind, list) in [("initial", texts.wishes), ("final", texts.finalWishes)] where kind == "initial" || !texts.finalWishes.isEmpty {
              h.element("td") { h in
                if list.isEmpty {
                  h.add(l.pick("（記載なし）", "(none given)"))
                } else {
                  h.element("ul") { h in
                    for wish in list { h.element("li", [("data-kind", kind), ("data-wish", wish)], text: wish) }
                  }
                }
              }
            }
          }
        }
      }
      if !texts.wishCover.isEmpty {
        let kinds = texts.wishCover.map { ProposalComparison.coverWord($0, l) }.joined(separator: l.pick("・", ", "))
        let checked =
          proposedPlans.isEmpty
          ? l.pick("（ご提案のプランの指定なし）", " (no plan proposed)")
          : l.pick(
            "　— ご提案の\(proposedPlans.joined(separator: "、"))は、いずれもパンフレットに補償すると記載されています",
            " — the brochure prints the proposed \(proposedPlans.joined(separator: ", ")) as covering each")
        h.element(
          "p", [("class", "wish-cover"), ("data-cover", texts.wishCover.map(\.rawValue).joined(separator: ","))],
          text: l.pick("ご意向の補償: ", "Cover the wishes ask for: ") + kinds + checked)
      }
    }
  }

  /// An ended or undated period, said before any figure it affects.
  func periodNotice(_ h: inout HTML, _ p: Program) {
    for warning in Pricer.warnings(for: p, on: date) {
      h.element("p", [("class", "notice")], text: l.pick("ご注意: ", "Please note: ") + Wording.warning(warning, programID: Wording.programTitle(p), l))
    }
  }

  /// 保険金をお支払いできない主な場合, as the brochure prints it, and its own sentence on what to
  /// read for the whole; 「記載なし」 where it prints none.
  func exclusions(_ h: inout HTML, _ p: Program, naming: Bool = false) {
    h.element("section", [("class", "exclusions")]) { h in
      h.element("h2", text: l.pick("保険金をお支払いできない主な場合", "Main cases the insurance does not pay") + titleSuffix(p, naming))
      if let e = p.conditions.exclusions {
        if !e.printedAsList {
          h.element(
            "p", [("class", "no-list")],
            text: l.pick(
              "（本ツールによる説明）パンフレットにはお支払いできない場合の一覧の記載がありません。次はパンフレットの別の箇所の記載です。詳しくは重要事項説明書・約款でご確認ください。",
              "(the tool's note) The brochure prints no list of the cases it does not pay; what follows is printed elsewhere in it. See the 重要事項説明書 and the policy wording for the whole."
            ))
        }
        if let lead = e.lead { h.element("p", text: lead) }
        h.element("div", [("class", "columns")]) { h in
          for part in e.parts {
            if let heading = part.heading { h.element("p", [("class", "part")], text: heading) }
            h.element("ul") { h in
              // 「など」 as printed after the items: closing the list, not an item of it.
              for (k, item) in part.items.enumerated() {
                h.element("li", text: item + (part.more && k == part.items.count - 1 ? l.pick("　など", " (and others)") : ""))
              }
            }
          }
        }
        h.element("p", [("class", "muted")], text: l.pick("出典: ", "Source: ") + Wording.brochureTitle(p) + " " + e.source)
      } else {
        h.element("p", text: l.pick("パンフレットに記載なし", "Not printed in the brochure"))
      }
      let notPaid = p.conditions.importantMatters(.notPaid)
      if !notPaid.isEmpty {
        h.element("p", [("class", "part")], text: l.pick("一覧のほかにパンフレットに記載されている条件", "Conditions printed outside the list"))
        h.element("ul", [("class", "not-paid")]) { h in
          for matter in notPaid { h.element("li", [("data-source", matter.source)], text: matter.text) }
        }
        h.element("p", [("class", "muted")], text: l.pick("出典: ", "Source: ") + Self.sources(notPaid, of: p, l))
      }
      if let read = p.conditions.readFirst {
        h.element("p", [("class", "read-first")], text: read.text)
      }
    }
  }

  /// ご契約にあたっての重要事項 as the brochure prints them (保険業法 §294): each kind with its
  /// sentences verbatim, or 「パンフレットに記載なし」, and where any is not printed, the tool's
  /// line naming what to read for it.
  func importantMatters(_ h: inout HTML, _ p: Program, naming: Bool = false) {
    let kinds = Conditions.ImportantMatter.Kind.disclosures
    h.element("section", [("class", "matters")]) { h in
      h.element("h2", text: l.pick("ご契約にあたっての重要事項（パンフレットの記載）", "Matters the customer must be told (as the brochure prints them)") + titleSuffix(p, naming))
      var missing: [String] = []
      h.element("table") { h in
        for kind in kinds {
          let printed = p.conditions.importantMatters(kind)
          if printed.isEmpty { missing.append(Self.kindName(kind, l)) }
          h.element("tr", [("data-kind", kind.rawValue), ("data-printed", printed.isEmpty ? "false" : "true")]) { h in
            h.element("th", text: Self.kindName(kind, l))
            h.element("td") { h in
              if printed.isEmpty {
                h.add(l.pick("パンフレットに記載なし", "Not printed in the brochure"))
              } else {
                for matter in printed { h.element("p", text: matter.text) }
                h.element("p", [("class", "muted")], text: l.pick("出典: ", "Source: ") + Self.sources(printed, of: p, l))
              }
            }
          }
        }
      }
      if !missing.isEmpty {
        h.element(
          "p", [("class", "tool-note")],
          text: l.pick(
            "（本ツールによる説明）パンフレットに記載のない事項（\(missing.joined(separator: "・"))）は、引受保険会社の重要事項説明書（契約概要・注意喚起情報）とパンフレットの全文でご確認ください。",
            "(the tool's note) What the brochure does not print (\(missing.joined(separator: ", "))) is to be read in the insurer's 重要事項説明書 (契約概要・注意喚起情報) and the whole brochure."
          ))
      }
    }
  }

  /// 「 — 福岡県医師会」 after a heading on a page of several programs.
  private func titleSuffix(_ p: Program, _ naming: Bool) -> String { naming ? " — " + Wording.programTitle(p) : "" }

  static func kindName(_ kind: Conditions.ImportantMatter.Kind, _ l: Language) -> String {
    switch kind {
    case .dutyOfDisclosure: l.pick("告知義務", "Duty of disclosure (告知義務)")
    case .dutyToNotify: l.pick("通知義務", "Duty to notify (通知義務)")
    case .coolingOff: l.pick("クーリングオフ", "Cooling-off (クーリングオフ)")
    case .protectionFund: l.pick("保険契約者保護機構", "Policyholder protection (保険契約者保護機構)")
    case .privacy: l.pick("個人情報の取扱い", "Personal information (個人情報の取扱い)")
    case .notPaid: l.pick("お支払いできない場合", "Not paid")
    case .membership: l.pick("会員", "Membership")
    case .otherPolicy: l.pick("基本契約", "Another policy first")
    case .discountIncluded: l.pick("適用済みの割引", "Discount already applied")
    case .claimsHistory: l.pick("事故歴", "Claims history")
    }
  }

  /// The headings the sentences stand under, each once: 「福岡県医師会 003 16. ご注意、…」.
  static func sources(_ matters: [Conditions.ImportantMatter], of p: Program, _ l: Language) -> String {
    var seen: [String] = []
    // The page names the brochure by its title: its file's short name (`003 `) is not repeated.
    let short = String(p.source.prefix { $0 != "_" && $0 != "." }) + " "
    for m in matters {
      let heading = m.source.hasPrefix(short) ? String(m.source.dropFirst(short.count)) : m.source
      if !seen.contains(heading) { seen.append(heading) }
    }
    return Wording.brochureTitle(p) + " " + seen.joined(separator: l.pick("、", "; "))
  }

  func closing(_ h: inout HTML, _ p: Program, facility: FacilityKind, rates: Catalog.Entry, figuresAtPrintedConditions: Bool) {
    let notes = p.notes(for: facility, figureAtPrintedConditions: figuresAtPrintedConditions)
    h.element("section", [("class", "notes")]) { h in
      h.element("h2", text: l.pick("パンフレットの記載・ご注意", "The brochure's conditions"))
      if !notes.isEmpty {
        h.element("ul") { h in
          for note in notes { h.element("li", text: note) }
        }
      }
      let toolNotes = p.toolNotes(for: facility, figureAtPrintedConditions: figuresAtPrintedConditions)
      if !toolNotes.isEmpty {
        h.element("ul", [("class", "tool-notes")]) { h in
          for note in toolNotes { h.element("li", text: l.pick("（本ツールによる説明）", "(the tool's note) ") + note) }
        }
      }
      h.element(
        "p", [("class", "muted")],
        text: l.pick("料率: ", "Rates: ") + Wording.rateSource(rates, l) + l.pick("（出典 ", " (source ") + Wording.brochureTitle(p) + "、"
          + Wording.period(p, today: date, l) + l.pick("）", ")"))
    }
    notice(&h)
  }

  /// The tool's version and each rate book's short fingerprint: a printed page matches its record.
  /// Where the customer confirms that the page answers their wishes (意向確認), with the date and
  /// their signature: left blank, to be filled in by hand.
  func confirmation(_ h: inout HTML) {
    h.element("section", [("class", "confirmation")]) { h in
      h.element("p", text: l.pick("上記のご意向に沿った内容であることを確認しました。", "I confirm that the above meets my wishes."))
      h.element("p", [("class", "sign")], text: l.pick("確認日:　　　　年　　月　　日　　ご署名:", "Date:              Signature:"))
    }
  }

  func footer(_ h: inout HTML) {
    let books = fingerprints.map { "\($0.id) \($0.short)" }.joined(separator: ", ")
    h.element("footer") { h in
      h.element("p", text: "cyberquote \(CLI.version)" + (books.isEmpty ? "" : l.pick("　料率 ", " · rates ") + books))
    }
  }
}
