import Foundation
import PremiumCore
import TestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import cyberquote

/// What the 保険業法 asks of a page an agency hands over: the customer's wishes first, how the
/// programs compared were narrowed and why the plan is recommended, the agency and the dates,
/// what the insurance does not pay, and a record of it all that matches the printed page.
@Suite struct ProposalHandoverTests {
  static let hostile = "\"'<b>&amp;</b>\" onload=\"x"

  static func hospital(_ extra: [String] = []) -> [String] {
    [
      "proposal", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100", "--other-beds", "20",
      "--security", "▲10", "--plan", "S4", "--to", "髙橋病院", "--from", "○○保険代理店",
      "--contact", "登録番号 第12345号 TEL 03-0000-0000 担当 山田",
      "--wish", "診療が止まったときの費用に備えたい", "--wish", "保険料は年20万円以内",
      "--final-wish", "S4で検討", "--reason", "ご意向の補償額を満たすうち保険料が最も低いため", "--valid-until", "2027-01-31",
      "--compare", "--min-liability", "1億", "--date", "2026-12-06",
    ] + extra
  }

  func page(_ arguments: [String]) throws -> (ProposalTests.Elements, String) {
    let result = CLIHarness.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return (try ProposalTests().parse(result.stdout), result.stdout)
  }

  @Test func wishesComeFirstWithTheAgencyAndTheDates() throws {
    let (page, html) = try page(Self.hospital())
    let sections = page.all.filter { $0.name == "section" }.map { $0.attributes["class"] ?? "" }
    #expect(sections.first == "wishes")
    let wishes = page.all.filter { $0.attributes["data-wish"] != nil }
    #expect(wishes.map(\.text) == ["診療が止まったときの費用に備えたい", "保険料は年20万円以内", "S4で検討"])
    #expect(wishes.map { $0.attributes["data-kind"] ?? "" } == ["initial", "initial", "final"])
    #expect(page.all.contains { $0.attributes["class"] == "valid-until" && $0.text == "有効期限: 2027年1月31日" })
    // Issued the real day; the --date whose rates price the page is said apart.
    #expect(page.all.contains { $0.text == "発行日: 2026年1月15日" })
    #expect(page.all.contains { $0.attributes["class"] == "rate-date" && $0.text == "料率の基準日: 2026年12月6日" })
    #expect(page.all.contains { $0.attributes["class"] == "contact" && $0.text == "登録番号 第12345号 TEL 03-0000-0000 担当 山田" })
    #expect(page.all.contains { $0.attributes["class"] == "from" && $0.text == "○○保険代理店" })
    #expect(html.contains("推奨理由: ご意向の補償額を満たすうち保険料が最も低いため"))
  }

  /// The criteria in words; the programs left out with their reasons; an ended period marked on
  /// each compared row it affects.
  @Test func howTheComparisonWasNarrowed() throws {
    let (page, _) = try page(Self.hospital())
    let criteria = page.all.filter { $0.name == "li" }.map(\.text)
    #expect(criteria.contains("絞り込み: ①損害賠償 1億円以上"))
    #expect(criteria.contains("セキュリティー割増引: ▲10%"))
    #expect(criteria.contains { $0.hasPrefix("一般財団法人 医療関連サービス振興会") && $0.contains("加入資格") })
    #expect(criteria.contains { $0.hasPrefix("鹿児島県医師協同組合") && $0.contains("個別見積り") })
    let rows = page.all.filter { $0.name == "tr" && $0.attributes["data-program"] != nil }
    let kumamoto = rows.filter { $0.attributes["data-program"] == "kumamoto-hokeni" }
    #expect(!kumamoto.isEmpty && kumamoto.allSatisfy { $0.attributes["data-period"] == "保険期間終了" && $0.text.contains("（保険期間終了）") })
    // Only plans of ① 1億円 or more: kumamoto's A (5,000万円) is not among them.
    #expect(!kumamoto.contains { $0.text.hasPrefix("A") })
    #expect(rows.filter { $0.attributes["data-program"] == "byoin-kyosaikai" }.allSatisfy { $0.text.contains("（日付の記載なし）") })
    // On stderr too, for the program proposed and each one compared.
    let stderr = CLIHarness.run(Self.hospital()).stderr
    #expect(stderr.contains("byoin-kyosaikai のパンフレットには保険期間の日付の記載がありません"))
    #expect(stderr.contains("kumamoto-hokeni の保険期間（2025年4月1日～2026年4月1日）は終了しています"))
  }

  @Test func onlyTheProgramsAskedForAreCompared() throws {
    let (page, _) = try page(Self.hospital(["--compare-programs", "熊本県保険医協会"]))
    let compared = Set(page.all.compactMap { $0.attributes["data-program"] })
    #expect(compared == ["kumamoto-hokeni"])
    #expect(page.all.contains { $0.name == "li" && $0.text.hasPrefix("日本病院共済会") && $0.text.hasSuffix("ご希望の比較対象外") })
  }

  /// 001 〈4〉 as printed, with its source by the brochure's title; 000 prints none and says so,
  /// with its own sentence on what to read.
  @Test func whatTheInsuranceDoesNotPay() throws {
    let (hospital, _) = try page(Self.hospital())
    let items = hospital.all.filter { $0.name == "li" }.map(\.text)
    #expect(items.contains { $0.hasPrefix("①保険契約者、被保険者もしくは被保険者の法定代理人") })
    #expect(items.contains("②被保険者の構外にある他人に貸与されているネットワーク構成機器・設備の損害または損壊　など"))
    #expect(hospital.all.contains { $0.text == "出典: 「日本病院共済会 医療機関用サイバー保険」パンフレット 〈4〉保険金をお支払いできない主な場合" })
    let (clinic, _) = try page(["proposal", "--program", "kagoshima-ikyo", "--facility", "clinic", "--plan", "S1"])
    let section = try #require(clinic.all.first { $0.attributes["class"] == "exclusions" })
    #expect(section.text.contains("パンフレットに記載なし"))
    #expect(section.text.contains("※このチラシは概要を説明したものです。詳しい内容につきましては、パンフレット等をご覧ください。"))
  }

  /// The agency's free text is text wherever it goes: element content and attribute values
  /// come back exactly as given, and the page stays well-formed (an unescaped `"` in an
  /// attribute would end the value early and fail the parse or change the value).
  @Test func freeTextIsEscapedInTextAndAttributes() throws {
    let arguments = [
      "proposal", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100", "--plan", "S4",
      "--wish", Self.hostile, "--final-wish", Self.hostile, "--reason", Self.hostile, "--contact", Self.hostile,
      "--to", Self.hostile, "--from", Self.hostile, "--compare",
    ]
    let (page, html) = try page(arguments)
    #expect(!html.contains("<b>") && !html.contains("onload=\"x"))
    let wishes = page.all.filter { $0.attributes["data-wish"] != nil }
    #expect(wishes.count == 2 && wishes.allSatisfy { $0.text == Self.hostile && $0.attributes["data-wish"] == Self.hostile })
    #expect(page.all.contains { $0.attributes["data-reason"] == Self.hostile && $0.text == "推奨理由: " + Self.hostile })
    #expect(page.all.contains { $0.attributes["data-contact"] == Self.hostile && $0.text == Self.hostile })
    #expect(page.all.contains { $0.attributes["class"] == "to" && $0.text == Self.hostile + " 御中" })
    #expect(page.all.contains { $0.attributes["class"] == "from" && $0.text == Self.hostile })
    #expect(!page.all.contains { $0.attributes["onload"] != nil })
  }

  /// Bidirectional overrides and isolates in free text and in a member list's names would
  /// reverse a phone number on the printed page: they are shown as the terminal shows them, in
  /// text, in attributes and in the page's margin boxes (CSS), never raw.
  @Test(arguments: ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{1B}", "\u{85}"])
  func bidiControlsNeverReachThePageRaw(_ control: String) throws {
    let text = "電話 \(control)0123-456-789"
    let shown = "電話 " + TerminalText.escaped(control) + "0123-456-789"
    #expect(shown.hasPrefix("電話 \\"))
    let (page, html) = try page([
      "proposal", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100", "--plan", "S4",
      "--wish", text, "--contact", text, "--to", text, "--from", text,
    ])
    #expect(!html.unicodeScalars.contains { ControlCharacters.contains($0) && $0 != "\n" })
    #expect(page.all.contains { $0.attributes["data-contact"] == shown && $0.text == shown })
    #expect(page.all.contains { $0.attributes["data-wish"] == shown })
    #expect(page.all.contains { $0.attributes["class"] == "to" && $0.text == shown + " 御中" })

    let scratch = try ScratchDirectory("proposal-bidi")
    let members = try scratch.write("members.csv", "施設名,制度,施設区分,プラン,一般病床数\n\(text)病院,byoin-kyosaikai,病院,S4,120\n")
    let group = CLIHarness.run(["proposal", "--members", members, "--to", text])
    #expect(group.status == 0, "\(group.stderr)")
    #expect(!group.stdout.unicodeScalars.contains { ControlCharacters.contains($0) && $0 != "\n" })
    #expect(group.stdout.contains(shown + "病院"))
  }

  /// The builder itself, for every character that has a meaning in markup.
  @Test func attributesEscapeQuotes() {
    #expect(HTML.attributes([("data-x", "a\"b'c<d>e&f")]) == " data-x=\"a&quot;b&apos;c&lt;d&gt;e&amp;f\"")
  }

  /// The record: what was handed over, matching the page byte for byte and each rate book by the
  /// SHA-256 of its `rates show`.
  @Test func theRecordMatchesThePageAndTheRateBooks() throws {
    let directory = try ScratchDirectory("proposal-handover")
    let out = directory.url.appendingPathComponent("p.html").path
    let record = directory.url.appendingPathComponent("p.json").path
    let result = CLIHarness.run(Self.hospital(["--out", out, "--record", record]))
    #expect(result.status == 0 && result.stdout.isEmpty)
    let html = try Data(contentsOf: URL(fileURLWithPath: out))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as? [String: Any])
    #expect(json["tool_version"] as? String == CLI.version)
    #expect(json["html_sha256"] as? String == SHA256.hex([UInt8](html)))
    #expect(json["wishes"] as? [String] == ["診療が止まったときの費用に備えたい", "保険料は年20万円以内"])
    #expect(json["final_wishes"] as? [String] == ["S4で検討"])
    #expect(json["reason"] as? String == "ご意向の補償額を満たすうち保険料が最も低いため")
    #expect(json["valid_until"] as? String == "2027-01-31")
    let inputs = try #require(json["inputs"] as? [String: Any])
    #expect(inputs["quote_date"] as? String == "2026-12-06")
    #expect(
      inputs["arguments"] as? [String] == Array(Self.hospital(["--out", out, "--record", record]).dropFirst()).filter { $0 != "--date" && $0 != "2026-12-06" })
    let books = try #require(json["rate_books"] as? [[String: Any]])
    for book in books {
      let id = try #require(book["id"] as? String)
      let shown = CLIHarness.run(["rates", "show", "--program", id]).stdout
      #expect(book["sha256"] as? String == SHA256.hex(Array(shown.utf8)), "\(id)")
      // The footer carries the same fingerprint.
      #expect(String(decoding: html, as: UTF8.self).contains("\(id) \((book["sha256"] as? String ?? "").prefix(12))"))
    }
    #expect(Set(books.compactMap { $0["id"] as? String }) == ["byoin-kyosaikai", "kumamoto-hokeni"])
    // Every figure as `quote --format json` gives it.
    let figures = try #require(json["figures"] as? [[String: Any]])
    let s4 = try #require(figures.first { $0["program"] as? String == "byoin-kyosaikai" && $0["plan"] as? String == "S4" })
    let quoted = CLIHarness.run([
      "quote", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100", "--other-beds", "20", "--security", "▲10",
      "--plan", "S4", "--format", "json", "--date", "2026-12-06",
    ])
    let expected = try #require(try JSONSerialization.jsonObject(with: Data(quoted.stdout.utf8)) as? [String: Any])
    #expect(NSDictionary(dictionary: s4).isEqual(to: expected))
    let criteria = try #require(json["criteria"] as? [String: Any])
    #expect((criteria["conditions"] as? [String])?.contains("絞り込み: ①損害賠償 1億円以上") == true)
  }

  /// A group's total is annual yen whatever each program's installments (kagoshima-ikyo prints a
  /// monthly figure), the record names the member list by its SHA-256, and a row that cannot be
  /// priced makes the exit status 1 with its error in the page's language.
  @Test func aGroupsRecordAndTotal() throws {
    let directory = try ScratchDirectory("proposal-handover")
    let list = try directory.write(
      "group.csv",
      "name,program,facility,plan,general_beds\nA,byoin-kyosaikai,hospital,S4,120\nB,kagoshima-ikyo,clinic,S1,\nC,byoin-kyosaikai,hospital,S4,abc\n")
    let record = directory.url.appendingPathComponent("g.json").path
    let result = CLIHarness.run(["proposal", "--members", list, "--record", record, "--lang", "en"])
    #expect(result.status == 1)
    let page = try ProposalTests().parse(result.stdout)
    let total = try #require(page.all.first { $0.attributes["data-total"] != nil })
    #expect(total.attributes["data-total"] == "\(198_140 + 31_200)")
    #expect(page.all.contains { $0.attributes["class"] == "failed" && $0.text.contains("line 4: the value 'abc' in general_beds is not a number") })
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as? [String: Any])
    let inputs = try #require(json["inputs"] as? [String: Any])
    #expect(inputs["members_sha256"] as? String == SHA256.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: list)))))
  }

  /// A page is never handed over without its record: a record that cannot be written stops the
  /// command before the page is (exit 3, nothing on stdout).
  @Test func noPageWithoutItsRecord() {
    let result = CLIHarness.run(["proposal", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--record", "/dev/full"])
    #expect(result.status == 3 && result.stdout.isEmpty)
    #expect(result.stderr.contains("/dev/full"))
  }

  @Test(arguments: [
    (["--valid-until", "2026-01-14"], "'--valid-until'"),
    (["--wish", "  "], "'--wish'"),
    (["--reason", "a", "--reason", "b"], "'--reason'"),
  ])
  func agencyInputErrors(_ extra: [String], _ named: String) {
    let result = CLIHarness.run(
      ["proposal", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100", "--date", "2026-12-06"] + extra)
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains(named), "\(result.stderr)")
  }
}

/// The chart plots the facility's own curve: its mix of general and other beds and its security
/// adjustment, so that its dot is a vertex of the line (not above an all-general 0% curve).
@Suite struct FacilityCurveTests {
  /// The diamond's centre and the polyline's vertices, from the SVG.
  static func dotAndLine(_ svg: String) throws -> (dot: (Int, Int), line: [(Int, Int)]) {
    let path = try #require(svg.firstMatch(of: /<path d="M (\d+) (\d+) L/))
    let points = try #require(svg.firstMatch(of: /<polyline points="([^"]*)"/)).1
    let line = points.split(separator: " ").compactMap { pair -> (Int, Int)? in
      let xy = pair.split(separator: ",")
      return xy.count == 2 ? Int(xy[0]).flatMap { x in Int(xy[1]).map { (x, $0) } } : nil
    }
    // The path starts at the diamond's top: the centre is 7 below it.
    return ((Int(path.1) ?? -1, (Int(path.2) ?? -1) + 7), line)
  }

  @Test func theProposalsDotLiesOnItsOwnCurve() throws {
    let html = CLIHarness.run(ProposalHandoverTests.hospital()).stdout
    let (dot, line) = try Self.dotAndLine(html)
    #expect(line.contains { $0 == dot }, "\(dot)")
    #expect(html.contains("この施設と同じ一般病床と一般病床以外の割合（100:20）・セキュリティー割増引 ▲10%で、病床数ごとに計算した保険料です。"))
  }

  @Test func theChartsDotLiesOnItsOwnCurve() throws {
    let directory = try ScratchDirectory("facility-curve")
    let path = directory.url.appendingPathComponent("c.svg").path
    let result = CLIHarness.run([
      "chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "100", "--other-beds", "50", "--svg", path,
    ])
    #expect(result.status == 0)
    let (dot, line) = try Self.dotAndLine(try String(contentsOfFile: path, encoding: .utf8))
    #expect(line.contains { $0 == dot }, "\(dot)")
  }

  // MARK: - A recommendation the page can defend

  static let byoinS4 = ["proposal", "--program", "byoin-kyosaikai", "--facility", "hospital", "--general-beds", "100", "--compare", "--min-liability", "1億"]

  /// A proposed plan outside the narrowing the page states is refused, naming the condition.
  @Test func aPlanOutsideTheStatedNarrowingIsRefused() {
    let result = CLIHarness.run(Self.byoinS4 + ["--plan", "S1"])
    #expect(result.status == 2 && result.stdout.isEmpty)
    #expect(result.stderr.contains("'--plan': ご提案の S1 の①損害賠償 1,000万円 は、比較の条件「1億円以上」に合いません"), "\(result.stderr)")
  }

  /// A cheaper compared plan meeting the same conditions needs the agency's reason, and is listed
  /// on the page and in the record with its cover.
  @Test func aCheaperPlanPassedOverNeedsAReasonAndIsListed() throws {
    let refused = CLIHarness.run(Self.byoinS4 + ["--plan", "S4"])
    #expect(refused.status == 2 && refused.stdout.isEmpty)
    #expect(refused.stderr.contains("'--reason'") && refused.stderr.contains("kumamoto-hokeni B 60,000円"), "\(refused.stderr)")
    let directory = try ScratchDirectory("proposal-cheaper")
    let record = directory.url.appendingPathComponent("record.json").path
    let result = CLIHarness.run(Self.byoinS4 + ["--plan", "S4", "--reason", "病院賠償責任保険に加入済みのため", "--record", record])
    #expect(result.status == 0, "\(result.stderr)")
    let page = try ProposalTests().parse(result.stdout)
    let rows = page.all.filter { $0.name == "tr" && $0.text.hasPrefix("kumamoto-hokeni") }
    #expect(rows.contains { $0.text.contains("60,000円") && $0.text.contains("身代金× 別枠") }, "\(rows.map(\.text))")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as? [String: Any]
    let cheaper = json?["cheaper_alternatives"] as? [[String: Any]] ?? []
    let b = cheaper.first { $0["program"] as? String == "kumamoto-hokeni" && $0["plan"] as? String == "B" }
    #expect(b?["premium"] as? Int == 60000)
    #expect((b?["coverage"] as? [String: Any])?["ransom"] as? Bool == false)
  }

  /// A validity past the proposed program's period, or for an ended one, is refused.
  @Test func validityStaysWithinThePeriod() {
    let fukuoka = ["proposal", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4"]
    let late = CLIHarness.run(fukuoka + ["--valid-until", "2026-06-01"])
    #expect(late.status == 2 && late.stderr.contains("'--valid-until'") && late.stderr.contains("2026年5月5日"), "\(late.stderr)")
    #expect(CLIHarness.run(fukuoka + ["--valid-until", "2026-04-30"]).status == 0)
  }

  /// A proposed figure that is an estimate makes the page a 試算書, not a 御見積書.
  @Test func anEstimateIsNotTitledAQuotation() throws {
    let result = CLIHarness.run(["proposal", "--program", "byoin-kyosaikai", "--facility", "roken", "--capacity", "80", "--plan", "S2"])
    #expect(result.status == 0)
    let page = try ProposalTests().parse(result.stdout)
    #expect(page.all.contains { $0.name == "h1" && $0.text == "保険料試算書（参考）" })
    #expect(!page.all.contains { $0.name == "h1" && $0.text.contains("御見積書") })
  }

  /// Every page ends with the customer's confirmation; a brochure that prints no list of what it
  /// does not pay is said to, in the tool's words, above the line it does print.
  @Test func theCustomerConfirmsAndAMissingListIsSaid() throws {
    let result = CLIHarness.run(["proposal", "--program", "kumamoto-hokeni", "--facility", "clinic", "--plan", "A"])
    #expect(result.status == 0)
    let page = try ProposalTests().parse(result.stdout)
    #expect(page.all.contains { $0.attributes["class"] == "confirmation" && $0.text.contains("上記のご意向に沿った内容であることを確認しました。") })
    let note = page.all.first { $0.attributes["class"] == "no-list" }
    #expect(note?.text.hasPrefix("（本ツールによる説明）パンフレットにはお支払いできない場合の一覧の記載がありません") == true)
    #expect(result.stdout.contains("サイバー攻撃に伴う身代金は補償となりません。"))
    let fukuoka = CLIHarness.run(["proposal", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4"]).stdout
    #expect(!fukuoka.contains("no-list"))
  }
}
