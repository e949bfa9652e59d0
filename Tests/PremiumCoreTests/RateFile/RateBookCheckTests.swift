import TestSupport
import Testing

@testable import PremiumCore

/// One deliberately broken copy of `rates/fukuoka-ishikai.json` per rule of `rates check`, each
/// asserting the file, line, JSON path and message.
@Suite struct RateBookCheckTests {
  static let fukuoka = BrochureYear.bookText("fukuoka-ishikai")

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
    (
      #"{"code": "S2", "family": "S", "limits": {"liability": "3,000万円", "incident_response": "300万円"}}"#,
      #"{"code": "S2", "family": "S", "limits": {"liability": "3,000万円"}}"#, 43, "plans[1].limits", "expected limits for both"
    ),
    // every table has a rate for every plan it lists, and only known plans
    (#"["S1", 57720, 76220]"#, #"["S1", 57720]"#, 113, "tables[2].rows[0]", "expected [plan, 2 figure(s)]"),
    (#"["S2", 37430]"#, #"["S7", 37430]"#, 74, "tables[0].rows[1][0]", "unknown plan 'S7'"),
    // rates are positive whole yen
    (#"["S2", 37430]"#, #"["S2", 0]"#, 74, "tables[0].rows[1][1]", "expected a positive whole number of yen"),
    (#"["S2", 37430]"#, #"["S2", "37,430円"]"#, 74, "tables[0].rows[1][1]", "expected a positive whole number of yen"),
    // discounts within 0–100%
    (#""group_discount_percent": 20,"#, #""group_discount_percent": 120,"#, 12, "group_discount_percent", "expected a percentage from 0 to 100"),
    // periods well formed
    (#""start": "2025-05-05""#, #""start": "2025-13-05""#, 11, "period.start", "expected a date YYYY-MM-DD"),
    (#""start": "2025-05-05""#, #""start": "2026-06-05""#, 11, "period", "the period ends (2026-05-05) before it starts (2026-06-05)"),
    // a plan code appears once
    (#"{"code": "S2", "family": "S""#, #"{"code": "S1", "family": "S""#, 43, "plans[1].code", "plan code 'S1' appears twice"),
    // printed counts increase
    (
      #""counts": [50, 100], "model_offset": 13}}"#, #""counts": [100, 50], "model_offset": 13}}"#, 110, "tables[2].basis.examples.counts",
      "expected two increasing counts"
    ),
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

  /// A row off the table's model is what a brochure may print (each example rounded on its own):
  /// a warning naming the row, never an error.
  @Test func anExampleOffTheModelIsAWarningNamingTheRow() {
    let text = Self.fukuoka.replacingFirst(#"["S1", 57720, 76220]"#, with: #"["S1", 57720, 76230]"#)
    let result = Self.check([("next.json", text)])
    #expect(result.errors == [])
    #expect(result.programs.count == 1)
    // The slope moves with the typo, so both printed figures of the row disagree with the model.
    #expect(result.warnings.map(\.path) == ["tables[2].rows[0][1]", "tables[2].rows[0][2]"])
    #expect(result.warnings.allSatisfy { $0.line == 113 && $0.table == "hospital" && $0.plan == "S1" })
    #expect(
      result.warnings.first?.message.hasPrefix(
        "printed 57,720 yen at 50 is not reproduced by the table's model u × (modified count + 13), which gives 57,750 yen") == true)
  }

  @Test(
    arguments: [
      // a premium that does not rise with the limits
      (#"["S4", 55880]"#, #"["S4", 44610]"#, 76, "tables[0].rows[3][1]", "clinic", "S4", "44,610 yen does not rise above S3's 44,610 yen"),
      // the leak-only plan dearer than the all-risk one with the same limits (S4 and P4 swapped)
      (#"["P4", 43200]"#, #"["P4", 58880]"#, 81, "tables[0].rows[8][1]", "clinic", "P4", "the leak-only plan costs 58,880 yen, more than the all-risk S4"),
      // a figure out of scale with its neighbours (a digit lost)
      (
        #"["P4", 43200]"#, #"["P4", 4474]"#, 81, "tables[0].rows[8][1]", "clinic", "P4",
        "4,474 yen is less than a fifth of its neighbours' (P3, P5: 32,000, 60,800 yen)"
      ),
      // a date that contradicts the period, and a weekday that is not the date's
      ("申込締切日 2025年3月14日(金)", "申込締切日 2026年6月14日(日)", 233, "conditions.deadlines[0]", nil, nil, "2026-06-14 in a deadline contradicts the period"),
      ("申込締切日 2025年3月14日(金)", "申込締切日 2025年3月14日(木)", 233, "conditions.deadlines[0]", nil, nil, "2025-03-14 is a (金) day, not the (木) printed beside it"),
      ("2026年5月5日午後4時まで", "2027年5月5日午後4時まで", 235, "conditions.mid_term_joining.text", nil, nil, "2027-05-05 in the mid-term joining rule contradicts"),
      // a control character in a text: an escape, a bidirectional override
      (#""name": "医療機関用サイバー保険""#, #""name": "医療機関用\u001b[2Jサイバー保険""#, 4, "name", nil, nil, "text holds 1 control character(s), the first U+001B"),
      (#""payment": "一括払""#, #""payment": "一括払\u202e""#, 14, "payment", nil, nil, "text holds 1 control character(s), the first U+202E"),
    ] as [(String, String, Int, String, String?, String?, String)])
  func typingMistakeWarns(_ original: String, _ typed: String, _ line: Int, _ path: String, _ table: String?, _ plan: String?, _ message: String) {
    let text = Self.fukuoka.replacingFirst(original, with: typed)
    #expect(text != Self.fukuoka)
    let result = Self.check([("next.json", text)])
    #expect(result.errors == [])
    let warning = result.warnings.first { $0.path == path && $0.message.hasPrefix(message) }
    #expect(warning != nil, "\(result.warnings)")
    #expect(warning?.line == line)
    #expect(warning?.table == table)
    #expect(warning?.plan == plan)
  }

  @Test func lastYearsBookNamesFiguresThatMovedMuchAndPlansAddedOrRemoved() throws {
    let last = try RateFileDecoder.decode(Self.fukuoka, file: "last.json")
    let moved = Self.fukuoka.replacingFirst(#"["S3", 44610]"#, with: #"["S3", 51310]"#)  // +15.02%
      .replacingFirst(#"["S2", 37430]"#, with: #"["S2", 43040]"#)  // +14.99%: no warning
      .replacingFirst(#"["P2", 24000]"#, with: #"["P2", 27600]"#)  // exactly +15%: no warning
      .replacingFirst(#"["P5", 60800]"#, with: #"["P5", 51680]"#)  // exactly −15%: no warning
    let result = RateBookCheck.check([RateBookCheck.Source(file: "next.json", text: moved)], previous: [last])
    #expect(result.warnings.map(\.plan) == ["S3"])
    #expect(result.warnings.first?.message == "51,310 yen moved more than ±15% from last year's 44,610 yen")
    var withoutS1 = Self.fukuoka.replacingFirst(#"{"code": "S1", "family": "S", "limits": {"liability": "1,000万円", "incident_response": "100万円"}},"#, with: "")
    for row in [#"["S1", 29380],"#, #"["S1", 57720, 76220],"#, #"["S1", 27770, 36670],"#] { withoutS1 = withoutS1.replacingFirst(row, with: "") }
    let removed = RateBookCheck.check([RateBookCheck.Source(file: "next.json", text: withoutS1)], previous: [last])
    #expect(removed.errors == [])
    #expect(removed.warnings.map(\.message) == ["plan removed since last year's book"])
  }

  // MARK: - One id in several files

  @Test func theSameProgramTwiceForOnePeriodIsAnError() {
    let result = Self.check([("a.json", Self.fukuoka), ("b.json", Self.fukuoka)])
    #expect(result.programs.map(\.file) == ["a.json"])
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.file == "b.json")
    #expect(result.errors.first?.line == 11)
    #expect(result.errors.first?.path == "period")
    #expect(
      result.errors.first?.message.hasPrefix(
        "program 'fukuoka-ishikai' 2025-05-05 16:00 to 2026-05-05 16:00 overlaps 2025-05-05 16:00 to 2026-05-05 16:00 in a.json") == true,
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

  /// A brochure without dates may come before dated ones: it counts as starting first.
  @Test func oneVersionWithoutAPeriodMayStandBesideDatedOnes() throws {
    let undated = Self.fukuoka.replacingFirst(#"{"start": "2025-05-05", "end": "2026-05-05", "time": "16:00"}"#, with: "null")
    let result = Self.check([("undated.json", undated), ("2025.json", Self.fukuoka)])
    #expect(result.errors == [])
    var catalog = Catalog(entries: result.programs.map { file, program in Catalog.Entry(id: program.id, origin: file) { program } })
    catalog.date = CalendarDate(year: 2025, month: 5, day: 4)
    #expect(try catalog.entry("fukuoka-ishikai").origin == "undated.json")
    catalog.date = CalendarDate(year: 2025, month: 5, day: 5)
    #expect(try catalog.entry("fukuoka-ishikai").origin == "2025.json")
    catalog.date = nil
    #expect(try catalog.entry("fukuoka-ishikai").origin == "2025.json")
    // Beside the built-in dated book, too.
    #expect(RateBookCheck.check([RateBookCheck.Source(file: "undated.json", text: undated)], beside: BrochureYear.books).errors == [])
  }

  @Test func aSecondVersionWithoutAPeriodIsAnError() {
    let undated = Self.fukuoka.replacingFirst(#"{"start": "2025-05-05", "end": "2026-05-05", "time": "16:00"}"#, with: "null")
    let result = Self.check([("2025.json", Self.fukuoka), ("undated.json", undated), ("again.json", undated)])
    #expect(result.errors.map(\.file) == ["again.json"])
    #expect(result.errors.map(\.path) == ["id"])
    #expect(result.errors.first?.line == 3)
    #expect(result.errors.first?.message.contains("without a period and as the same edition") == true)
  }

  @Test func locatesNestedPaths() throws {
    let root = try JSONParser.parse(Self.fukuoka)
    #expect(RateBookCheck.line(root, "tables[2].rows[1][2]") == 114)
    #expect(RateBookCheck.line(root, "period.start") == 11)
    #expect(RateBookCheck.line(root, "tables[99]") == 64)
  }
}
