import Foundation
import PremiumCore
import TestSupport
import Testing

private func rows(_ bytes: [UInt8]) throws -> [[String]] { try CLIHarness.csvRows(bytes) }

private func batch(_ input: String, _ arguments: [String] = [], catalog: Catalog = BrochureYear.books) -> ([UInt8], CLIResult) {
  CLIHarness.runBytes(["batch"] + arguments + ["-"], stdin: Array(input.utf8), catalog: catalog)
}

@Suite struct BatchTests {
  /// A pricing column with a misspelled header would pass through while every row is priced
  /// without it (a hospital at 177,660円 instead of its price with its other beds): an error
  /// naming the header and the column meant, before any row is written.
  @Test(arguments: [
    ("securty", "security"), ("セキュリティ割増", "セキュリティー割増引"), ("療養病床の数", "療養病床数・精神病床数"),
    ("病床数", "一般病床数・その他病床数"), ("plans", "plan"), ("genral_beds", "general_beds"),
  ])
  func aHeaderCloseToAPricingColumnIsAnError(_ header: String, _ meant: String) {
    let (out, result) = batch(
      "会員名,program,facility,plan,general_beds,\(header)\nA,byoin-kyosaikai,hospital,S4,100,10\n".replacingOccurrences(
        of: ",general_beds,genral_beds", with: ",genral_beds"))
    #expect(result.status == 2)
    #expect(out.isEmpty)
    #expect(result.stderr.contains("見出しの '\(header)' は計算に使う列 '\(meant)"), "\(result.stderr)")
    #expect(result.stderr.contains("'#\(header)'"))
  }

  /// A list that splits 一般病床以外 by kind has the kinds summed as other beds, on one core and
  /// two, and the run says so.
  @Test func otherBedsSplitByKindAreSummed() throws {
    var list = "会員名,制度,施設区分,プラン,一般病床数,療養病床数,精神病床数,結核病床数\n"
    for i in 0..<400 { list += "病院\(i),byoin-kyosaikai,病院,S4,\(100 + i % 7),\(i % 5),\(i % 3 == 0 ? "" : "12"),\(i % 2)\n" }
    let expected = try (0..<400).map { i -> String in
      let other = i % 5 + (i % 3 == 0 ? 0 : 12) + i % 2
      let quote = try BrochureYear.catalog.quote(
        QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: 100 + i % 7, otherBeds: other))
      return String(quote.premium.amount)
    }
    let (serial, result) = batch(list)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try rows(serial).dropFirst().map { $0[8] } == expected)
    #expect(result.stderr.contains("注: 療養病床数+精神病床数+結核病床数 を合計し、一般病床以外の病床数として計算しました"))
    let file = try ParallelBatchTests.temporaryFile(Array(list.utf8))
    defer { try? FileManager.default.removeItem(at: file) }
    let variables = ["CYBERQUOTE_PARALLEL_MIN_BYTES": "1", "CYBERQUOTE_PARALLEL_CHUNK_BYTES": "512"]
    let (parallel, twoCores) = CLIHarness.runBytes(["batch", file.path], variables: variables)
    #expect(parallel == serial)
    #expect(twoCores.stderr == result.stderr)
  }

  /// impact and proposal --members read the same columns and say the same.
  @Test func impactAndProposalSumOtherBedsSplitByKind() throws {
    let list = "会員名,制度,施設区分,プラン,一般病床数,療養病床数,精神病床数\nA病院,byoin-kyosaikai,病院,S4,100,12,8\n"
    let impact = CLIHarness.run(["impact", "--old", "builtin", "--new", "builtin", "-"], stdin: Array(list.utf8))
    #expect(impact.status == 0, "\(impact.stderr)")
    #expect(impact.stderr.contains("療養病床数+精神病床数 を合計し"))
    let premium = try BrochureYear.catalog.quote(
      QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: 100, otherBeds: 20)
    ).premium.amount
    #expect(try rows(Array(impact.stdout.utf8))[1][7] == String(premium))
    let scratch = try ScratchDirectory("split-beds")
    let path = try scratch.write("list.csv", list)
    let proposal = CLIHarness.run(["proposal", "--members", path])
    #expect(proposal.status == 0, "\(proposal.stderr)")
    #expect(proposal.stderr.contains("療養病床数+精神病床数 を合計し"))
    #expect(proposal.stdout.contains(YenFormat.grouped(premium)))
  }

  @Test func otherBedsSplitByKindNameTheBadPart() throws {
    let (out, result) = batch("制度,施設区分,プラン,一般病床数,療養病床数,精神病床数\nbyoin-kyosaikai,病院,S4,100,10,abc\nbyoin-kyosaikai,病院,S4,100,10,9999\n")
    #expect(result.status == 1)
    let errors = try rows(out).dropFirst().map { $0.dropLast().last ?? "" }
    #expect(errors[0] == "療養病床数+精神病床数 の値 'abc' は数値ではありません")
    #expect(errors[1].hasPrefix("療養病床数+精神病床数 の値 '精神病床数 9999' は範囲外です"), "\(errors[1])")
  }

  @Test func otherBedsInOneColumnAndSplitIsAnError() {
    let (out, result) = batch("制度,施設区分,プラン,その他病床数,精神病床数\nbyoin-kyosaikai,病院,S4,10,5\n")
    #expect(result.status == 2)
    #expect(out.isEmpty)
    #expect(result.stderr.contains("見出しに 'その他病床数' と '精神病床数' の両方があります"))
  }

  /// A BOM in the middle of a row (files joined with cat) is not part of the cell after it.
  @Test func aBOMInsideARowIsNotPartOfACell() throws {
    let (out, result) = batch("program,facility,plan\nfukuoka-ishikai,clinic,\u{FEFF}S4\n\u{FEFF}fukuoka-ishikai,clinic,S4\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try CLIHarness.csvRows(out).dropFirst().map { $0[3] } == ["55880", "55880"])
  }

  /// A percentage is reported as typed, however many decimals it has.
  @Test func aPercentageIsReportedAsTyped() throws {
    let (out, _) = batch("program,facility,plan,general_beds,security\nbyoin-kyosaikai,hospital,S4,100,30.0000000000000001\n")
    #expect(try CLIHarness.csvRows(out).last?.dropLast().last == "security の値 '30.0000000000000001' は範囲外です。指定できる値: -30～30 (%)")
    let quote = CLIHarness.run([
      "quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "100", "--security", "30.0000000000000001",
    ])
    #expect(quote.stderr.contains("'30.0000000000000001'"))
  }

  /// A row with a million extra cells is named with a few of them, each cut short.
  @Test func theExtraCellsErrorQuotesAFew() throws {
    let extra = (0..<100_000).map { "cell\($0)" }.joined(separator: ",")
    let long = String(repeating: "x", count: 1_000)
    let (out, result) = batch("program,facility,plan\nfukuoka-ishikai,clinic,S4,\(long),\(extra)\n", ["--lang", "en"])
    #expect(result.status == 1)
    let error = try #require(try CLIHarness.csvRows(out).last?.dropLast().last)
    #expect(error == "the row has more cells than the header (100001 extra: \(String(repeating: "x", count: 40))…, cell0, cell1, …)")
  }

  /// Names far from any pricing column pass through, as does any header starting with #; English
  /// names match whatever separates their words.
  @Test func otherHeadersPassThrough() throws {
    let (out, result) = batch(
      "会員名,施設名,name,facility_name,備考,note,#securty,program,facility,plan,general_beds,Other Beds\nA,B,C,D,E,F,-10,byoin-kyosaikai,hospital,S4,100,20\n")
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try CLIHarness.csvRows(out)
    #expect(rows[1][6] == "'-10")  // a text column: neutralised as a formula, never read
    let expected = try BrochureYear.catalog.quote(
      QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: 100, otherBeds: 20))
    #expect(rows[1][12] == "\(expected.premium.amount)")
  }

  static let list = """
    会員名,制度,施設区分,プラン,一般病床数,その他病床数,定員,セキュリティー割増引,備考
    髙橋病院,byoin-kyosaikai,病院,S4,100,20,,▲10,
    山田医院,fukuoka-ishikai,診療所,S4,,,,,"紹介: 佐藤, 鈴木"
    老健さくら,byoin-kyosaikai,老健,S2,,,80,,
    """ + "\n"

  @Test func pricesEveryRowKeepingEveryCell() throws {
    let (out, result) = batch(Self.list)
    #expect(result.status == 0)
    let table = try rows(out)
    #expect(
      table[0] == [
        "会員名", "制度", "施設区分", "プラン", "一般病床数", "その他病床数", "定員", "セキュリティー割増引", "備考", "premium", "installments", "installment_premium", "basis", "error", "warnings",
      ])
    // Security typed: an estimate (001 〈7〉).
    #expect(table[1].dropLast() == ["髙橋病院", "byoin-kyosaikai", "病院", "S4", "100", "20", "", "▲10", "", "164400", "1", "164400", "estimate", ""])
    // The quote's warnings on the row itself, as codes: 001 prints no dates, and the typed
    // security adjustment makes an estimate; each sentence once on stderr.
    #expect(table[1].last == "period-undated;estimate-security")
    #expect(result.stderr.contains("警告 [period-undated]: byoin-kyosaikai のパンフレットには保険期間の日付の記載がありません"))
    #expect(result.stderr.contains("警告 [estimate-security] （2行目ほか）: セキュリティー割増引▲10%を仮に適用した参考値です"))
    #expect(table[2].dropLast().suffix(6) == ["紹介: 佐藤, 鈴木", "55880", "1", "55880", "published", ""])
    #expect(table.allSatisfy { $0.count == 15 })
    // 560 × 61.4 = 34,384: the modified count on a capacity of 50 or more is an assumption.
    #expect(table[3].dropLast().suffix(5) == ["34380", "1", "34380", "estimate", ""])
    #expect(result.stderr.contains("計算済み 3行、エラー 0行、保険料合計 254,660円"))
  }

  @Test func utf8WithByteOrderMarkAndCRLF() throws {
    let input = [0xEF, 0xBB, 0xBF] + Array(Self.list.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    let (out, result) = CLIHarness.runBytes(["batch"], stdin: input)
    #expect(result.status == 0)
    let table = try rows(out)
    #expect(table.count == 4)
    #expect(table[0][0] == "会員名")
    #expect(table[1][9] == "164400")
    #expect(!out.starts(with: [0xEF, 0xBB, 0xBF]))  // plain UTF-8 out unless --excel
  }

  /// What Japanese Excel saves: CP932. ①, 髙 and ㈱ come out as the same characters, and the
  /// output's cells encode back to the very bytes that came in.
  @Test func shiftJISRoundTrip() throws {
    let text = "会員名,制度,施設区分,プラン\r\n①髙橋㈱クリニック,fukuoka-ishikai,一般診療所,S1\r\n"
    let input = Array(try #require(text.data(using: .shiftJIS)))
    for arguments in [[], ["--encoding", "cp932"]] {
      let (out, result) = CLIHarness.runBytes(["batch"] + arguments, stdin: input)
      #expect(result.status == 0)
      let table = try rows(out)
      #expect(table[1][0] == "①髙橋㈱クリニック")
      #expect(table[1][4] == "29380")
      let back = Array(try #require(table[1][0].data(using: .shiftJIS)))
      #expect(back == Array(try #require("①髙橋㈱クリニック".data(using: .shiftJIS))))
    }
  }

  @Test func excelOutputHasByteOrderMarkAndCRLF() throws {
    let (out, result) = batch(Self.list, ["--excel"])
    #expect(result.status == 0)
    #expect(out.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: out.dropFirst(3), as: UTF8.self)
    #expect(text.components(separatedBy: "\r\n").count == 5)  // 4 records and the empty tail
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }

  @Test func quotedCommasQuotesAndLineBreaksSurvive() throws {
    let input = "plan,program,facility,memo\nS1,fukuoka-ishikai,clinic,\"a, \"\"b\"\"\nc\"\n"
    let (out, result) = batch(input)
    #expect(result.status == 0)
    #expect(try rows(out)[1][3] == "a, \"b\"\nc")
    #expect(String(decoding: out, as: UTF8.self).contains("\"a, \"\"b\"\"\nc\""))
  }

  @Test func fullWidthDigitsAndLetters() throws {
    let (out, result) = batch("制度,施設区分,プラン,一般病床数\nbyoin-kyosaikai,病院,ｓ４,１２０\n")
    #expect(result.status == 0)
    #expect(try rows(out)[1][4] == "198140")  // 2,560 × 77.4 = 198,144
  }

  @Test func formulaInjectionIsNeutralizedButNumbersStay() throws {
    let input =
      "name,program,facility,plan,general_beds,security\n=HYPERLINK(\"x\"),byoin-kyosaikai,hospital,S1,10,-10\n@SUM(1),byoin-kyosaikai,hospital,S1,10,=1+1\n"
    let (out, result) = batch(input)
    #expect(result.status == 1)
    let table = try rows(out)
    #expect(table[1][0] == "'=HYPERLINK(\"x\")")
    #expect(table[1][5] == "-10")
    #expect(table[1][6] == "5940")
    #expect(table[2][0] == "'@SUM(1)")
    #expect(table[2][5] == "'=1+1")
    #expect(table[2].count == 12)
    #expect(table[2][6] == "" && table[2][9] == "")
    #expect(table[2].dropLast().last?.contains("security") == true)
  }

  /// A priced row whose only formula-like cells are numbers: kept in numeric columns, neutralized
  /// in a column the tool does not read.
  @Test func negativeNumbersStayOnlyInNumericColumns() throws {
    let (out, result) = batch("program,facility,plan,general_beds,security,note\nbyoin-kyosaikai,hospital,S1,10,-10,-5\n")
    #expect(result.status == 0)
    let table = try rows(out)
    #expect(table[1][4] == "-10")
    #expect(table[1][5] == "'-5")
    #expect(table[1][6] == "5940")
  }

  @Test func badRowsMixedWithGoodOnes() throws {
    let input = """
      program,facility,plan,general_beds,capacity
      byoin-kyosaikai,hospital,S4,100,
      byoin-kyosaikai,hospital,S4,abc,
      byoin-kyosaikai,nursing,S4,10,
      nosuch,hospital,S4,10,
      byoin-kyosaikai,roken,S4,10,
      byoin-kyosaikai,hospital,T3,10,
      ,hospital,S4,10,
      byoin-kyosaikai,hospital,S4,10,,extra
      byoin-kyosaikai,clinic,S1,,

      """
    let (out, result) = batch(input)
    #expect(result.status == 1)
    let table = try rows(out)
    #expect(table.count == 10)
    #expect(table.allSatisfy { $0.count == table[0].count }, "every row as wide as the header")
    let errors = table.dropFirst().map { $0.dropLast().last ?? "" }
    #expect(errors[0] == "")
    #expect(errors[1].contains("general_beds") && errors[1].contains("'abc'"))
    #expect(errors[2].contains("facility") && errors[2].contains("'nursing'"))
    #expect(errors[3].contains("'nosuch'"))
    #expect(errors[4].contains("general_beds") && errors[4].contains("capacity"))
    #expect(errors[5].contains("T3"))
    #expect(errors[6].contains("program"))
    #expect(errors[7].contains("extra"))
    #expect(errors[8] == "")
    #expect(table[2][5] == "")  // no premium on a bad row
    #expect(result.stderr.contains("計算済み 2行、エラー 7行"))
  }

  @Test func defaultProgramAndRepricing() throws {
    let (out, result) = batch("facility,plan\nclinic,S1\n", ["--program", "fukuoka-ishikai", "--group-discount", "15", "--installments", "12"])
    #expect(result.status == 0)
    #expect(try rows(out)[1].dropLast().suffix(5) == ["31200", "12", "2600", "estimate", ""])
  }

  @Test func unreadableInputsExitTwoWithNothingOnStdout() {
    for input in ["", "name,memo\nx,y\n", "program,plan\n\"unterminated\n"] {
      let (out, result) = batch(input)
      #expect(result.status == 2, "\(input)")
      #expect(out.isEmpty || input.contains("unterminated"), "\(input)")
      #expect(!result.stderr.isEmpty)
    }
    let (out, result) = CLIHarness.runBytes(["batch", "/nonexistent/members.csv"])
    #expect(result.status == 2)
    #expect(out.isEmpty)
    #expect(result.stderr.contains("/nonexistent/members.csv"))
  }

  /// Excel's rows of separators under a list are no rows: skipped, counted in the summary, and
  /// the run does not fail; a row of quoted empty cells is still a row.
  @Test func excelsTrailingSeparatorRowsAreSkipped() throws {
    let input = "施設名,制度,施設区分,プラン\r\nA,fukuoka-ishikai,診療所,S4\r\n,,,\r\n,,,\r\n\"\",,,\r\n"
    let result = CLIHarness.run(["batch", "-"], stdin: Array(input.utf8))
    #expect(result.status == 1, "\(result.stderr)")  // the quoted row is a row, and fails
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(result.stderr.contains("（区切りだけの行 2行は読み飛ばしました）"))
    let clean = CLIHarness.run(["batch", "-"], stdin: Array("program,facility,plan\nfukuoka-ishikai,clinic,S4\n,,\n,,\n".utf8))
    #expect(clean.status == 0 && clean.stdout.split(separator: "\n").count == 2, "\(clean.stderr)")
    // Blank lines between rows are skipped by every reader of member lists.
    let blank = try ScratchDirectory("blank")
    let withBlanks = try blank.write(
      "list.csv", "施設名,program,facility,plan,expected_premium\n\nA,fukuoka-ishikai,clinic,S4,55880\n\n\nB,fukuoka-ishikai,clinic,S3,44610\n\n")
    let checked = CLIHarness.run(["verify", withBlanks])
    #expect(checked.status == 0 && checked.stdout.contains("照合 2行、一致 2行"), "\(checked.stdout)\(checked.stderr)")
    let page = CLIHarness.run(["proposal", "--members", withBlanks])
    #expect(page.status == 0 && !page.stdout.contains("class=\"failed\""), "\(page.stderr)")
    let impact = CLIHarness.run(["impact", "--old", "builtin", "--new", "builtin", withBlanks])
    #expect(impact.status == 0 && impact.stderr.contains("会員 2行"), "\(impact.stderr)")
    let scratch = try ScratchDirectory("separators")
    let checks = try scratch.write("checks.csv", "program,facility,plan,expected_premium\nfukuoka-ishikai,clinic,S4,55880\n,,,\n")
    let verify = CLIHarness.run(["verify", checks])
    #expect(verify.status == 0 && verify.stdout.contains("照合 1行、一致 1行"), "\(verify.stdout)\(verify.stderr)")
  }

  @Test func headerOnlyIsAnEmptyResult() throws {
    let (out, result) = batch("program,facility,plan\n")
    #expect(result.status == 0)
    #expect(try rows(out) == [["program", "facility", "plan", "premium", "installments", "installment_premium", "basis", "error", "warnings"]])
  }

  @Test func unknownDefaultProgramFailsBeforeReading() {
    let (out, result) = batch(Self.list, ["--program", "nosuch"])
    #expect(result.status == 1)
    #expect(out.isEmpty)
  }

  @Test func bytesInvalidInTheEncodingAreARowError() throws {
    let input: [UInt8] = Array("program,facility,plan\nbyoin-kyosaikai,clinic,S1\n".utf8) + [0xFF, 0xFE] + Array(",clinic,S1\n".utf8)
    let (out, result) = CLIHarness.runBytes(["batch", "--encoding", "utf-8", "-"], stdin: input)
    #expect(result.status == 1)
    let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1].contains(",32640,1,32640,published,,"))
    #expect(lines[2].hasSuffix(",,,,,program の文字コードが不正です（--encoding を確認してください）,"))
  }

  @Test func absurdNumbersAreRowErrors() throws {
    let input =
      "program,facility,plan,general_beds,security,facilities\n"
      + "byoin-kyosaikai,hospital,S1,99999999999999999999999,,\n"
      + "byoin-kyosaikai,hospital,S1,10,-99999999999999999999,\n"
      + "kumamoto-hokeni,clinic,A,,,1e9\n"
      + "byoin-kyosaikai,hospital,S1,-5,,\n"
    let (out, result) = batch(input)
    #expect(result.status == 1)
    let table = try rows(out)
    #expect(table.count == 5)
    #expect(table.dropFirst().allSatisfy { $0[6] == "" && !$0[$0.count - 2].isEmpty })
  }

  @Test func jsonLinesCarryTheQuoteAndTheInput() throws {
    let (out, result) = batch(Self.list + "x,nosuch,病院,S1,,,,,\n", ["--format", "jsonl"])
    #expect(result.status == 1)
    let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 4)
    let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect((first["premium"] as? NSNumber)?.int64Value == 164_400)
    #expect((first["input"] as? [String: String])?["会員名"] == "髙橋病院")
    let last = try #require(try JSONSerialization.jsonObject(with: Data(lines[3].utf8)) as? [String: Any])
    #expect(last["premium"] is NSNull)
    #expect((last["error"] as? String)?.contains("nosuch") == true)
  }

  /// CSV out in CP932 for legacy systems: ①, 髙 and ㈱ come out as Windows encodes them; a
  /// character CP932 cannot hold is that row's error, never silently replaced.
  @Test func outputInCP932() throws {
    let list = "会員名,制度,施設区分,プラン\n①髙橋㈱,fukuoka-ishikai,診療所,S4\n𠮷野医院,fukuoka-ishikai,診療所,S4\n"
    let (out, result) = batch(list, ["--output-encoding", "cp932", "--excel"])
    #expect(result.status == 1)
    #expect(!out.starts(with: [0xEF, 0xBB, 0xBF]))  // no UTF-8 mark on CP932
    let expected = try #require("①髙橋㈱,fukuoka-ishikai,診療所,S4,55880,1,55880,published,,".data(using: .shiftJIS))
    #expect(Array(expected) == [0x87, 0x40, 0xFB, 0xFC] + Array(expected.dropFirst(4)))  // NEC ①, IBM 髙
    #expect(out.indices.contains { out[$0...].starts(with: Array(expected)) })
    var reader = CSVReader(MemoryByteSource(out), encoding: .cp932)
    var rows: [[String]] = []
    while try reader.next() { rows.append((0..<reader.fieldCount).map { CP932.decode(reader.field($0)) }) }
    #expect(rows[2][0] == "?野医院")
    #expect(rows[2][8].contains("U+20BB7"))
    #expect(rows[2][4] == "")
    #expect(result.stderr.contains("エラー 1行"))
    let refused = CLIHarness.run(["batch", "--output-encoding", "cp932", "--format", "jsonl", "-"], stdin: Array(list.utf8))
    #expect(refused.status == 2)
  }

  /// A failed row has a priced row's keys, in the same order, and both warn as quote does (of a
  /// period that has ended, with only this year's book).
  @Test func aFailedJSONLineHasThePricedKeysAndWarnings() throws {
    let list = "program,facility,plan\nfukuoka-ishikai,clinic,S4\nfukuoka-ishikai,clinic,S99\n"
    let (out, _) = batch(list, ["--format", "jsonl", "--date", "2026-11-21"], catalog: BrochureYear.booksAlone)
    let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
    let keys = { (line: Substring) -> [String] in
      // JSONSerialization loses the order: read the keys of the top-level object in order.
      var reader = JSONKeyOrder(String(line))
      return reader.topLevelKeys()
    }
    #expect(keys(lines[0]) == keys(lines[1]))
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      // Each warning as its code and its sentence.
      let first = (object["warnings"] as? [[String: Any]])?.first
      #expect(first?["code"] as? String == "period-ended")
      #expect((first?["message"] as? String)?.contains("fukuoka-ishikai") == true)
    }
    let quote = CLIHarness.run(
      ["quote", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--format", "json", "--date", "2026-11-21"],
      catalog: BrochureYear.booksAlone)
    #expect(keys(lines[0]).filter { !["line", "input", "error"].contains($0) } == keys(Substring(quote.stdout.filter { $0 != "\n" })))
  }
}

/// The keys of a JSON object's top level, in the order written (the output's order is stable).
struct JSONKeyOrder {
  let text: [Character]
  init(_ text: String) { self.text = Array(text) }

  mutating func topLevelKeys() -> [String] {
    var keys: [String] = []
    var depth = 0
    var i = 0
    var expectingKey = false
    while i < text.count {
      let c = text[i]
      if c == "\"" {
        var j = i + 1
        var value = ""
        while j < text.count, text[j] != "\"" {
          if text[j] == "\\" { j += 1 }
          if j < text.count { value.append(text[j]) }
          j += 1
        }
        if depth == 1, expectingKey { keys.append(value) }
        expectingKey = false
        i = j + 1
        continue
      }
      switch c {
      case "{", "[":
        depth += 1
        expectingKey = c == "{" && depth == 1
      case "}", "]": depth -= 1
      case ",": expectingKey = depth == 1
      default: break
      }
      i += 1
    }
    return keys
  }
}
