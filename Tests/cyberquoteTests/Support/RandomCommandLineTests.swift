import TestSupport
import Testing

/// Seeded random command lines, in-process: whatever the input, the run ends with status 0, 1
/// or 2, writes nothing to stdout unless it priced, and always explains a failure on stderr.
@Suite struct RandomCommandLineTests {
  static let subcommands = ["quote", "table", "programs", "", "help", "--help", "--version", "quot"]
  static let flags = [
    "--program", "--facility", "--plan", "--general-beds", "--other-beds", "--capacity", "--security", "--option",
    "--facilities", "--group-discount", "--installments", "--format", "--lang", "--help", "--nonsense", "-x", "--",
  ]
  static let values = [
    "byoin-kyosaikai", "fukuoka-ishikai", "kumamoto-hokeni", "kagoshima-ikyo", "jhef", "hospital", "roken", "clinic",
    "dental", "kaigo-iryoin", "病院", "老健", "S1", "S4", "s1000", "T3", "P5", "A", "a", "d", "Ｓ４", "0", "1", "49", "50",
    "199", "200", "499", "500", "10000", "10001", "-1", "▲10", "△30", "31", "-30", "7.5", "99", "100", "12", "13",
    "１２０", "1,200", "9223372036854775807", "99999999999999999999999", "abc", "", " ", "%", "json", "text", "en",
    "ja", "--program=jhef", "--general-beds=５０", "=", "\u{0}", "𠮷",
  ]

  /// Any words at all: mostly usage errors.
  @Test(arguments: 0..<4)
  func arbitraryWords(_ seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    for _ in 0..<400 {
      var arguments = [Self.subcommands.randomElement(using: &random)!].filter { !$0.isEmpty }
      for _ in 0..<Int.random(in: 0...12, using: &random) {
        arguments.append(Bool.random(using: &random) ? Self.flags.randomElement(using: &random)! : Self.values.randomElement(using: &random)!)
      }
      check(arguments)
    }
  }

  /// Complete quote requests with random values: these reach the pricer.
  @Test(arguments: 0..<4)
  func wellFormedQuotes(_ seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    var statuses: Set<Int32> = []
    let pricingFlags = Array(Self.flags[3..<11])
    for _ in 0..<400 {
      var arguments = [
        "quote", "--program", Self.values[Int.random(in: 0..<5, using: &random)],
        "--facility", Self.values[Int.random(in: 5..<12, using: &random)],
        "--plan", Self.values[Int.random(in: 12..<21, using: &random)],
      ]
      for flag in pricingFlags.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)) {
        arguments += [flag, Self.values[Int.random(in: 20..<46, using: &random)]]
      }
      statuses.insert(check(arguments))
    }
    #expect(statuses == [0, 1, 2], "the generator should reach every outcome")
  }

  @discardableResult
  func check(_ arguments: [String]) -> Int32 {
    let result = CLIHarness.run(arguments)
    #expect([0, 1, 2].contains(result.status), "\(arguments)")
    if result.status != 0 {
      #expect(result.stdout.isEmpty, "stdout on failure: \(arguments)")
      #expect(!result.stderr.isEmpty, "silent failure: \(arguments)")
    } else {
      #expect(!result.stdout.isEmpty, "nothing printed: \(arguments)")
    }
    return result.status
  }
}
