#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// A route cache entry: the key cells' bytes, and the route (nil when the key cannot be priced:
/// such rows take the decoded path, which reports why).
final class RouteEntry {
  let key: [UInt8]
  let route: PricingRoute?

  init(key: [UInt8], route: PricingRoute?) {
    self.key = key
    self.route = route
  }
}

extension Basis {
  /// The raw value as UTF-8 bytes, for writing without building a string per row.
  var utf8Name: [UInt8] {
    switch self {
    case .published: Basis.publishedBytes
    case .formula: Basis.formulaBytes
    case .estimate: Basis.estimateBytes
    }
  }
  private static let publishedBytes = Array("published".utf8)
  private static let formulaBytes = Array("formula".utf8)
  private static let estimateBytes = Array("estimate".utf8)
}

/// Input that cannot be read at all (a member list, or rate files): exit status 2.
indirect enum BatchError: Error {
  case cannotOpen(String, code: Int32)
  /// A path given to `verify` that holds no check files (`*.csv`).
  case noCheckFiles(String)
  /// A check file whose header has none of the `expected_*` columns.
  case noExpectationColumn([String])
  /// Any of the above in one of several files.
  case inFile(String, BatchError)
  /// A directory given for rate files that holds none (`*.json`).
  case noRateFiles(String)
  /// An output file (a chart's SVG) that cannot be written.
  case cannotWrite(String, code: Int32)
  case empty
  case header(MemberColumns.HeaderError)
  case csv(CSVError)

  func message(_ l: Language) -> String {
    switch self {
    case .cannotOpen(let path, let code):
      let reason = String(cString: strerror(code))
      return l.pick("入力ファイル '\(path)' を開けません: \(reason)", "cannot open the input file '\(path)': \(reason)")
    case .cannotWrite(let path, let code):
      let reason = String(cString: strerror(code))
      return l.pick("ファイル '\(path)' に書き込めません: \(reason)", "cannot write the file '\(path)': \(reason)")
    case .noCheckFiles(let path):
      return l.pick("'\(path)' に検査ファイル (*.csv) がありません", "'\(path)' holds no check files (*.csv)")
    case .noExpectationColumn(let header):
      let names = Expectation.Field.allCases.map(\.rawValue).joined(separator: ", ")
      return l.pick("期待値の列がありません（見出し: \(header.joined(separator: ", "))）。必要な列: \(names) のいずれか",
        "no expectation column (header: \(header.joined(separator: ", "))); expected at least one of \(names)")
    case .inFile(let path, let error):
      return "\(path): " + error.message(l)
    case .noRateFiles(let path):
      return l.pick("'\(path)' に料率ファイル (*.json) がありません", "'\(path)' holds no rate files (*.json)")
    case .empty:
      return l.pick("入力が空です（見出し行が必要です）", "the input is empty (a header row is needed)")
    case .header(.noUsableColumn(let header)):
      let names = MemberColumns.names.map { $0.names.joined(separator: "/") }.joined(separator: ", ")
      return l.pick("見出し行に使える列がありません（見出し: \(header.joined(separator: ", "))）。使える列: \(names)",
        "the header has no usable column (header: \(header.joined(separator: ", "))). Recognized columns: \(names)")
    case .header(.duplicate(_, let first, let second)):
      return l.pick("見出しの '\(first)' と '\(second)' は同じ項目です", "the header columns '\(first)' and '\(second)' mean the same field")
    case .csv(.unterminatedQuote(let line)):
      return l.pick("\(line)行目で始まる引用符 (\") が閉じていません", "the quoted field starting on line \(line) never closes")
    case .csv(.recordTooLong(let line)):
      return l.pick("\(line)行目の行が長すぎます（1 MiB 超）", "the record on line \(line) is longer than 1 MiB")
    case .csv(.readFailed(let code)):
      return l.pick("入力を読めません: \(String(cString: strerror(code)))", "cannot read the input: \(String(cString: strerror(code)))")
    }
  }
}
