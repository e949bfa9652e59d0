/// A parsed JSON value with the line it starts on, for error messages that point into a file.
///
/// Rate files need no fractions (rates are whole yen, percentages whole or decimal strings), so
/// numbers are integers only: a fraction or exponent is a parse error, and no floating point is
/// ever involved.
package indirect enum JSONValue: Sendable, Hashable {
  case object([(key: String, value: JSONNode)])
  case array([JSONNode])
  case string(String)
  case integer(Int64)
  case bool(Bool)
  case null

  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let a), .array(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.bool(let a), .bool(let b)): a == b
    case (.null, .null): true
    default: false
    }
  }

  package func hash(into hasher: inout Hasher) {
    switch self {
    case .object(let members):
      for member in members {
        hasher.combine(member.key)
        hasher.combine(member.value)
      }
    case .array(let a): hasher.combine(a)
    case .string(let s): hasher.combine(s)
    case .integer(let i): hasher.combine(i)
    case .bool(let b): hasher.combine(b)
    case .null: hasher.combine(0)
    }
  }
}

/// A JSON value and where it starts.
package struct JSONNode: Sendable, Hashable {
  package let value: JSONValue
  /// 1-based.
  package let line: Int
}

/// A JSON syntax error: the line and what was expected.
package struct JSONSyntaxError: Error, Sendable, Hashable {
  package let line: Int
  package let message: String
}

/// A strict RFC 8259 parser over UTF-8 bytes, integers only.
package struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  /// Deep nesting is refused rather than recursed into: no input may exhaust the stack.
  private static let maximumDepth = 64

  /// `s` as a JSON string literal: quotes, backslashes and control characters escaped, every
  /// other character (Japanese included) as itself.
  package static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
    var parser = JSONParser(bytes: Array(text.utf8))
    parser.skipWhitespace()
    let node = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else { throw parser.error("end of file after the top-level value") }
    return node
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private func error(_ expected: String) -> JSONSyntaxError {
    JSONSyntaxError(line: line, message: "expected \(expected)")
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let b = current {
      switch b {
      case 0x0A: line += 1
      case 0x20, 0x09, 0x0D: break
      default: return
      }
      index += 1
    }
  }

  private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
    guard depth < JSONParser.maximumDepth else { throw error("at most \(JSONParser.maximumDepth) levels of nesting") }
    let startLine = line
    guard let b = current else { throw error("a value") }
    let value: JSONValue
    switch b {
    case UInt8(ascii: "{"): value = try object(depth: depth)
    case UInt8(ascii: "["): value = try array(depth: depth)
    case UInt8(ascii: "\""): value = .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .integer(try integer())
    case UInt8(ascii: "t"): try literal("true"); value = .bool(true)
    case UInt8(ascii: "f"): try literal("false"); value = .bool(false)
    case UInt8(ascii: "n"): try literal("null"); value = .null
    default: throw error("a value")
    }
    return JSONNode(value: value, line: startLine)
  }

  private mutating func literal(_ word: String) throws(JSONSyntaxError) {
    for expected in word.utf8 {
      guard current == expected else { throw error("'\(word)'") }
      index += 1
    }
  }

  private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var members: [(key: String, value: JSONNode)] = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw error("a quoted key") }
      let key = try string()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw error("':' after \"\(key)\"") }
      index += 1
      skipWhitespace()
      members.append((key, try value(depth: depth + 1)))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return .object(members)
      default: throw error("',' or '}'")
      }
    }
  }

  private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var elements: [JSONNode] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth + 1))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return .array(elements)
      default: throw error("',' or ']'")
      }
    }
  }

  private mutating func integer() throws(JSONSyntaxError) -> Int64 {
    let negative = current == UInt8(ascii: "-")
    if negative { index += 1 }
    var value: Int64 = 0
    var digits = 0
    while let b = current, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
      if digits == 1, value == 0 { throw error("no leading zeros") }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(Int64(b - UInt8(ascii: "0")))
      guard !o1, !o2 else { throw error("a number within 64 bits") }
      value = s
      digits += 1
      index += 1
    }
    guard digits > 0 else { throw error("a digit") }
    if let b = current, b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
      throw error("a whole number (write fractions such as percentages as strings, e.g. \"7.5\")")
    }
    return negative ? -value : value
  }

  private mutating func string() throws(JSONSyntaxError) -> String {
    index += 1
    // Fast path: a string without escapes is one slice of the input.
    let start = index
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
      }
      if b == UInt8(ascii: "\\") || b < 0x20 { break }
      index += 1
    }
    index = start
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() {
      if !run.isEmpty {
        scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        run.removeAll(keepingCapacity: true)
      }
    }
    while true {
      guard let b = current else { throw error("a closing '\"'") }
      index += 1
      switch b {
      case UInt8(ascii: "\""):
        flush()
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush()
        guard let e = current else { throw error("an escape") }
        index += 1
        switch e {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            guard current == UInt8(ascii: "\\") else { throw error("a low surrogate") }
            index += 1
            guard current == UInt8(ascii: "u") else { throw error("a low surrogate") }
            index += 1
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("a low surrogate") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("a valid \\u escape") }
          scalars.append(scalar)
        default: throw error("a valid escape")
        }
      case 0x00...0x1F:
        throw error("no control characters inside a string")
      default:
        run.append(b)
      }
    }
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    var code: UInt32 = 0
    for _ in 0..<4 {
      guard let b = current else { throw error("four hex digits") }
      let digit: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
      default: throw error("four hex digits")
      }
      code = code << 4 | digit
      index += 1
    }
    return code
  }
}
