import Foundation
import PremiumCore
import TestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import cyberquote

/// `cyberquote proposal`: the page parses, every figure on it is the library's, nothing is
/// fetched from elsewhere, and hostile names stay text.
@Suite struct ProposalTests {
  /// Elements by name, with their attributes and text, in document order.
  final class Elements: NSObject, XMLParserDelegate {
    var all: [(name: String, attributes: [String: String], text: String)] = []
    private var stack: [Int] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      all.append((name, attributes, ""))
      stack.append(all.count - 1)
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
      for i in stack { all[i].text += string }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
  }

  func parse(_ html: String) throws -> Elements {
    let parser = XMLParser(data: Data(html.utf8))
    let elements = Elements()
    parser.delegate = elements
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    return elements
  }

  static let hospital = [
    "proposal", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100", "--other-beds", "20",
    "--security", "▲10", "--plan", "S4,S5", "--to", "<script>alert(1)</script>髙橋病院", "--from", "○○保険代理店 & Co.", "--compare",
    "--wish", "<img src=x onerror=alert(1)>", "--reason", "\"><script>x</script>", "--contact", "TEL 03 & '担当'",
  ]

  @Test func everyFigureIsTheLibrarys() throws {
    let result = CLIHarness.run(Self.hospital)
    #expect(result.status == 0, "\(result.stderr)")
    let page = try parse(result.stdout)
    let request = QuoteRequest(
      program: "byoin-kyosaikai", facility: .hospital, plan: "", generalBeds: 100, otherBeds: 20, securityPercent: Rational(-10))
    let menu = try PlanMenu(program: try BrochureYear.catalog.program("byoin-kyosaikai"), request: request, on: CLIHarness.today)
    let rows = page.all.filter { $0.name == "tr" && $0.attributes["data-plan"] != nil && $0.attributes["data-program"] == nil }
    #expect(rows.count == menu.entries.count)
    for (row, entry) in zip(rows, menu.entries) {
      switch entry {
      case .priced(let q):
        #expect(row.attributes["data-plan"] == q.plan.code)
        #expect(row.attributes["data-premium"] == "\(q.premium.amount)")
        #expect(row.text.contains(Wording.yen(q.premium)))
        #expect((row.attributes["class"] == "chosen") == ["S4", "S5"].contains(q.plan.code))
      case .unpriced(let plan, _, _):
        #expect(row.attributes["data-premium"] == nil, "\(plan.code)")
      }
    }
    // The chosen plans' explanations carry the same premiums: 164,400円 is the worked example.
    let explained = page.all.filter { $0.name == "p" && $0.attributes["data-premium"] != nil }.map { $0.attributes["data-premium"] }
    #expect(explained == ["164400", "221800"].map { Optional($0) } || explained.first == "164400")
    #expect(result.stdout.contains("164,400円"))
    // The comparison's figures are each program's own.
    for row in page.all where row.name == "tr" && row.attributes["data-program"] != nil && row.attributes["data-premium"] != nil {
      let premium = try #require(Int64(row.attributes["data-premium"] ?? ""))
      #expect(row.text.contains(Wording.yen(Yen(premium))))
    }
  }

  @Test func nothingIsFetchedAndNoScriptRuns() throws {
    let html = CLIHarness.run(Self.hospital).stdout
    // Markup, not text: the hostile wish's `src=x` is escaped text, and an attribute would be quoted.
    for forbidden in ["<script", "src=\"", "href=\"", "url(", "@import", "<link", "<iframe", "<img"] {
      #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
    }
    // The only address is the SVG namespace, which names a vocabulary; nothing loads it.
    let addresses = html.components(separatedBy: "http").count - 1
    #expect(addresses == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
  }

  @Test func hostileNamesStayText() throws {
    let page = try parse(CLIHarness.run(Self.hospital).stdout)
    let to = try #require(page.all.first { $0.attributes["class"] == "to" })
    #expect(to.text == "<script>alert(1)</script>髙橋病院 御中")
    #expect(page.all.contains { $0.text == "○○保険代理店 & Co." })
    #expect(page.all.contains { $0.attributes["data-wish"] == "<img src=x onerror=alert(1)>" && $0.text == "<img src=x onerror=alert(1)>" })
    #expect(page.all.contains { $0.attributes["data-reason"] == "\"><script>x</script>" })
    #expect(page.all.contains { $0.attributes["data-contact"] == "TEL 03 & '担当'" && $0.text == "TEL 03 & '担当'" })
    #expect(!page.all.contains { ["img", "script"].contains($0.name) })
  }

  /// A plan named twice is shown once: `--plan` with 40,000 repeats must not make a huge page.
  /// An ended period is said on the page, before the figures, and on stderr; sources are the
  /// brochure's title and section, never our file names.
  @Test func endedPeriodsAndSourcesAsTheCustomerReadsThem() {
    let result = CLIHarness.run([
      "proposal", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--compare", "--date", "2026-12-06", "--reason", "オールリスクのため",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.contains("fukuoka-ishikai の保険期間（2025年5月5日 16:00～2026年5月5日 16:00）は終了しています"))
    let page = result.stdout
    let notice = page.range(of: "ご注意: 「公益社団法人 福岡県医師会 医療機関用サイバー保険」".replacingOccurrences(of: "「", with: "").replacingOccurrences(of: "」", with: ""))
    let figure = page.range(of: "55,880円")
    #expect(notice != nil && figure != nil && notice!.lowerBound < figure!.lowerBound)
    #expect(page.contains("出典: 「公益社団法人 福岡県医師会 医療機関用サイバー保険」パンフレット 10."))
    #expect(!page.contains(".txt"))
  }

  @Test func aPlanNamedTwiceIsShownOnce() {
    let page = { (plans: String) in
      CLIHarness.run(["proposal", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", plans]).stdout
    }
    #expect(page("S4,s4,S3,S4") == page("S4,S3"))
    #expect(page(Array(repeating: "S4", count: 40_000).joined(separator: ",")) == page("S4"))
  }

  @Test func aCorporateGroupOnOnePage() throws {
    let scratch = try ScratchDirectory("proposal")
    let members = try scratch.write(
      "group.csv",
      """
      施設名,制度,施設区分,プラン,一般病床数,定員
      =cmd病院,byoin-kyosaikai,病院,S4,120,
      さくら老健,byoin-kyosaikai,老健,S2,,80
      山田医院,fukuoka-ishikai,診療所,S4,,
      別館クリニック,福岡県医師会,クリニック,S3,,
      悪い行,byoin-kyosaikai,病院,S4,abc,

      """)
    let out = scratch.url.appendingPathComponent("group.html").path
    let result = CLIHarness.run(["proposal", "--members", members, "--to", "医療法人 さくら会", "--out", out])
    // As batch: the page is written, the failed row is named on stderr, and the exit is 1.
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("\(members):6: 計算できません: "))
    #expect(result.stderr.contains("計算できない施設 1件"))
    #expect(result.stderr.contains("警告: byoin-kyosaikai のパンフレットには保険期間の日付の記載がありません"))
    let page = try parse(try String(contentsOfFile: out, encoding: .utf8))
    let priced = page.all.filter { $0.name == "tr" && $0.attributes["data-premium"] != nil }
    #expect(priced.count == 4)
    #expect(page.all.contains { $0.name == "td" && $0.text == "=cmd病院" })
    // The total is the sum of the library's premiums of the rows that priced.
    let expected = try [
      QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: 120),
      QuoteRequest(program: "byoin-kyosaikai", facility: .roken, plan: "S2", capacity: 80),
      QuoteRequest(program: "fukuoka-ishikai", facility: .clinic, plan: "S4"),
      QuoteRequest(program: "fukuoka-ishikai", facility: .clinic, plan: "S3"),
    ].map { try BrochureYear.catalog.quote($0).premium.amount }
    #expect(priced.compactMap { Int64($0.attributes["data-premium"] ?? "") } == expected)
    let total = try #require(page.all.first { $0.attributes["data-total"] != nil })
    #expect(total.attributes["data-total"] == "\(expected.reduce(0, +))")
    #expect(page.all.contains { $0.attributes["class"] == "failed" && $0.text.contains("abc") })
  }

  /// The page's language throughout: row errors in English, no 0円 total when nothing priced.
  @Test func aGroupPageInEnglishWithNothingPriced() throws {
    let scratch = try ScratchDirectory("proposal")
    let members = try scratch.write("bad.csv", "name,program,facility,plan,general_beds\nA,byoin-kyosaikai,hospital,S4,abc\n")
    let result = CLIHarness.run(["proposal", "--lang", "en", "--members", members])
    #expect(result.status == 1)
    let page = try parse(result.stdout)
    let failed = try #require(page.all.first { $0.attributes["class"] == "failed" })
    #expect(failed.text.contains("line 2: the value 'abc' in general_beds is not a number"), "\(failed.text)")
    #expect(!result.stdout.contains("0円"))
    #expect(page.all.first { $0.attributes["data-total"] != nil }?.attributes["data-total"] == "")
  }

  /// A list longer than a page is refused before it is read whole.
  @Test func aListLongerThanAPageIsRefused() throws {
    let scratch = try ScratchDirectory("proposal")
    let rows = String(repeating: "A,fukuoka-ishikai,clinic,S4\n", count: ProposalCommand.maximumMembers + 1)
    let members = try scratch.write("long.csv", "name,program,facility,plan\n" + rows)
    let result = CLIHarness.run(["proposal", "--members", members])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("1000件を超えています"))
    let atLimit = try scratch.write(
      "full.csv", "name,program,facility,plan\n" + String(repeating: "A,fukuoka-ishikai,clinic,S4\n", count: ProposalCommand.maximumMembers))
    #expect(CLIHarness.run(["proposal", "--members", atLimit]).status == 0)
  }

  @Test func englishAndStdout() throws {
    let result = CLIHarness.run(["proposal", "--lang", "en", "--program", "fukuoka", "--facility", "clinic", "--plan", "S4"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(result.stdout.contains("<html lang=\"en\">"))
    #expect(result.stdout.contains("55,880円"))
    #expect(try parse(result.stdout).all.contains { $0.name == "h1" })
  }

  @Test func anUnknownPlanIsAnError() {
    let result = CLIHarness.run(["proposal", "--program", "byoin-kyosaikai", "--facility", "clinic", "--plan", "S9"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
  }
}
