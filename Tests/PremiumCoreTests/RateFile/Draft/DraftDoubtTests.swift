import Foundation
import TestSupport
import Testing

@testable import PremiumCore

/// Brochures an adversary makes from this year's: each gives either the right figure or an item
/// to resolve naming it, never a wrong value in silence.
@Suite struct DraftDoubtTests {
  typealias T = RateBookDraftTests

  static func fukuoka() throws -> String { try T.brochure("fukuoka-ishikai") }

  static func kinds(_ draft: RateBookDraft) -> [RateBookDraft.Issue.Kind] { draft.unresolved.map(\.kind) }

  static func codes(_ draft: RateBookDraft) -> [String] { draft.unresolved.map { $0.describe(.ja).code } }

  // MARK: - Split figures

  /// A figure with a space or an invisible character inside it is never read as its tail; the
  /// row is left out and listed with its table, plan and line.
  @Test(arguments: [
    "29, 380円", "2 9,380円", "29\u{00A0}380円", "29\u{2009}380円", "29\u{200B}380円", "29\u{00AD}380円", "29'380円", "29,\u{202F}380円", "29,\t380円", "29,  380円",
  ])
  func aSplitFigureIsListedNeverReadAsItsTail(_ split: String) throws {
    let text = try Self.fukuoka().replacingOccurrences(of: "\t29,380円\t", with: "\t\(split)\t")
    let forms: [(String, String)] = [("seed", text), ("pdftotext -layout", BrochureTexts.layout(text))]
    for (form, formText) in forms {
      let draft = try T.draft("fukuoka-ishikai", formText)
      #expect(draft.program.tables.first { $0.id == "clinic" }?.row(for: "S1") == nil, "\(form) \(split)")
      #expect(!draft.figures.contains { $0.table == "clinic" && $0.plan == "S1" }, "\(form)")
      #expect(
        draft.unresolved.contains { if case .splitFigure(_, "clinic", "S1") = $0.kind { $0.line == 225 } else { false } },
        "\(form) \(split): \(draft.unresolved)")
      // P1 on the same line is still read.
      #expect(draft.program.tables.first { $0.id == "clinic" }?.row(for: "P1")?.values == [Yen(14_400)], "\(form)")
    }
  }

  /// Outside a row (an option's premium), the split figure is listed too.
  @Test func aSplitFigureOutsideATableIsListed() throws {
    let text = try T.brochure("kumamoto-hokeni").replacingOccurrences(of: "\t50,210円", with: "\t50, 210円")
    let draft = try T.draft("kumamoto-hokeni", text)
    #expect(draft.unresolved.contains { if case .splitFigure("50, 210円", nil, nil) = $0.kind { $0.line == 128 } else { false } })
    #expect(draft.program.options.first { $0.code == "a" }?.premium == Yen(50_210), "last year's option kept, listed")
    #expect(Self.codes(draft).contains("option-not-found"))
  }

  /// Two figures in two cells, a plan code and its figure, a year: none of them is a split figure.
  @Test func cellsAndCodesAreNotSplitFigures() {
    let line = Array("S2 37,430円  P2 24,000円\t30,000円 2025年 3,000円".unicodeScalars)
    #expect(
      BrochureToken.scan(line) == [
        .code("S2"), .yen(37_430, printed: "37,430円"), .code("P2"), .yen(24_000, printed: "24,000円"), .yen(30_000, printed: "30,000円"),
        .yen(3_000, printed: "3,000円"),
      ])
    #expect(BrochureToken.scan(Array("80, 790円".unicodeScalars)) == [.broken(printed: "80, 790円")])
  }

  // MARK: - Printed twice

  /// A footnote inside a table that prints a row's plan again with another figure: the row is
  /// left out, both printings quoted with their lines.
  @Test func aRowPrintedTwiceWithOtherFiguresIsLeftOut() throws {
    let text = try Self.fukuoka().replacingOccurrences(
      of: "S3\t5,000万円\t500万円\t\t44,610円\tP3",
      with: "※S2プランの保険料は 36,000円（前年度）\nS3\t5,000万円\t500万円\t\t44,610円\tP3")
    let draft = try T.draft("fukuoka-ishikai", text)
    #expect(draft.program.tables.first { $0.id == "clinic" }?.row(for: "S2") == nil)
    let issue = draft.unresolved.first { if case .rowPrintedTwice("clinic", "S2", _) = $0.kind { true } else { false } }
    #expect(issue?.lines == [226, 227])
    #expect(draft.program.tables.first { $0.id == "clinic" }?.row(for: "S3")?.values == [Yen(44_610)])
    // The same figure printed again is no doubt.
    let same = try Self.fukuoka().replacingOccurrences(
      of: "S3\t5,000万円\t500万円\t\t44,610円\tP3", with: "※S2プランの保険料は 37,430円\nS3\t5,000万円\t500万円\t\t44,610円\tP3")
    #expect(try T.draft("fukuoka-ishikai", same).program.tables.first { $0.id == "clinic" }?.row(for: "S2")?.values == [Yen(37_430)])
  }

  /// Last year's table reprinted under a 【ご参考】 heading after this year's: listed, with the
  /// reprint's line, and the draft keeps this year's.
  @Test func lastYearsTableReprintedIsListed() throws {
    let old = try Self.fukuoka()
    let this = try T.draft("fukuoka-ishikai", old)
    let next = T.nextYear(old, figures: this.figures)
    let lines = old.components(separatedBy: "\n")
    let reprint = "【ご参考】改定前の保険料\n" + lines[216..<240].joined(separator: "\n")
    let draft = try T.draft("fukuoka-ishikai", next + "\n" + reprint + "\n")
    let issues = draft.unresolved.filter { if case .tablePrintedTwice = $0.kind { true } else { false } }
    #expect(Set(issues.map { if case .tablePrintedTwice(let t, _, _) = $0.kind { t } else { "" } }) == ["clinic", "clinic-1000"])
    let reprintLine = lines.count + 2
    #expect(issues.allSatisfy { $0.lines == [217, reprintLine] }, "\(issues)")
    #expect(issues.allSatisfy { if case .tablePrintedTwice(_, 217, reprintLine) = $0.kind { true } else { false } })
    #expect(draft.program.tables.first { $0.id == "clinic" }?.row(for: "S4")?.values == [T.raised(Yen(55_880))])
  }

  /// Last year's brochure and this year's in one file: every table is listed, so the draft is
  /// never last year's book with nothing to resolve.
  @Test func twoBrochuresConcatenatedAreListed() throws {
    let old = try Self.fukuoka()
    let next = T.nextYear(old, figures: try T.draft("fukuoka-ishikai", old).figures)
    let draft = try T.draft("fukuoka-ishikai", old + "\n" + next)
    let tables = Set(draft.unresolved.compactMap { if case .tablePrintedTwice(let t, _, _) = $0.kind { t } else { nil } })
    #expect(tables == Set(try T.template("fukuoka-ishikai").tables.map(\.id)))
    #expect(draft.unresolved.contains { if case .termPrintedTwice("period", _) = $0.kind { true } else { false } })
  }

  // MARK: - Two values of one term

  @Test func aPeriodPrintedWithAnArrowIsListedAndTheNewOneHeld() throws {
    let text = try Self.fukuoka().replacingOccurrences(
      of: "2026年5月5日 午後4時まで 1年間", with: "2026年5月5日 午後4時まで → 2026年7月1日 午後4時から 2027年7月1日 午後4時まで")
    let draft = try T.draft("fukuoka-ishikai", text)
    #expect(draft.program.period == Period(start: CalendarDate(year: 2026, month: 7, day: 1)!, end: CalendarDate(year: 2027, month: 7, day: 1)!, time: "16:00"))
    #expect(draft.unresolved.contains { if case .termPrintedTwice("period", _) = $0.kind { $0.line == 44 } else { false } })
    #expect(draft.changes.contains { $0.field == "period" })
  }

  @Test(arguments: ["団体割引 20%→25%に拡大", "団体割引 20%から25%に拡大", "団体割引 20%->25%"])
  func aDiscountPrintedWithTwoValuesIsListed(_ printed: String) throws {
    let text = try Self.fukuoka().replacingOccurrences(of: "<保険期間 1年、団体割引 20%、一括払の場合>", with: "<保険期間 1年、\(printed)、一括払の場合>")
    let draft = try T.draft("fukuoka-ishikai", text)
    #expect(draft.unresolved.contains { if case .termPrintedTwice("group_discount_percent", _) = $0.kind { $0.lines.contains(221) } else { false } })
    #expect(Self.codes(draft).contains("term-printed-twice"))
  }

  // MARK: - Positions

  @Test func swappedColumnHeadersAreListed() throws {
    let text = try Self.fukuoka().replacingOccurrences(
      of: "\t①損害賠償\t②事故対応特別費用\t\t50床\t100床\t\t①損害賠償\t②事故対応特別費用\t\t50床\t100床",
      with: "\t①損害賠償\t②事故対応特別費用\t\t100床\t50床\t\t①損害賠償\t②事故対応特別費用\t\t100床\t50床")
    let draft = try T.draft("fukuoka-ishikai", text)
    #expect(draft.unresolved.contains { if case .columnOrder("hospital", ["100床", "50床"]) = $0.kind { true } else { false } })
  }

  /// byoin-kyosaikai's 一般病床 and 一般病床以外 columns in the other order: listed.
  @Test func swappedBedColumnsAreListed() throws {
    let text = try T.brochure("byoin-kyosaikai").replacingOccurrences(
      of: "| 一般病床 | 一般病床以外 (療養・精神・結核他) |", with: "| 一般病床以外 (療養・精神・結核他) | 一般病床 |")
    let draft = try T.draft("byoin-kyosaikai", text)
    #expect(draft.unresolved.contains { if case .columnOrder("hospital", _) = $0.kind { true } else { false } }, "\(draft.unresolved)")
  }

  /// Columns swapped with their figures: the premium falls as beds rise, which `rates check`
  /// refuses; the draft lists it.
  @Test func swappedFiguresAreACheckError() throws {
    let text = try Self.fukuoka().replacingOccurrences(of: "57,720円\t76,220円", with: "76,220円\t57,720円")
    let draft = try T.draft("fukuoka-ishikai", text)
    #expect(
      draft.unresolved.contains {
        if case .check(let m) = $0.kind { m.message.contains("cannot fall") && m.description(.ja).contains("数が増えて保険料が下がることはありません") } else { false }
      })
  }

  /// byoin-kyosaikai's rows read by order: reversed, the premiums fall as the limits rise, and
  /// each such row is a warning of `rates check`, in the review.
  @Test func reversedRowsAreListed() throws {
    let text = try T.brochure("byoin-kyosaikai")
    var lines = text.components(separatedBy: "\n")
    lines[104..<111].reverse()
    let draft = try T.draft("byoin-kyosaikai", lines.joined(separator: "\n"))
    #expect(
      draft.unresolved.contains {
        if case .checkWarning(let m) = $0.kind { m.message.contains("does not rise") && m.description(.ja).contains("警告: 表 hospital") } else { false }
      })
  }

  @Test func figuresBeforeARowAreListed() throws {
    let text = try Self.fukuoka().replacingOccurrences(of: "\nS4\t1億円\t1,000万円\t\t55,880円", with: "\n最低保険料 1,000円\tS4\t1億円\t1,000万円\t\t55,880円")
    let draft = try T.draft("fukuoka-ishikai", text)
    #expect(draft.unresolved.contains { if case .textBeforeRow("clinic", "S4", "1,000円") = $0.kind { $0.line == 228 } else { false } })
  }

  /// kumamoto-hokeni's option premium with a monthly figure beside it: option a keeps neither
  /// option b's premium nor the monthly one, and is listed.
  @Test func aMonthlyFigureBesideAnOptionIsListed() throws {
    let text = try T.brochure("kumamoto-hokeni").replacingOccurrences(of: "\t50,210円", with: "\t45,190円（月額 3,770円）")
    let draft = try T.draft("kumamoto-hokeni", text)
    #expect(draft.unresolved.contains { if case .monthlyFigure(_, "a") = $0.kind { $0.line == 128 } else { false } })
    #expect(draft.program.options.first { $0.code == "a" }?.premium != Yen(55_640))
    #expect(!draft.figures.contains { $0.table == "options" && $0.plan == "a" })
  }

  // MARK: - Around the tables

  /// A table of contents that names the tables, and a sentence naming one above it, change nothing.
  @Test func aTableOfContentsChangesNothing() throws {
    let toc = "目次\n<1> 一般医院・診療所（有床・無床）の保険料 …… 5\n<2> 病院の保険料（例） …… 6\n<3> 介護老人保健施設の保険料（例） …… 7\n"
    let text = toc + (try Self.fukuoka()).replacingOccurrences(of: "\n<2> 病院の保険料（例）\n", with: "\n次の<2> 病院の保険料（例）をご覧ください。\n\n<2> 病院の保険料（例）\n")
    let draft = try T.draft("fukuoka-ishikai", text)
    #expect(draft.figures.count == 100)
    #expect(draft.figures.allSatisfy { $0.old == $0.new })
    #expect(Self.codes(draft).allSatisfy { $0 == "unconfirmed-text" }, "\(draft.unresolved)")
  }

  /// 午前12時 is midnight and 午後12時 noon; a time past 23 is none.
  @Test func hoursOfTheDay() {
    let time = { (s: String) in DraftReader.time(in: TextIndex.compact(s)) }
    #expect(time("午後4時から") == "16:00")
    #expect(time("午前9時") == "09:00")
    #expect(time("午後12時") == "12:00")
    #expect(time("午前12時") == "00:00")
    #expect(time("午後13時") == nil)
  }

  // MARK: - The review's counts and names

  /// One figure raised, a new row of two plans, a cell now '-': each counted where it belongs.
  @Test func theSummaryCountsChangedNewAndRemovedApart() throws {
    let text = try Self.fukuoka().replacingOccurrences(of: "\t29,380円\t", with: "\t30,260円\t")
      .replacingOccurrences(
        of: "S20000\t2億円\t3,000万円\t\t72,650円\tP20000\t2億円\t3,000万円\t\t67,200円\n",
        with: "S20000\t2億円\t3,000万円\t\t72,650円\tP20000\t2億円\t3,000万円\t\t-\nS30000\t3億円\t3,000万円\t\t80,120円\tP30000\t3億円\t3,000万円\t\t74,010円\n")
    let draft = try T.draft("fukuoka-ishikai", text)
    let s = draft.summary
    #expect(s.read == 101 && s.changed == 1 && s.new == 2 && s.removed == 1, "\(s)")
    #expect(draft.removed == [.init(table: "clinic-1000", plan: "P20000", column: 0, old: Yen(67_200))])
    #expect(s.unresolved == draft.unresolved.count)
  }

  /// Columns are named by the brochure's own headers, never by a number that could mean either.
  @Test func columnsAreNamedByTheirHeaders() throws {
    let fukuoka = try T.draft("fukuoka-ishikai", try Self.fukuoka())
    #expect(fukuoka.columnName(table: "hospital", column: 1) == "100床")
    #expect(fukuoka.columnName(table: "roken", column: 0) == "50人")
    #expect(fukuoka.columnName(table: "clinic", column: 0) == nil)
    let byoin = try T.draft("byoin-kyosaikai", try T.brochure("byoin-kyosaikai"))
    #expect(byoin.columnName(table: "hospital", column: 1) == "一般病床以外 (療養・精神・結核他)")
  }

  /// Lines are counted as an editor counts them, whatever the line ends: a CRLF is one line end.
  @Test func linesAreCitedAsAnEditorCountsThem() throws {
    let text = try Self.fukuoka()
    for ending in ["\r\n", "\r", "\n"] {
      let draft = try T.draft("fukuoka-ishikai", text.replacingOccurrences(of: "\n", with: ending))
      #expect(draft.figures.first { $0.table == "clinic" && $0.plan == "S1" }?.line == 225, "\(ending.debugDescription)")
      #expect(draft.figures.first { $0.table == "hospital" && $0.plan == "P5" && $0.column == 1 }?.line == 256)
    }
    // kumamoto-hokeni's table printed across: the row's line is the line of its figures.
    let kumamoto = try T.draft("kumamoto-hokeni", try T.brochure("kumamoto-hokeni").replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(kumamoto.figures.filter { $0.table == "base" }.allSatisfy { $0.line == 126 })
    #expect(kumamoto.figures.first { $0.table == "options" && $0.plan == "a" }?.line == 128)
  }

  /// A genuine brochure whose tables cannot be read is drafted without them, each listed: only
  /// a text that names neither a table nor the association is not this program's brochure.
  @Test func aBrochureWhoseTablesCannotBeReadIsStillDrafted() throws {
    let text = try T.brochure("kumamoto-hokeni").components(separatedBy: "\n").filter { !$0.contains("円") }.joined(separator: "\n")
    let draft = try T.draft("kumamoto-hokeni", text)
    #expect(draft.unresolved.contains { $0.kind == .tableNotFound(table: "base") })
    #expect(draft.summary.read == 0 && draft.summary.removed == 4)
  }
}
