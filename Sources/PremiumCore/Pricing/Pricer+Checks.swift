/// What the pricer checks of a request before it computes, and what it warns of after: the
/// ranges of every input, the counts a table prices by, and the warnings of a program and a row.
extension Pricer {
  package static func validateRanges(_ r: QuoteSizes) throws(QuoteError) {
    func check(_ value: Int?, _ field: QuoteField, _ range: ClosedRange<Int>) throws(QuoteError) {
      if let value, !range.contains(value) { throw .outOfRange(field, value: "\(value)", accepted: range) }
    }
    try check(r.generalBeds, .generalBeds, InputRange.bedComponent)
    try check(r.otherBeds, .otherBeds, InputRange.bedComponent)
    if r.generalBeds != nil || r.otherBeds != nil {
      let total = (r.generalBeds ?? 0) + (r.otherBeds ?? 0)
      if !InputRange.count.contains(total), (r.generalBeds ?? 0) > 0 || (r.otherBeds ?? 0) > 0 {
        throw .totalBedsOutOfRange(total: total, accepted: InputRange.count)
      }
    }
    try check(r.capacity, .capacity, InputRange.count)
    try check(r.facilities, .facilities, InputRange.facilities)
    try check(r.installments, .installments, InputRange.installments)
    func checkPercent(_ value: Rational?, _ field: QuoteField, _ range: ClosedRange<Int>) throws(QuoteError) {
      if let value, value < Rational(range.lowerBound) || value > Rational(range.upperBound) {
        throw .outOfRange(field, value: percentText(value), accepted: range)
      }
    }
    try checkPercent(r.groupDiscountPercent, .groupDiscount, InputRange.groupDiscountPercent)
    try checkPercent(r.securityPercent, .security, InputRange.securityPercent)
  }

  /// The counts the route's table prices by, after rejecting any that do not apply. Zero bed
  /// counts mean "no beds of this kind" and are accepted wherever they change nothing.
  static func checkedCounts(_ r: QuoteSizes, route: PricingRoute) throws(QuoteError) -> FacilityCounts {
    let basis = route.terms.basis
    let bedsAccepted: Bool
    let capacityAccepted: Bool
    switch basis {
    case .perBed: (bedsAccepted, capacityAccepted) = (true, false)
    case .perCapacity: (bedsAccepted, capacityAccepted) = (false, true)
    case .flat: (bedsAccepted, capacityAccepted) = (false, false)
    case .examples(let unit, _, _): (bedsAccepted, capacityAccepted) = (unit == .generalBeds, unit == .capacity)
    }
    var counts = FacilityCounts()
    // Beds on a table priced per facility are data member lists carry: kept and shown, and they
    // change nothing. A 診療所 has up to 19 beds (有床) under the 医療法.
    let bedsKept = basis.isFlat
    if bedsKept, route.facility == .clinic || route.facility == .dental,
      (r.generalBeds ?? 0) + (r.otherBeds ?? 0) > FacilityKind.clinicMaximumBeds
    {
      throw .clinicOverBedLimit(beds: (r.generalBeds ?? 0) + (r.otherBeds ?? 0), facility: route.facility)
    }
    // Any other count the table does not price by is left out: a warning names it
    // (``countsNotUsed(_:counts:)``), never an error, since member lists carry every count.
    if let general = r.generalBeds, bedsAccepted || bedsKept { counts.generalBeds = general }
    if let other = r.otherBeds, bedsAccepted || bedsKept { counts.otherBeds = other }
    if let capacity = r.capacity, capacityAccepted { counts.capacity = capacity }
    if case .examples(.generalBeds, _, _) = basis, let other = counts.otherBeds, other > 0 {
      throw .onRequest(
        program: route.terms.id, facility: route.facility, plan: route.plan.code,
        reason: "パンフレットの保険料例は一般病床のみです（一般病床以外 \(other)床を含む保険料は取扱代理店にお問い合わせください）")
    }
    if bedsAccepted || capacityAccepted, (counts.generalBeds ?? 0) + (counts.otherBeds ?? 0) + (counts.capacity ?? 0) == 0 {
      let accepted: [CountKind] = capacityAccepted ? [.capacity] : basis == .perBed ? [.generalBeds, .otherBeds] : [.generalBeds]
      let given = [(CountKind.generalBeds, r.generalBeds), (.otherBeds, r.otherBeds), (.capacity, r.capacity)].compactMap { $0.1 == nil ? nil : $0.0 }
      throw .countRequired(program: route.terms.id, facility: route.facility, accepted: accepted, given: given)
    }
    return counts
  }

  /// What to tell the user about `program`'s period on `date`.
  package static func warnings(for program: Program, on date: CalendarDate?) -> [QuoteWarning] {
    guard let period = program.period else { return [.periodNotPrinted(term: program.term, edition: program.edition)] }
    guard let date else { return [] }
    if period.hasEnded(by: date) { return [.periodEnded(period)] }
    if date < period.start { return [.periodNotStarted(period)] }
    return []
  }

  /// What the counts say about the facility itself: a 病院 of fewer than 20 beds (医療法) is a
  /// 診療所 by law, and its quote as a hospital deserves a second look.
  static func facilityWarnings(route: PricingRoute, counts: FacilityCounts) -> [QuoteWarning] {
    let check = FacilityCheck(route)
    guard let beds = bedsWarned(check, counts: counts), let warning = facilityWarning(check, beds: beds) else { return [] }
    return [warning]
  }

  /// Which of ``facilityWarnings(route:counts:)``'s checks a route's counts can fail: decided
  /// once per route, so that a member list's row reads only its counts.
  enum FacilityCheck: Sendable {
    case none
    /// Beds given to a flat premium change nothing.
    case bedsOnFlatPremium(FacilityKind)
    /// A 介護医療院's general beds, at the table's two rates.
    case kaigoIryoinGeneralBeds(generalRate: Yen, otherRate: Yen)
    case hospitalUnderTwentyBeds

    init(_ route: PricingRoute) {
      if route.table.basis.isFlat {
        self = .bedsOnFlatPremium(route.facility)
      } else if route.facility == .kaigoIryoin, route.table.basis == .perBed, route.row.values.count == 2 {
        self = .kaigoIryoinGeneralBeds(generalRate: route.row.values[0], otherRate: route.row.values[1])
      } else {
        self = route.facility == .hospital ? .hospitalUnderTwentyBeds : .none
      }
    }
  }

  /// The beds `counts` give that `check` warns of; nil: no warning. A number, so that a member
  /// list's row asks without making the warning.
  static func bedsWarned(_ check: FacilityCheck, counts: FacilityCounts) -> Int? {
    let given = counts.generalBeds != nil || counts.otherBeds != nil
    let beds = (counts.generalBeds ?? 0) + (counts.otherBeds ?? 0)
    switch check {
    case .none: return nil
    case .bedsOnFlatPremium: return given ? beds : nil
    case .kaigoIryoinGeneralBeds: return counts.generalBeds.flatMap { $0 > 0 ? $0 : nil }
    case .hospitalUnderTwentyBeds: return given && beds <= FacilityKind.clinicMaximumBeds ? beds : nil
    }
  }

  /// The warning of `beds` under `check`.
  static func facilityWarning(_ check: FacilityCheck, beds: Int) -> QuoteWarning? {
    switch check {
    case .none: nil
    case .bedsOnFlatPremium(let facility): .bedsDoNotChangePremium(beds: beds, facility: facility)
    case .kaigoIryoinGeneralBeds(let generalRate, let otherRate): .kaigoIryoinGeneralBeds(beds: beds, generalRate: generalRate, otherRate: otherRate)
    case .hospitalUnderTwentyBeds: .hospitalUnderTwentyBeds(beds: beds)
    }
  }

  /// The counts given that the route does not price by (a hospital's beds where a program prices
  /// a capacity, a capacity where it prices per facility): left out of the premium, and said.
  static func countsNotUsed(_ sizes: QuoteSizes, counts: FacilityCounts) -> [QuoteWarning] {
    let given: [(CountKind, Int?)] = [(.generalBeds, sizes.generalBeds), (.otherBeds, sizes.otherBeds), (.capacity, sizes.capacity)]
    return given.compactMap { kind, value in
      guard let value, value != 0, counts[kind] == nil else { return nil }
      return .countNotUsed(kind, value: value)
    }
  }

  /// A percentage as it was typed: every decimal that fits a 64-bit fraction ends within 19
  /// digits (`30.0000000000000001`), never shown as a fraction.
  static func percentText(_ value: Rational) -> String {
    value.exactDecimalString(maxFractionDigits: 19) ?? value.description
  }
}
