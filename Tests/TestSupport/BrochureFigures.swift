import Foundation
import PremiumCore

/// One premium printed in a brochure, read from the CSV files in `rates/checks/`. Each file was
/// extracted from its seed's text (`Tests/Brochures/`), not from `rates/`, so the two
/// transcriptions check each other.
public struct BrochureFigure: CustomStringConvertible, Sendable {
  public let source: String
  /// The day it is priced on (the `date` column): a day of the brochure's year, which picks that
  /// year's book however many later years `rates/` holds.
  public let date: CalendarDate
  public let request: QuoteRequest
  public let expectedPremium: Int64
  public let expectedInstallmentPremium: Int64
  public let expectedBasis: Basis
  /// The row as CSV columns, for tests that feed it to the command line.
  public let columns: [String: String]

  public var description: String { source }

  /// The figure priced as a quote would price it on ``date`` under `catalog`.
  public func quote(in catalog: Catalog = BrochureYear.books) throws -> Quote {
    var catalog = catalog
    catalog.date = date
    return try catalog.quote(request, on: date)
  }

  /// `rates/checks/`: the single list of printed figures, also what `cyberquote verify` checks.
  static let directory = PackageRoot.url.appendingPathComponent("rates/checks")

  /// Every figure of every brochure file, in file order.
  public static let all: [BrochureFigure] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".csv") }.sorted().flatMap { name in
      load(try! String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
    }
  }()

  static func load(_ text: String) -> [BrochureFigure] {
    let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    guard let header = lines.first else { return [] }
    return lines.dropFirst().map { cells in
      var c: [String: String] = [:]
      for (key, value) in zip(header, cells) { c[key] = value }
      let int = { (key: String) in c[key].flatMap { Int($0) } }
      let request = QuoteRequest(
        program: c["program"]!, facility: FacilityKind(rawValue: c["facility"]!)!, plan: c["plan"]!,
        generalBeds: int("general_beds"), otherBeds: int("other_beds"), capacity: int("capacity"),
        option: c["option"].flatMap { $0.isEmpty ? nil : $0 })
      return BrochureFigure(
        source: c["source"]!, date: CalendarDate(iso: c["date"]!)!, request: request, expectedPremium: Int64(c["expected_premium"]!)!,
        expectedInstallmentPremium: Int64(c["expected_installment_premium"]!)!,
        expectedBasis: Basis(rawValue: c["expected_basis"]!)!, columns: c)
    }
  }
}
