import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// `man/cyberquote.1` is generated from the help text; this fails when it is stale. What help
/// says of programs is read from the brochures' year's books, which the tests pin, so that a
/// next year's book added to rates/ does not change the page until it is regenerated.
@Suite struct ManPageTests {
  @Test(arguments: [Language.en, .ja])
  func manPageMatchesTheHelpText(_ l: Language) throws {
    let page = HelpFacts.$catalog.withValue(BrochureYear.catalog) { ManPage.render(l) }
    try GeneratedSource.verify(page, at: ManPage.path(l), regenerate: "ManPageTests")
  }

  /// The Japanese page holds every line of the Japanese `--help` of every command, as roff
  /// escapes it: the README says the manual has the same.
  @Test func japanesePageHasTheJapaneseHelp() {
    let page = ManPage.render(.ja)
    for (name, summary) in CLI.subcommands {
      #expect(page.contains(ManPage.escape(summary(.ja))), "\(name)")
      for spec in Help.specs(name) ?? [] { #expect(page.contains(ManPage.escape(spec.help(.ja))), "\(name) \(spec.name)") }
    }
  }

  @Test func completionScriptsCoverEverySubcommand() {
    let books = CompletionCommand.Books(BrochureYear.books)
    for script in [CompletionCommand.bash(books), CompletionCommand.zsh(books)] {
      for (name, _) in CLI.subcommands { #expect(script.contains(name), "\(name)") }
      #expect(script.contains("hospital") && script.contains("byoin-kyosaikai"))
    }
  }
}
