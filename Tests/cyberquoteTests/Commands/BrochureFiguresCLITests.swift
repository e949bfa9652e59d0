import TestSupport
import Foundation
import Testing

/// Every printed premium again, this time through `cyberquote quote --format json`.
@Suite struct BrochureFiguresCLITests {
  @Test(arguments: BrochureFigure.all)
  func reproducedThroughJSON(_ figure: BrochureFigure) throws {
    let object = try Self.quote(figure)
    #expect(object["rate_source"] as? String == "built-in")
  }

  /// The round trip staff make: `rates show` every program into a directory, `rates check` it,
  /// and price every printed figure again from those files with `--rates`.
  static let shownRates: Result<String, any Error> = Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shown-rates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for id in ["kagoshima-ikyo", "byoin-kyosaikai", "kumamoto-hokeni", "fukuoka-ishikai", "jhef"] {
      let shown = CLIHarness.run(["rates", "show", "--program", id])
      guard shown.status == 0 else { throw CocoaError(.fileReadUnknown) }
      try shown.stdout.write(to: directory.appendingPathComponent(id + ".json"), atomically: true, encoding: .utf8)
    }
    return directory.path
  }

  @Test func shownRatesCheckClean() throws {
    let result = CLIHarness.run(["rates", "check", try Self.shownRates.get()])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test(arguments: BrochureFigure.all)
  func reproducedFromShownRateFiles(_ figure: BrochureFigure) throws {
    let directory = try Self.shownRates.get()
    let object = try Self.quote(figure, extra: ["--rates", directory])
    let program = try #require(figure.columns["program"])
    #expect(object["rate_source"] as? String == directory + "/" + program + ".json")
  }

  /// Quotes `figure` and checks the premiums and basis against the brochure.
  static func quote(_ figure: BrochureFigure, extra: [String] = []) throws -> [String: Any] {
    var arguments = ["quote", "--format", "json"] + extra
    let flags = [
      ("program", "--program"), ("facility", "--facility"), ("plan", "--plan"), ("general_beds", "--general-beds"),
      ("other_beds", "--other-beds"), ("capacity", "--capacity"), ("option", "--option"),
    ]
    for (column, flag) in flags {
      if let value = figure.columns[column], !value.isEmpty { arguments += [flag, value] }
    }
    let result = CLIHarness.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect((object["premium"] as? NSNumber)?.int64Value == figure.expectedPremium)
    if object["installments"] is NSNull {
      // A brochure that prints no payment mode (002): the JSON says so, with no installment.
      #expect(object["installment_premium"] is NSNull)
      #expect(figure.expectedInstallmentPremium == figure.expectedPremium)
    } else {
      #expect((object["installment_premium"] as? NSNumber)?.int64Value == figure.expectedInstallmentPremium)
    }
    #expect(object["basis"] as? String == figure.expectedBasis.rawValue)
    return object
  }
}
