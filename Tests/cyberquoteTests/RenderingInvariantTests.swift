import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// Rendering adds nothing: for seeded random requests, the text quote, the JSON quote and the
/// plan menu's CSV row show the same premium, and the library's.
@Suite struct RenderingInvariantTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func textJSONAndCSVShowOnePremium(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    var compared = 0
    for _ in 0..<40 {
      let program = try #require(Catalog.builtIn.ids.randomElement(using: &random))
      let facility = try #require(FacilityKind.allCases.randomElement(using: &random))
      let counts: [String] = switch facility {
      case .hospital, .kaigoIryoin: ["--general-beds", "\(Int.random(in: 1...900, using: &random))"]
      case .roken: ["--capacity", "\(Int.random(in: 1...300, using: &random))"]
      case .clinic, .dental, .serviceBusiness: []
      }
      let menu = CLIHarness.run(["plans", "--program", program, "--facility", facility.rawValue, "--format", "csv"] + counts)
      guard menu.status == 0 else { continue }
      for line in menu.stdout.split(separator: "\n").dropFirst() {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard cells.count > 6, let csvPremium = Int64(cells[6]) else { continue }
        let plan = cells[0]
        let arguments = ["quote", "--program", program, "--facility", facility.rawValue, "--plan", plan] + counts
        let json = CLIHarness.run(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let text = CLIHarness.run(arguments)
        // `年間保険料  31,200円（12回払）`: the digits before the first 円.
        let shown = text.stdout.split(separator: "\n").first { $0.contains("年間保険料") }
          .flatMap { $0.split(separator: "円").first }
          .map { $0.filter { $0.isASCII && $0.isNumber } }
          .flatMap { Int64(String($0)) }
        var request = QuoteRequest(program: program, facility: facility, plan: plan)
        if counts.first == "--general-beds" { request.generalBeds = Int(counts[1]) }
        if counts.first == "--capacity" { request.capacity = Int(counts[1]) }
        let library = try Catalog.builtIn.quote(request).premium.amount
        #expect((object["premium"] as? NSNumber)?.int64Value == library, "\(arguments)")
        #expect(shown == library, "\(arguments)")
        #expect(csvPremium == library, "\(arguments)")
        compared += 1
      }
    }
    #expect(compared > 20)
  }
}
