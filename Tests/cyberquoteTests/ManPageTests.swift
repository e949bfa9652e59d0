import TestSupport
import Testing

@testable import cyberquote

/// `man/cyberquote.1` is generated from the help text; this fails when it is stale.
@Suite struct ManPageTests {
  @Test func manPageMatchesTheHelpText() throws {
    try GeneratedSource.verify(ManPage.render(), at: "man/cyberquote.1", regenerate: "ManPageTests")
  }

  @Test func completionScriptsCoverEverySubcommand() {
    for script in [CompletionCommand.bash(), CompletionCommand.zsh()] {
      for (name, _) in CLI.subcommands { #expect(script.contains(name), "\(name)") }
      #expect(script.contains("hospital") && script.contains("byoin-kyosaikai"))
    }
  }
}
