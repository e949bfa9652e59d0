/// JSON as cyberquote writes it: keys in a fixed order, numbers exact (no floating point).
package indirect enum JSONOutput: Sendable {
  case object([(String, JSONOutput)])
  case array([JSONOutput])
  case string(String)
  case integer(Int64)
  /// An exact decimal such as `7.5`, written as a JSON number.
  case decimal(Rational)
  case bool(Bool)
  case null

  package static func string(_ value: String?) -> JSONOutput { value.map { .string($0) } ?? .null }
  package static func yen(_ value: Yen?) -> JSONOutput { value.map { .integer($0.amount) } ?? .null }
  package static func integer(_ value: Int?) -> JSONOutput { value.map { .integer(Int64($0)) } ?? .null }
  package static func decimal(_ value: Rational?) -> JSONOutput { value.map { .decimal($0) } ?? .null }

  /// Two-space indented, one key per line, ending in a newline.
  package var pretty: String {
    var out = ""
    write(to: &out, indent: "", pretty: true)
    return out + "\n"
  }

  /// One line, for JSON Lines.
  package var compact: String {
    var out = ""
    write(to: &out, indent: "", pretty: false)
    return out
  }

  private func write(to out: inout String, indent: String, pretty: Bool) {
    let inner = indent + "  "
    let newline = pretty ? "\n" : ""
    switch self {
    case .object(let members):
      guard !members.isEmpty else { return out += "{}" }
      out += "{" + newline
      for (i, (key, value)) in members.enumerated() {
        out += (pretty ? inner : "") + JSONOutput.quoted(key) + (pretty ? ": " : ":")
        value.write(to: &out, indent: inner, pretty: pretty)
        out += (i < members.count - 1 ? "," : "") + newline
      }
      out += (pretty ? indent : "") + "}"
    case .array(let elements):
      guard !elements.isEmpty else { return out += "[]" }
      out += "[" + newline
      for (i, value) in elements.enumerated() {
        out += pretty ? inner : ""
        value.write(to: &out, indent: inner, pretty: pretty)
        out += (i < elements.count - 1 ? "," : "") + newline
      }
      out += (pretty ? indent : "") + "]"
    case .string(let s): out += JSONOutput.quoted(s)
    case .integer(let i): out += String(i)
    case .decimal(let r): out += r.exactDecimalString() ?? JSONOutput.quoted(r.description)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    }
  }

  package static func quoted(_ s: String) -> String { JSONParser.quoted(s) }
}
