import PremiumCore

/// One line per calculation step, in the brochures' own terms.
enum StepWording {
  static func lines(_ quote: Quote, _ l: Language) -> [String] {
    quote.steps.map { line($0, quote: quote, l) }
  }

  /// Whether a step reads figures from the rate table (and so names its source).
  static func usesRates(_ step: CalculationStep) -> Bool {
    switch step {
    case .printedPremium, .printedInstallment, .weightedAverage, .unitRate, .printedExample, .fittedSlope, .optionAdded: true
    default: false
    }
  }

  /// The brochure line a step reads its figure from: an option's premium is printed on its own
  /// line (002 「オプション 利益補償 a … 保険料 50,210円」), the rest in the quote's table.
  static func source(_ step: CalculationStep, quote: Quote) -> String? {
    guard usesRates(step) else { return nil }
    if case .optionAdded = step, let option = quote.option {
      return "\(quote.program.source) \(quote.table.source) オプション \(option.name) 保険料"
    }
    return Wording.source(quote)
  }

  static func line(_ step: CalculationStep, quote: Quote, _ l: Language) -> String {
    let y = Wording.yen as (Rational) -> String
    let n = Wording.number
    let plan = quote.plan.code
    switch step {
    case .printedPremium(let premium):
      return l.pick("\(quote.table.title) \(plan): \(Wording.yen(premium))", "\(quote.table.title) \(plan): \(Wording.yen(premium))")
    case .printedInstallment(let installment, let count, let annual):
      return l.pick(
        "1回分保険料 \(Wording.yen(installment)) × \(count)回 = 年間 \(y(annual))",
        "installment \(Wording.yen(installment)) × \(count) = \(y(annual)) a year")
    case .totalBeds(let general, let other, let total):
      if general > 0, other > 0 {
        return l.pick("合計病床数 = 一般病床 \(general)床 + 一般病床以外 \(other)床 = \(total)床", "total beds = \(general) general + \(other) other = \(total)")
      }
      return l.pick("合計病床数 \(total)床", "total beds \(total)")
    case .modifiedCount(let count, let tier, let result):
      let label = quote.counts[.capacity] != nil ? l.pick("修正定員数", "modified capacity") : l.pick("修正病床数", "modified bed count")
      // The formula is byoin-kyosaikai's 〈6〉〈ご参考〉, stated for beds; on a capacity it is an
      // assumption (see `modified-count-on-capacity`), and fukuoka-ishikai's model borrows it.
      let source =
        quote.counts[.capacity] != nil
        ? l.pick("（001 〈6〉の病床数の計算式を定員に適用。前提を参照）", " (001 〈6〉's formula for beds, applied to capacity: see the assumptions)")
        : l.pick("（001 〈6〉の計算式）", " (001 〈6〉)")
      if tier.percent == 100 {
        return l.pick("\(label) = \(count)（50未満はそのまま）", "\(label) = \(count) (under 50: unchanged)") + source
      }
      return "\(label) = \(tier.base) + (\(count) − \(tier.excessOver)) × \(tier.percent)% = \(n(result))" + source
    case .weightedAverage(let general, let generalRate, let other, let otherRate, let result):
      if other == 0 {
        return l.pick("1病床あたり保険料（一般病床）\(Wording.yen(generalRate))", "rate per general bed \(Wording.yen(generalRate))")
      }
      if general == 0 {
        return l.pick("1病床あたり保険料（一般病床以外）\(Wording.yen(otherRate))", "rate per other bed \(Wording.yen(otherRate))")
      }
      let g = YenFormat.grouped(generalRate.amount)
      let o = YenFormat.grouped(otherRate.amount)
      return l.pick("加重平均", "weighted average")
        + " = (\(general) × \(g) + \(other) × \(o)) ÷ \(general + other) = \(y(result))"
    case .unitRate(let rate, _):
      return l.pick("定員1名あたり保険料 \(Wording.yen(rate))", "rate per person of capacity \(Wording.yen(rate))")
    case .rateTimesCount(let rate, let count, let result):
      return "\(n(rate)) × \(n(count)) = \(y(result))"
    case .printedExample(let count, let premium):
      let unit = quote.counts[.capacity] != nil ? l.pick("人", " persons") : l.pick("床", " beds")
      return l.pick(
        "\(quote.table.title) \(plan) \(count)\(unit): \(Wording.yen(premium))", "\(quote.table.title) \(plan) at \(count)\(unit): \(Wording.yen(premium))")
    case .fittedSlope(let low, let high, let slope):
      let unit = quote.counts[.capacity] != nil ? "人" : "床"
      let span = "\(n(high.modifiedCount)) − \(n(low.modifiedCount))"
      return l.pick(
        "掲載例の傾き u = (\(high.count)\(unit) \(Wording.yen(high.premium)) − \(low.count)\(unit) \(Wording.yen(low.premium))) ÷ (修正数 \(span)) = \(y(slope))",
        "slope u = (\(Wording.yen(high.premium)) at \(high.count) − \(Wording.yen(low.premium)) at \(low.count)) ÷ (modified \(span)) = \(y(slope))")
    case .fittedPremium(let slope, let modified, let low, let result):
      let step = (try? modified.subtracting(low.modifiedCount)) ?? modified
      return
        "\(Wording.yen(low.premium)) + u × (\(n(modified)) − \(n(low.modifiedCount))) = \(Wording.yen(low.premium)) + \(n(slope)) × \(n(step)) = \(y(result))"
    case .optionAdded(let code, let premium, let result):
      let name = quote.option?.name ?? code
      return l.pick("\(name) \(Wording.yen(premium)) を加算 → \(y(result))", "plus option \(name) \(Wording.yen(premium)) → \(y(result))")
    case .security(let percent, let result):
      return l.pick("セキュリティー割増引", "security adjustment") + " \(Wording.percent(percent, l, signed: true)) → \(y(result))"
    case .facilities(let count, let result):
      return l.pick("× \(count)施設 → \(y(result))", "× \(count) facilities → \(y(result))")
    case .grossedUp(let discount, let result):
      return l.pick(
        "パンフレット記載の団体割引\(Wording.percent(discount, l))を割り戻す ÷ (1 − \(Wording.percent(discount, l))) → \(y(result))",
        "gross up the brochure's group discount of \(Wording.percent(discount, l)): ÷ (1 − \(Wording.percent(discount, l))) → \(y(result))")
    case .discounted(let discount, let result):
      return l.pick(
        "団体割引\(Wording.percent(discount, l))を適用 × (1 − \(Wording.percent(discount, l))) → \(y(result))",
        "apply a group discount of \(Wording.percent(discount, l)): × (1 − \(Wording.percent(discount, l))) → \(y(result))")
    case .perInstallment(let count, let result):
      return l.pick("÷ \(count)回 → \(y(result))", "÷ \(count) installments → \(y(result))")
    case .rounded(let from, let to, _):
      // The brochure's own rule where it prints one (001); elsewhere the tool's, said so.
      let rule =
        quote.program.rounding.map { l.pick("（\($0.text)。\($0.source)）", " (as printed: \($0.text), \($0.source))") }
        ?? l.pick("（パンフレットに端数処理の記載はなく、この計算の決まりです）", " (the brochure prints no rounding rule: the tool's convention)")
      return l.pick("10円単位に四捨五入\(rule) \(y(from)) → \(Wording.yen(to))", "rounded half up to 10 yen\(rule): \(y(from)) → \(Wording.yen(to))")
    case .annualFromInstallments(let installment, let count, let annual):
      return l.pick(
        "年間保険料 = \(Wording.yen(installment)) × \(count)回 = \(Wording.yen(annual))",
        "annual premium = \(Wording.yen(installment)) × \(count) = \(Wording.yen(annual))")
    }
  }
}
