/// Everything a quote needs, as the user gave it. Absent values take the program's own.
public struct QuoteRequest: Sendable, Hashable {
  public var program: String
  public var facility: FacilityKind
  public var plan: String
  public var generalBeds: Int?
  public var otherBeds: Int?
  public var capacity: Int?
  /// セキュリティー割増引 in percent: −10 for ▲10%.
  public var securityPercent: Rational?
  /// kumamoto-hokeni's 利益補償 a, b or c.
  public var option: String?
  public var facilities: Int?
  /// Re-price at this 団体割引 instead of the printed one, in percent.
  public var groupDiscountPercent: Rational?
  /// Re-price for this many payments a year instead of the printed mode.
  public var installments: Int?

  public init(
    program: String, facility: FacilityKind, plan: String, generalBeds: Int? = nil,
    otherBeds: Int? = nil, capacity: Int? = nil, securityPercent: Rational? = nil,
    option: String? = nil, facilities: Int? = nil, groupDiscountPercent: Rational? = nil,
    installments: Int? = nil
  ) {
    self.program = program
    self.facility = facility
    self.plan = plan
    self.generalBeds = generalBeds
    self.otherBeds = otherBeds
    self.capacity = capacity
    self.securityPercent = securityPercent
    self.option = option
    self.facilities = facilities
    self.groupDiscountPercent = groupDiscountPercent
    self.installments = installments
  }
}

/// The per-facility part of a request: counts and adjustments, without the strings that pick
/// the route, so that pricing many rows along one route copies nothing that is reference counted.
package struct QuoteSizes: Sendable, Hashable {
  package var generalBeds: Int?
  package var otherBeds: Int?
  package var capacity: Int?
  package var securityPercent: Rational?
  package var facilities: Int?
  package var groupDiscountPercent: Rational?
  package var installments: Int?

  package init(
    generalBeds: Int? = nil, otherBeds: Int? = nil, capacity: Int? = nil, securityPercent: Rational? = nil,
    facilities: Int? = nil, groupDiscountPercent: Rational? = nil, installments: Int? = nil
  ) {
    self.generalBeds = generalBeds
    self.otherBeds = otherBeds
    self.capacity = capacity
    self.securityPercent = securityPercent
    self.facilities = facilities
    self.groupDiscountPercent = groupDiscountPercent
    self.installments = installments
  }
}

extension QuoteRequest {
  package var sizes: QuoteSizes {
    QuoteSizes(
      generalBeds: generalBeds, otherBeds: otherBeds, capacity: capacity, securityPercent: securityPercent,
      facilities: facilities, groupDiscountPercent: groupDiscountPercent, installments: installments)
  }
}

/// The inputs a request can carry; errors name the one at fault, and each front end (flag or
/// CSV column) spells it its own way.
public enum QuoteField: String, Sendable, Hashable, CaseIterable {
  case program, facility, plan, option, facilities, installments
  case generalBeds = "general_beds"
  case otherBeds = "other_beds"
  case capacity
  case security
  case groupDiscount = "group_discount"

  /// The position in `allCases`, for array-indexed lookups.
  package var ordinal: Int {
    switch self {
    case .program: 0
    case .facility: 1
    case .plan: 2
    case .option: 3
    case .facilities: 4
    case .installments: 5
    case .generalBeds: 6
    case .otherBeds: 7
    case .capacity: 8
    case .security: 9
    case .groupDiscount: 10
    }
  }
}

/// The accepted range of every numeric input.
package enum InputRange {
  /// Beds and capacity: the largest hospital in Japan has about 1,500 beds.
  package static let count = 1...10_000
  /// One bed kind may be 0 when the other is given; their total must lie in ``count``.
  package static let bedComponent = 0...10_000
  package static let facilities = 1...1_000
  /// The brochures print 15% and 20%; re-pricing beyond 30% would show a discount no program
  /// here offers (docs/commands.md, "Re-pricing").
  package static let groupDiscountPercent = 0...30
  package static let installments = 1...12
  package static let securityPercent = -30...30
}
