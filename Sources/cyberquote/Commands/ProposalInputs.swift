import PremiumCore

/// What the agency writes on a proposal besides the figures, as it gives it: the customer's
/// wishes (意向把握, 保険業法 §294-2), the reason for the plan it recommends, itself and the
/// page's dates.
struct ProposalTexts {
  var to: String?
  /// The agency's name.
  var from: String?
  /// The agency's contact line (registration number, address, phone, person in charge).
  var contact: String?
  /// The customer's wishes in their words, as first asked.
  var wishes: [String] = []
  /// The wishes at the end, shown beside the first ones.
  var finalWishes: [String] = []
  /// The kinds of cover the wishes ask for (`--wish-cover`): a proposed plan must be printed as
  /// covering each.
  var wishCover: [CoverSummary.Kind] = []
  /// Why the proposed plan is recommended (比較推奨).
  var reason: String?
  var validUntil: CalendarDate?

  /// The flags as given. A text flag given empty, or a validity date before the issue date, is
  /// an error: the page would otherwise say something the agency did not mean.
  init(_ args: ParsedArguments, today: CalendarDate?, command: String) throws(UsageError) {
    func text(_ name: String) throws(UsageError) -> String? {
      guard let value = args.value(name) else { return nil }
      guard !value.trimmingSpaces.isEmpty else { throw .missingValue(name, command: command) }
      return value
    }
    func texts(_ name: String) throws(UsageError) -> [String] {
      let values = args.allValues(name)
      if values.contains(where: { $0.trimmingSpaces.isEmpty }) { throw .missingValue(name, command: command) }
      return values
    }
    to = try text("--to")
    from = try text("--from")
    contact = try text("--contact")
    wishes = try texts("--wish")
    finalWishes = try texts("--final-wish")
    reason = try text("--reason")
    if let raw = args.value("--wish-cover") { wishCover = try CommonOptions.parseCoverKinds(raw, option: "--wish-cover", command: command) }
    if let raw = args.value("--valid-until") {
      guard let date = CalendarDate(iso: NumberText.halfWidth(raw)) else {
        throw .invalidValue(raw, option: "--valid-until", expected: .date, command: command)
      }
      if let today, date < today { throw .invalidValue(raw, option: "--valid-until", expected: .dateFrom(today), command: command) }
      validUntil = date
    }
  }
}

/// The comparison a proposal shows when several programs are put before the customer (比較推奨販売,
/// 保険業法施行規則 §234-21-2): the programs asked for, narrowed as the clerk asked, and for each
/// program left out, why.
struct ProposalComparison {
  /// The programs compared and left out (``ProgramComparison``).
  let comparison: ProgramComparison
  let today: CalendarDate?

  var filter: PlanFilter { comparison.filter }
  var requested: [String]? { comparison.requested }
  var rows: [Comparison.Row] { comparison.rows }
  var leftOut: [(program: Program, why: ProgramComparison.WhyLeftOut)] { comparison.leftOut }
  var pageRows: [Quote] { comparison.pageRows }

  init(_ args: ParsedArguments, request: QuoteRequest, catalog: Catalog, today: CalendarDate?, command: String) throws {
    let filter = try CommonOptions.parsePlanFilter(args, command: command)
    self.today = today
    var requested: Set<String>?
    if let list = args.value("--compare-programs") {
      var ids: Set<String> = []
      for name in list.split(separator: ",") {
        let id = try catalog.resolve(NumberText.halfWidth(String(name)).trimmingSpaces)
        _ = try catalog.entry(id)  // an unknown name is an error, named
        ids.insert(id)
      }
      requested = ids
    }
    comparison = try ProgramComparison(request, in: catalog, requested: requested, filter: filter, on: today)
  }

  /// The filters in words: 「①損害賠償 1億円以上」「プランの種類 S」「保険料の安い順」.
  static func filterWords(_ filter: PlanFilter, _ l: Language) -> [String] {
    var words: [String] = []
    if let minimum = filter.narrowing.minimumLiability {
      words.append(l.pick("①損害賠償 \(Wording.limit(minimum, l))以上", "① liability \(Wording.limit(minimum, l)) or more"))
    }
    if let family = filter.narrowing.family { words.append(l.pick("プランの種類 \(family)", "plan family \(family)")) }
    if !filter.narrowing.cover.isEmpty {
      words.append(
        l.pick("補償: ", "cover: ") + filter.narrowing.cover.map { Self.coverWord($0, l) }.joined(separator: l.pick("・", ", "))
          + l.pick("があると記載", " printed as covered"))
    }
    if filter.cheapestFirst { words.append(l.pick("保険料の安い順", "cheapest first")) }
    return words
  }

  /// A kind of cover in words.
  static func coverWord(_ kind: CoverSummary.Kind, _ l: Language) -> String {
    switch kind {
    case .cyberAttack: l.pick("サイバー攻撃", "cyber attacks")
    case .informationLeak: l.pick("情報漏えい", "information leaks")
    case .digitalContent: l.pick("デジタルコンテンツ不当事由", "digital content")
    case .otherITAccident: l.pick("その他のIT事故", "other IT accidents")
    case .ransom: l.pick("身代金", "ransom")
    case .businessInterruption: l.pick("喪失利益・利益損害", "business interruption")
    case .businessContinuity: l.pick("営業継続費用", "business continuity")
    }
  }

  /// The counts given, in words: 「一般病床 100床」「一般病床以外 20床」「定員 80人」.
  static func counts(_ request: QuoteRequest, _ l: Language) -> [String] {
    CountKind.allCases.compactMap { kind -> String? in
      switch kind {
      case .generalBeds: request.generalBeds.map { Wording.count(.generalBeds, $0, l) }
      case .otherBeds: request.otherBeds.map { Wording.count(.otherBeds, $0, l) }
      case .capacity: request.capacity.map { Wording.count(.capacity, $0, l) }
      }
    }
  }

  /// How the comparison was narrowed, in words, for the page and the record.
  struct Criteria {
    /// The facility as compared and the filters.
    var conditions: [String]
    /// Which programs were asked for.
    var scope: String
    /// The programs shown, by title; those whose period has ended are marked.
    var shown: [String]
    /// Each program shown and who may join it, as its brochure prints it.
    var entry: [(program: String, eligibility: String)]
    var leftOut: [(program: String, reason: String)]
  }

  func criteria(request: QuoteRequest, _ l: Language) -> Criteria {
    var facility = request.facility.name(l)
    let counts = Self.counts(request, l)
    if !counts.isEmpty { facility += l.pick("（", " (") + counts.joined(separator: l.pick("、", ", ")) + l.pick("）", ")") }
    var conditions = [l.pick("施設: ", "Facility: ") + facility]
    if let security = request.securityPercent, security != .zero {
      conditions.append(l.pick("セキュリティー割増引: ", "Security adjustment: ") + Wording.percent(security, l, signed: true))
    }
    let words = Self.filterWords(filter, l)
    conditions.append(
      l.pick("絞り込み: ", "Narrowed to: ") + (words.isEmpty ? l.pick("なし（すべてのプラン）", "none (every plan)") : words.joined(separator: l.pick("、", ", "))))
    // The tool's words, and true: the programs it holds, not the ones the facility may join
    // (each has its own entry condition, listed below in the brochure's words).
    let total = rows.count + leftOut.count
    let scope =
      requested.map { ids in l.pick("ご希望の制度（\(ids.count)）: ", "The programs asked for (\(ids.count)): ") + ids.joined(separator: ", ") }
      ?? l.pick(
        "本ツールに収録した\(total)制度のすべて。加入できるかどうかは各制度の加入資格によります（下記、パンフレットの記載）",
        "All \(total) programs the tool holds; whether the facility may join each depends on its entry condition (below, as printed)")
    let shown = rows.compactMap { row -> String? in
      guard case .menu(let menu, _) = row else { return nil }
      return Wording.programTitle(menu.program) + (periodMark(menu.program, l).map { l.pick("（\($0)）", " (\($0))") } ?? "")
    }
    let entry = rows.compactMap { row -> (String, String)? in
      guard case .menu(let menu, _) = row else { return nil }
      let p = menu.program
      return (Wording.programTitle(p), Wording.eligibility(p, l) + (p.eligibilitySource.map { l.pick("（出典 \($0)）", " (source \($0))") } ?? ""))
    }
    let leftOut = self.leftOut.map { program, why -> (String, String) in
      let reason: String
      switch why {
      case .notAsked: reason = l.pick("ご希望の比較対象外", "not asked for")
      case .cannotPrice(let error): reason = Wording.refusal(error, l)
      case .noPlanMeetsFilters: reason = l.pick("条件（", "no plan meets the filters (") + words.joined(separator: l.pick("、", ", ")) + l.pick("）に合うプランなし", ")")
      }
      return (Wording.programTitle(program), reason)
    }
    return Criteria(conditions: conditions, scope: scope, shown: shown, entry: entry, leftOut: leftOut)
  }

  /// 「保険期間終了」 for a program whose period ended by the issue date, 「日付の記載なし」 for one whose
  /// brochure prints no dates; nil for one in force.
  func periodMark(_ program: Program, _ l: Language) -> String? {
    ProposalComparison.periodMark(program, today: today, l)
  }

  static func periodMark(_ program: Program, today: CalendarDate?, _ l: Language) -> String? {
    guard let period = program.period else { return l.pick("日付の記載なし", "no dates printed") }
    if let today, period.hasEnded(by: today) { return l.pick("保険期間終了", "period ended") }
    return nil
  }
}
