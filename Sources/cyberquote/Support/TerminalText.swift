import PremiumCore

/// The colours the tool itself draws, and the only escape sequences it lets through to a screen.
enum TerminalColour: String, CaseIterable {
  /// What must not be missed (estimates).
  case warning = "\u{1B}[1;33m"
  case green = "\u{1B}[32m"
  case yellow = "\u{1B}[33m"
  case magenta = "\u{1B}[35m"
  case cyan = "\u{1B}[36m"
  case reset = "\u{1B}[0m"
}

/// Text from input (cells, file names, flag values, rate-file names and notes) on its way to a
/// terminal: stderr's messages and every screen on stdout.
enum TerminalText {
  /// `text` with every control character but the line feed shown as an escape (`\x1B`, `\t`,
  /// `\u{202E}`): an escape sequence in a member list or a rate file cannot clear the screen,
  /// hide a message or reorder what the clerk reads. With `keepingColours`, the tool's own
  /// ``TerminalColour`` sequences stay; a screen passes it only when colour is on.
  static func escaped(_ text: String, keepingColours: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      guard needsEscape(scalar) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      if keepingColours, scalar == "\u{1B}",
        let colour = TerminalColour.allCases.first(where: { scalars.starts(with: $0.rawValue.unicodeScalars.dropFirst()) })
      {
        out += colour.rawValue
        scalars = scalars.dropFirst(colour.rawValue.unicodeScalars.count - 1)
        continue
      }
      out += shown(scalar)
    }
    return out
  }

  /// One character that must not act, as the text a reader sees: `\t`, `\x1B`, `\u{202E}`, or
  /// a file name's raw byte. A page (``XMLText``) shows them the same way.
  static func shown(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\t": return "\\t"
    case "\r": return "\\r"
    case _ where FileName.rawByte(scalar) != nil:
      return FileName.shownByte(scalar) ?? ""
    default:
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
    }
  }

  /// ``ControlCharacters`` except the line feed, which ends a screen's lines, and the bytes of a
  /// file name that are not UTF-8 (``FileName``), shown as the bytes they are.
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar != "\n" && ControlCharacters.contains(scalar) || FileName.rawByte(scalar) != nil
  }
}
