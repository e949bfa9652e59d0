/// Next year's rate book as `rates draft` reads it from the new brochure's text, with everything
/// the person who confirms it must see: each figure with the line it is printed on, each term
/// that changed, and what the tool could not place.
package struct RateBookDraft: Sendable {
  /// The draft: the template's structure with every figure, limit and term read from the new
  /// text. Text the new brochure no longer prints is left out (lists) or kept and listed
  /// (required fields).
  package var program: Program
  /// One per figure in the draft, in the brochure's order.
  package var figures: [Figure] = []
  /// Every term whose value changed.
  package var changes: [Change] = []
  /// Everything that needs a person.
  package var unresolved: [Issue] = []

  /// A premium, rate or option premium, with the line of the new text it is printed on.
  package struct Figure: Sendable, Hashable {
    /// The table id, or `options`.
    package let table: String
    package let plan: String
    /// 0-based, in the table's columns.
    package let column: Int
    /// Last year's figure, nil for a cell the old book did not price.
    package let old: Yen?
    package let new: Yen
    package let line: Int
    /// As printed (after compatibility characters are mapped): `30,410円`.
    package let printed: String
  }

  /// A term that changed: `period`, `term`, `group_discount_percent`, `installments`,
  /// `payment`, `deadlines`, `mid_term_joining`.
  package struct Change: Sendable {
    package let field: String
    package let old: JSONOutput
    package let new: JSONOutput
    package let line: Int?
  }

  /// Something a person must decide, with the line it concerns.
  package struct Issue: Sendable, Hashable {
    package let kind: Kind
    package let line: Int?

    package init(kind: Kind, line: Int?) {
      self.kind = kind
      self.line = line
    }

    package enum Kind: Sendable, Hashable {
      /// No heading of the table was found, or no rows under it.
      case tableNotFound(table: String)
      /// A row whose plan code the old book lacks; added when the text prints its limits.
      case newPlan(code: String, table: String, added: Bool)
      /// A plan of the old book that the new text no longer prints anywhere.
      case planGone(code: String)
      /// A plan the old book priced in a table that the new table does not list.
      case rowGone(table: String, plan: String)
      /// A cell that was '-' (or absent) and now has a figure.
      case nowPriced(table: String, plan: String)
      /// A cell that had a figure and is now '-'.
      case nowDash(table: String, plan: String)
      /// A row whose number of figures is not the table's number of columns.
      case cellCount(table: String, plan: String, found: Int, expected: Int)
      /// Rows without a plan code beyond the plans the brochure lists.
      case extraRow(table: String)
      case limitsNotFound(plan: String)
      case optionNotFound(code: String)
      /// A printed total (base plan + option) that is not the sum of its parts.
      case totalMismatch(plan: String, option: String, printed: Yen, sum: Yen)
      case periodNotFound
      case changedDiscount(old: String, new: String)
      case changedPayment(old: String, new: String)
      /// A text carried over from last year that the new brochure does not print.
      case unconfirmedText(field: String, text: String, kept: Bool)
      /// What `rates check` says of the draft.
      case check(message: String)
    }
  }
}

extension RateBookDraft.Issue {
  /// One line for the person who confirms the draft.
  package func what(_ l: Language) -> String {
    switch kind {
    case .tableNotFound(let table): l.pick("表 \(table) が見つかりません", "table \(table) not found")
    case .newPlan(let code, let table, _): l.pick("表 \(table) に新しいプラン \(code)", "new plan \(code) in table \(table)")
    case .planGone(let code): l.pick("プラン \(code) が見当たりません", "plan \(code) is gone")
    case .rowGone(let table, let plan): l.pick("表 \(table) に \(plan) の行がありません", "table \(table) no longer lists \(plan)")
    case .nowPriced(let table, let plan): l.pick("表 \(table) の \(plan) は「-」から保険料ありに", "table \(table) now prices \(plan), which was '-'")
    case .nowDash(let table, let plan): l.pick("表 \(table) の \(plan) が「-」に", "table \(table) now prints '-' for \(plan)")
    case .cellCount(let table, let plan, let found, let expected):
      l.pick("表 \(table) の \(plan) の保険料が \(found) 個（\(expected) 個のはず）", "table \(table), \(plan): \(found) figure(s), expected \(expected)")
    case .extraRow(let table): l.pick("表 \(table) にプランのない行", "table \(table) has a row with no plan")
    case .limitsNotFound(let plan): l.pick("プラン \(plan) の保険金額が見つかりません", "limits of plan \(plan) not found")
    case .optionNotFound(let code): l.pick("オプション \(code) が見つかりません", "option \(code) not found")
    case .totalMismatch(let plan, let option, let printed, let sum):
      l.pick(
        "\(plan)+\(option) の合計保険料 \(Wording.yen(printed)) が内訳の和 \(Wording.yen(sum)) と一致しません",
        "the printed total of \(plan)+\(option), \(Wording.yen(printed)), is not the sum of its parts, \(Wording.yen(sum))")
    case .periodNotFound: l.pick("保険期間が見つかりません", "the period was not found")
    case .changedDiscount(let old, let new): l.pick("団体割引 \(old) → \(new)", "group discount \(old) → \(new)")
    case .changedPayment(let old, let new): l.pick("払込方法 \(old) → \(new)", "payment \(old) → \(new)")
    case .unconfirmedText(let field, let text, _): l.pick("未確認の文言 \(field):「\(text)」", "unconfirmed text \(field): 「\(text)」")
    case .check(let message): l.pick("rates check: \(message)", "rates check: \(message)")
    }
  }

  /// What the tool did, and what the person must do.
  package func why(_ l: Language) -> String {
    switch kind {
    case .tableNotFound:
      l.pick("見出しまたは保険料の行が新しいパンフレットにありません。表は下書きから外しました", "its heading or its rows are not in the new brochure; the table is left out of the draft")
    case .newPlan(_, _, let added):
      added
        ? l.pick("保険金額は行から読み取りました。プランの系統と条件を確認してください", "its limits were read from the row; confirm its family and conditions")
        : l.pick("保険金額が印刷されていないため下書きに入れていません", "its limits are not printed, so it is left out of the draft")
    case .planGone: l.pick("下書きから外しました", "it is left out of the draft")
    case .rowGone: l.pick("この表の保険料は下書きにありません", "the draft has no figure for it in this table")
    case .nowPriced: l.pick("保険料は下書きに入れました。「提供なし」の規則を見直してください", "the figure is in the draft; review the rule that said it is not offered")
    case .nowDash: l.pick("保険料は下書きから外しました。「提供なし」の規則を加えてください", "the figure is left out; add a rule saying it is not offered")
    case .cellCount: l.pick("行を下書きに入れていません", "the row is left out of the draft")
    case .extraRow: l.pick("読み取っていません", "it is not read")
    case .limitsNotFound: l.pick("前年の保険金額のままです。パンフレットで確認してください", "last year's limits are kept; check them against the brochure")
    case .optionNotFound: l.pick("前年のオプションのままです。パンフレットで確認してください", "last year's option is kept; check it against the brochure")
    case .totalMismatch: l.pick("パンフレットの数字を確認してください", "check the brochure's figures")
    case .periodNotFound: l.pick("保険期間なしで下書きしました", "the draft has no period")
    case .changedDiscount, .changedPayment:
      l.pick("掲載保険料の前提が変わりました。再計算の説明を確認してください", "the printed figures rest on other terms; check what quotes say about them")
    case .unconfirmedText(_, _, let kept):
      kept
        ? l.pick("新しいパンフレットに見当たりません。必須のため残しました。確認してください", "the new brochure does not print it; it is required, so it is kept: confirm it")
        : l.pick("新しいパンフレットに見当たらないため下書きから外しました", "the new brochure does not print it, so it is left out of the draft")
    case .check: l.pick("下書きを修正してください", "correct the draft")
    }
  }
}
