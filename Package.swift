// swift-tools-version:6.0
import PackageDescription

// Release builds lay out the functions a run starts with side by side (the list comes from
// scripts/startup-order), so that a quote touches fewer pages of the binary: lld places them; any
// function not in the list, or gone from the code, costs only speed. scripts/build-release adds
// the compiler flags that make the list effective for every module (docs/performance.md,
// Start-up).
let startupOrder = Context.packageDirectory + "/Sources/cyberquote/startup-order.txt"
let releaseLinking = [
  "-static-executable", "-use-ld=lld",
  "-Xlinker", "--symbol-ordering-file=" + startupOrder, "-Xlinker", "--no-warn-symbol-ordering",
]

let package = Package(
  name: "cyberquote",
  products: [
    .library(name: "PremiumCore", targets: ["PremiumCore"]),
    .executable(name: "cyberquote", targets: ["cyberquote"]),
  ],
  targets: [
    // Every pricing rule, the rate-file reader, the built-in rate books, the quote's words and
    // JSON, and member-list pricing (CSV in, CSV or JSON lines out). No Foundation. No unsafe
    // flags: SwiftPM builds a versioned dependency only without them (docs/performance.md
    // measures what that costs the batch: nothing beyond noise).
    .target(name: "PremiumCore"),
    // Flags, files, threads, screens and exit codes; it never multiplies a yen.
    .executableTarget(
      name: "cyberquote", dependencies: ["PremiumCore"], exclude: ["startup-order.txt"],
      // Release builds are fully static: no dynamic loading at start-up (docs/performance.md
      // measures it against a C hello world), and the binary runs when copied alone to another
      // machine. Debug builds stay dynamic, because the test bundles that link this module need
      // the shared Testing and XCTest libraries.
      linkerSettings: [.unsafeFlags(releaseLinking, .when(configuration: .release))]),
    // Shared by both test targets: every premium the brochures print (read from rates/checks/),
    // the check that keeps generated files current, and a seeded generator.
    .target(
      name: "TestSupport", dependencies: ["PremiumCore"], path: "Tests/TestSupport"),
    .testTarget(name: "PremiumCoreTests", dependencies: ["PremiumCore", "TestSupport"]),
    // The library as a program that embeds it sees it: public API only, no @testable import.
    .testTarget(name: "PublicAPITests", dependencies: ["PremiumCore", "TestSupport"]),
    .testTarget(name: "cyberquoteTests", dependencies: ["cyberquote", "PremiumCore", "TestSupport"], exclude: ["Golden"]),
  ]
)
