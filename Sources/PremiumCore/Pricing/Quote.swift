/// Where a premium comes from.
public enum Basis: String, Sendable, Hashable, CaseIterable {
  /// The brochure prints this premium for exactly this facility and plan.
  case published
  /// Computed from the brochure's rates and formula (per-bed and per-capacity rates, re-pricing,
  /// security adjustments, several facilities).
  case formula
  /// From a model the brochure does not state: treat as indicative only.
  case estimate

  /// The one rule for both pricing paths: an estimate whenever any step assumed; the formula
  /// for rates per bed or person, or for several facilities; else the printed figure (a flat
  /// premium, or an example at its printed count).
  @inline(__always)
  static func of(_ table: TableBasis, facilities: Int, isEstimate: Bool) -> Basis {
    if isEstimate { return .estimate }
    switch table {
    case .perBed, .perCapacity: return .formula
    case .flat, .examples: return facilities > 1 ? .formula : .published
    }
  }
}

/// One step of a calculation, with its numbers, so that a figure can be explained.
public enum CalculationStep: Sendable, Hashable {
  /// A flat premium read from a table.
  case printedPremium(Yen)
  /// A printed installment and the annual amount it implies (kagoshima-ikyo: 2,600円 × 12).
  case printedInstallment(Yen, installments: Int, annual: Rational)
  /// 合計病床数.
  case totalBeds(general: Int, other: Int, total: Int)
  /// 修正病床数 for `count`, with its tier.
  case modifiedCount(count: Int, tier: ModifiedCountTier, result: Rational)
  /// 加重平均: (general × rate + other × rate) ÷ total.
  case weightedAverage(general: Int, generalRate: Yen, other: Int, otherRate: Yen, result: Rational)
  /// A per-bed or per-person rate read from a table.
  case unitRate(Yen, unit: FacilityCounts.Kind)
  /// rate × modified count.
  case rateTimesCount(rate: Rational, count: Rational, result: Rational)
  /// A premium printed at exactly this count.
  case printedExample(count: Int, premium: Yen)
  /// The fitted slope u = (p₂ − p₁) ÷ (mod(n₂) − mod(n₁)).
  case fittedSlope(low: PrintedPoint, high: PrintedPoint, slope: Rational)
  /// The line through the two printed examples: p₁ + u × (modified count − mod(n₁)).
  case fittedPremium(slope: Rational, modifiedCount: Rational, from: PrintedPoint, result: Rational)
  /// An option's printed premium added to the base plan's.
  case optionAdded(code: String, premium: Yen, result: Rational)
  /// セキュリティー割増引.
  case security(percent: Rational, result: Rational)
  /// × facilities.
  case facilities(count: Int, result: Rational)
  /// The printed group discount taken back out: ÷ (1 − d).
  case grossedUp(printedDiscountPercent: Rational, result: Rational)
  /// The requested group discount applied: × (1 − d).
  case discounted(percent: Rational, result: Rational)
  /// ÷ installments.
  case perInstallment(installments: Int, result: Rational)
  /// The one rounding: half up to 10 yen.
  case rounded(from: Rational, to: Yen, rule: RoundingRule)
  /// installment × installments = annual premium.
  case annualFromInstallments(installment: Yen, installments: Int, annual: Yen)
}

/// ``CalculationStep/PrintedPoint``, by the name the code uses.
package typealias PrintedPoint = CalculationStep.PrintedPoint

extension CalculationStep {
  /// A printed example with its modified count: the points the fitted model passes through.
  public struct PrintedPoint: Sendable, Hashable {
    public let count: Int
    public let modifiedCount: Rational
    public let premium: Yen

    init(count: Int, premium: Yen) throws(ArithmeticError) {
      self.count = count
      self.modifiedCount = try ModifiedCount.of(count)
      self.premium = premium
    }

    /// The fitted model's u (``ExampleModel``): the premium per modified bed between two printed
    /// examples, (p₂ − p₁) ÷ (mod(n₂) − mod(n₁)).
    static func slope(from low: PrintedPoint, to high: PrintedPoint) throws(ArithmeticError) -> Rational {
      try high.premium.rational.subtracting(low.premium.rational).divided(by: high.modifiedCount.subtracting(low.modifiedCount))
    }
  }
}

/// Something true of a quote that the user must be told, though it is priced.
public enum QuoteWarning: Sendable, Hashable {
  /// The program's contract period ended before the quote date.
  case periodEnded(Period)
  /// The quote date lies before the period starts.
  case periodNotStarted(Period)
  /// A later version of the program's book starts on `start` (from the brochure `source`): the
  /// quote date lies outside the version priced, before the next one.
  case nextVersion(start: CalendarDate, source: String)
  /// The brochure prints no dates (only a term, `保険期間1年`, if that): whether its rates are
  /// still current cannot be checked against any day.
  case periodNotPrinted(term: String?, edition: Program.Edition? = nil)
  /// A 病院 has at least 20 beds under the 医療法; 19 or fewer is a 診療所.
  case hospitalUnderTwentyBeds(beds: Int)
  /// A facility priced per facility: its beds are shown and do not change the premium.
  case bedsDoNotChangePremium(beds: Int, facility: FacilityKind)
  /// A count the table does not price by: left out of the premium.
  case countNotUsed(FacilityCounts.Kind, value: Int)
  /// An application day after a deadline the brochure prints (申込締切), with its words.
  case deadlinePassed(CalendarDate, text: String)
  /// General beds given for a 介護医療院, whose beds are 療養床 (一般病床以外 under the
  /// 介護保険法): priced at the general-bed rate as given, which is said with the rate used.
  case kaigoIryoinGeneralBeds(beds: Int, generalRate: Yen, otherRate: Yen)
}

/// A priced request: the premium, how it was reached, and what it covers.
public struct Quote: Sendable, Hashable {
  public let program: Program
  public let facility: FacilityKind
  public let plan: Plan
  public let option: PlanOption?
  /// The table the rates were read from.
  package let table: RateTable
  /// The plan's limits for this facility, with the option's cover added.
  public let limits: Limits
  /// Annual total, whole yen: installment × installments.
  public let premium: Yen
  public let installments: Int
  /// Yen per installment: the rounded figure.
  public let installmentPremium: Yen
  public let basis: Basis
  public let steps: [CalculationStep]
  /// The counts the quote used, as given (`counts[.generalBeds]`). A struct rather than a
  /// dictionary: a quote's first dictionary of a new key type costs start-up time.
  public let counts: FacilityCounts
  public let securityPercent: Rational
  public let facilities: Int
  /// The group discount of the result, in percent.
  /// nil when the brochure states no group discount.
  public let groupDiscountPercent: Rational?
  /// Why an estimate is an estimate; nil otherwise.
  public let estimateReason: EstimateReason?
  /// The brochure's installment as printed, nothing changed: the annual figure is the tool's
  /// multiple of it (000), with nothing rounded.
  public let installmentAsPrinted: Bool
  /// What the figure rests on that no brochure states.
  public let assumptions: [Assumption]
  public private(set) var warnings: [QuoteWarning]

  /// Whether the figure is at the conditions the brochure's premiums are printed at: no typed
  /// security adjustment, the printed group discount and payment mode.
  /// What the plan covers, as printed, and the heads its limits pay.
  package var cover: CoverSummary { CoverSummary(program: program, plan: plan, option: option, limits: limits) }

  /// The marks a comparison row shows for this quote: its cover's, then what its price and
  /// joining rest on as printed (会員, 基本契約, 割引込) and a premium paid in installments (12回払).
  package func marks(_ l: Language) -> [String] { cover.marks(l) + Self.conditionMarks(program, installments: installments, l) }

  /// The marks of what a program's prices and joining rest on, for a figure paid in
  /// `installments` a year.
  package static func conditionMarks(_ program: Program, installments: Int, _ l: Language) -> [String] {
    // A few kinds: searched as an array, since a set of a new element type costs every
    // start-up its generic metadata.
    let printed = program.conditions.importantMatters.map(\.kind)
    var out = conditionMarks(l).filter { printed.contains($0.0) }.map(\.1)
    if installments > 1 { out.append(installmentMark(installments, l)) }
    return out
  }

  private static func conditionMarks(_ l: Language) -> [(Conditions.ImportantMatter.Kind, String, String)] {
    [
      (.membership, l.pick("会員", "members"), l.pick("団体の会員であることが加入の条件とパンフレットに記載", "the brochure prints that membership of the association comes first")),
      (.otherPolicy, l.pick("基本契約", "base-policy"), l.pick("別の保険（基本契約）への加入が条件とパンフレットに記載", "the brochure prints that another policy (基本契約) comes first")),
      (
        .discountIncluded, l.pick("割引込", "disc-incl"),
        l.pick("掲載の保険料は事故歴割引などを適用済みとパンフレットに記載", "the brochure prints that its premiums already include a discount (claims history)")
      ),
    ]
  }

  private static func installmentMark(_ n: Int, _ l: Language) -> String { l.pick("\(n)回払", "\(n)-pay") }

  /// What each mark on `quotes`' rows means, those used only, in the legend's order.
  package static func legend(_ quotes: [Quote], _ l: Language) -> [(mark: String, meaning: String)] {
    legend(used: quotes.flatMap { $0.marks(l) }, l)
  }

  /// The same for the marks `used`, whatever rows carry them (a few: an array, not a set).
  package static func legend(used: some Collection<String>, _ l: Language) -> [(mark: String, meaning: String)] {
    guard !used.isEmpty else { return [] }
    var lines = CoverSummary.legend(l) + conditionMarks(l).map { ($0.1, $0.2) }
    // Every count a quote may be paid in (``InputRange/installments``): the legend of those used.
    for n in InputRange.installments where n > 1 && used.contains(installmentMark(n, l)) {
      lines.append(
        (installmentMark(n, l), l.pick("保険料は\(n)回払の1回分として掲載（年額はその\(n)倍）", "the brochure prints one of \(n) installments (the annual premium is \(n) times it)"))
      )
    }
    return lines.filter { used.contains($0.mark) }
  }

  /// The quote with `more` warnings after its own (what the catalog knows of other versions).
  package func adding(_ more: [QuoteWarning]) -> Quote {
    var quote = self
    quote.warnings += more
    return quote
  }

  public var isAtPrintedConditions: Bool {
    program.isAtPrintedConditions(securityPercent: securityPercent, groupDiscountPercent: groupDiscountPercent, installments: installments)
  }

  /// The brochure's notes for this figure, verbatim (``Program/notes(for:figureAtPrintedConditions:)``).
  public var brochureNotes: [String] {
    program.notes(for: facility, figureAtPrintedConditions: isAtPrintedConditions)
  }

  /// The tool's own notes on the brochure for this figure (``Program/toolNotes(for:figureAtPrintedConditions:)``),
  /// never shown as the brochure's.
  public var toolNotes: [String] {
    program.toolNotes(for: facility, figureAtPrintedConditions: isAtPrintedConditions)
  }

  /// The deductibles of the coverages this quote has.
  public var deductibles: [(coverage: Coverage, deductible: Yen)] {
    limits.entries.map { ($0.coverage, program.deductibles[$0.coverage]) }
  }
}

/// Why a quote is an estimate.
public enum EstimateReason: Sendable, Hashable {
  /// The count is not one of the printed ones; the premium comes from the fitted model.
  case fittedModel(printedCounts: [Int])
  /// The table is printed for other facilities and applied to this one by assumption.
  case assumedTable(reason: String)
  /// Re-priced at a group discount or payment mode the brochure does not print: the printed
  /// discount is grossed up and the other applied, a rule no brochure states.
  case repriced(groupDiscountPercent: Rational?, installments: Int)
  /// A security adjustment typed in: the insurer sets it from the disclosure form, and then
  /// the table's premium no longer applies (001 〈7〉).
  case securityAdjustment(percent: Rational)
  /// The modified-count formula, stated for beds, applied to a capacity where it changes the
  /// figure (50 and over).
  case modifiedCountOnCapacity(capacity: Int)
}

/// The counts a quote used, as given: beds and capacity, each nil when not given.
public struct FacilityCounts: Sendable, Hashable {
  public var generalBeds: Int?
  public var otherBeds: Int?
  public var capacity: Int?

  /// The count of one kind; nil when not given.
  public subscript(kind: Kind) -> Int? {
    get {
      switch kind {
      case .generalBeds: generalBeds
      case .otherBeds: otherBeds
      case .capacity: capacity
      }
    }
    set {
      switch kind {
      case .generalBeds: generalBeds = newValue
      case .otherBeds: otherBeds = newValue
      case .capacity: capacity = newValue
      }
    }
  }
}
