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
