import Foundation
import PremiumCore
import TestSupport
import Testing

/// One answer for one (program, facility, plan): `plans`, `table` and `quote` never contradict each
/// other about whether a plan is priced, on request or not offered.
@Suite struct AvailabilityAgreementTests {
  /// Counts a facility of this kind is quoted with.
  static func counts(_ facility: FacilityKind) -> [String] {
    switch facility {
    case .hospital, .kaigoIryoin: ["--general-beds", "100"]
    case .roken: ["--capacity", "100"]
    default: []
    }
  }

  /// Each plan's status as `plans --format json` gives it.
  static func statuses(_ program: String, _ facility: FacilityKind) -> [String: String] {
    let result = CLIHarness.run(["plans", "--program", program, "--facility", facility.rawValue, "--format", "json"] + counts(facility))
    guard result.status == 0, let data = result.stdout.data(using: .utf8),
      let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    else { return [:] }
    var statuses: [String: String] = [:]
    for row in rows {
      if let plan = row["plan"] as? String, row["option"] is NSNull { statuses[plan] = row["status"] as? String ?? "priced" }
    }
    return statuses
  }

  /// The plans `table` lists under "Plans quoted on request"; nil when it puts the whole facility
  /// on request.
  static func onRequestInTable(_ program: String, _ facility: FacilityKind) -> Set<String>? {
    let result = CLIHarness.run(["table", "--lang", "en", "--program", program, "--facility", facility.rawValue])
    if result.status != 0, result.stderr.contains("is quoted on request") { return nil }
    let text = result.stdout
    guard let section = text.components(separatedBy: "Plans quoted on request\n").dropFirst().first else { return [] }
    var plans: Set<String> = []
    for line in section.split(separator: "\n") {
      guard line.hasPrefix("  "), !line.hasPrefix("  ※"), let code = line.split(separator: " ").first else { break }
      plans.insert(String(code))
    }
    return plans
  }

  @Test(arguments: BrochureYear.ids)
  func plansTableAndQuoteAgree(_ program: String) throws {
    var compared = 0
    for facility in FacilityKind.allCases {
      let statuses = Self.statuses(program, facility)
      compared += statuses.count
      let onRequest = Self.onRequestInTable(program, facility)
      for (plan, status) in statuses {
        let tableSays = onRequest.map { $0.contains(plan) } ?? true
        #expect(
          tableSays == (status == "on_request"), "\(program) \(facility) \(plan): plans says \(status), table \(tableSays ? "on request" : "not on request")")
        let quote = CLIHarness.run(["quote", "--lang", "en", "--program", program, "--facility", facility.rawValue, "--plan", plan] + Self.counts(facility))
        switch status {
        case "on_request": #expect(quote.stderr.contains("on request"), "\(program) \(facility) \(plan): \(quote.stderr)")
        case "not_offered": #expect(quote.stderr.contains("not offered"), "\(program) \(facility) \(plan): \(quote.stderr)")
        default: #expect(quote.status == 0, "\(program) \(facility) \(plan): \(quote.stderr)")
        }
      }
    }
    #expect(compared > 0 || program == "jhef")
  }
}
