#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// A plan's premium against beds or capacity (``PremiumCurve``), with the tier edges of the
/// modified count: the data a chart shows, its notes, and the chart in the terminal or as SVG.
/// `chart` prints it; a proposal page holds its SVG.
enum Chart {
  /// The chart's data: premiums at sampled counts, and the premium one more unit adds per tier.
  struct Curve {
    var title: String
    /// The program's period as `Wording.periodStatus` says it (ended, or not printed at all).
    var period = ""
    /// What the x-axis counts: general beds, or every bed when the facility's other beds ride
    /// along in its share (``placeFacility(_:curve:request:_:)``), or capacity.
    var unitName: String
    let unitSuffix: String
    let maximum: Int
    var points: [(count: Int, premium: Yen)]
    var marginals: [(tier: ModifiedCount.Tier, perUnit: Rational)]
    let isEstimate: Bool
    /// From which count the curve is an estimate because the bed formula is applied to a
    /// capacity (001 〈6〉 states it for beds); nil otherwise.
    var capacityEstimateFrom: Int?
    /// The counts and premiums the brochure prints (fukuoka-ishikai's 50 and 100), within the axis.
    var printed: [(count: Int, premium: Yen)] = []
    /// Every count the brochure prints an example for, for the estimate's note.
    var printedCounts: [Int] = []
    /// The facility asked about: its total count and its own premium (mixed beds priced as such).
    var facility: (count: Int, premium: Yen, label: String)?
  }

  static func curve(_ curve: PremiumCurve, maximum: Int, samples: Int, _ l: Language) throws -> Curve {
    let route = curve.route
    let points = try curve.points(at: PremiumCurve.sampleCounts(upTo: maximum, samples: samples))
    let unitName = curve.unit == .capacity ? l.pick("定員", "capacity") : l.pick("一般病床数", "general beds")
    let title = "\(Wording.programTitle(route.program)) \(route.plan.code) — \(route.facility.name(l))"
    var chart = Curve(
      title: title, unitName: unitName, unitSuffix: curve.unit == .capacity ? l.pick("人", "") : l.pick("床", ""),
      maximum: maximum, points: points, marginals: curve.marginals(upTo: maximum), isEstimate: curve.isEstimate)
    chart.printed = curve.printed.filter { $0.count <= maximum }
    chart.printedCounts = curve.printed.map(\.count)
    if route.table.basis == .perCapacity { chart.capacityEstimateFrom = curve.estimatedFrom }
    return chart
  }

  /// Marks the facility of `request` on `chart`, and makes the line its own
  /// (``PremiumCurve/facilityLine(_:counts:maximum:)``). The steps per bed noted beside a plain
  /// curve are the all-general curve's, so a mixed or adjusted one leaves them out. Returns what
  /// the line then holds, in words; nil when it is the plain curve.
  @discardableResult
  static func placeFacility(_ chart: inout Curve, curve: PremiumCurve, request: QuoteRequest, _ l: Language) throws -> String? {
    let (quote, count, line) = try curve.facilityLine(request, counts: chart.points.map(\.count), maximum: chart.maximum)
    var given = CountKind.allCases.compactMap { kind in quote.counts[kind].map { Wording.count(kind, $0, l) } }
    if quote.securityPercent != .zero { given.append(Wording.percent(quote.securityPercent, l, signed: true)) }
    chart.facility = (count, quote.premium, l.pick("この施設", "this facility") + "（" + given.joined(separator: l.pick("、", ", ")) + "）")
    guard let line else { return nil }
    chart.points = line
    chart.marginals = []
    let general = quote.counts[.generalBeds] ?? 0
    let other = quote.counts[.otherBeds] ?? 0
    var shape: [String] = []
    if other > 0 {
      // The line counts every bed, in this facility's share, and so does its mark.
      chart.unitName = l.pick("病床数（一般病床と一般病床以外の合計）", "beds (general and other, in total)")
      shape.append(l.pick("一般病床と一般病床以外の割合（\(general):\(other)）", "its share of general and other beds (\(general):\(other))"))
    }
    if quote.securityPercent != .zero {
      shape.append(l.pick("セキュリティー割増引", "its security adjustment") + " " + Wording.percent(quote.securityPercent, l, signed: true))
    }
    let unit = curve.unit == .capacity ? l.pick("定員", "capacity") : l.pick("病床数", "bed count")
    return l.pick("この施設と同じ", "Priced at every \(unit) with ") + shape.joined(separator: l.pick("・", " and "))
      + l.pick("で、\(unit)ごとに計算した保険料です。", ".")
  }

  // MARK: - Notes shared by both renderings

  static func notes(_ c: Curve, _ l: Language) -> [String] {
    var lines: [String] = []
    /// `50～199床`; the last tier `500床～` in a list, `500床以上` (`500 and over`) in a sentence.
    func range(_ tier: ModifiedCount.Tier, inSentence: Bool = false) -> String {
      let end = ModifiedCount.tiers.first { $0.from > tier.from }.map { String($0.from - 1) }
      if let end { return "\(tier.from)～\(end)\(c.unitSuffix)" }
      return inSentence ? l.pick("\(tier.from)\(c.unitSuffix)以上", "\(tier.from) and over") : "\(tier.from)\(c.unitSuffix)～"
    }
    let parts = c.marginals.map { "\(range($0.tier)) \(Wording.yen($0.perUnit))" }
    if !parts.isEmpty {
      lines.append(l.pick("1\(c.unitSuffix)増えるごとの保険料: ", "Premium added by one more: ") + parts.joined(separator: " / "))
    }
    // The first tier's step beside the last one charted, and the rule that makes them differ,
    // both from ModifiedCount's table.
    if let small = c.marginals.first, let large = c.marginals.last, large.tier != small.tier,
      let ratio = try? large.perUnit.divided(by: small.perUnit)
    {
      let shown = ratio.description  // in lowest terms: 1/5
      let discounted = ModifiedCount.tiers.dropFirst()
      let ruleJA = discounted.map { "\($0.from)以上を\($0.percent)%" }.joined(separator: "、")
      let ruleEN = discounted.enumerated().map {
        $0.offset == 0 ? "\($0.element.percent)% of each from \($0.element.from)" : "\($0.element.percent)% from \($0.element.from)"
      }
      .joined(separator: ", ")
      lines.append(
        l.pick(
          "\(range(large.tier, inSentence: true))で1\(c.unitSuffix)増える保険料は、\(range(small.tier))で1\(c.unitSuffix)増える保険料の \(shown) です（修正病床数は\(ruleJA)で数えるため）。",
          "One more at \(range(large.tier, inSentence: true)) adds \(shown) of what one more at \(range(small.tier)) adds (the modified count takes \(ruleEN))."
        ))
    }
    if let from = c.capacityEstimateFrom {
      lines.append(
        l.pick(
          "【推定】定員\(from)人以上は、パンフレットが病床数について記載する修正病床数の計算式を定員に適用した推定値です。",
          "[ESTIMATE] from \(from) on: the modified-count formula the brochure states for beds, applied to capacity."))
    } else if c.isEstimate {
      let counts = c.printedCounts.map(String.init)
      lines.append(
        l.pick(
          "【推定】掲載例（\(counts.joined(separator: "・"))）に当てはめたモデルによる推定値です。",
          "[ESTIMATE] from a model fitted to the printed examples at \(counts.joined(separator: " and "))."))
    }
    return lines
  }

  // MARK: - Terminal

  /// Plain ASCII, so that columns stay aligned whether a terminal draws box-drawing and block
  /// characters one cell wide or two (East Asian ambiguous width).
  static let blocks: [Character] = [" ", ".", ".", ":", ":", ":", "|", "|", "#"]
  static let tierColours = [TerminalColour.green, .yellow, .magenta, .cyan].map(\.rawValue)

  static func terminal(_ c: Curve, width: Int, colour: Bool, _ l: Language) -> String {
    let height = 12
    let top = niceCeiling(([c.facility?.premium.amount].compactMap { $0 } + c.points.map(\.premium.amount)).max() ?? 1)
    let labels = [Wording.yen(Yen(top)), Wording.yen(Yen(top / 2)), "0円"]
    let labelWidth = labels.map { TextColumns.width(of: $0) }.max() ?? 6
    let plotWidth = max(10, width - labelWidth - 2)
    // The premium at the right end of each column's range of counts.
    let columns: [(count: Int, eighths: Int)] = (0..<plotWidth).map { i in
      let count = max(1, ((i + 1) * c.maximum + plotWidth / 2) / plotWidth)
      let premium = c.points.last { $0.count <= count }?.premium.amount ?? 0
      return (count, Int(Proportion.scaled(premium, to: Int64(height * 8), of: top)))
    }
    func column(of count: Int) -> Int { min(plotWidth - 1, max(0, count * plotWidth / c.maximum - 1)) }
    var out = c.title + "\n"
    if !c.period.isEmpty { out += l.pick("保険期間: ", "Period: ") + c.period + "\n" }
    out += l.pick("横軸: \(c.unitName)　縦軸: 年間保険料（円）", "x: \(c.unitName), y: annual premium (yen)") + "\n"
    for row in stride(from: height - 1, through: 0, by: -1) {
      let label = row == height - 1 ? labels[0] : row == height / 2 ? labels[1] : ""
      out += TextColumns.spaces(labelWidth - TextColumns.width(of: label)) + label + " |"
      for column in columns {
        let filled = column.eighths - row * 8
        let block = blocks[max(0, min(8, filled))]
        if colour, block != " " {
          out += tierColours[tierIndex(column.count)] + String(block) + TerminalColour.reset.rawValue
        } else {
          out.append(block)
        }
      }
      out += "\n"
    }
    var axis = [Character](repeating: "-", count: plotWidth)
    for edge in ModifiedCount.tierEdges where edge <= c.maximum { axis[column(of: edge)] = "+" }
    out += TextColumns.spaces(labelWidth - TextColumns.width(of: labels[2])) + labels[2] + " +" + String(axis) + "\n"
    out += TextColumns.spaces(labelWidth + 2) + axisLabels(c, plotWidth: plotWidth, column: column) + "\n"
    // Printed examples (o) and the facility asked about (^), under the columns they fall in.
    if !c.printed.isEmpty || c.facility != nil {
      var pointers = [Character](repeating: " ", count: plotWidth)
      for example in c.printed { pointers[column(of: example.count)] = "o" }
      if let facility = c.facility, facility.count <= c.maximum { pointers[column(of: facility.count)] = "^" }
      out += TextColumns.spaces(labelWidth + 2) + String(String(pointers).reversed().drop { $0 == " " }.reversed()) + "\n"
      for example in c.printed {
        out +=
          "  o "
          + l.pick("掲載例 \(example.count)\(c.unitSuffix): \(Wording.yen(example.premium))", "printed: \(Wording.yen(example.premium)) at \(example.count)")
          + "\n"
      }
      if let facility = c.facility {
        let beyond = facility.count > c.maximum ? l.pick("（横軸の範囲外: --max で広げられます）", " (beyond the axis: widen it with --max)") : ""
        out += "  ^ \(facility.label): \(Wording.yen(facility.premium))\(beyond)\n"
      }
    }
    out += notes(c, l).map { $0 + "\n" }.joined()
    return out
  }

  /// The x-axis' labels, each starting under its tick (`+`), and the axis' end (`300床`) ending
  /// under the last column, all within `plotWidth` cells: a tier's label that would touch the
  /// one before it or the end's is left out, never written over.
  static func axisLabels(_ c: Curve, plotWidth: Int, column: (Int) -> Int) -> String {
    let end = "\(c.maximum)\(c.unitSuffix)"
    let endStart = max(0, plotWidth - TextColumns.width(of: end))
    var row = [Character](repeating: " ", count: endStart)
    var free = 0
    for edge in ModifiedCount.tierEdges where edge < c.maximum {
      let label = Array(String(edge))
      let position = column(edge)
      guard position >= free, position + label.count < endStart else { continue }
      row.replaceSubrange(position..<position + label.count, with: label)
      free = position + label.count + 1
    }
    return String(row) + end
  }

  static func tierIndex(_ count: Int) -> Int {
    ModifiedCount.tiers.lastIndex { count >= $0.from } ?? 0
  }

  /// A round number at or above `value` for the top of the axis (1, 1.2, 1.5, 2, 2.5, 3, 4, 5,
  /// 6 or 8 × a power of ten), so that the curve fills most of the height; `value` itself when
  /// no round number above it fits in 64 bits.
  static func niceCeiling(_ value: Int64) -> Int64 {
    var power: Int64 = 1
    while power <= value / 10 { power *= 10 }
    for tenths: Int64 in [10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100] {
      let (candidate, overflow) = power >= 10 ? tenths.multipliedReportingOverflow(by: power / 10) : (tenths * power / 10, false)
      if overflow { break }
      if candidate >= value { return candidate }
    }
    return value
  }

  // MARK: - SVG

  static func svg(_ c: Curve, _ l: Language) -> String {
    // A note's parenthetical that closes it goes on a line of its own, to stay within the width.
    let lines = notes(c, l).flatMap { note -> [String] in
      guard note.hasSuffix("）。") || note.hasSuffix(")."),
        let open = note.lastIndex(where: { $0 == "（" || $0 == "(" }), open != note.startIndex
      else { return [note] }
      return [String(note[..<open]).trimmingSpaces, "  " + String(note[open...])]
    }
    let (width, height) = (760, 400 + lines.count * 18)
    let (left, right, topMargin, bottom) = (110, 30, 60, 70 + lines.count * 18)
    let plotW = width - left - right
    let plotH = height - topMargin - bottom
    let top = niceCeiling(([c.facility?.premium.amount].compactMap { $0 } + c.points.map(\.premium.amount)).max() ?? 1)
    func x(_ count: Int) -> Int { left + min(count, c.maximum) * plotW / max(c.maximum, 1) }
    func y(_ premium: Int64) -> Int { topMargin + plotH - Int(Proportion.scaled(premium, to: Int64(plotH), of: top)) }
    var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    s +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">\n"
    s += "  <title>\(XMLText.escaped(c.title))</title>\n"
    s += "  <rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"white\"/>\n"
    s += "  <text x=\"\(left)\" y=\"28\" font-size=\"16\" font-weight=\"bold\">\(XMLText.escaped(c.title))</text>\n"
    // Axes and horizontal grid with yen labels.
    for i in 0...4 {
      let value = Proportion.scaled(Int64(i), to: top, of: 4)  // top × i ÷ 4
      s += "  <line x1=\"\(left)\" y1=\"\(y(value))\" x2=\"\(left + plotW)\" y2=\"\(y(value))\" stroke=\"#dddddd\"/>\n"
      s += "  <text x=\"\(left - 8)\" y=\"\(y(value) + 4)\" text-anchor=\"end\">\(XMLText.escaped(Wording.yen(Yen(value))))</text>\n"
    }
    s += "  <line x1=\"\(left)\" y1=\"\(topMargin)\" x2=\"\(left)\" y2=\"\(topMargin + plotH)\" stroke=\"black\"/>\n"
    s += "  <line x1=\"\(left)\" y1=\"\(topMargin + plotH)\" x2=\"\(left + plotW)\" y2=\"\(topMargin + plotH)\" stroke=\"black\"/>\n"
    // Tier edges, each labelled unless the label would run into the axis' own 0 or its end
    // (`200床` at the end of an axis of 200).
    for edge in ModifiedCount.tierEdges where edge <= c.maximum {
      s += "  <line x1=\"\(x(edge))\" y1=\"\(topMargin)\" x2=\"\(x(edge))\" y2=\"\(topMargin + plotH)\" stroke=\"#888888\" stroke-dasharray=\"4 3\"/>\n"
      guard x(edge) - left >= 24, left + plotW - x(edge) >= 48 else { continue }
      s += "  <text x=\"\(x(edge))\" y=\"\(topMargin + plotH + 18)\" text-anchor=\"middle\">\(edge)\(XMLText.escaped(c.unitSuffix))</text>\n"
    }
    s += "  <text x=\"\(left)\" y=\"\(topMargin + plotH + 18)\" text-anchor=\"middle\">0</text>\n"
    s += "  <text x=\"\(left + plotW)\" y=\"\(topMargin + plotH + 18)\" text-anchor=\"end\">\(c.maximum)\(XMLText.escaped(c.unitSuffix))</text>\n"
    s += "  <text x=\"\(left + plotW / 2)\" y=\"\(topMargin + plotH + 38)\" text-anchor=\"middle\">\(XMLText.escaped(c.unitName))</text>\n"
    let points = c.points.map { "\(x($0.count)),\(y($0.premium.amount))" }.joined(separator: " ")
    s += "  <polyline points=\"\(points)\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\"\(c.isEstimate ? " stroke-dasharray=\"6 3\"" : "")/>\n"
    // The y-axis title, read bottom to top beside the yen labels.
    let yTitle = XMLText.escaped(l.pick("年間保険料（円）", "annual premium (yen)"))
    s += "  <text x=\"18\" y=\"\(topMargin + plotH / 2)\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(topMargin + plotH / 2))\">\(yTitle)</text>\n"
    // Printed examples: open circles, each with its figure.
    for example in c.printed {
      let (px, py) = (x(example.count), y(example.premium.amount))
      s +=
        "  <circle cx=\"\(px)\" cy=\"\(py)\" r=\"5\" fill=\"white\" stroke=\"#1f5fa8\" stroke-width=\"2\"><title>\(XMLText.escaped(l.pick("掲載例", "printed")))</title></circle>\n"
      s +=
        "  <text x=\"\(px + 8)\" y=\"\(py + 16)\">\(XMLText.escaped(l.pick("掲載例 \(example.count)\(c.unitSuffix) \(Wording.yen(example.premium))", "printed \(example.count): \(Wording.yen(example.premium))")))</text>\n"
    }
    // The facility asked about: a filled diamond with its count and premium.
    if let facility = c.facility {
      let (px, py) = (x(facility.count), y(facility.premium.amount))
      s += "  <path d=\"M \(px) \(py - 7) L \(px + 7) \(py) L \(px) \(py + 7) L \(px - 7) \(py) Z\" fill=\"#c0392b\"/>\n"
      s +=
        "  <text x=\"\(px - 10)\" y=\"\(py - 10)\" text-anchor=\"end\" fill=\"#c0392b\">\(XMLText.escaped("\(facility.label) \(Wording.yen(facility.premium))"))</text>\n"
    }
    for (i, line) in lines.enumerated() {
      s += "  <text x=\"20\" y=\"\(topMargin + plotH + 64 + i * 18)\">\(XMLText.escaped(line))</text>\n"
    }
    return s + "</svg>\n"
  }
}
