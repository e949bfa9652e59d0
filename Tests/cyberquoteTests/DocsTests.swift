import Foundation
import TestSupport
import Testing

/// Every `cyberquote` command the README and docs/ show runs as shown: the built binary, through
/// a shell (redirections, pipes and line continuations as written), in a directory holding the
/// files the commands name. A usage error (exit 2) or a refused write (exit 3) fails the test.
@Suite struct DocsTests {
  /// The documentation a newcomer reads.
  static let files =
    ["README.md", "rates/README.md"]
    + {
      let docs = PackageRoot.url.appendingPathComponent("docs")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
      return names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

  /// Words that stand for a value in a synopsis (`--program ID`): such a line is not a command.
  static let placeholders = ["ID", "KIND", "CODE", "PATH", "FILE", "DIR", "N", "PCT", "AMOUNT", "LETTER", "COMMAND", "YYYY-MM-DD", "…", "[", "|"]

  /// The commands of one file: lines of ```sh blocks (continued lines joined), and inline
  /// `cyberquote …` spans without placeholders.
  static func commands(in file: String) -> [String] {
    guard let text = try? String(contentsOf: PackageRoot.url.appendingPathComponent(file), encoding: .utf8) else { return [] }
    var found: [String] = []
    var inShell = false
    var pending = ""
    for line in text.components(separatedBy: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") {
        inShell = trimmed == "```sh"
        continue
      }
      if inShell {
        let code = pending + (trimmed.components(separatedBy: "  #").first ?? trimmed)
        if code.hasSuffix("\\") {
          pending = String(code.dropLast())
          continue
        }
        pending = ""
        if code.hasPrefix("cyberquote ") { found.append(code.trimmingCharacters(in: .whitespaces)) }
        continue
      }
      // Inline: `cyberquote …`
      var rest = Substring(line)
      while let start = rest.range(of: "`cyberquote ") {
        let after = rest[start.upperBound...]
        guard let end = after.firstIndex(of: "`") else { break }
        let command = "cyberquote " + after[..<end]
        let words = command.split(separator: " ").map(String.init)
        // A subcommand named alone (`cyberquote batch`) is a mention in prose, not a command.
        if words.count > 2, !words.contains(where: { Self.placeholders.contains($0) || $0.contains("…") || $0.contains("|") }) {
          found.append(command)
        }
        rest = after[after.index(after: end)...]
      }
    }
    return found
  }

  /// A directory with the files the documented commands name.
  static func workspace() throws -> URL {
    let scratch = try ScratchDirectory("docs")
    let fm = FileManager.default
    try fm.copyItem(at: PackageRoot.url.appendingPathComponent("rates"), to: scratch.url.appendingPathComponent("rates"))
    // The docs' renewal walks from this year's books to next year's: later years' files
    // (`<id>@<start>.json`) would already hold the next year the examples add.
    for name in try fm.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("rates").path) where name.contains("@") {
      try fm.removeItem(at: scratch.url.appendingPathComponent("rates/" + name))
    }
    try fm.createDirectory(at: scratch.url.appendingPathComponent("checks/2026"), withIntermediateDirectories: true)
    try fm.copyItem(
      at: PackageRoot.url.appendingPathComponent("rates/checks/003-fukuoka-ishikai.csv"),
      to: scratch.url.appendingPathComponent("checks/2026/003-fukuoka-ishikai.csv"))
    try fm.createDirectory(at: scratch.url.appendingPathComponent("reports"), withIntermediateDirectories: true)
    // Next year's brochure, as rates/README.md's worked example makes it: the same rates, the next period.
    let fukuoka = try String(contentsOf: PackageRoot.url.appendingPathComponent("rates/fukuoka-ishikai.json"), encoding: .utf8)
      .replacingOccurrences(of: #""start": "2025-05-05", "end": "2026-05-05""#, with: #""start": "2026-05-05", "end": "2027-05-05""#)
    try scratch.write("fukuoka-ishikai-2026.json", fukuoka)
    // The brochure's text as rates/README.md's renewal makes it: two premiums raised, dates a year on.
    let brochure = try BrochureTexts.text("003_40390978eb5bc4ce.txt")
      .replacingOccurrences(of: "2026年", with: "2027年").replacingOccurrences(of: "2025年", with: "2026年")
      .replacingOccurrences(of: "2026年3月14日(金)", with: "2026年3月13日(金)")
      .replacingOccurrences(of: "29,380円", with: "30,260円").replacingOccurrences(of: "55,880円", with: "57,560円")
    try scratch.write("fukuoka-2026.txt", brochure)
    try scratch.write("next.json", fukuoka)
    try scratch.write("members.csv", "会員名,制度,施設区分,プラン,一般病床数\n髙橋病院,byoin-kyosaikai,病院,S4,120\n山田医院,fukuoka-ishikai,診療所,S4,\n")
    try scratch.write("group.csv", "施設名,制度,施設区分,プラン,一般病床数\nさくら病院,byoin-kyosaikai,病院,S4,120\nさくら医院,fukuoka-ishikai,診療所,S4,\n")
    return scratch.url
  }

  @Test func theDocsShowCommands() {
    let all = Self.files.flatMap(Self.commands)
    #expect(all.count >= 15)
    #expect(Self.commands(in: "README.md").count >= 3)
  }

  @Test(arguments: files)
  func everyCommandRuns(_ file: String) throws {
    let bin = CLIHarness.binary.deletingLastPathComponent().path
    for command in Self.commands(in: file) {
      // Each command in a fresh copy: a worked example's later step assumes an edit in between.
      let directory = try Self.workspace()
      defer { try? FileManager.default.removeItem(at: directory) }
      let result = try CLIHarness.runBinary(
        URL(fileURLWithPath: "/bin/bash"), ["-c", command],
        environment: ["PATH": bin + ":/usr/bin:/bin", "LANG": "ja_JP.UTF-8"], directory: directory)
      #expect(result.status == 0 || result.status == 1, "\(file): \(command): exit \(result.status): \(result.stderr)")
      #expect(!result.stdout.isEmpty || command.contains(">") || command.contains("--out"), "\(file): \(command) printed nothing")
    }
  }
}

/// The version `--version` prints is CHANGELOG.md's latest release.
@Suite struct ChangelogTests {
  @Test func versionIsTheLatestRelease() throws {
    let changelog = try String(contentsOf: PackageRoot.url.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
    let releases = changelog.split(separator: "\n").filter { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") }
    let latest = try #require(releases.first).dropFirst(4).prefix { $0 != "]" }
    let result = CLIHarness.run(["--version"])
    #expect(result.stdout == "cyberquote \(latest)\n")
  }
}
