import PremiumCore

/// `cyberquote quote`: one facility, one plan, one premium.
enum QuoteCommand {
  static let name = "quote"
  static let synopsis = Synopsis(required: ["--program", "--facility", "--plan"])

  static let specs: [OptionSpec] =
    [
      CommonOptions.program, CommonOptions.facility,
      OptionSpec(name: "--plan", valueName: "CODE") {
        $0.pick("プラン: S1～S7、P1、S1000、A～D など（小文字・全角も可）", "Plan code: S1–S7, P1, S1000, A–D … (lowercase and full-width accepted)")
      },
    ] + CommonOptions.counts + [
      CommonOptions.security,
      OptionSpec(name: "--option", valueName: "a|b|c") {
        $0.pick("利益補償オプション (\(HelpFacts.withOptions))", "Lost-profit option (\(HelpFacts.withOptions))")
      },
      OptionSpec(name: "--facilities", valueName: "N") {
        $0.pick(
          "施設数 1～1,000 (\(HelpFacts.proportional) は施設数に比例) (既定: 1)", "Number of facilities, 1 to 1,000 (\(HelpFacts.proportional) is proportional) (default: 1)"
        )
      },
      OptionSpec(name: "--group-discount", valueName: "PCT") {
        $0.pick("団体割引 0～30% で再計算（推定。既定: パンフレット記載の値）", "Re-price at this group discount, 0 to 30%: an estimate (default: the printed one)")
      },
      OptionSpec(name: "--installments", valueName: "N") {
        $0.pick(
          "払込回数 1～12 で再計算。1 = 一括払、12 = 月払 (既定: パンフレット記載の払込方法)",
          "Re-price for 1 to 12 payments a year; 1 = lump sum, 12 = monthly (default: the program's printed mode)")
      },
      OptionSpec(name: "--apply-date", valueName: "YYYY-MM-DD") {
        $0.pick("申込（受付）日: その日に受け付けた場合の補償期間を表示（中途加入の規定がある制度）", "Application day: show the cover it gets (for programs that print a mid-term joining rule)")
      },
      OptionSpec(name: "--explain", valueName: nil) {
        $0.pick("計算の全段階を出典つきで表示（JSON では steps 配列）", "Show every step of the calculation with its sources (a steps array in JSON)")
      },
      CommonOptions.format(["text", "json"]), CommonOptions.lang, CommonOptions.help,
    ]

  static func run(_ arguments: [String], context: Context) throws -> CommandOutput {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    let format = try CommonOptions.parseFormat(args, command: name, allowed: ["text", "json"])
    let request = try request(from: args)
    let applyDay = try applyDate(args)
    // The application day picks the contract year it joins: next year's book once it has started.
    var catalog = context.catalog
    if let applyDay { catalog.date = applyDay }
    let rates = try catalog.entry(request.program)
    let program = try rates.load()
    catalog.date = applyDay ?? context.today
    let quote = try Pricer.quote(request, in: program, on: context.today).adding(catalog.versionWarnings(for: program))
    var output = CommandOutput()
    // A deadline the application day has missed is said with the quote's own warnings.
    let late = applyDay.map { quote.program.deadlinesPassed(applyingOn: $0) } ?? []
    for warning in quote.warnings + late {
      output.warnings.append(Wording.warning(warning, programID: quote.program.id, context.language))
    }
    let explain = args.has("--explain")
    let cover = applyDay.map { CoverDates(program: quote.program, receivedOn: $0) }
    switch format {
    case "json":
      var json =
        explain ? QuoteRendering.explainedJSON(quote, context.language, rates: rates) : QuoteJSON.object(quote, language: context.language, rates: rates)
      if case .object(var members) = json {
        if !late.isEmpty, let i = members.firstIndex(where: { $0.0 == "warnings" }) {
          members[i].1 = .array((quote.warnings + late).map { .string(Wording.warning($0, programID: quote.program.id, context.language)) })
        }
        if let cover { members += QuoteRendering.coverJSON(cover, context.language) }
        json = .object(members)
      }
      output.text = json.pretty
    default:
      output.text = QuoteRendering.text(quote, context.language, explain: explain, colour: context.colour, rates: rates, cover: cover, today: context.today)
      output.screen = true
    }
    return output
  }

  /// `--apply-date YYYY-MM-DD`.
  static func applyDate(_ args: ParsedArguments) throws(UsageError) -> CalendarDate? {
    guard let raw = args.value("--apply-date") else { return nil }
    guard let date = CalendarDate(iso: NumberText.halfWidth(raw)) else {
      throw .invalidValue(raw, option: "--apply-date", expected: .date, command: name)
    }
    return date
  }

  static func request(from args: ParsedArguments) throws -> QuoteRequest {
    let program = NumberText.halfWidth(try args.required("--program", command: name)).lowercased()
    guard let facility = try CommonOptions.parseFacility(args, command: name) else {
      throw UsageError.missingOption("--facility", command: name)
    }
    let plan = NumberText.halfWidth(try args.required("--plan", command: name)).uppercased()
    let counts = try CommonOptions.parseCounts(args, command: name)
    let repricing = try CommonOptions.parseRepricing(args, command: name)
    return QuoteRequest(
      program: program, facility: facility, plan: plan,
      generalBeds: counts.generalBeds, otherBeds: counts.otherBeds, capacity: counts.capacity,
      securityPercent: try args.percent("--security", field: .security, range: InputRange.securityPercent, command: name),
      option: args.value("--option").map { NumberText.halfWidth($0).lowercased() },
      facilities: try args.wholeNumber("--facilities", field: .facilities, range: InputRange.facilities, command: name),
      groupDiscountPercent: repricing.groupDiscountPercent, installments: repricing.installments)
  }
}

/// Options several subcommands share, with one parser each.
enum CommonOptions {
  static let program = OptionSpec(name: "--program", valueName: "ID") {
    $0.pick("制度ID (値: \(Catalog.builtIn.ids.joined(separator: ", ")))", "Program id (values: \(Catalog.builtIn.ids.joined(separator: ", ")))")
  }
  static let facility = OptionSpec(name: "--facility", valueName: "KIND") {
    $0.pick(
      "施設区分 (値: \(facilityChoices.joined(separator: ", "))。病院・老健 など日本語も可)",
      "Facility kind (values: \(facilityChoices.joined(separator: ", ")); Japanese names accepted)")
  }
  static let counts: [OptionSpec] = [
    OptionSpec(name: "--general-beds", valueName: "N") { $0.pick("一般病床数 (病院・介護医療院)", "General licensed beds (hospital, kaigo-iryoin)") },
    OptionSpec(name: "--other-beds", valueName: "N") { $0.pick("一般病床以外の病床数 (療養・精神・結核他)", "Other licensed beds (long-term care, psychiatric, tuberculosis …)") },
    OptionSpec(name: "--capacity", valueName: "N") { $0.pick("定員 (介護老人保健施設ほか) 1～10,000", "Capacity in persons (roken …), 1 to 10,000") },
  ]
  static let security = OptionSpec(name: "--security", valueName: "PCT") {
    $0.pick(
      "セキュリティー割増引 %: -30～30（▲10 / △10 も可）。病院・介護医療院・老健のみ (既定: 0)",
      "Security adjustment in %: -30 to 30 (▲10 means -10); hospitals, kaigo-iryoin and roken only (default: 0)")
  }
  static let lang = OptionSpec(name: "--lang", valueName: "ja|en") {
    $0.pick("表示言語 (既定: ja、LANG=en_* なら en)", "Language of labels and messages (default: ja; en when LANG=en_*)")
  }
  static let help = OptionSpec(name: "--help", valueName: nil) { $0.pick("このヘルプを表示", "Show this help") }
  /// Global: read by CLI before any command runs.
  static let rates = OptionSpec(name: "--rates", valueName: "PATH") {
    $0.pick(
      "料率ファイル（またはそのディレクトリ）を内蔵の料率に加える。同じ制度ID・保険期間なら置き換え（環境変数 CYBERQUOTE_RATES、':' 区切りでも可）",
      "Add rate files (or a directory of them) to the built-in ones; the same id and period replaces a built-in (also CYBERQUOTE_RATES, ':'-separated)")
  }
  /// Global: read by CLI before any command runs.
  static let date = OptionSpec(name: "--date", valueName: "YYYY-MM-DD") {
    $0.pick(
      "この日に有効な版の料率で計算（既定: 今日）。どの保険期間にも入らない日は警告つきで計算",
      "Price with the version in force on this day (default: today); a day outside every period is priced with a warning")
  }

  /// The first value is the default.
  static func format(_ values: [String]) -> OptionSpec {
    OptionSpec(name: "--format", valueName: values.joined(separator: "|")) {
      $0.pick(
        "出力形式 (値: \(values.joined(separator: ", "))、既定: \(values[0]))", "Output format (values: \(values.joined(separator: ", ")); default: \(values[0]))")
    }
  }

  static let facilityChoices = FacilityKind.allCases.map(\.rawValue)

  /// Every column, beyond the screen's width (plans, compare, programs).
  static let wide = OptionSpec(name: "--wide", valueName: nil) {
    $0.pick("すべての列を表示（③④・自己負担額・1回分・1,000万円あたり など。80桁を超えます）", "Show every column (③④, deductibles, installments, per 10M yen …), wider than 80 columns")
  }

  /// The options that narrow a menu to the plans a clerk is looking for (plans, compare).
  static let planFilters: [OptionSpec] = [
    OptionSpec(name: "--min-liability", valueName: "AMOUNT") {
      $0.pick("①損害賠償の保険金額がこれ以上のプランだけ（1億、5000万、100000000 など）", "Only plans whose ① liability limit is at least this (1億, 5000万, 100000000 …)")
    },
    OptionSpec(name: "--family", valueName: "LETTER") {
      $0.pick("この種類のプランだけ（S、P、T など）", "Only plans of this family (S, P, T …)")
    },
    OptionSpec(name: "--cover", valueName: "KIND[,KIND]") {
      $0.pick(
        "この補償があるとパンフレットに記載されたプランだけ。値: \(CoverSummary.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
        "Only plans the brochure prints as covering these (\(CoverSummary.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
    },
    OptionSpec(name: "--sort", valueName: "premium") {
      $0.pick("保険料の安い順に並べる（計算できないプランは後ろ）", "Cheapest first (plans without a figure last)")
    },
  ]

  /// `--strict` of batch, verify and impact: a script's way to fail on any warning.
  static let strict = OptionSpec(name: "--strict", valueName: nil) {
    $0.pick(
      "保険期間が終了した・日付の記載のない料率で計算した行、推定の行、その他の警告がある行が1行でもあれば終了コード 1",
      "Exit 1 when any row is priced from an ended or undated period, is an estimate, or has any other warning")
  }

  /// The request of a menu (plans, proposal): `--program`, `--facility`, the counts and
  /// `--security`; no plan.
  static func menuRequest(_ args: ParsedArguments, command: String) throws -> QuoteRequest {
    let id = NumberText.halfWidth(try args.required("--program", command: command)).lowercased()
    guard let facility = try parseFacility(args, command: command) else { throw UsageError.missingOption("--facility", command: command) }
    let counts = try parseCounts(args, command: command)
    return QuoteRequest(
      program: id, facility: facility, plan: "",
      generalBeds: counts.generalBeds, otherBeds: counts.otherBeds, capacity: counts.capacity,
      securityPercent: try args.percent("--security", field: .security, range: InputRange.securityPercent, command: command))
  }

  /// `--min-liability 1億`: whole yen, from `1億`, `5000万`, `1億5000万円`, `100000000` or
  /// full-width digits.
  static func parseAmount(_ raw: String, option: String, command: String) throws(UsageError) -> Yen {
    let text = NumberText.halfWidth(raw).trimmingSpaces.filter { $0 != "," }
    if let plain = Int64(text), plain >= 0 { return Yen(plain) }
    if let amount = YenFormat.parseAmount(text.hasSuffix("円") ? text : text + "円") { return amount }
    throw .invalidValue(raw, option: option, expected: .amount, command: command)
  }

  /// The menu narrowing of `--min-liability`, `--family` and `--sort premium`.
  static func parsePlanFilter(_ args: ParsedArguments, command: String) throws(UsageError) -> PlanFilter {
    var filter = PlanFilter()
    if let raw = args.value("--min-liability") { filter.narrowing.minimumLiability = try parseAmount(raw, option: "--min-liability", command: command) }
    if let raw = args.value("--family") { filter.narrowing.family = NumberText.halfWidth(raw).trimmingSpaces.uppercased() }
    if let raw = args.value("--cover") { filter.narrowing.cover = try parseCoverKinds(raw, option: "--cover", command: command) }
    if let raw = args.value("--sort") {
      guard raw.lowercased() == "premium" else {
        throw .invalidValue(raw, option: "--sort", expected: .oneOf(["premium"], suggestion: nil), command: command)
      }
      filter.cheapestFirst = true
    }
    return filter
  }

  /// `cyber_attack,ransom`: kinds of cover, each once, in the order given.
  static func parseCoverKinds(_ raw: String, option: String, command: String) throws(UsageError) -> [CoverSummary.Kind] {
    var kinds: [CoverSummary.Kind] = []
    for word in raw.split(separator: ",").map({ NumberText.halfWidth(String($0)).trimmingSpaces.lowercased() }) {
      // The JSON key's spelling (`cyber_attack`) names the same kind.
      guard let kind = CoverSummary.Kind(rawValue: String(word.map { $0 == "_" ? "-" : $0 })) else {
        let known = CoverSummary.Kind.allCases.map(\.rawValue)
        throw .invalidValue(word, option: option, expected: .oneOf(known, suggestion: Suggestion.closest(to: word, in: known)), command: command)
      }
      if !kinds.contains(kind) { kinds.append(kind) }
    }
    return kinds
  }

  static func parseFacility(_ args: ParsedArguments, command: String) throws(UsageError) -> FacilityKind? {
    try args.choice("--facility", command: command, parse: { FacilityKind(name: NumberText.halfWidth($0)) }, choices: facilityChoices)
  }

  /// The `--format` value; the first of `allowed` when absent.
  static func parseFormat(_ args: ParsedArguments, command: String, allowed: [String]) throws(UsageError) -> String {
    try args.choice("--format", command: command, parse: { allowed.contains($0) ? $0 : nil }, choices: allowed) ?? allowed[0]
  }

  static func parseCounts(_ args: ParsedArguments, command: String) throws -> (generalBeds: Int?, otherBeds: Int?, capacity: Int?) {
    (
      try args.wholeNumber("--general-beds", field: .generalBeds, range: InputRange.bedComponent, command: command),
      try args.wholeNumber("--other-beds", field: .otherBeds, range: InputRange.bedComponent, command: command),
      try args.wholeNumber("--capacity", field: .capacity, range: InputRange.count, command: command)
    )
  }

  /// `--group-discount` and `--installments`, checked by the pricer's own range rule here, so
  /// that a batch fails before reading its first row.
  static func parseRepricing(_ args: ParsedArguments, command: String) throws -> (groupDiscountPercent: Rational?, installments: Int?) {
    let discount = try args.percent("--group-discount", field: .groupDiscount, range: InputRange.groupDiscountPercent, command: command)
    let installments = try args.wholeNumber("--installments", field: .installments, range: InputRange.installments, command: command)
    try Pricer.validateRanges(QuoteSizes(groupDiscountPercent: discount, installments: installments))
    return (discount, installments)
  }

  /// How errors name request fields on the command line.
  static func flag(for field: QuoteField) -> String {
    switch field {
    case .program: "--program"
    case .facility: "--facility"
    case .plan: "--plan"
    case .option: "--option"
    case .facilities: "--facilities"
    case .installments: "--installments"
    case .generalBeds: "--general-beds"
    case .otherBeds: "--other-beds"
    case .capacity: "--capacity"
    case .security: "--security"
    case .groupDiscount: "--group-discount"
    }
  }
}
