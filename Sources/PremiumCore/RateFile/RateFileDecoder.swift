/// Reads a rate file (format 1, documented in `rates/README.md`) into a ``Program``.
///
/// Strict on purpose: an unknown key, a plan a table does not know, a row with the wrong number
/// of figures or a duplicate plan code is an error naming the file, line and JSON path, because a
/// mistyped brochure figure must never turn into a premium.
public enum RateFileDecoder {
  public static let formatVersion: Int64 = 1

  public static func decode(_ text: String, file: String) throws(RateFileError) -> Program {
    let root: JSONNode
    do {
      root = try JSONParser.parse(text)
    } catch {
      throw RateFileError(file: file, line: error.line, path: "", message: error.message, japanese: "JSON として読めません（\(error.message)）")
    }
    return try decode(root, file: file)
  }

  /// Decodes an already parsed file, for ``RateBookCheck``, which reads the tree again.
  static func decode(_ root: JSONNode, file: String) throws(RateFileError) -> Program {
    try Decoding(file: file).program(root)
  }
}

/// The decoding pass; `file` goes into every error.
private struct Decoding {
  let file: String

  /// Plan codes for a message: the first twenty, then how many more.
  static func listed(_ codes: [String]) -> String {
    codes.prefix(20).joined(separator: ", ") + (codes.count > 20 ? ", … (\(codes.count) plans)" : "")
  }

  func fail(_ node: JSONNode, _ path: String, _ message: String, ja japanese: String? = nil) -> RateFileError {
    RateFileError(file: file, line: node.line, path: path, message: message, japanese: japanese)
  }

  // MARK: - Program

  func program(_ root: JSONNode) throws(RateFileError) -> Program {
    var o = try object(root, "")
    let format = try integer(o.required("format"), "format")
    guard format == RateFileDecoder.formatVersion else {
      throw fail(
        try o.required("format"), "format", "expected format \(RateFileDecoder.formatVersion), got \(format)",
        ja: "format は \(RateFileDecoder.formatVersion) のはずですが \(format) です")
    }
    let id = try string(o.required("id"), "id")
    guard !id.isEmpty, id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
      throw fail(try o.required("id"), "id", "expected an id of lowercase letters, digits and '-', got '\(id)'", ja: "id は英小文字・数字・'-' のはずですが '\(id)' です")
    }
    let familiesNode = try o.required("families")
    var families: [String: String] = [:]
    for (key, value) in try members(familiesNode, "families") {
      families[key] = try string(value, "families.\(key)")
    }
    let plans = try self.plans(o.required("plans"), families: families)
    let planCodes = plans.map(\.code)
    let tables = try self.tables(o.required("tables"), plans: planCodes)
    let program = Program(
      id: id,
      name: try string(o.required("name"), "name"),
      policyholder: try string(o.required("policyholder"), "policyholder"),
      policyholderPrinted: try o.optional("policyholder_printed").map { node throws(RateFileError) in try bool(node, "policyholder_printed") } ?? true,
      agent: try optionalString(o.required("agent"), "agent"),
      insurer: try string(o.required("insurer"), "insurer"),
      insurerNote: try o.optional("insurer_note").map { node throws(RateFileError) in try string(node, "insurer_note") },
      rounding: try o.optional("rounding").map { node throws(RateFileError) in try sourced(node, "rounding") },
      eligibility: try eligibility(o.required("eligibility")),
      eligibilitySource: try o.optional("eligibility_source").map { node throws(RateFileError) in try string(node, "eligibility_source") },
      eligibleFacilities: try o.optional("eligible_facilities").map { node throws(RateFileError) in try facilities(node, "eligible_facilities") }
        ?? FacilityKind.medical,
      source: try string(o.required("source"), "source"),
      period: try period(o.required("period")),
      term: try o.optional("term").map { node throws(RateFileError) in try string(node, "term") },
      edition: try o.optional("edition").map { node throws(RateFileError) in try edition(node) },
      groupDiscountPercent: try optionalPercent(o.required("group_discount_percent"), "group_discount_percent", 0...100),
      installments: Int(try integer(o.required("installments"), "installments", in: 1...12)),
      payment: try optionalString(o.required("payment"), "payment"),
      security: try security(o.required("security")),
      disclosures: try o.optional("disclosures").map { node throws(RateFileError) in try disclosures(node) } ?? [],
      multipleFacilities: try multipleFacilities(o.required("multiple_facilities")),
      optionsOnRequest: try o.optional("options_on_request").map { node throws(RateFileError) in try string(node, "options_on_request") },
      families: families,
      cover: try cover(o.optional("cover"), families: families),
      familyNotes: try familyNotes(o.optional("family_notes"), families: families),
      coverageNames: try coverageNames(o.required("coverage_names")),
      deductibles: try deductibles(o.required("deductibles")),
      plans: plans,
      options: try options(o.required("options")),
      tables: tables,
      notOffered: try o.optional("not_offered").map { node throws(RateFileError) in try rules(node, "not_offered", plans: planCodes) } ?? [],
      onRequest: try rules(o.required("on_request"), "on_request", plans: planCodes),
      notes: try array(o.required("notes"), "notes").enumerated().map { i, n throws(RateFileError) in try note(n, "notes[\(i)]") },
      conditions: try o.optional("conditions").map { node throws(RateFileError) in try conditions(node) } ?? .none)
    try o.finish()
    return program
  }

  func plans(_ node: JSONNode, families: [String: String]) throws(RateFileError) -> [Plan] {
    var plans: [Plan] = []
    var seen: Set<String> = []
    for (i, element) in try array(node, "plans").enumerated() {
      let path = "plans[\(i)]"
      var o = try object(element, path)
      let code = try string(o.required("code"), path + ".code")
      guard !code.isEmpty, seen.insert(code.uppercased()).inserted else {
        throw fail(element, path + ".code", "plan code '\(code)' appears twice", ja: "プランコード '\(code)' が2回あります")
      }
      let family = try string(o.required("family"), path + ".family")
      guard families[family] != nil else {
        throw fail(
          try o.required("family"), path + ".family", "family '\(family)' is not listed under \"families\"", ja: "系統 '\(family)' が \"families\" にありません")
      }
      plans.append(Plan(code: code, family: family, limits: try limits(o.required("limits"), path + ".limits")))
      try o.finish()
    }
    return plans
  }

  func limits(_ node: JSONNode, _ path: String) throws(RateFileError) -> Limits {
    var o = try object(node, path)
    func amount(_ key: String) throws(RateFileError) -> Yen? {
      guard let value = o.optional(key) else { return nil }
      return try self.amount(value, path + "." + key)
    }
    guard let liability = try amount(Coverage.liability.rawValue),
      let response = try amount(Coverage.incidentResponse.rawValue)
    else { throw fail(node, path, "expected limits for both liability and incident_response", ja: "liability と incident_response の両方の保険金額が必要です") }
    let result = Limits(
      liability: liability, incidentResponse: response,
      lostProfit: try amount(Coverage.lostProfit.rawValue),
      businessContinuation: try amount(Coverage.businessContinuation.rawValue))
    try o.finish()
    return result
  }

  func options(_ node: JSONNode) throws(RateFileError) -> [PlanOption] {
    var options: [PlanOption] = []
    for (i, element) in try array(node, "options").enumerated() {
      let path = "options[\(i)]"
      var o = try object(element, path)
      let code = try string(o.required("code"), path + ".code")
      guard !options.contains(where: { $0.code == code }) else {
        throw fail(element, path + ".code", "option '\(code)' appears twice", ja: "オプション '\(code)' が2回あります")
      }
      options.append(
        PlanOption(
          code: code, name: try string(o.required("name"), path + ".name"),
          coverage: try coverage(o.required("coverage"), path + ".coverage"),
          limit: try amount(o.required("limit"), path + ".limit"),
          premium: Yen(try integer(o.required("premium"), path + ".premium", in: 1...Int64.max))))
      try o.finish()
    }
    return options
  }

  // MARK: - Tables

  func tables(_ node: JSONNode, plans: [String]) throws(RateFileError) -> [RateTable] {
    var tables: [RateTable] = []
    for (i, element) in try array(node, "tables").enumerated() {
      let table = try self.table(element, "tables[\(i)]", plans: plans)
      guard !tables.contains(where: { $0.id == table.id }) else {
        throw fail(element, "tables[\(i)].id", "table id '\(table.id)' appears twice", ja: "表の id '\(table.id)' が2回あります")
      }
      for other in tables {
        for facility in table.facilities + table.estimatedFacilities + table.readFacilities where other.covers(facility) {
          if let clash = table.rows.first(where: { other.row(for: $0.plan) != nil }) {
            throw fail(
              element, "tables[\(i)]", "plan '\(clash.plan)' for \(facility.rawValue) is also priced by table '\(other.id)'",
              ja: "\(facility.rawValue) のプラン '\(clash.plan)' は表 '\(other.id)' でも保険料が決まっています（1つの施設区分のプランは1つの表で）")
          }
        }
      }
      tables.append(table)
    }
    return tables
  }

  func table(_ node: JSONNode, _ path: String, plans: [String]) throws(RateFileError) -> RateTable {
    var o = try object(node, path)
    let basis = try self.basis(o.required("basis"), path + ".basis")
    let width: Int
    switch basis {
    case .perBed: width = 2
    case .perCapacity, .flat: width = 1
    case .examples(_, let counts, _): width = counts.count
    }
    let columns = try array(o.required("columns"), path + ".columns")
    guard columns.count == width else {
      throw fail(
        try o.required("columns"), path + ".columns", "expected \(width) column name(s) for this basis, got \(columns.count)",
        ja: "この basis の列名は \(width) 個のはずですが \(columns.count) 個です")
    }
    var columnNames: [String] = []
    for (i, column) in columns.enumerated() { columnNames.append(try string(column, path + ".columns[\(i)]")) }

    var rows: [RateRow] = []
    // Sets, so that a book of thousands of plans is read in linear time.
    let known = Set(plans)
    var rowPlans: Set<String> = []
    for (i, rowNode) in try array(o.required("rows"), path + ".rows").enumerated() {
      let rowPath = path + ".rows[\(i)]"
      let cells = try array(rowNode, rowPath)
      guard cells.count == width + 1 else {
        throw fail(rowNode, rowPath, "expected [plan, \(width) figure(s)], got \(cells.count) cell(s)", ja: "[プラン, 保険料 \(width) 個] のはずですが \(cells.count) 個です")
      }
      let plan = try string(cells[0], rowPath + "[0]")
      guard known.contains(plan) else {
        throw fail(cells[0], rowPath + "[0]", "unknown plan '\(plan)'; plans: \(Self.listed(plans))", ja: "プラン '\(plan)' がありません。プラン: \(Self.listed(plans))")
      }
      guard rowPlans.insert(plan).inserted else { throw fail(rowNode, rowPath, "plan '\(plan)' appears twice in this table", ja: "プラン '\(plan)' がこの表に2回あります") }
      var values: [Yen] = []
      for (j, cell) in cells.dropFirst().enumerated() {
        values.append(Yen(try integer(cell, rowPath + "[\(j + 1)]", in: 1...Int64.max, what: "a positive whole number of yen", whatJA: "正の整数の円")))
      }
      // A premium that falls as the count rises prices larger facilities below smaller ones and,
      // on the line through the two figures, below 0 yen at some count.
      if case .examples(_, let counts, _) = basis, let k = values.indices.dropFirst().first(where: { values[$0] < values[$0 - 1] }) {
        throw fail(
          cells[k + 1], rowPath + "[\(k + 1)]",
          "plan '\(plan)': \(YenFormat.grouped(values[k].amount)) yen at \(counts[k]) is less than \(YenFormat.grouped(values[k - 1].amount)) yen at \(counts[k - 1]);"
            + " a premium cannot fall as the count rises (are the columns swapped?)",
          ja:
            "プラン '\(plan)': \(counts[k]) での \(YenFormat.grouped(values[k].amount))円が \(counts[k - 1]) での \(YenFormat.grouped(values[k - 1].amount))円より低くなっています。"
            + "数が増えて保険料が下がることはありません（列が入れ替わっていませんか）")
      }
      rows.append(RateRow(plan: plan, values: values))
    }

    var overrides: [String: Limits] = [:]
    if let limitsNode = o.optional("limits") {
      for (plan, value) in try members(limitsNode, path + ".limits") {
        guard rowPlans.contains(plan) else {
          throw fail(value, path + ".limits." + plan, "plan '\(plan)' has no row in this table", ja: "プラン '\(plan)' はこの表に行がありません")
        }
        overrides[plan] = try limits(value, path + ".limits." + plan)
      }
    }
    let estimated = try o.optional("estimated_facilities").map { n throws(RateFileError) in try facilities(n, path + ".estimated_facilities") } ?? []
    let estimateReason = try o.optional("estimate_reason").map { n throws(RateFileError) in try string(n, path + ".estimate_reason") }
    guard estimated.isEmpty || estimateReason != nil else {
      throw fail(node, path, "estimated_facilities needs an estimate_reason", ja: "estimated_facilities には estimate_reason が必要です")
    }
    let read = try o.optional("read_facilities").map { n throws(RateFileError) in try facilities(n, path + ".read_facilities") } ?? []
    let reading = try o.optional("reading").map { n throws(RateFileError) in try sourced(n, path + ".reading") }
    guard read.isEmpty || reading != nil else {
      throw fail(
        node, path, "read_facilities needs a reading: the brochure's words that include them, and their line",
        ja: "read_facilities には reading（それを含むパンフレットの文言と出典）が必要です")
    }
    let table = RateTable(
      id: try string(o.required("id"), path + ".id"),
      title: try string(o.required("title"), path + ".title"),
      source: try string(o.required("source"), path + ".source"),
      facilities: try facilities(o.required("facilities"), path + ".facilities"),
      estimatedFacilities: estimated, estimateReason: estimateReason, readFacilities: read, reading: reading,
      basis: basis, columns: columnNames, rows: rows, limitOverrides: overrides)
    try o.finish()
    return table
  }

  func basis(_ node: JSONNode, _ path: String) throws(RateFileError) -> TableBasis {
    let expected = "\"per-bed\", \"per-capacity\", \"flat\", {\"flat\": \"annual\" | \"installment\"} or {\"examples\": {...}}"
    if case .string(let name) = node.value {
      switch name {
      case "per-bed": return .perBed
      case "per-capacity": return .perCapacity
      case "flat": return .flat(.annual)
      default: throw fail(node, path, "expected \(expected), got '\(name)'", ja: "\(expected) のはずですが '\(name)' です")
      }
    }
    var o = try object(node, path)
    if let flat = o.optional("flat") {
      let printed = try string(flat, path + ".flat")
      guard let amount = PrintedAmount(rawValue: printed) else {
        throw fail(flat, path + ".flat", "expected \"annual\" or \"installment\", got '\(printed)'", ja: "\"annual\" か \"installment\" のはずですが '\(printed)' です")
      }
      try o.finish()
      return .flat(amount)
    }
    guard let examples = o.optional("examples") else { throw fail(node, path, "expected \(expected)", ja: "\(expected) のはずです") }
    try o.finish()
    var e = try object(examples, path + ".examples")
    let unitName = try string(e.required("unit"), path + ".examples.unit")
    guard let unit = CountKind(rawValue: unitName), unit != .otherBeds else {
      throw fail(
        try e.required("unit"), path + ".examples.unit", "expected \"general_beds\" or \"capacity\", got '\(unitName)'",
        ja: "\"general_beds\" か \"capacity\" のはずですが '\(unitName)' です")
    }
    let countsNode = try e.required("counts")
    let counts = try array(countsNode, path + ".examples.counts").enumerated().map { i, n throws(RateFileError) in
      Int(try integer(n, path + ".examples.counts[\(i)]", in: 1...Int64(InputRange.count.upperBound)))
    }
    guard counts.count == 2, counts[0] < counts[1] else {
      throw fail(countsNode, path + ".examples.counts", "expected two increasing counts, got \(counts)", ja: "増えていく2つの数のはずですが \(counts) です")
    }
    let offset = try integer(e.required("model_offset"), path + ".examples.model_offset", in: 0...10_000)
    try e.finish()
    return .examples(unit: unit, counts: counts, model: ExampleModel(offset: Int(offset)))
  }

  // MARK: - Program-level rules

  func period(_ node: JSONNode) throws(RateFileError) -> Period? {
    if case .null = node.value { return nil }
    var o = try object(node, "period")
    func date(_ key: String) throws(RateFileError) -> CalendarDate {
      let n = try o.required(key)
      let text = try string(n, "period." + key)
      guard let d = CalendarDate(iso: text) else {
        throw fail(n, "period." + key, "expected a date YYYY-MM-DD, got '\(text)'", ja: "日付 YYYY-MM-DD のはずですが '\(text)' です")
      }
      return d
    }
    let start = try date("start")
    let end = try date("end")
    guard start < end else { throw fail(node, "period", "the period ends (\(end)) before it starts (\(start))", ja: "保険期間の終わり (\(end)) が始まり (\(start)) より前です") }
    let timeNode = try o.required("time")
    let time = try optionalString(timeNode, "period.time")
    if let time, !Self.isTimeOfDay(time) {
      throw fail(timeNode, "period.time", "expected a time of day HH:MM from 00:00 to 23:59, got '\(time)'", ja: "時刻 HH:MM（00:00～23:59）のはずですが '\(time)' です")
    }
    try o.finish()
    return Period(start: start, end: end, time: time)
  }

  /// `eligibility`: a sentence as printed, the parts printed in several places, or null where the
  /// brochure prints none.
  func eligibility(_ node: JSONNode) throws(RateFileError) -> [String] {
    switch node.value {
    case .null: return []
    case .string(let text): return [text]
    default:
      let parts = try array(node, "eligibility").enumerated().map { i, n throws(RateFileError) in try string(n, "eligibility[\(i)]") }
      guard !parts.isEmpty else {
        throw fail(
          node, "eligibility", "expected a sentence, its printed parts, or null where the brochure prints none",
          ja: "文言、印刷された部分の配列、またはパンフレットに記載がなければ null のはずです")
      }
      return parts
    }
  }

  /// `{"issued": "YYYY-MM-DD", "text"?, "source"?}`.
  func edition(_ node: JSONNode) throws(RateFileError) -> Edition {
    var o = try object(node, "edition")
    let issuedNode = try o.required("issued")
    let issuedText = try string(issuedNode, "edition.issued")
    guard let issued = CalendarDate(iso: issuedText) else {
      throw fail(issuedNode, "edition.issued", "expected a date YYYY-MM-DD, got '\(issuedText)'", ja: "日付 YYYY-MM-DD のはずですが '\(issuedText)' です")
    }
    let text = try o.optional("text").map { n throws(RateFileError) in try string(n, "edition.text") }
    let source = try o.optional("source").map { n throws(RateFileError) in try string(n, "edition.source") }
    try o.finish()
    return Edition(issued: issued, text: text, source: source)
  }

  /// `HH:MM`, 00:00 to 23:59.
  static func isTimeOfDay(_ text: String) -> Bool {
    let digits = Array(text.utf8)
    guard digits.count == 5, digits[2] == UInt8(ascii: ":") else { return false }
    let values = [digits[0], digits[1], digits[3], digits[4]].map { Int($0) - 48 }
    guard values.allSatisfy({ (0...9).contains($0) }) else { return false }
    return values[0] * 10 + values[1] < 24 && values[2] * 10 + values[3] < 60
  }

  func security(_ node: JSONNode) throws(RateFileError) -> SecurityRule? {
    if case .null = node.value { return nil }
    var o = try object(node, "security")
    let low = try integer(o.required("min_percent"), "security.min_percent", in: -100...0)
    let high = try integer(o.required("max_percent"), "security.max_percent", in: 0...100)
    let rule = SecurityRule(
      minimumPercent: Int(low), maximumPercent: Int(high),
      facilities: try facilities(o.required("facilities"), "security.facilities"))
    try o.finish()
    return rule
  }

  /// `{"S": {"cyber_attack": true, …, "source"}}`: what each listed family covers, as printed.
  func cover(_ node: JSONNode?, families: [String: String]) throws(RateFileError) -> [String: FamilyCover] {
    guard let node else { return [:] }
    var out: [String: FamilyCover] = [:]
    for (family, value) in try members(node, "cover") {
      let path = "cover.\(family)"
      guard families[family] != nil else {
        throw fail(value, path, "family '\(family)' is not listed under \"families\"", ja: "系統 '\(family)' が \"families\" にありません")
      }
      var o = try object(value, path)
      var flags: [String: Bool?] = [:]
      for key in FamilyCover.keys {
        guard let n = o.optional(key) else { continue }
        if case .null = n.value { flags[key] = .some(nil) } else { flags[key] = .some(try bool(n, path + "." + key)) }
      }
      let source = try string(o.required("source"), path + ".source")
      try o.finish()
      func flag(_ key: String) -> Bool? { flags[key] ?? nil }
      out[family] = FamilyCover(
        cyberAttack: flag("cyber_attack"), informationLeak: flag("information_leak"), digitalContent: flag("digital_content"),
        otherITAccident: flag("other_it_accident"), ransom: flag("ransom"), sharedCap: flag("shared_cap"), source: source)
    }
    return out
  }

  /// `{"P": {"text", "source"}}`: what a family covers, for families listed under `families`.
  func familyNotes(_ node: JSONNode?, families: [String: String]) throws(RateFileError) -> [String: SourcedText] {
    guard let node else { return [:] }
    var notes: [String: SourcedText] = [:]
    for (family, value) in try members(node, "family_notes") {
      guard families[family] != nil else {
        throw fail(value, "family_notes.\(family)", "family '\(family)' is not listed under \"families\"", ja: "系統 '\(family)' が \"families\" にありません")
      }
      notes[family] = try sourced(value, "family_notes.\(family)")
    }
    return notes
  }

  /// A note: a string for every facility, or `{"text", "facilities"?, "about"?}`.
  func note(_ node: JSONNode, _ path: String) throws(RateFileError) -> ProgramNote {
    if case .string(let text) = node.value { return ProgramNote(text) }
    var o = try object(node, path)
    let text = try string(o.required("text"), path + ".text")
    let source = try o.optional("source").map { n throws(RateFileError) in try string(n, path + ".source") }
    var byTool = false
    if let node = o.optional("by") {
      let by = try string(node, path + ".by")
      guard by == "tool" || by == "brochure" else {
        throw fail(
          node, path + ".by", "expected \"brochure\" (the brochure's words, the default) or \"tool\" (a sentence the tool composes, shown as the tool's)",
          ja: "\"brochure\"（パンフレットの文言。既定）か \"tool\"（本ツールが作る文。本ツールによる説明として表示）のはずです")
      }
      byTool = by == "tool"
    }
    guard !(byTool && source != nil) else { throw fail(node, path, "a note by the tool has no brochure source", ja: "本ツールによる注記にパンフレットの出典はありません") }
    let kinds = try o.optional("facilities").map { n throws(RateFileError) in try self.facilities(n, path + ".facilities") } ?? []
    var about = false
    if let node = o.optional("about") {
      guard try string(node, path + ".about") == "printed-figures" else {
        throw fail(
          node, path + ".about", "expected \"printed-figures\" (a note on the conditions the printed premiums are at)",
          ja: "\"printed-figures\"（掲載保険料の前提条件の注記）のはずです")
      }
      about = true
    }
    let note = ProgramNote(text, facilities: kinds, aboutPrintedFigures: about, source: source, byTool: byTool)
    try o.finish()
    return note
  }

  /// `{"text": …, "source": …}`: a brochure sentence and where it stands.
  func sourced(_ node: JSONNode, _ path: String) throws(RateFileError) -> SourcedText {
    var s = try object(node, path)
    let result = SourcedText(text: try string(s.required("text"), path + ".text"), source: try string(s.required("source"), path + ".source"))
    try s.finish()
    return result
  }

  func conditions(_ node: JSONNode) throws(RateFileError) -> Conditions {
    var o = try object(node, "conditions")
    func strings(_ key: String) throws(RateFileError) -> [String] {
      guard let node = o.optional(key) else { return [] }
      return try array(node, "conditions." + key).enumerated().map { i, n throws(RateFileError) in try string(n, "conditions.\(key)[\(i)]") }
    }
    var joining: MidTermJoining?
    if let node = o.optional("mid_term_joining") {
      var j = try object(node, "conditions.mid_term_joining")
      joining = MidTermJoining(
        receivedByDay: Int(try integer(j.required("received_by_day"), "conditions.mid_term_joining.received_by_day", in: 1...31)),
        startDay: Int(try integer(j.required("start_day"), "conditions.mid_term_joining.start_day", in: 1...28)),
        text: try string(j.required("text"), "conditions.mid_term_joining.text"),
        source: try string(j.required("source"), "conditions.mid_term_joining.source"))
      try j.finish()
    }
    let result = Conditions(
      aggregateCap: try o.optional("aggregate_cap").map { node throws(RateFileError) in try sourced(node, "conditions.aggregate_cap") },
      deadlines: try strings("deadlines"), midTermJoining: joining, contacts: try strings("contacts"),
      exclusions: try o.optional("exclusions").map { node throws(RateFileError) in try exclusions(node) },
      readFirst: try o.optional("read_first").map { node throws(RateFileError) in try sourced(node, "conditions.read_first") })
    try o.finish()
    return result
  }

  func exclusions(_ node: JSONNode) throws(RateFileError) -> Exclusions {
    let path = "conditions.exclusions"
    var o = try object(node, path)
    let source = try string(o.required("source"), path + ".source")
    let lead = try optionalString(o.required("lead"), path + ".lead")
    let partNodes = try array(o.required("parts"), path + ".parts")
    guard !partNodes.isEmpty else {
      throw fail(
        node, path + ".parts", "expected at least one part (leave exclusions out where none is printed)", ja: "部分が1つ以上必要です（記載がなければ exclusions を省いてください）")
    }
    var parts: [Exclusions.Part] = []
    for (i, partNode) in partNodes.enumerated() {
      let at = path + ".parts[\(i)]"
      var p = try object(partNode, at)
      let heading = try optionalString(p.required("heading"), at + ".heading")
      let itemNodes = try array(p.required("items"), at + ".items")
      guard !itemNodes.isEmpty else { throw fail(partNode, at + ".items", "expected at least one item", ja: "項目が1つ以上必要です") }
      var items: [String] = []
      for (k, item) in itemNodes.enumerated() { items.append(try string(item, at + ".items[\(k)]")) }
      let more = try bool(p.required("more"), at + ".more")
      try p.finish()
      parts.append(Exclusions.Part(heading: heading, items: items, more: more))
    }
    try o.finish()
    return Exclusions(source: source, lead: lead, parts: parts)
  }

  func disclosures(_ node: JSONNode) throws(RateFileError) -> [Disclosure] {
    var result: [Disclosure] = []
    for (i, element) in try array(node, "disclosures").enumerated() {
      let path = "disclosures[\(i)]"
      var o = try object(element, path)
      result.append(
        Disclosure(
          facilities: try facilities(o.required("facilities"), path + ".facilities"),
          text: try string(o.required("text"), path + ".text")))
      try o.finish()
    }
    return result
  }

  func multipleFacilities(_ node: JSONNode) throws(RateFileError) -> MultipleFacilities {
    var o = try object(node, "multiple_facilities")
    let mode = try string(o.required("mode"), "multiple_facilities.mode")
    let result: MultipleFacilities
    switch mode {
    case "separate-contracts": result = .separateContracts
    case "proportional": result = .proportional
    case "on-request": result = .onRequest(reason: try string(o.required("reason"), "multiple_facilities.reason"))
    default:
      throw fail(
        try o.required("mode"), "multiple_facilities.mode", "expected \"separate-contracts\", \"proportional\" or \"on-request\", got '\(mode)'",
        ja: "\"separate-contracts\"、\"proportional\"、\"on-request\" のいずれかのはずですが '\(mode)' です")
    }
    try o.finish()
    return result
  }

  func coverageNames(_ node: JSONNode) throws(RateFileError) -> [Coverage: String] {
    var names: [Coverage: String] = [:]
    for (key, value) in try members(node, "coverage_names") {
      names[try coverage(key, value, "coverage_names." + key)] = try string(value, "coverage_names." + key)
    }
    return names
  }

  func deductibles(_ node: JSONNode) throws(RateFileError) -> Deductibles {
    var byCoverage: [Coverage: Yen] = [:]
    for (key, value) in try members(node, "deductibles") {
      byCoverage[try coverage(key, value, "deductibles." + key)] = try amount(value, "deductibles." + key)
    }
    return Deductibles(byCoverage)
  }

  func rules(_ node: JSONNode, _ key: String, plans: [String]) throws(RateFileError) -> [AvailabilityRule] {
    var rules: [AvailabilityRule] = []
    for (i, element) in try array(node, key).enumerated() {
      let path = "\(key)[\(i)]"
      var o = try object(element, path)
      var codes: [String] = []
      for (j, n) in try array(o.required("plans"), path + ".plans").enumerated() {
        let code = try string(n, path + ".plans[\(j)]")
        guard plans.contains(code) else { throw fail(n, path + ".plans[\(j)]", "unknown plan '\(code)'", ja: "プラン '\(code)' がありません") }
        codes.append(code)
      }
      rules.append(
        AvailabilityRule(
          facilities: try facilities(o.required("facilities"), path + ".facilities"), plans: codes,
          withOption: try o.optional("with_option").map { node throws(RateFileError) in try bool(node, path + ".with_option") } ?? false,
          reason: try string(o.required("reason"), path + ".reason"),
          source: try o.optional("source").map { node throws(RateFileError) in try string(node, path + ".source") }))
      try o.finish()
    }
    return rules
  }

  // MARK: - Values

  func facilities(_ node: JSONNode, _ path: String) throws(RateFileError) -> [FacilityKind] {
    var kinds: [FacilityKind] = []
    for (i, n) in try array(node, path).enumerated() {
      let name = try string(n, "\(path)[\(i)]")
      guard let kind = FacilityKind(rawValue: name) else {
        throw fail(
          n, "\(path)[\(i)]", "expected one of \(FacilityKind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(name)'",
          ja: "\(FacilityKind.allCases.map(\.rawValue).joined(separator: ", ")) のいずれかのはずですが '\(name)' です")
      }
      guard !kinds.contains(kind) else { throw fail(n, "\(path)[\(i)]", "'\(name)' appears twice", ja: "'\(name)' が2回あります") }
      kinds.append(kind)
    }
    return kinds
  }

  func coverage(_ node: JSONNode, _ path: String) throws(RateFileError) -> Coverage {
    try coverage(try string(node, path), node, path)
  }

  func coverage(_ name: String, _ node: JSONNode, _ path: String) throws(RateFileError) -> Coverage {
    guard let c = Coverage(rawValue: name) else {
      throw fail(
        node, path, "expected one of \(Coverage.allCases.map(\.rawValue).joined(separator: ", ")), got '\(name)'",
        ja: "\(Coverage.allCases.map(\.rawValue).joined(separator: ", ")) のいずれかのはずですが '\(name)' です")
    }
    return c
  }

  func amount(_ node: JSONNode, _ path: String) throws(RateFileError) -> Yen {
    let text = try string(node, path)
    guard let yen = YenFormat.parseAmount(text) else {
      throw fail(
        node, path, "expected an amount as printed, such as \"1,000万円\", \"1億円\" or \"なし\", got '\(text)'",
        ja: "印刷どおりの金額（\"1,000万円\"、\"1億円\"、\"なし\" など）のはずですが '\(text)' です")
    }
    return yen
  }

  /// A percentage, or null where the brochure states none.
  func optionalPercent(_ node: JSONNode, _ path: String, _ range: ClosedRange<Int>) throws(RateFileError) -> Rational? {
    if case .null = node.value { return nil }
    return try percent(node, path, range)
  }

  func percent(_ node: JSONNode, _ path: String, _ range: ClosedRange<Int>) throws(RateFileError) -> Rational {
    let value: Rational
    switch node.value {
    case .integer(let i): value = Rational(i)
    case .string(let s):
      guard case .number(let r) = NumberText.parse(s) else {
        throw fail(node, path, "expected a percentage such as 20 or \"7.5\", got '\(s)'", ja: "20 や \"7.5\" のような率のはずですが '\(s)' です")
      }
      value = r
    default: throw fail(node, path, "expected a percentage such as 20 or \"7.5\"", ja: "20 や \"7.5\" のような率のはずです")
    }
    guard value >= Rational(range.lowerBound), value <= Rational(range.upperBound) else {
      throw fail(
        node, path, "expected a percentage from \(range.lowerBound) to \(range.upperBound), got \(value)",
        ja: "\(range.lowerBound)～\(range.upperBound) の率のはずですが \(value) です")
    }
    return value
  }

  func object(_ node: JSONNode, _ path: String) throws(RateFileError) -> ObjectReader {
    ObjectReader(members: try members(node, path), node: node, path: path, decoding: self)
  }

  func members(_ node: JSONNode, _ path: String) throws(RateFileError) -> [(key: String, value: JSONNode)] {
    guard case .object(let members) = node.value else { throw fail(node, path, "expected an object", ja: "オブジェクトのはずです") }
    var seen: Set<String> = []
    for member in members where !seen.insert(member.key).inserted {
      throw fail(member.value, path.isEmpty ? member.key : path + "." + member.key, "key '\(member.key)' appears twice", ja: "キー '\(member.key)' が2回あります")
    }
    return members
  }

  func array(_ node: JSONNode, _ path: String) throws(RateFileError) -> [JSONNode] {
    guard case .array(let elements) = node.value else { throw fail(node, path, "expected an array", ja: "配列のはずです") }
    return elements
  }

  func string(_ node: JSONNode, _ path: String) throws(RateFileError) -> String {
    guard case .string(let s) = node.value else { throw fail(node, path, "expected a string", ja: "文字列のはずです") }
    return s
  }

  func bool(_ node: JSONNode, _ path: String) throws(RateFileError) -> Bool {
    guard case .bool(let value) = node.value else { throw fail(node, path, "expected true or false", ja: "true か false のはずです") }
    return value
  }

  func optionalString(_ node: JSONNode, _ path: String) throws(RateFileError) -> String? {
    if case .null = node.value { return nil }
    return try string(node, path)
  }

  func integer(
    _ node: JSONNode, _ path: String, in range: ClosedRange<Int64> = Int64.min...Int64.max,
    what: String = "a whole number", whatJA: String = "整数"
  ) throws(RateFileError) -> Int64 {
    guard case .integer(let i) = node.value else { throw fail(node, path, "expected \(what)", ja: "\(whatJA) のはずです") }
    guard range.contains(i) else {
      throw fail(
        node, path, "expected \(what) in \(range.lowerBound)...\(range.upperBound), got \(i)",
        ja: "\(range.lowerBound)～\(range.upperBound) の\(whatJA)のはずですが \(i) です")
    }
    return i
  }
}

/// An object's members, with every key that was not read reported by ``finish()``.
private struct ObjectReader {
  let members: [(key: String, value: JSONNode)]
  let node: JSONNode
  let path: String
  let decoding: Decoding
  private var used: Set<String> = []

  init(members: [(key: String, value: JSONNode)], node: JSONNode, path: String, decoding: Decoding) {
    self.members = members
    self.node = node
    self.path = path
    self.decoding = decoding
  }

  private func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

  mutating func required(_ key: String) throws(RateFileError) -> JSONNode {
    guard let value = optional(key) else { throw decoding.fail(node, keyPath(key), "missing required key '\(key)'", ja: "必須のキー '\(key)' がありません") }
    return value
  }

  mutating func optional(_ key: String) -> JSONNode? {
    used.insert(key)
    return members.first { $0.key == key }?.value
  }

  func finish() throws(RateFileError) {
    if let unknown = members.first(where: { !used.contains($0.key) }) {
      throw decoding.fail(unknown.value, keyPath(unknown.key), "unknown key '\(unknown.key)'", ja: "不明なキー '\(unknown.key)'")
    }
  }
}
