import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// Seeded random member lists: every input row gives one output row, and `batch` and `quote`
/// agree on every row, priced or not.
@Suite struct BatchInvariantTests {
  static let programs = ["byoin-kyosaikai", "fukuoka-ishikai", "kumamoto-hokeni", "kagoshima-ikyo", "jhef", "", "nosuch"]
  static let facilities = ["hospital", "病院", "roken", "老健", "clinic", "一般診療所", "dental", "kaigo-iryoin", "", "x"]
  static let plans = ["S1", "S4", "s7", "Ｓ２", "P3", "S1000", "T2", "A", "D", "", "Z9"]
  static let counts = ["", "", "1", "49", "50", "120", "199", "200", "499", "500", "１２０", "0", "10001", "abc", "-3", "7.5"]
  static let securities = ["", "", "0", "-10", "▲10", "+30", "31", "x"]
  static let options = ["", "", "a", "c", "z"]
  static let names = ["髙橋病院", "山田, 医院", "\"引用\"", "改行\nあり", "=cmd", "①㈱"]

  static func randomList(seed: UInt64, rows: Int) -> (csv: String, cells: [[String]]) {
    var random = SeededGenerator(seed: seed)
    let header = ["name", "program", "facility", "plan", "general_beds", "other_beds", "capacity", "security", "option", "facilities"]
    var cells: [[String]] = []
    let sizes = ["1", "49", "50", "120", "199", "200", "499", "500", "１２０", "1,200"]
    for _ in 0..<rows {
      // Most rows are plausible for their facility; the rest are anything at all.
      if Int.random(in: 0..<10, using: &random) < 7 {
        let program = programs[Int.random(in: 0..<4, using: &random)]
        let facility = facilities[Int.random(in: 0..<8, using: &random)]
        let perBed = ["hospital", "病院"].contains(facility) && program != "kumamoto-hokeni" || facility == "kaigo-iryoin" && program == "byoin-kyosaikai"
        let perPerson = ["roken", "老健"].contains(facility) || facility == "kaigo-iryoin" && program != "byoin-kyosaikai"
        let plan = program == "kumamoto-hokeni" ? ["A", "B", "c", "D"].randomElement(using: &random)! : plans[Int.random(in: 0..<6, using: &random)]
        cells.append([
          names.randomElement(using: &random)!, program, facility, plan,
          perBed ? sizes.randomElement(using: &random)! : "", perBed && Bool.random(using: &random) ? sizes.randomElement(using: &random)! : "",
          perPerson ? sizes.randomElement(using: &random)! : "", perBed ? securities.randomElement(using: &random)! : "",
          program == "kumamoto-hokeni" ? options.randomElement(using: &random)! : "",
          program == "kumamoto-hokeni" ? ["", "1", "3"].randomElement(using: &random)! : "",
        ])
        continue
      }
      cells.append([
        names.randomElement(using: &random)!, programs.randomElement(using: &random)!,
        facilities.randomElement(using: &random)!, plans.randomElement(using: &random)!,
        counts.randomElement(using: &random)!, counts.randomElement(using: &random)!,
        counts.randomElement(using: &random)!, securities.randomElement(using: &random)!,
        options.randomElement(using: &random)!, ["", "", "1", "3", "0"].randomElement(using: &random)!,
      ])
    }
    func quoted(_ s: String) -> String {
      s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    let csv = ([header] + cells).map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    return (csv, cells)
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func rowsAreConservedAndBatchAgreesWithQuote(_ seed: UInt64) throws {
    let (csv, cells) = Self.randomList(seed: seed, rows: 300)
    let (out, result) = CLIHarness.runBytes(["batch"], stdin: Array(csv.utf8))
    #expect(result.status == 0 || result.status == 1)
    var reader = CSVReader(MemoryByteSource(out), encoding: .utf8)
    var output: [[String]] = []
    while try reader.next() { output.append((0..<reader.fieldCount).map { String(decoding: reader.field($0), as: UTF8.self) }) }
    #expect(output.count == cells.count + 1)
    var priced = 0
    for (row, input) in zip(output.dropFirst(), cells) {
      #expect(row.count == 16)
      let flags = ["--program", "--facility", "--plan", "--general-beds", "--other-beds", "--capacity", "--security", "--option", "--facilities"]
      var arguments = ["quote", "--format", "json"]
      for (flag, value) in zip(flags, input.dropFirst()) where !value.isEmpty { arguments += [flag, value] }
      let quote = CLIHarness.run(arguments)
      let batchPremium = row[10]
      if quote.status == 0 {
        priced += 1
        let object = try #require(try JSONSerialization.jsonObject(with: Data(quote.stdout.utf8)) as? [String: Any])
        #expect(batchPremium == (object["premium"] as? NSNumber)?.stringValue, "\(input)")
        // An empty cell where the JSON has null (no payment mode printed).
        #expect(row[11] == (object["installments"] as? NSNumber)?.stringValue ?? "", "\(input)")
        #expect(row[12] == (object["installment_premium"] as? NSNumber)?.stringValue ?? "", "\(input)")
        #expect(row[13] == object["basis"] as? String, "\(input)")
        #expect(row[14] == "", "\(input)")
        // A code for each of the quote's warnings, then its estimate's reason.
        let warnings = (object["warnings"] as? [String]) ?? []
        let estimate = object["estimate_reason"] is String
        let codes = row[15].split(separator: ";")
        #expect(codes.count == warnings.count + (estimate ? 1 : 0), "\(input) \(row[15])")
        #expect(codes.last?.hasPrefix("estimate-") == estimate || codes.isEmpty && !estimate, "\(input) \(row[15])")
      } else {
        #expect(batchPremium == "" && row[14] != "", "quote failed but batch priced: \(input)")
      }
    }
    #expect(priced > 20, "the generator should price a fair share of rows")
  }
}

/// Rows are conserved for any CSV: random cells of arbitrary text (quotes, commas, line breaks,
/// UTF-8 and Shift_JIS bytes, control characters), rows shorter or longer than the header, CRLF
/// or LF, blank lines between. Each input record that is not blank or separators only gives
/// exactly one output record.
@Suite struct BatchRowConservationTests {
  static let pieces: [[UInt8]] = [
    Array("a".utf8), Array("1".utf8), Array(",".utf8), Array("\"".utf8), Array("\n".utf8), Array("\r\n".utf8),
    Array("髙".utf8), [0x82, 0xA0], [0xFF], [0x00], Array("=".utf8), Array("byoin-kyosaikai".utf8), Array("病院".utf8), Array(" ".utf8),
  ]

  static func cell(_ random: inout SeededGenerator) -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<Int.random(in: 0...6, using: &random) { bytes += pieces.randomElement(using: &random) ?? [] }
    // Quote whenever the cell holds a delimiter, a quote or a line end, or sometimes anyway.
    let special = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard special || Int.random(in: 0..<4, using: &random) == 0 else { return bytes }
    return [0x22] + bytes.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
  }

  @Test(arguments: [UInt64(11), 12, 13, 14, 15])
  func everyRecordGivesOneRow(_ seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    var input = Array("program,facility,plan,general_beds\n".utf8)
    var records = 0
    for _ in 0..<200 {
      if Int.random(in: 0..<10, using: &random) == 0 { input += Array("\n".utf8) }  // a blank line, skipped
      var row: [UInt8] = []
      for i in 0..<Int.random(in: 1...6, using: &random) { row += (i > 0 ? [0x2C] : []) + Self.cell(&random) }
      if row.isEmpty { row = Array("\"\"".utf8) + [0x2C] }  // never a blank record by accident
      input += row + (Bool.random(using: &random) ? Array("\r\n".utf8) : Array("\n".utf8))
      // A line of separators only is no row: Excel writes them under a list.
      if !row.allSatisfy({ $0 == 0x2C }) { records += 1 }
    }
    let (out, result) = CLIHarness.runBytes(["batch", "--program", "byoin-kyosaikai", "-"], stdin: input)
    #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
    var reader = CSVReader(MemoryByteSource(out), encoding: .utf8)
    var rows = 0
    while try reader.next() { rows += 1 }
    #expect(rows == records + 1, "seed \(seed)")
  }
}

/// A file priced on two cores gives exactly the bytes one core gives, wherever the split lands:
/// at a record boundary, or inside a quoted field with a line break (when the second half's
/// work must be thrown away).
@Suite struct ParallelBatchTests {
  static func temporaryFile(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("members-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    return url
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
  func parallelOutputEqualsSequential(_ seed: UInt64) throws {
    let (csv, _) = BatchInvariantTests.randomList(seed: seed, rows: 200)
    let file = try Self.temporaryFile(Array(csv.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let (sequential, one) = CLIHarness.runBytes(["batch", "--excel", "-"], stdin: Array(csv.utf8))
    let (parallel, two) = CLIHarness.runBytes(
      ["batch", "--excel", file.path], variables: ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "\(64 + Int(seed) * 97)"])
    #expect(parallel == sequential)
    #expect(two.status == one.status)
    #expect(two.stderr == one.stderr)
  }

  @Test func splitInsideAQuotedLineBreakFallsBackToOneCore() throws {
    // The middle of this file is inside a quoted field that spans many lines.
    let note = "\"" + (1...200).map { "行\($0)" }.joined(separator: "\n") + "\""
    let csv = "program,facility,plan,note\nfukuoka-ishikai,clinic,S1,\(note)\nfukuoka-ishikai,clinic,S2,x\n"
    let file = try Self.temporaryFile(Array(csv.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let (sequential, _) = CLIHarness.runBytes(["batch", "-"], stdin: Array(csv.utf8))
    let (parallel, result) = CLIHarness.runBytes(
      ["batch", file.path], variables: ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "100"])
    #expect(result.status == 0)
    #expect(parallel == sequential)
  }

  /// Quoted line breaks in every row put cuts inside fields all through the file: chunks that
  /// read on past their cut stop holding output at the limit and finish in turn, writing
  /// straight out. The bytes are still one core's.
  @Test(arguments: [64, 1_000])
  func quotedLineBreaksEverywhereStayWithinTheHoldLimit(_ chunk: Int) throws {
    var csv = "program,facility,plan,note\n"
    for i in 0..<4_000 { csv += "fukuoka-ishikai,clinic,S\(i % 5 + 1),\"一行目\n二行目\n\(i)\"\n" }
    let file = try Self.temporaryFile(Array(csv.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let (sequential, one) = CLIHarness.runBytes(["batch", "-"], stdin: Array(csv.utf8))
    #expect(sequential.count > ParallelBatch.holdLimit(chunkBytes: chunk))
    let (parallel, two) = CLIHarness.runBytes(
      ["batch", file.path], variables: ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "\(chunk)"])
    #expect(two.status == 0)
    #expect(two.stderr == one.stderr)
    #expect(parallel == sequential)
  }

  /// A quote left open late in the file: the same rows, the same error, the same line number.
  @Test(arguments: [40, 200, 5_000])
  func unterminatedQuoteReportsTheSameLine(_ chunk: Int) throws {
    var csv = "program,facility,plan\n"
    for i in 0..<120 { csv += "fukuoka-ishikai,clinic,S\(i % 5 + 1)\n" }
    csv += "fukuoka-ishikai,clinic,\"S1\nfukuoka-ishikai,clinic,S2\n"
    let file = try Self.temporaryFile(Array(csv.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let (sequential, one) = CLIHarness.runBytes(["batch", "-"], stdin: Array(csv.utf8))
    let (parallel, two) = CLIHarness.runBytes(
      ["batch", file.path], variables: ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "\(chunk)"])
    #expect(one.status == 2)
    #expect(two.status == one.status)
    // The same message, naming the input each run read.
    #expect(two.stderr == one.stderr.replacingOccurrences(of: "標準入力", with: file.path))
    #expect(one.stderr.contains("標準入力: 122行目"))
    #expect(parallel == sequential)
  }

  @Test func shiftJISFileOnTwoCores() throws {
    var text = "会員名,制度,施設区分,プラン\r\n"
    for i in 0..<300 { text += "①髙橋㈱\(i),fukuoka-ishikai,一般診療所,S\(i % 5 + 1)\r\n" }
    let bytes = Array(try #require(text.data(using: .shiftJIS)))
    let file = try Self.temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(at: file) }
    let (sequential, _) = CLIHarness.runBytes(["batch", "-"], stdin: bytes)
    let (parallel, result) = CLIHarness.runBytes(
      ["batch", file.path], variables: ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "1000"])
    #expect(result.status == 0)
    #expect(parallel == sequential)
    #expect(String(decoding: parallel, as: UTF8.self).contains("①髙橋㈱299"))
  }
}

/// The two-core path itself: it must actually use the second core on a plain file, and must
/// fall back when the split lands inside a quoted line break. (The byte-for-byte tests above
/// cannot tell a fallback from a two-core run.)
@Suite struct ParallelBatchPathTests {
  func run(_ csv: String) throws -> (usedSecondCore: Bool, output: [UInt8], status: Int32) {
    let file = try ParallelBatchTests.temporaryFile(Array(csv.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let fd = open(file.path, O_RDONLY)
    defer { close(fd) }
    var reader = CSVReader(FileRangeSource(descriptor: fd, offset: 0).any)
    let batch = BatchRun(pricer: MemberListPricer(catalog: BrochureYear.catalog, options: .init(today: CLIHarness.today)))
    var parallel = ParallelBatch(run: batch, size: Array(csv.utf8).count, chunkBytes: 512)
    var console = TestConsole(stdin: [])
    let status = try parallel.execute(reader: &reader, descriptor: fd, forcedEncoding: nil, console: &console)
    return (parallel.usedSecondCore, console.stdout, status)
  }

  @Test func plainFileUsesBothCores() throws {
    let (csv, _) = BatchInvariantTests.randomList(seed: 11, rows: 400)
    let plain = csv.split(separator: "\r\n").filter { !$0.contains("\"") }.joined(separator: "\r\n") + "\r\n"
    let result = try run(plain)
    #expect(result.usedSecondCore)
    let (sequential, _) = CLIHarness.runBytes(["batch", "-"], stdin: Array(plain.utf8))
    #expect(result.output == sequential)
  }

  /// Through the command line, as a user runs it: a plain CSV file over the size limit is split.
  @Test func commandLineUsesBothCoresForALargePlainFile() throws {
    let (csv, _) = BatchInvariantTests.randomList(seed: 12, rows: 300)
    let plain = csv.split(separator: "\r\n").filter { !$0.contains("\"") }.joined(separator: "\r\n") + "\r\n"
    let file = try ParallelBatchTests.temporaryFile(Array(plain.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let (console, _) = CLIHarness.runConsole(
      ["batch", file.path], variables: ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "2048"])
    #expect(console.writerThreads.count == 2)
    let (oneCore, _) = CLIHarness.runConsole(["batch", file.path])
    #expect(oneCore.writerThreads.count == 1)
    #expect(oneCore.stdout == console.stdout)
  }

  @Test func splitInsideQuotesFallsBack() throws {
    let note = "\"" + (1...200).map { "行\($0)" }.joined(separator: "\n") + "\""
    let result = try run("program,facility,plan,note\nfukuoka-ishikai,clinic,S1,\(note)\nfukuoka-ishikai,clinic,S2,x\n")
    #expect(!result.usedSecondCore)
    #expect(result.status == 0)
  }
}
