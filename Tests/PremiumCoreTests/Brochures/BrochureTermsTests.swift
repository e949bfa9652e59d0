import Foundation
import TestSupport
import Testing

@testable import PremiumCore

/// A brochure line, quoted exactly: seed file, line number and text.
struct BrochureLine: Sendable, CustomTestStringConvertible {
  let seed: String
  let line: Int
  let text: String

  var testDescription: String { "\(seed):\(line)" }

  /// The brochures' text, as kept in the repository (`Tests/Brochures/`, the seeds byte for byte).
  static let seeds = PackageRoot.url.appendingPathComponent("Tests/Brochures")

  /// The seed's line ("" past its end).
  func seedLine() throws -> String {
    let text = try String(contentsOf: Self.seeds.appendingPathComponent(seed), encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    return line <= lines.count ? lines[line - 1] : ""
  }
}

/// What the brochures say around the figures (terms, payment, period, the disclosure form), each
/// claim next to the line it rests on. Where a brochure says nothing, the tool says 記載なし.
@Suite struct BrochureTermsTests {
  static let kagoshimaTerms = BrochureLine(seed: "000_e7bba9e97f80cbd7.txt", line: 43, text: "<保険期間1年、団体割引15%、告知書割引なし、12回払の場合>")
  static let byoinTerms = BrochureLine(seed: "001_4a2060399fd30a5e.txt", line: 89, text: "(保険期間1年 団体割引20%適用 一括払)")
  static let kumamotoApplication = BrochureLine(seed: "002_64e6e9336df53d5f.txt", line: 14, text: "- 申込締切：2月28日（金） 申込書・告知書および口座振替依頼書が必要となります。")
  static let kumamotoClaimsDiscount = BrochureLine(seed: "002_64e6e9336df53d5f.txt", line: 139, text: "- 過去の事故歴による割引率：50%を適用しています")
  static let fukuokaHospital = BrochureLine(seed: "003_40390978eb5bc4ce.txt", line: 245, text: "※保険料は、病床数および告知内容に基づいて算出します。")
  static let fukuokaRoken = BrochureLine(seed: "003_40390978eb5bc4ce.txt", line: 275, text: "<3> 介護老人保健施設の保険料（例）※保険料は、施設定員数および告知内容に基づいて算出します。")
  static let jhefPeriod = BrochureLine(seed: "004_fe4bbad67cbe0973.txt", line: 141, text: "保険期間　　2025 年 10 月 1 日（午後 4 時）から 1 年間")

  static let byoinCap = BrochureLine(seed: "001_4a2060399fd30a5e.txt", line: 69, text: "※①から④でお支払いする保険金は、合算して①損害賠償の保険金額を限度とします。")
  static let fukuokaCap = BrochureLine(seed: "003_40390978eb5bc4ce.txt", line: 215, text: "※1加入者ごとに、保険期間中に下記①、②でお支払いする保険金の合計額は、①の保険金額(総保険金額)を限度とします。")
  static let kumamotoCap = BrochureLine(seed: "002_64e6e9336df53d5f.txt", line: 87, text: "ポイント 賠償損害と費用損害の支払限度額を別枠としています！")
  static let fukuokaMidTerm = BrochureLine(
    seed: "003_40390978eb5bc4ce.txt", line: 708, text: "保険期間の中途でのご加入は、毎月、受付をしています。その場合の保険期間は、毎月15日までの受付分は、受付日の翌月5日(15日過ぎの受付分は翌々月5日)から2026年5月5日午後4時までとなります。")
  static let fukuokaDeadline = BrochureLine(seed: "003_40390978eb5bc4ce.txt", line: 666, text: "2025年3月14日(金)まで")
  static let jhefEligibility = BrochureLine(seed: "004_fe4bbad67cbe0973.txt", line: 138, text: "【医療関連サービスマーク認定事業者】向けのサイバー保険")

  static let quoted = [
    kagoshimaTerms, byoinTerms, kumamotoApplication, kumamotoClaimsDiscount, fukuokaHospital, fukuokaRoken, jhefPeriod,
    byoinCap, fukuokaCap, kumamotoCap, fukuokaMidTerm, fukuokaDeadline, jhefEligibility,
  ]

  /// The quotations are the brochures' own lines (checked where the brochures are present).
  @Test(arguments: quoted)
  func quotationIsTheBrochuresLine(_ quoted: BrochureLine) throws {
    #expect(try quoted.seedLine() == quoted.text)
  }

  /// Words a brochure never uses are a claim too: checked against the whole brochure.
  @Test(arguments: [
    ("002_64e6e9336df53d5f.txt", "団体割引"), ("004_fe4bbad67cbe0973.txt", "団体割引"),
    ("002_64e6e9336df53d5f.txt", "一括払"), ("002_64e6e9336df53d5f.txt", "回払"), ("004_fe4bbad67cbe0973.txt", "一括払"),
    ("000_e7bba9e97f80cbd7.txt", "加入資格"), ("000_e7bba9e97f80cbd7.txt", "加入対象"), ("000_e7bba9e97f80cbd7.txt", "会員"),
  ])
  func wordTheBrochureNeverUses(_ seed: String, _ word: String) throws {
    let text = try String(contentsOf: BrochureLine.seeds.appendingPathComponent(seed), encoding: .utf8)
    #expect(!text.contains(word))
  }

  /// Names as printed: the insurer and the agent each appear in the program's own brochure
  /// (001 prints 「損保ジャパン日本興亜」), and a brochure that names no 保険契約者 has none.
  @Test(arguments: BrochureYear.ids)
  func namesAreAsPrinted(_ id: String) throws {
    let program = try BrochureYear.catalog.program(id)
    let text = try String(contentsOf: BrochureLine.seeds.appendingPathComponent(program.source), encoding: .utf8)
    #expect(text.contains(program.insurer), "\(program.insurer)")
    if let agent = program.agent { #expect(text.contains(agent), "\(agent)") }
    if program.policyholderPrinted {
      #expect(text.contains("保険契約者") || text.contains("契約者"), "\(id) names a 保険契約者")
    }
    // A rounding rule only where the brochure prints it.
    if let rounding = program.rounding { #expect(text.contains(rounding.text)) }
    // A word on today's name is marked as not the brochure's.
    if let note = program.insurerNote { #expect(note.contains("パンフレットの記載ではありません")) }
  }

  /// The matters a customer must be told, as printed (COVERAGE.md §3 and §4): each sentence
  /// stands within one line of the seed (its URL's angle brackets set aside), each heading it
  /// cites is printed, and each brochure prints exactly the kinds listed here; a kind absent is
  /// said on the page to be not printed.
  @Test(arguments: [
    ("kagoshima-ikyo", ["privacy"]), ("byoin-kyosaikai", ["other_policy", "not_paid"]),
    ("kumamoto-hokeni", ["membership", "discount_included", "claims_history"]),
    ("fukuoka-ishikai", ["membership", "duty_of_disclosure", "duty_to_notify", "cooling_off", "protection_fund", "privacy", "not_paid"]), ("jhef", []),
  ])
  func importantMattersAreAsPrinted(_ id: String, _ kinds: [String]) throws {
    let program = try BrochureYear.catalog.program(id)
    let text = try String(contentsOf: BrochureLine.seeds.appendingPathComponent(program.source), encoding: .utf8)
    let lines = text.split(separator: "\n").map { String($0).replacingOccurrences(of: "<", with: "").replacingOccurrences(of: ">", with: "") }
    let matters = program.conditions.importantMatters
    #expect(Set(matters.map(\.kind.rawValue)) == Set(kinds))
    var previous = 0
    for matter in matters {
      let at = lines.firstIndex { $0.contains(matter.text) }
      #expect(at != nil, "\(matter.text)")
      // In the brochure's order.
      if let at { #expect(at >= previous, "\(matter.text)"); previous = at }
      // The heading after the brochure's short name (`002「…」`, `003 16. ご注意`).
      let heading = String(matter.source.drop { $0.isNumber || $0 == " " })
      for word in heading.split(whereSeparator: { " .、()（）『』【】〈〉■●「」".contains($0) }) where word.count >= 2 {
        #expect(text.contains(word), "\(matter.source): \(word)")
      }
    }
  }

  /// The published JSON Schema allows exactly the kinds the decoder reads.
  @Test func theSchemaNamesEveryKindOfMatter() throws {
    let schema = try String(contentsOf: PackageRoot.url.appendingPathComponent("rates/rate-file.schema.json"), encoding: .utf8)
    let line = try #require(schema.split(separator: "\n").first { $0.contains("\"kind\": {\"enum\": [\"duty_of_disclosure\"") })
    let listed = line.split(separator: "[").last?.split(separator: "]").first?.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
    #expect(listed == Conditions.ImportantMatter.Kind.allCases.map(\.rawValue))
  }

  /// 保険金をお支払いできない主な場合 and the brochure's own "read the whole" sentence, as printed:
  /// every item (its printed lines joined by a space) and the part headings stand in the seed,
  /// once line breaks and spaces are set aside. 001 and 003 print the list; 002 names one thing
  /// it does not cover (the ransom); 000 and 004 print none.
  @Test(arguments: ["kagoshima-ikyo", "byoin-kyosaikai", "kumamoto-hokeni", "fukuoka-ishikai", "jhef"])
  func exclusionsAreAsPrinted(_ id: String) throws {
    let program = try BrochureYear.catalog.program(id)
    let text = try String(contentsOf: BrochureLine.seeds.appendingPathComponent(program.source), encoding: .utf8)
    // Bullets, line breaks, spaces and the Markdown of the extraction set aside.
    func squeezed(_ s: String) -> String {
      String(s.unicodeScalars.filter { !" \n\t\u{3000}-<>".unicodeScalars.contains($0) }.map(Character.init))
    }
    let printed = squeezed(text)
    let exclusions = program.conditions.exclusions
    #expect((exclusions != nil) == ["byoin-kyosaikai", "kumamoto-hokeni", "fukuoka-ishikai"].contains(id))
    for part in exclusions?.parts ?? [] {
      if let heading = part.heading { #expect(printed.contains(squeezed(heading)), "\(heading)") }
      for item in part.items { #expect(printed.contains(squeezed(item)), "\(item)") }
      // 「など」 follows a part exactly where it is marked `more`.
      if let last = part.items.last { #expect(printed.contains(squeezed(last) + "など") == part.more, "\(last)") }
    }
    if let lead = exclusions?.lead { #expect(printed.contains(squeezed(lead))) }
    // Every brochure but 001 says it is a summary, and what to read for the whole.
    #expect((program.conditions.readFirst != nil) == (id != "byoin-kyosaikai"))
    if let readFirst = program.conditions.readFirst { #expect(printed.contains(squeezed(readFirst.text)), "\(readFirst.text)") }
  }

  /// Printed deadlines as dates: 002's「2月28日（金）」has no year, and is the Friday before
  /// its period starts (2025-04-01).
  @Test func deadlinesAsDates() throws {
    func dates(_ id: String) throws -> [String] { try BrochureYear.catalog.program(id).deadlineDates.map(\.date.description) }
    #expect(try dates("kumamoto-hokeni") == ["2025-02-28"])
    #expect(try dates("fukuoka-ishikai") == ["2025-03-14"])
    #expect(try dates("jhef") == ["2025-09-01", "2025-09-16"])
    #expect(try dates("byoin-kyosaikai").isEmpty)
    let kumamoto = try BrochureYear.catalog.program("kumamoto-hokeni")
    #expect(kumamoto.deadlinesPassed(applyingOn: CalendarDate(year: 2025, month: 2, day: 28)!).isEmpty)
    #expect(kumamoto.deadlinesPassed(applyingOn: CalendarDate(year: 2025, month: 3, day: 1)!).count == 1)
  }

  @Test func printedTermsAreThePrograms() throws {
    let kagoshima = try BrochureYear.catalog.program("kagoshima-ikyo")
    #expect(Self.kagoshimaTerms.text.contains("保険期間1年") && kagoshima.term == "保険期間1年" && kagoshima.period == nil)
    #expect(Self.kagoshimaTerms.text.contains("団体割引15%") && kagoshima.groupDiscountPercent == Rational(15))
    #expect(Self.kagoshimaTerms.text.contains("12回払") && kagoshima.payment == "12回払" && kagoshima.installments == 12)
    let byoin = try BrochureYear.catalog.program("byoin-kyosaikai")
    #expect(Self.byoinTerms.text.contains("保険期間1年") && byoin.term == "保険期間1年" && byoin.period == nil)
    #expect(Self.byoinTerms.text.contains("団体割引20%") && byoin.groupDiscountPercent == Rational(20))
    #expect(Self.byoinTerms.text.contains("一括払") && byoin.payment == "一括払")
  }

  /// 002 prints no group discount (only the claims-history discount) and no payment mode (only
  /// that an 口座振替依頼書 is needed); 004 prints neither.
  @Test(arguments: ["kumamoto-hokeni", "jhef"])
  func unstatedTermsAreNotInvented(_ id: String) throws {
    let program = try BrochureYear.catalog.program(id)
    #expect(program.groupDiscountPercent == nil)
    #expect(program.payment == nil)
  }

  @Test func kumamotoIsNotRepricedFromAnInventedDiscount() throws {
    let program = try BrochureYear.catalog.program("kumamoto-hokeni")
    #expect(Self.kumamotoClaimsDiscount.text.contains("50%"))
    #expect(program.notes(for: .clinic).contains { Self.kumamotoClaimsDiscount.text.hasSuffix($0) })
    #expect(program.notes(for: .clinic).contains { Self.kumamotoApplication.text.hasSuffix($0) })
    let base = QuoteRequest(program: "kumamoto-hokeni", facility: .clinic, plan: "A")
    var discounted = base
    discounted.groupDiscountPercent = Rational(10)
    #expect(throws: QuoteError.repricingNotStated(.groupDiscount, program: "kumamoto-hokeni")) { try BrochureYear.catalog.quote(discounted) }
    var monthly = base
    monthly.installments = 12
    #expect(throws: QuoteError.repricingNotStated(.installments, program: "kumamoto-hokeni")) { try BrochureYear.catalog.quote(monthly) }
    // The printed figure itself is quoted as printed, with neither term invented.
    let quote = try BrochureYear.catalog.quote(base)
    #expect(quote.premium == Yen(50_000) && quote.basis == .published && quote.groupDiscountPercent == nil)
  }

  @Test func fukuokaSetsHospitalAndRokenPremiumsFromTheDisclosure() throws {
    let program = try BrochureYear.catalog.program("fukuoka-ishikai")
    #expect(Self.fukuokaHospital.text.hasSuffix(try #require(program.disclosure(for: .hospital)?.text)))
    #expect(Self.fukuokaRoken.text.hasSuffix(try #require(program.disclosure(for: .roken)?.text)))
    #expect(program.disclosure(for: .clinic) == nil)
  }

  /// Re-pricing follows no printed rule: an estimate, and only within a plausible discount.
  @Test func repricingIsAnEstimateWithinThirtyPercent() throws {
    var request = QuoteRequest(program: "fukuoka-ishikai", facility: .clinic, plan: "S4")
    request.groupDiscountPercent = Rational(10)
    let quote = try BrochureYear.catalog.quote(request)
    #expect(quote.basis == .estimate)
    #expect(quote.estimateReason == .repriced(groupDiscountPercent: Rational(10), installments: 1))
    request.groupDiscountPercent = Rational(31)
    #expect(throws: QuoteError.outOfRange(.groupDiscount, value: "31", accepted: 0...30)) { try BrochureYear.catalog.quote(request) }
  }

  /// How the limits add up, as each brochure says it; nothing where it says nothing.
  @Test func aggregateCaps() throws {
    let cap = { (id: String) in try BrochureYear.catalog.program(id).conditions.aggregateCap?.text }
    #expect(Self.byoinCap.text.contains(try #require(try cap("byoin-kyosaikai"))))
    #expect(try cap("fukuoka-ishikai")?.contains("①、②でお支払いする保険金の合計額は、①の保険金額(総保険金額)を限度") == true)
    #expect(Self.kumamotoCap.text.contains(try #require(try cap("kumamoto-hokeni"))))
    #expect(try cap("kagoshima-ikyo") == nil)
    #expect(try cap("jhef") == nil)
  }

  /// 003 ■中途加入: received by the 15th, cover from the 5th of the next month; later, from the
  /// 5th of the month after; to 2026-05-05. No pro-rated premium is printed.
  @Test func fukuokaMidTermJoining() throws {
    let program = try BrochureYear.catalog.program("fukuoka-ishikai")
    let rule = try #require(program.conditions.midTermJoining)
    #expect(Self.fukuokaMidTerm.text == rule.text)
    #expect(Self.fukuokaMidTerm.text.contains("毎月\(rule.receivedByDay)日までの受付分は、受付日の翌月\(rule.startDay)日"))
    #expect(program.conditions.deadlines.contains { $0.hasSuffix(Self.fukuokaDeadline.text) })
    func cover(_ iso: String) -> CoverDates { CoverDates(program: program, receivedOn: CalendarDate(iso: iso)!) }
    let end = CalendarDate(iso: "2026-05-05")!
    #expect(cover("2025-06-15") == .covered(start: CalendarDate(iso: "2025-07-05")!, end: end, midTerm: true))
    #expect(cover("2025-06-16") == .covered(start: CalendarDate(iso: "2025-08-05")!, end: end, midTerm: true))
    #expect(cover("2025-11-30") == .covered(start: CalendarDate(iso: "2026-01-05")!, end: end, midTerm: true))
    #expect(cover("2025-03-14") == .covered(start: CalendarDate(iso: "2025-05-05")!, end: end, midTerm: false))
    #expect(cover("2026-03-16") == .tooLate(periodEnd: end))
  }

  /// A brochure without dates, or without a mid-term rule, gets no invented cover dates.
  @Test func noInventedCoverDates() throws {
    let byoin = try BrochureYear.catalog.program("byoin-kyosaikai")
    #expect(CoverDates(program: byoin, receivedOn: CalendarDate(iso: "2025-06-20")!) == .periodNotStated)
    let kumamoto = try BrochureYear.catalog.program("kumamoto-hokeni")
    #expect(CoverDates(program: kumamoto, receivedOn: CalendarDate(iso: "2025-06-20")!) == .midTermNotStated)
  }

  /// A clinic's quote carries no hospital note, and the reverse.
  @Test func notesConcernTheirFacilitiesOnly() throws {
    let program = try BrochureYear.catalog.program("fukuoka-ishikai")
    let clinic = program.notes(for: .clinic)
    let hospital = program.notes(for: .hospital)
    #expect(clinic.contains { $0.contains("3000万円超のプラン") })
    #expect(!clinic.contains { $0 == Self.fukuokaHospital.text })
    #expect(hospital.contains { $0 == Self.fukuokaHospital.text })
    #expect(!hospital.contains { $0.contains("3000万円超のプラン") })
    // The tool's note on the printed examples is the tool's, not among the brochure's notes.
    #expect(!hospital.contains { $0.contains("50床(人)") })
    #expect(program.toolNotes(for: .hospital, figureAtPrintedConditions: true).contains { $0.contains("50床(人)") })
  }

  /// 000 prints no eligibility rule: the tool says so rather than invent a membership rule.
  @Test func kagoshimaStatesNoEligibility() throws {
    let kagoshima = try BrochureYear.catalog.program("kagoshima-ikyo")
    #expect(kagoshima.eligibility == nil)
    #expect(Wording.eligibility(kagoshima, .ja).hasPrefix("記載なし"))
  }

  @Test func jhefEligibilityIsTheBrochures() throws {
    let jhef = try BrochureYear.catalog.program("jhef")
    #expect(Self.jhefEligibility.text.contains(jhef.eligibility ?? "-"))
    #expect(jhef.eligibleFacilities == [.serviceBusiness])
  }
}
