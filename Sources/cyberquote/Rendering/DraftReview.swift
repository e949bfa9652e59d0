import PremiumCore

/// The review of a `rates draft`: for the person who confirms the draft against the brochure,
/// as text on stderr (a summary, then every change) and as JSON (`--review`).
enum DraftReview {
  /// The summary, then every figure that changed or is new, every figure removed, every changed
  /// term, everything unresolved, each with its line in the brochure's text; then the commands
  /// that come next.
  static func text(_ draft: RateBookDraft, brochure: String, draftFile: String?, _ l: Language) -> String {
    let s = draft.summary
    var out = l.pick(
      "rates draft \(draft.program.id) ← \(brochure)\n保険料 \(s.read) 件（変更 \(s.changed)・新規 \(s.new)・削除 \(s.removed)）、条件の変更 \(draft.changes.count) 件、要確認 \(s.unresolved) 件\n",
      "rates draft \(draft.program.id) ← \(brochure)\n\(s.read) figure(s) read (\(s.changed) changed, \(s.new) new, \(s.removed) removed), \(draft.changes.count) term(s) changed, \(s.unresolved) to resolve\n"
    )
    let changed = draft.figures.filter { $0.old != $0.new }
    if !changed.isEmpty {
      out += l.pick("保険料の変更:\n", "Changed figures:\n")
      for figure in changed {
        let was = figure.old.map { Wording.yen($0) + " → " } ?? l.pick("（新規）", "(new) ")
        out +=
          "  \(cell(draft, figure.table, figure.plan, figure.column)): \(was)\(Wording.yen(figure.new))\(percent(figure)) "
          + l.pick("\(figure.line)行", "line \(figure.line)") + "\n"
      }
    }
    if !draft.removed.isEmpty {
      out += l.pick("削除された保険料:\n", "Removed figures:\n")
      for figure in draft.removed {
        out += "  \(cell(draft, figure.table, figure.plan, figure.column)): \(Wording.yen(figure.old)) → " + l.pick("なし", "none") + "\n"
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
    out += l.pick("次の手順:\n", "Next:\n") + next(draft, draftFile: draftFile).map { "  " + $0 + "\n" }.joined()
    return out
  }

  /// `path` as a shell reads it back: unquoted when it is plain, else in single quotes.
  static func shellWord(_ path: String) -> String {
    let plain =
      !path.isEmpty
      && path.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "_./@:+,=-".unicodeScalars.contains($0) }
    return plain ? path : "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
  }

  /// A figure's cell as the brochure heads it: `hospital S1 100床`, `clinic S1`.
  static func cell(_ draft: RateBookDraft, _ table: String, _ plan: String, _ column: Int) -> String {
    "\(table) \(plan)" + (draft.columnName(table: table, column: column).map { " " + $0 } ?? "")
  }

  /// The commands that follow a draft: check it against last year's book, diff it cell by cell,
  /// and verify it against the new brochure's printed premiums typed into a check file.
  static func next(_ draft: RateBookDraft, draftFile: String?) -> [String] {
    let file = draftFile.map(shellWord) ?? "DRAFT.json"
    let date = draft.program.period.map { $0.start.description } ?? "YYYY-MM-DD"
    return [
      "cyberquote rates check --previous builtin \(file)",
      "cyberquote rates diff builtin \(file)",
      "cyberquote verify --rates \(file) --date \(date) CHECKS.csv",
    ]
  }

  /// ` (+3.50%)`, to two places, rounded half up; nothing for a new cell.
  static func percent(_ figure: RateBookDraft.Figure) -> String {
    guard let old = figure.old, let text = PremiumChange(old: old, new: figure.new).percentText(plus: true) else { return "" }
    return " (\(text)%)"
  }

  /// The review in the shape of `rates draft --review` (docs/rate-files.md).
  static func json(_ draft: RateBookDraft, brochure: String, draftFile: String?, _ l: Language) -> String {
    let figures: [JSONOutput] = draft.figures.map {
      .object([
        ("table", .string($0.table)), ("plan", .string($0.plan)), ("column", .integer($0.column)),
        ("column_name", .string(draft.columnName(table: $0.table, column: $0.column))),
        ("old", .yen($0.old)), ("new", .yen($0.new)), ("line", .integer($0.line)), ("printed", .string($0.printed)),
      ])
    }
    let removed: [JSONOutput] = draft.removed.map {
      .object([
        ("table", .string($0.table)), ("plan", .string($0.plan)), ("column", .integer($0.column)),
        ("column_name", .string(draft.columnName(table: $0.table, column: $0.column))), ("old", .yen($0.old)),
      ])
    }
    let s = draft.summary
    let summary = JSONOutput.object([
      ("read", .integer(s.read)), ("changed", .integer(s.changed)), ("new", .integer(s.new)), ("removed", .integer(s.removed)),
      ("terms_changed", .integer(draft.changes.count)), ("unresolved", .integer(s.unresolved)),
    ])
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
      ("program", .string(draft.program.id)), ("brochure", .string(brochure)), ("summary", summary),
      ("figures", .array(figures)), ("removed", .array(removed)), ("changes", .array(changes)), ("unresolved", .array(unresolved)),
      ("next", .array(next(draft, draftFile: draftFile).map { .string($0) })),
    ]).pretty + "\n"
  }
}
