import PremiumCore

/// The contract year of the brochures in `Tests/Brochures/`, which every figure, period and
/// listing a test expects comes from. Tests name this date rather than price "today", so that
/// adding next year's book to `rates/` changes none of them (NextYearTests proves it).
public enum BrochureYear {
  /// A day inside the period of every dated built-in book of that year (kumamoto-hokeni
  /// 2025-04-01 – 2026-04-01, fukuoka-ishikai 2025-05-05 – 2026-05-05, jhef 2025-10-01 –
  /// 2026-10-01); the undated books start before any later version.
  public static let date = CalendarDate(year: 2026, month: 1, day: 15)!

  /// The built-in catalog, picking the versions in force on ``date``.
  public static var catalog: Catalog { dated(.builtIn) }

  /// `catalog` picking the versions in force on ``date``.
  public static func dated(_ catalog: Catalog) -> Catalog {
    var catalog = catalog
    catalog.date = date
    return catalog
  }

  /// Only that year's books (`rates/<id>.json`), as if no later year had been added: for tests
  /// of what a quote says once a period has ended.
  public static var booksAlone: Catalog {
    Catalog(entries: Catalog.builtIn.entries.filter { !$0.origin.contains("@") })
  }
}
