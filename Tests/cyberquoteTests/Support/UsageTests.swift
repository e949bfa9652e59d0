import Testing

@testable import cyberquote

/// The usage line and the parser read the same synopsis: a flag shown without brackets is the one
/// the command says is missing, and a bracketed one is never required.
@Suite struct UsageTests {
  static let commands = CLI.subcommands.map(\.name).filter { Help.specs($0) != nil }

  @Test(arguments: commands)
  func theFirstRequiredFlagIsTheOneMissing(_ command: String) {
    let usage = Help.usageLine(command)
    let synopsis = Help.synopsis(command)
    guard let first = synopsis.required.first ?? synopsis.alternatives.first?.first else {
      // Every flag bracketed: as many `[--` as `--`.
      #expect(usage.components(separatedBy: "--").count == usage.components(separatedBy: "[--").count, "\(usage)")
      return
    }
    #expect(usage.contains("\(first) ") && !usage.contains("[\(first) "), "\(usage)")
    let result = CLIHarness.run([command])
    #expect(result.status == 2)
    #expect(result.stderr.contains("'\(first)'"), "\(result.stderr)")
  }

  /// proposal: `--program` with `--facility`, or `--members`; half of the first is not enough.
  @Test func proposalNeedsOneWholeAlternative() {
    #expect(CLIHarness.run(["proposal", "--program", "byoin-kyosaikai"]).stderr.contains("'--facility'"))
    #expect(CLIHarness.run(["proposal", "--members", "/nonexistent.csv"]).stderr.contains("--facility") == false)
  }
}
