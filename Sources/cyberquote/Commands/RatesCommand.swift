import PremiumCore

/// `cyberquote rates show|check`: the rate books as files staff can copy, edit and validate.
///
/// `show` writes a program as a rate file (the format of `rates/README.md`); `check` validates
/// rate files, or the built-in ones, and reports every error as `file:line: path: message` on
/// standard error. Exit status: 0 clean, 1 an error in a file, 2 a bad command line or a path
/// that cannot be read.
enum RatesCommand {
  static let name = "rates"
  static let synopsis = Synopsis(positionals: ["show|check|draft|diff", "[PATH …]"])
  static let actions = ["show", "check", "draft", "diff"]
  static let specs: [OptionSpec] = [
    OptionSpec(name: "--program", valueName: "ID") {
      $0.pick(
        "show, draft: 制度ID (値: \(Catalog.builtIn.ids.joined(separator: ", ")))",
        "show, draft: the program (values: \(Catalog.builtIn.ids.joined(separator: ", ")))")
    },
    OptionSpec(name: "--out", valueName: "DRAFT.json") {
      $0.pick("draft: 下書きの書き出し先（省略時または - は標準出力）", "draft: where to write the draft (default, or -: standard output)")
    },
    OptionSpec(name: "--review", valueName: "REVIEW.json") {
      $0.pick("draft: 確認用の一覧 (JSON) の書き出し先", "draft: where to write the review as JSON")
    },
    OptionSpec(name: "--strict", valueName: nil) {
      $0.pick("check: 警告もエラーとして扱う（終了ステータス1）", "check: treat warnings as errors (exit status 1)")
    },
    OptionSpec(name: "--previous", valueName: "OLD.json") {
      $0.pick(
        "check: 前年度の料率ファイル（builtin で内蔵の版）。±15%を超えて動いた保険料と、増減したプランを警告",
        "check: last year's rate file (builtin: the built-in version); warn of figures that moved more than ±15% and of plans added or removed")
    },
    OptionSpec(name: "--any", valueName: nil) {
      $0.pick("diff: 別の制度どうしの料率も比べる", "diff: compare the books of two different programs too")
    },
    CommonOptions.format(formats), CommonOptions.lang, CommonOptions.help,
  ]
  static let formats = ["text", "json"]
  /// The options each action reads; any other is refused rather than ignored.
  static let actionOptions: [(option: String, actions: [String])] = [
    ("--program", ["show", "draft"]), ("--out", ["draft"]), ("--review", ["draft"]),
    ("--strict", ["check"]), ("--previous", ["check"]), ("--format", ["diff"]), ("--any", ["diff"]),
  ]

  static func run<C: Console>(_ arguments: [String], context: Context, console: inout C) throws -> Int32 {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    guard let action = args.positionals.first else { throw UsageError.missingValue(actions.joined(separator: "|"), command: name) }
    let given = args.given
    if actions.contains(action), let (option, forActions) = actionOptions.first(where: { given.contains($0.option) && !$0.actions.contains(action) }) {
      throw UsageError.optionNotForAction(option, action: action, actions: forActions, command: name)
    }
    switch action {
    case "show":
      if let extra = args.positionals.dropFirst().first { throw UsageError.unexpectedArgument(extra, command: name) }
      guard let id = args.value("--program") else { throw UsageError.missingOption("--program", command: name) }
      console.write(RateFileEncoder.encode(try context.catalog.program(id)))
      return 0
    case "check":
      let paths = Array(args.positionals.dropFirst())
      let sources = paths.isEmpty ? try RateFileSources.builtIn(context.catalog) : try RateFileSources.read(paths)
      // `builtin`: each checked program's built-in version (for --date), as `rates diff` takes it.
      let previous = try args.value("--previous").map { $0 == "builtin" ? try context.catalog.allPrograms() : try programs(in: $0) } ?? []
      return report(
        RateBookCheck.check(sources, previous: previous), files: sources.count, strict: args.has("--strict"), context.language,
        width: context.errorColumns, console: &console)
    case "draft":
      return try draft(args, context: context, console: &console)
    case "diff":
      return try diff(args, context: context, console: &console)
    default:
      throw UsageError.invalidValue(
        action, option: name, expected: .oneOf(actions, suggestion: Suggestion.closest(to: action, in: actions)), command: name)
    }
  }

  /// The largest brochure text read: the largest brochure's text is about 67 KB, so 2 MiB is
  /// room for any real one and a bound on memory for a wrong path.
  static let maximumBrochureBytes = 2 << 20

  /// The brochure's text as lines; its bytes are let go once read, so that the draft does not
  /// hold them beside the lines.
  static func readBrochure(_ path: String) throws(BatchError) -> BrochureText {
    let bytes: [UInt8]
    do { bytes = try RateFileSources.bytes(of: path, limit: maximumBrochureBytes) } catch {
      switch error {
      case .tooLarge(_, let limit): throw .brochureTooLarge(path, limit: limit)
      case .notRegularFile: throw .brochureNotRegularFile(path)
      default: throw error
      }
    }
    do { return try BrochureText(bytes: bytes) } catch { throw .unreadableBrochure(path, error) }
  }

  /// `rates draft --program ID BROCHURE.txt [--out DRAFT.json] [--review REVIEW.json]`: next
  /// year's book from the brochure's text, the program's current book as the template. The
  /// review goes to stderr (and `--review`); exit 0 when nothing is unresolved, 1 when the draft
  /// was written with items to resolve, 2 when the text is not this program's brochure (nothing
  /// is written then).
  static func draft<C: Console>(_ args: ParsedArguments, context: Context, console: inout C) throws -> Int32 {
    guard let id = args.value("--program") else { throw UsageError.missingOption("--program", command: name) }
    let paths = Array(args.positionals.dropFirst())
    guard let path = paths.first else { throw UsageError.missingValue("BROCHURE.txt", command: name) }
    if let extra = paths.dropFirst().first { throw UsageError.unexpectedArgument(extra, command: name) }
    try OutputFile.refuseInputs([args.value("--out"), args.value("--review")], inputs: [path], context: context)
    try OutputFile.refuseSameFile([("--out", args.value("--out")), ("--review", args.value("--review"))], command: name)
    let template = try context.catalog.program(id)
    let brochure = String(path.split(separator: "/").last ?? Substring(path))
    let text = try readBrochure(path)
    let draft: RateBookDraft
    // `--out -` is standard output, as no --out is.
    let out = args.value("--out").flatMap { $0 == "-" ? nil : $0 }
    do { draft = try RateBookDrafter.draft(text, template: template, brochure: brochure, file: out ?? "draft") } catch {
      throw BatchError.notTheBrochure(path, program: template.id)
    }
    let encoded = RateFileEncoder.encode(draft.program)
    let l = context.language
    console.writeError(Screen.fit(DraftReview.text(draft, brochure: brochure, draftFile: out, l), width: context.errorColumns))
    // The draft and its review both whole before either replaces what was there.
    try OutputFile.writeTogether(
      (args.value("--review").map { [(DraftReview.json(draft, brochure: brochure, draftFile: out, l), $0)] } ?? [])
        + (out.map { [(encoded, $0)] } ?? []))
    if out == nil { console.write(encoded) }
    return draft.unresolved.isEmpty ? 0 : 1
  }

  /// `rates diff OLD NEW`: every cell and term that changed. `builtin` for OLD is the built-in
  /// version of NEW's program (for `--date`). Exit 0 when the books are the same, 1 when they
  /// differ, 2 when a book cannot be read.
  static func diff<C: Console>(_ args: ParsedArguments, context: Context, console: inout C) throws -> Int32 {
    let format = try CommonOptions.parseFormat(args, command: name, allowed: formats)
    let paths = Array(args.positionals.dropFirst())
    guard paths.count == 2 else {
      if paths.count > 2 { throw UsageError.unexpectedArgument(paths[2], command: name) }
      throw UsageError.missingValue(paths.isEmpty ? "OLD" : "NEW", command: name)
    }
    let new = try onlyProgram(in: paths[1])
    let old = paths[0] == "builtin" ? try context.catalog.program(new.id) : try onlyProgram(in: paths[0])
    if old.id != new.id, !args.has("--any") { throw BatchError.differentPrograms(old: old.id, new: new.id) }
    let diff = RateBookDiff(old: old, new: new)
    switch format {
    case "json": console.write(RateBookDiffRendering.json(diff, program: new.id, old: paths[0], new: paths[1]))
    default:
      let text = RateBookDiffRendering.text(diff, program: new.id, old: paths[0], new: paths[1], context.language)
      console.write(Screen.fit(text, width: context.terminalColumns))
    }
    return diff.isEmpty ? 0 : 1
  }

  /// The one program of the clean rate file at `path`; a broken or missing book is exit 2.
  static func onlyProgram(in path: String) throws -> Program {
    let found: [Program]
    do { found = try programs(in: path) } catch let error as RateFileError { throw BatchError.badRateFile(error) }
    guard let program = found.first, found.count == 1 else { throw BatchError.noRateFiles(path) }
    return program
  }

  /// The programs of the rate file at `path`, which must itself be clean.
  static func programs(in path: String) throws -> [Program] {
    let result = RateBookCheck.check(try RateFileSources.read([path]))
    if let error = result.errors.first { throw error }
    return result.programs.map(\.program)
  }

  /// Warnings go to stderr, then: clean (or warnings only, unless `strict`), one line per program
  /// on stdout; otherwise the errors on stderr and nothing on stdout.
  static func report<C: Console>(
    _ result: RateBookCheck.Result, files: Int, strict: Bool = false, _ l: Language, width: Int? = nil, console: inout C
  ) -> Int32 {
    for warning in result.warnings { console.writeError(warning.description(l) + "\n") }
    if !result.warnings.isEmpty {
      console.writeError(
        l.pick(
          "警告 \(result.warnings.count) 件" + (strict ? "（--strict: エラーとして扱います）\n" : "\n"),
          "\(result.warnings.count) warning(s)" + (strict ? " (--strict: treated as errors)\n" : "\n")))
    }
    guard result.errors.isEmpty, !strict || result.warnings.isEmpty else {
      for error in result.errors { console.writeError(error.description(l) + "\n") }
      let failedFiles = Set(result.errors.map(\.file) + (strict ? result.warnings.map(\.file) : [])).count
      if !result.errors.isEmpty {
        console.writeError(
          l.pick(
            "\(failedFiles)/\(files) ファイルにエラー \(result.errors.count) 件\n",
            "\(result.errors.count) error(s) in \(failedFiles) of \(files) file(s)\n"))
      }
      return 1
    }
    // Each file on its own line, what it holds indented below: a dated file name
    // (`rates/fukuoka-ishikai@2026-05-05.json`) leaves no room for columns beside it in 80.
    var table = TextColumns(alignments: [.left, .left, .left])
    for (_, program) in result.programs {
      table.add([
        "  " + program.id, ProgramsCommand.periodShort(program, today: nil, l), l.pick("保険料表 \(program.tables.count)", "\(program.tables.count) table(s)"),
      ])
    }
    let held = table.render().split(separator: "\n", omittingEmptySubsequences: false)
    let listing = zip(result.programs, held).map { "\($0.0.file)\n\($0.1)\n" }.joined()
    console.write(Screen.fit(listing + l.pick("\(files) ファイル: エラーなし\n", "\(files) file(s): no errors\n"), width: width))
    return 0
  }
}
