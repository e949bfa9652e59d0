import Foundation
import TestSupport
import Testing

@testable import cyberquote

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A file the tool writes stays what it was and where it was: one file named two ways is refused,
/// a link is written through, a mode carries over, hard links are never split, files that belong
/// together replace what was there together, and a killed run's temporary file is cleaned up.
@Suite struct OutputFileIdentityTests {
  static let proposal = ["proposal", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4"]
  static let brochure = BrochureTexts.directory.appendingPathComponent("004_fe4bbad67cbe0973.txt").path

  func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  @Test func oneFileNamedTwoWaysIsRefused() throws {
    let scratch = try ScratchDirectory("identity")
    let page = scratch.url.appendingPathComponent("p.html").path
    let dotted = scratch.path + "/./p.html"
    let result = CLIHarness.run(Self.proposal + ["--out", page, "--record", dotted])
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains("'--record' は '--out' と同じファイルです"), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    // A link to the other output is the same file too, and so is an existing one under two names.
    let existing = try scratch.write("d.json", "{}")
    try FileManager.default.createSymbolicLink(atPath: scratch.path + "/review.json", withDestinationPath: "d.json")
    let draft = CLIHarness.run(["rates", "draft", "--program", "jhef", Self.brochure, "--out", existing, "--review", scratch.path + "/review.json"])
    #expect(draft.status == 2 && draft.stderr.contains("'--review' は '--out' と同じファイルです"), "\(draft.stderr)")
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "{}")
  }

  /// A symbolic link given as the output is written through to its file and stays a link; a
  /// replaced file keeps its mode; a new one gets 0666 less the umask.
  @Test func aLinkIsWrittenThroughAndModesCarryOver() throws {
    let scratch = try ScratchDirectory("identity")
    let record = try scratch.write("record.json", "old")
    chmod(record, 0o600)
    let link = scratch.path + "/page.html"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.html")
    let result = CLIHarness.run(Self.proposal + ["--out", link, "--record", record])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.html")
    #expect(try String(contentsOfFile: scratch.path + "/real.html", encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    #expect(try mode(record) == 0o600)
    #expect(try mode(scratch.path + "/real.html") == 0o666 & ~Int(StagedFile.currentUmask()))
  }

  @Test func aFileWithOtherHardLinksIsNotSplit() throws {
    let scratch = try ScratchDirectory("identity")
    let record = try scratch.write("record.json", "old")
    try #require(link(record, scratch.path + "/copy.json") == 0)
    let result = CLIHarness.run(Self.proposal + ["--out", scratch.path + "/p.html", "--record", record])
    #expect(result.status == 3)
    #expect(result.stderr.contains("ハードリンク"), "\(result.stderr)")
    #expect(try String(contentsOfFile: scratch.path + "/copy.json", encoding: .utf8) == "old")
    // Neither replaced: the page was not put in place without its record.
    #expect(!FileManager.default.fileExists(atPath: scratch.path + "/p.html"))
  }

  /// A page that cannot be written leaves the previous record as it was; the record names the
  /// page it belongs to.
  @Test func aPageAndItsRecordGoTogether() throws {
    let scratch = try ScratchDirectory("identity")
    let record = try scratch.write("record.json", "old")
    let failed = CLIHarness.run(Self.proposal + ["--out", scratch.path + "/missing/p.html", "--record", record])
    #expect(failed.status == 3)
    #expect(try String(contentsOfFile: record, encoding: .utf8) == "old")
    let page = scratch.path + "/p.html"
    #expect(CLIHarness.run(Self.proposal + ["--out", page, "--record", record]).status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as? [String: Any]
    #expect(json?["page"] as? String == page)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["p.html", "record.json"])
  }

  /// A killed run's temporary file (its process gone) is removed by the next write in its
  /// folder; a running one's is left alone.
  @Test func aKilledRunsTemporaryFileIsCleanedUp() throws {
    let scratch = try ScratchDirectory("identity")
    let abandoned = try scratch.write(".cyberquote-999999999-abcdef", "half a page")
    let running = try scratch.write(".cyberquote-\(getpid())-abcdef", "being written")
    try OutputFile.write("page", to: scratch.path + "/p.html")
    #expect(!FileManager.default.fileExists(atPath: abandoned))
    #expect(FileManager.default.fileExists(atPath: running))
  }

  /// `--out -` is standard output, for every command that takes `--out`: no file named `-`.
  @Test func outDashIsStandardOutput() throws {
    let draft = CLIHarness.run(["rates", "draft", "--program", "jhef", Self.brochure, "--out", "-"])
    #expect(draft.status == 0, "\(draft.stderr)")
    #expect(draft.stdout.hasPrefix("{\n  \"format\": 1,"))
    let page = CLIHarness.run(Self.proposal + ["--out", "-"])
    #expect(page.status == 0 && page.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))
  }
}
