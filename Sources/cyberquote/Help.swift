import PremiumCore

/// Help in blocks: OVERVIEW, USAGE, OPTIONS, with descriptions in an aligned column.
enum Help {
  static func usageLine(_ command: String) -> String {
    guard let specs = specs(command) else { return "Usage: cyberquote <subcommand>" }
    let synopsis = synopsis(command)
    let shown = specs.filter { $0.name != "--help" && $0.name != "--lang" }
    func text(_ name: String) -> String {
      name + (shown.first { $0.name == name }?.valueName.map { " " + $0 } ?? "")
    }
    let alternative =
      synopsis.alternatives.isEmpty
      ? [] : ["(" + synopsis.alternatives.map { $0.map(text).joined(separator: " ") }.joined(separator: " | ") + ")"]
    let inAlternatives = Set(synopsis.alternatives.joined())
    let parts = shown.compactMap { spec -> String? in
      if inAlternatives.contains(spec.name) { return nil }
      return synopsis.required.contains(spec.name) ? text(spec.name) : "[\(text(spec.name))]"
    }
    return (["Usage: cyberquote", command] + alternative + parts + synopsis.positionals).joined(separator: " ")
  }

  /// Each subcommand's options and synopsis, by its name: the one table help, the usage line,
  /// the man page and the completions read.
  static func definition(_ command: String) -> (specs: [OptionSpec], synopsis: Synopsis)? {
    switch command {
    case QuoteCommand.name: (QuoteCommand.specs, QuoteCommand.synopsis)
    case ProgramsCommand.name: (ProgramsCommand.specs, ProgramsCommand.synopsis)
    case PlansCommand.name: (PlansCommand.specs, PlansCommand.synopsis)
    case CompareCommand.name: (CompareCommand.specs, CompareCommand.synopsis)
    case ChartCommand.name: (ChartCommand.specs, ChartCommand.synopsis)
    case CompletionCommand.name: (CompletionCommand.specs, CompletionCommand.synopsis)
    case TableCommand.name: (TableCommand.specs, TableCommand.synopsis)
    case BatchCommand.name: (BatchCommand.specs, BatchCommand.synopsis)
    case RatesCommand.name: (RatesCommand.specs, RatesCommand.synopsis)
    case ImpactCommand.name: (ImpactCommand.specs, ImpactCommand.synopsis)
    case VerifyCommand.name: (VerifyCommand.specs, VerifyCommand.synopsis)
    case ProposalCommand.name: (ProposalCommand.specs, ProposalCommand.synopsis)
    default: nil
    }
  }

  static func specs(_ command: String) -> [OptionSpec]? { definition(command)?.specs }

  static func synopsis(_ command: String) -> Synopsis { definition(command)?.synopsis ?? Synopsis() }

  static func command(_ command: String, _ l: Language) -> String? {
    guard let specs = specs(command), let summary = CLI.subcommands.first(where: { $0.name == command })?.summary(l) else { return nil }
    var options = TextColumns(alignments: [.left, .left])
    // Every command that reads rates also takes the global --rates and --date.
    let global = command == CompletionCommand.name ? [] : [CommonOptions.rates, CommonOptions.date]
    for spec in specs + global {
      options.add([spec.name + (spec.valueName.map { " " + $0 } ?? ""), spec.help(l)])
    }
    options.add(["-h, --help", l.pick("このヘルプを表示", "Show this help")])
    options.rows.removeAll { $0[0] == "--help" }
    var out = "OVERVIEW: \(summary)\n\n" + usageLine(command).replacingPrefix("Usage:", with: "USAGE:") + "\n\n"
    if let extra = details(command, l) { out += extra + "\n" }
    out += "OPTIONS:\n" + options.render(indent: "  ", gap: "   ")
    return out
  }

  /// What a clerk needs beyond the flags.
  static func details(_ command: String, _ l: Language) -> String? {
    switch command {
    case QuoteCommand.name:
      return l.pick(
        """
        保険料はパンフレット記載の料率から正確に計算し、最後に1回だけ10円単位に四捨五入します
        （\(HelpFacts.rounding(.ja))）。
        根拠 (basis): published = パンフレット掲載、formula = 料率と計算式、estimate = 推定値。
        パンフレットが保険料の条件として記載していること:
        \(HelpFacts.priceConditions(.ja).map { "  " + $0 }.joined(separator: "\n"))
        終了コード: 0 計算できた / 1 計算できない依頼（個別見積り・範囲外など） / 2 コマンドの誤り / 3 出力を書き込めない。

        例:
          cyberquote quote --program byoin-kyosaikai --facility hospital --plan S4 --general-beds 100 --other-beds 20 --security ▲10
          cyberquote quote --program fukuoka-ishikai --facility clinic --plan S4 --format json

        """,
        """
        Premiums are exact from the printed rates until one final rounding, half up to 10 yen
        (\(HelpFacts.rounding(.en))).
        basis: published = printed in the brochure, formula = rates and formula, estimate = a model.
        What the brochures print as conditions of their figures:
        \(HelpFacts.priceConditions(.en).map { "  " + $0 }.joined(separator: "\n"))
        Exit status: 0 priced / 1 cannot be priced (on request, out of range …) / 2 bad command line / 3 output not written.

        Examples:
          cyberquote quote --program byoin-kyosaikai --facility hospital --plan S4 --general-beds 100 --other-beds 20 --security -10
          cyberquote quote --program fukuoka-ishikai --facility clinic --plan S4 --format json

        """)
    case BatchCommand.name:
      var columns = TextColumns(alignments: [.left, .left])
      for (field, names) in MemberColumns.names {
        columns.add([field.rawValue, names.dropFirst().joined(separator: " / ")])
        if field == .otherBeds {
          columns.add(["", MemberColumns.otherBedPartNames.filter { $0.hasSuffix("数") }.joined(separator: " / ") + l.pick(" の合計も可", ", summed")])
        }
      }
      return l.pick(
        """
        CSV（見出し行あり）を FILE または標準入力 (-) から読み、1行ごとに保険料を計算します。
        入力の全列をそのまま出力し、premium,installments,installment_premium,basis,error,warnings 列を加えます。
        入力: UTF-8（BOM 有無）・Shift_JIS/CP932 を自動判定、CRLF/LF、引用符内のカンマ・改行、全角数字。
        施設区分の値: hospital / 病院、kaigo-iryoin / 介護医療院、roken / 老健 / 介護老人保健施設、
          clinic / 診療所 / 一般診療所、dental / 歯科診療所。
        =, +, -, @, タブ, CR で始まる文字列セルは先頭に ' を付けて出力します（数値列の -10 などはそのまま）。
        終了コード: 0 全行計算 / 1 エラー行あり（全行は出力済み）・合計が桁あふれ / 2 CSV として読めない・空・使える列がない /
          3 出力を書き込めない（ディスクが一杯・パイプが閉じた。集計は出しません）。
        集計（計算行数・エラー行数・保険料合計）は標準エラー出力に出します。

        計算に使う列に近い見出し（securty、セキュリティ割増、病床数 など）はエラー（終了コード 2）。
        計算に使わない列としてそのまま出力するには、見出しの先頭に # を付けます。

        認識する列（英語名は大文字小文字・区切りの _ - 空白を区別しません。その他の列はそのまま出力します）:

        """,
        """
        Reads CSV with a header row from FILE or standard input (-) and prices each row. Every input
        column is kept; premium,installments,installment_premium,basis,error,warnings are added.
        Input: UTF-8 with or without a BOM, or Shift_JIS/CP932 (detected); CRLF or LF; quoted commas
        and line breaks; full-width digits. Facility values: hospital / 病院, kaigo-iryoin / 介護医療院,
          roken / 老健 / 介護老人保健施設, clinic / 診療所 / 一般診療所, dental / 歯科診療所.
        Text cells starting with =, +, -, @, a tab or a CR get a leading ' (numbers in numeric columns stay).
        Exit status: 0 every row priced / 1 some row failed (all rows written) or the total overflows / 2 not CSV,
          empty, or no usable column / 3 output not written (a full disk, a closed pipe; no summary).
        A summary (rows priced, rows failed, total premium) goes to standard error.

        A header close to a pricing column (securty, セキュリティ割増, 病床数) is an error (exit 2); start
        a header with # to keep such a column as one that is not read.

        Recognized columns (English names ignore case and _, - or spaces between words; other columns
        pass through):

        """) + columns.render(indent: "  ", gap: "   ")
    case VerifyCommand.name:
      return l.pick(
        """
        検査ファイル（CSV、ディレクトリなら配下のすべての *.csv）の各行を batch と同じように計算し、
        expected_premium・expected_installment_premium・expected_basis の列（1つ以上）と照合します。
        source・note 列があれば報告に入れ、date 列 (YYYY-MM-DD) はその日に有効な版で計算します。
        それ以外の列は batch と同じです（rates/checks/ を参照）。
        出力: 不一致・計算できない行を1行ずつ（ファイル:行: source: 内容）、最後に「照合 N行、一致 N行、不一致 N行」
        （--lang en では「N checked, N passed, N failed」）。--junit の XML は言語によらず英語です。
        文字コードは batch と同じく自動判定（--encoding で指定可）。
        終了コード: 0 すべて一致 / 1 不一致・計算できない行あり / 2 読めないファイル・期待値の列がない・
          空の期待値・行がない / 3 出力を書き込めない。

        例:
          cyberquote verify rates/checks
          cyberquote verify --rates fukuoka-ishikai-2026.json --junit verify.xml checks/

        """,
        """
        Prices each row of the check files (CSV; for a directory, every *.csv under it) as batch
        does and compares it with its expected_premium, expected_installment_premium and
        expected_basis cells (at least one column). source and note columns go into the report; a
        date column (YYYY-MM-DD) prices the row with the version in force that day; the other
        columns are batch's (see rates/checks/).
        Output: a line per mismatch or unpriceable row (file:line: source: what), then
        "N checked, N passed, N failed" (in Japanese under --lang ja). The --junit XML is always
        in English. Encodings are detected as batch detects them (or --encoding).
        Exit status: 0 every row matches / 1 a mismatch or an unpriceable row / 2 an unreadable file, no expectation column,
        an empty expected_* cell or no rows /
        3 output not written.

        Examples:
          cyberquote verify rates/checks
          cyberquote verify --rates fukuoka-ishikai-2026.json --junit verify.xml checks/

        """)
    case ImpactCommand.name:
      return l.pick(
        """
        会員名簿 (batch と同じ CSV) を現行 (--old) と新しい (--new) 料率で計算します。PATH は料率ファイル、
        そのディレクトリ、または builtin（内蔵）。ファイルの制度は保険期間にかかわらず同じIDの内蔵制度に代わります。
        csv: 入力の全列に old_premium,new_premium,change,change_pct,error を加えて出力し、集計を標準エラー出力に。
        text: 集計だけを出力: 会員数、保険料合計（現行・新）、5%・10%・20% を超えて上昇・下降した会員数（累積）。
        change_pct は現行保険料に対する %（小数2桁、四捨五入）。
        終了コード: 0 全行計算 / 1 エラー行あり（全行は出力済み）・合計が桁あふれ / 2 コマンドの誤り・読めない入力 / 3 出力を書き込めない。

        例:
          cyberquote impact --old builtin --new fukuoka-ishikai-2026.json members.csv > impact.csv
          cyberquote impact --old builtin --new fukuoka-ishikai-2026.json --format text members.csv

        """,
        """
        Prices a member list (the CSV of batch) under the current (--old) and new (--new) rates.
        PATH is a rate file, a directory of them, or builtin. A file's programs stand in for the
        built-in ones with their ids, whatever their periods.
        csv: every input column plus old_premium,new_premium,change,change_pct,error; the summary
        goes to standard error. text: the summary only: members, total premium old and new, and how
        many rose or fell by more than 5%, 10% and 20% (cumulative).
        change_pct is the change in % of the old premium, two decimals, rounded half up.
        Exit status: 0 every row priced / 1 some row failed (all rows written) or a total overflows / 2 bad command line or
        input / 3 output not written.

        Examples:
          cyberquote impact --old builtin --new fukuoka-ishikai-2026.json members.csv > impact.csv
          cyberquote impact --old builtin --new fukuoka-ishikai-2026.json --format text members.csv

        """)
    case RatesCommand.name:
      return l.pick(
        """
        show:  制度を料率ファイル (JSON) として標準出力に書きます。
               保険料・保険金額はパンフレットの表記のまま（57720、"1,000万円"）。
               複数年度の版があれば --date の日（既定: 今日）に有効な版。
        check: 料率ファイル（ファイルまたはディレクトリ内の *.json、PATH なしなら
               内蔵の料率）を検証します。構造・保険金額・表の行と列・保険料・割引率・
               保険期間・重複・同じ制度の保険期間の重なりはエラー（終了コード 1）、
               「ファイル:行: JSONパス: 内容」で標準エラー出力へ。
               警告（終了コード 0、--strict で 1）: 掲載例が表のモデルから外れる、
               保険金額が上がるのに保険料が上がらない、情報漏えい限定がオールリスク
               より高い、前後の5倍超・5分の1未満、保険期間と矛盾する日付・曜日。
               --previous OLD.json で前年から ±15% を超える変動とプランの増減も。
        draft: 新しいパンフレットのテキスト（pdftotext -layout の出力も可）から
               翌年度の料率ファイルを下書きします。確認用の一覧は標準エラー出力と
               --review に。終了コード: 0 すべて読み取り / 1 要確認あり /
               2 その制度のパンフレットでない・空・バイナリ（何も書きません）。
        diff:  2つの料率ファイル OLD NEW（OLD は builtin も可）の保険料と条件の
               違いの一覧。終了コード: 0 同じ / 1 違いあり / 2 読めない。
        書式は rates/README.md、JSON Schema は rates/rate-file.schema.json。

        例:
          cyberquote rates draft --program fukuoka-ishikai fukuoka-2026.txt \\
            --out fukuoka-ishikai-2026.json --review review.json
          cyberquote rates check --previous rates/fukuoka-ishikai.json \\
            fukuoka-ishikai-2026.json
          cyberquote rates diff builtin fukuoka-ishikai-2026.json

        """,
        """
        show:  writes a program to standard output as a rate file (JSON). Premiums
               and limits appear as printed (57720, "1,000万円"). Of several
               years' versions, the one in force on --date (default: today).
        check: validates rate files (files, or the *.json of a directory; without
               PATH, the built-in ones). Errors (exit 1), on standard error as
               file:line: JSON path: message: structure, limits, table rows and
               columns, premiums, discounts, periods, duplicates, overlapping
               periods of a program. Warnings (exit 0, 1 with --strict): an example
               off its table's model, a premium that does not rise with the limits,
               a leak-only plan dearer than all-risk, a figure over 5 times or under
               a fifth of its neighbours, a date or weekday against the period.
               --previous OLD.json: also figures that moved over ±15% since last
               year, and plans added or removed.
        draft: drafts next year's rate file from the new brochure's text (also
               pdftotext -layout output). The review goes to standard error and
               --review. Exit status: 0 all read / 1 items to resolve / 2 not the
               program's brochure, empty or binary (nothing is written).
        diff:  the figures and terms that differ between rate files OLD and NEW
               (OLD may be builtin). Exit status: 0 same / 1 differ / 2 unreadable.
        The format: rates/README.md; a JSON Schema: rates/rate-file.schema.json.

        Examples:
          cyberquote rates draft --program fukuoka-ishikai fukuoka-2026.txt \\
            --out fukuoka-ishikai-2026.json --review review.json
          cyberquote rates check --previous rates/fukuoka-ishikai.json \\
            fukuoka-ishikai-2026.json
          cyberquote rates diff builtin fukuoka-ishikai-2026.json

        """)
    case TableCommand.name:
      return l.pick(
        "病床数・定員を指定すると、その規模の保険料の列を加えます。\n",
        "With a bed count or capacity, a column of premiums at that size is added.\n")
    default:
      return nil
    }
  }

  static func overview(_ l: Language) -> String {
    var commands = TextColumns(alignments: [.left, .left])
    for (name, summary) in CLI.subcommands { commands.add([name, summary(l)]) }
    return l.pick("OVERVIEW: 医師会等の団体サイバー保険の保険料計算（パンフレットの数値を1円単位まで再現）", "OVERVIEW: Premium calculator for Japanese medical associations' group cyber insurance")
      + "\n\nUSAGE: cyberquote <subcommand> [options]\n\nSUBCOMMANDS:\n" + commands.render(indent: "  ", gap: "   ")
      + "\nOPTIONS:\n"
      + TextColumns.twoColumns([
        ("--lang ja|en", CommonOptions.lang.help(l)),
        ("--rates PATH", CommonOptions.rates.help(l)),
        ("--date YYYY-MM-DD", CommonOptions.date.help(l)),
        ("--version", l.pick("バージョンを表示", "Show the version")),
        ("-h, --help", l.pick("このヘルプを表示", "Show this help")),
      ])
      + "\n" + l.pick("詳しくは 'cyberquote <subcommand> --help'。", "See 'cyberquote <subcommand> --help' for details.") + "\n"
  }
}

extension TextColumns {
  static func twoColumns(_ rows: [(String, String)]) -> String {
    var columns = TextColumns(alignments: [.left, .left])
    for (a, b) in rows { columns.add([a, b]) }
    return columns.render(indent: "  ", gap: "   ")
  }
}

extension String {
  func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}
