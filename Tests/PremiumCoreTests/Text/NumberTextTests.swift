import Testing
import TestSupport

@testable import PremiumCore

@Suite struct NumberTextTests {
  @Test(arguments: [
    ("120", "120"), ("１２０", "120"), ("1,200", "1200"), ("-10", "-10"), ("▲10", "-10"), ("△10", "-10"),
    ("+10", "10"), ("10%", "10"), ("１０％", "10"), ("7.5", "7.5"), ("－５", "-5"), (" 30 ", "30"), ("007", "7"),
  ])
  func parses(_ text: String, _ expected: String) {
    guard case .number(let value) = NumberText.parse(text) else {
      Issue.record("'\(text)' did not parse")
      return
    }
    #expect(value.exactDecimalString() == expected)
  }

  @Test(arguments: ["", "abc", "1.2.3", "1,00", "--5", "5-", "1e3", ".5", "5.", "%", "１２O"])
  func rejects(_ text: String) {
    #expect(NumberText.parse(text) == .invalid)
  }

  /// The member-list fast path reads plain integers from bytes; wherever it reads one, the full
  /// parser reads the same number, and it leaves everything else to the parser.
  @Test(arguments: ["0", "7", "+5", "-0", "007", "-30", "123456789", "1234567890", "", "-", "+", "1a", " 1", "1 ", "1.0", "▲10", "１２"])
  func plainIntegersAgreeWithTheParser(_ text: String) {
    let plain = Array(text.utf8).withUnsafeBufferPointer { NumberText.plainInteger($0) }
    let isPlain = text.wholeMatch(of: /[+-]?[0-9]{1,9}/) != nil
    #expect((plain != nil) == isPlain)
    if let plain {
      guard case .number(let value) = NumberText.parse(text) else {
        Issue.record("\(text) is not a number to the parser")
        return
      }
      #expect(value == Rational(plain))
    }
  }

  /// The word-at-a-time reading agrees with the byte loop whatever follows the cell in memory:
  /// every cell of up to eleven bytes drawn from digits, signs, the bytes either side of the
  /// digits, a space and bytes above 0x7F (some a digit's low bits with the high bit set),
  /// followed by digits, zeros or more signs.
  @Test func paddedPlainIntegersAgreeWithTheByteLoop() {
    let alphabet = Array("0159+-/: a".utf8) + [0x80, 0xAF, 0xB0, 0xB5, 0xB9, 0xBA, 0xC6, 0xFF]
    let paddings: [[UInt8]] = [
      Array("99999999".utf8), [UInt8](repeating: 0, count: 8), Array("--------".utf8), [0xFF, 0x2C, 0x0A, 0x30, 0x39, 0x2D, 0x80, 0x2F],
    ]
    var generator = SeededGenerator(seed: 14)
    for _ in 0..<200_000 {
      let length = Int.random(in: 0...11, using: &generator)
      let cell = (0..<length).map { _ in
        // Mostly digits, so that many cells are numbers of every length.
        Int.random(in: 0..<3, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : UInt8(0x30 + Int.random(in: 0...9, using: &generator))
      }
      let expected = cell.withUnsafeBufferPointer { NumberText.plainInteger($0) }
      for padding in paddings {
        let padded = (cell + padding).withUnsafeBufferPointer { all in
          NumberText.plainInteger(padded: UnsafeBufferPointer(rebasing: all[0..<cell.count]))
        }
        #expect(padded == expected, "\(String(decoding: cell, as: UTF8.self))")
      }
    }
  }

  @Test func reportsNumbersTooLargeForSixtyFourBits() {
    #expect(NumberText.parse("99999999999999999999999") == .tooLarge)
    #expect(NumberText.parse("0.0000000000000000000001") == .tooManyDecimals)
    #expect(NumberText.parse("10.12345678901234567") == .tooManyDecimals)  // inside −30…30, but not exact in 64 bits
  }

  @Test func foldsFullWidthCodes() {
    #expect(NumberText.halfWidth("Ｓ４") == "S4")
    #expect(NumberText.halfWidth("　ｈｏｓｐｉｔａｌ ") == "hospital")
    #expect(NumberText.halfWidth("髙橋") == "髙橋")
  }
}

@Suite struct SuggestionTests {
  @Test func suggestsTheClosest() {
    #expect(Suggestion.closest(to: "S100", in: ["S1", "S1000", "S3000"]) == "S1000")
    #expect(Suggestion.closest(to: "byoin", in: ["byoin-kyosaikai", "jhef"]) == "byoin-kyosaikai")
    #expect(Suggestion.closest(to: "--genral-beds", in: ["--general-beds", "--other-beds"], maxDistance: 3) == "--general-beds")
    #expect(Suggestion.closest(to: "zzzz", in: ["S1", "S2"]) == nil)
  }

  /// The letters' bound never exceeds the edit distance, so skipping a candidate by it never
  /// loses a suggestion; and it does skip most strangers. Seeded: the same strings every run.
  @Test func theLetterBoundIsALowerBound() {
    var seed: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: seed >> 33) % n
    }
    let alphabet = Array("abcde-0病院")
    func word() -> String { String((0..<next(9)).map { _ in alphabet[next(alphabet.count)] }) }
    var skipped = 0
    for _ in 0..<5_000 {
      let (a, b) = (word(), word())
      let bound = Suggestion.LetterSet(a).distanceBound(Suggestion.LetterSet(b))
      let distance = Suggestion.distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
      #expect(bound <= distance, "\(a) → \(b)")
      if bound > 2 { skipped += 1 }
    }
    #expect(skipped > 0)
  }

  @Test func utf8PrefixIsBytewise() {
    #expect("byoin-kyosaikai".hasUTF8Prefix("byoin"))
    #expect("byoin".hasUTF8Prefix(""))
    #expect(!"byoin".hasUTF8Prefix("byoin-"))
    #expect(!"jhef".hasUTF8Prefix("jhf"))
  }
}

@Suite struct QuoteFieldTests {
  /// Batch looks columns up by ordinal; it must be the position in `allCases`.
  @Test func ordinalIsThePositionInAllCases() {
    for (i, field) in QuoteField.allCases.enumerated() { #expect(field.ordinal == i, "\(field)") }
  }
}
