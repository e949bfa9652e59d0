import TestSupport
import Testing

@testable import PremiumCore

private func quote(
  _ program: String, _ facility: FacilityKind, _ plan: String, general: Int? = nil, other: Int? = nil,
  capacity: Int? = nil, security: Int? = nil, option: String? = nil, facilities: Int? = nil,
  discount: Int? = nil, installments: Int? = nil, on date: CalendarDate? = nil
) throws -> Quote {
  try BrochureYear.catalog.quote(
    QuoteRequest(
      program: program, facility: facility, plan: plan, generalBeds: general, otherBeds: other, capacity: capacity,
      securityPercent: security.map { Rational($0) }, option: option, facilities: facilities,
      groupDiscountPercent: discount.map { Rational($0) }, installments: installments),
    on: date)
}

/// The error a request gives, or nil when it prices.
private func failure(_ body: () throws -> Quote) -> QuoteError? {
  do {
    _ = try body()
    return nil
  } catch let error as QuoteError {
    return error
  } catch {
    Issue.record("unexpected error \(error)")
    return nil
  }
}

@Suite struct PricerRuleTests {
  /// The worked example of the explanation: S4, 100 general and 20 other beds.
  @Test func weightedAverageAndModifiedCount() throws {
    let q = try quote("byoin-kyosaikai", .hospital, "S4", general: 100, other: 20)
    #expect(q.steps.contains(.weightedAverage(general: 100, generalRate: Yen(2_560), other: 20, otherRate: Yen(1_360), result: Rational(2_360))))
    #expect(q.steps.contains(.rateTimesCount(rate: Rational(2_360), count: try Rational(387, 5), result: Rational(182_664))))
    #expect(q.premium == Yen(182_660))
    #expect(q.basis == .formula)
  }

  @Test func securityAdjustmentThenOneRounding() throws {
    let q = try quote("byoin-kyosaikai", .hospital, "S4", general: 100, other: 20, security: -10)
    #expect(q.steps.contains(.security(percent: Rational(-10), result: try Rational(1_643_976, 10))))
    #expect(q.premium == Yen(164_400))
  }

  /// A pre-rounding premium of exactly …5 yen rounds up: 660円 × 125% = 825円 → 830円.
  @Test func halfWayRoundsUp() throws {
    let q = try quote("byoin-kyosaikai", .hospital, "S1", general: 1, security: 25)
    #expect(q.steps.last == .rounded(from: Rational(825), to: Yen(830), rule: .halfUpToTenYen))
    #expect(q.premium == Yen(830))
  }

  /// The brochure states the modified count for beds; capacity uses it too, which from 50 on
  /// moves the figure: an estimate.
  @Test func rokenCapacityUsesTheModifiedCount() throws {
    let q = try quote("byoin-kyosaikai", .roken, "S4", capacity: 80)
    #expect(q.premium == Yen(79_210))  // 1,290 × 61.4 = 79,206
    #expect(q.basis == .estimate)
    #expect(q.estimateReason == .modifiedCountOnCapacity(capacity: 80))
    let small = try quote("byoin-kyosaikai", .roken, "S4", capacity: 49)
    #expect(small.premium == Yen(63_210))  // 1,290 × 49
    #expect(small.basis == .formula)
  }

  /// A 介護医療院's beds are 療養床 (一般病床以外): general beds are priced as given, and said.
  @Test func kaigoIryoinGeneralBedsWarnWithTheRateUsed() throws {
    let q = try quote("byoin-kyosaikai", .kaigoIryoin, "S4", general: 60)
    #expect(q.warnings.contains(.kaigoIryoinGeneralBeds(beds: 60, generalRate: Yen(2_560), otherRate: Yen(1_360))))
    #expect(!(try quote("byoin-kyosaikai", .kaigoIryoin, "S4", other: 60)).warnings.contains { if case .kaigoIryoinGeneralBeds = $0 { true } else { false } })
  }

  /// 001 〈7〉: with a security adjustment「前記〈6〉の保険料は適用されません」.
  @Test func aTypedSecurityAdjustmentIsAnEstimate() throws {
    let q = try quote("byoin-kyosaikai", .hospital, "S4", general: 120, security: 10)
    #expect(q.basis == .estimate)
    #expect(q.estimateReason == .securityAdjustment(percent: Rational(10)))
    #expect(!q.brochureNotes.contains { $0.contains("セキュリティー割増引0%") })
    #expect(try quote("byoin-kyosaikai", .hospital, "S4", general: 120).brochureNotes.contains { $0.contains("セキュリティー割増引0%") })
  }

  @Test func kaigoIryoinIsPricedPerBedByByoinKyosaikai() throws {
    let q = try quote("byoin-kyosaikai", .kaigoIryoin, "S1", general: 1)
    #expect(q.premium == Yen(660))
  }

  /// DOMAIN.md: fukuoka's clinic table re-priced at 15% and 12 installments is kagoshima's
  /// printed monthly table (S6, S7 = fukuoka's S10000, S20000).
  @Test(arguments: [("S1", "S1"), ("S2", "S2"), ("S3", "S3"), ("S4", "S4"), ("S5", "S5"), ("S10000", "S6"), ("S20000", "S7")])
  func fukuokaRepricedIsKagoshima(_ fukuokaPlan: String, _ kagoshimaPlan: String) throws {
    let repriced = try quote("fukuoka-ishikai", .clinic, fukuokaPlan, discount: 15, installments: 12)
    let printed = try quote("kagoshima-ikyo", .clinic, kagoshimaPlan)
    #expect(repriced.installmentPremium == printed.installmentPremium)
    #expect(repriced.installments == 12)
    #expect(repriced.premium == printed.premium)
    // No brochure prints a re-pricing rule: the match is an observation, the figure an estimate.
    #expect(repriced.basis == .estimate)
    #expect(repriced.estimateReason == .repriced(groupDiscountPercent: Rational(15), installments: 12))
    #expect(repriced.limits == printed.limits)
  }

  @Test func repricingAtTheProgramsOwnTermsChangesNothing() throws {
    let q = try quote("kagoshima-ikyo", .clinic, "S1", discount: 15, installments: 12)
    #expect(q.installmentPremium == Yen(2_600))
    #expect(q.basis == .published)
  }

  @Test func kagoshimaAsALumpSum() throws {
    let q = try quote("kagoshima-ikyo", .clinic, "S1", installments: 1)
    #expect(q.premium == Yen(31_200))
    #expect(q.installments == 1)
    #expect(q.basis == .estimate)  // no brochure prints how to re-price for another payment mode
  }

  @Test func kumamotoIsProportionalToFacilities() throws {
    let q = try quote("kumamoto-hokeni", .hospital, "C", option: "b", facilities: 3)
    #expect(q.premium == Yen(398_400))
    #expect(q.basis == .formula)
    #expect(q.limits.lostProfit == Yen(30_000_000))
  }

  @Test func fukuokaModelIsAnEstimateAwayFromThePrintedCounts() throws {
    let printed = try quote("fukuoka-ishikai", .hospital, "S4", general: 50)
    #expect(printed.basis == .published)
    let estimated = try quote("fukuoka-ishikai", .hospital, "S4", general: 120)
    #expect(estimated.basis == .estimate)
    #expect(estimated.premium == Yen(324_990))  // 224,330 + 3,595 × (77.4 − 49.4) = 324,990
    #expect(estimated.estimateReason == .fittedModel(printedCounts: [50, 100]))
  }

  /// A row whose two printed figures were rounded on their own need not fit u × (modified count
  /// + 13): the line through its own two points is used, so it passes through both.
  @Test func fukuokaModelPassesThroughBothPrintedFiguresOfARowOffTheTablesOffset() throws {
    // P2: 67,390 at 50 and 88,990 at 100; its own offset is 12.998…, not 13.
    let between = try quote("fukuoka-ishikai", .hospital, "P2", general: 75)
    // modified count of 75 = 59.4, halfway between 49.4 and 69.4: exactly the two figures' mean.
    #expect(between.premium == Yen((67_390 + 88_990) / 2))
    #expect(between.basis == .estimate)
    let beyond = try quote("fukuoka-ishikai", .hospital, "P2", general: 150)
    // 67,390 + 1,080 × (89.4 − 49.4) = 110,590; u × (89.4 + 13) would give 110,592 → 110,590.
    #expect(beyond.premium == Yen(110_590))
  }

  @Test func fukuokaKaigoIryoinBorrowsTheRokenTableAsAnEstimate() throws {
    let q = try quote("fukuoka-ishikai", .kaigoIryoin, "S1", capacity: 50)
    #expect(q.premium == Yen(27_770))
    #expect(q.basis == .estimate)
  }

  @Test func fukuokaHospitalLimitsDifferFromClinicLimits() throws {
    let clinic = try quote("fukuoka-ishikai", .clinic, "S5000")
    let hospital = try quote("fukuoka-ishikai", .hospital, "S5000", general: 50)
    #expect(clinic.limits.incidentResponse == Yen(30_000_000))
    #expect(hospital.limits.incidentResponse == Yen(50_000_000))
  }

  @Test func zeroSecurityIsAcceptedWhereThereIsNone() throws {
    #expect(try quote("byoin-kyosaikai", .clinic, "S1", security: 0).premium == Yen(32_640))
  }

  @Test func periodWarnings() throws {
    let ended = try quote("fukuoka-ishikai", .clinic, "S1", on: CalendarDate(year: 2026, month: 11, day: 21))
    #expect(ended.warnings.count == 1)
    if case .periodEnded(let p)? = ended.warnings.first { #expect(p.end.description == "2026-05-05") } else { Issue.record("no warning") }
    #expect(try quote("fukuoka-ishikai", .clinic, "S1", on: CalendarDate(year: 2026, month: 5, day: 5)).warnings.isEmpty)
    let early = try quote("fukuoka-ishikai", .clinic, "S1", on: CalendarDate(year: 2025, month: 1, day: 1))
    #expect(early.warnings.count == 1)
    // A brochure without dates: said on every quote, whatever the day.
    for day in [CalendarDate(year: 2030, month: 1, day: 1), nil] {
      #expect(try quote("byoin-kyosaikai", .clinic, "S1", on: day).warnings == [.periodNotPrinted(term: "保険期間1年")])
    }
  }
}

@Suite struct PricerErrorTests {
  @Test func unknownProgramSuggests() {
    #expect(failure { try quote("byoin-kyosai", .hospital, "S1", general: 1) } == nil)  // a unique prefix
    let known = BrochureYear.books.nameIndex().programs
    #expect(
      failure { try quote("byoin-kyosaikal", .hospital, "S1", general: 1) } == .unknownProgram("byoin-kyosaikal", suggestion: "byoin-kyosaikai", known: known))
    #expect(known.map(\.id) == BrochureYear.ids)
    // A mistyped association's name is suggested by that name, with or without its legal form.
    for typed in ["福岡件医師会", "公益社団法人 福岡件医師会"] {
      #expect(failure { try quote(typed, .clinic, "S4") } == .unknownProgram(typed, suggestion: "福岡県医師会", known: known))
    }
    #expect(failure { try quote("東京都医師会", .clinic, "S4") } == .unknownProgram("東京都医師会", suggestion: nil, known: known))
  }

  /// A refusal lists the programs by the names staff know them by, as the rate books give them.
  @Test func aRefusalNamesTheAssociations() throws {
    guard case .unknownProgram(_, _, let known)? = failure({ try quote("nosuch", .clinic, "S1") }) else {
      Issue.record("not refused as unknown")
      return
    }
    for name in known {
      #expect(name.association == Catalog.spokenName(try BrochureYear.books.program(name.id).policyholder))
    }
    let message = QuoteError.unknownProgram("nosuch", suggestion: nil, known: known).message { _ in "" }
    #expect(message.contains("fukuoka-ishikai（福岡県医師会）"))
  }

  /// Programs by the names people say: the association, or a unique prefix of the id.
  @Test(arguments: [
    ("福岡県医師会", "fukuoka-ishikai"), ("公益社団法人 福岡県医師会", "fukuoka-ishikai"), ("日本病院共済会", "byoin-kyosaikai"),
    ("熊本県保険医協会", "kumamoto-hokeni"), ("鹿児島県医師協同組合", "kagoshima-ikyo"), ("医療関連サービス振興会", "jhef"),
    ("fukuoka", "fukuoka-ishikai"), ("byoin", "byoin-kyosaikai"), ("JHEF", "jhef"),
    // Any part of one association's name, of two characters or more.
    ("福岡", "fukuoka-ishikai"), ("病院共済会", "byoin-kyosaikai"), ("鹿児島", "kagoshima-ikyo"), ("熊本", "kumamoto-hokeni"),
    ("振興会", "jhef"), ("保険医", "kumamoto-hokeni"),
  ])
  func programsByTheNamesPeopleSay(_ name: String, _ id: String) throws {
    #expect(try BrochureYear.catalog.resolve(name) == id)
  }

  @Test func anAmbiguousPrefixListsTheCandidates() throws {
    let names = BrochureYear.catalog.nameIndex().programs
    func named(_ ids: String...) -> [ProgramName] { names.filter { ids.contains($0.id) } }
    #expect(throws: QuoteError.ambiguousProgram("k", candidates: named("kagoshima-ikyo", "kumamoto-hokeni"))) { try BrochureYear.catalog.resolve("k") }
    // A part of several names: 鹿児島県医師協同組合 and 福岡県医師会.
    #expect(throws: QuoteError.ambiguousProgram("医師", candidates: named("kagoshima-ikyo", "fukuoka-ishikai"))) { try BrochureYear.catalog.resolve("医師") }
    // One character is too little to name anything.
    #expect(try BrochureYear.catalog.resolve("福") == "福")
  }

  /// 有床診療所 have up to 19 beds: a flat-rated clinic's beds are kept, shown and change nothing;
  /// 20 or more is a 病院.
  @Test func aClinicsBedsAreAcceptedAndChangeNothing() throws {
    let withBeds = try quote("fukuoka-ishikai", FacilityKind(name: "有床診療所")!, "S4", general: 12)
    let without = try quote("fukuoka-ishikai", .clinic, "S4")
    #expect(withBeds.premium == without.premium)
    #expect(withBeds.counts[.generalBeds] == 12)
    #expect(withBeds.warnings.contains(.bedsDoNotChangePremium(beds: 12, facility: .clinic)))
    #expect(failure { try quote("fukuoka-ishikai", .clinic, "S4", general: 20) } == .clinicOverBedLimit(beds: 20, facility: .clinic))
    #expect(failure { try quote("byoin-kyosaikai", .roken, "S1", general: 10, capacity: 50) }?.availability == nil)  // beds for a 老健 stay an error
  }

  @Test(arguments: [("有床診療所", FacilityKind.clinic), ("無床診療所", .clinic), ("医院", .clinic), ("クリニック", .clinic), ("歯科医院", .dental)])
  func facilityNamesStaffUse(_ name: String, _ kind: FacilityKind) {
    #expect(FacilityKind(name: name) == kind)
  }

  @Test func unknownPlanSuggests() {
    guard case .unknownPlan("S100", "fukuoka-ishikai", let suggestion, _)? = failure({ try quote("fukuoka-ishikai", .clinic, "S100") }) else {
      Issue.record("expected unknownPlan")
      return
    }
    #expect(suggestion == "S1000")
  }

  /// 001 〈6〉 prints '-' for clinics and dental clinics on S6 and S7: not offered, not on request.
  @Test(arguments: [("S6", FacilityKind.clinic), ("S7", .dental)])
  func byoinDashCellsAreNotOffered(_ plan: String, _ facility: FacilityKind) {
    guard case .notOffered("byoin-kyosaikai", facility, plan, let reason)? = failure({ try quote("byoin-kyosaikai", facility, plan) }) else {
      Issue.record("expected notOffered")
      return
    }
    #expect(reason.contains("「-」"))
    #expect(failure({ try quote("byoin-kyosaikai", facility, plan) })?.availability == .notOffered)
  }

  /// 001's T table prints no '-': every T premium 「ご申告いただく営業利益と経常費によって異なります」,
  /// so T6 and T7 are on request for clinics too, as T1 to T5 are.
  @Test(arguments: [("T6", FacilityKind.clinic), ("T7", .dental), ("T1", .clinic)])
  func byoinTPlansAreOnRequestForClinics(_ plan: String, _ facility: FacilityKind) {
    guard case .onRequest("byoin-kyosaikai", facility, plan, let reason)? = failure({ try quote("byoin-kyosaikai", facility, plan) }) else {
      Issue.record("expected onRequest")
      return
    }
    #expect(reason.contains("営業利益と経常費"))
  }

  /// 003 9.(注2): 情報漏えい限定プランには…オプションのセットはできません. S plans with an option are
  /// on request (003「オプション付き保険料につきましては別途お問い合わせください」).
  @Test func fukuokaPPlansTakeNoOption() {
    guard case .notOffered("fukuoka-ishikai", .clinic, "P1", let reason)? = failure({ try quote("fukuoka-ishikai", .clinic, "P1", option: "a") }) else {
      Issue.record("expected notOffered")
      return
    }
    #expect(reason == "情報漏えい限定プランには、利益損害(オプション)、営業継続費用(オプション)のセットはできません。")
    #expect(failure({ try quote("fukuoka-ishikai", .clinic, "S1", option: "a") })?.availability == .onRequest)
    #expect(failure({ try quote("fukuoka-ishikai", .clinic, "P1") }) == nil)
  }

  /// 004 is for 医療関連サービスマーク認定事業者 only: a hospital or clinic is not eligible; the
  /// service business itself is quoted on request.
  @Test func jhefIsForServiceBusinessesOnly() {
    for facility in FacilityKind.medical {
      guard case .notEligible("jhef", facility, let eligibility)? = failure({ try quote("jhef", facility, "S1") }) else {
        Issue.record("expected notEligible for \(facility)")
        continue
      }
      #expect(eligibility == "医療関連サービスマーク認定事業者")
    }
    #expect(failure({ try quote("jhef", .serviceBusiness, "S1") })?.availability == .onRequest)
    for program in ["kagoshima-ikyo", "byoin-kyosaikai", "kumamoto-hokeni", "fukuoka-ishikai"] {
      #expect(failure({ try quote(program, .serviceBusiness, "S1") })?.availability == .notEligible, "\(program)")
    }
  }

  @Test(arguments: [
    ("byoin-kyosaikai", FacilityKind.hospital, "T3"),  // premium depends on declared profit
    ("jhef", .serviceBusiness, "S1"),  // quotation sheet only
    ("kagoshima-ikyo", .hospital, "S1"),
    ("kagoshima-ikyo", .roken, "S1"),
    ("fukuoka-ishikai", .dental, "S1"),
  ])
  func onRequest(_ program: String, _ facility: FacilityKind, _ plan: String) {
    guard
      case .onRequest(program, facility, _, let reason)? = failure({
        try quote(program, facility, plan, general: facility == .hospital ? 50 : nil, capacity: facility == .roken ? 50 : nil)
      })
    else {
      Issue.record("expected onRequest")
      return
    }
    #expect(!reason.isEmpty)
  }

  @Test func fukuokaOtherBedsAndOptionsAndSharedLimitsAreOnRequest() {
    for body in [
      { try quote("fukuoka-ishikai", .hospital, "S1", general: 50, other: 10) },
      { try quote("fukuoka-ishikai", .clinic, "S1", option: "a") },
      { try quote("fukuoka-ishikai", .clinic, "S1", facilities: 2) },
    ] {
      guard case .onRequest("fukuoka-ishikai", _, _, _)? = failure(body) else {
        Issue.record("expected onRequest")
        continue
      }
    }
  }

  /// 002「業種：診療所、病院」: a dental clinic is a 診療所 (priced, with the reading shown as an
  /// assumption citing the line); 老健 and 介護医療院 are neither (not eligible); the note on
  /// members running several kinds of facility is a note, not a reason to quote on request.
  @Test func kumamotoTakesClinicsDentalClinicsAndHospitals() throws {
    let dental = try quote("kumamoto-hokeni", .dental, "B")
    #expect(dental.premium == (try quote("kumamoto-hokeni", .clinic, "B")).premium)
    #expect(dental.basis == .published)
    #expect(dental.assumptions.map(\.kind) == [.facilityReading])
    #expect(dental.assumptions.first?.restsOn.contains("業種：診療所、病院") == true)
    for facility in [FacilityKind.roken, .kaigoIryoin] {
      #expect(failure({ try quote("kumamoto-hokeni", facility, "B", capacity: 50) })?.availability == .notEligible, "\(facility)")
    }
    let program = try BrochureYear.catalog.program("kumamoto-hokeni")
    #expect(program.onRequest.isEmpty)
    #expect(program.notes.contains { $0.text.contains("複数の業種の施設を運営されている会員さま") })
  }

  /// A count the table does not price by is left out and named in a warning, never an error:
  /// member lists carry every count (DOMAIN: kumamoto-hokeni, "A bed count is not used … note it,
  /// never refuse it").
  @Test func countsNotUsedAreNotedNotRefused() throws {
    let roken = try quote("byoin-kyosaikai", .roken, "S1", general: 10, capacity: 40)
    #expect(roken.premium == (try quote("byoin-kyosaikai", .roken, "S1", capacity: 40)).premium)
    #expect(roken.warnings.contains(.countNotUsed(.generalBeds, value: 10)))
    let hospital = try quote("byoin-kyosaikai", .hospital, "S1", general: 100, capacity: 10)
    #expect(hospital.warnings.contains(.countNotUsed(.capacity, value: 10)))
    let kumamoto = try quote("kumamoto-hokeni", .hospital, "A", general: 120)
    #expect(kumamoto.premium == Yen(50_000))
    #expect(kumamoto.warnings.contains(.bedsDoNotChangePremium(beds: 120, facility: .hospital)))
  }

  @Test func countsRequiredAreErrors() {
    #expect(
      failure { try quote("byoin-kyosaikai", .roken, "S1", general: 10) }
        == .countRequired(program: "byoin-kyosaikai", facility: .roken, accepted: [.capacity], given: [.generalBeds]))
    #expect(
      failure { try quote("byoin-kyosaikai", .hospital, "S1") }
        == .countRequired(program: "byoin-kyosaikai", facility: .hospital, accepted: [.generalBeds, .otherBeds]))
    #expect(failure { try quote("fukuoka-ishikai", .roken, "S1") } == .countRequired(program: "fukuoka-ishikai", facility: .roken, accepted: [.capacity]))
  }

  @Test func rangesAreChecked() {
    #expect(failure { try quote("byoin-kyosaikai", .hospital, "S1", general: 10_001) } == .outOfRange(.generalBeds, value: "10001", accepted: 0...10_000))
    #expect(failure { try quote("byoin-kyosaikai", .hospital, "S1", general: -1) } == .outOfRange(.generalBeds, value: "-1", accepted: 0...10_000))
    #expect(
      failure { try quote("byoin-kyosaikai", .hospital, "S1", general: 6_000, other: 5_000) } == .totalBedsOutOfRange(total: 11_000, accepted: 1...10_000))
    #expect(failure { try quote("byoin-kyosaikai", .roken, "S1", capacity: 0) } == .outOfRange(.capacity, value: "0", accepted: 1...10_000))
    #expect(failure { try quote("kumamoto-hokeni", .clinic, "A", facilities: 0) } == .outOfRange(.facilities, value: "0", accepted: 1...1_000))
    #expect(failure { try quote("kumamoto-hokeni", .clinic, "A", discount: 100) } == .outOfRange(.groupDiscount, value: "100", accepted: 0...30))
    #expect(failure { try quote("byoin-kyosaikai", .clinic, "S1", discount: 31) } == .outOfRange(.groupDiscount, value: "31", accepted: 0...30))
    #expect(failure { try quote("kumamoto-hokeni", .clinic, "A", installments: 13) } == .outOfRange(.installments, value: "13", accepted: 1...12))
    #expect(failure { try quote("byoin-kyosaikai", .hospital, "S1", general: 1, security: -31) } == .outOfRange(.security, value: "-31", accepted: -30...30))
  }

  @Test func securityOnlyWhereTheProgramAppliesIt() {
    #expect(
      failure { try quote("byoin-kyosaikai", .clinic, "S1", security: -5) }
        == .securityNotApplicable(value: "-5", program: "byoin-kyosaikai", facility: .clinic))
    // 003 <2>: the premium is set from the beds and the 告知内容; no rate is printed to apply.
    #expect(
      failure { try quote("fukuoka-ishikai", .hospital, "S1", general: 50, security: 10) }
        == .securityFromDisclosure(value: "10", program: "fukuoka-ishikai", facility: .hospital, text: "保険料は、病床数および告知内容に基づいて算出します。"))
    #expect(
      failure { try quote("fukuoka-ishikai", .roken, "S1", capacity: 50, security: 10) }
        == .securityFromDisclosure(value: "10", program: "fukuoka-ishikai", facility: .roken, text: "保険料は、施設定員数および告知内容に基づいて算出します。"))
  }

  /// A book whose adjustment is narrower than any typed value may be: each end is the book's.
  @Test func securityWithinTheBooksOwnRange() throws {
    let text = BrochureYear.bookText("byoin-kyosaikai").replacingFirst(#""min_percent": -30,"#, with: #""min_percent": -20,"#)
      .replacingFirst(#""max_percent": 30,"#, with: #""max_percent": 20,"#)
    let program = try RateFileDecoder.decode(text, file: "narrow.json")
    for (percent, accepted) in [(25, false), (-25, false), (20, true), (-20, true)] {
      let request = QuoteRequest(program: program.id, facility: .hospital, plan: "S4", generalBeds: 100, securityPercent: Rational(percent))
      do {
        _ = try Pricer.quote(request, in: program)
        #expect(accepted, "\(percent)% priced")
      } catch {
        #expect(!accepted && error == .outOfRange(.security, value: "\(percent)", accepted: -20...20), "\(percent)%: \(error)")
      }
    }
  }

  @Test func optionsAndFacilities() {
    #expect(
      failure { try quote("kumamoto-hokeni", .clinic, "A", option: "d") } == .optionNotOffered("d", program: "kumamoto-hokeni", offered: ["a", "b", "c"]))
    #expect(failure { try quote("byoin-kyosaikai", .clinic, "S1", option: "a") } == .optionNotOffered("a", program: "byoin-kyosaikai", offered: []))
    #expect(
      failure { try quote("byoin-kyosaikai", .clinic, "S1", facilities: 2) } == .facilitiesNotApplicable(count: 2, program: "byoin-kyosaikai", reason: nil))
  }

  @Test func facilityNotOffered() throws {
    let text = BrochureYear.bookText("kumamoto-hokeni")
    // Without its eligibility list every medical facility may join, and a 老健 finds no table.
    let withoutRules = text.replacingFirst(#""eligible_facilities": ["hospital", "clinic", "dental"],"#, with: "")
    let program = try RateFileDecoder.decode(withoutRules, file: "test.json")
    #expect(throws: QuoteError.facilityNotOffered(program: "kumamoto-hokeni", facility: .roken, offered: [.hospital, .clinic, .dental])) {
      try Pricer.quote(QuoteRequest(program: "kumamoto-hokeni", facility: .roken, plan: "A"), in: program)
    }
  }

  /// An absurd rate file cannot crash the process: the overflow is an error.
  @Test func arithmeticOverflowIsAnError() throws {
    let text = BrochureYear.bookText("byoin-kyosaikai")
    let absurd = text.replacingFirst(#"["S1", 660, 360]"#, with: #"["S1", 9223372036854775807, 360]"#)
    let program = try RateFileDecoder.decode(absurd, file: "test.json")
    #expect(throws: QuoteError.arithmetic(.overflow)) {
      try Pricer.quote(QuoteRequest(program: program.id, facility: .hospital, plan: "S1", generalBeds: 10_000), in: program)
    }
  }

  /// A printed group discount of 100% leaves nothing to re-price from: the division by zero is
  /// its own error, not an overflow and not a trap.
  @Test func divisionByZeroIsItsOwnError() throws {
    let text = BrochureYear.bookText("byoin-kyosaikai")
    let absurd = text.replacingFirst(#""group_discount_percent": 20"#, with: #""group_discount_percent": 100"#)
    let program = try RateFileDecoder.decode(absurd, file: "test.json")
    let request = QuoteRequest(program: program.id, facility: .hospital, plan: "S1", generalBeds: 10, groupDiscountPercent: Rational(30))
    #expect(throws: QuoteError.arithmetic(.divisionByZero)) { try Pricer.quote(request, in: program) }
  }

  @Test func everyMessageNamesTheFieldAndValue() {
    let error = QuoteError.outOfRange(.generalBeds, value: "10001", accepted: 0...10_000)
    #expect(
      error.message(language: .en, naming: { "--" + $0.rawValue }) == "the value '10001' is invalid for --general_beds: expected 0 to 10,000 (whole number)")
    #expect(error.message(language: .ja, naming: { $0.rawValue }).contains("general_beds の値 '10001'"))
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}

/// A rate book built in code, past `rates check`, whose examples fall as beds rise: the line
/// through them goes below 0 yen, and the pricer refuses it rather than show it.
@Suite struct BelowZeroTests {
  @Test func aPremiumBelowZeroIsATypedError() throws {
    let p = try BrochureYear.catalog.program("fukuoka-ishikai")
    let tables = p.tables.map { t in
      RateTable(
        id: t.id, title: t.title, source: t.source, facilities: t.facilities, estimatedFacilities: t.estimatedFacilities,
        estimateReason: t.estimateReason, readFacilities: t.readFacilities, reading: t.reading, basis: t.basis, columns: t.columns,
        rows: t.rows.map { t.id == "hospital" ? RateRow(plan: $0.plan, values: $0.values.reversed()) : $0 }, limitOverrides: t.limitOverrides)
    }
    let falling = Program(
      id: p.id, name: p.name, policyholder: p.policyholder, policyholderPrinted: p.policyholderPrinted, agent: p.agent, insurer: p.insurer,
      insurerNote: p.insurerNote, rounding: p.rounding, eligibility: p.eligibilityParts, eligibilitySource: p.eligibilitySource,
      eligibleFacilities: p.eligibleFacilities, source: p.source, period: p.period, term: p.term, edition: p.edition,
      groupDiscountPercent: p.groupDiscountPercent,
      installments: p.installments, payment: p.payment, security: p.security, disclosures: p.disclosures, multipleFacilities: p.multipleFacilities,
      optionsOnRequest: p.optionsOnRequest, families: p.families, cover: p.cover, familyNotes: p.familyNotes, coverageNames: p.coverageNames,
      deductibles: p.deductibles, plans: p.plans, options: p.options, tables: tables, notOffered: p.notOffered, onRequest: p.onRequest,
      notes: p.notes, conditions: p.conditions)
    let request = QuoteRequest(program: p.id, facility: .hospital, plan: "S1", generalBeds: 1_000)
    #expect {
      _ = try Pricer.quote(request, in: falling)
    } throws: { error in
      guard case .belowZero("fukuoka-ishikai", "S1", let premium) = error as? QuoteError else { return false }
      return premium < Yen(0)
    }
    // Where the line is still above 0 yen it prices, as printed at the printed count.
    #expect(try Pricer.quote(QuoteRequest(program: p.id, facility: .hospital, plan: "S1", generalBeds: 50), in: falling).premium == Yen(76_220))
  }
}
