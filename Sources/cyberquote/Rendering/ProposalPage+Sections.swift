import PremiumCore

/// The sections of a proposal page around its figures: the customer's wishes and the period
/// notice before them; after them, what the insurance does not pay, the brochure's conditions,
/// the customer's confirmation and the footer that ties the page to its record.
extension ProposalPage {
  /// お客さまのご意向: the wishes as first asked and, when given, as at the end, side by side.
  func wishes(_ h: inout HTML) {
    guard !texts.wishes.isEmpty || !texts.finalWishes.isEmpty else { return }
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
  func exclusions(_ h: inout HTML, _ p: Program) {
    h.element("section", [("class", "exclusions")]) { h in
      h.element("h2", text: l.pick("保険金をお支払いできない主な場合", "Main cases the insurance does not pay"))
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
      if let read = p.conditions.readFirst {
        h.element("p", [("class", "read-first")], text: read.text)
      }
    }
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
