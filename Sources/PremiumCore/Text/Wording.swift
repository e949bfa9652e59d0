/// Shared words and number forms for every rendering, in both languages: the quote as text,
/// as JSON and in member lists.
package enum Wording {
  package static func programTitle(_ p: Program) -> String { "\(p.policyholder) \(p.name)" }

  /// 保険契約者 as printed, or 記載なし where the brochure names no one in that role.
  package static func policyholder(_ p: Program, _ l: Language) -> String {
    p.policyholderPrinted ? p.policyholder : notStated(l)
  }

  /// 引受保険会社 as printed, with any word on it that is not the brochure's.
  package static func insurer(_ p: Program, _ l: Language) -> String {
    p.insurer + (p.insurerNote.map { l.pick("（\($0)）", " (\($0))") } ?? "")
  }

  /// `55,880円`.
  package static func yen(_ y: Yen) -> String { y.description }

  /// `182,664円`, `164,397.6円`: an exact amount before rounding; `約2,283.08円` where the
  /// decimals do not end (rounded for display only; the calculation keeps the exact value).
  package static func yen(_ r: Rational) -> String { number(r) + "円" }

  /// `69.4`, `2,283.5`; `約2,283.08` (rounded half up to two decimals, for display) where the
  /// exact decimal does not end within six digits. Never a raw fraction.
  package static func number(_ r: Rational) -> String {
    if r.exactDecimalString(maxFractionDigits: 6) != nil { return YenFormat.grouped(r) }
    guard let hundredths = try? r.multiplied(by: Rational(100)).rounded(.halfUpToYen).amount else { return YenFormat.grouped(r) }
    let magnitude = hundredths.magnitude
    let cents = magnitude % 100
    let whole = YenFormat.grouped(Int64(magnitude / 100))
    return "約" + (hundredths < 0 ? "-" : "") + whole + "." + (cents < 10 ? "0" : "") + "\(cents)"
  }

  /// `1億円`; `なし` for zero.
  package static func limit(_ y: Yen, _ l: Language) -> String {
    y == .zero ? l.pick("なし", "none") : YenFormat.limit(y)
  }

  /// `▲10%` (Japanese, as the brochures print a discount), `-10%` (English), `+10%`, `20%`.
  package static func percent(_ r: Rational, _ l: Language, signed: Bool = false) -> String {
    let magnitude = r < .zero ? ((try? r.negated()) ?? r) : r
    let digits = YenFormat.grouped(magnitude) + "%"
    if r < .zero { return l.pick("▲", "-") + digits }
    return (signed && r > .zero ? "+" : "") + digits
  }

  /// `①損害賠償 1億円 / ②事故対応特別費用 1,000万円`.
  package static func limits(_ limits: Limits, program: Program, _ l: Language) -> String {
    limits.entries.map { "\($0.coverage.marker)\(coverageName($0.coverage, program, l)) \(limit($0.limit, l))" }
      .joined(separator: " / ")
  }

  package static func coverageName(_ c: Coverage, _ p: Program, _ l: Language) -> String {
    l.pick(p.name(of: c), c.englishName)
  }

  /// `なし` when every deductible is zero, else each coverage's.
  package static func deductibles(_ items: [(coverage: Coverage, deductible: Yen)], program: Program, _ l: Language) -> String {
    if items.allSatisfy({ $0.deductible == .zero }) { return l.pick("なし", "none") }
    return items.map { "\($0.coverage.marker)\(limit($0.deductible, l))" }.joined(separator: " / ")
  }

  package static func count(_ kind: CountKind, _ n: Int, _ l: Language) -> String {
    switch kind {
    case .generalBeds: l.pick("一般病床 \(n)床", "\(n) general beds")
    case .otherBeds: l.pick("一般病床以外 \(n)床", "\(n) other beds")
    case .capacity: l.pick("定員 \(n)人", "capacity \(n)")
    }
  }
}
