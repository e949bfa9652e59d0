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
    .executableTarget(name: "cyberquote", dependencies: ["PremiumCore"]),
    .testTarget(name: "PremiumCoreTests", dependencies: ["PremiumCore"]),
    .testTarget(name: "cyberquoteTests", dependencies: ["cyberquote", "PremiumCore"]),
  ]
)
