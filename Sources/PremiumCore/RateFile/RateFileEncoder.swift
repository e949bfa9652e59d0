/// Writes a ``Program`` as a rate file (format 1), the inverse of ``RateFileDecoder``: figures as
/// the brochure prints them (premiums in yen, limits as `1,000万円` and `1億円`), one plan, row
/// or rule per line, so that a person can hold the file next to the brochure.
package enum RateFileEncoder {
  package static func encode(_ p: Program) -> String {
    var o = Lines()
    o.open("{")
    o.field("format", "1")
    o.field("id", string(p.id))
    o.field("name", string(p.name))
    o.field("policyholder", string(p.policyholder))
    if !p.policyholderPrinted { o.field("policyholder_printed", "false") }
    o.field("agent", p.agent.map(string) ?? "null")
    o.field("insurer", string(p.insurer))
    if let note = p.insurerNote { o.field("insurer_note", string(note)) }
    if let rounding = p.rounding { o.field("rounding", "{\"text\": \(string(rounding.text)), \"source\": \(string(rounding.source))}") }
    switch p.eligibilityParts.count {
    case 0: o.field("eligibility", "null")
    case 1: o.field("eligibility", string(p.eligibilityParts[0]))
    default: o.field("eligibility", "[" + p.eligibilityParts.map(string).joined(separator: ", ") + "]")
    }
    if let source = p.eligibilitySource { o.field("eligibility_source", string(source)) }
    if p.eligibleFacilities != FacilityKind.medical { o.field("eligible_facilities", facilities(p.eligibleFacilities)) }
    o.field("source", string(p.source))
    o.field("period", p.period.map(period) ?? "null")
    if let term = p.term { o.field("term", string(term)) }
    if let e = p.edition {
      o.field(
        "edition",
        "{\"issued\": \"\(e.issued)\"" + (e.text.map { ", \"text\": \(string($0))" } ?? "") + (e.source.map { ", \"source\": \(string($0))" } ?? "") + "}")
    }
    o.field("group_discount_percent", p.groupDiscountPercent.map(percent) ?? "null")
    o.field("installments", "\(p.installments)")
    o.field("payment", p.payment.map(string) ?? "null")
    if let s = p.security {
      o.block(
        "security",
        [
          "\"min_percent\": \(s.minimumPercent)", "\"max_percent\": \(s.maximumPercent)",
          "\"facilities\": \(facilities(s.facilities))",
        ])
    } else {
      o.field("security", "null")
    }
    if !p.disclosures.isEmpty {
      o.list("disclosures", p.disclosures.map { "{\"facilities\": \(facilities($0.facilities)), \"text\": \(string($0.text))}" })
    }
    switch p.multipleFacilities {
    case .separateContracts: o.field("multiple_facilities", "{\"mode\": \"separate-contracts\"}")
    case .proportional: o.field("multiple_facilities", "{\"mode\": \"proportional\"}")
    case .onRequest(let reason): o.block("multiple_facilities", ["\"mode\": \"on-request\"", "\"reason\": \(string(reason))"])
    }
    if let reason = p.optionsOnRequest { o.field("options_on_request", string(reason)) }
    o.block("families", p.families.sorted { $0.key < $1.key }.map { "\(string($0.key)): \(string($0.value))" })
    if !p.cover.isEmpty {
      o.field(
        "cover",
        "{\n"
          + p.cover.sorted { $0.key < $1.key }.map { family, c in
            let flags = c.fields.compactMap { key, value in value.map { "\"\(key)\": \($0)" } }
            return "    \(string(family)): {" + (flags + ["\"source\": \(string(c.source))"]).joined(separator: ", ") + "}"
          }.joined(separator: ",\n") + "\n  }")
    }
    if !p.familyNotes.isEmpty {
      o.block(
        "family_notes",
        p.familyNotes.sorted { $0.key < $1.key }.map {
          "\(string($0.key)): {\"text\": \(string($0.value.text)), \"source\": \(string($0.value.source))}"
        })
    }
    o.block("coverage_names", Coverage.allCases.compactMap { c in p.coverageNames[c].map { "\(string(c.rawValue)): \(string($0))" } })
    o.block("deductibles", Coverage.allCases.compactMap { c in p.deductibles.stated(c).map { "\(string(c.rawValue)): \(string(amount($0)))" } })
    o.list("plans", p.plans.map { "{\"code\": \(string($0.code)), \"family\": \(string($0.family)), \"limits\": \(limits($0.limits))}" })
    o.list(
      "options",
      p.options.map {
        "{\"code\": \(string($0.code)), \"name\": \(string($0.name)), \"coverage\": \(string($0.coverage.rawValue)), \"limit\": \(string(amount($0.limit))), \"premium\": \($0.premium.amount)}"
      })
    o.tables(p.tables.map(table))
    if !p.notOffered.isEmpty { o.rules("not_offered", p.notOffered.map(rule)) }
    o.rules("on_request", p.onRequest.map(rule))
    let conditions = self.conditions(p.conditions)
    o.list("notes", p.notes.map(note), last: conditions.isEmpty)
    if !conditions.isEmpty { o.lastBlock("conditions", conditions) }
    o.close("}")
    return o.text
  }

  // MARK: - Pieces

  static func note(_ n: ProgramNote) -> String {
    guard !n.facilities.isEmpty || n.aboutPrintedFigures || n.source != nil || n.byTool else { return string(n.text) }
    var members = ["\"text\": \(string(n.text))"]
    if let source = n.source { members.append("\"source\": \(string(source))") }
    if n.byTool { members.append("\"by\": \"tool\"") }
    if !n.facilities.isEmpty { members.append("\"facilities\": \(facilities(n.facilities))") }
    if n.aboutPrintedFigures { members.append("\"about\": \"printed-figures\"") }
    return "{" + members.joined(separator: ", ") + "}"
  }

  /// The members of `conditions`, one per line (lists one element per line).
  static func conditions(_ c: Conditions) -> [String] {
    var members: [String] = []
    if let cap = c.aggregateCap { members.append("\"aggregate_cap\": {\"text\": \(string(cap.text)), \"source\": \(string(cap.source))}") }
    func list(_ key: String, _ items: [String]) {
      guard !items.isEmpty else { return }
      members.append("\"\(key)\": [\n" + items.map { "      " + string($0) }.joined(separator: ",\n") + "\n    ]")
    }
    list("deadlines", c.deadlines)
    if let j = c.midTermJoining {
      members.append(
        "\"mid_term_joining\": {\"received_by_day\": \(j.receivedByDay), \"start_day\": \(j.startDay), \"text\": \(string(j.text)), \"source\": \(string(j.source))}"
      )
    }
    list("contacts", c.contacts)
    if let e = c.exclusions {
      // One part per line, its items one per line below it.
      let parts = e.parts.map { part in
        "        {\"heading\": \(part.heading.map(string) ?? "null"), \"more\": \(part.more), \"items\": [\n"
          + part.items.map { "          " + string($0) }.joined(separator: ",\n") + "\n        ]}"
      }
      members.append(
        "\"exclusions\": {\n      \"source\": \(string(e.source)),\n      \"lead\": \(e.lead.map(string) ?? "null"),\n"
          + (e.printedAsList ? "" : "      \"list\": false,\n") + "      \"parts\": [\n"
          + parts.joined(separator: ",\n") + "\n      ]\n    }")
    }
    if let r = c.readFirst { members.append("\"read_first\": {\"text\": \(string(r.text)), \"source\": \(string(r.source))}") }
    if !c.importantMatters.isEmpty {
      let items = c.importantMatters.map { m in
        "      {\"kind\": \(string(m.kind.rawValue)), \"text\": \(string(m.text)), \"source\": \(string(m.source))}"
      }
      members.append("\"important_matters\": [\n" + items.joined(separator: ",\n") + "\n    ]")
    }
    return members
  }

  static func rule(_ r: AvailabilityRule) -> [String] {
    var fields = ["\"facilities\": \(facilities(r.facilities))", "\"plans\": [\(r.plans.map(string).joined(separator: ", "))]"]
    if r.withOption { fields.append("\"with_option\": true") }
    fields.append("\"reason\": \(string(r.reason))")
    if let source = r.source { fields.append("\"source\": \(string(source))") }
    return fields
  }

  static func table(_ t: RateTable) -> [String] {
    var fields = [
      "\"id\": \(string(t.id))", "\"title\": \(string(t.title))", "\"source\": \(string(t.source))",
      "\"facilities\": \(facilities(t.facilities))",
    ]
    if !t.estimatedFacilities.isEmpty {
      fields.append("\"estimated_facilities\": \(facilities(t.estimatedFacilities))")
      fields.append("\"estimate_reason\": \(string(t.estimateReason ?? ""))")
    }
    if !t.readFacilities.isEmpty {
      fields.append("\"read_facilities\": \(facilities(t.readFacilities))")
      if let reading = t.reading { fields.append("\"reading\": {\"text\": \(string(reading.text)), \"source\": \(string(reading.source))}") }
    }
    if !t.limitOverrides.isEmpty {
      let rows = t.rows.compactMap { row in t.limitOverrides[row.plan].map { "\(string(row.plan)): \(limits($0))" } }
      fields.append("\"limits\": {\n" + rows.map { "        " + $0 }.joined(separator: ",\n") + "\n      }")
    }
    fields.append("\"basis\": \(basis(t.basis))")
    fields.append("\"columns\": [\(t.columns.map(string).joined(separator: ", "))]")
    let rows = t.rows.map { "[\(string($0.plan)), \($0.values.map { String($0.amount) }.joined(separator: ", "))]" }
    fields.append("\"rows\": [\n" + rows.map { "        " + $0 }.joined(separator: ",\n") + "\n      ]")
    return fields
  }

  static func basis(_ b: TableBasis) -> String {
    switch b {
    case .perBed: "\"per-bed\""
    case .perCapacity: "\"per-capacity\""
    case .flat(.annual): "\"flat\""
    case .flat(.installment): "{\"flat\": \"installment\"}"
    case .examples(let unit, let counts, let model):
      "{\"examples\": {\"unit\": \(string(unit.rawValue)), \"counts\": [\(counts.map(String.init).joined(separator: ", "))], \"model_offset\": \(model.offset)}}"
    }
  }

  static func limits(_ l: Limits) -> String {
    "{" + l.entries.map { "\(string($0.coverage.rawValue)): \(string(amount($0.limit)))" }.joined(separator: ", ") + "}"
  }

  /// As printed: `なし` for zero, else `1,000万円`, `1億円`, `30万円`.
  static func amount(_ y: Yen) -> String { y == .zero ? "なし" : YenFormat.limit(y) }

  static func facilities(_ kinds: [FacilityKind]) -> String {
    "[" + kinds.map { string($0.rawValue) }.joined(separator: ", ") + "]"
  }

  static func period(_ p: Period) -> String {
    "{\"start\": \(string(p.start.description)), \"end\": \(string(p.end.description)), \"time\": \(p.time.map(string) ?? "null")}"
  }

  /// A whole percentage as a number, a fraction as a decimal string.
  static func percent(_ r: Rational) -> String {
    r.isInteger ? "\(r.numerator)" : string(r.exactDecimalString() ?? r.description)
  }

  static func string(_ s: String) -> String { JSONParser.quoted(s) }

  /// The file's lines, two-space indented.
  struct Lines {
    var text = ""

    mutating func open(_ s: String) { text += s + "\n" }
    mutating func close(_ s: String) { text += s + "\n" }
    mutating func field(_ key: String, _ value: String) { text += "  \"\(key)\": \(value),\n" }

    /// The last member of the file: an object with one member per line.
    mutating func lastBlock(_ key: String, _ members: [String]) {
      text += "  \"\(key)\": {\n" + members.map { "    " + $0 }.joined(separator: ",\n") + "\n  }\n"
    }

    /// An object with one member per line (or `{}`).
    mutating func block(_ key: String, _ members: [String]) {
      if members.isEmpty { return field(key, "{}") }
      text += "  \"\(key)\": {\n" + members.map { "    " + $0 }.joined(separator: ",\n") + "\n  },\n"
    }

    /// An array with one element per line (or `[]`).
    mutating func list(_ key: String, _ elements: [String], last: Bool = false) {
      let end = last ? "\n" : ",\n"
      if elements.isEmpty {
        text += "  \"\(key)\": []" + end
        return
      }
      text += "  \"\(key)\": [\n" + elements.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]" + end
    }

    mutating func tables(_ tables: [[String]]) {
      if tables.isEmpty { return field("tables", "[]") }
      text += "  \"tables\": [\n"
      text += tables.map { fields in "    {\n" + fields.map { "      " + $0 }.joined(separator: ",\n") + "\n    }" }.joined(separator: ",\n")
      text += "\n  ],\n"
    }

    mutating func rules(_ key: String, _ rules: [[String]]) {
      if rules.isEmpty { return field(key, "[]") }
      text += "  \"\(key)\": [\n"
      text += rules.map { fields in "    {\n" + fields.map { "      " + $0 }.joined(separator: ",\n") + "\n    }" }.joined(separator: ",\n")
      text += "\n  ],\n"
    }
  }
}
