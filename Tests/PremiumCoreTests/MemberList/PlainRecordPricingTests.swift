import Foundation
import TestSupport
import Testing

@testable import PremiumCore

/// The common record priced where the reader holds it writes exactly what the row-by-row path
/// writes, and counts the same, whatever rows surround it and wherever reads and pieces end.
@Suite struct PlainRecordPricingTests {
  /// Mostly plain rows the in-place path takes, mixed with every kind of cell and row it must leave to
  /// the row-by-row path: quotes, non-ASCII, formula starts outside the numbers, numbers that
  /// are not plain, unknown keys, too many or too few cells, blank lines, other line ends.
  static func randomList(seed: UInt64, rows: Int, header: [String], cp932: Bool = false) -> [UInt8] {
    var random = SeededGenerator(seed: seed)
    func pick(_ values: [String]) -> String { values.randomElement(using: &random)! }
    let lineEnds = ["\n", "\n", "\n", "\r\n", "\r"]
    var text = header.joined(separator: ",") + "\n"
    for _ in 0..<rows {
      // One cell in twenty is odd, so that most odd cells stand in otherwise plain rows.
      var cells = header.map { column -> String in
        let odd = Int.random(in: 0..<20, using: &random) == 0
        return switch column {
        case "program": pick(odd ? ["byoin-kyosaikai", "", "nosuch", "fukuoka-ishikai", "BYOIN-KYOSAIKAI"] : ["byoin-kyosaikai"])
        case "facility": pick(odd ? ["hospital", "病院", "roken", "clinic", "", "\"hospital\"", " hospital"] : ["hospital", "hospital", "kaigo-iryoin"])
        case "plan": pick(odd ? ["S1", "s4", "Ｓ２", "S9", "", "T1", "S1,S2"] : ["S1", "S3", "S4", "S7"])
        case "general_beds", "other_beds":
          pick(odd ? ["", "0", "007", "+5", "1,200", "-3", "10001", "123456789", "1.5", "=1", "１２"] : ["1", "19", "49", "50", "120", "499", "500", "2000"])
        case "capacity": odd ? pick(["", "30", "x"]) : ""
        case "security": pick(odd ? ["", "-30", "+30", "31", "▲10", "-0", "=5"] : ["", "0", "8", "-10", "-19", "15"])
        case "facilities": pick(odd ? ["", "1", "2", "0"] : ["", "1"])
        default: pick(odd ? ["=cmd()", "-5", "+x", "@a", "\tt", "名前", "a\"b", "", "!x", "a b", Self.notText] : ["M0001", "M0002", "abc", ""])
        }
      }
      if Int.random(in: 0..<20, using: &random) == 0 {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: cells.append(pick(["extra", "", "12", "-3"]))  // text, empty or a number past the header
        case 1: cells.removeLast(Int.random(in: 1...cells.count, using: &random))
        case 2: cells = []  // a blank line
        default: cells = [cells.joined(separator: ";")]
        }
      }
      text += cells.joined(separator: ",") + pick(lineEnds)
    }
    // Bytes that are text in neither encoding.
    var bytes: [UInt8] = []
    for (i, part) in text.components(separatedBy: Self.notText).enumerated() {
      if i > 0 { bytes += [0xFF, 0xFF] }
      bytes += cp932 ? CP932.encode(part).bytes : Array(part.utf8)
    }
    return bytes
  }

  /// Stands for two 0xFF bytes in a generated list.
  static let notText = "<FF>"

  static func price(
    _ csv: [UInt8], options: MemberListPricer.Options, inPlace: Bool, fromBytes: Bool = true, chunk: Int, bufferSize: Int, maxRows: Int
  ) throws -> (output: [UInt8], tally: MemberListPricer.Tally) {
    var pricer = MemberListPricer(catalog: BrochureYear.catalog, options: options)
    pricer.recordsInPlace = inPlace
    pricer.pricesFromBytes = fromBytes
    var reader = CSVReader(MemoryByteSource(csv, chunk: chunk), bufferSize: bufferSize)
    try pricer.readHeader(from: &reader)
    var output: [UInt8] = []
    while try pricer.priceRows(from: &reader, maxRows: maxRows, write: { output.append(contentsOf: $0) }) == .rowLimit {}
    return (output, pricer.tally)
  }

  static let headers = [
    ["member_id", "facility", "plan", "general_beds", "other_beds", "security", "expected"],
    ["program", "plan", "facility", "security", "general_beds", "other_beds", "capacity", "facilities", "name", "note", "more"],
    ["name", "program", "facility", "plan", "general_beds"],
  ]

  @Test(arguments: [UInt64(1), 2, 3, 4])
  func sameOutputAsRowByRow(_ seed: UInt64) throws {
    let header = Self.headers[Int(seed) % Self.headers.count]
    let csv = Self.randomList(seed: seed, rows: 2_000, header: header, cp932: seed == 4)
    for excel in [false, true] {
      let options = MemberListPricer.Options(defaults: .init(program: "byoin-kyosaikai"), excel: excel)
      // The same reads for both: where the buffer ends decides how much of the list the
      // encoding is guessed from.
      for (chunk, bufferSize, maxRows) in [(1 << 16, 1 << 18, Int.max), (7, 64, .max), (1 << 16, 300, 13), (4096, 1 << 12, 1)] {
        let expected = try Self.price(csv, options: options, inPlace: false, chunk: chunk, bufferSize: bufferSize, maxRows: maxRows)
        #expect(expected.tally.priced > 1_000)
        let inPlace = try Self.price(csv, options: options, inPlace: true, chunk: chunk, bufferSize: bufferSize, maxRows: maxRows)
        #expect(inPlace.output == expected.output, "seed \(seed), excel \(excel), chunk \(chunk), buffer \(bufferSize), rows \(maxRows)")
        #expect(inPlace.tally == expected.tally)
      }
    }
  }

  /// Rows priced from their bytes (a route's figures, or its key's failure: an unknown program,
  /// no facility) write what decoding every row writes.
  @Test(arguments: [UInt64(5), 6, 7])
  func sameOutputAsDecodingEveryRow(_ seed: UInt64) throws {
    let header = Self.headers[Int(seed) % Self.headers.count]
    let csv = Self.randomList(seed: seed, rows: 3_000, header: header, cp932: seed == 7)
    for excel in [false, true] {
      let options = MemberListPricer.Options(defaults: .init(program: "byoin-kyosaikai"), excel: excel)
      let decoded = try Self.price(csv, options: options, inPlace: false, fromBytes: false, chunk: 1 << 16, bufferSize: 1 << 18, maxRows: .max)
      let fromBytes = try Self.price(csv, options: options, inPlace: true, chunk: 1 << 16, bufferSize: 1 << 18, maxRows: .max)
      #expect(decoded.tally.failed > 100)
      #expect(fromBytes.output == decoded.output, "seed \(seed), excel \(excel)")
      #expect(fromBytes.tally == decoded.tally)
    }
  }

  /// Parts priced one after another, cut anywhere, give the whole list's output: the in-place
  /// path stops exactly at a boundary, as the row-by-row path does.
  @Test func stopsAtBoundaries() throws {
    let csv = Self.randomList(seed: 9, rows: 500, header: Self.headers[0])
    let options = MemberListPricer.Options(defaults: .init(program: "byoin-kyosaikai"))
    let whole = try Self.price(csv, options: options, inPlace: false, chunk: 777, bufferSize: 1 << 10, maxRows: .max)
    let lineStarts = [0] + csv.indices.filter { csv[$0] == 0x0A }.map { $0 + 1 }
    var random = SeededGenerator(seed: 9)
    let boundaries = Set((0..<20).map { _ in lineStarts.randomElement(using: &random)! }).sorted()
    for inPlace in [false, true] {
      var pricer = MemberListPricer(catalog: BrochureYear.catalog, options: options)
      pricer.recordsInPlace = inPlace
      var reader = CSVReader(MemoryByteSource(csv, chunk: 777), bufferSize: 1 << 10)
      try pricer.readHeader(from: &reader)
      var output: [UInt8] = []
      var stops: [MemberListPricer.Stop] = []
      var stop = MemberListPricer.Stop.rowLimit
      var next = 0
      while stop != .end {
        stop = try pricer.priceRows(from: &reader, boundaries: boundaries[next...], write: { output.append(contentsOf: $0) })
        stops.append(stop)
        guard case .boundary(let i) = stop else { continue }
        #expect(reader.bytesRead == boundaries[i])
        next = i + 1
      }
      #expect(output == whole.output)
      #expect(stops.count > 5, "in place: \(inPlace)")
    }
  }
}
