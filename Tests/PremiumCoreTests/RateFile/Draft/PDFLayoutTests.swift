import Foundation
import TestSupport
import Testing

@testable import PremiumCore

/// `rates draft` on real `pdftotext -layout` output of this year's brochures, printed to PDF by
/// headless Chromium (scripts/draft-check makes them again): A4 landscape with cells that do not
/// wrap, A4 portrait whose cells wrap (a figure's 円 on the next line, a row over four lines),
/// and A5 portrait with a running header and footer on every page, its rows broken anywhere.
@Suite struct PDFLayoutTests {
  static let directory = PackageRoot.url.appendingPathComponent("Tests/Brochures/pdftotext")

  static func draft(_ id: String, _ form: String) throws -> RateBookDraft {
    let text = try String(contentsOf: directory.appendingPathComponent("\(id)-\(form).txt"), encoding: .utf8)
    return try RateBookDraftTests.draft(id, text)
  }

  /// A4, landscape and portrait: every figure read back as printed, nothing to resolve.
  @Test(arguments: RateBookDraftTests.priced, ["a4l", "a4p"])
  func a4DraftsBackEveryFigure(_ id: String, _ form: String) throws {
    let template = try RateBookDraftTests.template(id)
    let draft = try Self.draft(id, form)
    #expect(draft.unresolved.isEmpty, "\(form): \(draft.unresolved.map { $0.describe(.en).what })")
    #expect(draft.figures.count == RateBookDraftTests.figureCount(template))
    #expect(draft.figures.allSatisfy { $0.old == $0.new })
    #expect(draft.program.tables == template.tables && draft.program.plans == template.plans && draft.program.options == template.options)
  }

  /// A5 with running headers and footers inside the tables: what is read is right, and what is
  /// not is listed; never a wrong figure, a wrong limit or a table dropped in silence.
  @Test(arguments: RateBookDraftTests.priced)
  func a5NeverReadsAWrongFigure(_ id: String) throws {
    let template = try RateBookDraftTests.template(id)
    let draft = try Self.draft(id, "a5f")
    #expect(draft.figures.allSatisfy { $0.old == $0.new }, "\(draft.figures.filter { $0.old != $0.new })")
    for plan in draft.program.plans {
      guard let old = template.plan(plan.code), plan.limits != old.limits else { continue }
      #expect(draft.unresolved.contains { if case .limitsChanged(plan.code, nil, old.limits, plan.limits) = $0.kind { true } else { false } }, "\(plan.code)")
    }
    for table in draft.program.tables {
      let before = template.tables.first { $0.id == table.id }?.limitOverrides ?? [:]
      for (code, limits) in table.limitOverrides where before[code] != limits {
        #expect(draft.unresolved.contains { if case .limitsChanged(code, table.id, _, limits) = $0.kind { true } else { false } }, "\(table.id) \(code)")
      }
    }
    #expect(draft.summary.removed == 0 || !draft.unresolved.isEmpty)
  }

  /// A unit printed under its figure goes back onto it, by column; the line it came from keeps
  /// the rest and its number.
  @Test func unitsUnderTheirFiguresAreJoined() throws {
    let text = try BrochureText(" S1   1,000万  100,290\n      円        円    注記\n")
    #expect(text.lines[0].tokens == [.code("S1"), .amount(10_000_000, printed: "1,000万円"), .yen(100_290, printed: "100,290円")])
    #expect(text.lines[1].text.trimmingCharacters(in: .whitespaces) == "注記")
    #expect(text.lines[1].number == 2)
    // A unit not under a figure stays where it is.
    let apart = try BrochureText(" S1   1,000万\n                    円\n")
    #expect(apart.lines[1].text.contains("円"))
  }

  /// `1,000万 100万円`: one limit cut from its 円 and the next: never read as 1,100万円.
  @Test func aLimitCutFromItsUnitIsNotJoinedToTheNext() {
    let tokens = BrochureToken.scan(Array("S1 1,000万 100万円 1億5,000万円".unicodeScalars))
    #expect(tokens == [.code("S1"), .amount(1_000_000, printed: "100万円"), .amount(150_000_000, printed: "1億5,000万円")])
  }
}
