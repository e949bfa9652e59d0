#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// `cyberquote chart`: how a plan's premium grows with beds (or capacity), with the tier edges
/// of the modified count, in the terminal or as an SVG file.
enum ChartCommand {
  static let name = "chart"
  static let synopsis = Synopsis(required: ["--program", "--facility", "--plan"])

  static let specs: [OptionSpec] =
    [
      CommonOptions.program, CommonOptions.facility,
      OptionSpec(name: "--plan", valueName: "CODE") { $0.pick("プラン", "Plan code") },
    ] + CommonOptions.counts + [
      OptionSpec(name: "--max", valueName: "N") {
        $0.pick("横軸の最大（病床数・定員）1～10,000 (既定: 600)", "Largest bed count or capacity on the axis, 1 to 10,000 (default: 600)")
      },
      OptionSpec(name: "--svg", valueName: "FILE") { $0.pick("SVG ファイルに書き出す", "Write an SVG file instead") },
      CommonOptions.lang, CommonOptions.help,
    ]

  static func run(_ arguments: [String], context: Context) throws -> CommandOutput {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    try OutputFile.refuseInputs([args.value("--svg")], inputs: [], context: context)
    if let extra = args.positionals.first { throw UsageError.unexpectedArgument(extra, command: name) }
    let id = NumberText.halfWidth(try args.required("--program", command: name)).lowercased()
    guard let facility = try CommonOptions.parseFacility(args, command: name) else { throw UsageError.missingOption("--facility", command: name) }
    let plan = NumberText.halfWidth(try args.required("--plan", command: name)).uppercased()
    let maximum = try parseMaximum(args) ?? 600
    let rates = try context.catalog.entry(id)
    let program = try rates.load()
    let l = context.language
    var curve = try Chart.curve(PremiumCurve(program: program, facility: facility, plan: plan), maximum: maximum, samples: 360, l)
    curve.period = Wording.periodStatus(program, today: context.today, l)
    let counts = try CommonOptions.parseCounts(args, command: name)
    if counts.generalBeds != nil || counts.otherBeds != nil || counts.capacity != nil {
      let request = QuoteRequest(
        program: program.id, facility: facility, plan: plan, generalBeds: counts.generalBeds, otherBeds: counts.otherBeds, capacity: counts.capacity)
      try Chart.placeFacility(&curve, curve: PremiumCurve(program: program, facility: facility, plan: plan), request: request, l)
    }
    let warnings = Pricer.warnings(for: program, on: context.today).map { Wording.warning($0, programID: program.id, l) }
    if let path = args.value("--svg") {
      try OutputFile.write(Chart.svg(curve, l), to: path)
      return CommandOutput(text: "", warnings: warnings)
    }
    let width = min(max(context.terminalColumns ?? 80, 40), 240)
    return CommandOutput(text: Chart.terminal(curve, width: width, colour: context.colour, l) + Wording.rateLine(rates, l), warnings: warnings, screen: true)
  }

  /// `--max`: a whole number of beds or persons, 1 to 10,000. A display bound, not a pricing
  /// input, so anything else is a usage error naming `--max`.
  static func parseMaximum(_ args: ParsedArguments) throws(UsageError) -> Int? {
    guard let raw = args.value("--max") else { return nil }
    let range = InputRange.count
    if case .number(let value) = NumberText.parse(raw), value.isInteger, let n = Int(exactly: value.numerator), range.contains(n) {
      return n
    }
    throw .invalidValue(raw, option: "--max", expected: .wholeNumber(range), command: name)
  }
}
