import Testing

@testable import PremiumCore

/// Every record accessor gives the same answer whatever the size of each read: a record (or its
/// CR, LF or quote) split across reads is the same record. A CR that is the last byte of a read
/// once left `rawRecord` pointing at bytes that had moved.
@Suite struct CSVReaderChunkTests {
  struct Record: Equatable, CustomStringConvertible {
    static func == (a: Record, b: Record) -> Bool {
      (a.raw, a.fields, a.line, a.blank, a.quoted, a.nonASCII) == (b.raw, b.fields, b.line, b.blank, b.quoted, b.nonASCII)
    }

    var raw: [UInt8]
    var fields: [[UInt8]]
    var line: Int
    var blank: Bool
    var quoted: Bool
    var nonASCII: Bool
    /// Not compared: exact for a record read in one pass, all bits (look at each) otherwise.
    var formulaStarts: UInt64
    var description: String { "line \(line): \(String(decoding: raw, as: UTF8.self)) \(fields.map { String(decoding: $0, as: UTF8.self) })" }
  }

  static func records(_ text: [UInt8], chunk: Int) throws -> [Record] {
    var reader = CSVReader(MemoryByteSource(text, chunk: chunk), encoding: .utf8, bufferSize: 16)
    var out: [Record] = []
    while try reader.next() {
      out.append(
        Record(
          raw: Array(reader.rawRecord), fields: (0..<reader.fieldCount).map(reader.field), line: reader.line,
          blank: reader.isBlankLine, quoted: reader.recordHadQuotes, nonASCII: reader.recordHasNonASCII, formulaStarts: reader.formulaStarts))
    }
    return out
  }

  static let inputs: [String] = [
    "ab,cd\r\nefgh,ij\r\nklmnop,q\r\nr,s\r\n",
    "a,b\nc,d\n\n\"e,\"\"f\"\"\",g\r\n=h,-1,髙橋\r\n,\n\"\"\nlast",
    "x\r\r\ny,z\r\n\"multi\r\nline\",2\n",
  ]

  @Test(arguments: inputs)
  func everyChunkSizeReadsTheSameRecords(_ input: String) throws {
    let bytes = Array(input.utf8)
    let whole = try Self.records(bytes, chunk: bytes.count)
    #expect(!whole.isEmpty)
    for chunk in 1...64 {
      let read = try Self.records(bytes, chunk: chunk)
      #expect(read.count == whole.count, "chunk \(chunk)")
      for (a, b) in zip(read, whole) {
        #expect(a == b, "chunk \(chunk): \(a) / \(b)")
        // The formula hint may only be wider (look at more fields), never miss one.
        #expect(a.formulaStarts & b.formulaStarts == b.formulaStarts, "chunk \(chunk): \(a)")
      }
    }
  }

  /// The case found: with reads of five bytes, the raw bytes of the last records.
  @Test func aCarriageReturnAtTheEndOfAReadKeepsTheRecord() throws {
    let records = try Self.records(Array("ab,cd\r\nefgh,ij\r\nklmnop,q\r\nr,s\r\n".utf8), chunk: 5)
    #expect(records.map { String(decoding: $0.raw, as: UTF8.self) } == ["ab,cd", "efgh,ij", "klmnop,q", "r,s"])
  }
}
