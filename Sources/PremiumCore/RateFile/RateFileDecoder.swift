/// Reads a rate file (format 1, documented in `rates/README.md`) into a ``Program``.
///
/// Strict on purpose: an unknown key, a plan a table does not know, a row with the wrong number
/// of figures or a duplicate plan code is an error naming the file, line and JSON path, because a
/// mistyped brochure figure must never turn into a premium.
package enum RateFileDecoder {
  package static let formatVersion: Int64 = 1

  package static func decode(_ text: String, file: String) throws(RateFileError) -> Program {
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

/// The decoding pass of one rate file: `file` goes into every error; the reader of each part of
/// the format is here (the program, its plans and the values), in `+Tables` and in `+Rules`.
struct Decoding {
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
struct ObjectReader {
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

extension Program {
  /// The program a rate file (JSON, see docs/rate-files.md) describes, checked as the command
  /// line checks `--rates`; `file` names it in errors. Goes into a ``Catalog`` with
  /// ``Catalog/adding(_:)`` or ``Catalog/replacing(_:)``.
  public init(rateFile text: String, file: String) throws(RateFileError) {
    self = try RateFileDecoder.decode(text, file: file)
  }
}
