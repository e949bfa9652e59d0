/// The program-level parts of a rate file: period, edition, eligibility, security, cover,
/// notes, conditions and the availability rules.
extension Decoding {
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
      readFirst: try o.optional("read_first").map { node throws(RateFileError) in try sourced(node, "conditions.read_first") },
      importantMatters: try o.optional("important_matters").map { node throws(RateFileError) in try importantMatters(node) } ?? [])
    try o.finish()
    return result
  }

  func importantMatters(_ node: JSONNode) throws(RateFileError) -> [Conditions.ImportantMatter] {
    let path = "conditions.important_matters"
    return try array(node, path).enumerated().map { i, item throws(RateFileError) in
      var o = try object(item, "\(path)[\(i)]")
      let kindNode = try o.required("kind")
      let raw = try string(kindNode, "\(path)[\(i)].kind")
      guard let kind = Conditions.ImportantMatter.Kind(rawValue: raw) else {
        let known = Conditions.ImportantMatter.Kind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        throw fail(kindNode, "\(path)[\(i)].kind", "expected one of \(known), got '\(raw)'", ja: "\(known) のいずれかのはずですが '\(raw)' です")
      }
      let matter = Conditions.ImportantMatter(
        kind: kind, text: try string(o.required("text"), "\(path)[\(i)].text"), source: try string(o.required("source"), "\(path)[\(i)].source"))
      try o.finish()
      return matter
    }
  }

  func exclusions(_ node: JSONNode) throws(RateFileError) -> Exclusions {
    let path = "conditions.exclusions"
    var o = try object(node, path)
    let source = try string(o.required("source"), path + ".source")
    let lead = try optionalString(o.required("lead"), path + ".lead")
    let listed = try o.optional("list").map { n throws(RateFileError) in try bool(n, path + ".list") } ?? true
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
    return Exclusions(source: source, lead: lead, parts: parts, printedAsList: listed)
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
}
