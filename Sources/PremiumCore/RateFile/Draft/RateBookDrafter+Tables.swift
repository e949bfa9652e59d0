/// The tables of a brochure's text: each found by its heading (past a table of contents), its
/// rows read by plan code, by order under a plan list, or across; a table printed again with other
/// figures, and column headers in another order, listed.
extension DraftReader {
  /// A table of the template with the line its heading was found on.
  struct Located {
    let table: RateTable
    let heading: Int
    /// The cell of the heading line that holds the title (tables sharing a line, side by side).
    let cell: Int
  }

  /// The tables found, each with its rows, in the template's order.
  ///
  /// A heading with no rows under it (a table of contents, a sentence naming the table) gives way
  /// to the next line that prints it. A heading printed again further on with other figures
  /// under it (last year's table, a comparison, a second brochure) is listed, never chosen in
  /// silence.
  mutating func readTables() -> [(table: RateTable, rows: [DraftRow])] {
    var located: [Located] = []
    var from = 0
    for table in template.tables {
      guard let found = heading(of: table.title, from: from) ?? heading(of: table.title, from: 0) else {
        unresolved.append(.init(kind: .tableNotFound(table: table.id), line: nil))
        continue
      }
      located.append(Located(table: table, heading: found.line, cell: found.cell))
      from = found.line
    }
    var read = readLocated(located)
    // Tables with no rows move to the next line that prints their heading, a few times at most.
    for _ in 0..<8 {
      let moved = located.indices.compactMap { i -> Int? in
        guard read[located[i].table.id]?.isEmpty ?? true,
          let next = heading(of: located[i].table.title, from: located[i].heading + 1)
        else { return nil }
        located[i] = Located(table: located[i].table, heading: next.line, cell: next.cell)
        return i
      }
      guard !moved.isEmpty else { break }
      for (id, rows) in readLocated(located) where moved.contains(where: { located[$0].table.id == id }) { read[id] = rows }
    }
    checkReprints(located, &read)
    checkColumnOrder(located)
    var out: [(RateTable, [DraftRow])] = []
    for table in template.tables {
      guard let rows = read[table.id], !rows.isEmpty else {
        if located.contains(where: { $0.table.id == table.id }) {
          unresolved.append(.init(kind: .tableNotFound(table: table.id), line: nil))
        }
        continue
      }
      out.append((table, rows))
    }
    return out
  }

  /// The rows under each heading line, for the tables located there.
  mutating func readLocated(_ located: [Located]) -> [String: [DraftRow]] {
    let headings = Array(Set(located.map(\.heading))).sorted()
    var read: [String: [DraftRow]] = [:]
    for (g, line) in headings.enumerated() {
      let group = located.filter { $0.heading == line }
      let end = min(g + 1 < headings.count ? headings[g + 1] : text.lines.count, line + 80, text.lines.count)
      for (id, rows) in readGroup(group, heading: line, end: end) { read[id] = rows }
    }
    return read
  }

  /// Every other line that prints a heading line whole: the tables under it are read again, and
  /// a table whose figures differ there is listed. The draft keeps the first printing, unless
  /// only it is marked as last year's (改定前, 前年度, ご参考, 旧).
  mutating func checkReprints(_ located: [Located], _ read: inout [String: [DraftRow]]) {
    let headings = Set(located.map(\.heading))
    for line in headings.sorted() {
      let group = located.filter { $0.heading == line }
      // The heading line as printed, or for a table printed across it, its title up to the figures.
      let key = Self.headingKey(text.lines[line], across: segments[line].isEmpty && loose[line].count >= 2)
      guard key.count >= 4 else { continue }
      for other in text.lines.indices where other != line && !headings.contains(other) && TextIndex.contains(text.lines[other].compact, key) {
        let next = headings.filter { $0 > other }.min() ?? text.lines.count
        let saved = unresolved
        let again = readGroup(
          group.map { Located(table: $0.table, heading: other, cell: $0.cell) }, heading: other, end: min(next, other + 80, text.lines.count))
        unresolved = saved
        for table in group.map(\.table) {
          guard let first = read[table.id], let second = again[table.id], !second.isEmpty,
            Set(first.map(\.code)) == Set(second.map(\.code)) || first.count == second.count,
            first.map({ $0.code + ":" + $0.cells.map(\.reading).joined(separator: ",") })
              != second.map({ $0.code + ":" + $0.cells.map(\.reading).joined(separator: ",") })
          else { continue }
          let (firstMarked, secondMarked) = (marksLastYear(line), marksLastYear(other))
          let keepSecond = firstMarked && !secondMarked
          if keepSecond { read[table.id] = second }
          let marked = firstMarked ? line : secondMarked ? other : nil
          unresolved.append(
            .init(
              kind: .tablePrintedTwice(
                table: table.id, kept: text.lines[keepSecond ? other : line].number, marked: marked.map { text.lines[$0].number }),
              line: text.lines[min(line, other)].number, also: [text.lines[max(line, other)].number]))
        }
      }
    }
  }

  /// The letters of a heading line, up to its first figure when a table is printed across it.
  static func headingKey(_ line: BrochureText.Line, across: Bool) -> [Unicode.Scalar] {
    guard across else { return line.compact }
    return Array(line.compact.prefix { !TextIndex.isDigit($0) })
  }

  /// Whether the heading at `line`, or one of the three lines above it, says that what follows
  /// is last year's or for reference.
  func marksLastYear(_ line: Int) -> Bool {
    let words = ["改定前", "前年度", "昨年度", "ご参考", "参考", "旧保険料", "(旧)", "旧プラン"].map { TextIndex.compact($0) }
    return (max(0, line - 3)...line).contains { i in words.contains { TextIndex.contains(text.lines[i].compact, $0) } }
  }

  /// For a table of two or more columns, the first line under its heading that prints every
  /// column's name as a cell: the names must stand in the template's order, or the columns may
  /// have been swapped.
  mutating func checkColumnOrder(_ located: [Located]) {
    for l in located where l.table.columns.count >= 2 {
      let names = l.table.columns.map { TextIndex.compact($0) }
      for i in l.heading..<min(l.heading + 16, text.lines.count) {
        let cells = text.lines[i].cells.map { TextIndex.compact($0) }
        let positions = names.map { name in cells.firstIndex(of: name) }
        guard positions.allSatisfy({ $0 != nil }) else { continue }
        let order = positions.compactMap { $0 }
        if order != order.sorted() {
          let printed = order.sorted().map { text.lines[i].cells[$0] }
          unresolved.append(.init(kind: .columnOrder(table: l.table.id, printed: printed), line: text.lines[i].number))
        }
        break
      }
    }
  }

  /// The first line at or after `from` holding the longest prefix of `title` (at least four
  /// characters, or the whole title), and the cell it stands in.
  func heading(of title: String, from: Int) -> (line: Int, cell: Int)? {
    let key = TextIndex.compact(title)
    guard !key.isEmpty else { return nil }
    let minimum = min(4, key.count)
    func firstLine(_ length: Int) -> Int? {
      let prefix = Array(key.prefix(length))
      return text.lines.indices.dropFirst(from).first { TextIndex.contains(text.lines[$0].compact, prefix) }
    }
    guard firstLine(minimum) != nil else { return nil }
    // Containing a prefix is monotone in its length: search for the longest.
    var (low, high) = (minimum, key.count)
    while low < high {
      let mid = (low + high + 1) / 2
      if firstLine(mid) != nil { low = mid } else { high = mid - 1 }
    }
    guard let line = firstLine(low) else { return nil }
    let prefix = Array(key.prefix(low))
    let cell = text.lines[line].cells.firstIndex { TextIndex.contains(Array(TextIndex.compact($0)), prefix) } ?? 0
    return (line, cell)
  }

  /// Reads the tables whose headings share one line, up to `end`.
  mutating func readGroup(_ group: [Located], heading: Int, end: Int) -> [String: [DraftRow]] {
    // A table printed across: codes in a header row, the figures on the heading's own line.
    if group.count == 1, loose[heading].count >= 2, segments[heading].isEmpty {
      return [group[0].table.id: across(group[0].table, heading: heading)]
    }
    let blocks = codedBlocks(from: heading + 1, to: end)
    if !blocks.isEmpty {
      var out: [String: [DraftRow]] = [:]
      var used: Set<Int> = []
      for located in group {
        let codes = Set(located.table.rows.map(\.plan))
        let scored = blocks.indices.filter { !used.contains($0) }.map { b in
          (b, blocks[b].filter { codes.contains($0.code) }.count)
        }
        guard let best = scored.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }), best.1 > 0 else { continue }
        used.insert(best.0)
        out[located.table.id] = blocks[best.0]
      }
      return out
    }
    return ordered(group, heading: heading, end: end)
  }

  /// Runs of lines with coded rows: `S1 1,000万円 100万円 なし 29,380円 P1 …`.
  func codedBlocks(from start: Int, to end: Int) -> [[DraftRow]] {
    var blocks: [[DraftRow]] = []
    var current: [DraftRow] = []
    for i in start..<max(start, end) {
      let figuresBefore = loose[i].filter { $0 != .dash }.compactMap(\.printed)
      let rows = segments[i].filter { !$0.cells.isEmpty }.enumerated().map { k, segment in
        DraftRow(
          code: segment.code, cells: segment.cells, limits: Self.limits(segment.amounts), line: text.lines[i].number,
          before: k == 0 && !figuresBefore.isEmpty ? figuresBefore.joined(separator: " ") : nil)
      }
      if rows.isEmpty {
        if !text.lines[i].isBlank, !current.isEmpty {
          blocks.append(current)
          current = []
        }
        continue
      }
      current += rows
    }
    if !current.isEmpty { blocks.append(current) }
    return blocks
  }

  /// Rows without codes (byoin-kyosaikai 〈6〉): the first run of lines of figures after the
  /// heading, each table taking its columns in the order its title stands in the heading line,
  /// and the rows taking the codes of the plan list printed before it, in order.
  mutating func ordered(_ group: [Located], heading: Int, end: Int) -> [String: [DraftRow]] {
    var rows: [(cells: [DraftCell], line: Int)] = []
    for i in (heading + 1)..<max(heading + 1, end) {
      if !loose[i].isEmpty, segments[i].isEmpty {
        rows.append((loose[i], text.lines[i].number))
      } else if !rows.isEmpty, !text.lines[i].isBlank, !text.lines[i].compact.allSatisfy({ $0 == "-" || $0 == ":" }) {
        break
      }
    }
    guard !rows.isEmpty else { return [:] }
    var out: [String: [DraftRow]] = [:]
    var offset = 0
    for located in group.sorted(by: { $0.cell < $1.cell }) {
      let table = located.table
      let width = table.columns.count
      let families = Set(table.rows.compactMap { template.plan($0.plan)?.family })
      let codes = planList(before: heading, families: families)
      var read: [DraftRow] = []
      for (r, row) in rows.enumerated() {
        guard r < codes.count else {
          unresolved.append(.init(kind: .extraRow(table: table.id), line: row.line))
          continue
        }
        guard row.cells.count >= offset + width else {
          unresolved.append(.init(kind: .cellCount(table: table.id, plan: codes[r], found: max(0, row.cells.count - offset), expected: width), line: row.line))
          continue
        }
        read.append(DraftRow(code: codes[r], cells: Array(row.cells[offset..<(offset + width)]), limits: nil, line: row.line))
      }
      out[table.id] = read
      offset += width
    }
    return out
  }

  /// The codes of the nearest list of plans above `line` whose rows start with a code of one
  /// of `families` and print its limits (`| S1 | 1,000万円 | 100万円 |`).
  func planList(before line: Int, families: Set<String>) -> [String] {
    var codes: [String] = []
    var i = line - 1
    while i >= 0 {
      let first = segments[i].first
      if let first, first.amounts.count >= 2, let plan = familyOf(first.code), families.contains(plan) {
        codes.append(first.code)
      } else if !codes.isEmpty, !text.lines[i].isBlank {
        break
      }
      i -= 1
    }
    return codes.reversed()
  }

  func familyOf(_ code: String) -> String? {
    if let plan = template.plan(code) { return plan.family }
    let letters = String(code.prefix { $0.isUppercase })
    return template.families[letters] != nil ? letters : nil
  }

  /// A table printed across (kumamoto-hokeni's 基本プラン保険料): the codes from the nearest
  /// line above with as many codes as the heading line has figures.
  mutating func across(_ table: RateTable, heading: Int) -> [DraftRow] {
    let cells = loose[heading]
    guard let header = (max(0, heading - 12)..<heading).reversed().first(where: { segments[$0].count == cells.count }) else {
      unresolved.append(.init(kind: .tableNotFound(table: table.id), line: text.lines[heading].number))
      return []
    }
    let codes = segments[header].map(\.code)
    return zip(codes, cells).map {
      DraftRow(code: $0, cells: [$1], limits: acrossLimits(code: $0, header: header, heading: heading), line: text.lines[heading].number)
    }
  }

  /// Limits printed across under the header, one line per coverage marked ① or ②.
  func acrossLimits(code: String, header: Int, heading: Int) -> Limits? {
    let codes = segments[header].map(\.code)
    guard let column = codes.firstIndex(of: code) else { return nil }
    var byMarker: [Unicode.Scalar: Yen] = [:]
    for i in (header + 1)..<heading {
      let amounts = text.lines[i].tokens.compactMap { token -> Yen? in
        if case .amount(let value, _) = token { return Yen(value) }
        return nil
      }
      guard amounts.count == codes.count else { continue }
      for marker in ["①", "②", "③", "④"] as [Unicode.Scalar] where text.lines[i].compact.contains(marker) && byMarker[marker] == nil {
        byMarker[marker] = amounts[column]
      }
    }
    guard let liability = byMarker["①"], let incident = byMarker["②"] else { return nil }
    return Limits(liability: liability, incidentResponse: incident, lostProfit: byMarker["③"], businessContinuation: byMarker["④"])
  }
}
