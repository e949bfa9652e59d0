import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// `--rates` reads only the books a command asks for: files are indexed by the id they state,
/// and a book is decoded when its program is first wanted.
@Suite struct RateFileIndexTests {
  @Test(arguments: [
    (#"{"format": 1, "id": "k1", "name": "x"}"#, "k1"),
    (#"{"format": 1, "nested": {"id": "inner", "list": [1, {"id": "deep"}]}, "id": "outer"}"#, "outer"),
    (#"  {"note": "a \" and , and } inside", "id": "quoted"}"#, "quoted"),
    ("\u{FEFF}{\"id\": \"bom\"}", "bom"),
  ])
  func theTopLevelIDIsFoundWithoutDecoding(_ json: String, _ id: String) {
    #expect(RateFileIndex.topLevelID(Array(json.utf8)) == id)
  }

  /// Not an object, no id, or an id with an escape: the decoder reads the file and names the fault.
  @Test(arguments: [#"["id", "x"]"#, #"{"format": 1}"#, #"{"id": "a\u002Db"}"#, #"{"id": 5}"#, #"{"id"#, ""])
  func whatTheScanCannotReadIsLeftToTheDecoder(_ json: String) {
    #expect(RateFileIndex.topLevelID(Array(json.utf8)) == nil)
  }

  /// A broken book of another program does not stop a quote; asking for it names its fault.
  @Test func aQuoteReadsOnlyItsOwnBook() throws {
    let scratch = try ScratchDirectory("index")
    let good = try String(contentsOf: PackageRoot.url.appendingPathComponent("rates/kumamoto-hokeni.json"), encoding: .utf8)
    _ = try scratch.write("k1.json", good.replacingOccurrences(of: "\"id\": \"kumamoto-hokeni\"", with: "\"id\": \"k1\""))
    _ = try scratch.write("broken.json", "{\"format\": 1, \"id\": \"broken\", \"name\": 5}\n")
    let quote = CLIHarness.run(["quote", "--rates", scratch.path, "--program", "k1", "--facility", "clinic", "--plan", "A", "--format", "json"])
    #expect(quote.status == 0, "\(quote.stderr)")
    #expect(quote.stdout.contains("\"premium\": 50000"))
    let builtIn = CLIHarness.run(["quote", "--rates", scratch.path, "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4"])
    #expect(builtIn.status == 0, "\(builtIn.stderr)")
    let broken = CLIHarness.run(["quote", "--rates", scratch.path, "--program", "broken", "--facility", "clinic", "--plan", "A"])
    #expect(broken.status != 0 && broken.stderr.contains("broken.json:1"), "\(broken.stderr)")
    // rates check still reads every file.
    #expect(CLIHarness.run(["rates", "check", scratch.path]).status != 0)
  }

  /// A book sharing a built-in id is decoded at once: its period decides what it replaces.
  @Test func aSharedIDIsDecodedAtOnce() throws {
    let scratch = try ScratchDirectory("index")
    _ = try scratch.write("fukuoka.json", "{\"format\": 1, \"id\": \"fukuoka-ishikai\", \"name\": 5}\n")
    let quote = CLIHarness.run(["quote", "--rates", scratch.path, "--program", "kumamoto-hokeni", "--facility", "clinic", "--plan", "A"])
    #expect(quote.status != 0 && quote.stderr.contains("fukuoka.json:1"), "\(quote.stderr)")
  }
}
