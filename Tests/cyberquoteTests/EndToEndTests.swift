import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// The built binary as a separate process: what a shell script sees.
@Suite struct EndToEndTests {
  /// What the binary must print for ``quote``: the premium its own built-in books give (the
  /// binary carries `rates/` as it is, which a renewal changes; the tests' pinned books do not).
  static var builtInPremium: Int64 {
    let request = QuoteRequest(
      program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: 100, otherBeds: 20, securityPercent: Rational(-10))
    var catalog = Catalog.builtIn
    catalog.date = BrochureYear.date
    return (try? catalog.quote(request).premium.amount) ?? -1
  }

  static let quote = [
    "quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "100", "--other-beds", "20", "--security", "-10",
    "--format", "json",
    "--date", "\(BrochureYear.date)",
  ]

  @Test func printsJSONAndExitsZero() throws {
    let result = try CLIHarness.runBinary(CLIHarness.binary, Self.quote)
    #expect(result.status == 0)
    #expect(result.stderr.hasPrefix("警告: byoin-kyosaikai のパンフレットには保険期間の日付の記載がありません"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect((object["premium"] as? NSNumber)?.int64Value == Self.builtInPremium)
    #expect(
      try BrochureYear.catalog.quote(
        QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: 100, otherBeds: 20, securityPercent: Rational(-10))
      ).premium == Yen(164_400))
  }

  /// JSON speaks the run's language in the tool's own words; ids and keys stay ASCII.
  @Test func jsonWordsFollowTheLanguage() throws {
    let security = [
      "quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "120", "--security", "10", "--format", "json",
    ]
    for (language, word) in [("ja", "セキュリティー割増引"), ("en", "security adjustment")] {
      let result = CLIHarness.run(security + ["--lang", language])
      let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      #expect((object["estimate_reason"] as? String)?.contains(word) == true, "\(language)")
      let assumptions = try #require(object["assumptions"] as? [[String: Any]])
      #expect(assumptions.first?["id"] as? String == "security-on-exact-premium")
      #expect((assumptions.first?["text"] as? String)?.lowercased().contains(word) == true, "\(language)")
      let warnings = try #require(object["warnings"] as? [String])
      #expect(warnings.first?.contains(language == "ja" ? "日付の記載がありません" : "prints no dates") == true, "\(language)")
    }
    // 002 prints no payment mode: the JSON says nothing of installments either.
    let kumamoto = CLIHarness.run(["quote", "--program", "kumamoto-hokeni", "--facility", "clinic", "--plan", "A", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(kumamoto.stdout.utf8)) as? [String: Any])
    #expect(object["installments"] is NSNull && object["installment_premium"] is NSNull && object["payment"] is NSNull)
  }

  /// 000 prints the installment only: the annual figure is shown as 12 × it, never alone.
  @Test func kagoshimaShowsThePrintedInstallmentBesideTheAnnual() throws {
    let quote = CLIHarness.run(["quote", "--program", "kagoshima-ikyo", "--facility", "clinic", "--plan", "S1"])
    #expect(quote.stdout.contains("パンフレット掲載の1回分保険料 2,600円"))
    #expect(!quote.stdout.contains("パンフレット掲載の保険料"))
    let plans = CLIHarness.run(["plans", "--program", "kagoshima-ikyo", "--facility", "clinic"])
    #expect(plans.stdout.contains("31,200円  1回分 2,600円 掲載×12"))
    let compare = CLIHarness.run(["compare", "--facility", "clinic", "--sort", "premium"])
    #expect(compare.stdout.contains("kagoshima-ikyo   S1      1,000万円    100万円    31,200円  1回分掲載×12"))
  }

  /// Counts as staff type them, with their unit, full width or not; a unit of the wrong kind is
  /// refused.
  @Test(arguments: [("--general-beds", "120床", "198,140円"), ("--general-beds", "１２０床", "198,140円"), ("--general-beds", "120", "198,140円")])
  func bedsWithTheirUnit(_ flag: String, _ value: String, _ premium: String) {
    let result = CLIHarness.run(["quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", flag, value])
    #expect(result.status == 0 && result.stdout.contains(premium), "\(result.stderr)")
  }

  @Test(arguments: ["定員100", "100人", "１００名", "100"])
  func capacityWithItsUnit(_ value: String) {
    let result = CLIHarness.run(["quote", "--program", "byoin-kyosaikai", "--facility", "roken", "--plan", "S4", "--capacity", value])
    #expect(result.status == 0 && result.stdout.contains("89,530円"), "\(result.stderr)")
  }

  @Test func aUnitOfTheWrongKindIsRefused() {
    let result = CLIHarness.run(["quote", "--program", "byoin-kyosaikai", "--facility", "roken", "--plan", "S4", "--capacity", "100床"])
    #expect(result.status == 2 && result.stderr.contains("'100床'"))
  }

  /// A member list's counts may carry units too.
  @Test func batchReadsCountsWithUnits() {
    let result = CLIHarness.run(["batch", "-"], stdin: Array("制度,施設区分,プラン,一般病床数\nbyoin-kyosaikai,病院,S4,120床\n".utf8))
    #expect(result.status == 0 && result.stdout.contains(",198140,1,198140,formula,"), "\(result.stdout)")
  }

  /// A flag that does not exist suggests the real one that has its words.
  @Test(arguments: [("--beds", "--general-beds"), ("--discount", "--group-discount"), ("--genral-beds", "--general-beds")])
  func unknownFlagsSuggestTheNearest(_ typed: String, _ meant: String) {
    let result = CLIHarness.run(["quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", typed, "1"])
    #expect(result.status == 2 && result.stderr.contains("もしかして '\(meant)'"), "\(result.stderr)")
  }

  /// An application day after the printed 申込締切 is said, in text and in JSON.
  @Test func aCoverDateAfterThePrintedDeadlineIsSaid() throws {
    let arguments = ["quote", "--program", "kumamoto-hokeni", "--facility", "clinic", "--plan", "A", "--apply-date", "2025-03-10"]
    #expect(CLIHarness.run(arguments).stderr.contains("締切（申込締切：2月28日（金））を"))
    let json = CLIHarness.run(arguments + ["--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((object["warnings"] as? [String])?.contains { $0.contains("申込締切：2月28日（金）") } == true)
    let early = CLIHarness.run(["quote", "--program", "kumamoto-hokeni", "--facility", "clinic", "--plan", "A", "--apply-date", "2025-02-20"])
    #expect(!early.stderr.contains("締切"))
  }

  /// Off a terminal nothing wraps: a long message is one line for grep and logs; at a terminal
  /// of 80 columns it fits.
  @Test func messagesAreWrappedOnlyAtATerminal() {
    let arguments = ["quote", "--program", "nosuch", "--facility", "clinic", "--plan", "S1"]
    let piped = CLIHarness.run(arguments)
    #expect(piped.stderr.split(separator: "\n").count == 1)
    let terminal = CLIHarness.run(arguments, variables: ["COLUMNS": "80"])
    #expect(terminal.stderr.split(separator: "\n").count > 1)
    #expect(terminal.stderr.split(separator: "\n").allSatisfy { Screen.width(of: String($0)) <= 80 })
  }

  /// Only 001 prints a rounding rule; elsewhere the explanation calls it the tool's. Each step
  /// cites the line that holds its figure: an option its own line, a capacity the bed formula
  /// as applied by assumption.
  @Test func explanationsCiteWhatThePrintedLinesSay() {
    func explain(_ arguments: [String]) -> String { CLIHarness.run(["quote", "--explain"] + arguments).stdout }
    let byoin = explain(["--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "120"])
    #expect(byoin.contains("10円単位に四捨五入（1円位四捨五入、10円単位。001 〈6〉保険料の計算）"))
    let kumamoto = explain(["--program", "kumamoto-hokeni", "--facility", "clinic", "--plan", "A", "--option", "a"])
    #expect(kumamoto.contains("パンフレットに端数処理の記載はなく、この計算の決まりです"))
    #expect(kumamoto.contains("出典: 002_64e6e9336df53d5f.txt 1 施設あたりの保険料 オプション 利益補償 a 保険料"))
    let roken = explain(["--program", "byoin-kyosaikai", "--facility", "roken", "--plan", "S4", "--capacity", "80"])
    #expect(roken.contains("001 〈6〉の病床数の計算式を定員に適用"))
    #expect(!roken.contains("（001 〈6〉の計算式）"))
  }

  /// kagoshima-ikyo and byoin-kyosaikai print no dates: every screen with a figure says so.
  @Test(arguments: [
    ["quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "120"],
    ["plans", "--program", "kagoshima-ikyo", "--facility", "clinic"],
    ["table", "--program", "byoin-kyosaikai", "--facility", "hospital"],
    ["chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4"],
  ])
  func undatedBooksSaySoOnScreen(_ arguments: [String]) {
    #expect(CLIHarness.run(arguments).stdout.contains("パンフレットに日付の記載がないため、現在も有効な料率かどうかは確認できません"))
  }

  /// byoin-kyosaikai's 老健 at a capacity of 50 or more is an estimate in every output.
  @Test func rokenByCapacityIsAnEstimateEverywhere() throws {
    let roken = ["--program", "byoin-kyosaikai", "--facility", "roken", "--capacity", "80"]
    let plans = CLIHarness.run(["plans", "--format", "json"] + roken)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(plans.stdout.utf8)) as? [[String: Any]])
    #expect(entries.filter { $0["status"] as? String == "priced" }.allSatisfy { $0["basis"] as? String == "estimate" })
    let compare = CLIHarness.run(["compare", "--facility", "roken", "--capacity", "80", "--format", "json"])
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [[String: Any]])
    #expect(
      rows.filter { $0["program"] as? String == "byoin-kyosaikai" && $0["status"] as? String == "priced" }.allSatisfy { $0["basis"] as? String == "estimate" })
    #expect(CLIHarness.run(["quote", "--plan", "S4"] + roken).stdout.contains("【推定】定員80名に修正病床数の計算式を適用した参考値です"))
  }

  /// English output keeps the brochure's notes (in Japanese, said so).
  @Test func englishKeepsTheBrochuresNotes() {
    let out = CLIHarness.run(["quote", "--lang", "en", "--program", "kumamoto-hokeni", "--facility", "clinic", "--plan", "A"]).stdout
    #expect(out.contains("The brochure says (in Japanese)"))
    #expect(out.contains("過去の事故歴による割引率：50%を適用しています"))
    let kagoshima = CLIHarness.run(["quote", "--lang", "en", "--program", "kagoshima-ikyo", "--facility", "clinic", "--plan", "S1"]).stdout
    #expect(kagoshima.contains("告知書割引なし"))
  }

  /// A global flag given twice is an error, as any flag is: never silently the last one.
  @Test(arguments: [["--lang", "en", "--lang", "ja"], ["--date", "2026-01-01", "--date", "2026-02-01"]])
  func aRepeatedGlobalFlagIsAnError(_ flags: [String]) {
    let result = CLIHarness.run(["quote", "--program", "byoin-kyosaikai", "--facility", "clinic", "--plan", "S1"] + flags)
    #expect(result.status == 2 && result.stdout.isEmpty && result.stderr.contains("'\(flags[0])' が2回以上指定されています"), "\(result.stderr)")
  }

  /// The harness reads a child's stdout and stderr together: 200 KB on stderr before anything
  /// on stdout would otherwise leave both waiting.
  @Test(.timeLimit(.minutes(1))) func theHarnessReadsBothPipesAtOnce() throws {
    let result = try CLIHarness.runBinary(URL(fileURLWithPath: "/bin/sh"), ["-c", "head -c 200000 /dev/zero | tr '\\0' e >&2; echo done"])
    #expect(result.stdout == "done\n" && result.stderr.count == 200_000)
  }

  @Test func failureLeavesStdoutEmpty() throws {
    let unpriceable = try CLIHarness.runBinary(CLIHarness.binary, ["quote", "--program", "jhef", "--facility", "clinic", "--plan", "S1"])
    #expect(unpriceable.status == 1)
    #expect(unpriceable.stdout.isEmpty)
    #expect(unpriceable.stderr.contains("jhef"))
    let malformed = try CLIHarness.runBinary(CLIHarness.binary, ["quote", "--nonsense"])
    #expect(malformed.status == 2)
    #expect(malformed.stdout.isEmpty)
  }

  @Test func englishFromTheLocale() throws {
    let result = try CLIHarness.runBinary(CLIHarness.binary, ["quote", "--program", "x"], environment: ["LANG": "en_US.UTF-8"])
    #expect(result.stderr.hasPrefix("Error: "))
  }

  /// The rates are compiled in: a copy of the binary alone, run from an empty directory, quotes.
  @Test func quotesWhenCopiedAloneElsewhere() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cyberquote-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let copy = directory.appendingPathComponent("cyberquote")
    try FileManager.default.copyItem(at: CLIHarness.binary, to: copy)
    let result = try Self.runFreshCopy(copy, Self.quote, directory: directory)
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"premium\": \(Self.builtInPremium)"))
  }
}

extension EndToEndTests {
  /// Runs a binary just written. Another test's process started while the copy was open for
  /// writing holds that descriptor until its own exec, and running the copy meanwhile fails with
  /// ETXTBSY (text file busy): tried again a few times after a pause.
  static func runFreshCopy(_ binary: URL, _ arguments: [String], directory: URL) throws -> CLIResult {
    for _ in 0..<10 {
      do {
        return try CLIHarness.runBinary(binary, arguments, directory: directory)
      } catch let error as NSError where (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
        usleep(50_000)
      }
    }
    return try CLIHarness.runBinary(binary, arguments, directory: directory)
  }
}

/// Colour only on a terminal, never with NO_COLOR set; none in pipes (the golden files).
@Suite struct ColourTests {
  @Test func colourDecision() {
    #expect(Environment.colourEnabled(isTerminal: true, variables: [:]))
    #expect(!Environment.colourEnabled(isTerminal: true, variables: ["NO_COLOR": "1"]))
    #expect(Environment.colourEnabled(isTerminal: true, variables: ["NO_COLOR": ""]))
    #expect(!Environment.colourEnabled(isTerminal: false, variables: [:]))
    #expect(!Environment.colourEnabled(isTerminal: true, variables: ["TERM": "dumb"]))
    #expect(Environment.colourEnabled(isTerminal: true, variables: ["TERM": "xterm-256color"]))
  }

  @Test func estimatesAreColouredOnlyWhenAsked() {
    let arguments = ["quote", "--program", "fukuoka-ishikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "120"]
    var console = TestConsole(stdin: [])
    var environment = Environment(variables: [:], today: CLIHarness.today)
    environment.colour = true
    _ = CLI.run(arguments, environment: environment, console: &console)
    #expect(String(decoding: console.stdout, as: UTF8.self).contains("\u{1B}[1;33m【推定】"))
    #expect(!CLIHarness.run(arguments).stdout.contains("\u{1B}["))
  }
}
