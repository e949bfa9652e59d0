import Foundation
import TestSupport
import Testing

@testable import PremiumCore

/// What each plan family covers, each flag beside the brochure line it rests on.
@Suite struct CoverTests {
  static func line(_ seed: String, _ n: Int) throws -> String {
    try BrochureLine(seed: seed, line: n, text: "").seedLine()
  }

  @Test func fukuokaLeakOnlyPlansDoNotCoverAttacks() throws {
    let fukuoka = try BrochureYear.catalog.program("fukuoka-ishikai")
    // 003 7.: サイバー攻撃 ○ for オールリスク, × for 情報漏えい限定.
    #expect(try Self.line("003_40390978eb5bc4ce.txt", 164) == "事故種類\tサイバー攻撃\t○\t×")
    #expect(try Self.line("003_40390978eb5bc4ce.txt", 166).hasSuffix("デジタルコンテンツ不当事由\t○\t×"))
    #expect(fukuoka.cover["P"]?.cyberAttack == false && fukuoka.cover["P"]?.digitalContent == false && fukuoka.cover["P"]?.informationLeak == true)
    #expect(fukuoka.cover["S"]?.cyberAttack == true && fukuoka.cover["S"]?.otherITAccident == true)
    #expect(try Self.line("003_40390978eb5bc4ce.txt", 215).contains("①の保険金額(総保険金額)を限度とします"))
    #expect(fukuoka.cover.values.allSatisfy { $0.sharedCap == true })
  }

  @Test func kumamotoPaysNoRansomAndHasSeparateLimits() throws {
    let kumamoto = try BrochureYear.catalog.program("kumamoto-hokeni")
    #expect(try Self.line("002_64e6e9336df53d5f.txt", 15).contains("※サイバー攻撃に伴う身代金は補償となりません。"))
    #expect(try Self.line("002_64e6e9336df53d5f.txt", 87).contains("支払限度額を別枠としています"))
    #expect(kumamoto.cover.values.allSatisfy { $0.ransom == false && $0.sharedCap == false && $0.cyberAttack == true })
    #expect(kumamoto.cover.count == kumamoto.families.count)
  }

  /// The conditions a price rests on, marked on its row and carried in its JSON as printed:
  /// kumamoto's members-only prices with their claims discount (002, 23 and 139), byoin's
  /// policy first (001, 11), kagoshima's installment (000, 43), and nothing where none is printed.
  @Test func priceConditionsAreOnTheRow() throws {
    #expect(try Self.line("002_64e6e9336df53d5f.txt", 139) == "- 過去の事故歴による割引率：50%を適用しています")
    #expect(try Self.line("002_64e6e9336df53d5f.txt", 23).hasPrefix("※未入会の先生は事前に入会手続きが必要"))
    func marks(_ program: String, _ plan: String) throws -> [String] {
      try BrochureYear.catalog.quote(QuoteRequest(program: program, facility: .clinic, plan: plan)).marks(.ja)
    }
    #expect(try marks("kumamoto-hokeni", "B") == ["身代金×", "別枠", "会員", "割引込"])
    #expect(try marks("byoin-kyosaikai", "S4") == ["基本契約"])
    #expect(try marks("kagoshima-ikyo", "S4") == ["12回払"])
    #expect(try marks("fukuoka-ishikai", "P4") == ["攻撃×", "会員"])
    let quote = try BrochureYear.catalog.quote(QuoteRequest(program: "kumamoto-hokeni", facility: .clinic, plan: "B"))
    let json = QuoteJSON.object(quote, language: .ja, rates: nil).pretty
    #expect(json.contains("\"kind\": \"discount_included\",\n      \"text\": \"過去の事故歴による割引率：50%を適用しています\""), "\(json)")
    let legend = Quote.legend([quote], .en).map(\.mark)
    #expect(legend == ["no-ransom", "separate", "members", "disc-incl"])
  }

  /// 001 prices 介護医療院 in 〈6〉 but does not name it in 〈1〉: both readings stand, and a
  /// 介護医療院's quote says so in the tool's words; a hospital's does not.
  @Test func byoinsKaigoIryoinIsPricedButNotNamedAmongWhoMayJoin() throws {
    #expect(try Self.line("001_4a2060399fd30a5e.txt", 11) == "基本契約(病院賠償責任保険)にご加入されている、医療施設(病院、診療所、介護老人保健施設)の開設者")
    let byoin = try BrochureYear.catalog.program("byoin-kyosaikai")
    #expect(byoin.tables.contains { $0.title.hasPrefix("病院・介護医療院") && $0.facilities.contains(.kaigoIryoin) })
    let quote = try BrochureYear.catalog.quote(QuoteRequest(program: "byoin-kyosaikai", facility: .kaigoIryoin, plan: "S1", otherBeds: 60))
    #expect(quote.toolNotes.contains { $0.contains("介護医療院を挙げていません") })
    let hospital = try BrochureYear.catalog.quote(QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S1", generalBeds: 60))
    #expect(!hospital.toolNotes.contains { $0.contains("介護医療院") })
  }

  @Test func byoinAndKagoshimaSayOnlyWhatTheyPrint() throws {
    let byoin = try BrochureYear.catalog.program("byoin-kyosaikai")
    #expect(try Self.line("001_4a2060399fd30a5e.txt", 69).contains("合算して①損害賠償の保険金額を限度とします"))
    #expect(byoin.cover.values.allSatisfy { $0.sharedCap == true && $0.informationLeak == nil && $0.ransom == nil })
    let kagoshima = try BrochureYear.catalog.program("kagoshima-ikyo")
    #expect(try Self.line("000_e7bba9e97f80cbd7.txt", 8).contains("情報漏えいリスクに加え、医療機関がサイバー攻撃等を受けたことによって負う"))
    #expect(kagoshima.cover["S"]?.cyberAttack == true && kagoshima.cover["S"]?.informationLeak == true && kagoshima.cover["S"]?.sharedCap == nil)
  }

  /// A plan's own limits say whether it pays business interruption (byoin T: ③④; S: none).
  @Test func theHeadsPaidComeFromThePlansLimits() throws {
    let byoin = try BrochureYear.catalog.program("byoin-kyosaikai")
    let t1 = try #require(byoin.plan("T1"))
    let s1 = try #require(byoin.plan("S1"))
    let t = CoverSummary(program: byoin, plan: t1, option: nil, limits: t1.limits)
    let s = CoverSummary(program: byoin, plan: s1, option: nil, limits: s1.limits)
    #expect(t[.businessInterruption] == true && t[.businessContinuity] == true)
    #expect(s[.businessInterruption] == false && s.marks(.ja) == [])
    #expect(t.marks(.ja) == ["利益", "継続"])
    let kumamoto = try BrochureYear.catalog.program("kumamoto-hokeni")
    let a = try #require(kumamoto.plan("A"))
    let withOption = CoverSummary(program: kumamoto, plan: a, option: kumamoto.option("a"), limits: a.limits)
    #expect(withOption[.businessInterruption] == true && withOption.marks(.ja) == ["身代金×", "別枠", "利益"])
  }
}

/// Each rule's citation names the numbered section its words are printed in.
@Suite struct CitationTests {
  @Test func aRulesSectionIsTheOneItIsPrintedUnder() throws {
    let fukuoka = try BrochureYear.catalog.program("fukuoka-ishikai")
    let text = try BrochureTexts.text(fukuoka.source).components(separatedBy: "\n")
    for rule in fukuoka.notOffered + fukuoka.onRequest {
      guard let source = rule.source, let at = text.firstIndex(where: { $0.contains(rule.reason) }) else { continue }
      // The nearest heading above the words: `9. 『…』`.
      let heading = text[..<at].last { $0.range(of: #"^\d+\. "#, options: .regularExpression) != nil }
      let number = heading.map { String($0.prefix { $0 != "." }) }
      #expect(source.hasPrefix("003 \(number ?? "?")."), "\(source) for 「\(rule.reason)」 printed under \(heading ?? "no heading")")
    }
  }
}
