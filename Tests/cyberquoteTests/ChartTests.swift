import Foundation
import Testing

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
    #expect(collector.texts.contains { $0.contains("1/5") })
  }

  @Test func unwritableFileIsAnError() {
    let result = CLIHarness.run(["chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--svg", "/nonexistent/dir/c.svg"])
    #expect(result.status == 3)  // output that cannot be written
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("/nonexistent/dir/c.svg"))
  }
}
