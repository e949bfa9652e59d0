import Foundation
import TestSupport
import Testing

@testable import cyberquote

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// File names and arguments are bytes: every byte string survives the trip through a String, a
/// UTF-8 name is its ordinary text, and a name that is not UTF-8 is opened, listed and shown as
/// the bytes it is.
@Suite struct FileNameTests {
  static func decode(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { FileName.decode($0) }
  }

  @Test func everyByteStringMakesTheRoundTrip() {
    var generator = SeededGenerator(seed: 24)
    // Bytes weighted towards UTF-8 lead and continuation bytes, and the encoding of U+10FF80…
    let alphabet: [UInt8] = [0x41, 0x2F, 0x80, 0x8F, 0xBE, 0xBF, 0xC2, 0xE0, 0xE9, 0xED, 0xF0, 0xF4, 0xFF, 0x93, 0x8C]
    for _ in 0..<20_000 {
      let count = Int.random(in: 0...12, using: &generator)
      let bytes = (0..<count).map { _ in
        Bool.random(using: &generator) ? alphabet.randomElement(using: &generator) ?? 0x41 : UInt8.random(in: 1...255, using: &generator)
      }
      #expect(FileName.bytes(Self.decode(bytes)) == bytes, "\(bytes)")
    }
  }

  @Test func utf8NamesAreTheirText() {
    for name in ["caf\u{E9}.csv", "東京.csv", "a b", "\u{10FF7F}", ""] {
      #expect(Self.decode(Array(name.utf8)) == name)
      #expect(FileName.bytes(name) == Array(name.utf8))
    }
  }

  @Test func bytesThatAreNotUTF8AreShownAsBytes() {
    let latin1 = Self.decode([0x63, 0x61, 0x66, 0xE9, 0x2E, 0x63, 0x73, 0x76])
    #expect(TerminalText.escaped(latin1) == "caf\\xE9.csv")
    #expect(XMLText.escaped(latin1) == "caf\\xE9.csv")
    // A name holding the very scalars that stand for bytes keeps its bytes.
    let lookalike: [UInt8] = [0xF4, 0x8F, 0xBF, 0xA9]
    #expect(FileName.bytes(Self.decode(lookalike)) == lookalike)
    #expect(Self.decode(lookalike) != Self.decode([0xE9]))
  }

  /// A directory holding a Latin-1 name and the name U+FFFD would give it: each is listed and
  /// read as itself, and a link to nowhere that would be read is an error, not a silent skip.
  @Test func aDirectoryWalkListsNamesAsBytes() throws {
    let scratch = try ScratchDirectory("file-names")
    let latin1 = scratch.path + "/" + Self.decode([0x63, 0x61, 0x66, 0xE9, 0x2E, 0x63, 0x73, 0x76])
    FileName.withCString(latin1) { _ = creat($0, 0o644) }
    _ = try scratch.write("caf\u{FFFD}.csv", "")
    let files = try FileTree.files(scratch.path, suffix: ".csv", recursive: false)
    #expect(files.count == 2)
    #expect(files.contains(latin1))
    #expect(files.contains { $0.hasSuffix("caf\u{FFFD}.csv") })

    symlink(scratch.path + "/nowhere", scratch.path + "/dangling.csv")
    #expect(throws: BatchError.self) { try FileTree.files(scratch.path, suffix: ".csv", recursive: false) }
  }
}
