/// A quote as a JSON object for scripts: the same keys, in the same order, for `quote --format
/// json`, each entry of `plans --format json` and each priced row of a member list in JSON lines.
/// Amounts are integer yen, percentages exact decimals; ids and keys are ASCII, the tool's words
/// (assumptions, warnings, the estimate's reason) in the language asked for, and the brochure's
/// own (names, payment mode, eligibility) Japanese as printed.
package enum QuoteJSON {
  /// The members of a quote's object, in order; with `rates`, a last `rate_source` member:
  /// `built-in` or the rate file's path.
  package static func members(_ q: Quote, language: Language, rates: Catalog.Entry? = nil) -> [(String, JSONOutput)] {
    var members = fields.map { ($0.key, $0.value(q, language)) }
    if let rates { members.append(("rate_source", QuoteJSON.rateSource(rates))) }
    return members
  }

  /// ``members(_:language:rates:)`` as an object.
  package static func object(_ q: Quote, language: Language, rates: Catalog.Entry? = nil) -> JSONOutput {
    .object(members(q, language: language, rates: rates))
  }

  /// The keys of ``members(_:language:rates:)`` without `rate_source`, in order: a member-list row that
  /// could not be priced has the same ones.
  package static let keys = fields.map(\.key)

  /// `liability`, `incident_response`, `lost_profit`, `business_continuation`: yen, null where
  /// the plan has no such cover.
  package static func limits(_ limits: Limits) -> JSONOutput {
    .object([
      ("liability", .yen(limits.liability)),
      ("incident_response", .yen(limits.incidentResponse)),
      ("lost_profit", .yen(limits.lostProfit)),
      ("business_continuation", .yen(limits.businessContinuation)),
    ])
  }

  /// Each assumption as `id`, `text` and `rests_on` (the brochure line it rests on).
  package static func assumptions(_ assumptions: [Assumption], _ l: Language) -> JSONOutput {
    .array(
      assumptions.map { a in
        .object([("id", .string(a.kind.rawValue)), ("text", .string(Wording.assumption(a, l))), ("rests_on", .string(a.restsOn))])
      })
  }

  /// Whether the figure's payment mode is one the brochure prints (or one asked for).
  static func paymentPrinted(_ q: Quote) -> Bool {
    PricingRoute.Terms.statesPayment(printed: q.program.payment != nil, printedInstallments: q.program.installments, installments: q.installments)
  }

  /// One list for both the object and ``keys``.
  private static let fields: [(key: String, value: @Sendable (Quote, Language) -> JSONOutput)] = [
    ("program", { q, _ in .string(q.program.id) }),
    ("program_name", { q, _ in .string(Wording.programTitle(q.program)) }),
    ("facility", { q, _ in .string(q.facility.rawValue) }),
    ("plan", { q, _ in .string(q.plan.code) }),
    ("option", { q, _ in .string(q.option?.code) }),
    ("premium", { q, _ in .yen(q.premium) }),
    // null where the brochure prints no payment mode, as the text says.
    ("installments", { q, _ in paymentPrinted(q) ? .integer(q.installments) : .null }),
    ("installment_premium", { q, _ in paymentPrinted(q) ? .yen(q.installmentPremium) : .null }),
    ("basis", { q, _ in .string(q.basis.rawValue) }),
    ("limits", { q, _ in limits(q.limits) }),
    ("deductibles", { q, _ in .object(q.deductibles.map { ($0.coverage.rawValue, .yen($0.deductible)) }) }),
    ("general_beds", { q, _ in .integer(q.counts[.generalBeds]) }),
    ("other_beds", { q, _ in .integer(q.counts[.otherBeds]) }),
    ("capacity", { q, _ in .integer(q.counts[.capacity]) }),
    ("facilities", { q, _ in .integer(q.facilities) }),
    ("security_percent", { q, _ in .decimal(q.securityPercent) }),
    ("group_discount_percent", { q, _ in .decimal(q.groupDiscountPercent) }),
    ("payment", { q, _ in .string(q.installments == q.program.installments ? q.program.payment : Wording.payment(q.installments, .ja)) }),
    ("source", { q, _ in .string(Wording.source(q)) }),
    ("estimate_reason", { q, l in .string(q.estimateReason.map { Wording.estimateReason($0, l) }) }),
    ("assumptions", { q, l in assumptions(q.assumptions, l) }),
    ("eligibility", { q, _ in .string(q.program.eligibility) }),
    ("coverage", { q, _ in q.cover.json }),
    // What joining and the printed premiums rest on, as printed; empty where nothing is.
    (
      "price_conditions",
      { q, _ in
        .array(
          Conditions.ImportantMatter.Kind.priceConditions.flatMap { q.program.conditions.importantMatters($0) }.map { m in
            .object([("kind", .string(m.kind.rawValue)), ("text", .string(m.text)), ("source", .string(m.source))])
          })
      }
    ),
    (
      "aggregate_cap",
      { q, _ in
        q.program.conditions.aggregateCap.map { .object([("text", .string($0.text)), ("source", .string($0.source))]) } ?? .null
      }
    ),
    ("deadlines", { q, _ in .array(q.program.conditions.deadlines.map { .string($0) }) }),
    ("warnings", { q, l in .array(q.warnings.map { .string(Wording.warning($0, programID: q.program.id, l)) }) }),
  ]
}

extension QuoteJSON {
  /// Where a program's rates come from, for scripts: `built-in` or the file's path.
  package static func rateSource(_ entry: Catalog.Entry) -> JSONOutput {
    .string(entry.isBuiltIn ? "built-in" : entry.origin)
  }
}
