/// The warnings of `rates check`: what a brochure may print, but typing gets wrong far more
/// often. None of them stops a file; `rates check --strict` makes them errors.
///
/// - within a table and family, a premium that does not rise with the limits;
/// - a leak-only plan (情報漏えい限定) dearer than the all-risk plan with the same limits;
/// - a figure more than 5 times, or less than a fifth of, its neighbours in the column;
/// - a date in a deadline or the mid-term joining rule that contradicts the period, or a printed
///   weekday that is not the date's;
/// - against last year's book: a figure that moved more than ±15%, a plan added or removed;
/// - a text holding a control character (an escape, a line break, a bidirectional override),
///   which no brochure prints and which screens show escaped.
enum RateBookSanity {
  typealias Warning = RateBookCheck.Warning

  static func warnings(_ program: Program, at located: RateBookCheck.Locator) -> [Warning] {
    var out: [Warning] = []
    for (t, table) in program.tables.enumerated() {
      out += risingWithLimits(program, table, t, at: located)
      out += leakOnlyNotDearer(program, table, t, at: located)
      out += outOfScale(program, table, t, at: located)
    }
    out += datesAgainstPeriod(program, at: located)
    out += controlCharacters(located.root, path: "", at: located)
    return out
  }

  // MARK: - Texts

  /// Every string value holding one of the ``ControlCharacters``, by its JSON path. The rate
  /// parser bounds nesting, so the recursion is shallow.
  private static func controlCharacters(_ node: JSONNode, path: String, at located: RateBookCheck.Locator) -> [Warning] {
    switch node.value {
    case .string(let text):
      let found = text.unicodeScalars.filter(ControlCharacters.contains)
      guard let first = found.first else { return [] }
      let hex = String(first.value, radix: 16, uppercase: true)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      return [
        located.warning(
          path, "text holds \(found.count) control character(s), the first \(code); screens show them escaped",
          ja: "文言に制御文字が \(found.count) 個あります（最初は \(code)）。画面ではエスケープして表示します")
      ]
    case .object(let members):
      return members.flatMap { controlCharacters($0.value, path: path.isEmpty ? $0.key : path + "." + $0.key, at: located) }
    case .array(let elements):
      return elements.enumerated().flatMap { controlCharacters($1, path: path + "[\($0)]", at: located) }
    default:
      return []
    }
  }

  // MARK: - Within a table

  /// Rows in `table` as (index, plan, limits for the table's facilities).
  private static func rows(_ program: Program, _ table: RateTable) -> [(index: Int, row: RateRow, plan: Plan, limits: Limits)] {
    table.rows.enumerated().compactMap { r, row in
      guard let plan = program.plan(row.plan) else { return nil }
      return (r, row, plan, table.limitOverrides[plan.code] ?? plan.limits)
    }
  }

  private static func limitKey(_ l: Limits) -> [Int64] {
    [l.liability.amount, l.incidentResponse.amount, l.lostProfit?.amount ?? 0, l.businessContinuation?.amount ?? 0]
  }

  /// Sorted by limits within each family, a row whose limits cover the previous row's and more
  /// must cost more, column by column. Sorting keeps it to n log n for any number of rows.
  private static func risingWithLimits(_ program: Program, _ table: RateTable, _ t: Int, at located: RateBookCheck.Locator) -> [Warning] {
    var out: [Warning] = []
    let byFamily = Dictionary(grouping: rows(program, table), by: \.plan.family)
    for family in byFamily.keys.sorted() {
      let sorted = (byFamily[family] ?? []).sorted {
        let (a, b) = (limitKey($0.limits), limitKey($1.limits))
        return a == b ? $0.index < $1.index : a.lexicographicallyPrecedes(b)
      }
      for (lower, higher) in zip(sorted, sorted.dropFirst()) {
        let (a, b) = (limitKey(lower.limits), limitKey(higher.limits))
        guard a != b, zip(a, b).allSatisfy({ $0 <= $1 }) else { continue }
        for k in higher.row.values.indices where k < lower.row.values.count && higher.row.values[k] <= lower.row.values[k] {
          out.append(
            located.warning(
              "tables[\(t)].rows[\(higher.index)][\(k + 1)]", table: table.id, plan: higher.plan.code,
              "\(YenFormat.grouped(higher.row.values[k].amount)) yen does not rise above \(lower.plan.code)'s \(YenFormat.grouped(lower.row.values[k].amount)) yen"
                + " though its limits are higher (\(limitText(higher.limits)) against \(limitText(lower.limits)))",
              ja: "\(YenFormat.grouped(higher.row.values[k].amount))円が \(lower.plan.code) の \(YenFormat.grouped(lower.row.values[k].amount))円を上回っていません"
                + "（保険金額はこちらが高い: \(limitText(higher.limits)) と \(limitText(lower.limits))）"))
        }
      }
    }
    return out
  }

  private static func limitText(_ l: Limits) -> String {
    l.entries.map { $0.coverage.marker + YenFormat.limit($0.limit) }.joined(separator: " ")
  }

  /// The program's leak-only and all-risk families, by the names it prints.
  private static func families(_ program: Program) -> (leakOnly: Set<String>, allRisk: Set<String>) {
    let leakOnly = Set(program.families.filter { $0.value.contains("漏えい限定") }.keys)
    let allRisk = Set(program.families.filter { $0.value.contains("オールリスク") }.keys)
    return (leakOnly, allRisk)
  }

  private static func leakOnlyNotDearer(_ program: Program, _ table: RateTable, _ t: Int, at located: RateBookCheck.Locator) -> [Warning] {
    let (leakOnly, allRisk) = families(program)
    guard !leakOnly.isEmpty, !allRisk.isEmpty else { return [] }
    let all = rows(program, table)
    var allRiskByLimits: [Limits: (row: RateRow, plan: Plan)] = [:]
    for entry in all where allRisk.contains(entry.plan.family) && allRiskByLimits[entry.limits] == nil {
      allRiskByLimits[entry.limits] = (entry.row, entry.plan)
    }
    var out: [Warning] = []
    for entry in all where leakOnly.contains(entry.plan.family) {
      guard let other = allRiskByLimits[entry.limits] else { continue }
      for k in entry.row.values.indices where k < other.row.values.count && entry.row.values[k] > other.row.values[k] {
        out.append(
          located.warning(
            "tables[\(t)].rows[\(entry.index)][\(k + 1)]", table: table.id, plan: entry.plan.code,
            "the leak-only plan costs \(YenFormat.grouped(entry.row.values[k].amount)) yen, more than the all-risk \(other.plan.code)"
              + " with the same limits (\(YenFormat.grouped(other.row.values[k].amount)) yen)",
            ja: "情報漏えい限定プランが \(YenFormat.grouped(entry.row.values[k].amount))円で、同じ保険金額のオールリスク \(other.plan.code)"
              + "（\(YenFormat.grouped(other.row.values[k].amount))円）より高くなっています"))
      }
    }
    return out
  }

  /// Each figure against the figures of the rows before and after it in its family and column.
  private static func outOfScale(_ program: Program, _ table: RateTable, _ t: Int, at located: RateBookCheck.Locator) -> [Warning] {
    var out: [Warning] = []
    let byFamily = Dictionary(grouping: rows(program, table), by: \.plan.family)
    for family in byFamily.keys.sorted() {
      let members = byFamily[family] ?? []
      for (i, entry) in members.enumerated() {
        let neighbours = [i > 0 ? members[i - 1] : nil, i + 1 < members.count ? members[i + 1] : nil].compactMap { $0 }
        for k in entry.row.values.indices {
          let value = entry.row.values[k].amount
          let around = neighbours.compactMap { k < $0.row.values.count ? $0.row.values[k].amount : nil }
          guard !around.isEmpty else { continue }
          let (low, high) = (around.min() ?? 0, around.max() ?? 0)
          // Division, not multiplication, so that no figure can overflow.
          let tooLarge = value / 5 > high || (value / 5 == high && value % 5 > 0)
          let tooSmall = low / 5 > value || (low / 5 == value && low % 5 > 0)
          guard tooLarge || tooSmall else { continue }
          let names = neighbours.map(\.plan.code).joined(separator: ", ")
          out.append(
            located.warning(
              "tables[\(t)].rows[\(entry.index)][\(k + 1)]", table: table.id, plan: entry.plan.code,
              "\(YenFormat.grouped(value)) yen is \(tooLarge ? "more than 5 times" : "less than a fifth of") its neighbours' (\(names):"
                + " \(around.map { YenFormat.grouped($0) }.joined(separator: ", ")) yen)",
              ja: "\(YenFormat.grouped(value))円は前後の行（\(names): \(around.map { YenFormat.grouped($0) }.joined(separator: "、"))円）の"
                + (tooLarge ? "5倍を超えています" : "5分の1未満です")))
        }
      }
    }
    return out
  }

  // MARK: - Dates in texts

  private static func datesAgainstPeriod(_ program: Program, at located: RateBookCheck.Locator) -> [Warning] {
    var texts: [(path: String, text: String, isDeadline: Bool)] = program.conditions.deadlines.enumerated().map {
      ("conditions.deadlines[\($0.offset)]", $0.element, true)
    }
    if let rule = program.conditions.midTermJoining { texts.append(("conditions.mid_term_joining.text", rule.text, false)) }
    var out: [Warning] = []
    for (path, text, isDeadline) in texts {
      for found in JapaneseDates.scan(text) {
        guard let date = found.date else { continue }
        if let printed = found.weekday, printed != JapaneseDates.weekday(of: date) {
          let actual = JapaneseDates.weekday(of: date)
          out.append(
            located.warning(
              path, "\(date) is a (\(actual)) day, not the (\(printed)) printed beside it", ja: "\(date) は (\(actual)) で、横に印刷された (\(printed)) ではありません"))
        }
        guard let period = program.period else { continue }
        let contradicts: Bool
        if isDeadline {
          // A deadline falls before the period ends, and within the year before it starts.
          let yearBefore = CalendarDate(year: period.start.year - 1, month: period.start.month, day: min(period.start.day, 28)) ?? period.start
          contradicts = period.end < date || date < yearBefore
        } else {
          contradicts = date < period.start || period.end < date
        }
        if contradicts {
          out.append(
            located.warning(
              path, "\(date) in \(isDeadline ? "a deadline" : "the mid-term joining rule") contradicts the period \(period.iso)",
              ja: "\(isDeadline ? "申込締切" : "中途加入の規定")の \(date) が保険期間 \(period.japanese) と合いません"))
        }
      }
    }
    return out
  }

  // MARK: - Against last year's book

  /// Figures that moved more than ±15% from `previous`, and plans added or removed.
  static func movesFromPrevious(_ program: Program, previous: Program, at located: RateBookCheck.Locator) -> [Warning] {
    var out: [Warning] = []
    let oldCodes = Set(previous.plans.map(\.code))
    let newCodes = Set(program.plans.map(\.code))
    for (p, plan) in program.plans.enumerated() where !oldCodes.contains(plan.code) {
      out.append(located.warning("plans[\(p)]", plan: plan.code, "plan added since last year's book", ja: "前年の料率からプランが増えています"))
    }
    for plan in previous.plans where !newCodes.contains(plan.code) {
      out.append(located.warning("plans", plan: plan.code, "plan removed since last year's book", ja: "前年の料率からプランが減っています"))
    }
    let previousTables = Dictionary(previous.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (t, table) in program.tables.enumerated() {
      guard let old = previousTables[table.id] else { continue }
      for (r, row) in table.rows.enumerated() {
        guard let oldRow = old.row(for: row.plan) else { continue }
        for (k, value) in row.values.enumerated() where k < oldRow.values.count {
          let (was, now) = (oldRow.values[k].amount, value.amount)
          // |now − was| > 15% of was, in integers: 20 × |now − was| > 3 × was.
          let moved = now >= was ? now - was : was - now
          let (twenty, overflow) = moved.multipliedReportingOverflow(by: 20)
          guard overflow || twenty > (was > Int64.max / 3 ? Int64.max : was * 3) else { continue }
          out.append(
            located.warning(
              "tables[\(t)].rows[\(r)][\(k + 1)]", table: table.id, plan: row.plan,
              "\(YenFormat.grouped(now)) yen moved more than ±15% from last year's \(YenFormat.grouped(was)) yen",
              ja: "\(YenFormat.grouped(now))円は前年の \(YenFormat.grouped(was))円から±15%を超えて変わっています"))
        }
      }
    }
    return out
  }
}
