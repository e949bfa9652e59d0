import TestSupport
import Testing

@testable import PremiumCore

/// Every assumption a quote rests on is listed with it, and only where it applies.
@Suite struct AssumptionTests {
  func kinds(
    _ program: String, _ facility: FacilityKind, _ plan: String, general: Int? = nil, other: Int? = nil,
    capacity: Int? = nil, security: Int? = nil, discount: Int? = nil
  ) throws -> [Assumption.Kind] {
    let request = QuoteRequest(
      program: program, facility: facility, plan: plan, generalBeds: general, otherBeds: other, capacity: capacity,
      securityPercent: security.map { Rational($0) }, groupDiscountPercent: discount.map { Rational($0) })
    return try BrochureYear.catalog.quote(request).assumptions.map(\.kind)
  }

  @Test func printedFiguresRestOnNothingUnstated() throws {
    #expect(try kinds("byoin-kyosaikai", .clinic, "S4") == [])
    #expect(try kinds("byoin-kyosaikai", .hospital, "S4", general: 100) == [])
    #expect(try kinds("fukuoka-ishikai", .hospital, "S1", general: 50) == [])
    #expect(try kinds("fukuoka-ishikai", .roken, "S1", capacity: 100) == [])
    #expect(try kinds("kumamoto-hokeni", .clinic, "A") == [])
  }

  /// 001 〈6〉 states the weighted average but not its rounding.
  @Test func mixedBedsKeepTheAverageExact() throws {
    #expect(try kinds("byoin-kyosaikai", .hospital, "S4", general: 100, other: 20) == [.weightedAverageUnrounded])
    #expect(try kinds("byoin-kyosaikai", .hospital, "S4", general: 100, other: 0) == [])
  }

  /// 001 〈6〉 states the modified count for beds; a 老健's capacity takes it by assumption.
  @Test func capacityTakesTheModifiedCount() throws {
    #expect(try kinds("byoin-kyosaikai", .roken, "S2", capacity: 80) == [.modifiedCountOnCapacity])
    #expect(try kinds("fukuoka-ishikai", .roken, "S1", capacity: 80) == [.modifiedCountOnCapacity, .fittedModel])
  }

  /// 003 prints examples at 50 and 100 only: between them a model, beyond them an extrapolation.
  @Test func fukuokaBetweenAndBeyondItsExamples() throws {
    #expect(try kinds("fukuoka-ishikai", .hospital, "S1", general: 75) == [.fittedModel])
    #expect(try kinds("fukuoka-ishikai", .hospital, "S1", general: 10) == [.extrapolatedModel])
    #expect(try kinds("fukuoka-ishikai", .hospital, "S1", general: 300) == [.extrapolatedModel])
  }

  /// 003 prints no 介護医療院 table; the 老健 table is borrowed.
  @Test func fukuokaKaigoIryoinBorrowsTheRokenTable() throws {
    #expect(try kinds("fukuoka-ishikai", .kaigoIryoin, "S1", capacity: 50) == [.borrowedTable])
  }

  /// 001 〈7〉 names 病院・老健施設 only; and it does not say whether the 〈6〉 premium is
  /// rounded before the adjustment.
  @Test func securityOnKaigoIryoin() throws {
    #expect(try kinds("byoin-kyosaikai", .kaigoIryoin, "S4", general: 100, security: -10) == [.securityOnExactPremium, .securityOnKaigoIryoin])
    #expect(try kinds("byoin-kyosaikai", .hospital, "S4", general: 100, security: -10) == [.securityOnExactPremium])
    #expect(try kinds("byoin-kyosaikai", .hospital, "S4", general: 100) == [])
  }

  /// The modified count changes a capacity only from 50 on: below, the formula is n itself.
  @Test func modifiedCountOnCapacityOnlyWhereItChangesTheFigure() throws {
    #expect(try kinds("byoin-kyosaikai", .roken, "S4", capacity: 49) == [])
    #expect(try kinds("byoin-kyosaikai", .roken, "S4", capacity: 50) == [.modifiedCountOnCapacity])
  }

  @Test func repricing() throws {
    #expect(try kinds("fukuoka-ishikai", .clinic, "S4", discount: 15) == [.repriced])
    #expect(try kinds("fukuoka-ishikai", .clinic, "S4", discount: 20) == [])  // the printed discount
  }

  /// Under the 医療法 a 病院 has 20 beds or more.
  @Test func aHospitalUnderTwentyBedsIsWarned() throws {
    let small = try BrochureYear.catalog.quote(QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S1", generalBeds: 19))
    #expect(small.warnings == [.periodNotPrinted(term: "保険期間1年"), .hospitalUnderTwentyBeds(beds: 19)])
    let legal = try BrochureYear.catalog.quote(QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S1", generalBeds: 20))
    #expect(legal.warnings == [.periodNotPrinted(term: "保険期間1年")])
  }

  @Test func everyKindSaysWhatItRestsOn() {
    for kind in Assumption.Kind.allCases {
      #expect(!Assumption(kind).restsOn.isEmpty)
    }
  }
}

/// The wording of `security-on-exact-premium` says rounding the 〈6〉 premium first would change
/// some figures by 10円, and no more: measured over hospitals of 20–999 beds and every whole
/// adjustment from ▲30% to +30% (about a fifth of them differ).
@Suite struct SecurityRoundingOrderTests {
  @Test func roundingFirstChangesSomeFiguresByTenYen() throws {
    var (cases, differing) = (0, 0)
    for beds in stride(from: 20, through: 999, by: 7) {
      let plain = try BrochureYear.catalog.quote(QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: beds))
      for security in -30...30 where security != 0 {
        let adjusted = try BrochureYear.catalog.quote(
          QuoteRequest(program: "byoin-kyosaikai", facility: .hospital, plan: "S4", generalBeds: beds, securityPercent: Rational(security)))
        // Half up to 10 yen of plain × (100 + s) / 100: ⌊(2N + 10D) / 20D⌋ × 10 with D = 100.
        let n = plain.premium.amount * Int64(100 + security)
        let roundedFirst = (2 * n + 1_000) / 2_000 * 10
        cases += 1
        if roundedFirst != adjusted.premium.amount {
          differing += 1
          #expect(abs(roundedFirst - adjusted.premium.amount) == 10)
        }
      }
    }
    #expect(differing > 0 && differing < cases, "\(differing) of \(cases)")
  }
}
