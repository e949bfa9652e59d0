#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Files a command writes besides stdout: `chart --svg`, `verify --junit`.
enum OutputFile {
  static func write(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw BatchError.cannotWrite(path, code: errno) }
    var text = text
    let failure = text.withUTF8 { DescriptorWriter.writeAll($0, to: fd) }
    // close() reports what a network or quota-limited file system only learns at the end.
    let closed = close(fd) == 0 ? nil : errno
    if let code = failure ?? closed { throw BatchError.cannotWrite(path, code: code) }
  }
}

/// Text inside XML (SVG, JUnit): the five characters XML reserves, and control characters XML 1.0
/// cannot hold at all, which become U+FFFD.
enum XMLText {
  static func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20: out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
