import Foundation
import TestSupport
import Testing

@testable import PremiumCore

/// The brochure's words in a draft: kept as printed, found again when their numbers move,
/// listed when their words change or they are gone; never dropped in silence, never rewritten.
@Suite struct DraftWordsTests {
  typealias T = RateBookDraftTests

  /// kumamoto-hokeni's deadline note with next year's date: the note is found by its place and
  /// its unchanged words, kept in the brochure's own characters (（金） full-width), and listed
  /// as a change with its line.
  @Test func aNoteWhoseDateMovedIsUpdatedAndListed() throws {
    let text = try T.brochure("kumamoto-hokeni").replacingOccurrences(of: "申込締切：2月28日（金）", with: "申込締切：5月29日（金）")
    let draft = try T.draft("kumamoto-hokeni", text)
    let note = "申込締切：5月29日（金） 申込書・告知書および口座振替依頼書が必要となります。"
    #expect(draft.program.notes.contains { $0.text == note })
    #expect(!draft.program.notes.contains { $0.text.contains("2月28日") })
    let change = draft.changes.first { $0.field.hasPrefix("notes[") }
    #expect(change?.new.compact == JSONOutput.string(note).compact && change?.line == 14)
    #expect(draft.program.conditions.deadlines == ["申込締切：5月29日（金）"])
    #expect(draft.unresolved.isEmpty, "\(draft.unresolved)")
  }

  /// A note whose words changed where it stood is kept, with the new line to copy from; one the
  /// brochure no longer prints is listed and left out.
  @Test func changedAndMissingWordsAreListed() throws {
    let changed = try T.brochure("kumamoto-hokeni").replacingOccurrences(
      of: "上記保険料は、1施設あたりの保険料になります。施設数に比例して保険料は変動します。",
      with: "上記保険料は、1施設あたりの保険料になります。施設数に応じて保険料は変わります。")
    let draft = try T.draft("kumamoto-hokeni", changed)
    let issue = draft.unresolved.first { if case .wordingChanged("notes[2]", _, let printed) = $0.kind { printed.contains("施設数に応じて") } else { false } }
    #expect(issue?.line == 143)
    #expect(draft.program.notes.contains { $0.text.hasPrefix("上記保険料は、1施設あたり") })

    let gone = try T.brochure("kumamoto-hokeni").replacingOccurrences(
      of: "- 上記保険料は、1施設あたりの保険料になります。施設数に比例して保険料は変動します。\n", with: "")
    let missing = try T.draft("kumamoto-hokeni", gone)
    #expect(missing.unresolved.contains { if case .unconfirmedText("notes[2]", _, false) = $0.kind { true } else { false } })
    #expect(!missing.program.notes.contains { $0.text.hasPrefix("上記保険料は、1施設あたり") })
  }

  /// byoin-kyosaikai's contacts are the brochure's lines: next year's text printing the same FAX
  /// line keeps them.
  @Test func contactsStillPrintedAreKept() throws {
    let template = try T.template("byoin-kyosaikai")
    let draft = try T.draft("byoin-kyosaikai", try T.brochure("byoin-kyosaikai").replacingOccurrences(of: "660円", with: "680円"))
    #expect(draft.program.conditions.contacts == template.conditions.contacts)
    #expect(draft.program.conditions.contacts.contains { $0.contains("FAX:03-3222-0016") })
  }

  /// The tool's own notes go with the structure, never looked for in the brochure nor shown as
  /// its words.
  @Test func theToolsNotesAreCarriedAndLabelled() throws {
    let template = try T.template("fukuoka-ishikai")
    let tool = try #require(template.notes.first { $0.byTool })
    #expect(!(try T.brochure("fukuoka-ishikai")).contains(tool.text))
    let draft = try T.draft("fukuoka-ishikai", try T.brochure("fukuoka-ishikai"))
    #expect(draft.program.notes.contains(tool))
    #expect(tool.shown(.ja).hasPrefix("（本ツールによる説明）") && tool.shown(.en).hasPrefix("(the tool's note)"))
    #expect(!template.notes(for: .hospital).contains(tool.text))
  }

  /// Citations name the new brochure (its file name up to `_` or `.`), and one whose heading the
  /// new text no longer prints is listed.
  @Test func citationsPointIntoTheNewBrochure() throws {
    let template = try T.template("fukuoka-ishikai")
    let draft = try RateBookDrafter.draft(try BrochureText(try T.brochure("fukuoka-ishikai")), template: template, brochure: "fukuoka-2026.txt")
    #expect(template.conditions.midTermJoining?.source == "003 ■中途加入")
    #expect(draft.program.conditions.midTermJoining?.source == "fukuoka-2026 ■中途加入")
    #expect(draft.program.eligibilitySource == "fukuoka-2026 ■加入対象者")
    #expect(draft.program.notes.compactMap(\.source).allSatisfy { $0.hasPrefix("fukuoka-2026 ") })
    #expect(draft.unresolved.isEmpty, "\(draft.unresolved)")
    let renamed = try T.brochure("fukuoka-ishikai").replacingOccurrences(of: "■中途加入", with: "■途中からのご加入")
    let moved = try RateBookDrafter.draft(try BrochureText(renamed), template: template, brochure: "fukuoka-2026.txt")
    #expect(moved.unresolved.contains { $0.kind == .citationNotFound(field: "conditions.mid_term_joining.source", source: "fukuoka-2026 ■中途加入") })
  }

  /// Every sentence a rate book stores as the brochure's is in its brochure, word for word
  /// (whatever the line breaks, spacing, list bullets and compatibility characters).
  @Test(arguments: RateBookDraftTests.priced + ["jhef"])
  func everyBrochureSentenceIsVerbatim(_ id: String) throws {
    let program = try T.template(id)
    let brochure = Self.comparable(try BrochureTexts.text(program.source))
    var sentences = program.eligibilityParts + program.notes.filter { !$0.byTool }.map(\.text) + program.conditions.contacts
    sentences += program.conditions.deadlines + program.disclosures.map(\.text)
    sentences += [program.conditions.aggregateCap?.text, program.conditions.readFirst?.text, program.conditions.midTermJoining?.text].compactMap { $0 }
    sentences += program.conditions.exclusions.map { e in e.parts.flatMap(\.items) } ?? []
    for sentence in sentences {
      #expect(brochure.contains(Self.comparable(sentence)), "\(id): 「\(sentence)」")
    }
  }

  /// The text without line breaks, spaces, `|`, list bullets (`- ` at a line's start) and a
  /// URL's angle brackets, compatibility characters mapped.
  static func comparable(_ text: String) -> String {
    let lines = text.components(separatedBy: "\n").map { line -> String in
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      return trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)) : String(trimmed)
    }
    return CompatibilityCharacters.normalized(lines.joined())
      .replacingOccurrences(of: "<http", with: "http").replacingOccurrences(of: "/>", with: "/")
      .replacingOccurrences(of: "·", with: "・")
      .filter { !$0.isWhitespace && $0 != "|" }
  }
}
