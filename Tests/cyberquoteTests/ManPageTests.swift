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
  /// escapes it (with break points between phrases): the README says the manual has the same.
  @Test func japanesePageHasTheJapaneseHelp() {
    let page = ManPage.render(.ja).replacing("\\:", with: "")
    for (name, summary) in CLI.subcommands {
      #expect(page.contains(ManPage.escape(summary(.ja))), "\(name)")
      for spec in Help.specs(name) ?? [] { #expect(page.contains(ManPage.escape(spec.help(.ja))), "\(name) \(spec.name)") }
    }
  }

  /// groff breaks lines only at spaces: the Japanese page carries a break point wherever a
  /// screen may break, is set ragged right, and text set without fill is wrapped to fit the
  /// indent. (scripts/install-check sets both pages with man at 80 columns.)
  @Test func japaneseTextCanBreakWithinEightyColumns() {
    let page = ManPage.render(.ja)
    let lines = page.split(separator: "\n").map(String.init)
    #expect(lines.contains(".ad l"))
    #expect(page.contains("パンフレットに\\:掲載された\\:保険料を"))
    #expect(!page.contains("営業継\\:続"))
    var filling = true
    for line in lines {
      if line == ".nf" { filling = false } else if line == ".fi" { filling = true }
      guard !line.hasPrefix(".") else { continue }
      if filling {
        // A run of more than 36 full-width characters with no place to break would overflow.
        let runs = line.replacing("\\:", with: " ").split(separator: " ")
        #expect(!runs.contains { Screen.width(of: String($0)) > 72 }, "\(line)")
      } else {
        #expect(Screen.width(of: line.replacing("\\e", with: "\\").replacing("\\-", with: "-")) <= ManPage.noFillWidth, "\(line)")
      }
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
