/// Text from input (cells, file names, flag values) on its way to a terminal.
enum TerminalText {
  /// `text` with every control character but the line feed shown as an escape (`\x1B`, `\t`,
  /// `\u{202E}`): an escape sequence in a member list cannot clear the screen, hide a message or
  /// reorder what the clerk reads.
  static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
      }
    }
    return out
  }

  /// C0 controls except LF, DEL, C1 controls, and the bidirectional overrides and isolates.
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
