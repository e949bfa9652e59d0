import Foundation
import TestSupport
import Testing

/// PremiumCore's public surface is the one docs/library.md lists: a new `public` declaration
/// fails here until it is listed (or made `package`, for what only the command line needs), and a
/// listed one that is no longer public fails too.
@Suite struct PublicSurfaceTests {
  static let root = PackageRoot.url

  /// The public declarations of Sources/PremiumCore, as ``PublicSurface`` lists them.
  static func foundSurface() throws -> [String] {
    let sources = Self.root.appendingPathComponent("Sources/PremiumCore")
    var files: [URL] = []
    let walker = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    for case let url as URL in walker where url.pathExtension == "swift" { files.append(url) }
    var surface = PublicSurface()
    for file in files.sorted(by: { $0.path < $1.path }) {
      surface.scan(try String(contentsOf: file, encoding: .utf8))
    }
    return surface.lines
  }

  /// A back end's API is small: at most 30 public top-level types (nested ones are their
  /// parts); the CSV plumbing, JSON writers, encoders and decoders are `package`.
  @Test func atMostThirtyTopLevelTypes() throws {
    let topLevel = try Self.foundSurface().compactMap { line -> String? in
      let words = line.split(separator: " ")
      guard words.count >= 2, words[0] != "extension" else { return nil }
      let name = words[1].trimmingCharacters(in: [":"])
      return name.contains(".") ? nil : name
    }
    #expect(topLevel.count <= 30, "\(topLevel.count): \(topLevel)")
    for plumbing in ["CSVReader", "ByteSource", "MemoryByteSource", "InputEncoding", "JSONOutput", "RateFileEncoder", "RateFileDecoder", "PrintedPoint"] {
      #expect(!topLevel.contains(plumbing), "\(plumbing) is public")
    }
  }

  @Test func docsListEveryPublicDeclaration() throws {
    let documented = try Self.documentedSurface()
    let found = try Self.foundSurface()
    let undocumented = found.filter { !documented.contains($0) }
    let stale = documented.filter { !found.contains($0) }
    if !undocumented.isEmpty {
      Issue.record("public in Sources/PremiumCore but not in docs/library.md (list it there, or make it `package`):\n\(undocumented.joined(separator: "\n"))")
    }
    if !stale.isEmpty { Issue.record("in docs/library.md but not public:\n\(stale.joined(separator: "\n"))") }
  }

  /// The lines of the fenced block under docs/library.md's "The supported surface".
  static func documentedSurface() throws -> [String] {
    let doc = try String(contentsOf: root.appendingPathComponent("docs/library.md"), encoding: .utf8)
    let section = try #require(doc.range(of: "## The supported surface"))
    let lines = doc[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
    let open = try #require(lines.firstIndex { $0.hasPrefix("```") })
    let close = try #require(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
    return lines[(open + 1)..<close].map(String.init)
  }
}

/// The public declarations of Swift source as formatted in this repository (two-space
/// indentation, one declaration per line): one line per type, `kind Name: member, member`, its
/// public members sorted by name; members of an extension count as the extended type's.
struct PublicSurface {
  private var members: [String: Set<String>] = [:]
  private var kinds: [String: String] = [:]

  static let typeKinds: Set<String> = ["struct", "enum", "class", "protocol", "extension", "actor"]
  static let memberKinds: Set<String> = ["func", "var", "let", "init", "subscript", "typealias", "case"]
  static let modifiers: Set<String> = [
    "public", "package", "internal", "private", "fileprivate", "open", "private(set)", "package(set)", "final", "static",
    "mutating", "nonisolated", "indirect", "override", "convenience", "required", "lazy",
  ]

  mutating func scan(_ text: String) {
    var scopes: [(indent: Int, name: String)] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let indent = line.prefix { $0 == " " }.count
      var words = line.dropFirst(indent).split(separator: " ", omittingEmptySubsequences: true)[...]
      guard let first = words.first, !first.hasPrefix("//") else { continue }
      while let word = words.first, word.hasPrefix("@") { words.removeFirst() }
      var isPublic = false
      while let word = words.first, Self.modifiers.contains(String(word)) {
        if word == "public" || word == "open" { isPublic = true }
        words.removeFirst()
      }
      // `init(`, `init?(` and `subscript(` carry their parameters in the same word.
      guard let kind = words.first.map({ Self.identifier($0) }), Self.typeKinds.contains(kind) || Self.memberKinds.contains(kind) else { continue }
      let name = words.dropFirst().first.map { Self.identifier($0) } ?? ""
      while let last = scopes.last, last.indent >= indent { scopes.removeLast() }
      if Self.typeKinds.contains(kind) {
        // An extension names its type in full; a nested type is named through its scopes.
        let full = kind == "extension" ? name : (scopes.last.map { $0.name + "." } ?? "") + name
        scopes.append((indent, full))
        if isPublic {
          kinds[full] = kind
          members[full, default: []].formUnion([])
        }
      } else if isPublic {
        let owner = scopes.last?.name ?? "(top level)"
        members[owner, default: []].insert(kind == "init" || kind == "subscript" ? kind : name)
      }
    }
  }

  /// `quote(` → `quote`, `Catalog:` → `Catalog`, `==` stays.
  static func identifier(_ word: Substring) -> String {
    let end = word.firstIndex { "(<:{=?".contains($0) } ?? word.endIndex
    let name = word[..<end]
    return name.isEmpty ? String(word.prefix { !"(".contains($0) }) : String(name)
  }

  var lines: [String] {
    members.keys.sorted().map { type in
      let names = members[type, default: []].sorted()
      let head = "\(kinds[type] ?? "extension") \(type)"
      return names.isEmpty ? head : head + ": " + names.joined(separator: ", ")
    }
  }
}
