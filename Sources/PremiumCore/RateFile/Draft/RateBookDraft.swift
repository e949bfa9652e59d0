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
  /// Last year's figures the draft has no figure for (a row gone, a cell now '-', a table not
  /// read), each with the column's name as the brochure heads it.
  package var removed: [Removed] = []

  package struct Removed: Sendable, Hashable {
    package let table: String
    package let plan: String
    package let column: Int
    package let old: Yen
  }

  /// How many figures were read, changed, new and removed, and how many items are unresolved.
  package var summary: (read: Int, changed: Int, new: Int, removed: Int, unresolved: Int) {
    let new = figures.filter { $0.old == nil }.count
    let changed = figures.filter { $0.old != nil && $0.old != $0.new }.count
    return (figures.count, changed, new, removed.count, unresolved.count)
  }

  /// The name the brochure heads a figure's column with (`100床`, `一般病床以外 (療養・精神・結核他)`),
  /// or nil for a table of one column.
  package func columnName(table: String, column: Int) -> String? {
    guard let t = (program.tables + (template?.tables ?? [])).first(where: { $0.id == table }), t.columns.count > 1, column < t.columns.count else {
      return nil
    }
    return t.columns[column]
  }

  /// Last year's book the draft was read against.
  package var template: Program?

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

  /// Something a person must decide, with the line it concerns and any other lines that print
  /// the same thing.
  package struct Issue: Sendable, Hashable {
    package let kind: Kind
    package let line: Int?
    /// Other lines concerned (a second printing of a row, a term or a table).
    package let also: [Int]

    package init(kind: Kind, line: Int?, also: [Int] = []) {
      self.kind = kind
      self.line = line
      self.also = also
    }

    /// Every line concerned, the first one first.
    package var lines: [Int] { (line.map { [$0] } ?? []) + also }

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
      /// Limits printed otherwise than last year's book has them, for the plan or, with `table`,
      /// for the plan in that table (nil: the plan's own there).
      case limitsChanged(plan: String, table: String?, old: Limits?, new: Limits)
      case optionNotFound(code: String)
      /// A printed total (base plan + option) that is not the sum of its parts.
      case totalMismatch(plan: String, option: String, printed: Yen, sum: Yen)
      case periodNotFound
      case changedDiscount(old: String, new: String)
      case changedPayment(old: String, new: String)
      /// A text carried over from last year that the new brochure does not print.
      case unconfirmedText(field: String, text: String, kept: Bool)
      /// A text carried over from last year whose words changed where it stood: `printed` is
      /// the new line.
      case wordingChanged(field: String, text: String, printed: String)
      /// A figure with a space or an invisible character inside it (`80, 790円`); `table` and
      /// `plan` where it stands in a row.
      case splitFigure(printed: String, table: String?, plan: String?)
      /// One plan printed twice in a table with different figures: the row is left out.
      case rowPrintedTwice(table: String, plan: String, printed: [String])
      /// A table printed again further on with other figures (last year's, a comparison, a
      /// second brochure): `kept` is the heading line whose figures the draft holds, and
      /// `marked` the heading line that says it is last year's (改定前, 前年度, ご参考, 旧), if any.
      case tablePrintedTwice(table: String, kept: Int, marked: Int?)
      /// A term printed with two values: on one line (`A → B`, `AからBに`) or on two lines.
      case termPrintedTwice(field: String, printed: [String])
      /// Figures printed before a row's plan code (`最低保険料 1,000円 S1 …`).
      case textBeforeRow(table: String, plan: String, printed: String)
      /// The columns' headers printed in another order than the template's.
      case columnOrder(table: String, printed: [String])
      /// A monthly figure beside the annual one (`45,190円（月額 3,770円）`).
      case monthlyFigure(printed: String, option: String?)
      /// A citation whose heading the new brochure does not print.
      case citationNotFound(field: String, source: String)
      /// What `rates check --previous` says of the draft: an error, or a warning.
      case check(RateFileError)
      case checkWarning(RateBookCheck.Warning)
    }
  }
}

extension RateBookDraft.Issue {
  /// A stable name for scripts (`split-figure`), what the item is, and what the tool did and
  /// the person must do: one table, so that the three never drift apart.
  package func describe(_ l: Language) -> (code: String, what: String, why: String) {
    let leftOut = l.pick("下書きには入れていません。パンフレットで確認して入力してください", "it is left out of the draft; read it from the brochure and enter it")
    switch kind {
    case .tableNotFound(let table):
      return (
        "table-not-found", l.pick("表 \(table) が見つかりません", "table \(table) not found"),
        l.pick("見出しまたは保険料の行が新しいパンフレットにありません。表は下書きから外しました", "its heading or its rows are not in the new brochure; the table is left out of the draft")
      )
    case .newPlan(let code, let table, let added):
      return (
        "new-plan", l.pick("表 \(table) に新しいプラン \(code)", "new plan \(code) in table \(table)"),
        added
          ? l.pick("保険金額は行から読み取りました。プランの系統と条件を確認してください", "its limits were read from the row; confirm its family and conditions")
          : l.pick("保険金額が印刷されていないため下書きに入れていません", "its limits are not printed, so it is left out of the draft")
      )
    case .planGone(let code):
      return ("plan-gone", l.pick("プラン \(code) が見当たりません", "plan \(code) is gone"), l.pick("下書きから外しました", "it is left out of the draft"))
    case .rowGone(let table, let plan):
      return (
        "row-gone", l.pick("表 \(table) に \(plan) の行がありません", "table \(table) no longer lists \(plan)"),
        l.pick("この表の保険料は下書きにありません", "the draft has no figure for it in this table")
      )
    case .nowPriced(let table, let plan):
      return (
        "now-priced", l.pick("表 \(table) の \(plan) は「-」から保険料ありに", "table \(table) now prices \(plan), which was '-'"),
        l.pick("保険料は下書きに入れました。「提供なし」の規則を見直してください", "the figure is in the draft; review the rule that said it is not offered")
      )
    case .nowDash(let table, let plan):
      return (
        "now-dash", l.pick("表 \(table) の \(plan) が「-」に", "table \(table) now prints '-' for \(plan)"),
        l.pick("保険料は下書きから外しました。「提供なし」の規則を加えてください", "the figure is left out; add a rule saying it is not offered")
      )
    case .cellCount(let table, let plan, let found, let expected):
      return (
        "cell-count", l.pick("表 \(table) の \(plan) の保険料が \(found) 個（\(expected) 個のはず）", "table \(table), \(plan): \(found) figure(s), expected \(expected)"),
        l.pick("行を下書きに入れていません", "the row is left out of the draft")
      )
    case .extraRow(let table):
      return ("extra-row", l.pick("表 \(table) にプランのない行", "table \(table) has a row with no plan"), l.pick("読み取っていません", "it is not read"))
    case .limitsNotFound(let plan):
      return (
        "limits-not-found", l.pick("プラン \(plan) の保険金額が見つかりません", "limits of plan \(plan) not found"),
        l.pick("前年の保険金額のままです。パンフレットで確認してください", "last year's limits are kept; check them against the brochure")
      )
    case .limitsChanged(let plan, let table, let old, let new):
      let was = old.map(Self.limits) ?? l.pick("（プランの保険金額）", "(the plan's)")
      let place = table.map { l.pick("表 \($0) の ", "table \($0), ") } ?? ""
      return (
        "limits-changed",
        l.pick(
          "\(place)プラン \(plan) の保険金額が前年と異なります: \(was) → \(Self.limits(new))",
          "\(place)plan \(plan): limits printed otherwise than last year: \(was) → \(Self.limits(new))"),
        l.pick("印刷どおり下書きに入れました。パンフレットで確認してください", "the draft holds them as printed; check them against the brochure")
      )
    case .optionNotFound(let code):
      return (
        "option-not-found", l.pick("オプション \(code) が見つかりません", "option \(code) not found"),
        l.pick("前年のオプションのままです。パンフレットで確認してください", "last year's option is kept; check it against the brochure")
      )
    case .totalMismatch(let plan, let option, let printed, let sum):
      return (
        "total-mismatch",
        l.pick(
          "\(plan)+\(option) の合計保険料 \(Wording.yen(printed)) が内訳の和 \(Wording.yen(sum)) と一致しません",
          "the printed total of \(plan)+\(option), \(Wording.yen(printed)), is not the sum of its parts, \(Wording.yen(sum))"),
        l.pick("パンフレットの数字を確認してください", "check the brochure's figures")
      )
    case .periodNotFound:
      return ("period-not-found", l.pick("保険期間が見つかりません", "the period was not found"), l.pick("保険期間なしで下書きしました", "the draft has no period"))
    case .changedDiscount(let old, let new):
      return ("changed-discount", l.pick("団体割引 \(old) → \(new)", "group discount \(old) → \(new)"), Self.termsMoved(l))
    case .changedPayment(let old, let new):
      return ("changed-payment", l.pick("払込方法 \(old) → \(new)", "payment \(old) → \(new)"), Self.termsMoved(l))
    case .unconfirmedText(let field, let text, let kept):
      return (
        "unconfirmed-text", l.pick("未確認の文言 \(field):「\(text)」", "unconfirmed text \(field): 「\(text)」"),
        kept
          ? l.pick("新しいパンフレットに見当たりません。必須のため残しました。確認してください", "the new brochure does not print it; it is required, so it is kept: confirm it")
          : l.pick("新しいパンフレットに見当たらないため下書きから外しました", "the new brochure does not print it, so it is left out of the draft")
      )
    case .wordingChanged(let field, let old, let printed):
      return (
        "wording-changed", l.pick("文言の変更 \(field):「\(old)」→ 新しい行「\(printed)」", "changed wording \(field): 「\(old)」, the new line: 「\(printed)」"),
        l.pick("前年の文言のままです。新しいパンフレットの文言に直してください", "last year's words are kept; replace them with the new brochure's words")
      )
    case .splitFigure(let printed, let table, let plan):
      let place = table.map { t in l.pick("表 \(t)" + (plan.map { " の \($0)" } ?? "") + " に", "in table \(t)" + (plan.map { ", \($0)," } ?? "")) } ?? ""
      return (
        "split-figure",
        l.pick("\(place)数字の途中に空白などのある金額「\(printed)」", "a figure with a space or an invisible character inside it \(place): 「\(printed)」"),
        leftOut
      )
    case .rowPrintedTwice(let table, let plan, let printed):
      return (
        "row-printed-twice",
        l.pick(
          "表 \(table) に \(plan) が異なる保険料で2回以上: \(printed.joined(separator: " / "))",
          "table \(table) prints \(plan) more than once, with different figures: \(printed.joined(separator: " / "))"),
        leftOut
      )
    case .tablePrintedTwice(let table, let kept, let marked):
      let mark = marked.map { l.pick("（\($0)行の見出しは前年度などの再掲と読めます）", " (the heading on line \($0) reads as a reprint of last year's)") } ?? ""
      return (
        "table-printed-twice",
        l.pick("表 \(table) が異なる保険料で2回以上印刷されています\(mark)", "table \(table) is printed more than once with different figures\(mark)"),
        l.pick(
          "下書きには \(kept)行の見出しの表を入れました。どちらが今年度の保険料かパンフレットで確認してください",
          "the draft holds the table headed on line \(kept); confirm against the brochure which one is this year's")
      )
    case .termPrintedTwice(let field, let printed):
      return (
        "term-printed-twice",
        l.pick("\(field) が2通りに印刷されています: \(printed.joined(separator: " / "))", "\(field) is printed with two values: \(printed.joined(separator: " / "))"),
        l.pick("下書きの値はどちらとも決めていません。パンフレットで確認して入力してください", "the draft's value is not decided; read it from the brochure and enter it")
      )
    case .textBeforeRow(let table, let plan, let printed):
      return (
        "text-before-row",
        l.pick("表 \(table) の \(plan) の行の前に金額「\(printed)」", "table \(table): a figure before the row of \(plan): 「\(printed)」"),
        l.pick("行の保険料は読み取りましたが、列がずれていないか確認してください", "the row's figures were read; check that its columns are not shifted")
      )
    case .columnOrder(let table, let printed):
      return (
        "column-order",
        l.pick(
          "表 \(table) の列見出しの順序が前年と異なります: \(printed.joined(separator: " / "))",
          "table \(table): its column headers are printed in another order: \(printed.joined(separator: " / "))"),
        l.pick("列は前年の順序で読んでいます。パンフレットで確認してください", "the columns were read in last year's order; check them against the brochure")
      )
    case .monthlyFigure(let printed, let option):
      let place = option.map { l.pick("オプション \($0) の行に", "on the line of option \($0)") } ?? ""
      return (
        "monthly-figure",
        l.pick("\(place)月額と読める金額「\(printed)」", "a monthly figure \(place): 「\(printed)」"),
        l.pick("年間保険料と取り違えないよう、下書きには入れていません。パンフレットで確認してください", "it is not read, so as not to take it for the annual premium; check it against the brochure")
      )
    case .citationNotFound(let field, let source):
      return (
        "citation-not-found", l.pick("出典の見出しが見つかりません \(field):「\(source)」", "the heading cited is not found \(field): 「\(source)」"),
        l.pick("出典を新しいパンフレットの見出しに直してください", "cite the new brochure's heading instead")
      )
    case .check(let error):
      return ("check-error", "rates check: \(error.description(l))", l.pick("下書きを修正してください", "correct the draft"))
    case .checkWarning(let warning):
      return ("check-warning", "rates check: \(warning.description(l))", l.pick("パンフレットで確認してください", "check it against the brochure"))
    }
  }

  /// One line for the person who confirms the draft.
  package func what(_ l: Language) -> String { describe(l).what }

  /// What the tool did, and what the person must do.
  package func why(_ l: Language) -> String { describe(l).why }

  /// `①1億円 ②1,000万円`.
  static func limits(_ limits: Limits) -> String {
    limits.entries.map { $0.coverage.marker + YenFormat.limit($0.limit) }.joined(separator: " ")
  }

  private static func termsMoved(_ l: Language) -> String {
    l.pick("掲載保険料の前提が変わりました。再計算の説明を確認してください", "the printed figures rest on other terms; check what quotes say about them")
  }
}
