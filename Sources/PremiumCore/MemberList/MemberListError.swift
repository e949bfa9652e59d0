/// Why a member list cannot be read at all. A row that cannot be priced is not one of these:
/// it gets its own ``MemberRowError`` in the output, and the list goes on.
public enum MemberListError: Error, Equatable, Sendable {
  /// No header row: the input is empty.
  case empty
  /// The header row cannot be used.
  case header(HeaderError)
  /// The bytes are not CSV (an unclosed quote, a runaway record) or could not be read.
  case csv(CSVError)

  /// Why a header cannot be used.
  public enum HeaderError: Error, Equatable, Sendable {
    /// No column is one this tool reads.
    case noUsableColumn(header: [String])
    /// Two columns carry the same field.
    case duplicate(QuoteField, first: String, second: String)
    /// Two columns carry the same expectation of a check file.
    case sameColumn(first: String, second: String)
    /// A header close to the name of a column this tool reads, as typed, and the name meant.
    case nearMiss(String, meant: String)
    /// A column of a value batch takes only as a flag for the whole run (`installments`), and
    /// the flag.
    case flagOnly(String, flag: String)
    /// Other beds given both as one column and split by kind.
    case otherBedsTwice(column: String, part: String)
  }

  /// Why input cannot be read as CSV at all.
  public enum CSVError: Error, Equatable, Sendable {
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(line: Int)
    /// One record is larger than ``CSVReader/maximumRecordBytes`` (a runaway quote, or not CSV).
    case recordTooLong(line: Int)
    /// The operating system refused to read: errno.
    case readFailed(code: Int32)
  }

  /// The message for a person, naming the line or the header.
  public func message(_ l: Language) -> String {
    switch self {
    case .empty:
      return l.pick("入力が空です（見出し行が必要です）", "the input is empty (a header row is needed)")
    case .header(.noUsableColumn(let header)):
      let names = MemberColumns.names.map { $0.names.joined(separator: "/") }.joined(separator: ", ")
      return l.pick(
        "見出し行に使える列がありません（見出し: \(header.joined(separator: ", "))）。使える列: \(names)",
        "the header has no usable column (header: \(header.joined(separator: ", "))). Recognized columns: \(names)")
    case .header(.nearMiss(let header, let meant)):
      return l.pick(
        "見出しの '\(header)' は計算に使う列 '\(meant)' の誤記ではありませんか。計算に使う列なら見出しを直してください。計算に使わない列として残すなら、見出しの先頭に # を付けてください（'#\(header)'）",
        "the header '\(header)' is close to '\(meant)', a column used for pricing: correct the header, or, to keep it as a column that is not read, start it with # ('#\(header)')"
      )
    case .header(.flagOnly(let header, let flag)):
      return l.pick(
        "見出しの '\(header)' は行ごとには指定できない項目です（一覧全体に \(flag) で指定します）。その列を除くか、計算に使わない列として残すなら見出しの先頭に # を付けてください（'#\(header)'）",
        "the column '\(header)' cannot be set row by row (give \(flag) for the whole list): drop the column, or, to keep it as a column that is not read, start it with # ('#\(header)')"
      )
    case .header(.otherBedsTwice(let column, let part)):
      return l.pick(
        "見出しに '\(column)' と '\(part)' の両方があります。一般病床以外の病床数は1列にするか、療養・精神・結核・感染症の列に分けるか、どちらかにしてください",
        "the header has both '\(column)' and '\(part)': give other beds either in one column or split by kind, not both")
    case .header(.duplicate(_, let first, let second)), .header(.sameColumn(let first, let second)):
      return l.pick("見出しの '\(first)' と '\(second)' は同じ項目です", "the header columns '\(first)' and '\(second)' mean the same field")
    case .csv(.unterminatedQuote(let line)):
      return l.pick("\(line)行目で始まる引用符 (\") が閉じていません", "the quoted field starting on line \(line) never closes")
    case .csv(.recordTooLong(let line)):
      return l.pick("\(line)行目の行が長すぎます（1 MiB 超）", "the record on line \(line) is longer than 1 MiB")
    case .csv(.readFailed(let code)):
      return l.pick("読み込めません（エラー番号 \(code)）", "cannot be read (error number \(code))")
    }
  }
}
