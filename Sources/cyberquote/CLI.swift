import PremiumCore

/// What a command run hands back: text for stdout and warnings for stderr.
struct CommandOutput {
  var text = ""
  var warnings: [String] = []
  /// Text for a person at a terminal: fitted to its width (80 when unknown). JSON, CSV and
  /// scripts are written as they are.
  var screen = false
}

/// What every command may consult.
struct Context {
  var language: Language
  /// The day quoted for: `--date`, else the real day.
  var today: CalendarDate?
  /// The real day, whatever `--date` says: the day a page is issued.
  var realToday: CalendarDate?
  /// When the command runs (``Environment/now``).
  var now: Int? = nil
  var catalog: Catalog
  /// The environment variables this tool reads.
  var environment: [String: String] = [:]
  var terminalColumns: Int?
  /// stderr's width; nil off a terminal (see ``Environment/errorColumns``).
  var errorColumns: Int?
  var outputIsTerminal = false
  var colour = false
}

/// The single entry point: arguments in, text and an exit status out.
///
/// Exit status: 0 priced; 1 a well-formed request that cannot be priced (or a member list with a
/// row that cannot); 2 a malformed command line or input that cannot be read; 3 output that could
/// not be written. On failure nothing is written to stdout.
enum CLI {
  static let version = "0.1.0"
  /// Rate files to load beside the built-in ones when `--rates` is not given.
  static let ratesVariable = "CYBERQUOTE_RATES"

  static let subcommands: [(name: String, summary: @Sendable (Language) -> String)] = [
    ("quote", { $0.pick("1施設・1プランの保険料を計算", "Price one facility on one plan") }),
    ("plans", { $0.pick("1施設の全プランを計算（パンフレットの順）", "Price every plan of a program for one facility") }),
    ("compare", { $0.pick("1施設を全制度で比較（保険金額つき）", "Compare one facility across every program, with limits") }),
    ("chart", { $0.pick("病床数・定員と保険料のグラフ（端末または SVG）", "Chart the premium against beds or capacity (terminal or SVG)") }),
    ("completion", { $0.pick("シェル補完スクリプトを出力 (bash, zsh)", "Print a shell completion script (bash, zsh)") }),
    ("programs", { $0.pick("制度の一覧（引受保険会社・保険期間）", "List the programs with their insurer and period") }),
    ("table", { $0.pick("制度の保険料表をパンフレットの形で表示", "Print a program's table for a facility, laid out like the brochure") }),
    ("batch", { $0.pick("会員名簿 (CSV) を一括で計算", "Price a member list (CSV) row by row") }),
    ("impact", { $0.pick("会員名簿を現行と新しい料率で計算し、保険料の変動を集計", "Re-price a member list under old and new rates and tally the changes") }),
    ("verify", { $0.pick("検査ファイル (CSV) の期待値と保険料を照合（CI 用、JUnit 出力）", "Check priced rows against expected figures in check files (for CI, with JUnit output)") }),
    (
      "rates",
      {
        $0.pick(
          "料率ファイルの出力 (show)・検証 (check)・パンフレットからの下書き (draft)・比較 (diff)",
          "Rate files: write (show), validate (check), draft from a brochure (draft), compare (diff)")
      }
    ),
    ("proposal", { $0.pick("お客さまに渡す御見積書（印刷用 HTML）を作成", "Write a printable quotation page (HTML) for the doctor") }),
  ]

  static func run<C: Console>(
    _ arguments: [String], environment: Environment, catalog: Catalog = .builtIn, console: inout C
  ) -> Int32 {
    var arguments = arguments
    var language = environment.language
    var context = Context(
      language: language, today: environment.today, realToday: environment.today, now: environment.now, catalog: catalog, environment: environment.variables,
      terminalColumns: environment.terminalColumns, errorColumns: environment.errorColumns, outputIsTerminal: environment.outputIsTerminal,
      colour: environment.colour)
    do {
      language = try extractLanguage(&arguments) ?? language
      context.language = language
      context.today = try extractDate(&arguments) ?? environment.today
      var ratePaths = try extractGlobal("--rates", &arguments)
      if ratePaths.isEmpty, let variable = environment.variables[ratesVariable] {
        ratePaths = variable.split(separator: ":").map(String.init)
      }
      guard let first = arguments.first else { throw UsageError.missingSubcommand }
      let rest = Array(arguments.dropFirst())
      let status = try runCommand(first, rest, context: context, ratePaths: ratePaths, catalog: catalog, console: &console)
      // Buffered output reaches the system only here: a full disk or a closed pipe shows now.
      try console.flushAndCheckOutput()
      return status
    } catch let failure as UsageError {
      let width = context.errorColumns
      console.writeError(Screen.fit(language.pick("エラー: ", "Error: ") + failure.message(language) + "\n", width: width))
      if let command = failure.command {
        console.writeError(Screen.fit(Help.usageLine(command) + "\n", width: width))
        console.writeError(language.pick("詳しくは 'cyberquote \(command) --help' を参照してください。", "See 'cyberquote \(command) --help'.") + "\n")
      } else {
        console.writeError(language.pick("詳しくは 'cyberquote --help' を参照してください。", "See 'cyberquote --help'.") + "\n")
      }
      return 2
    } catch let failure as QuoteError {
      let message = language.pick("エラー: ", "Error: ") + failure.message(language: language, naming: CommonOptions.flag) + "\n"
      console.writeError(Screen.fit(message, width: context.errorColumns))
      return 1  // a well-formed request that cannot be priced
    } catch let failure as BatchError {
      console.writeError(Screen.fit(language.pick("エラー: ", "Error: ") + failure.message(language) + "\n", width: context.errorColumns))
      return failure.exitStatus
    } catch let failure as RateFileError {
      console.writeError(language.pick("エラー: 料率ファイル ", "Error: rate file ") + failure.description + "\n")
      return 1
    } catch let failure as CSVError {
      console.writeError(language.pick("エラー: ", "Error: ") + BatchError.memberList(.csv(failure)).message(language) + "\n")
      return 2
    } catch {
      // Every error PremiumCore and the commands throw is handled above; a new one still gets a
      // sentence, never a Swift identifier.
      console.writeError(language.pick("エラー: 予期しないエラーで処理を中止しました", "Error: the command stopped on an unexpected error") + "\n")
      return 1
    }
  }

  /// One subcommand (or the overview, the version, a help page): its exit status, with every
  /// text written to `console`.
  private static func runCommand<C: Console>(
    _ first: String, _ rest: [String], context: Context, ratePaths: [String], catalog: Catalog, console: inout C
  ) throws -> Int32 {
    let language = context.language
    var context = context
    let width = context.terminalColumns
    if first == "--help" || first == "-h" || first == "help" {
      console.write(Screen.fit(Help.overview(language), width: width))
      return 0
    }
    if first == "--version" {
      console.write("cyberquote \(version)\n")
      return 0
    }
    if rest.contains("--help") || rest.contains("-h") {
      // What help says of programs is the books' of the run's day.
      var books = catalog
      books.date = context.today
      guard let help = HelpFacts.$catalog.withValue(books, operation: { Help.command(first, language) }) else { throw unknownSubcommand(first) }
      console.write(Screen.fit(help, width: width))
      return 0
    }
    context.catalog = try Self.catalog(catalog, paths: ratePaths, date: context.today)
    if first == BatchCommand.name { return try BatchCommand.run(rest, context: context, console: &console) }
    if first == ImpactCommand.name { return try ImpactCommand.run(rest, context: context, console: &console) }
    if first == VerifyCommand.name { return try VerifyCommand.run(rest, context: context, console: &console) }
    if first == RatesCommand.name { return try RatesCommand.run(rest, context: context, console: &console) }
    if first == ProposalCommand.name { return try ProposalCommand.run(rest, context: context, console: &console) }
    let result: CommandOutput
    switch first {
    case QuoteCommand.name: result = try QuoteCommand.run(rest, context: context)
    case ProgramsCommand.name: result = try ProgramsCommand.run(rest, context: context)
    case PlansCommand.name: result = try PlansCommand.run(rest, context: context)
    case CompareCommand.name: result = try CompareCommand.run(rest, context: context)
    case ChartCommand.name: result = try ChartCommand.run(rest, context: context)
    case CompletionCommand.name: result = try CompletionCommand.run(rest, context: context)
    case TableCommand.name: result = try TableCommand.run(rest, context: context)
    default: throw unknownSubcommand(first)
    }
    var warnings = result.warnings
    // A table for files (--wide) at a terminal: said, rather than wrapped out of shape.
    if !result.screen, context.outputIsTerminal, let width = context.terminalColumns,
      result.text.split(separator: "\n").contains(where: { Screen.width(of: String($0)) > width })
    {
      warnings.append(
        language.pick(
          "--wide の表は端末の幅（\(width)桁）を超えます。ファイルに保存するか（> 表.txt）、less -S で表示してください。--wide なしなら画面に収まります",
          "--wide tables are wider than the terminal (\(width) columns): save to a file (> table.txt) or view with less -S; without --wide the screen fits"))
    }
    for warning in warnings { console.writeError(Screen.fit(language.pick("警告: ", "warning: ") + warning + "\n", width: context.errorColumns)) }
    console.write(result.screen ? Screen.fit(result.text, width: width, colour: context.colour) : result.text)
    return 0
  }

  private static func unknownSubcommand(_ name: String) -> UsageError {
    .unknownSubcommand(name, suggestion: Suggestion.closest(to: name, in: subcommands.map(\.name)))
  }

  /// Removes every `--NAME X` / `--NAME=X` wherever it stands, and gives their values in order.
  static func extractGlobal(_ name: String, _ arguments: inout [String]) throws(UsageError) -> [String] {
    var values: [String] = []
    while let index = arguments.firstIndex(where: { $0 == name || $0.hasPrefix(name + "=") }) {
      if arguments[index] == name {
        guard index + 1 < arguments.count else { throw .missingValue(name, command: commandName(arguments)) }
        values.append(arguments[index + 1])
        arguments.removeSubrange(index...(index + 1))
      } else {
        values.append(String(arguments[index].dropFirst(name.count + 1)))
        arguments.remove(at: index)
      }
    }
    return values
  }

  /// The subcommand an error about a global option points to.
  private static func commandName(_ arguments: [String]) -> String {
    arguments.first.flatMap { subcommands.map(\.name).contains($0) ? $0 : nil } ?? "quote"
  }

  /// The one value of a global flag; given twice, an error, as for any flag.
  private static func single(_ name: String, _ arguments: inout [String]) throws(UsageError) -> String? {
    let values = try extractGlobal(name, &arguments)
    guard values.count <= 1 else { throw .repeatedOption(name, command: commandName(arguments)) }
    return values.first
  }

  private static func extractLanguage(_ arguments: inout [String]) throws(UsageError) -> Language? {
    guard let value = try single("--lang", &arguments)?.lowercased() else { return nil }
    guard let language = Language(rawValue: value) else {
      throw .invalidValue(value, option: "--lang", expected: .oneOf(Language.allCases.map(\.rawValue), suggestion: nil), command: commandName(arguments))
    }
    return language
  }

  /// `--date YYYY-MM-DD`: the day quoted for, which picks the version of a program in force.
  private static func extractDate(_ arguments: inout [String]) throws(UsageError) -> CalendarDate? {
    guard let value = try single("--date", &arguments) else { return nil }
    guard let date = CalendarDate(iso: NumberText.halfWidth(value)) else {
      throw .invalidValue(value, option: "--date", expected: .date, command: commandName(arguments))
    }
    return date
  }

  /// The built-in programs, with the rate files of `--rates` (or `CYBERQUOTE_RATES`, paths
  /// separated by ':') checked and added.
  static func catalog(_ base: Catalog, paths: [String], date: CalendarDate?) throws -> Catalog {
    var catalog = base
    catalog.date = date
    guard !paths.isEmpty else { return catalog }
    return try RateFileIndex.catalog(catalog, paths: paths)
  }
}
