/// A quote as a JSON object for scripts: the same keys, in the same order, for `quote --format
/// json`, each entry of `plans --format json` and each priced row of a member list in JSON lines.
/// Amounts are integer yen, percentages exact decimals, words in English except the brochure's
/// own (names, payment mode, eligibility), which are Japanese as printed.
public enum QuoteJSON {
  /// The members of a quote's object, in order; with `rates`, a last `rate_source` member:
  /// `built-in` or the rate file's path.
  public static func members(_ q: Quote, rates: Catalog.Entry? = nil) -> [(String, JSONOutput)] {
    var members = fields.map { ($0.key, $0.value(q)) }
    if let rates { members.append(("rate_source", Wording.rateSourceJSON(rates))) }
    return members
  }

  /// ``members(_:rates:)`` as an object.
  public static func object(_ q: Quote, rates: Catalog.Entry? = nil) -> JSONOutput {
    .object(members(q, rates: rates))
  }

  /// The keys of ``members(_:rates:)`` without `rate_source`, in order: a member-list row that
  /// could not be priced has the same ones.
  public static let keys = fields.map(\.key)

  /// `liability`, `incident_response`, `lost_profit`, `business_continuation`: yen, null where
  /// the plan has no such cover.
  public static func limits(_ limits: Limits) -> JSONOutput {
    .object([
      ("liability", .yen(limits.liability)),
      ("incident_response", .yen(limits.incidentResponse)),
      ("lost_profit", .yen(limits.lostProfit)),
      ("business_continuation", .yen(limits.businessContinuation)),
    ])
  }

  /// Each assumption as `id`, `text` (English) and `rests_on` (the brochure line it rests on).
  public static func assumptions(_ assumptions: [Assumption]) -> JSONOutput {
    .array(assumptions.map { a in
      .object([("id", .string(a.kind.rawValue)), ("text", .string(Wording.assumption(a, .en))), ("rests_on", .string(a.restsOn))])
    })
  }

  /// One list for both the object and ``keys``.
  private static let fields: [(key: String, value: @Sendable (Quote) -> JSONOutput)] = [
    ("program", { .string($0.program.id) }),
    ("program_name", { .string(Wording.programTitle($0.program)) }),
    ("facility", { .string($0.facility.rawValue) }),
    ("plan", { .string($0.plan.code) }),
    ("option", { .string($0.option?.code) }),
    ("premium", { .yen($0.premium) }),
    ("installments", { .integer($0.installments) }),
    ("installment_premium", { .yen($0.installmentPremium) }),
    ("basis", { .string($0.basis.rawValue) }),
    ("limits", { limits($0.limits) }),
    ("deductibles", { .object($0.deductibles.map { ($0.coverage.rawValue, .yen($0.deductible)) }) }),
    ("general_beds", { .integer($0.counts[.generalBeds]) }),
    ("other_beds", { .integer($0.counts[.otherBeds]) }),
    ("capacity", { .integer($0.counts[.capacity]) }),
    ("facilities", { .integer($0.facilities) }),
    ("security_percent", { .decimal($0.securityPercent) }),
    ("group_discount_percent", { .decimal($0.groupDiscountPercent) }),
    ("payment", { q in .string(q.installments == q.program.installments ? q.program.payment : Wording.payment(q.installments, .ja)) }),
    ("source", { .string(Wording.source($0)) }),
    ("estimate_reason", { .string($0.estimateReason.map { Wording.estimateReason($0, .en) }) }),
    ("assumptions", { assumptions($0.assumptions) }),
    ("eligibility", { .string($0.program.eligibility) }),
    ("aggregate_cap", { q in
      q.program.conditions.aggregateCap.map { .object([("text", .string($0.text)), ("source", .string($0.source))]) } ?? .null
    }),
    ("deadlines", { .array($0.program.conditions.deadlines.map { .string($0) }) }),
    ("warnings", { q in .array(q.warnings.map { .string(Wording.warning($0, programID: q.program.id, .en)) }) }),
  ]
}
