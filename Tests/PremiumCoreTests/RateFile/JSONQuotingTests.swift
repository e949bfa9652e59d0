import Testing

@testable import PremiumCore

/// A string in the JSON the tool writes: quotes, backslashes and control characters escaped,
/// Japanese as itself.
@Suite struct JSONQuotingTests {
  @Test func escapesWhatJSONRequires() {
    #expect(JSONParser.quoted("病院 \"S4\"") == #""病院 \"S4\"""#)
    #expect(JSONParser.quoted("a\\b") == #""a\\b""#)
    #expect(JSONParser.quoted("1行目\n2行目\r\t") == #""1行目\n2行目\r\t""#)
    #expect(JSONParser.quoted("\u{01}\u{1F}") == #""\u0001\u001f""#)
  }
}
