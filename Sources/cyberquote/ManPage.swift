import PremiumCore

/// The manual page, `man/cyberquote.1`, generated from the same help text as `--help`.
enum ManPage {
  static func render() -> String {
    let l = Language.en
    var out = """
      .\\" Generated from cyberquote's help text; do not edit.
      .\\" Regenerate: CYBERQUOTE_REGENERATE=1 swift test --filter ManPageTests
      .TH CYBERQUOTE 1 "" "cyberquote \(CLI.version)" "User Commands"
      .SH NAME
      cyberquote \\- premiums for Japanese medical associations' group cyber insurance
      .SH SYNOPSIS

      """
    for (name, _) in CLI.subcommands {
      out += ".B cyberquote\n" + escape(String(Help.usageLine(name).dropFirst("Usage: cyberquote ".count))) + "\n.br\n"
    }
    out += """
      .SH DESCRIPTION
      cyberquote prices the group cyber-insurance programs that Japanese medical associations offer
      to hospitals, clinics and care facilities, reproducing every premium their brochures print to
      the yen, and explains each figure. Premiums are exact from the printed rates until one final
      rounding, half up to 10 yen. Labels and messages are Japanese unless \\fB\\-\\-lang en\\fR is given or
      the locale is English.
      .SH COMMANDS

      """
    for (name, summary) in CLI.subcommands {
      out += ".SS \(name)\n\(escape(summary(l))).\n"
      if let details = Help.details(name, l) {
        out += ".PP\n.nf\n" + escape(details.trimmingSpaces) + "\n.fi\n"
      }
      for spec in Help.specs(name) ?? [] {
        out += ".TP\n.B \(escape(spec.name))" + (spec.valueName.map { " \\fI\(escape($0))\\fR" } ?? "") + "\n" + escape(spec.help(l)) + "\n"
      }
    }
    out += """
      .SH EXIT STATUS
      .TP
      .B 0
      Priced (for batch: every row priced).
      .TP
      .B 1
      A well-formed request that cannot be priced: unknown program or plan, a plan not offered to the
      facility, a count or adjustment out of range or not applicable, a quote on request (for batch:
      some row failed; every row is still written).
      .TP
      .B 2
      A malformed command line, or input that cannot be read (for batch: not CSV, empty, or no usable
      column; a directory; a rate path that is a device or larger than 1 MiB).
      .TP
      .B 3
      Output that could not be written: stdout on a full disk, closed, or a broken pipe with SIGPIPE
      ignored, or a --svg or --junit file. The command stops at the failed write and prints no summary.
      .SH ENVIRONMENT
      .TP
      .B LANG, LC_ALL, LC_MESSAGES
      English labels and messages when the locale starts with en.
      .TP
      .B NO_COLOR
      No colour, even on a terminal.
      .TP
      .B COLUMNS
      The width of terminal charts.
      .TP
      .B CYBERQUOTE_PARALLEL_MIN_BYTES, CYBERQUOTE_PARALLEL_CHUNK_BYTES
      The file size above which batch uses two cores, and its chunk size.
      .SH SEE ALSO
      The README and rates/README.md in the source repository.

      """
    return out
  }

  /// roff: backslashes doubled, and a leading period or apostrophe protected.
  static func escape(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let escaped = String(line).replacing("\\", with: "\\e").replacing("-", with: "\\-")
      return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }.joined(separator: "\n")
  }
}
