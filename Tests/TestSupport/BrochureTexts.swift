import Foundation

/// The brochures' text (`Tests/Brochures/`), and the other forms a brochure's text comes in,
/// generated from it.
public enum BrochureTexts {
  public static let directory = PackageRoot.url.appendingPathComponent("Tests/Brochures")

  /// The text of the brochure `source` names (`003_40390978eb5bc4ce.txt`).
  public static func text(_ source: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(source), encoding: .utf8)
  }

  /// As `pdftotext -layout` prints a page: cells padded with spaces to aligned columns, no tabs
  /// and no `|`, a form feed before every 50th line.
  public static func layout(_ text: String) -> String {
    let lines = text.components(separatedBy: "\n")
    return lines.enumerated().map { i, line in
      let cells = line.split(whereSeparator: { $0 == "\t" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
      let padded = cells.isEmpty ? line : "  " + cells.map { $0 + String(repeating: " ", count: max(2, 14 - $0.count * 2)) }.joined()
      let trimmed = padded.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
      return (i > 0 && i % 50 == 0 ? "\u{0C}" : "") + trimmed
    }.joined(separator: "\n")
  }

  /// Digits and ASCII punctuation in their full-width forms, as some PDFs extract them.
  public static func fullWidth(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          (0x21...0x7E).contains(scalar.value) && scalar != "|" ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
        }))
  }

  /// `方` as the Kangxi radical `⽅` and `人` as `⼈`, as PDF extraction produces them.
  public static func radicals(_ text: String) -> String {
    text.replacingOccurrences(of: "方", with: "\u{2F45}").replacingOccurrences(of: "人", with: "\u{2F08}")
  }

  /// CRLF line ends, a BOM, and figures split from `円` by a space.
  public static func windows(_ text: String) -> String {
    "\u{FEFF}"
      + text.replacingOccurrences(of: "(\\d)円", with: "$1 円", options: .regularExpression)
      .replacingOccurrences(of: "\n", with: "\r\n")
  }
}
