/// A small builder for well-formed (XHTML-compatible) markup: every text and attribute is
/// escaped on the way in, so a name like `<script>` or `=cmd` is only ever text.
struct HTML {
  private(set) var text = ""

  /// `<tag attributes>…</tag>` around what `body` adds.
  mutating func element(_ tag: String, _ attributes: [(String, String)] = [], _ body: (inout HTML) -> Void) {
    text += "<" + tag + Self.attributes(attributes) + ">"
    body(&self)
    text += "</" + tag + ">"
  }

  /// `<tag attributes>text</tag>`.
  mutating func element(_ tag: String, _ attributes: [(String, String)] = [], text content: String) {
    element(tag, attributes) { $0.add(content) }
  }

  /// Escaped text.
  mutating func add(_ content: String) { text += XMLText.escaped(content) }

  /// Markup made elsewhere by this tool (the chart's SVG), taken as it is.
  mutating func addTrusted(_ markup: String) { text += markup }

  mutating func newline() { text += "\n" }

  static func attributes(_ attributes: [(String, String)]) -> String {
    attributes.map { " \($0.0)=\"\(XMLText.escaped($0.1))\"" }.joined()
  }
}
