import Foundation
import Testing

@testable import PremiumCore

/// `Sources/PremiumCore/Catalog/EmbeddedRateFiles.swift` is generated from `rates/*.json`.
/// This test regenerates it in memory and fails when the committed file is stale.
/// `CYBERQUOTE_REGENERATE=1 swift test --filter EmbeddedRateFilesTests` rewrites it (and still
/// fails once, so that every regeneration is seen).
@Suite struct EmbeddedRateFilesTests {
  static let order = ["kagoshima-ikyo", "byoin-kyosaikai", "kumamoto-hokeni", "fukuoka-ishikai", "jhef"]

  @Test func generatedSourceMatchesRatesDirectory() throws {
    let root = PackageRoot.url
    let ratesDirectory = root.appendingPathComponent("rates")
    let names = try FileManager.default.contentsOfDirectory(atPath: ratesDirectory.path)
      .filter { $0.hasSuffix(".json") }
      .sorted { (Self.order.firstIndex(of: String($0.dropLast(5))) ?? 99, $0) < (Self.order.firstIndex(of: String($1.dropLast(5))) ?? 99, $1) }
    let files = try names.map { ($0, try String(contentsOf: ratesDirectory.appendingPathComponent($0), encoding: .utf8)) }
    let expected = Self.render(files)
    let target = root.appendingPathComponent("Sources/PremiumCore/Catalog/EmbeddedRateFiles.swift")
    let actual = try String(contentsOf: target, encoding: .utf8)
    if actual != expected, ProcessInfo.processInfo.environment["CYBERQUOTE_REGENERATE"] == "1" {
      try expected.write(to: target, atomically: true, encoding: .utf8)
      Issue.record("Regenerated \(target.path); review and commit it.")
      return
    }
    #expect(
      actual == expected,
      "EmbeddedRateFiles.swift is stale: run CYBERQUOTE_REGENERATE=1 swift test --filter EmbeddedRateFilesTests")
  }

  /// The generated Swift: each file's text as a raw multi-line string literal, verbatim.
  static func render(_ files: [(name: String, text: String)]) -> String {
    var out = """
      // Generated from rates/*.json by Tests/PremiumCoreTests/Catalog/EmbeddedRateFilesTests.swift.
      // Do not edit: change the rate file, then run
      //   CYBERQUOTE_REGENERATE=1 swift test --filter EmbeddedRateFilesTests

      /// The built-in rate books, verbatim, in listing order.
      enum EmbeddedRateFiles {
        static let files: [(name: String, text: String)] = [

      """
    for (name, text) in files {
      var hashes = "#"
      while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
      let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
      out += "    (\n      \"\(name)\",\n      \(hashes)\"\"\"\n\(body)\n\"\"\"\(hashes)\n    ),\n"
    }
    out += "  ]\n}\n"
    return out
  }
}

/// The package's top directory, found from this file's path.
enum PackageRoot {
  static let url = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
