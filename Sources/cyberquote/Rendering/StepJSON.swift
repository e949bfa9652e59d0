import PremiumCore

/// Calculation steps as data: the kind, every input and the result, exact (fractions as
/// decimals, or "n/d" when a decimal would not end), with the line a person reads.
enum StepJSON {
  static func steps(_ quote: Quote, _ l: Language) -> JSONOutput {
    .array(
      quote.steps.enumerated().map { i, step in
        var members: [(String, JSONOutput)] = [("step", .integer(i + 1))]
        members += fields(step)
        members.append(("text", .string(StepWording.line(step, quote: quote, l))))
        members.append(("source", .string(StepWording.source(step, quote: quote))))
        return .object(members)
      })
  }

  static func exact(_ r: Rational) -> JSONOutput {
    r.exactDecimalString().map { .string($0) } ?? .string(r.description)
  }

  static func fields(_ step: CalculationStep) -> [(String, JSONOutput)] {
    switch step {
    case .printedPremium(let y):
      [("kind", .string("printed_premium")), ("result", .yen(y))]
    case .printedInstallment(let y, let n, let annual):
      [("kind", .string("printed_installment")), ("installment", .yen(y)), ("installments", .integer(n)), ("result", exact(annual))]
    case .totalBeds(let g, let o, let t):
      [("kind", .string("total_beds")), ("general_beds", .integer(g)), ("other_beds", .integer(o)), ("result", .integer(t))]
    case .modifiedCount(let count, let tier, let result):
      [
        ("kind", .string("modified_count")), ("count", .integer(count)), ("base", .integer(tier.base)),
        ("excess_over", .integer(tier.excessOver)), ("percent", .integer(tier.percent)), ("result", exact(result)),
      ]
    case .weightedAverage(let g, let gr, let o, let orate, let result):
      [
        ("kind", .string("weighted_average")), ("general_beds", .integer(g)), ("general_rate", .yen(gr)),
        ("other_beds", .integer(o)), ("other_rate", .yen(orate)), ("result", exact(result)),
      ]
    case .unitRate(let y, _):
      [("kind", .string("rate_per_person")), ("result", .yen(y))]
    case .rateTimesCount(let rate, let count, let result):
      [("kind", .string("rate_times_count")), ("rate", exact(rate)), ("count", exact(count)), ("result", exact(result))]
    case .printedExample(let count, let premium):
      [("kind", .string("printed_example")), ("count", .integer(count)), ("result", .yen(premium))]
    case .fittedSlope(let low, let high, let slope):
      [
        ("kind", .string("fitted_slope")), ("low_count", .integer(low.count)), ("low_modified_count", exact(low.modifiedCount)),
        ("low_premium", .yen(low.premium)), ("high_count", .integer(high.count)), ("high_modified_count", exact(high.modifiedCount)),
        ("high_premium", .yen(high.premium)), ("result", exact(slope)),
      ]
    case .fittedPremium(let slope, let modified, let low, let result):
      [
        ("kind", .string("fitted_premium")), ("slope", exact(slope)), ("modified_count", exact(modified)),
        ("from_count", .integer(low.count)), ("from_modified_count", exact(low.modifiedCount)),
        ("from_premium", .yen(low.premium)), ("result", exact(result)),
      ]
    case .optionAdded(let code, let premium, let result):
      [("kind", .string("option_added")), ("option", .string(code)), ("premium", .yen(premium)), ("result", exact(result))]
    case .security(let percent, let result):
      [("kind", .string("security")), ("percent", exact(percent)), ("result", exact(result))]
    case .facilities(let count, let result):
      [("kind", .string("facilities")), ("count", .integer(count)), ("result", exact(result))]
    case .grossedUp(let discount, let result):
      [("kind", .string("gross_up")), ("printed_discount_percent", exact(discount)), ("result", exact(result))]
    case .discounted(let discount, let result):
      [("kind", .string("discount")), ("percent", exact(discount)), ("result", exact(result))]
    case .perInstallment(let n, let result):
      [("kind", .string("per_installment")), ("installments", .integer(n)), ("result", exact(result))]
    case .rounded(let from, let to, _):
      [("kind", .string("rounded")), ("rule", .string("half_up_to_10_yen")), ("from", exact(from)), ("result", .yen(to))]
    case .annualFromInstallments(let installment, let n, let annual):
      [("kind", .string("annual_from_installments")), ("installment", .yen(installment)), ("installments", .integer(n)), ("result", .yen(annual))]
    }
  }
}
