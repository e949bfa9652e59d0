import Foundation
import TestSupport
import Testing

@testable import PremiumCore

/// The encoder is the decoder's inverse, and the rate files are written in its layout: encoding
/// a built-in program gives its file byte for byte (what `rates show` prints).
@Suite struct RateFileEncoderTests {
  @Test func encodingReproducesEveryRateFile() throws {
    for (file, program) in try RatesDirectory.programs() {
      let text = try RatesDirectory.text(String(file.dropLast(".json".count)))
      let encoded = RateFileEncoder.encode(program)
      if ProcessInfo.processInfo.environment["CYBERQUOTE_REGENERATE"] == "1", encoded != text {
        try encoded.write(to: RatesDirectory.url.appendingPathComponent(file), atomically: true, encoding: .utf8)
        Issue.record("Rewrote rates/\(file) in the encoder's layout; review and commit it.")
        continue
      }
      #expect(encoded == text, "rates/\(file) differs from its encoding")
      #expect(try RateFileDecoder.decode(encoded, file: file) == program)
    }
  }
}
