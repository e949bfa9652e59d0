import PremiumCore

/// A synthetic next year of a rate book, as if next year's brochure had arrived and been added
/// beside this year's: every premium doubled (so that options' printed totals and the examples'
/// lines stay consistent, and any figure taken from the wrong year shows), the period a year on,
/// the source renamed. An undated book's next year is dated, from ``undatedStart``: only one
/// version of a program may lack a period.
public enum NextYear {
  public static let undatedStart = CalendarDate(year: 2026, month: 12, day: 1)!

  public static func program(after p: Program, period: Period? = nil) -> Program {
    Program(
      id: p.id, name: p.name, policyholder: p.policyholder, policyholderPrinted: p.policyholderPrinted, agent: p.agent, insurer: p.insurer,
      insurerNote: p.insurerNote, rounding: p.rounding,
      eligibility: p.eligibilityParts, eligibilitySource: p.eligibilitySource, eligibleFacilities: p.eligibleFacilities,
      source: "next-year-" + p.source, period: period ?? Self.period(after: p.period), term: p.term, edition: p.edition,
      groupDiscountPercent: p.groupDiscountPercent, installments: p.installments, payment: p.payment,
      security: p.security, disclosures: p.disclosures, multipleFacilities: p.multipleFacilities,
      optionsOnRequest: p.optionsOnRequest, families: p.families, cover: p.cover, familyNotes: p.familyNotes, coverageNames: p.coverageNames,
      deductibles: p.deductibles, plans: p.plans,
      options: p.options.map { PlanOption(code: $0.code, name: $0.name, coverage: $0.coverage, limit: $0.limit, premium: doubled($0.premium)) },
      tables: p.tables.map { t in
        RateTable(
          id: t.id, title: t.title, source: t.source, facilities: t.facilities, estimatedFacilities: t.estimatedFacilities,
          estimateReason: t.estimateReason, readFacilities: t.readFacilities, reading: t.reading, basis: t.basis, columns: t.columns,
          rows: t.rows.map { RateRow(plan: $0.plan, values: $0.values.map(doubled)) }, limitOverrides: t.limitOverrides)
      },
      notOffered: p.notOffered, onRequest: p.onRequest, notes: p.notes, conditions: p.conditions)
  }

  /// The period that follows `period`, sharing its boundary day.
  public static func period(after period: Period?) -> Period {
    guard let period else {
      return Period(start: undatedStart, end: CalendarDate(year: undatedStart.year + 1, month: undatedStart.month, day: undatedStart.day)!, time: nil)
    }
    let end = CalendarDate(year: period.end.year + 1, month: period.end.month, day: period.end.day)!
    return Period(start: period.end, end: end, time: period.time)
  }

  static func doubled(_ yen: Yen) -> Yen { Yen(yen.amount * 2) }

  /// The built-in catalog with a next year beside every priced program's book.
  public static func catalog(_ catalog: Catalog = BrochureYear.books) throws -> Catalog {
    let programs = try catalog.entries.map { try $0.load() }.filter { !$0.tables.isEmpty }
    return try catalog.adding(programs.map { (file: "rates/\($0.id)@next.json", program: program(after: $0)) })
  }
}
