import Testing

@testable import PremiumCore

/// A rate book that cannot be loaded is reported as such, never as an arithmetic overflow.
@Suite struct UnreadableRateBookTests {
  @Test func aBrokenBookIsNamed() {
    let broken = RateFileError(file: "x.json", line: 3, path: "tables", message: "expected an array")
    let catalog = Catalog(entries: [
      Catalog.Entry(id: "broken", origin: "x.json", isBuiltIn: false) { () throws(RateFileError) in throw broken }
    ])
    var pricer = RowPricer(catalog: catalog)
    guard case .failure(.rateBookUnreadable(let error)) = pricer.program("broken") else {
      Issue.record("not reported as unreadable")
      return
    }
    #expect(error == broken)
  }
}
