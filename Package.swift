// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "cyberquote",
  products: [
    .library(name: "PremiumCore", targets: ["PremiumCore"]),
    .executable(name: "cyberquote", targets: ["cyberquote"]),
  ],
  targets: [
    // Every pricing rule, the rate-file reader and the built-in rate books. No Foundation.
    .target(name: "PremiumCore"),
    // Flag parsing and rendering only; it never multiplies a yen.
    .executableTarget(
      name: "cyberquote", dependencies: ["PremiumCore"],
      // Release builds link the Swift runtime in: the binary runs when copied alone to a machine
      // without the toolchain, and start-up skips loading the runtime's shared libraries. Debug
      // builds stay dynamic, because the test bundles that link this module need the shared
      // Testing and XCTest libraries.
      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),
    // Every premium the brochures print, shared by both test targets.
    .target(
      name: "BrochureFigures", dependencies: ["PremiumCore"], path: "Tests/BrochureFigures",
      exclude: ["000-kagoshima-ikyo.csv", "001-byoin-kyosaikai.csv", "002-kumamoto-hokeni.csv", "003-fukuoka-ishikai.csv"]),
    .testTarget(name: "PremiumCoreTests", dependencies: ["PremiumCore", "BrochureFigures"]),
    .testTarget(name: "cyberquoteTests", dependencies: ["cyberquote", "PremiumCore", "BrochureFigures"], exclude: ["Golden"]),
  ]
)
