import Foundation
import TestSupport
import Testing

@testable import cyberquote

/// A write to stdout that fails (a full disk, a closed or broken pipe) stops the command at once
/// with exit status 3 and one message, and never with a success summary.
@Suite struct OutputFailureTests {
  static let members: String = {
    var text = "会員名,制度,施設区分,プラン,一般病床数\n"
    for i in 0..<5_000 { text += "会員\(i),byoin-kyosaikai,病院,S\(i % 5 + 1),\(i % 900 + 20)\n" }
    return text
  }()

  static let commands: [[String]] = [
    ["quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "100"],
    ["plans", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100"],
    ["programs"],
    ["compare", "--facility", "clinic"],
    ["table", "--program", "fukuoka-ishikai", "--facility", "clinic"],
    ["chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4"],
    ["rates", "show", "--program", "fukuoka-ishikai"],
    ["rates", "check"],
    ["completion", "bash"],
    ["verify", VerifyTests.checks],
    ["--help"],
  ]

  @Test(arguments: commands)
  func everyCommandReportsAFullDisk(_ arguments: [String]) {
    let (console, status) = CLIHarness.runConsole(arguments, capacity: 10)
    #expect(status == 3)
    // The only error; an ended-period warning may come before it.
    #expect(console.stderr.hasSuffix("エラー: 標準出力に書き込めません: No space left on device。出力は途中までです\n"))
    #expect(console.stderr.components(separatedBy: "エラー").count == 2)
  }

  @Test func batchStopsAtOnceWithoutASummary() {
    let (console, status) = CLIHarness.runConsole(["batch", "-"], stdin: Array(Self.members.utf8), capacity: 1_000)
    #expect(status == 3)
    #expect(console.stderr.contains("標準出力に書き込めません"))
    #expect(!console.stderr.contains("計算済み"))
    #expect(console.writesAfterFailure == 0)  // nothing more was priced into the lost output
    #expect(console.stdout.count == 1_000)
  }

  @Test func twoCoreBatchStopsAtOnceWithoutASummary() throws {
    let file = try ParallelBatchTests.temporaryFile(Array(Self.members.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let variables = ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "4096"]
    let (console, status) = CLIHarness.runConsole(["batch", file.path], variables: variables, capacity: 20_000)
    #expect(status == 3)
    #expect(console.stderr.contains("標準出力に書き込めません"))
    #expect(!console.stderr.contains("計算済み"))
    #expect(console.writesAfterFailure == 0)
  }

  @Test func impactStopsWithoutASummary() {
    for format in ["csv", "text"] {
      let (console, status) = CLIHarness.runConsole(
        ["impact", "--old", "builtin", "--new", "builtin", "--format", format, "-"], stdin: Array(Self.members.utf8), capacity: 100)
      #expect(status == 3)
      #expect(console.stderr.contains("標準出力に書き込めません"))
      #expect(!console.stderr.contains("会員 "))
    }
  }

  /// An output that names one of the command's inputs, however spelled (another path, a hard
  /// link), is refused before anything is read or written, and the input is left as it was.
  @Test func anOutputThatIsAnInputIsRefused() throws {
    let scratch = try ScratchDirectory("output-is-input")
    let list = try scratch.write("list.csv", "施設名,制度,施設区分,プラン\nA,fukuoka-ishikai,診療所,S4\n")
    let rates = try scratch.write("jhef.json", CLIHarness.run(["rates", "show", "--program", "jhef"]).stdout)
    let brochure = try scratch.write("jhef.txt", try BrochureTexts.text("004_fe4bbad67cbe0973.txt"))
    try FileManager.default.linkItem(atPath: list, toPath: scratch.path + "/link.csv")
    let before = try [list, rates, brochure].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let cases: [[String]] = [
      ["proposal", "--members", list, "--out", scratch.path + "/./list.csv"],
      ["proposal", "--members", list, "--out", scratch.path + "/link.csv"],
      ["proposal", "--members", list, "--record", scratch.path + "/link.csv"],
      ["proposal", "--rates", rates, "--program", "jhef", "--facility", "service-business", "--out", rates],
      ["verify", "--junit", list, list],
      ["chart", "--rates", rates, "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--svg", rates],
      ["rates", "draft", "--program", "jhef", brochure, "--out", brochure],
      ["rates", "draft", "--program", "jhef", brochure, "--review", brochure],
    ]
    for arguments in cases {
      let result = CLIHarness.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stdout == "")
      #expect(result.stderr.contains("は入力ファイルです"), "\(arguments): \(result.stderr)")
    }
    #expect(try [list, rates, brochure].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
  }

  @Test func aFileThatCannotBeWrittenIsExitThree() {
    let result = CLIHarness.run(["verify", "--junit", "/nonexistent/dir/v.xml", VerifyTests.checks])
    #expect(result.status == 3)
    #expect(result.stderr.contains("/nonexistent/dir/v.xml"))
  }
}
