import TestSupport
import Testing

@testable import PremiumCore

/// One deliberately broken copy of `rates/fukuoka-ishikai.json` per rule of `rates check`, each
/// asserting the file, line, JSON path and message.
@Suite struct RateBookCheckTests {
  static let fukuoka = (try? RatesDirectory.text("fukuoka-ishikai")) ?? ""

  static func check(_ files: [(String, String)]) -> RateBookCheck.Result {
    RateBookCheck.check(files.map { RateBookCheck.Source(file: $0.0, text: $0.1) })
  }

  @Test func everyBuiltInRateFileIsClean() throws {
    let files = try RatesDirectory.programs().map { ("rates/" + $0.file, try RatesDirectory.text(String($0.file.dropLast(5)))) }
    let result = Self.check(files)
    #expect(result.errors == [])
    #expect(result.programs.count == files.count)
  }

  @Test(arguments: [
    // structure
    (#""id": "fukuoka-ishikai","#, #""id": "fukuoka-ishikai""#, 4, "", "expected ',' or '}'"),
    (#""installments": 1,"#, "", 1, "installments", "missing required key 'installments'"),
    // every plan has limits
    (#"{"code": "S2", "family": "S", "limits": {"liability": "3,000万円", "incident_response": "300万円"}}"#,
     #"{"code": "S2", "family": "S", "limits": {"liability": "3,000万円"}}"#, 36, "plans[1].limits", "expected limits for both"),
    // every table has a rate for every plan it lists, and only known plans
    (#"["S1", 57720, 76220]"#, #"["S1", 57720]"#, 106, "tables[2].rows[0]", "expected [plan, 2 figure(s)]"),
    (#"["S2", 37430]"#, #"["S7", 37430]"#, 67, "tables[0].rows[1][0]", "unknown plan 'S7'"),
    // rates are positive whole yen
    (#"["S2", 37430]"#, #"["S2", 0]"#, 67, "tables[0].rows[1][1]", "expected a positive whole number of yen"),
    (#"["S2", 37430]"#, #"["S2", "37,430円"]"#, 67, "tables[0].rows[1][1]", "expected a positive whole number of yen"),
    // discounts within 0–100%
    (#""group_discount_percent": 20,"#, #""group_discount_percent": 120,"#, 12, "group_discount_percent", "expected a percentage from 0 to 100"),
    // periods well formed
    (#""start": "2025-05-05""#, #""start": "2025-13-05""#, 11, "period.start", "expected a date YYYY-MM-DD"),
    (#""start": "2025-05-05""#, #""start": "2026-06-05""#, 11, "period", "the period ends (2026-05-05) before it starts (2026-06-05)"),
    // a plan code appears once
    (#"{"code": "S2", "family": "S""#, #"{"code": "S1", "family": "S""#, 36, "plans[1].code", "plan code 'S1' appears twice"),
    // printed counts increase
    (#""counts": [50, 100], "model_offset": 13}}"#, #""counts": [100, 50], "model_offset": 13}}"#, 103, "tables[2].basis.examples.counts", "expected two increasing counts"),
    // printed examples agree with the model they feed
    (#"["S1", 57720, 76220]"#, #"["S1", 57720, 76230]"#, 106, "tables[2].rows[0][1]", "plan S1: printed 57,720 yen at 50 is not reproduced"),
    (#"["S2", 102960, 135960]"#, #"["S2", 120960, 135960]"#, 107, "tables[2].rows[1][1]", "plan S2: printed 120,960 yen at 50 is not reproduced"),
  ])
  func brokenFile(_ original: String, _ broken: String, _ line: Int, _ path: String, _ message: String) {
    let text = Self.fukuoka.replacingFirst(original, with: broken)
    #expect(text != Self.fukuoka)
    let result = Self.check([("next.json", text)])
    #expect(result.programs.isEmpty)
    let error = result.errors.first
    #expect(error?.file == "next.json")
    #expect(error?.line == line)
    #expect(error?.path == path)
    #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "no error")")
  }

  @Test func aMistypedExampleNamesTheFigureTheModelGives() {
    let text = Self.fukuoka.replacingFirst(#"["S1", 57720, 76220]"#, with: #"["S1", 57720, 76230]"#)
    let messages = Self.check([("next.json", text)]).errors.map(\.message)
    // The slope moves with the typo, so both printed figures of the row disagree with the model.
    #expect(messages.count == 2)
    #expect(messages.allSatisfy { $0.contains("check this row's figures against the brochure, or model_offset") })
  }

  // MARK: - One id in several files

  @Test func theSameProgramTwiceForOnePeriodIsAnError() {
    let result = Self.check([("a.json", Self.fukuoka), ("b.json", Self.fukuoka)])
    #expect(result.programs.map(\.file) == ["a.json"])
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.file == "b.json")
    #expect(result.errors.first?.line == 11)
    #expect(result.errors.first?.path == "period")
    #expect(result.errors.first?.message.hasPrefix("program 'fukuoka-ishikai' 2025-05-05 16:00 – 2026-05-05 16:00 overlaps 2025-05-05 16:00 – 2026-05-05 16:00 in a.json") == true,
            "\(result.errors.first?.message ?? "")")
  }

  @Test func overlappingPeriodsAreAnError() {
    let next = Self.fukuoka.replacingFirst(#""start": "2025-05-05", "end": "2026-05-05""#, with: #""start": "2026-04-01", "end": "2027-04-01""#)
    let result = Self.check([("2025.json", Self.fukuoka), ("2026.json", next)])
    #expect(result.errors.map(\.path) == ["period"])
    #expect(result.errors.first?.message.contains("overlaps") == true)
  }

  @Test func consecutiveYearsMayShareTheirBoundaryDay() {
    let next = Self.fukuoka.replacingFirst(#""start": "2025-05-05", "end": "2026-05-05""#, with: #""start": "2026-05-05", "end": "2027-05-05""#)
    let result = Self.check([("2025.json", Self.fukuoka), ("2026.json", next)])
    #expect(result.errors == [])
    #expect(result.programs.map(\.file) == ["2025.json", "2026.json"])
  }

  @Test func aSecondVersionWithoutAPeriodIsAnError() {
    let undated = Self.fukuoka.replacingFirst(#"{"start": "2025-05-05", "end": "2026-05-05", "time": "16:00"}"#, with: "null")
    let result = Self.check([("2025.json", Self.fukuoka), ("undated.json", undated)])
    #expect(result.errors.map(\.path) == ["id"])
    #expect(result.errors.first?.line == 3)
  }

  @Test func locatesNestedPaths() throws {
    let root = try JSONParser.parse(Self.fukuoka)
    #expect(RateBookCheck.line(root, "tables[2].rows[1][2]") == 107)
    #expect(RateBookCheck.line(root, "period.start") == 11)
    #expect(RateBookCheck.line(root, "tables[99]") == 57)
  }
}
