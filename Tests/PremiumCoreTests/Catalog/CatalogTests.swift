import TestSupport
import Testing

@testable import PremiumCore

/// Versions of one program in a catalog: replacement by id and period, and selection by date.
/// Each starts from this year's books alone, so that a later year in `rates/` changes nothing.
@Suite struct CatalogTests {
  static func fukuoka(start: String, end: String, file: String) throws -> (file: String, program: Program) {
    let text = BrochureYear.bookText("fukuoka-ishikai")
      .replacingFirst(#""start": "2025-05-05", "end": "2026-05-05""#, with: #""start": "\#(start)", "end": "\#(end)""#)
    return (file, try RateFileDecoder.decode(text, file: file))
  }

  @Test func theSamePeriodReplacesAndAnotherPeriodAddsAVersion() throws {
    let same = try Self.fukuoka(start: "2025-05-05", end: "2026-05-05", file: "same.json")
    let next = try Self.fukuoka(start: "2026-05-05", end: "2027-05-05", file: "next.json")
    let catalog = try BrochureYear.booksAlone.adding([same, next])
    #expect(catalog.ids == BrochureYear.ids)
    #expect(catalog.entries.filter { $0.id == "fukuoka-ishikai" }.map(\.origin) == ["same.json", "next.json"])
    #expect(catalog.entries.filter { $0.id == "fukuoka-ishikai" }.map(\.isBuiltIn) == [false, false])
  }

  @Test func withoutADateTheLatestVersionIsUsed() throws {
    let next = try Self.fukuoka(start: "2026-05-05", end: "2027-05-05", file: "next.json")
    var catalog = try BrochureYear.booksAlone.adding([next])
    #expect(try catalog.entry("fukuoka-ishikai").origin == "next.json")
    catalog.date = CalendarDate(iso: "2025-12-01")
    #expect(try catalog.entry("fukuoka-ishikai").origin == "rates/fukuoka-ishikai.json")
    #expect(try catalog.allPrograms().count == 5)
  }

  @Test func aCheckBesideTheCatalogRefusesAnOverlapButNotAReplacement() throws {
    let text = BrochureYear.bookText("fukuoka-ishikai")
    let replacement = RateBookCheck.check([RateBookCheck.Source(file: "same.json", text: text)], beside: BrochureYear.booksAlone)
    #expect(replacement.errors == [])
    let shifted = text.replacingFirst(#""start": "2025-05-05", "end": "2026-05-05""#, with: #""start": "2025-11-01", "end": "2026-11-01""#)
    let overlap = RateBookCheck.check([RateBookCheck.Source(file: "shifted.json", text: shifted)], beside: BrochureYear.booksAlone)
    #expect(overlap.errors.map(\.path) == ["period"])
    #expect(overlap.errors.first?.line == 11)
  }
}
