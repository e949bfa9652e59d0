import TestSupport
import Testing

@testable import PremiumCore

/// `rates diff`: every field that changes a premium or a statement, cell by cell and item by item.
@Suite struct RateBookDiffTests {
  static func book(_ id: String) throws -> Program { try BrochureYear.catalog.program(id) }

  /// `program` with `edit` applied to its rate file's JSON text.
  static func edited(_ program: Program, _ edit: (String) -> String) throws -> Program {
    let text = RateFileEncoder.encode(program)
    let changed = edit(text)
    #expect(changed != text, "the edit changed nothing")
    return try RateFileDecoder.decode(changed, file: "next.json")
  }

  static func fields(_ diff: RateBookDiff) -> [String] { diff.terms.map(\.field) }

  @Test func theSameBookIsTheSame() throws {
    for id in BrochureYear.ids { #expect(RateBookDiff(old: try Self.book(id), new: try Self.book(id)).isEmpty, "\(id)") }
  }

  /// A row added, a row removed, a '-' cell now priced: each a cell on its own, none lost.
  @Test func rowsAddedAndRemovedAreCells() throws {
    let old = try Self.book("byoin-kyosaikai")
    let new = try Self.edited(old) {
      $0.replacingOccurrences(of: #"["S5", 72810]"#, with: #"["S5", 72810], ["S6", 80120]"#)
        .replacingOccurrences(of: #"["S1", 22360],"#, with: "")
    }
    let diff = RateBookDiff(old: old, new: new)
    #expect(diff.cells.contains(.init(table: "clinic", plan: "S6", column: 0, old: nil, new: Yen(80_120))))
    #expect(diff.cells.contains(.init(table: "dental", plan: "S1", column: 0, old: Yen(22_360), new: nil)))
    #expect(diff.cells.count == 2)
  }

  @Test func optionsAreCells() throws {
    let old = try Self.book("kumamoto-hokeni")
    let new = try Self.edited(old) { $0.replacingOccurrences(of: #""premium": 50210"#, with: #""premium": 51000"#) }
    #expect(RateBookDiff(old: old, new: new).cells == [.init(table: "options", plan: "a", column: 0, old: Yen(50_210), new: Yen(51_000))])
  }

  /// The printed counts move every premium away from them: a change, never "same".
  @Test func examplesCountsAreATerm() throws {
    let old = try Self.book("fukuoka-ishikai")
    let new = try Self.edited(old) { $0.replacingFirst(#""counts": [50, 100]"#, with: #""counts": [100, 200]"#) }
    let diff = RateBookDiff(old: old, new: new)
    #expect(!diff.isEmpty)
    #expect(diff.terms.contains { $0.field == "tables[hospital].basis.examples.counts" && $0.old == "[50, 100]" && $0.new == "[100, 200]" })
  }

  /// Fields no older diff saw: columns, facilities, families, rounding, options on request,
  /// multiple facilities, read-first text, and each exclusion item.
  @Test func everyFieldOfTheBookIsCompared() throws {
    let old = try Self.book("fukuoka-ishikai")
    let item = try #require(old.conditions.exclusions?.parts.first?.items.dropFirst().first)
    let new = try Self.edited(old) {
      $0.replacingFirst(#""columns": ["50床", "100床"]"#, with: #""columns": ["50床 ", "100床"]"#)
        .replacingFirst(#""P": "情報漏えい限定プラン""#, with: #""P": "情報漏えいプラン""#)
        .replacingFirst(#""options_on_request": "喪失利益"#, with: #""options_on_request": "改定 喪失利益"#)
        .replacingFirst(
          "\"mode\": \"on-request\",\n    \"reason\": \"同一法人の複数の医療施設・介護施設の保険金額を共有して引き受ける場合、年間保険料は表と異なります\"",
          with: "\"mode\": \"proportional\""
        )
        .replacingFirst(JSONParser.quoted(item) + ",", with: "")
        .replacingFirst("このパンフレットは概要を説明したものです。", with: "このパンフレットは概要です。")
    }
    let fields = Self.fields(RateBookDiff(old: old, new: new))
    for field in [
      "tables[hospital].columns", "families.P", "options_on_request", "multiple_facilities.mode", "multiple_facilities.reason",
      "conditions.read_first.text",
    ] {
      #expect(fields.contains(field), "\(field): \(fields)")
    }
    #expect(RateBookDiff(old: old, new: new).terms.contains { $0.field.hasPrefix("conditions.exclusions.parts[") && $0.old == item && $0.new == nil })
  }

  /// A note's text, its facilities, and a note added: item by item.
  @Test func notesAreComparedItemByItem() throws {
    let old = try Self.book("kumamoto-hokeni")
    let new = try Self.edited(old) { $0.replacingFirst("申込締切：2月28日（金）", with: "申込締切：5月29日（金）") }
    let terms = RateBookDiff(old: old, new: new).terms.filter { $0.field == "notes" }
    #expect(terms.count == 2)
    #expect(terms.contains { $0.old?.contains("2月28日") == true && $0.new == nil })
    #expect(terms.contains { $0.new?.contains("5月29日") == true && $0.old == nil })
  }
}
