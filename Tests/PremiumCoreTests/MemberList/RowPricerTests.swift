import Testing

@testable import PremiumCore

/// A rate book that cannot be loaded is reported as such, never as an arithmetic overflow.
@Suite struct UnreadableRateBookTests {
  struct Odd: Error {}

  @Test func aBrokenBookIsNamed() {
    let broken = RateFileError(file: "x.json", line: 3, path: "tables", message: "expected an array")
    let catalog = Catalog(entries: [
      Catalog.Entry(id: "broken", origin: "x.json", isBuiltIn: false) { throw broken },
      Catalog.Entry(id: "odd", origin: "y.json", isBuiltIn: false) { throw Odd() },
    ])
    var pricer = RowPricer(catalog: catalog)
    guard case .failure(.rateBookUnreadable(let error)) = pricer.program("broken") else {
      Issue.record("not reported as unreadable")
      return
    }
    #expect(error == broken)
    guard case .failure(.rateBookUnreadable(let other)) = pricer.program("odd") else {
      Issue.record("another error taken for something else")
      return
    }
    #expect(other.message.contains("Odd"))
  }
}
