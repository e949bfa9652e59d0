import Foundation
import Testing

@testable import PremiumCore

/// Reads every record of `bytes` as decoded strings.
func readAll(
  _ bytes: [UInt8], chunk: Int = 1 << 16, bufferSize: Int = 1 << 18, encoding: InputEncoding? = nil
) throws -> (records: [[String]], encoding: InputEncoding?, lines: [Int]) {
  var reader = CSVReader(MemoryByteSource(bytes, chunk: chunk), encoding: encoding, bufferSize: bufferSize)
  var records: [[String]] = []
  var lines: [Int] = []
  while try reader.next() {
    lines.append(reader.line)
    records.append(
      (0..<reader.fieldCount).map { i in
        reader.encoding == .cp932 ? CP932.decode(reader.field(i)) : String(decoding: reader.field(i), as: UTF8.self)
      })
  }
  return (records, reader.encoding, lines)
}

@Suite struct CSVReaderTests {
  static let tricky = "name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\n\"two\nlines\",x\r\nplain,\"\"\r\nlast,no newline"

  @Test(arguments: [1, 2, 3, 7, 64, 1 << 16])
  func quotingAndLineEndsAcrossChunkBoundaries(_ chunk: Int) throws {
    let (records, _, lines) = try readAll(Array(Self.tricky.utf8), chunk: chunk, bufferSize: 16)
    #expect(records == [["name", "note"], ["Smith, J", "said \"hi\""], ["two\nlines", "x"], ["plain", ""], ["last", "no newline"]])
    #expect(lines == [1, 2, 3, 5, 6])
  }

  /// Spaces, `!` and control characters look like delimiters to the word scan (bytes below
  /// 0x23) and are text; a record of many fields grows the bounds mid-record. Read whole (the
  /// one-pass path) and a byte at a time (the general path), the records are the same.
  @Test func textBelowTheQuoteAndWideRecords() throws {
    let wide = (0..<150).map { "f\($0)" }.joined(separator: ",")
    let text = "a b!c\td,\u{1}x, ,!\r\n" + wide + "\n=1,-2, 3\r\nlast one,\u{7F}\n"
    let whole = try readAll(Array(text.utf8))
    let bytewise = try readAll(Array(text.utf8), chunk: 1, bufferSize: 16)
    #expect(whole.records == bytewise.records)
    #expect(whole.lines == bytewise.lines)
    #expect(whole.records[0] == ["a b!c\td", "\u{1}x", " ", "!"])
    #expect(whole.records[1].count == 150 && whole.records[1][149] == "f149")
    #expect(whole.records[2] == ["=1", "-2", " 3"])
    #expect(whole.records[3] == ["last one", "\u{7F}"])
  }

  /// Only an empty line is blank; a line holding `""` is a row with one empty cell.
  @Test func onlyAnEmptyLineIsBlank() throws {
    var reader = CSVReader(MemoryByteSource(Array("a\n\n\"\"\n \n".utf8)))
    var blank: [Bool] = []
    while try reader.next() { blank.append(reader.isBlankLine) }
    #expect(blank == [false, true, false, false])
  }

  @Test func lfAndCRLFAndBareCR() throws {
    #expect(try readAll(Array("a,b\n1,2\n".utf8)).records == [["a", "b"], ["1", "2"]])
    #expect(try readAll(Array("a,b\r\n1,2\r\n".utf8)).records == [["a", "b"], ["1", "2"]])
    #expect(try readAll(Array("a,b\r1,2".utf8)).records == [["a", "b"], ["1", "2"]])
  }

  @Test func byteOrderMarkIsDroppedAndMeansUTF8() throws {
    let (records, encoding, _) = try readAll([0xEF, 0xBB, 0xBF] + Array("制度,plan\n".utf8), chunk: 1)
    #expect(records == [["制度", "plan"]])
    #expect(encoding == .utf8)
  }

  @Test func detectsCP932() throws {
    let text = "会員名,施設区分\n①髙橋㈱,病院\n"
    let bytes = Array(try #require(text.data(using: .shiftJIS)))
    let (records, encoding, _) = try readAll(bytes, chunk: 3)
    #expect(encoding == .cp932)
    #expect(records == [["会員名", "施設区分"], ["①髙橋㈱", "病院"]])
  }

  @Test func detectsUTF8AfterAnASCIIHeader() throws {
    let (records, encoding, _) = try readAll(Array("name,plan\n髙橋,S1\n".utf8))
    #expect(encoding == .utf8)
    #expect(records[1] == ["髙橋", "S1"])
  }

  @Test func emptyInputHasNoRecords() throws {
    #expect(try readAll([]).records.isEmpty)
  }

  @Test func unterminatedQuoteIsAnError() {
    #expect(throws: CSVError.unterminatedQuote(line: 2)) { try readAll(Array("a,b\n\"open,x\ny\n".utf8)) }
  }

  @Test func runawayRecordIsRefused() {
    let huge = [UInt8]("a\n".utf8) + [UInt8](repeating: 0x41, count: (1 << 20) + 10)
    #expect(throws: CSVError.recordTooLong(line: 2)) { try readAll(huge) }
  }

  /// A quote that never closes in a large file swallows every later line: it is named as the
  /// quote, where it opens, not as a record too long.
  @Test func anUnclosedQuoteInALargeFileIsNamedAsTheQuote() {
    let rows = (0..<100_000).map { "row,\($0)\n" }.joined()
    #expect(throws: CSVError.unterminatedQuote(line: 3)) { try readAll(Array("a,b\nx,y\n\"open,z\n\(rows)".utf8)) }
  }

  @Test func quoteInsideAnUnquotedFieldIsText() throws {
    #expect(try readAll(Array("a,b\n5\"7,x\n".utf8)).records[1] == ["5\"7", "x"])
  }
}

@Suite struct CSVWriterTests {
  func field(_ s: String, neutralize: Bool = true) -> String {
    var out: [UInt8] = []
    CSVWriter.appendField(s, neutralize: neutralize, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  @Test func quotesWhenNeeded() {
    #expect(field("plain") == "plain")
    #expect(field("a,b") == "\"a,b\"")
    #expect(field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(field("two\nlines") == "\"two\nlines\"")
  }

  @Test func neutralizesFormulas() {
    #expect(field("=SUM(A1)") == "'=SUM(A1)")
    #expect(field("+81") == "'+81")
    #expect(field("-10") == "'-10")
    #expect(field("@x") == "'@x")
    #expect(field("\tx") == "'\tx")
    #expect(field("=1,2") == "\"'=1,2\"")
    #expect(field("-10", neutralize: false) == "-10")
    #expect(field("a=b") == "a=b")
  }

  @Test func writesIntegers() {
    for n: Int64 in [0, 7, 10, 164_400, 99_999_999, 100_000_000, -820, Int64.max, Int64.min + 1, Int64.min] {
      var out: [UInt8] = []
      CSVWriter.appendInteger(n, to: &out)
      #expect(String(decoding: out, as: UTF8.self) == String(n))
    }
  }

  /// The batch buffer's own digits (lanes of one word below 10⁸, else a pair table) and
  /// constants.
  @Test func bufferWritesIntegersAndConstants() {
    let buffer = ByteBuffer(capacity: 16)
    var values: [Int64] = Array(0...100_000) + [164_400, 999_999, 1_000_000, 12_345_678, -5, -820]
    values += stride(from: 0, to: 100_000_000, by: 9_973).map { $0 }  // every lane's digits, a prime apart
    values += (1...18).flatMap { k -> [Int64] in
      let power = (0..<k).reduce(Int64(1)) { p, _ in p * 10 }
      return [power - 1, power, power + 1]  // both sides of each digit count, 10⁸ included
    }
    values += [Int64.max, Int64.min + 1, Int64.min]
    for n in values {
      buffer.removeAll()
      buffer.appendInteger(n)
      #expect(String(decoding: buffer.bytes, as: UTF8.self) == String(n))
    }
    for basis in Basis.allCases {
      buffer.removeAll()
      buffer.append(basis.constantName)
      #expect(String(decoding: buffer.bytes, as: UTF8.self) == basis.rawValue)
    }
  }

  /// Copies of every length up to past the 16-byte moves, at every alignment, touch exactly the
  /// bytes asked for.
  @Test func copiesExactlyTheBytesAskedFor() {
    let source = (0..<320).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
    for count in 0...300 {
      for offset in 0..<3 {
        var target = [UInt8](repeating: 0xEE, count: 320)
        source.withUnsafeBufferPointer { from in
          target.withUnsafeMutableBufferPointer { to in
            ByteBuffer.copy(from: from.baseAddress! + offset, to: to.baseAddress! + 1, count: count)
          }
        }
        #expect(target[0] == 0xEE && target[(1 + count)...].allSatisfy { $0 == 0xEE })
        #expect(Array(target[1..<(1 + count)]) == Array(source[offset..<(offset + count)]))
      }
    }
  }
}
