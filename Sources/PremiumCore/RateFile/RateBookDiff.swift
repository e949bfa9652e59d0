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

  package var isEmpty: Bool { cells.isEmpty && terms.isEmpty }

  package init(old: Program, new: Program) {
    var cells: [Cell] = []
    let oldTables = old.tables.map { ($0.id, $0) }
    let newTables = new.tables.map { ($0.id, $0) }
    for id in Self.union(oldTables.map(\.0), newTables.map(\.0)) {
      let a = oldTables.first { $0.0 == id }?.1
      let b = newTables.first { $0.0 == id }?.1
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
    for code in Self.union(old.options.map(\.code), new.options.map(\.code)) {
      let (o, n) = (old.option(code)?.premium, new.option(code)?.premium)
      if o != n { cells.append(Cell(table: "options", plan: code, column: 0, old: o, new: n)) }
    }
    self.cells = cells
    self.terms = Self.terms(old, new)
  }

  /// `a`'s elements in order, then `b`'s that `a` lacks.
  static func union(_ a: [String], _ b: [String]) -> [String] {
    let seen = Set(a)
    return a + b.filter { !seen.contains($0) }
  }

  static func terms(_ old: Program, _ new: Program) -> [Term] {
    var out: [Term] = []
    func compare(_ field: String, _ a: String?, _ b: String?) {
      if a != b { out.append(Term(field: field, old: a, new: b)) }
    }
    func compareList(_ field: String, _ a: [String], _ b: [String]) {
      for gone in a where !b.contains(gone) { out.append(Term(field: field, old: gone, new: nil)) }
      for added in b where !a.contains(added) { out.append(Term(field: field, old: nil, new: added)) }
    }
    compare("name", old.name, new.name)
    compare("policyholder", old.policyholder, new.policyholder)
    compare("agent", old.agent, new.agent)
    compare("insurer", old.insurer, new.insurer)
    compare("source", old.source, new.source)
    compare("period", old.period?.iso, new.period?.iso)
    compare("term", old.term, new.term)
    compare("group_discount_percent", old.groupDiscountPercent.map(percent), new.groupDiscountPercent.map(percent))
    compare("installments", "\(old.installments)", "\(new.installments)")
    compare("payment", old.payment, new.payment)
    compare("security", old.security.map(security), new.security.map(security))
    compare("eligibility", old.eligibility, new.eligibility)
    compare(
      "eligible_facilities", old.eligibleFacilities.map(\.rawValue).joined(separator: ", "), new.eligibleFacilities.map(\.rawValue).joined(separator: ", "))
    for code in union(old.plans.map(\.code), new.plans.map(\.code)) {
      compare("plans.\(code)", old.plan(code).map { limits($0.limits) }, new.plan(code).map { limits($0.limits) })
    }
    for table in new.tables {
      guard let before = old.tables.first(where: { $0.id == table.id }) else { continue }
      for code in union(before.limitOverrides.keys.sorted(), table.limitOverrides.keys.sorted()) {
        compare("tables.\(table.id).limits.\(code)", before.limitOverrides[code].map(limits), table.limitOverrides[code].map(limits))
      }
    }
    for code in union(old.options.map(\.code), new.options.map(\.code)) {
      compare("options.\(code).limit", old.option(code).map { YenFormat.limit($0.limit) }, new.option(code).map { YenFormat.limit($0.limit) })
    }
    compare("deductibles", deductibles(old), deductibles(new))
    compareList("notes", old.notes.map(\.text), new.notes.map(\.text))
    compareList("disclosures", old.disclosures.map(\.text), new.disclosures.map(\.text))
    compareList("not_offered", old.notOffered.map(rule), new.notOffered.map(rule))
    compareList("on_request", old.onRequest.map(rule), new.onRequest.map(rule))
    compare("conditions.aggregate_cap", old.conditions.aggregateCap?.text, new.conditions.aggregateCap?.text)
    compareList("conditions.deadlines", old.conditions.deadlines, new.conditions.deadlines)
    compare("conditions.mid_term_joining", old.conditions.midTermJoining?.text, new.conditions.midTermJoining?.text)
    compareList("conditions.contacts", old.conditions.contacts, new.conditions.contacts)
    return out
  }

  static func percent(_ value: Rational) -> String { (value.exactDecimalString() ?? "\(value)") + "%" }

  static func security(_ rule: SecurityRule) -> String {
    "\(rule.minimumPercent)%…+\(rule.maximumPercent)% (\(rule.facilities.map(\.rawValue).joined(separator: ", ")))"
  }

  static func limits(_ limits: Limits) -> String {
    limits.entries.map { $0.coverage.marker + YenFormat.limit($0.limit) }.joined(separator: " ")
  }

  static func deductibles(_ program: Program) -> String {
    Coverage.allCases.compactMap { c in program.deductibles.stated(c).map { c.marker + YenFormat.limit($0) } }.joined(separator: " ")
  }

  static func rule(_ rule: AvailabilityRule) -> String {
    let facilities = rule.facilities.isEmpty ? "*" : rule.facilities.map(\.rawValue).joined(separator: ",")
    let plans = rule.plans.isEmpty ? "*" : rule.plans.joined(separator: ",")
    return "[\(facilities)] [\(plans)]" + (rule.withOption ? " +option" : "") + " " + rule.reason
  }
}
