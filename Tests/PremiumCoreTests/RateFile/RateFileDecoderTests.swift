import TestSupport
import Testing

@testable import PremiumCore

@Suite struct JSONParserTests {
  @Test func parsesValuesWithTheirLines() throws {
    let node = try JSONParser.parse("{\n  \"a\": [1, -2, \"x\\u00e9\\n\"],\n  \"b\": null, \"c\": true\n}")
    guard case .object(let members) = node.value else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.key) == ["a", "b", "c"])
    #expect(members[0].value.line == 2)
    #expect(
      members[0].value.value
        == .array([
          JSONNode(value: .integer(1), line: 2), JSONNode(value: .integer(-2), line: 2), JSONNode(value: .string("xé\n"), line: 2),
        ]))
  }

  @Test(arguments: [
    ("{\"a\": 1.5}", 1, "expected a whole number"),
    ("{\n\"a\": 1e3}", 2, "expected a whole number"),
    ("[1, 2", 1, "expected ',' or ']'"),
    ("{\"a\" 1}", 1, "expected ':'"),
    ("[01]", 1, "expected no leading zeros"),
    ("[99999999999999999999]", 1, "expected a number within 64 bits"),
    ("\"abc", 1, "expected a closing"),
    ("[1] [2]", 1, "expected end of file"),
  ])
  func rejects(_ text: String, _ line: Int, _ message: String) {
    #expect {
      _ = try JSONParser.parse(text)
    } throws: { error in
      guard let e = error as? JSONSyntaxError else { return false }
      return e.line == line && e.message.hasPrefix(message)
    }
  }

  @Test func refusesDeepNestingInsteadOfOverflowingTheStack() {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
  }
}

@Suite struct RateFileDecoderTests {
  static let byoin = BrochureYear.bookText("byoin-kyosaikai")

  @Test func everyBuiltInRateFileDecodes() throws {
    let programs = try BrochureYear.catalog.allPrograms()
    #expect(programs.map(\.id) == ["byoin-kyosaikai", "fukuoka-ishikai", "jhef", "kagoshima-ikyo", "kumamoto-hokeni"])
    for program in programs {
      for table in program.tables {
        #expect(!table.rows.isEmpty, "\(program.id) \(table.id)")
      }
    }
  }

  /// Each broken file names the line, the JSON path and what was expected.
  @Test(arguments: [
    (#""group_discount_percent": 20,"#, #""group_discount_percent": 20, "typo": 1,"#, 16, "typo", "unknown key 'typo'"),
    (#"["S2", 1170, 630]"#, #"["S9", 1170, 630]"#, 67, "tables[0].rows[1][0]", "unknown plan 'S9'"),
    (#"["S2", 1170, 630]"#, #"["S2", 1170, -630]"#, 67, "tables[0].rows[1][2]", "expected a positive whole number of yen"),
    (#"["S2", 1170, 630]"#, #"["S2", 1170]"#, 67, "tables[0].rows[1]", "expected [plan, 2 figure(s)]"),
    (#"["S2", 1170, 630]"#, #"["S1", 1170, 630]"#, 67, "tables[0].rows[1]", "plan 'S1' appears twice"),
    (
      #""liability": "1,000万円", "incident_response": "100万円"}"#, #""liability": "1,000万", "incident_response": "100万円"}"#, 41, "plans[0].limits.liability",
      "expected an amount as printed"
    ),
    (#""facilities": ["roken"],"#, #""facilities": ["nursing-home"],"#, 79, "tables[1].facilities[0]", "expected one of hospital"),
  ])
  func brokenFile(_ original: String, _ broken: String, _ line: Int, _ path: String, _ message: String) {
    let text = Self.byoin.replacingFirst(original, with: broken)
    #expect(text != Self.byoin)
    #expect {
      _ = try RateFileDecoder.decode(text, file: "broken.json")
    } throws: { error in
      guard let e = error as? RateFileError else { return false }
      return e.file == "broken.json" && e.line == line && e.path == path && e.message.hasPrefix(message)
    }
  }

  @Test func aPlanPricedByTwoTablesForOneFacilityIsAnError() {
    let text = Self.byoin.replacingFirst(#""facilities": ["roken"],"#, with: #""facilities": ["hospital"],"#)
    #expect(throws: RateFileError.self) { try RateFileDecoder.decode(text, file: "x.json") }
  }

  /// A premium that falls as beds rise is an error: on the line through the two figures it
  /// reaches 0 yen and below at some count.
  @Test func aPremiumFallingAsTheCountRisesIsAnError() throws {
    let fukuoka = BrochureYear.bookText("fukuoka-ishikai")
    let text = fukuoka.replacingFirst(#"["S1", 57720, 76220]"#, with: #"["S1", 76220, 57720]"#)
    #expect(text != fukuoka)
    #expect {
      _ = try RateFileDecoder.decode(text, file: "next.json")
    } throws: { error in
      guard let e = error as? RateFileError else { return false }
      return e.line == 113 && e.path.hasSuffix(".rows[0][2]") && e.message.contains("cannot fall as the count rises")
    }
  }

  @Test(arguments: ["25:00", "16:60", "4pm", "16:0", "24:00"])
  func aPeriodTimeIsATimeOfDay(_ time: String) throws {
    let fukuoka = BrochureYear.bookText("fukuoka-ishikai")
    let text = fukuoka.replacingFirst(#""time": "16:00""#, with: #""time": "\#(time)""#)
    #expect(text != fukuoka)
    #expect {
      _ = try RateFileDecoder.decode(text, file: "next.json")
    } throws: { error in
      (error as? RateFileError)?.path == "period.time"
    }
  }
}
