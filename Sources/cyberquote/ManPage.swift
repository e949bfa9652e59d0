import PremiumCore

/// The manual pages, generated from the same help text as `--help` in each language:
/// `man/cyberquote.1` (English) and `man/ja/cyberquote.1` (Japanese, as `--help` answers by
/// default).
enum ManPage {
  /// Where each language's page lives in the repository (and, under `share/man`, once installed).
  static func path(_ l: Language) -> String {
    l == .ja ? "man/ja/cyberquote.1" : "man/cyberquote.1"
  }

  static func render(_ l: Language) -> String {
    var out = """
      .\\" Generated from cyberquote's help text; do not edit.
      .\\" Regenerate: CYBERQUOTE_REGENERATE=1 swift test --filter ManPageTests
      .TH CYBERQUOTE 1 "" "cyberquote \(CLI.version)" "\(l.pick("ユーザーコマンド", "User Commands"))"
      .SH \(l.pick("名前", "NAME"))
      cyberquote \\- \(l.pick("医療機関向け団体サイバー保険の保険料計算", "premiums for Japanese medical associations' group cyber insurance"))
      .SH \(l.pick("書式", "SYNOPSIS"))

      """
    for (name, _) in CLI.subcommands {
      out += ".B cyberquote\n" + escape(String(Help.usageLine(name).dropFirst("Usage: cyberquote ".count))) + "\n.br\n"
    }
    out +=
      l == .ja
      ? """
      .SH 説明
      cyberquote は、医師会などが病院・診療所・介護施設向けに提供する団体サイバー保険の保険料を
      計算します。パンフレットに掲載された保険料を1円単位まで再現し、一つ一つの金額の計算を説明します。
      保険料は掲載の料率から最後の1回の端数処理（10円未満四捨五入）まで正確な分数で計算します。
      表示とメッセージは日本語です（\\fB\\-\\-lang en\\fR または英語のロケールでは英語）。
      .SH コマンド

      """
      : """
      .SH DESCRIPTION
      cyberquote prices the group cyber-insurance programs that Japanese medical associations offer
      to hospitals, clinics and care facilities, reproducing every premium their brochures print to
      the yen, and explains each figure. Premiums are exact from the printed rates until one final
      rounding, half up to 10 yen. Labels and messages are Japanese unless \\fB\\-\\-lang en\\fR is given or
      the locale is English.
      .SH COMMANDS

      """
    for (name, summary) in CLI.subcommands {
      out += ".SS \(name)\n\(escape(summary(l)))\(l.pick("。", "."))\n"
      if let details = Help.details(name, l) {
        // Set as written (no fill), so wrapped here to fit the page's indent at 80 columns.
        let lines = details.trimmingSpaces.split(separator: "\n", omittingEmptySubsequences: false)
        let wrapped = lines.flatMap { Screen.wrap(String($0), width: noFillWidth) }
        out += ".PP\n.nf\n" + escape(wrapped.joined(separator: "\n")) + "\n.fi\n"
      }
      for spec in Help.specs(name) ?? [] {
        out += ".TP\n.B \(escape(spec.name))" + (spec.valueName.map { " \\fI\(escape($0))\\fR" } ?? "") + "\n" + escape(spec.help(l)) + "\n"
      }
    }
    out +=
      l == .ja
      ? """
      .SH 終了ステータス
      .TP
      .B 0
      計算できた（batch: すべての行を計算できた）。
      .TP
      .B 1
      形式は正しいが計算できない依頼: 不明な制度・プラン、施設区分に提供されないプラン、範囲外または
      適用のない数値・割増引、個別見積り（batch: 計算できない行があった。行はすべて出力します）。
      .TP
      .B 2
      コマンドラインの誤り、または読めない入力（batch: CSV でない、空、使える列がない。ディレクトリ。
      デバイスまたは 1 MiB を超える料率パス）。
      .TP
      .B 3
      出力を書き込めなかった: 標準出力のディスク満杯・クローズ・SIGPIPE を無視した状態での broken pipe、
      または \\-\\-svg・\\-\\-junit のファイル。書き込みに失敗した時点で止まり、集計は出力しません。
      .SH 環境変数
      .TP
      .B LANG, LC_ALL, LC_MESSAGES
      en で始まるロケールでは英語で表示します。
      .TP
      .B NO_COLOR
      端末でも色を付けません。
      .TP
      .B COLUMNS
      端末のグラフの幅。
      .TP
      .B CYBERQUOTE_PARALLEL_MIN_BYTES, CYBERQUOTE_PARALLEL_CHUNK_BYTES
      batch が2コアを使うファイルの大きさの下限と、その分割の大きさ。
      .SH 関連項目
      ソースリポジトリの README と rates/README.md。

      """
      : """
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
    return l == .ja ? breakable(out) : out
  }

  /// The widest line set without fill (`.nf`) under a section's indent, for `man` at 80 columns.
  static let noFillWidth = 70

  /// The Japanese page with a break point (`\:`) wherever a screen may break a row
  /// (``Screen/mayBreak(_:_:)``): groff breaks lines only at spaces, which Japanese text has few
  /// of, and a line it cannot break runs past 80 columns. Set ragged right (`.ad l`), since a
  /// line without spaces cannot be justified. A source line ending in Japanese runs on into the
  /// next (`\c`), where groff would put a space. Requests and text set without fill are left alone.
  static func breakable(_ page: String) -> String {
    var filling = true
    var lines: [String] = []
    for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      // The line before, text set with fill ending in Japanese, runs on into this one.
      if filling, !line.isEmpty, !line.hasPrefix("."), let last = lines.last, !last.isEmpty, !last.hasPrefix("."),
        let end = last.unicodeScalars.last, end.value >= 0x3000
      {
        lines[lines.count - 1] += "\\c"
      }
      if line.hasPrefix(".") {
        if line == ".nf" { filling = false }
        if line == ".fi" { filling = true }
        lines.append(line)
        if line.hasPrefix(".TH ") { lines.append(".ad l") }
        continue
      }
      guard filling else {
        lines.append(line)
        continue
      }
      var out = String.UnicodeScalarView()
      var previous: Unicode.Scalar?
      for scalar in line.unicodeScalars {
        if let previous, previous != " ", scalar != " ", Screen.mayBreak(previous.value, scalar.value) {
          out.append(contentsOf: "\\:".unicodeScalars)
        }
        out.append(scalar)
        previous = scalar
      }
      lines.append(String(out))
    }
    return lines.joined(separator: "\n")
  }

  /// roff: backslashes doubled, and a leading period or apostrophe protected.
  static func escape(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let escaped = String(line).replacing("\\", with: "\\e").replacing("-", with: "\\-")
      return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }.joined(separator: "\n")
  }
}
