import TestSupport
import Foundation
import Testing

/// Every printed premium again, this time through `cyberquote quote --format json`.
@Suite struct BrochureFiguresCLITests {
  @Test(arguments: BrochureFigure.all)
  func reproducedThroughJSON(_ figure: BrochureFigure) throws {
    var arguments = ["quote", "--format", "json"]
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
    #expect((object["installment_premium"] as? NSNumber)?.int64Value == figure.expectedInstallmentPremium)
    #expect(object["basis"] as? String == figure.expectedBasis.rawValue)
  }
}
