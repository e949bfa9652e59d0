import TestSupport
import Testing

@testable import PremiumCore

@Suite struct InputEncodingTests {
  /// The validation agrees with the standard library's `String(validating:)` on random bytes
  /// weighted towards UTF-8's lead and continuation bytes, and on the edge cases.
  @Test func utf8ValidationIsTheStandardLibrarys() {
    var random = SeededGenerator(seed: 0x5554_4638)
    let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F, 0x90]
    var cases: [[UInt8]] = [[], Array("髙橋病院".utf8), [0xE9, 0xAB], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80]]
    for _ in 0..<5_000 {
      cases.append((0..<Int.random(in: 1...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }
    for bytes in cases {
      let expected = String(validating: bytes, as: UTF8.self) != nil
      #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == expected, "\(bytes)")
    }
  }

  /// Japanese in CP932 is CP932; UTF-8 with one stray byte stays UTF-8.
  @Test func guessesTheEncoding() {
    let cp932: [UInt8] = [0x8E, 0x52, 0x93, 0x63, 0x88, 0xE3, 0x89, 0x40]  // 山田医院
    #expect(cp932.withUnsafeBufferPointer { InputEncoding.guess($0) } == .cp932)
    let utf8 = Array("山田医院".utf8) + [0xFF]
    #expect(utf8.withUnsafeBufferPointer { InputEncoding.guess($0) } == .utf8)
  }
}
