import PremiumCore
import TestSupport
import Testing

/// What the `batch` command does with a pricer beyond the public surface: rows in pieces, and
/// parts of one list priced apart and joined.
@Suite struct MemberListPartsTests {
  static let catalog = BrochureYear.catalog
  /// docs/library.md's list (``MemberLists/documented``).
  static let list = MemberLists.documented

  /// The same list in small pieces (a few rows per call, reads of 7 bytes) writes the same bytes.
  @Test func piecesWriteTheSameBytes() throws {
    let (whole, _) = try MemberListPricer.price(Array(Self.list.utf8), catalog: Self.catalog, options: .init())
    var pricer = MemberListPricer(catalog: Self.catalog, options: .init())
    var reader = CSVReader(MemoryByteSource(Array(Self.list.utf8), chunk: 7))
    try pricer.readHeader(from: &reader)
    var output: [UInt8] = []
    var calls = 0
    while try pricer.priceRows(from: &reader, maxRows: 1, write: { output.append(contentsOf: $0) }) == .rowLimit { calls += 1 }
    #expect(calls == 3)
    #expect(output == whole)
  }

  /// Two parts of one list priced by two pricers (as two threads would), held and written in
  /// order, write what one pricer writes, and their tallies add up to its tally.
  @Test func twoParts() throws {
    let bytes = Array(Self.list.utf8)
    let (whole, wholeTally) = try MemberListPricer.price(bytes, catalog: Self.catalog, options: .init())
    let cut = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1  // the start of the second row

    var first = MemberListPricer(catalog: Self.catalog, options: .init())
    var reader = CSVReader(MemoryByteSource(Array(bytes[..<cut])))
    try first.readHeader(from: &reader)
    var second = first.forAnotherPart()
    #expect(try first.priceRows(from: &reader, holdLimit: 1 << 20) == .end)
    var secondReader = CSVReader(MemoryByteSource(Array(bytes[cut...])))
    #expect(try second.priceRows(from: &secondReader, holdLimit: 1 << 20) == .end)

    var output: [UInt8] = []
    first.takeOutput { output.append(contentsOf: $0) }
    second.takeOutput { output.append(contentsOf: $0) }
    #expect(output == whole)
    first.absorb(second.takeTally())
    #expect(first.tally == wholeTally)
  }
}
