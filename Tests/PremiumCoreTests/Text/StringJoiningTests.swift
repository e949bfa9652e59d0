import Testing

@testable import PremiumCore

@Suite struct StringJoiningTests {
  /// The standard library's join: in a generic context the `[String]` overload does not apply.
  static func standardJoined<S: Sequence>(_ parts: S, separator: String) -> String where S.Element == String {
    parts.joined(separator: separator)
  }

  @Test func joinsAsTheStandardLibraryDoes() {
    let cases: [[String]] = [[], [""], ["a"], ["", ""], ["a", "b", "c"], ["髙橋", "①", ""], ["x", "", "y"]]
    for parts in cases {
      for separator in ["", ", ", "・", "\n"] {
        #expect(parts.joined(separator: separator) == Self.standardJoined(parts, separator: separator), "\(parts) \(separator)")
      }
      #expect(parts.joined() == Self.standardJoined(parts, separator: ""))
    }
  }
}
