import TestSupport
import Foundation
import Testing

/// A fraction for checking explanations, independent of PremiumCore's Rational.
private struct Fraction: Equatable {
  var n: Int128
  var d: Int128

  init(_ n: Int128, _ d: Int128 = 1) {
    var g = Fraction.gcd(n.magnitude, d.magnitude)
    if g == 0 { g = 1 }
    let sign: Int128 = d < 0 ? -1 : 1
    self.n = sign * n / Int128(g)
    self.d = sign * d / Int128(g)
  }

  /// "77.4", "-10", "3595" or "1/3".
  init?(_ json: Any?) {
    if let number = json as? NSNumber { self.init(Int128(number.int64Value)); return }
    guard let text = json as? String else { return nil }
    if let slash = text.firstIndex(of: "/") {
      guard let n = Int64(text[..<slash]), let d = Int64(text[text.index(after: slash)...]) else { return nil }
      self.init(Int128(n), Int128(d))
      return
    }
    let negative = text.hasPrefix("-")
    let digits = negative ? String(text.dropFirst()) : text
    let parts = digits.split(separator: ".")
    guard let whole = Int64(parts[0]) else { return nil }
    var value = Fraction(Int128(whole))
    if parts.count == 2, let fraction = Int64(parts[1]) {
      var scale: Int128 = 1
      for _ in 0..<parts[1].count { scale *= 10 }
      value = value + Fraction(Int128(fraction), scale)
    }
    self = negative ? Fraction(-value.n, value.d) : value
  }

  static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 { b == 0 ? a : gcd(b, a % b) }
  static func + (a: Fraction, b: Fraction) -> Fraction { Fraction(a.n * b.d + b.n * a.d, a.d * b.d) }
  static func - (a: Fraction, b: Fraction) -> Fraction { Fraction(a.n * b.d - b.n * a.d, a.d * b.d) }
  static func * (a: Fraction, b: Fraction) -> Fraction { Fraction(a.n * b.n, a.d * b.d) }
  static func / (a: Fraction, b: Fraction) -> Fraction { Fraction(a.n * b.d, a.d * b.n) }
  var floor: Int128 { n >= 0 ? n / d : -((-n + d - 1) / d) }
}

/// `quote --explain --format json`: every step's result follows from its own numbers, each
/// step feeds the next, and the last rounding is the quoted premium.
@Suite struct ExplainTests {
  static let extraCases: [[String]] = [
    ["--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "100", "--other-beds", "20", "--security", "-10"],
    ["--program", "byoin-kyosaikai", "--facility", "roken", "--plan", "S7", "--capacity", "750", "--security", "7.5"],
    ["--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S2", "--other-beds", "333", "--installments", "12", "--group-discount", "5"],
    ["--program", "fukuoka-ishikai", "--facility", "hospital", "--plan", "P20000", "--general-beds", "1234"],
    ["--program", "fukuoka-ishikai", "--facility", "kaigo-iryoin", "--plan", "S3", "--capacity", "30"],
    ["--program", "kumamoto-hokeni", "--facility", "clinic", "--plan", "D", "--option", "c", "--facilities", "7"],
    ["--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--group-discount", "10", "--installments", "12"],
    ["--program", "kagoshima-ikyo", "--facility", "clinic", "--plan", "S7", "--installments", "1"],
  ]

  static var cases: [[String]] {
    BrochureFigure.all.map { figure in
      var arguments: [String] = []
      for (column, flag) in [
        ("program", "--program"), ("facility", "--facility"), ("plan", "--plan"), ("general_beds", "--general-beds"),
        ("other_beds", "--other-beds"), ("capacity", "--capacity"), ("option", "--option"),
      ] {
        if let value = figure.columns[column], !value.isEmpty { arguments += [flag, value] }
      }
      return arguments
    } + extraCases
  }

  @Test(arguments: cases)
  func stepsRecompute(_ arguments: [String]) throws {
    let result = CLIHarness.run(["quote", "--explain", "--format", "json"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let steps = try #require(object["steps"] as? [[String: Any]])
    var amount: Fraction?
    var average: Fraction?
    var modified: Fraction?
    var slope: Fraction?
    for step in steps {
      let kind = try #require(step["kind"] as? String)
      let value = { (key: String) -> Fraction? in Fraction(step[key]) }
      let result = try #require(value("result"), "\(kind)")
      switch kind {
      case "printed_premium", "printed_example":
        #expect(step["source"] is String)
        amount = result
      case "printed_installment":
        #expect(result == value("installment")! * value("installments")!)
        #expect(value("installment") == Fraction(object["installment_premium"]) || steps.count > 1)
        amount = result
      case "total_beds":
        #expect(result == value("general_beds")! + value("other_beds")!)
      case "modified_count":
        #expect(result == value("base")! + (value("count")! - value("excess_over")!) * value("percent")! / Fraction(100))
        modified = result
      case "weighted_average":
        let g = value("general_beds")!, o = value("other_beds")!
        #expect(result == (g * value("general_rate")! + o * value("other_rate")!) / (g + o))
        average = result
      case "rate_per_person":
        average = result
      case "rate_times_count":
        #expect(value("rate") == average && value("count") == modified)
        #expect(result == value("rate")! * value("count")!)
        amount = result
      case "fitted_slope":
        #expect(result == (value("high_premium")! - value("low_premium")!) / (value("high_modified_count")! - value("low_modified_count")!))
        slope = result
      case "fitted_premium":
        #expect(value("slope") == slope && value("modified_count") == modified)
        #expect(result == value("from_premium")! + value("slope")! * (value("modified_count")! - value("from_modified_count")!))
        amount = result
      case "option_added":
        #expect(result == amount! + value("premium")!)
        amount = result
      case "security":
        #expect(result == amount! * (Fraction(100) + value("percent")!) / Fraction(100))
        amount = result
      case "facilities":
        #expect(result == amount! * value("count")!)
        amount = result
      case "gross_up":
        #expect(result == amount! / (Fraction(1) - value("printed_discount_percent")! / Fraction(100)))
        amount = result
      case "discount":
        #expect(result == amount! * (Fraction(1) - value("percent")! / Fraction(100)))
        amount = result
      case "per_installment":
        #expect(result == amount! / value("installments")!)
        amount = result
      case "rounded":
        #expect(value("from") == amount)
        #expect(result == Fraction(((value("from")! / Fraction(10) + Fraction(1, 2)).floor) * 10))
        // The rounded figure is the installment, or the premium where no payment mode is printed.
        #expect(result == Fraction(object["installment_premium"] is NSNull ? object["premium"] : object["installment_premium"]))
        amount = result
      case "annual_from_installments":
        #expect(value("installment") == amount)
        #expect(result == value("installment")! * value("installments")!)
        #expect(result == Fraction(object["premium"]))
      default:
        Issue.record("unknown step kind \(kind)")
      }
    }
    // The last step gives the premium: rounded once, or a printed installment left as printed
    // (kagoshima-ikyo: installment × 12 is the annual premium; nothing to re-round).
    let last = steps.last?["kind"] as? String
    #expect(last == "rounded" || last == "annual_from_installments" || (last == "printed_installment" && steps.count == 1))
    if last == "printed_installment" { #expect(amount == Fraction(object["premium"])) }
  }
}
