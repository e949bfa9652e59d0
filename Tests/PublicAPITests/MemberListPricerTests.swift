// Through the public API alone, as a program that embeds PremiumCore would: no @testable import,
// and no module but PremiumCore (this target depends on nothing else).
import PremiumCore
import TestSupport
import Testing

@Suite struct MemberListPricerTests {
  /// The built-in books as in force on a day of the brochures' year, as docs/library.md shows.
  static let catalog: Catalog = {
    var catalog = BrochureYear.catalog
    catalog.date = CalendarDate(year: 2026, month: 1, day: 15)
    return catalog
  }()

  /// docs/library.md's list (``MemberLists/documented``).
  static let list = MemberLists.documented

  /// docs/library.md's example, line for line.
  @Test func documentedExample() throws {
    let csv = Array(Self.list.utf8)
    var offset = 0
    var output: [UInt8] = []
    let tally = try MemberListPricer.price(
      reading: { buffer in
        // A file, a socket or an upload: here 7 bytes at a time from memory.
        let n = min(buffer.count, 7, csv.count - offset)
        buffer.copyBytes(from: csv[offset..<(offset + n)])
        offset += n
        return n
      }, catalog: Self.catalog, options: .init(format: .csv, language: .en),
      writing: { output.append(contentsOf: $0) })

    let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "name,program,facility,plan,general_beds,other_beds,security,premium,installments,installment_premium,basis,error,warnings")
    // A typed security adjustment replaces the table's premium (001 〈7〉): an estimate.
    // The last column: the codes of the quote's warnings (001 prints no dates) and of why it
    // is an estimate; their sentences are the tally's, in the run's language.
    #expect(lines[1] == "Takahashi,byoin-kyosaikai,hospital,S4,100,20,-10,164400,1,164400,estimate,,period-undated;estimate-security")
    #expect(lines[2] == "Yamada,fukuoka-ishikai,clinic,S4,,,,55880,1,55880,published,,")
    #expect(lines[3] == "Bad,byoin-kyosaikai,hospital,S4,abc,,,,,,,the value 'abc' in general_beds is not a number,")
    #expect(lines.count == 5 && lines[4].isEmpty)
    #expect(tally.programWarnings["byoin-kyosaikai"].map { _ in true } == true)
    #expect(tally.rowNotes.map(\.code) == ["estimate-security"] && tally.rowNotes.first?.line == 2)
    #expect(tally.warnedRows == 1)
    #expect(tally.priced == 2)
    #expect(tally.failed == 1)
    #expect(tally.total.amount == Int64(164_400 + 55_880))
  }

  /// Every row priced by the list pricer is the premium the one-quote API gives.
  @Test func rowsAgreeWithSingleQuotes() throws {
    let (output, tally) = try MemberListPricer.price(Array(Self.list.utf8), catalog: Self.catalog, options: .init())
    let rows = String(decoding: output, as: UTF8.self).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let takahashi = try Self.catalog.quote(
      QuoteRequest(
        program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: 100, otherBeds: 20, securityPercent: Rational(-10)))
    let yamada = try Self.catalog.quote(QuoteRequest(program: "fukuoka-ishikai", facility: .clinic, plan: "S4"))
    #expect(rows[0][7] == "\(takahashi.premium.amount)")
    #expect(rows[1][7] == "\(yamada.premium.amount)")
    #expect(tally.total.amount == takahashi.premium.amount + yamada.premium.amount)
  }

  /// JSON lines: one object per row, with the quote's keys and the row's error.
  @Test func jsonLines() throws {
    let (output, _) = try MemberListPricer.price(Array(Self.list.utf8), catalog: Self.catalog, options: .init(format: .jsonLines, language: .en))
    let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 3)
    let first = try JSONParser.parse(String(lines[0]))
    guard case .object(let members) = first.value else { Issue.record("not an object"); return }
    let keys = members.map(\.key)
    #expect(keys == ["line", "input"] + QuoteJSON.keys + ["rate_source", "error"])
    #expect(members.first { $0.key == "premium" }?.value.value == .integer(164_400))
    #expect(members.first { $0.key == "error" }?.value.value == .null)
    let bad = try JSONParser.parse(String(lines[2]))
    guard case .object(let badMembers) = bad.value else { Issue.record("not an object"); return }
    #expect(badMembers.first { $0.key == "premium" }?.value.value == .null)
    guard case .string(let message)? = badMembers.first(where: { $0.key == "error" })?.value.value else {
      Issue.record("no error message"); return
    }
    #expect(message.contains("general_beds") && message.contains("abc"))
  }

  /// A source that fails stops the list with its error number, after the rows it gave: never
  /// taken as the end of the input.
  @Test func aFailedReadIsAnErrorNotTheEnd() throws {
    let header = Array("name,program,facility,plan\nA,fukuoka-ishikai,clinic,S4\n".utf8)
    var calls = 0
    var output: [UInt8] = []
    do {
      _ = try MemberListPricer.price(
        reading: { buffer in
          calls += 1
          guard calls == 1 else { return -5 }  // EIO
          buffer.copyBytes(from: header)
          return header.count
        }, catalog: Self.catalog, options: .init(),
        writing: { output.append(contentsOf: $0) })
      Issue.record("a failed read was taken as the end of the list")
    } catch {
      guard case .list(.csv(.readFailed(let code))) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(code == 5)
      #expect(String(decoding: output, as: UTF8.self).contains("A,fukuoka-ishikai,clinic,S4,55880"))
    }
  }

  /// What cannot be read at all throws, naming why.
  @Test func unreadableLists() {
    #expect(throws: MemberListError.empty) { try MemberListPricer.price([], catalog: Self.catalog, options: .init()) }
    #expect(throws: MemberListError.header(.noUsableColumn(header: ["a", "b"]))) {
      try MemberListPricer.price(Array("a,b\n1,2\n".utf8), catalog: Self.catalog, options: .init())
    }
    #expect(throws: MemberListError.csv(.unterminatedQuote(line: 2))) {
      try MemberListPricer.price(Array("plan\n\"S4\n".utf8), catalog: Self.catalog, options: .init())
    }
  }
}
