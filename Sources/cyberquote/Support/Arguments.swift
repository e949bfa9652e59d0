import PremiumCore

/// One flag a subcommand accepts.
struct OptionSpec: Sendable {
  /// `--general-beds`.
  let name: String
  /// Shown in usage and help: `N`, `ID`, `PCT`; nil for a switch that takes no value.
  let valueName: String?
  /// Help text, per language.
  let help: @Sendable (Language) -> String
  /// May be given more than once, each value kept in order (`--wish`); any other flag given
  /// twice is an error.
  var repeatable = false

  init(name: String, valueName: String?, repeatable: Bool = false, help: @escaping @Sendable (Language) -> String) {
    self.name = name
    self.valueName = valueName
    self.repeatable = repeatable
    self.help = help
  }
}

/// What a command's usage line says besides its options, and what the parser holds it to: the
/// flags it cannot run without, the alternatives of which one must be given whole, and its
/// positional arguments.
struct Synopsis: Sendable {
  var required: [String] = []
  /// Groups of flags, one of which must be given whole (`proposal`: `--program --facility`, or
  /// `--members`).
  var alternatives: [[String]] = []
  /// As the usage line shows them: `[FILE | -]`.
  var positionals: [String] = []

  /// The first flag missing, in the order the usage line shows them; nil when none is.
  func missing(from given: Set<String>) -> String? {
    if let flag = required.first(where: { !given.contains($0) }) { return flag }
    guard !alternatives.isEmpty, !alternatives.contains(where: { $0.allSatisfy(given.contains) }) else { return nil }
    // The group begun, else the first: its first flag not given.
    let group = alternatives.first { $0.contains(where: given.contains) } ?? alternatives[0]
    return group.first { !given.contains($0) }
  }
}

/// Flags and positional arguments after the subcommand, checked against a list of specs.
///
/// Accepts `--flag value` and `--flag=value`; rejects unknown flags (with a suggestion),
/// repeated flags and missing values, so that a script never gets a silently ignored input.
struct ParsedArguments {
  private(set) var values: [String: String] = [:]
  /// Every value of a repeatable flag, in the order given.
  private(set) var repeated: [String: [String]] = [:]
  private(set) var switches: Set<String> = []
  private(set) var positionals: [String] = []

  /// The flag a mistyped one most likely means: the first whose words include every word typed
  /// (`--beds` → `--general-beds`, `--discount` → `--group-discount`), else the closest spelling.
  static func nearestFlag(to typed: String, in flags: [String]) -> String? {
    func words(_ flag: String) -> [Substring] { flag.drop { $0 == "-" }.lowercased().split(separator: "-").map { Substring($0) } }
    let wanted = words(typed)
    if !wanted.isEmpty, let containing = flags.first(where: { flag in wanted.allSatisfy(words(flag).contains) }) { return containing }
    return Suggestion.closest(to: typed, in: flags, maxDistance: 3)
  }

  init(_ arguments: [String], specs: [OptionSpec], synopsis: Synopsis = Synopsis(), command: String) throws(UsageError) {
    try self.init(arguments, specs: specs, command: command)
    if let flag = synopsis.missing(from: given) { throw .missingOption(flag, command: command) }
  }

  private init(_ arguments: [String], specs: [OptionSpec], command: String) throws(UsageError) {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("--"), argument.count > 2 else {
        if argument.hasPrefix("-"), argument != "-", NumberText.parse(argument) == .invalid {
          throw .unknownOption(argument, suggestion: nil, command: command)
        }
        positionals.append(argument)
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      guard let spec = specs.first(where: { $0.name == name }) else {
        throw .unknownOption(name, suggestion: Self.nearestFlag(to: name, in: specs.map(\.name)), command: command)
      }
      guard spec.repeatable || (values[name] == nil && !switches.contains(name)) else { throw .repeatedOption(name, command: command) }
      guard spec.valueName != nil else {
        if let inlineValue { throw .invalidValue(inlineValue, option: name, expected: .noValue, command: command) }
        switches.insert(name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else if index < arguments.count, !Self.looksLikeFlag(arguments[index]) {
        value = arguments[index]
        index += 1
      } else {
        throw .missingValue(name, command: command)
      }
      values[name] = value
      if spec.repeatable { repeated[name, default: []].append(value) }
    }
  }

  /// `--x` is a flag; `-10` (a negative number) is a value.
  private static func looksLikeFlag(_ argument: String) -> Bool {
    argument.hasPrefix("--") && argument.count > 2
  }

  func value(_ name: String) -> String? { values[name] }

  /// Every value of a repeatable flag, in the order given; empty when not given.
  func allValues(_ name: String) -> [String] { repeated[name] ?? [] }

  func has(_ name: String) -> Bool { switches.contains(name) || values[name] != nil }

  /// Every option given, by name.
  var given: Set<String> { switches.union(values.keys) }

  func required(_ name: String, command: String) throws(UsageError) -> String {
    guard let value = values[name] else { throw .missingOption(name, command: command) }
    return value
  }

  /// A value from a fixed vocabulary; anything else is a usage error listing the choices.
  func choice<T>(_ name: String, command: String, parse: (String) -> T?, choices: [String]) throws(UsageError) -> T? {
    guard let raw = values[name] else { return nil }
    guard let parsed = parse(raw) else {
      throw .invalidValue(raw, option: name, expected: .oneOf(choices, suggestion: Suggestion.closest(to: raw, in: choices)), command: command)
    }
    return parsed
  }

  /// A whole number. Not a number: usage error (exit 2). A number that is not whole or is out
  /// of `range`: a request error naming `field` (exit 1).
  /// A count or another whole number: anything but a whole number in `range` is one usage
  /// error (exit 2, with the usage line) that names the flag, the value and what is accepted.
  func wholeNumber(_ name: String, field: QuoteField, range: ClosedRange<Int>, command: String) throws(UsageError) -> Int? {
    guard let raw = values[name] else { return nil }
    if case .number(let value) = NumberText.parse(NumberText.withoutCountUnit(raw, field)), value.isInteger,
      let int = Int(exactly: value.numerator), range.contains(int)
    {
      return int
    }
    throw .invalidValue(raw, option: name, expected: .wholeNumber(range), command: command)
  }

  /// A percentage such as `-10`, `▲10`, `7.5` or `10%`, checked by the pricer's ranges.
  func percent(_ name: String, field: QuoteField, range: ClosedRange<Int>, command: String) throws -> Rational? {
    guard let raw = values[name] else { return nil }
    switch NumberText.parse(raw) {
    case .invalid: throw UsageError.invalidValue(raw, option: name, expected: .percent(range), command: command)
    case .tooLarge: throw QuoteError.outOfRange(field, value: raw, accepted: range)
    case .tooManyDecimals: throw QuoteError.tooManyDecimals(field, value: raw)
    case .number(let value): return value
    }
  }
}

/// A malformed command line: exit status 2.
enum UsageError: Error, Equatable {
  enum Expected: Equatable {
    case wholeNumber(ClosedRange<Int>)
    case percent(ClosedRange<Int>)
    case oneOf([String], suggestion: String?)
    case noValue
    case date
    /// A date on or after this one (`--valid-until`: not before the issue date).
    case dateFrom(CalendarDate)
    case amount
  }

  case unknownSubcommand(String, suggestion: String?)
  case missingSubcommand
  case unknownOption(String, suggestion: String?, command: String)
  case repeatedOption(String, command: String)
  case missingValue(String, command: String)
  case missingOption(String, command: String)
  case invalidValue(String, option: String, expected: Expected, command: String)
  case unexpectedArgument(String, command: String)
  case missingInput(command: String)
  /// Two options that cannot be used together.
  case conflictingOptions(String, String, command: String)
  /// Two output options naming one file, however spelled (`--out p.html --record ./p.html`).
  case sameFile(String, as: String, command: String)
  /// An option of one action of a command given to another (`rates draft --strict`).
  case optionNotForAction(String, action: String, actions: [String], command: String)
  /// A proposal the page could not defend: the option to change and why, in both languages
  /// (a plan outside the stated narrowing, a cheaper plan passed over without --reason, a
  /// validity past the period).
  case proposalRefused(option: String, ja: String, en: String, command: String)

  /// The subcommand whose usage and help the message points to, if any.
  var command: String? {
    switch self {
    case .unknownSubcommand, .missingSubcommand: nil
    case .unknownOption(_, _, let c), .repeatedOption(_, let c), .missingValue(_, let c), .missingOption(_, let c),
      .invalidValue(_, _, _, let c), .unexpectedArgument(_, let c), .missingInput(let c), .conflictingOptions(_, _, let c), .sameFile(_, _, let c),
      .optionNotForAction(_, _, _, let c), .proposalRefused(_, _, _, let c):
      c
    }
  }

  private func grouped(_ n: Int) -> String { YenFormat.grouped(Int64(n)) }

  func message(_ l: Language) -> String {
    switch self {
    case .unknownSubcommand(let name, let suggestion):
      return l.pick("不明なサブコマンド '\(name)' です", "Unknown subcommand '\(name)'.")
        + (suggestion.map { l.pick("。もしかして '\($0)'？", " Did you mean '\($0)'?") } ?? "")
    case .missingSubcommand:
      return l.pick("サブコマンドを指定してください", "Missing subcommand.")
    case .unknownOption(let name, let suggestion, _):
      return l.pick("不明なオプション '\(name)' です", "Unknown option '\(name)'.")
        + (suggestion.map { l.pick("。もしかして '\($0)'？", " Did you mean '\($0)'?") } ?? "")
    case .repeatedOption(let name, _):
      return l.pick("オプション '\(name)' が2回以上指定されています", "Option '\(name)' is given more than once.")
    case .missingValue(let name, _):
      return l.pick("オプション '\(name)' に値がありません", "Missing value for '\(name)'.")
    case .missingOption(let name, _):
      return l.pick("オプション '\(name)' が必要です", "Missing required option '\(name)'.")
    case .invalidValue(let value, let option, let expected, _):
      let head = l.pick("'\(option)' の値 '\(value)' は無効です。", "The value '\(value)' is invalid for '\(option)'. ")
      switch expected {
      case .wholeNumber(let r):
        return head
          + l.pick(
            "整数 \(grouped(r.lowerBound))～\(grouped(r.upperBound)) を指定してください",
            "Expected a whole number from \(grouped(r.lowerBound)) to \(grouped(r.upperBound)).")
      case .percent(let r):
        return head
          + l.pick(
            "\(r.lowerBound)～\(r.upperBound) の数値 (%) を指定してください（▲10 は -10）", "Expected a percentage from \(r.lowerBound) to \(r.upperBound) (▲10 means -10).")
      case .oneOf(let choices, let suggestion):
        return head + l.pick("指定できる値: ", "Expected one of: ") + choices.joined(separator: ", ")
          + (suggestion.map { l.pick("（もしかして '\($0)'？）", ". Did you mean '\($0)'?") } ?? "")
      case .noValue:
        return head + l.pick("このオプションは値を取りません", "This option takes no value.")
      case .date:
        return head + l.pick("日付を YYYY-MM-DD で指定してください（例: 2026-05-05）", "Expected a date as YYYY-MM-DD (2026-05-05).")
      case .dateFrom(let first):
        return head + l.pick("\(first.japanese)以降の日付を YYYY-MM-DD で指定してください", "Expected a date on or after \(first) as YYYY-MM-DD.")
      case .amount:
        return head + l.pick("金額を 1億、5000万、100000000 のように指定してください", "Expected an amount such as 1億, 5000万 or 100000000.")
      }
    case .unexpectedArgument(let argument, _):
      return l.pick("余分な引数 '\(argument)' があります", "Unexpected argument '\(argument)'.")
    case .missingInput:
      return l.pick("入力がありません。ファイルを指定するか、標準入力に '-' を指定してください", "No input: give a FILE, or '-' to read standard input.")
    case .conflictingOptions(let a, let b, _):
      return l.pick("'\(a)' と '\(b)' は同時に指定できません", "'\(a)' cannot be used with '\(b)'.")
    case .sameFile(let option, let other, _):
      return l.pick(
        "'\(option)' は '\(other)' と同じファイルです。それぞれ別のファイルを指定してください",
        "'\(option)' names the same file as '\(other)'; give each its own file.")
    case .proposalRefused(let option, let ja, let en, _):
      return l.pick("'\(option)': \(ja)", "'\(option)': \(en)")
    case .optionNotForAction(let option, let action, let actions, let command):
      return l.pick(
        "オプション '\(option)' は '\(command) \(action)' では使えません（\(actions.joined(separator: "・")) 用）",
        "Option '\(option)' does not apply to '\(command) \(action)' (it is for \(actions.joined(separator: ", "))).")
    }
  }
}
