/// ``FacilityCounts/Kind``, by the name the code uses.
package typealias CountKind = FacilityCounts.Kind

extension FacilityCounts {
  /// What a count in a request measures.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// 一般病床: general licensed beds.
    case generalBeds = "general_beds"
    /// 一般病床以外 (療養・精神・結核他): other licensed beds.
    case otherBeds = "other_beds"
    /// 定員: capacity in persons.
    case capacity
  }
}

/// What a printed flat figure is.
package enum PrintedAmount: String, Sendable, Hashable {
  /// 年間保険料: the annual premium.
  case annual
  /// 1回分保険料: one installment (kagoshima-ikyo prints the monthly amount of 12).
  case installment
}

/// How a table turns a facility into a premium.
package enum TableBasis: Sendable, Hashable {
  /// 許可病床1病床あたり保険料: two rates per plan, general and other beds; premium =
  /// weighted average × modified count of all beds.
  case perBed
  /// 定員1名あたり保険料: one rate per plan; premium = rate × modified count of the capacity.
  case perCapacity
  /// 1施設あたり保険料: one printed figure per plan and facility.
  case flat(PrintedAmount)
  /// Premiums printed at a few counts only (fukuoka-ishikai's 50 and 100); other counts come
  /// from `model`, fitted to the printed figures, and are estimates.
  case examples(unit: CountKind, counts: [Int], model: ExampleModel)

  /// A figure per facility, whatever its size.
  package var isFlat: Bool {
    if case .flat = self { return true }
    return false
  }
}

/// The model fitted to printed examples: premium = u × (modified count + `offset`), where u is
/// the slope between the first two printed counts, (p₂ − p₁) ÷ (mod(n₂) − mod(n₁)).
package struct ExampleModel: Sendable, Hashable {
  package let offset: Int

  package init(offset: Int) {
    self.offset = offset
  }
}

/// One row of a table: a plan and its printed figures, in the table's column order.
package struct RateRow: Sendable, Hashable {
  package let plan: String
  /// perBed: [general, other]; perCapacity and flat: [rate]; examples: one premium per count.
  package let values: [Yen]

  package init(plan: String, values: [Yen]) {
    self.plan = plan
    self.values = values
  }
}

/// One rate table of a brochure, as printed.
package struct RateTable: Sendable, Hashable {
  /// Unique within its program: `hospital`, `clinic-s1000`.
  package let id: String
  /// The brochure's heading: `病院・介護医療院 許可病床1病床あたり保険料`.
  package let title: String
  /// Where it is printed: `〈6〉保険料の計算`.
  package let source: String
  /// The facilities the brochure prints this table for.
  package let facilities: [FacilityKind]
  /// Facilities priced from this table by assumption; their quotes are estimates.
  package let estimatedFacilities: [FacilityKind]
  /// Why `estimatedFacilities` may use this table.
  package let estimateReason: String?
  /// Facilities the brochure's words include without naming them (002's 業種「診療所」 holds a
  /// dental clinic): priced from the printed figures, with the reading shown as an assumption.
  package let readFacilities: [FacilityKind]
  /// How the brochure's words are read to include `readFacilities`, and the line they are in.
  package let reading: SourcedText?
  package let basis: TableBasis
  /// The printed column headings of the figures: `一般病床`, `50床`, `1回分保険料`.
  package let columns: [String]
  /// In the brochure's order.
  package let rows: [RateRow]
  /// Each row's index by its plan code: a table of thousands of rows is looked up in constant time.
  private let rowIndex: [String: Int]
  /// Limits that differ from the plan's defaults for the facilities of this table.
  package let limitOverrides: [String: Limits]

  package init(
    id: String, title: String, source: String, facilities: [FacilityKind],
    estimatedFacilities: [FacilityKind] = [], estimateReason: String? = nil,
    readFacilities: [FacilityKind] = [], reading: SourcedText? = nil,
    basis: TableBasis, columns: [String], rows: [RateRow], limitOverrides: [String: Limits] = [:]
  ) {
    self.id = id
    self.title = title
    self.source = source
    self.facilities = facilities
    self.estimatedFacilities = estimatedFacilities
    self.estimateReason = estimateReason
    self.readFacilities = readFacilities
    self.reading = reading
    self.basis = basis
    self.columns = columns
    self.rows = rows
    rowIndex = Dictionary(rows.enumerated().map { ($1.plan, $0) }, uniquingKeysWith: { first, _ in first })
    self.limitOverrides = limitOverrides
  }

  package func covers(_ facility: FacilityKind) -> Bool {
    prints(for: facility) || estimatedFacilities.contains(facility)
  }

  /// The printed figures are this facility's: named by the brochure, or included by its words.
  package func prints(for facility: FacilityKind) -> Bool {
    facilities.contains(facility) || readFacilities.contains(facility)
  }

  package func row(for plan: String) -> RateRow? {
    rowIndex[plan].map { rows[$0] }
  }
}
