import PremiumCore
import TestSupport
import Testing

/// `Program.draftNextBook`, the drafting a back end calls, through the public surface only.
@Suite struct ProgramDraftTests {
  /// This year's brochure drafts back this year's figures, none changed; with every figure
  /// raised, each is counted as changed and the rate file carries the new figure.
  @Test func draftsFromTheBrochureText() throws {
    let program = try BrochureYear.catalog.program("kumamoto-hokeni")
    let text = try BrochureTexts.text(program.source)
    let same = try program.draftNextBook(fromBrochureText: text, brochure: program.source)
    #expect(same.figuresRead == 7)  // 002: four plans (50,000円 to 95,510円) and options a to c
    #expect(same.figuresChanged == 0 && same.figuresNew == 0 && same.figuresRemoved == 0)
    let drafted = try Program(rateFile: same.rateFile, file: "draft.json")
    #expect(drafted.id == "kumamoto-hokeni" && drafted.plans == program.plans)

    // One printed figure changed in the text: one figure changed in the draft.
    let printed = try #require(text.range(of: "77,160円"))
    let raised = text.replacingCharacters(in: printed, with: "79,990円")
    let next = try program.draftNextBook(fromBrochureText: raised, brochure: "next.txt", language: .en)
    #expect(next.figuresChanged == 1)
    #expect(next.rateFile.contains("79990") && !next.rateFile.contains("77160"))
  }

  @Test func textThatIsNoBrochureIsATypedError() throws {
    let program = try BrochureYear.catalog.program("kumamoto-hokeni")
    #expect(throws: Program.DraftError.notText(line: nil)) { try program.draftNextBook(fromBrochureText: "", brochure: "empty.txt") }
    let other = try BrochureTexts.text(try BrochureYear.catalog.program("jhef").source)
    #expect(throws: Program.DraftError.notThisProgram("kumamoto-hokeni")) {
      try program.draftNextBook(fromBrochureText: other, brochure: "other.txt")
    }
  }
}
