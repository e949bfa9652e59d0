/// What changed between two versions of a program's rate book: every figure added, removed or
/// changed, cell by cell, and every term (period, discount, payment, plans and their limits,
/// eligibility, notes, conditions). For the second person who confirms next year's book.
package struct RateBookDiff: Sendable {
  /// A premium, rate or option premium; nil on the side where the cell does not exist.
  package struct Cell: Sendable, Hashable {
    /// The table id, or `options`.
    package let table: String
    package let plan: String
    /// 0-based, in the table's columns.
    package let column: Int
    package let old: Yen?
    package let new: Yen?

    /// new − old, when both exist.
    package var change: PremiumChange? { old.flatMap { o in new.map { PremiumChange(old: o, new: $0) } } }
  }

  /// A term as text on each side; nil where it is absent.
  package struct Term: Sendable, Hashable {
    package let field: String
    package let old: String?
    package let new: String?
  }

  package let cells: [Cell]
  package let terms: [Term]
  /// Each table's column headers (the new book's, else the old one's), to name a cell's column
  /// as the brochure heads it.
  let columns: [String: [String]]

  /// `hospital S1 100床`, `clinic S1`: a cell as the brochure heads it.
  package func name(of cell: Cell) -> String {
    let headers = columns[cell.table] ?? []
    return "\(cell.table) \(cell.plan)" + (headers.count > 1 && cell.column < headers.count ? " " + headers[cell.column] : "")
  }

  package var isEmpty: Bool { cells.isEmpty && terms.isEmpty }

  package init(old: Program, new: Program) {
    var cells: [Cell] = []
    // By id, so that books of thousands of tables compare in time linear in their size.
    let oldTables = Dictionary(old.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newTables = Dictionary(new.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for id in Self.union(old.tables.map(\.id), new.tables.map(\.id)) {
      let a = oldTables[id]
      let b = newTables[id]
      let plans = Self.union(a?.rows.map(\.plan) ?? [], b?.rows.map(\.plan) ?? [])
      for plan in plans {
        let x = a?.row(for: plan)?.values ?? []
        let y = b?.row(for: plan)?.values ?? []
        for k in 0..<max(x.count, y.count) {
          let (o, n) = (k < x.count ? x[k] : nil, k < y.count ? y[k] : nil)
          if o != n { cells.append(Cell(table: id, plan: plan, column: k, old: o, new: n)) }
        }
      }
    }
    let oldOptions = Dictionary(old.options.map { ($0.code, $0.premium) }, uniquingKeysWith: { first, _ in first })
    let newOptions = Dictionary(new.options.map { ($0.code, $0.premium) }, uniquingKeysWith: { first, _ in first })
    for code in Self.union(old.options.map(\.code), new.options.map(\.code)) {
      let (o, n) = (oldOptions[code], newOptions[code])
      if o != n { cells.append(Cell(table: "options", plan: code, column: 0, old: o, new: n)) }
    }
    self.cells = cells
    self.terms = Self.terms(old, new)
    self.columns = Dictionary((old.tables + new.tables).map { ($0.id, $0.columns) }, uniquingKeysWith: { _, newer in newer })
  }

  /// `a`'s elements in order, then `b`'s that `a` lacks.
  static func union(_ a: [String], _ b: [String]) -> [String] {
    let seen = Set(a)
    return a + b.filter { !seen.contains($0) }
  }

  /// Every field of the two books but the figures (which are cells), compared on their rate
  /// files as ``RateFileEncoder`` writes them, so that no field of the format is left out: a new
  /// one is compared the day it is added. Tables, plans and options are matched by their id or
  /// code, exclusion parts by their heading, and lists of texts (notes, contacts, deadlines,
  /// exclusion items, rules) item by item. Linear in the size of the books.
  static func terms(_ old: Program, _ new: Program) -> [Term] {
    guard let a = try? JSONParser.parse(RateFileEncoder.encode(old)), let b = try? JSONParser.parse(RateFileEncoder.encode(new)) else { return [] }
    var out: [Term] = []
    compare("", a, b, into: &out)
    return out
  }

  /// Keys whose values are one value each, compared whole: arrays whose order is meaning
  /// (columns, counts), and the period, whose start and end go together.
  private static let wholeValues: Set<String> = [
    "facilities", "eligible_facilities", "estimated_facilities", "read_facilities", "counts", "columns", "eligibility", "period",
  ]
  /// The members that identify an object in a list.
  private static let identities = ["id", "code", "heading"]

  private static func compare(_ path: String, _ a: JSONNode?, _ b: JSONNode?, into out: inout [Term]) {
    let key = path.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) } ?? ""
    // The figures are cells of the diff, with their change in yen and %.
    if key == "rows" || (key == "premium" && path.hasPrefix("options[")) { return }
    switch (a?.value, b?.value) {
    case (.object(let x)?, .object(let y)?) where !wholeValues.contains(key):
      let left = Dictionary(x.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
      let right = Dictionary(y.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
      for k in union(x.map(\.key), y.map(\.key)) { compare(join(path, k), left[k], right[k], into: &out) }
    case (.array(let x)?, .array(let y)?) where !wholeValues.contains(key):
      if let identity = identities.first(where: { id in (x + y).allSatisfy { member(id, of: $0) != nil } }), !(x + y).isEmpty {
        let left = Dictionary(x.map { (member(identity, of: $0) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let right = Dictionary(y.map { (member(identity, of: $0) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for id in union(x.compactMap { member(identity, of: $0) }, y.compactMap { member(identity, of: $0) }) {
          compare(path + "[\(id)]", left[id], right[id], into: &out)
        }
      } else {
        // Item by item: each item gone, each item added; the same items in another order, once.
        let (left, right) = (x.map(text), y.map(text))
        let (inLeft, inRight) = (Set(left), Set(right))
        for gone in left where !inRight.contains(gone) { out.append(Term(field: path, old: gone, new: nil)) }
        for added in right where !inLeft.contains(added) { out.append(Term(field: path, old: nil, new: added)) }
        if inLeft == inRight, left != right { out.append(Term(field: path, old: left.joined(separator: " / "), new: right.joined(separator: " / "))) }
      }
    default:
      let (x, y) = (a.map(text), b.map(text))
      if x != y { out.append(Term(field: path, old: x, new: y)) }
    }
  }

  private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

  /// The string or integer member `key` of an object.
  private static func member(_ key: String, of node: JSONNode) -> String? {
    guard case .object(let members) = node.value, let value = members.first(where: { $0.key == key })?.value else { return nil }
    switch value.value {
    case .string(let s): return s
    case .integer(let i): return "\(i)"
    default: return nil
    }
  }

  /// A value as the diff shows it: a string as itself, anything else as compact JSON.
  private static func text(_ node: JSONNode) -> String {
    switch node.value {
    case .string(let s): return s
    case .integer(let i): return "\(i)"
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let items): return "[" + items.map(json).joined(separator: ", ") + "]"
    case .object: return json(node)
    }
  }

  private static func json(_ node: JSONNode) -> String {
    switch node.value {
    case .string(let s): return JSONParser.quoted(s)
    case .integer(let i): return "\(i)"
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let items): return "[" + items.map(json).joined(separator: ", ") + "]"
    case .object(let members): return "{" + members.map { JSONParser.quoted($0.key) + ": " + json($0.value) }.joined(separator: ", ") + "}"
    }
  }
}
