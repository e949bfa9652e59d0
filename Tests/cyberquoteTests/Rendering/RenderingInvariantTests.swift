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
      let program = try #require(BrochureYear.ids.randomElement(using: &random))
      let facility = try #require(FacilityKind.allCases.randomElement(using: &random))
      let counts: [String] =
        switch facility {
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
        let library = try BrochureYear.catalog.quote(request).premium.amount
        #expect((object["premium"] as? NSNumber)?.int64Value == library, "\(arguments)")
        #expect(shown == library, "\(arguments)")
        #expect(csvPremium == library, "\(arguments)")
        compared += 1
      }
    }
    #expect(compared > 20)
  }

  /// `plans` and `compare` give each entry the same `status`, `reason` and `source` in CSV as in
  /// JSON (with `--lang en`, the language of JSON's reasons), for every program and facility.
  @Test func csvAndJSONGiveTheSameStatus() throws {
    var commands: [[String]] = []
    for facility in FacilityKind.allCases {
      let counts: [String] =
        switch facility {
        case .hospital, .kaigoIryoin: ["--general-beds", "120"]
        case .roken: ["--capacity", "50"]
        case .clinic, .dental, .serviceBusiness: []
        }
      commands.append(["compare", "--facility", facility.rawValue] + counts)
      for program in BrochureYear.ids { commands.append(["plans", "--program", program, "--facility", facility.rawValue] + counts) }
    }
    var statuses = Set<String>()
    for command in commands {
      let (csvBytes, csvRun) = CLIHarness.runBytes(command + ["--format", "csv", "--lang", "en"])
      let jsonRun = CLIHarness.run(command + ["--format", "json", "--lang", "en"])
      #expect(csvRun.status == jsonRun.status, "\(command)")
      guard csvRun.status == 0 else { continue }
      let table = try CLIHarness.csvRows(csvBytes)
      let header = try #require(table.first)
      let column = { (name: String) in try #require(header.firstIndex(of: name), "\(name)") }
      let (plan, status, reason, source) = (try column("plan"), try column("status"), try column("reason"), try column("source"))
      let objects = try #require(try JSONSerialization.jsonObject(with: Data(jsonRun.stdout.utf8)) as? [[String: Any]])
      #expect(table.count - 1 == objects.count, "\(command)")
      for (row, object) in zip(table.dropFirst(), objects) {
        let text = { (key: String) in object[key] as? String ?? "" }
        #expect(row.count == header.count, "\(command)")
        #expect(row[plan] == text("plan"), "\(command)")
        #expect(row[status] == text("status"), "\(command) \(row[plan])")
        // No status only where `compare` lacks the input a program prices by: no plan, a reason.
        #expect(!row[status].isEmpty || (row[plan].isEmpty && !row[reason].isEmpty), "\(command) \(row[plan])")
        #expect(row[reason] == text("reason"), "\(command) \(row[plan])")
        #expect(row[source] == text("source"), "\(command) \(row[plan])")
        statuses.insert(row[status])
      }
    }
    #expect(statuses.subtracting([""]) == Set(Availability.allCases.map(\.rawValue)))
  }
}
