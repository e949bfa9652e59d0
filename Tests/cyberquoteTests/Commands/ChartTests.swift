import Foundation
import Testing

@testable import cyberquote

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `chart --svg` writes well-formed SVG with a title, axes labelled in yen and the tier edges.
@Suite struct ChartTests {
  final class Collector: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var texts: [String] = []
    var current = ""
    var dashedLines = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      elements[name, default: 0] += 1
      current = ""
      if name == "line", attributes["stroke-dasharray"] != nil { dashedLines += 1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "text" || name == "title" { texts.append(current) }
    }
  }

  @Test func svgIsWellFormedAndLabelled() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: url) }
    let result = CLIHarness.run(["chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--max", "800", "--svg", url.path])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let parser = try #require(XMLParser(contentsOf: url))
    let collector = Collector()
    parser.delegate = collector
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(collector.elements["svg"] == 1)
    #expect(collector.elements["polyline"] == 1)
    #expect(collector.dashedLines == 3)  // tier edges at 50, 200 and 500
    #expect(collector.texts.contains { $0.contains("日本病院共済会") && $0.contains("S4") })
    #expect(collector.texts.contains { $0.hasSuffix("円") && $0.contains(",") })
    // Past 500 a bed counts 10%: one more adds a tenth of what one of the first 49 adds.
    #expect(collector.texts.contains { $0.contains("1/10") })
    // The grid: 0 and four equal steps up to the top label.
    let grid = collector.texts.compactMap { text -> Int64? in
      guard text.hasSuffix("円"), let value = Int64(text.dropLast().filter { $0 != "," }) else { return nil }
      return value
    }
    #expect(grid.count == 5 && grid[0] == 0 && grid[2] == grid[1] * 2 && grid[4] == grid[1] * 4)
    #expect(collector.texts.contains("年間保険料（円）"))
  }

  /// The facility asked about and the printed examples are marked, in the SVG and the terminal.
  @Test func marksTheFacilityAndThePrintedExamples() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: url) }
    let arguments = ["chart", "--program", "fukuoka-ishikai", "--facility", "hospital", "--plan", "S1", "--max", "150", "--general-beds", "120"]
    #expect(CLIHarness.run(arguments + ["--svg", url.path]).status == 0)
    let parser = try #require(XMLParser(contentsOf: url))
    let collector = Collector()
    parser.delegate = collector
    #expect(parser.parse())
    #expect(collector.elements["circle"] == 2)
    #expect(collector.texts.contains("掲載例 50床 57,720円"))
    #expect(collector.texts.contains("掲載例 100床 76,220円"))
    #expect(collector.texts.contains("この施設（一般病床 120床） 83,620円"))
    let terminal = CLIHarness.run(arguments)
    #expect(terminal.stdout.contains("  o 掲載例 50床: 57,720円\n"))
    #expect(terminal.stdout.contains("  ^ この施設（一般病床 120床）: 83,620円\n"))
    // Mixed beds are the facility's own premium, not a point of the general-bed curve.
    let mixed = CLIHarness.run([
      "chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--general-beds", "100", "--other-beds", "20",
    ])
    #expect(mixed.stdout.contains("^ この施設（一般病床 100床、一般病床以外 20床）: 182,660円"))
  }

  /// The terminal chart's x-axis: each tier's label starts under its tick, the axis' end
  /// (`300床`) ends under the last column on the same line, nothing wraps, and with other beds
  /// the axis says it counts every bed, as the facility's mark does.
  @Test(arguments: [40, 60, 80, 100, 132])
  func axisLabelsStandUnderTheirTicks(_ width: Int) throws {
    for maximum in [60, 120, 150, 200, 300, 800, 1000] {
      let result = CLIHarness.run(
        [
          "chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S1", "--general-beds", "90", "--other-beds", "30", "--max",
          "\(maximum)",
        ],
        variables: ["COLUMNS": "\(width)"])
      #expect(result.status == 0)
      let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for line in lines { #expect(Screen.width(of: line) <= width, "\(width) \(maximum): \(line)") }
      #expect(result.stdout.contains("横軸: 病床数（一般病床と"))
      let axisIndex = try #require(lines.firstIndex { $0.contains("0円 +") })
      // Both rows as cells: a full-width character takes two.
      func cells(_ line: String) -> [Character] { line.flatMap { Screen.width(of: String($0)) == 2 ? [$0, " "] : [$0] } }
      let axis = cells(lines[axisIndex])
      let labels = cells(lines[axisIndex + 1])
      // The end label's last cell is the axis' last column (床 takes two cells).
      #expect(lines[axisIndex + 1].hasSuffix("\(maximum)床"))
      #expect(labels.count == axis.count, "\(width) \(maximum)")
      var i = 0
      var ticksLabelled = 0
      while i < labels.count, labels[i].isASCII {
        if labels[i].isNumber, i == 0 || !labels[i - 1].isNumber {
          let digits = String(labels[i...].prefix { $0.isNumber })
          if i + digits.count < labels.count, labels[i + digits.count] == "床" { break }  // the end label
          #expect(i < axis.count && axis[i] == "+", "\(width) \(maximum): \(digits) at \(i)")
          #expect([50, 200, 500].contains(Int(digits) ?? 0))
          ticksLabelled += 1
        }
        i += 1
      }
      if maximum >= 150 { #expect(ticksLabelled >= 1, "\(width) \(maximum)") }
    }
  }

  @Test func unwritableFileIsAnError() {
    let result = CLIHarness.run(["chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--svg", "/nonexistent/dir/c.svg"])
    #expect(result.status == 3)  // output that cannot be written
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("/nonexistent/dir/c.svg"))
  }

  /// byoin-kyosaikai's 老健 curve from 50 on rests on the bed formula applied to capacity.
  @Test func aRokenCurveSaysWhereItBecomesAnEstimate() {
    let out = CLIHarness.run(["chart", "--program", "byoin-kyosaikai", "--facility", "roken", "--plan", "S1", "--max", "120"]).stdout
    #expect(out.contains("【推定】定員50人以上は、パンフレットが病床数について記載する修正病床数の計算式を定員に適用した推定値です。"))
    let hospital = CLIHarness.run(["chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S1"]).stdout
    #expect(!hospital.contains("【推定】"))
  }
}
