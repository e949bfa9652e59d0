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

  /// 001 〈7〉 names 病院・老健施設 only.
  @Test func securityOnKaigoIryoin() throws {
    #expect(try kinds("byoin-kyosaikai", .kaigoIryoin, "S4", general: 100, security: -10) == [.securityOnKaigoIryoin])
    #expect(try kinds("byoin-kyosaikai", .hospital, "S4", general: 100, security: -10) == [])
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
