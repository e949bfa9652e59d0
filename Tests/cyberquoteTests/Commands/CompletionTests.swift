import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// The bash completion run by bash itself: the words it offers after a line. (scripts/completion-check
/// types the same lines into bash and zsh in a real terminal.)
@Suite struct CompletionTests {
  /// What `_cyberquote` puts in COMPREPLY for `words`, the last being the word under the cursor.
  static func bashOffers(_ words: [String]) throws -> [String] {
    let script = CompletionCommand.bash(CompletionCommand.Books(BrochureYear.books))
    let quoted = words.map { "'" + $0.replacing("'", with: "'\\''") + "'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "--norc", "-c",
      script + "\nCOMP_WORDS=(\(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _cyberquote; printf '%s\\n' \"${COMPREPLY[@]}\"",
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test(arguments: [
    (["cyberquote", "quote", "--program", "kumamoto-hokeni", "--plan", ""], ["A", "B", "C", "D"]),
    (["cyberquote", "rates", ""], ["show", "check", "draft", "diff"]),
    (["cyberquote", "completion", ""], ["bash", "zsh"]),
    (["cyberquote", "quote", "--facility", "c"], ["clinic"]),
    (["cyberquote", "compare", "--format", ""], ["text", "json", "csv"]),
    (["cyberquote", "quote", "--lang", ""], ["ja", "en"]),
    (["cyberquote", "compare", "--sort", ""], ["premium"]),
    (["cyberquote", "quote", "--general-beds", ""], []),
    (["cyberquote", "proposal", "--contact", ""], []),
  ])
  func aValueIsCompletedNeverTheFlags(_ words: [String], _ offered: [String]) throws {
    #expect(try Self.bashOffers(words) == offered)
  }

  /// After --program, --plan offers that program's codes in its book's order; before one is
  /// named, every program's. Program ids come from the books.
  @Test func plansAndProgramsComeFromTheBooks() throws {
    let books = try BrochureYear.books.allPrograms()
    let every = try Self.bashOffers(["cyberquote", "quote", "--plan", ""])
    for program in books {
      let codes = program.plans.map(\.code)
      #expect(try Self.bashOffers(["cyberquote", "chart", "--program", program.id, "--facility", "clinic", "--plan", ""]) == codes)
      #expect(Set(codes).isSubset(of: every), "\(program.id)")
    }
    #expect(try Self.bashOffers(["cyberquote", "quote", "--program", ""]) == Array(Set(books.map(\.id))).sorted())
  }

  /// After an action, rates offers that action's options only.
  @Test func ratesOffersTheActionsOptions() throws {
    let check = try Self.bashOffers(["cyberquote", "rates", "check", "--"])
    #expect(check.contains("--strict") && check.contains("--previous") && !check.contains("--out") && !check.contains("--review"))
    let draft = try Self.bashOffers(["cyberquote", "rates", "draft", "--"])
    #expect(draft.contains("--out") && draft.contains("--review") && !draft.contains("--strict"))
  }
}
