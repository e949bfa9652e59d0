import Foundation
import TestSupport
import Testing

@testable import PremiumCore

/// `rates draft` on this year's brochures (`Tests/Brochures/`), in every form their text comes
/// in, and on brochures the tests change as next year's may: raised figures and moved dates, a
/// new plan, a '-' cell priced, a changed discount, examples off the fitted model.
@Suite struct RateBookDraftTests {
  static let priced = ["kagoshima-ikyo", "byoin-kyosaikai", "kumamoto-hokeni", "fukuoka-ishikai"]
  static let forms: [(name: String, transform: @Sendable (String) -> String)] = [
    ("seed", { $0 }), ("pdftotext -layout", BrochureTexts.layout), ("full-width", BrochureTexts.fullWidth),
    ("radicals", BrochureTexts.radicals), ("CRLF, BOM, spaced 円", BrochureTexts.windows),
  ]

  static func template(_ id: String) throws -> Program { try BrochureYear.catalog.program(id) }

  static func brochure(_ id: String) throws -> String { try BrochureTexts.text(try template(id).source) }

  static func draft(_ id: String, _ text: String) throws -> RateBookDraft {
    try RateBookDrafter.draft(try BrochureText(text), template: template(id), brochure: "next.txt")
  }

  static func figureCount(_ program: Program) -> Int {
    program.tables.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.values.count } } + program.options.count
  }

  // MARK: - Round trip

  /// This year's brochure gives back the built-in book: every figure, limit and term, with no
  /// figure changed, in the seeds' form and in every other form of the same text.
  @Test(arguments: priced)
  func roundTripGivesBackEveryFigure(_ id: String) throws {
    let template = try Self.template(id)
    for (form, transform) in Self.forms {
      // Drafted from the file the book names, so that its citations name the same brochure.
      let draft = try RateBookDrafter.draft(try BrochureText(transform(try Self.brochure(id))), template: template, brochure: template.source)
      #expect(draft.program.tables == template.tables, "\(form)")
      #expect(draft.program.plans == template.plans, "\(form)")
      #expect(draft.program.options == template.options, "\(form)")
      #expect(draft.figures.count == Self.figureCount(template), "\(form)")
      #expect(draft.figures.allSatisfy { $0.old == $0.new }, "\(form)")
      #expect(draft.changes.isEmpty, "\(form): \(draft.changes.map(\.field))")
      #expect(draft.program.period == template.period && draft.program.term == template.term, "\(form)")
      #expect(draft.program.groupDiscountPercent == template.groupDiscountPercent, "\(form)")
      #expect(draft.program.installments == template.installments && draft.program.payment == template.payment, "\(form)")
      #expect(draft.program.conditions.deadlines == template.conditions.deadlines, "\(form)")
      #expect(draft.program.conditions.midTermJoining == template.conditions.midTermJoining, "\(form)")
      // Every text the book shows as the brochure's is printed in it, figures and terms included:
      // nothing to resolve, and the draft is this year's book.
      #expect(draft.unresolved.isEmpty, "\(form): \(draft.unresolved)")
      #expect(draft.program.notes == template.notes && draft.program.conditions == template.conditions, "\(form)")
      #expect(draft.program.eligibilityParts == template.eligibilityParts, "\(form)")
    }
  }

  /// Each figure cites the line it is printed on.
  @Test func figuresCiteTheirLines() throws {
    let text = try Self.brochure("fukuoka-ishikai")
    let lines = text.components(separatedBy: "\n")
    let draft = try Self.draft("fukuoka-ishikai", text)
    for figure in draft.figures {
      #expect(lines[figure.line - 1].contains(figure.printed), "\(figure)")
    }
    let s1 = draft.figures.first { $0.table == "clinic" && $0.plan == "S1" }
    #expect(s1?.line == 225)
    #expect(s1?.printed == "29,380円")
  }

  @Test func byoinReadsRowsByOrderAndColumnsByTheirHeadings() throws {
    let draft = try Self.draft("byoin-kyosaikai", try Self.brochure("byoin-kyosaikai"))
    let dental = draft.figures.filter { $0.table == "dental" }
    #expect(dental.map(\.plan) == ["S1", "S2", "S3", "S4", "S5"])
    #expect(dental.map(\.line) == [116, 117, 118, 119, 120])
    #expect(dental.first?.new == Yen(22360))
    // T plans are priced nowhere, yet printed with their limits: kept, limits read.
    #expect(draft.program.plan("T7")?.limits.lostProfit == Yen(100_000_000))
  }

  // MARK: - Next year's brochure

  /// Every premium raised by about 3% (rounded to 10 yen, as printed), every date a year on.
  static func nextYear(_ text: String, figures: [RateBookDraft.Figure]) -> String {
    var lines = text.components(separatedBy: "\n")
    for figure in figures.sorted(by: { $0.line < $1.line }) {
      lines[figure.line - 1] = lines[figure.line - 1].replacingOccurrences(of: figure.printed, with: grouped(raised(figure.new)) + "円")
    }
    let next = CalendarDate(year: 2026, month: 3, day: 14).map(JapaneseDates.weekday)!
    return lines.joined(separator: "\n")
      .replacingOccurrences(of: "2026年", with: "2027年").replacingOccurrences(of: "2025年", with: "2026年")
      .replacingOccurrences(of: "2026年3月14日(金)", with: "2026年3月14日(\(next))")
  }

  static func raised(_ yen: Yen) -> Yen { Yen((yen.amount * 103 + 500) / 1000 * 10) }

  static func grouped(_ yen: Yen) -> String { YenFormat.grouped(yen.amount) }

  /// A mid-term joining rule whose days move (受付 by the 20th, cover from the 1st) is read with
  /// its new days, not only its new words.
  @Test func movedMidTermDaysAreRead() throws {
    let old = "毎月15日までの受付分は、受付日の翌月5日(15日過ぎの受付分は翌々月5日)"
    let text = try Self.brochure("fukuoka-ishikai")
    #expect(text.contains(old))
    let moved = text.replacingOccurrences(of: old, with: "毎月20日までの受付分は、受付日の翌月1日(20日過ぎの受付分は翌々月1日)")
    for (form, transform) in Self.forms {
      let rule = try #require(try Self.draft("fukuoka-ishikai", transform(moved)).program.conditions.midTermJoining, "\(form)")
      #expect(rule.receivedByDay == 20 && rule.startDay == 1, "\(form)")
      #expect(CompatibilityCharacters.normalized(rule.text).contains("毎月20日までの受付分"), "\(form)")
    }
  }

  @Test func raisedFiguresAndMovedDatesAreRead() throws {
    let this = try Self.draft("fukuoka-ishikai", try Self.brochure("fukuoka-ishikai"))
    let text = Self.nextYear(try Self.brochure("fukuoka-ishikai"), figures: this.figures)
    for (form, transform) in Self.forms {
      let draft = try Self.draft("fukuoka-ishikai", transform(text))
      #expect(draft.figures.count == 100, "\(form)")
      #expect(draft.figures.allSatisfy { $0.old.map(Self.raised) == $0.new }, "\(form)")
      #expect(
        draft.program.period == Period(start: CalendarDate(year: 2026, month: 5, day: 5)!, end: CalendarDate(year: 2027, month: 5, day: 5)!, time: "16:00"),
        "\(form)")
      #expect(draft.changes.map(\.field) == ["period", "deadlines", "mid_term_joining"], "\(form)")
      #expect(
        draft.program.conditions.deadlines.map { TextIndex.letters(TextIndex.compact($0)) } == [TextIndex.letters(TextIndex.compact("申込締切日 2026年3月14日(土)まで"))],
        "\(form)")
      // As printed, in the brochure's own characters (full-width digits stay full-width).
      #expect(draft.program.conditions.midTermJoining.map { CompatibilityCharacters.normalized($0.text).contains("2027年5月5日") } == true, "\(form)")
      #expect(draft.program.conditions.midTermJoining?.receivedByDay == 15)
    }
    // The draft passes rates check and prices from its period on.
    let draft = try Self.draft("fukuoka-ishikai", text)
    let checked = RateBookCheck.check([RateBookCheck.Source(file: "next.json", text: RateFileEncoder.encode(draft.program))], beside: BrochureYear.books)
    #expect(checked.errors == [])
    var catalog = try BrochureYear.catalog.adding(checked.programs)
    catalog.date = CalendarDate(year: 2026, month: 6, day: 1)
    let quote = try catalog.quote(QuoteRequest(program: "fukuoka-ishikai", facility: .clinic, plan: "S4"))
    #expect(quote.premium == Self.raised(Yen(55_880)))
    catalog.date = CalendarDate(year: 2026, month: 4, day: 1)
    #expect(try catalog.quote(QuoteRequest(program: "fukuoka-ishikai", facility: .clinic, plan: "S4")).premium == Yen(55_880))
  }

  @Test func aNewPlanRowIsAddedWithTheLimitsItPrints() throws {
    let text = try Self.brochure("fukuoka-ishikai").replacingOccurrences(
      of: "S20000\t2億円\t3,000万円\t\t72,650円\tP20000\t2億円\t3,000万円\t\t67,200円\n",
      with: "S20000\t2億円\t3,000万円\t\t72,650円\tP20000\t2億円\t3,000万円\t\t67,200円\nS30000\t3億円\t3,000万円\t\t80,120円\tP30000\t3億円\t3,000万円\t\t74,010円\n")
    let draft = try Self.draft("fukuoka-ishikai", text)
    #expect(draft.unresolved.contains(.init(kind: .newPlan(code: "S30000", table: "clinic-1000", added: true), line: 240)))
    #expect(draft.unresolved.contains(.init(kind: .newPlan(code: "P30000", table: "clinic-1000", added: true), line: 240)))
    #expect(draft.program.plan("S30000")?.limits == Limits(liability: Yen(300_000_000), incidentResponse: Yen(30_000_000)))
    #expect(draft.program.tables.first { $0.id == "clinic-1000" }?.row(for: "S30000")?.values == [Yen(80_120)])
    #expect(draft.figures.contains { $0.plan == "S30000" && $0.old == nil && $0.new == Yen(80_120) && $0.line == 240 })
  }

  @Test func aDashCellNowPricedIsInTheDraftAndToResolve() throws {
    let text = try Self.brochure("byoin-kyosaikai").replacingOccurrences(of: "| 1,860円 | - | - |", with: "| 1,860円 | 80,120円 | - |")
    let draft = try Self.draft("byoin-kyosaikai", text)
    #expect(draft.unresolved.contains(.init(kind: .nowPriced(table: "clinic", plan: "S6"), line: 121)))
    #expect(draft.program.tables.first { $0.id == "clinic" }?.row(for: "S6")?.values == [Yen(80_120)])
    #expect(draft.program.tables.first { $0.id == "dental" }?.row(for: "S6") == nil)
    // And the reverse: a priced cell now '-'.
    let dashed = try Self.brochure("byoin-kyosaikai").replacingOccurrences(of: "| 1,780円 | 72,810円 | 61,890円 |", with: "| 1,780円 | - | 61,890円 |")
    let reverse = try Self.draft("byoin-kyosaikai", dashed)
    #expect(reverse.unresolved.contains(.init(kind: .nowDash(table: "clinic", plan: "S5"), line: 120)))
    #expect(reverse.program.tables.first { $0.id == "clinic" }?.row(for: "S5") == nil)
  }

  @Test func aChangedDiscountIsAChangeAndToResolve() throws {
    let text = try Self.brochure("kagoshima-ikyo").replacingOccurrences(of: "15%", with: "17%")
    let draft = try Self.draft("kagoshima-ikyo", text)
    #expect(draft.program.groupDiscountPercent == Rational(17))
    // The brochure's statement of its figures' conditions is read again with the new discount.
    #expect(draft.changes.map(\.field) == ["group_discount_percent", "notes[0]"])
    #expect(draft.program.notes.first?.text == "<保険期間1年、団体割引17%、告知書割引なし、12回払の場合>")
    #expect(draft.changes.first?.line == 3)
    #expect(draft.unresolved.contains(.init(kind: .changedDiscount(old: "15%", new: "17%"), line: 3)))
  }

  /// Examples rounded on their own need not fit the table's model: read as printed, a warning
  /// of `rates check`, never an error.
  @Test func examplesOffTheModelAreReadAsPrinted() throws {
    let text = try Self.brochure("fukuoka-ishikai").replacingOccurrences(of: "57,720円", with: "57,750円")
    let draft = try Self.draft("fukuoka-ishikai", text)
    #expect(draft.program.tables.first { $0.id == "hospital" }?.row(for: "S1")?.values == [Yen(57_750), Yen(76_220)])
    let checked = RateBookCheck.check([RateBookCheck.Source(file: "next.json", text: RateFileEncoder.encode(draft.program))])
    #expect(checked.errors == [])
    #expect(checked.warnings.contains { $0.table == "hospital" && $0.plan == "S1" })
  }

  @Test func kumamotoTotalsAreCheckedAgainstTheirParts() throws {
    let text = try Self.brochure("kumamoto-hokeni").replacingOccurrences(of: "127,370円", with: "127,470円")
    let draft = try Self.draft("kumamoto-hokeni", text)
    #expect(draft.unresolved.contains(.init(kind: .totalMismatch(plan: "C", option: "a", printed: Yen(127_470), sum: Yen(127_370)), line: 134)))
  }

  // MARK: - Not a brochure of this program

  @Test func textThatIsNotThisProgramsBrochureIsRefused() throws {
    #expect(throws: RateBookDrafter.Failure.notThisProgram("fukuoka-ishikai")) { try Self.draft("fukuoka-ishikai", try Self.brochure("byoin-kyosaikai")) }
    #expect(throws: RateBookDrafter.Failure.notThisProgram("kumamoto-hokeni")) { try Self.draft("kumamoto-hokeni", "保険料\n") }
    #expect(throws: BrochureText.ReadError.empty) { try BrochureText(" \n\u{3000}\n\u{0C}") }
    #expect(throws: BrochureText.ReadError.binary(line: 2)) { try BrochureText(bytes: Array("a\nb\0c".utf8)) }
    #expect(throws: BrochureText.ReadError.binary(line: 1)) { try BrochureText(bytes: [0xFF, 0xFE, 0x41]) }
  }

  /// Limits, premiums split from 円, plan codes and '-' cells; a year and a bare number are none.
  @Test func tokensOfALine() {
    let tokens = BrochureToken.scan(Array(CompatibilityCharacters.normalized("S5000 ５,０００万円 1億5,000万円 なし 62,210 円 P1 - 2025年 3,000").unicodeScalars))
    #expect(
      tokens == [
        .code("S5000"), .amount(50_000_000, printed: "5,000万円"), .amount(150_000_000, printed: "1億5,000万円"),
        .yen(62_210, printed: "62,210 円"), .code("P1"), .dash,
      ])
  }
}
