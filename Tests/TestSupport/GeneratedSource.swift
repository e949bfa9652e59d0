import Foundation
import Testing

/// Checks a generated source file against what its generator produces now. With
/// `CYBERQUOTE_REGENERATE=1` it rewrites the file and records an issue, so that every
/// regeneration is seen; otherwise a stale file fails with the command to run.
public enum GeneratedSource {
  public static func verify(_ expected: String, at relativePath: String, regenerate filter: String) throws {
    let target = PackageRoot.url.appendingPathComponent(relativePath)
    let actual = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
    if actual != expected, ProcessInfo.processInfo.environment["CYBERQUOTE_REGENERATE"] == "1" {
      try expected.write(to: target, atomically: true, encoding: .utf8)
      Issue.record("Regenerated \(relativePath); review and commit it.")
      return
    }
    #expect(actual == expected, "\(relativePath) is stale: run CYBERQUOTE_REGENERATE=1 swift test --filter \(filter)")
  }
}

/// The package's top directory, found from this file's path.
public enum PackageRoot {
  public static let url = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
