import Foundation
import TestSupport
import Testing

@testable import cyberquote

/// Inputs a script author or an operator may hand the tool by accident: every one gets a sentence
/// naming the input, never a Swift error value, and bounded memory.
@Suite struct HostileInputTests {
  let directory: ScratchDirectory

  init() throws {
    directory = try ScratchDirectory("hostile")
  }

  static let huge = #"["S1", 1000000000000000000, 360]"#

  /// byoin-kyosaikai with S1 at 10^18 yen a bed: `rates check` accepts it.
  func hugeRates() throws -> String {
    let text = CLIHarness.run(["rates", "show", "--program", "byoin-kyosaikai"]).stdout
      .replacingOccurrences(of: #"["S1", 660, 360]"#, with: Self.huge)
    #expect(text.contains(Self.huge))
    let path = try directory.write("huge.json", Array(text.utf8))
    #expect(CLIHarness.run(["rates", "check", path]).status == 0)
    return path
  }

  // MARK: Arithmetic that cannot wrap

  @Test func aTotalBeyondSixtyFourBitsIsAnErrorOnOneAndTwoCores() throws {
    let rates = try hugeRates()
    let list = "制度,施設区分,プラン,一般病床数\n" + String(repeating: "byoin-kyosaikai,病院,S1,1\n", count: 40)
    let path = try directory.write("overflow.csv", Array(list.utf8))
    let one = CLIHarness.run(["--rates", rates, "batch", "-"], stdin: Array(list.utf8))
    let two = CLIHarness.run(
      ["--rates", rates, "batch", path], variables: ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "64"])
    #expect(one.status == 1)
    #expect(one.stderr.contains("保険料合計 計算できません"))
    #expect(one.stderr.contains("保険料の合計が大きすぎて計算できません"))
    #expect(two.status == one.status)
    #expect(two.stderr == one.stderr)
    #expect(two.stdout == one.stdout)
    #expect(one.stdout.split(separator: "\n").count == 41)  // every row written

    let impact = CLIHarness.run(["impact", "--old", "builtin", "--new", rates, path])
    #expect(impact.status == 1)
    #expect(impact.stderr.contains("現行 "))
    #expect(impact.stderr.contains("→ 新 計算できません"))
  }

  @Test func chartScalesAnyFigureWithoutTrapping() throws {
    let rates = try hugeRates()
    let drawn = CLIHarness.run(["--rates", rates, "chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S1", "--max", "3"])
    #expect(drawn.status == 0)
    #expect(drawn.stdout.contains("3,000,000,000,000,000,000円"))
    let overflow = CLIHarness.run(["--rates", rates, "chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S1", "--max", "30"])
    #expect(overflow.status == 1)
    #expect(overflow.stdout.isEmpty)
    #expect(overflow.stderr.contains("10 での保険料が桁あふれしました"))
    let svg = directory.url.appendingPathComponent("c.svg").path
    #expect(
      CLIHarness.run(["--rates", rates, "chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S1", "--max", "3", "--svg", svg]).status
        == 0)
  }

  @Test func axisArithmeticHoldsAtTheEdgesOfSixtyFourBits() {
    #expect(Chart.niceCeiling(.max) == .max)
    #expect(Chart.niceCeiling(9_000_000_000_000_000_000) == 9_000_000_000_000_000_000)
    #expect(Chart.niceCeiling(1_100_000_000_000_000_000) == 1_200_000_000_000_000_000)
    #expect(Chart.niceCeiling(55_880) == 60_000)
    #expect(Proportion.scaled(.max, to: 96, of: .max) == 96)
    #expect(Proportion.scaled(.max / 2, to: 96, of: .max) == 47)
    #expect(Proportion.scaled(-5, to: 96, of: 100) == 0)
    #expect(Proportion.percent(.max, of: .max) == 100)
    #expect(Proportion.percent(50, of: 200) == 25)
    #expect(Proportion.percent(1, of: 0) == 0)
  }

  // MARK: Inputs that must work, or fail clearly

  @Test func aFIFOIsReadInOrder() throws {
    let list = Data("会員名,制度,施設区分,プラン,一般病床数\n髙橋病院,byoin-kyosaikai,病院,S4,120\n".utf8)
    let fifo = directory.url.appendingPathComponent("members.fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    for command in [["batch"], ["impact", "--old", "builtin", "--new", "builtin"]] {
      // The writer's open waits for the command to open the FIFO for reading.
      let writer = Thread {
        guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
        handle.write(list)
        try? handle.close()
      }
      writer.start()
      let result = CLIHarness.run(command + [fifo])
      #expect(result.status == 0, "\(command): \(result.stderr)")
      #expect(result.stdout.contains("198140"))
    }
  }

  @Test func aDirectoryAsTheListIsNamed() {
    for command in [["batch"], ["impact", "--old", "builtin", "--new", "builtin"]] {
      let result = CLIHarness.run(command + [directory.path])
      #expect(result == CLIResult(stdout: "", stderr: "エラー: '\(directory.path)' はディレクトリです。CSV ファイルを指定してください\n", status: 2))
    }
  }

  @Test func csvErrorsAreSentencesNamingTheInput() {
    let quote = CLIHarness.run(["batch", "-"], stdin: Array("a,\"b\n".utf8))
    #expect(quote == CLIResult(stdout: "", stderr: "エラー: 標準入力: 1行目で始まる引用符 (\") が閉じていません\n", status: 2))
    let long = CLIHarness.run(["--lang", "en", "batch", "-"], stdin: [UInt8](repeating: 0x41, count: (1 << 20) + 10))
    #expect(long == CLIResult(stdout: "", stderr: "Error: standard input: the record on line 1 is longer than 1 MiB\n", status: 2))
  }

  @Test func rateFilesAreRegularFilesOfAtMostOneMebibyte() throws {
    let devices = CLIHarness.run(["--rates", "/dev/null", "programs"])
    #expect(devices.status == 2)
    #expect(devices.stderr.contains("'/dev/null' は通常のファイルでもディレクトリでもありません"))
    let large = try directory.write("large.json", [UInt8](repeating: 0x20, count: RateFileSources.maximumBytes + 1))
    let refused = CLIHarness.run(["--lang", "en", "--rates", large, "programs"])
    #expect(refused == CLIResult(stdout: "", stderr: "Error: the rate file '\(large)' is too large (the limit is 1 MiB)\n", status: 2))
  }

  @Test func verifyWalksEachDirectoryOnceThroughLinkLoops() throws {
    let checks = directory.url.appendingPathComponent("checks")
    try FileManager.default.createDirectory(at: checks, withIntermediateDirectories: true)
    let source = VerifyTests.checks + "/003-fukuoka-ishikai.csv"
    try FileManager.default.copyItem(atPath: source, toPath: checks.appendingPathComponent("003.csv").path)
    try FileManager.default.createSymbolicLink(atPath: checks.appendingPathComponent("again").path, withDestinationPath: ".")
    try FileManager.default.createSymbolicLink(atPath: checks.appendingPathComponent("up").path, withDestinationPath: checks.path)
    let once = CLIHarness.run(["verify", source])
    let looped = CLIHarness.run(["verify", checks.path])
    #expect(looped.status == 0)
    #expect(looped.stdout == once.stdout)
  }

  @Test func controlCharactersReachStderrEscaped() {
    let header = CLIHarness.run(["batch", "-"], stdin: Array("名前\u{1B}[2J\u{7},メモ\nx,y\n".utf8))
    #expect(header.status == 2)
    #expect(!header.stderr.contains("\u{1B}"))
    #expect(header.stderr.contains(#"名前\x1B[2J\x07"#))
    let flag = CLIHarness.run(["quote", "--program", "by\u{1B}]0;x\u{7}", "--facility", "hospital", "--plan", "S4", "--general-beds", "1"])
    #expect(flag.status == 1)
    #expect(flag.stderr.hasPrefix(#"エラー: 制度 'by\x1B]0;x\x07' はありません"#))
    #expect(TerminalText.escaped("a\tb\r\n\u{9B}c\u{202E}") == #"a\tb\r"# + "\n" + #"\x9Bc\u{202E}"#)
  }

  @Test func excelAndJSONLinesCannotBeCombined() {
    let result = CLIHarness.run(["batch", "--excel", "--format", "jsonl", "-"], stdin: Array("program\nx\n".utf8))
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("エラー: '--excel' と '--format jsonl' は同時に指定できません\n"))
  }

  @Test func aRepeatedHeaderNameKeepsEveryValueInJSONLines() {
    let list = "会員名,制度,施設区分,プラン,備考,備考\n山田医院,fukuoka-ishikai,診療所,S4,紹介,\"電話, 要\"\n"
    let result = CLIHarness.run(["batch", "--format", "jsonl", "-"], stdin: Array(list.utf8))
    #expect(result.status == 0)
    #expect(result.stdout.contains(#""備考":["紹介","電話, 要"]"#))
    #expect(result.stdout.components(separatedBy: #""備考""#).count == 2)  // one key
  }

  @Test func tooManyDecimalsIsNotOutOfRange() {
    let flag = CLIHarness.run([
      "quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "100", "--security", "10.12345678901234567",
    ])
    #expect(flag == CLIResult(stdout: "", stderr: "エラー: --security の値 '10.12345678901234567' は小数の桁が多すぎます（整数部と小数部を合わせて18桁まで）\n", status: 1))
    let row = CLIHarness.run(["batch", "-"], stdin: Array("制度,施設区分,プラン,一般病床数,セキュリティー割増引\nbyoin-kyosaikai,病院,S4,100,10.12345678901234567\n".utf8))
    #expect(row.stdout.contains("小数の桁が多すぎます"))
  }

  // MARK: Encodings

  @Test func aStrayByteInUTF8IsOneBadRow() {
    let input = Array("会員名,制度,施設区分,プラン,一般病床数\nCaf".utf8) + [0xE9] + Array(",byoin-kyosaikai,病院,S4,120\n髙橋病院,byoin-kyosaikai,病院,S4,120\n".utf8)
    let result = CLIHarness.run(["batch", "-"], stdin: input)
    #expect(result.status == 1)
    #expect(result.stdout.contains("髙橋病院,byoin-kyosaikai,病院,S4,120,198140,1,198140,formula,,"))
    #expect(result.stdout.contains("会員名 の文字コードが不正です"))
  }

  @Test func invalidCP932InAPassThroughCellIsARowError() throws {
    let good = try #require("会員名,制度,施設区分,プラン\r\n①髙橋㈱,fukuoka-ishikai,一般診療所,S1\r\n".data(using: .shiftJIS))
    let bad =
      Array(try #require("山田".data(using: .shiftJIS))) + [0x81, 0x7F] + Array(",fukuoka-ishikai,".utf8) + Array(try #require("一般診療所".data(using: .shiftJIS)))
      + Array(",S1\r\n".utf8)
    let result = CLIHarness.run(["batch", "-"], stdin: Array(good) + bad)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines[1].hasPrefix("①髙橋㈱,fukuoka-ishikai,一般診療所,S1,29380,"))
    #expect(lines[2].hasSuffix(",,,,,会員名 の文字コードが不正です（--encoding を確認してください）,"))
  }
}

/// Control characters in a rate file's names and notes, or in a check file, reach every screen
/// escaped, as they reach stderr; JSON keeps its own escaping.
@Suite struct ScreenEscapingTests {
  static let hostile = "\u{1B}[2J\u{7}\u{0}\u{7F}\u{202E}"

  static func hostileRates() throws -> String {
    let json = CLIHarness.run(["rates", "show", "--program", "fukuoka-ishikai"]).stdout
      .replacingOccurrences(of: "\"医療機関用サイバー保険\"", with: #""医療機関用サイバー保険\u001b[2J\u0007\u0000\u007f\u202e""#)
      .replacingOccurrences(of: "\"情報漏えい限定プラン\"", with: #""情報漏えい限定\u001b[2J\u0007\u0000\u007f\u202e""#)
      .replacingOccurrences(of: "表と異なります\"", with: #"表と異なります\u001b[2J\u0007\u0000\u007f\u202e""#)
    let scratch = try ScratchDirectory("screen-escaping")
    return try scratch.write("fukuoka.json", json)
  }

  @Test func everyScreenEscapesControlCharactersFromARateFile() throws {
    let rates = try Self.hostileRates()
    let screens: [[String]] = [
      ["quote", "--program", "fukuoka-ishikai", "--facility", "hospital", "--plan", "P1", "--general-beds", "100"],
      ["plans", "--program", "fukuoka-ishikai", "--facility", "hospital", "--general-beds", "100"],
      ["table", "--program", "fukuoka-ishikai", "--facility", "hospital"],
      ["compare", "--facility", "hospital", "--general-beds", "100"],
      ["chart", "--program", "fukuoka-ishikai", "--facility", "hospital", "--plan", "P1"],
      ["programs"],
      ["programs", "--program", "fukuoka-ishikai"],
    ]
    for screen in screens {
      for colour in [false, true] {
        var variables = ["CYBERQUOTE_RATES": rates]
        if !colour { variables["NO_COLOR"] = "1" }
        let result = CLIHarness.run(screen, variables: variables)
        #expect(result.status == 0, "\(screen): \(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains { ["\u{7}", "\u{0}", "\u{7F}", "\u{202E}"].contains($0) }, "\(screen)")
        #expect(!result.stdout.contains("\u{1B}[2J"), "\(screen)")
        if !colour { #expect(!result.stdout.contains("\u{1B}"), "\(screen)") }
        if screen != ["programs"] { #expect(result.stdout.contains(#"\x1B[2J\x07\x00\x7F\u{202E}"#), "\(screen)") }
      }
    }
    let json = CLIHarness.run(
      ["quote", "--program", "fukuoka-ishikai", "--facility", "hospital", "--plan", "P1", "--general-beds", "100", "--format", "json"],
      variables: ["CYBERQUOTE_RATES": rates])
    #expect(json.stdout.contains(#"\u001b[2J"#))
  }

  @Test func verifyEscapesControlCharactersFromACheckFile() throws {
    let scratch = try ScratchDirectory("screen-escaping")
    let checks = try String(contentsOfFile: VerifyTests.checks + "/003-fukuoka-ishikai.csv", encoding: .utf8)
    let lines = checks.split(separator: "\n", omittingEmptySubsequences: false)
    var row = String(lines[1])
    // A wrong expectation, so that the row and its note are printed.
    let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    var edited = cells
    if let premium = header.firstIndex(where: { $0.hasPrefix("expected_") }) { edited[premium] = "1" }
    edited[0] = "003" + Self.hostile  // the source column
    row = edited.joined(separator: ",")
    let file = try scratch.write("bad\u{1B}[2J.csv", lines[0] + "\n" + row + "\n")
    let result = CLIHarness.run(["verify", file])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(result.stdout.contains(#"bad\x1B[2J.csv"#))
    #expect(result.stdout.contains(#"003\x1B[2J\x07\x00\x7F\u{202E}"#))
  }
}
