import Foundation
import TestSupport
import Testing

/// SwiftPM builds a package that depends on PremiumCore by version (`from: "…"`) only when the
/// library target has no unsafe flags: they are allowed in a root package and in branch or
/// revision dependencies alone.
@Suite struct PackageManifestTests {
  @Test func premiumCoreHasNoUnsafeFlags() throws {
    let manifest = try String(contentsOf: PackageRoot.url.appendingPathComponent("Package.swift"), encoding: .utf8)
    // The library's target declaration: from `.target(name: "PremiumCore"` to the next target.
    let start = try #require(manifest.range(of: ".target(name: \"PremiumCore\""), "PremiumCore is declared as `.target(name: \"PremiumCore\"…`")
    let rest = manifest[start.lowerBound...]
    let end = rest.range(of: ".executableTarget(")?.lowerBound ?? rest.endIndex
    #expect(!rest[..<end].contains("unsafeFlags"))
  }
}
