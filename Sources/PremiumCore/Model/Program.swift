/// One association's group cyber-insurance program, transcribed from its brochure.
public struct Program: Sendable, Hashable {
  /// `byoin-kyosaikai`: also the rate file's name.
  public let id: String
  /// The product as the brochure names it: `医療機関用サイバー保険`.
  public let name: String
  /// The association that runs the group, as printed; also its 保険契約者 where the brochure
  /// names it so (``policyholderPrinted``).
  public let policyholder: String
  /// Whether the brochure names the association as 保険契約者: if not, that role is 記載なし.
  public let policyholderPrinted: Bool
  /// 取扱代理店, when the brochure names one.
  public let agent: String?
  /// 引受保険会社, as the brochure prints it (which may be a former name).
  public let insurer: String
  /// A word on the insurer's name that is not the brochure's (its current name), marked so.
  public let insurerNote: String?
  /// The rounding rule as the brochure prints it (001「1円位四捨五入、10円単位」); nil where it
  /// prints none, and the tool's convention (the same rule, once, at the end) is said as such.
  package let rounding: SourcedText?
  /// Who may join, in the brochure's words: each part as printed (a brochure may say it in two
  /// places, 002's 業種 and its membership note); empty where the brochure prints none.
  public let eligibilityParts: [String]
  /// Who may join, as printed (its parts joined by 「／」); nil where the brochure prints none,
  /// shown as 記載なし.
  public var eligibility: String? { eligibilityParts.isEmpty ? nil : eligibilityParts.joined(separator: " ／ ") }
  /// Where the brochure says it (`001 〈1〉ご加入いただける方`), when it does.
  public let eligibilitySource: String?
  /// The kinds of applicant that may join at all; any other is not eligible.
  public let eligibleFacilities: [FacilityKind]
  /// The seed file the rates come from.
  public let source: String
  /// 保険期間, when the brochure states it.
  public let period: Period?
  /// The period as printed when it has no dates: `保険期間1年`.
  public let term: String?
  /// The edition of a brochure without a period, when the book says which one it is.
  public let edition: Edition?
  /// 団体割引 already applied in the printed figures, in percent (20 for 20%); nil when the
  /// brochure states none (and so the figures cannot be re-priced at another discount).
  public let groupDiscountPercent: Rational?
  /// Payments per year the printed figures assume: 1 for 一括払, 12 for 12回払. A brochure that
  /// states no mode prints the year's premium: 1.
  public let installments: Int
  /// The payment mode as printed: `一括払`, `12回払`; nil when the brochure states none.
  public let payment: String?
  /// The security surcharge/discount the program applies, if any.
  package let security: SecurityRule?
  /// Where the brochure prints no adjustment rate but says the insurer sets the premium from the
  /// disclosure form (告知内容) as well.
  package let disclosures: [Disclosure]
  /// What the program does with more than one facility on one contract.
  package let multipleFacilities: MultipleFacilities
  /// Why options are quoted on request, when the brochure mentions options it does not price.
  public let optionsOnRequest: String?
  /// Family letter → name as printed: `S` → `オールリスクプラン`.
  public let families: [String: String]
  /// What a family covers, as the brochure compares them (003 7.: 情報漏えい限定プラン has no
  /// cyber-attack cover), where that is not in its name alone.
  package let familyNotes: [String: SourcedText]
  /// What each plan family covers, as printed (family letter → cover); a family absent has
  /// nothing printed.
  package let cover: [String: FamilyCover]
  /// The program's own names for ① to ④ where they differ from the standard ones.
  public let coverageNames: [Coverage: String]
  package let deductibles: Deductibles
  /// In the brochure's order.
  public let plans: [Plan]
  /// Each plan's index in ``plans`` by its upper-cased code, so that a book of thousands of
  /// plans is looked up in constant time.
  private let planIndex: [String: Int]
  /// The table that prices each plan for each facility, by position in ``tables`` (the first,
  /// as ``table(for:plan:)`` finds it): a book of thousands of tables is looked up in constant time.
  /// Keyed by ``tableKey(_:_:)``: a dictionary of one more type costs every start-up its
  /// generic metadata.
  private let tableIndex: [String: Int]
  public let options: [PlanOption]
  package let tables: [RateTable]
  /// Combinations the brochure says cannot be had; checked first.
  package let notOffered: [AvailabilityRule]
  /// Combinations the brochure does not price; checked before any table.
  package let onRequest: [AvailabilityRule]
  /// Conditions a quote must mention (discounts already applied, joining rules), each for the
  /// facilities it concerns.
  package let notes: [ProgramNote]
  /// Aggregate cap, deadlines, mid-term joining and contacts, as printed.
  package let conditions: Conditions

  package init(
    id: String, name: String, policyholder: String, policyholderPrinted: Bool = true, agent: String?, insurer: String,
    insurerNote: String? = nil, rounding: SourcedText? = nil, eligibility: [String], eligibilitySource: String? = nil,
    eligibleFacilities: [FacilityKind] = FacilityKind.medical, source: String, period: Period?, term: String? = nil, edition: Edition? = nil,
    groupDiscountPercent: Rational?,
    installments: Int, payment: String?, security: SecurityRule?, disclosures: [Disclosure] = [],
    multipleFacilities: MultipleFacilities, optionsOnRequest: String?, families: [String: String], cover: [String: FamilyCover] = [:],
    familyNotes: [String: SourcedText] = [:],
    coverageNames: [Coverage: String], deductibles: Deductibles, plans: [Plan],
    options: [PlanOption], tables: [RateTable], notOffered: [AvailabilityRule] = [], onRequest: [AvailabilityRule], notes: [ProgramNote],
    conditions: Conditions = .none
  ) {
    self.id = id
    self.name = name
    self.policyholder = policyholder
    self.policyholderPrinted = policyholderPrinted
    self.agent = agent
    self.insurer = insurer
    self.insurerNote = insurerNote
    self.rounding = rounding
    self.eligibilityParts = eligibility
    self.eligibilitySource = eligibilitySource
    self.eligibleFacilities = eligibleFacilities
    self.source = source
    self.period = period
    self.term = term
    self.edition = edition
    self.groupDiscountPercent = groupDiscountPercent
    self.installments = installments
    self.payment = payment
    self.security = security
    self.disclosures = disclosures
    self.multipleFacilities = multipleFacilities
    self.optionsOnRequest = optionsOnRequest
    self.families = families
    self.familyNotes = familyNotes
    self.cover = cover
    self.coverageNames = coverageNames
    self.deductibles = deductibles
    self.plans = plans
    planIndex = Dictionary(plans.enumerated().map { ($1.code.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
    self.options = options
    self.tables = tables
    var tableIndex: [String: Int] = [:]
    for (t, table) in tables.enumerated() {
      for facility in FacilityKind.allCases where table.covers(facility) {
        for row in table.rows where tableIndex[Self.tableKey(facility, row.plan)] == nil { tableIndex[Self.tableKey(facility, row.plan)] = t }
      }
    }
    self.tableIndex = tableIndex
    self.notOffered = notOffered
    self.onRequest = onRequest
    self.notes = notes
    self.conditions = conditions
  }

  // MARK: - Lookup

  /// The plan with this code, ignoring case (`s4` finds `S4`).
  public func plan(_ code: String) -> Plan? {
    planIndex[code.uppercased()].map { plans[$0] }
  }

  public func option(_ code: String) -> PlanOption? {
    let wanted = code.lowercased()
    return options.first { $0.code.lowercased() == wanted }
  }

  /// The table that prices `plan` for `facility`, if any.
  package func table(for facility: FacilityKind, plan: String) -> RateTable? {
    tableIndex[Self.tableKey(facility, plan)].map { tables[$0] }
  }

  /// `hospital S4`: a facility and a plan code (a facility's raw value holds no space).
  private static func tableKey(_ facility: FacilityKind, _ plan: String) -> String { facility.rawValue + " " + plan }

  /// The rule that puts this combination on request, if any.
  package func onRequestRule(for facility: FacilityKind, plan: String?, option: String? = nil) -> AvailabilityRule? {
    onRequest.first { $0.applies(to: facility, plan: plan, option: option) }
  }

  /// The rule by which the brochure says this combination cannot be had, if any.
  package func notOfferedRule(for facility: FacilityKind, plan: String?, option: String? = nil) -> AvailabilityRule? {
    notOffered.first { $0.applies(to: facility, plan: plan, option: option) }
  }

  /// Why this facility, plan and option have no figure, when the rules say so: not eligible,
  /// not offered, or on request, in that order. nil leaves it to the tables.
  package func unavailability(for facility: FacilityKind, plan: String?, option: String? = nil) -> Unavailability? {
    if !eligibleFacilities.contains(facility) {
      // Where the brochure prints no rule, its title names whom it is for (000:
      // 医療機関用団体サイバー保険): not "記載なし", which would say nothing and yet refuse.
      return Unavailability(status: .notEligible, reason: eligibility ?? "パンフレットの題名「\(name)」による。加入資格の記載なし", source: eligibilitySource)
    }
    if let rule = notOfferedRule(for: facility, plan: plan, option: option) {
      return Unavailability(status: .notOffered, reason: rule.reason, source: rule.source)
    }
    if let rule = onRequestRule(for: facility, plan: plan, option: option) {
      return Unavailability(status: .onRequest, reason: rule.reason, source: rule.source)
    }
    return nil
  }

  /// The limits of `plan` as they apply to `facility`.
  public func limits(of plan: Plan, for facility: FacilityKind) -> Limits {
    table(for: facility, plan: plan.code)?.limitOverrides[plan.code] ?? plan.limits
  }

  /// Plans that have a price or an on-request answer for `facility`, in brochure order.
  public func plansOffered(to facility: FacilityKind) -> [Plan] {
    guard eligibleFacilities.contains(facility) else { return [] }
    return plans.filter {
      notOfferedRule(for: facility, plan: $0.code) == nil
        && (table(for: facility, plan: $0.code) != nil || onRequestRule(for: facility, plan: $0.code) != nil)
    }
  }

  /// What the brochure says about the disclosure form for `facility`, if anything.
  package func disclosure(for facility: FacilityKind) -> Disclosure? {
    disclosures.first { $0.facilities.contains(facility) }
  }

  /// The brochure's conditions that concern `facility`.
  /// The first day this version of the program is for: its period's start, or for a brochure
  /// without a period, its edition's; nil for an undated book without an edition (the earliest).
  package var versionStart: CalendarDate? { period?.start ?? edition?.issued }

  /// Whether `other` is this same version of the program (the same period, or the same edition):
  /// one then replaces the other.
  package func isSameVersion(as other: Program) -> Bool {
    period == other.period && edition?.issued == other.edition?.issued
  }

  /// The brochure's notes for `facility`, as printed (not the tool's).
  public func notes(for facility: FacilityKind) -> [String] {
    notes.filter { !$0.byTool && $0.applies(to: facility) }.map(\.text)
  }

  /// Whether a figure with these adjustments (nil: none asked for) is at the conditions the
  /// brochure prints its premiums at: no security adjustment, the printed group discount and
  /// payment mode.
  package func isAtPrintedConditions(securityPercent: Rational?, groupDiscountPercent: Rational?, installments: Int?) -> Bool {
    (securityPercent ?? .zero) == .zero && (groupDiscountPercent ?? self.groupDiscountPercent) == self.groupDiscountPercent
      && (installments ?? self.installments) == self.installments
  }

  /// ``notes(for:)`` that describe a figure priced at `conditions`: a note on the printed
  /// premiums' conditions is left out of a figure away from them (re-priced, or with a typed
  /// security adjustment), which it would misdescribe.
  public func notes(for facility: FacilityKind, figureAtPrintedConditions: Bool) -> [String] {
    notes(for: facility, figureAtPrintedConditions: figureAtPrintedConditions, byTool: false)
  }

  /// The tool's notes for `facility` (sentences it composes about the brochure), which screens
  /// show labelled as the tool's.
  public func toolNotes(for facility: FacilityKind, figureAtPrintedConditions: Bool) -> [String] {
    notes(for: facility, figureAtPrintedConditions: figureAtPrintedConditions, byTool: true)
  }

  private func notes(for facility: FacilityKind, figureAtPrintedConditions: Bool, byTool: Bool) -> [String] {
    notes.filter { $0.byTool == byTool && $0.applies(to: facility) && (figureAtPrintedConditions || !$0.aboutPrintedFigures) }.map(\.text)
  }

  /// The name this program prints for `coverage`.
  public func name(of coverage: Coverage) -> String {
    coverageNames[coverage] ?? coverage.japaneseName
  }
}

/// The security surcharge/discount (セキュリティー割増引) a program applies from the disclosure form.
package struct SecurityRule: Sendable, Hashable {
  /// In percent, for example −30…+30.
  package let minimumPercent: Int
  package let maximumPercent: Int
  package let facilities: [FacilityKind]

  package init(minimumPercent: Int, maximumPercent: Int, facilities: [FacilityKind]) {
    self.minimumPercent = minimumPercent
    self.maximumPercent = maximumPercent
    self.facilities = facilities
  }
}

/// Facilities whose premium the insurer sets from the disclosure form, in the brochure's words.
package struct Disclosure: Sendable, Hashable {
  package let facilities: [FacilityKind]
  /// `保険料は、病床数および告知内容に基づいて算出します。`
  package let text: String

  package init(facilities: [FacilityKind], text: String) {
    self.facilities = facilities
    self.text = text
  }
}

/// How a program treats several facilities on one contract.
package enum MultipleFacilities: Sendable, Hashable {
  /// Each facility joins on its own contract (quote them one by one).
  case separateContracts
  /// The premium is proportional to the number of facilities.
  case proportional
  /// Facilities sharing one limit are quoted on request.
  case onRequest(reason: String)
}

/// A combination of facilities and plans (with an option, or any) that the brochure does not
/// price: quoted on request, or not offered at all.
package struct AvailabilityRule: Sendable, Hashable {
  /// Empty means every facility.
  package let facilities: [FacilityKind]
  /// Empty means every plan.
  package let plans: [String]
  /// The rule applies only when an option is asked for (003: P plans take no option).
  package let withOption: Bool
  /// The brochure's words, or ours where it is silent.
  package let reason: String
  /// The brochure line it rests on (`003 9.(注2)`).
  package let source: String?

  package init(facilities: [FacilityKind], plans: [String], withOption: Bool = false, reason: String, source: String? = nil) {
    self.facilities = facilities
    self.plans = plans
    self.withOption = withOption
    self.reason = reason
    self.source = source
  }

  package func applies(to facility: FacilityKind, plan: String?, option: String? = nil) -> Bool {
    guard facilities.isEmpty || facilities.contains(facility) else { return false }
    guard !withOption || option != nil else { return false }
    guard !plans.isEmpty else { return true }
    guard let plan else { return false }
    return plans.contains(plan)
  }
}

/// Whether a facility, plan and option can be priced: the three ways the brochures say no.
package enum Availability: String, Sendable, Hashable, CaseIterable {
  /// A table prices it.
  case priced
  /// The brochure says to ask: T plans, dental clinics in 003, shared limits.
  case onRequest = "on_request"
  /// The brochure says it cannot be had: 003's P plans with an option, 001's '-' cells.
  case notOffered = "not_offered"
  /// This applicant cannot join the program at all (jhef is for service businesses only).
  case notEligible = "not_eligible"
}

/// Why there is no figure, with the brochure line it rests on.
package struct Unavailability: Sendable, Hashable {
  package let status: Availability
  package let reason: String
  package let source: String?
}

extension Program {
  /// The printed deadlines (申込締切 and the like) as dates, each with its words. A date printed
  /// without a year (002「2月28日（金）」) is read as the last such day before the period starts,
  /// and kept only where the printed weekday agrees with that day.
  public var deadlineDates: [(date: CalendarDate, text: String)] {
    conditions.deadlines.compactMap { text in
      guard let found = JapaneseDates.scan(text).last else { return nil }
      if let date = found.date { return (date, text) }
      guard let start = period?.start else { return nil }
      let candidates = [start.year, start.year - 1].compactMap { CalendarDate(year: $0, month: found.month, day: found.day) }
      guard let date = candidates.first(where: { $0 <= start }) else { return nil }
      guard found.weekday.map({ $0 == JapaneseDates.weekday(of: date) }) ?? true else { return nil }
      return (date, text)
    }
  }

  /// The printed deadlines an application received on `day` has missed.
  public func deadlinesPassed(applyingOn day: CalendarDate) -> [QuoteWarning] {
    deadlineDates.filter { day > $0.date }.map { .deadlinePassed($0.date, text: $0.text) }
  }
}
