import PremiumCore

/// `rates diff`: every cell and term that changed between two rate books, as text for the person
/// who confirms next year's book, or as JSON for scripts.
enum RateBookDiffRendering {
  static func text(_ diff: RateBookDiff, program: String, old: String, new: String, _ l: Language) -> String {
    let added = diff.cells.filter { $0.old == nil }.count
    let removed = diff.cells.filter { $0.new == nil }.count
    var out = "rates diff \(program): \(old) → \(new)\n"
    guard !diff.isEmpty else { return out + l.pick("違いはありません\n", "no differences\n") }
    out += l.pick(
      "保険料の変更 \(diff.cells.count - added - removed) 件、追加 \(added) 件、削除 \(removed) 件、条件の変更 \(diff.terms.count) 件\n",
      "\(diff.cells.count - added - removed) figure(s) changed, \(added) added, \(removed) removed, \(diff.terms.count) term(s) changed\n")
    if !diff.cells.isEmpty { out += l.pick("保険料:\n", "Figures:\n") }
    for cell in diff.cells {
      let name = diff.name(of: cell)
      let was = cell.old.map(Wording.yen) ?? l.pick("（なし）", "(none)")
      let now = cell.new.map(Wording.yen) ?? l.pick("（削除）", "(removed)")
      var change = ""
      if let c = cell.change {
        let sign = c.change > 0 ? "+" : c.change < 0 ? "−" : ""
        change = " (" + sign + YenFormat.grouped(Int64(c.change.magnitude)) + l.pick("円", " yen") + (c.percentText(plus: true).map { ", \($0)%" } ?? "") + ")"
      }
      out += "  \(name): \(was) → \(now)\(change)\n"
    }
    if !diff.terms.isEmpty { out += l.pick("条件:\n", "Terms:\n") }
    for term in diff.terms {
      out += "  \(term.field): " + (term.old ?? l.pick("（なし）", "(none)")) + " → " + (term.new ?? l.pick("（なし）", "(none)")) + "\n"
    }
    return out
  }

  static func json(_ diff: RateBookDiff, program: String, old: String, new: String) -> String {
    let cells: [JSONOutput] = diff.cells.map { cell in
      .object([
        ("table", .string(cell.table)), ("plan", .string(cell.plan)), ("column", .integer(cell.column)),
        ("name", .string(diff.name(of: cell))), ("old", .yen(cell.old)), ("new", .yen(cell.new)),
        ("change", cell.change.map { .integer($0.change) } ?? .null),
        ("percent", .decimal(cell.change?.percentHundredths.flatMap { try? Rational($0, 100) })),
      ])
    }
    let terms: [JSONOutput] = diff.terms.map { .object([("field", .string($0.field)), ("old", .string($0.old)), ("new", .string($0.new))]) }
    return JSONOutput.object([
      ("program", .string(program)), ("old", .string(old)), ("new", .string(new)), ("same", .bool(diff.isEmpty)),
      ("cells", .array(cells)), ("terms", .array(terms)),
    ]).pretty + "\n"
  }
}
