/// The brochure's words around the tables, read again in the new text: conditions, notes,
/// contacts, exclusions, names, and the citations that point into the brochure.
extension DraftReader {
  mutating func assembleConditions(_ changes: inout [RateBookDraft.Change]) -> Conditions {
    let old = template.conditions
    var deadlines: [String] = []
    var deadlineLine: Int?
    for (d, deadline) in old.deadlines.enumerated() {
      guard let match = stream.match(shapeOf: deadline) else {
        unresolved.append(.init(kind: .unconfirmedText(field: "conditions.deadlines[\(d)]", text: deadline, kept: false), line: nil))
        continue
      }
      deadlines.append(Self.sameText(match.printed, deadline) ? deadline : match.printed)
      deadlineLine = deadlineLine ?? match.line
    }
    if deadlines != old.deadlines {
      changes.append(.init(field: "deadlines", old: .array(old.deadlines.map { .string($0) }), new: .array(deadlines.map { .string($0) }), line: deadlineLine))
    }
    var midTerm: MidTermJoining?
    if let rule = old.midTermJoining {
      if let match = stream.match(shapeOf: rule.text) {
        let oldNumbers = TextStream.Shape(rule.text).match(TextStream.units(rule.text), at: 0)?.numbers ?? []
        func reread(_ value: Int) -> Int {
          guard let at = oldNumbers.firstIndex(of: value), at < match.numbers.count else { return value }
          return match.numbers[at]
        }
        let text = Self.sameText(match.printed, rule.text) ? rule.text : match.printed
        midTerm = MidTermJoining(
          receivedByDay: reread(rule.receivedByDay), startDay: reread(rule.startDay), text: text,
          source: cite(rule.source, "conditions.mid_term_joining.source"))
        // The citation follows the new brochure; the rule changed only if its days or words did.
        if let m = midTerm, (m.receivedByDay, m.startDay, m.text) != (rule.receivedByDay, rule.startDay, rule.text) {
          changes.append(.init(field: "mid_term_joining", old: Self.json(rule), new: Self.json(midTerm), line: match.line))
        }
      } else {
        unresolved.append(.init(kind: .unconfirmedText(field: "conditions.mid_term_joining", text: rule.text, kept: false), line: nil))
        changes.append(.init(field: "mid_term_joining", old: Self.json(rule), new: .null, line: nil))
      }
    }
    let cap = old.aggregateCap.flatMap { cap in
      reread(cap.text, "conditions.aggregate_cap.text").map { SourcedText(text: $0, source: cite(cap.source, "conditions.aggregate_cap.source")) }
    }
    let contacts = old.contacts.enumerated().compactMap { reread($1, "conditions.contacts[\($0)]") }
    // The exclusions item by item: each kept where the new brochure prints it, the rest listed.
    let exclusions = old.exclusions.flatMap { e -> Exclusions? in
      let parts = e.parts.enumerated().compactMap { i, part -> Exclusions.Part? in
        let items = part.items.enumerated().compactMap { reread($1, "conditions.exclusions.parts[\(i)].items[\($0)]") }
        return items.isEmpty ? nil : Exclusions.Part(heading: part.heading, items: items, more: part.more)
      }
      return parts.isEmpty
        ? nil : Exclusions(source: cite(e.source, "conditions.exclusions.source"), lead: e.lead, parts: parts, printedAsList: e.printedAsList)
    }
    let readFirst = old.readFirst.flatMap { r in
      reread(r.text, "conditions.read_first.text").map { SourcedText(text: $0, source: cite(r.source, "conditions.read_first.source")) }
    }
    let matters = old.importantMatters.enumerated().compactMap { i, m in
      reread(m.text, "conditions.important_matters[\(i)].text").map {
        Conditions.ImportantMatter(kind: m.kind, text: $0, source: cite(m.source, "conditions.important_matters[\(i)].source"))
      }
    }
    return Conditions(
      aggregateCap: cap, deadlines: deadlines, midTermJoining: midTerm, contacts: contacts, exclusions: exclusions, readFirst: readFirst,
      importantMatters: matters)
  }

  /// Whether the brochure prints any payment mode at all (kumamoto-hokeni and jhef print none).
  func confirmsPayment() -> Bool {
    ["一括払", "12回払"].contains { mode in text.lines.contains { TextIndex.contains($0.compact, TextIndex.compact(mode)) } }
  }

  /// A citation of last year's brochure (`003 ■中途加入`) as one of the new one (`fukuoka-2026
  /// ■中途加入`): the brochure's short name (its file name up to `_` or `.`) replaced, and the
  /// heading looked for in the new text; one not found is listed.
  mutating func cite(_ source: String, _ field: String) -> String {
    let prefix = Self.shortName(template.source) + " "
    guard source.hasPrefix(prefix) else { return source }
    let heading = String(source.dropFirst(prefix.count))
    let cited = Self.shortName(brochure) + " " + heading
    // Each run of letters of the heading (`10`, `病院の保険料`) may stand on a line of its own.
    let parts = TextIndex.compact(heading).split { !TextIndex.isLetter($0) }.filter { $0.count >= 2 }
    if parts.contains(where: { index.find(String(String.UnicodeScalarView($0))) == nil }) {
      unresolved.append(.init(kind: .citationNotFound(field: field, source: cited), line: nil))
    }
    return cited
  }

  /// `003` for `003_40390978eb5bc4ce.txt`, `fukuoka-2026` for `fukuoka-2026.txt`.
  static func shortName(_ file: String) -> String { String(file.prefix { $0 != "_" && $0 != "." }) }

  /// A required text (a name, who may join): read again as ``reread(_:_:required:)`` does, and
  /// kept when the new brochure does not print it.
  mutating func keep(_ text: String, _ field: String) -> String {
    reread(text, field, required: true) ?? text
  }

  /// A text of last year's book that the rate book shows as the brochure's, in the new text:
  /// - printed again (whatever the spacing, punctuation and line breaks): kept as it was;
  /// - printed with other numbers, dates or weekdays in the same words (a deadline moved): the
  ///   new words as printed, listed as a change with their line;
  /// - its words changed where it stood: kept, and listed with the new line beside it;
  /// - not printed: listed, and kept only when `required`. Nothing is dropped in silence.
  mutating func reread(_ old: String, _ field: String, required: Bool = false) -> String? {
    if let match = stream.match(shapeOf: old) {
      if Self.sameText(match.printed, old) { return old }
      textChanges.append(.init(field: field, old: .string(old), new: .string(match.printed), line: match.line))
      return match.printed
    }
    if let at = index.find(old) {
      unresolved.append(.init(kind: .wordingChanged(field: field, text: old, printed: text.lines[at].text.trimmingSpaces), line: text.lines[at].number))
      return old
    }
    unresolved.append(.init(kind: .unconfirmedText(field: field, text: old, kept: required), line: nil))
    return required ? old : nil
  }

  /// The same words and numbers, whatever the spacing, punctuation and compatibility characters.
  static func sameText(_ a: String, _ b: String) -> Bool {
    TextIndex.letters(TextIndex.compact(a)) == TextIndex.letters(TextIndex.compact(b))
  }

  static func percent(_ value: Rational?) -> String {
    value.map { ($0.exactDecimalString() ?? "\($0)") + "%" } ?? "記載なし"
  }

  static func json(_ period: Period?) -> JSONOutput {
    guard let period else { return .null }
    return .object([("start", .string(period.start.description)), ("end", .string(period.end.description)), ("time", .string(period.time))])
  }

  static func json(_ rule: MidTermJoining?) -> JSONOutput {
    guard let rule else { return .null }
    return .object([
      ("received_by_day", .integer(rule.receivedByDay)), ("start_day", .integer(rule.startDay)), ("text", .string(rule.text)),
    ])
  }
}
