import PremiumCore

/// The review of a `rates draft`: for the person who confirms the draft against the brochure,
/// as text on stderr (a summary, then every change) and as JSON (`--review`).
enum DraftReview {
  /// The summary, then every figure that changed or is new, every changed term, everything
  /// unresolved, each with its line in the brochure's text.
  static func text(_ draft: RateBookDraft, brochure: String, _ l: Language) -> String {
    let changed = draft.figures.filter { $0.old != $0.new }
    let added = changed.filter { $0.old == nil }.count
    var out = l.pick(
      "rates draft \(draft.program.id) ← \(brochure)\n保険料 \(draft.figures.count) 件を読み取り（変更 \(changed.count - added) 件、新規 \(added) 件）、条件の変更 \(draft.changes.count) 件、要確認 \(draft.unresolved.count) 件\n",
      "rates draft \(draft.program.id) ← \(brochure)\n\(draft.figures.count) figure(s) read (\(changed.count - added) changed, \(added) new), \(draft.changes.count) term(s) changed, \(draft.unresolved.count) to resolve\n"
    )
    if !changed.isEmpty {
      out += l.pick("保険料の変更:\n", "Changed figures:\n")
      for figure in changed {
        let cell = "\(figure.table) \(figure.plan)" + (figure.column > 0 ? " [\(figure.column + 1)]" : "")
        let was = figure.old.map { Wording.yen($0) + " → " } ?? l.pick("（新規）", "(new) ")
        out += "  \(cell): \(was)\(Wording.yen(figure.new))\(percent(figure)) " + l.pick("\(figure.line)行", "line \(figure.line)") + "\n"
      }
    }
    if !draft.changes.isEmpty {
      out += l.pick("条件の変更:\n", "Changed terms:\n")
      for change in draft.changes {
        out += "  \(change.field): \(change.old.compact) → \(change.new.compact)" + (change.line.map { l.pick(" \($0)行", " line \($0)") } ?? "") + "\n"
      }
    }
    if !draft.unresolved.isEmpty {
      out += l.pick("要確認:\n", "To resolve:\n")
      for issue in draft.unresolved {
        let lines = issue.lines.map(String.init).joined(separator: ", ")
        out += "  " + issue.what(l) + (lines.isEmpty ? "" : l.pick("（\(lines)行）", " (line \(lines))")) + ": " + issue.why(l) + "\n"
      }
    }
    return out
  }

  /// ` (+3.50%)`, to two places, rounded half up; nothing for a new cell.
  static func percent(_ figure: RateBookDraft.Figure) -> String {
    guard let old = figure.old, let text = PremiumChange(old: old, new: figure.new).percentText(plus: true) else { return "" }
    return " (\(text)%)"
  }

  /// The review in the shape of `rates draft --review` (docs/rate-files.md).
  static func json(_ draft: RateBookDraft, brochure: String, _ l: Language) -> String {
    let figures: [JSONOutput] = draft.figures.map {
      .object([
        ("table", .string($0.table)), ("plan", .string($0.plan)), ("column", .integer($0.column)),
        ("old", .yen($0.old)), ("new", .yen($0.new)), ("line", .integer($0.line)), ("printed", .string($0.printed)),
      ])
    }
    let changes: [JSONOutput] = draft.changes.map {
      .object([("field", .string($0.field)), ("old", $0.old), ("new", $0.new), ("line", .integer($0.line))])
    }
    let unresolved: [JSONOutput] = draft.unresolved.map {
      let (code, what, why) = $0.describe(l)
      return .object([
        ("code", .string(code)), ("what", .string(what)), ("line", .integer($0.line)), ("lines", .array($0.lines.map { .integer($0) })),
        ("why", .string(why)),
      ])
    }
    return JSONOutput.object([
      ("program", .string(draft.program.id)), ("brochure", .string(brochure)),
      ("figures", .array(figures)), ("changes", .array(changes)), ("unresolved", .array(unresolved)),
    ]).pretty + "\n"
  }
}
