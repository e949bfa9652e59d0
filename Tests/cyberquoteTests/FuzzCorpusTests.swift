import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// The fuzz seeds and every input a fuzzer ever crashed on (`Fuzz/regressions/<target>/`),
/// replayed through the same entry points as the libFuzzer targets in `Fuzz/`, on every
/// `swift test`.
@Suite struct FuzzCorpusTests {
  static func inputs(_ target: String) -> [(name: String, bytes: [UInt8])] {
    ["corpus", "regressions"].flatMap { kind -> [(name: String, bytes: [UInt8])] in
      let directory = PackageRoot.url.appendingPathComponent("Fuzz/\(kind)/\(target)")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      return names.sorted().compactMap { name in
        (try? Data(contentsOf: directory.appendingPathComponent(name))).map { ("\(kind)/\(target)/\(name)", Array($0)) }
      }
    }
  }

  @Test func commandLines() {
    let inputs = Self.inputs("cli")
    #expect(inputs.count >= 8)
    for (name, bytes) in inputs {
      // As Fuzz/CommandLineTarget.swift: arguments by NUL or newline, stdin after "--stdin--".
      let text = String(decoding: bytes, as: UTF8.self)
      let parts = text.components(separatedBy: "\n--stdin--\n")
      let arguments = parts[0].split(whereSeparator: { $0 == "\0" || $0 == "\n" }).map(String.init)
      let stdin = parts.count > 1 ? Array(parts.dropFirst().joined(separator: "\n--stdin--\n").utf8) : []
      let result = CLIHarness.run(arguments, stdin: stdin)
      #expect([0, 1, 2].contains(result.status), "\(name)")
      #expect(result.status == 0 || result.stdout.isEmpty || arguments.first == "batch" || arguments.first == "impact", "\(name)")
    }
  }

  @Test func memberLists() {
    let inputs = Self.inputs("csv")
    #expect(inputs.count >= 3)
    for (name, bytes) in inputs {
      let result = CLIHarness.run(["batch", "--program", "byoin-kyosaikai", "-"], stdin: bytes)
      #expect([0, 1, 2].contains(result.status), "\(name)")
    }
  }

  @Test func rateFiles() throws {
    let inputs = Self.inputs("ratefile")
    #expect(!inputs.isEmpty)
    for (name, bytes) in inputs {
      let result = RateBookCheck.check([RateBookCheck.Source(file: name, text: String(decoding: bytes, as: UTF8.self))], beside: .builtIn)
      for (_, program) in result.programs {
        #expect(try RateFileDecoder.decode(RateFileEncoder.encode(program), file: name) == program, "\(name)")
      }
    }
  }

  /// As Fuzz/ChartScaleTarget.swift: three rates, an axis maximum, a width, a facility and a plan
  /// from the bytes; a chart either draws or reports an overflow.
  @Test func chartScales() throws {
    let inputs = Self.inputs("chart")
    #expect(inputs.count >= 2)
    let original = RateFileEncoder.encode(try BrochureYear.catalog.program("byoin-kyosaikai"))
    for (name, bytes) in inputs {
      var rest = bytes[...]
      func next(_ count: Int) -> UInt64 { (0..<count).reduce(0) { value, _ in value << 8 | UInt64(rest.popFirst() ?? 0) } }
      let (general, other, capacity) = (next(8) >> 1, next(8) >> 1, next(8) >> 1)
      let (maximum, width, roken, plan) = (Int(next(2) % 10_000) + 1, Int(next(1)) + 20, next(1) % 2 == 1, "S\(next(1) % 7 + 1)")
      let text =
        original
        .replacingOccurrences(of: "[\"S1\", 660, 360]", with: "[\"S1\", \(general), \(other)]")
        .replacingOccurrences(of: "[\"S1\", 290]", with: "[\"S1\", \(capacity)]")
      guard let program = RateBookCheck.check([RateBookCheck.Source(file: name, text: text)]).programs.first?.program else { continue }
      do {
        let chart = try Chart.curve(
          PremiumCurve(program: program, facility: roken ? .roken : .hospital, plan: plan), maximum: maximum, samples: 360, .ja)
        #expect(!Chart.terminal(chart, width: width, colour: false, .ja).isEmpty, "\(name)")
        #expect(Chart.svg(chart, .ja).hasSuffix("</svg>\n"), "\(name)")
      } catch let error as QuoteError {
        guard case .curveOverflow = error else {
          Issue.record("\(name): \(error)")
          continue
        }
      }
    }
  }

  @Test func numbers() {
    let inputs = Self.inputs("number")
    #expect(inputs.count >= 5)
    for (name, bytes) in inputs {
      let text = String(decoding: bytes, as: UTF8.self)
      if let amount = YenFormat.parseAmount(text) {
        #expect(YenFormat.parseAmount(YenFormat.limit(amount)) == amount, "\(name)")
      }
      _ = NumberText.parse(text)
    }
  }
}
