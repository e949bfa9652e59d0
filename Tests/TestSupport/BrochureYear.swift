import Foundation
import PremiumCore

/// The contract year of the brochures in `Tests/Brochures/`, which every figure, period and
/// listing a test expects comes from. The tests pin their own copies of that year's rate books
/// (`Tests/Brochures/rates/`), not whatever `rates/` holds: adding next year's book to `rates/`,
/// or replacing an undated one with its next edition, changes none of them. They name this
/// date rather than price "today".
public enum BrochureYear {
  /// A day inside the period of every dated book of that year (kumamoto-hokeni
  /// 2025-04-01 – 2026-04-01, fukuoka-ishikai 2025-05-05 – 2026-05-05, jhef 2025-10-01 –
  /// 2026-10-01); the undated books start before any later version.
  public static let date = CalendarDate(year: 2026, month: 1, day: 15)!

  /// Where the pinned books are, one file per program, named as `rates/` names the first version.
  public static let directory = PackageRoot.url.appendingPathComponent("Tests/Brochures/rates")

  /// The programs by id, as the built-in catalog lists them.
  public static let ids = ["byoin-kyosaikai", "fukuoka-ishikai", "jhef", "kagoshima-ikyo", "kumamoto-hokeni"]

  /// The pinned books as a catalog without a date, each entry named as the built-in one
  /// (`rates/fukuoka-ishikai.json`), so that screens read the same.
  public static let books: Catalog = Catalog(
    entries: ids.map { id in
      Catalog.Entry(id: id, origin: "rates/\(id).json") { () throws(RateFileError) -> Program in
        try RateFileDecoder.decode(bookText(id), file: "rates/\(id).json")
      }
    })

  /// The text of the pinned book of `id` ("" when it cannot be read, which its decoding reports).
  public static func bookText(_ id: String) -> String {
    (try? String(contentsOf: directory.appendingPathComponent(id + ".json"), encoding: .utf8)) ?? ""
  }

  /// The pinned books, picking the versions in force on ``date``.
  public static var catalog: Catalog { dated(books) }

  /// `catalog` picking the versions in force on ``date``.
  public static func dated(_ catalog: Catalog) -> Catalog {
    var catalog = catalog
    catalog.date = date
    return catalog
  }

  /// Only that year's books, as if no later year had been added: for tests of what a quote says
  /// once a period has ended.
  public static var booksAlone: Catalog { books }
}
