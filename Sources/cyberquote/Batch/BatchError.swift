#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// Input that cannot be read at all (a member list, check or rate files): exit status 2; output
/// that cannot be written: exit status 3.
indirect enum BatchError: Error {
  case cannotOpen(String, code: Int32)
  /// A directory where a file is read (a member list).
  case isDirectory(String)
  /// A rate path that is neither a regular file nor a directory (a device, a pipe).
  case notRegularFile(String)
  /// A rate file larger than ``RateFileSources/maximumBytes``.
  case tooLarge(String, limit: Int)
  /// A path given to `verify` that holds no check files (`*.csv`).
  case noCheckFiles(String)
  /// A check file whose header has none of the `expected_*` columns.
  case noExpectationColumn([String])
  /// A check file's row with an `expected_*` cell left empty: it would check nothing.
  case emptyExpectation(line: Int, column: String)
  /// A check file with a header and no row to check.
  case noCheckRows
  /// A check file that is a FIFO, a device or a socket.
  case checkFileNotRegular(String)
  /// A proposal's member list with more facilities than a page lists.
  case tooManyMembers(limit: Int)
  /// An output path that names one of the command's inputs.
  case outputIsInput(String, input: String)
  /// A rate file with bytes that are not UTF-8, at this line.
  case notUTF8(String, line: Int)
  /// Any of the above in one of several files.
  case inFile(String, BatchError)
  /// A directory given for rate files that holds none (`*.json`).
  case noRateFiles(String)
  /// An output file (a chart's SVG) that cannot be written.
  case cannotWrite(String, code: Int32)
  /// An output that has other hard links: replacing it would split them.
  case hardLinked(String, links: Int)
  /// stdout refused a write (errno): a full disk, a closed or broken pipe.
  case outputFailed(code: Int32)
  /// A sum of premiums beyond what a 64-bit yen amount holds.
  case totalOverflow
  /// A member list whose file changed (size or time) while it was read: its rows may be missing.
  case changedWhileRead
  /// No header, an unusable one, or input that is not CSV.
  case memberList(MemberListError)
  /// A brochure's text that is empty or binary (`rates draft`).
  case unreadableBrochure(String, BrochureText.ReadError)
  /// A brochure path that is not a regular file, or one over the limit (`rates draft`).
  case brochureNotRegularFile(String)
  case brochureTooLarge(String, limit: Int)
  /// A rate file with an error where it is compared, not used to price (`rates diff`).
  case badRateFile(RateFileError)
  /// A brochure in which no table of the program is found (`rates draft`).
  case notTheBrochure(String, program: String)
  /// `rates diff` of two different programs' books, without `--any`.
  case differentPrograms(old: String, new: String)

  /// 3 when output was lost, 2 for input that cannot be read.
  var exitStatus: Int32 {
    switch self {
    case .cannotWrite, .outputFailed, .hardLinked: 3
    case .totalOverflow, .changedWhileRead: 1
    case .inFile(_, let error): error.exitStatus
    default: 2
    }
  }

  /// Where an input came from, as a message names it: `-` is standard input.
  static func inputName(_ path: String, _ l: Language) -> String {
    path == "-" ? l.pick("標準入力", "standard input") : path
  }

  func message(_ l: Language) -> String {
    switch self {
    case .cannotOpen(let path, let code):
      let reason = String(cString: strerror(code))
      return l.pick("入力ファイル '\(path)' を開けません: \(reason)", "cannot open the input file '\(path)': \(reason)")
    case .isDirectory(let path):
      return l.pick("'\(path)' はディレクトリです。CSV ファイルを指定してください", "'\(path)' is a directory; give a CSV file")
    case .notRegularFile(let path):
      return l.pick(
        "'\(path)' は通常のファイルでもディレクトリでもありません。料率ファイル (*.json) かそのディレクトリを指定してください",
        "'\(path)' is neither a regular file nor a directory; give a rate file (*.json) or a directory of them")
    case .tooLarge(let path, let limit):
      return l.pick(
        "料率ファイル '\(path)' が大きすぎます（上限 \(limit / 1024 / 1024) MiB）",
        "the rate file '\(path)' is too large (the limit is \(limit / 1024 / 1024) MiB)")
    case .cannotWrite(let path, let code):
      let reason = String(cString: strerror(code))
      return l.pick("ファイル '\(path)' に書き込めません: \(reason)", "cannot write the file '\(path)': \(reason)")
    case .hardLinked(let path, let links):
      return l.pick(
        "'\(path)' には他に \(links - 1) 個のハードリンクがあります。置き換えるとリンクが分かれるため書き込みません。別のファイル名を指定するか、他のリンクを外してください",
        "'\(path)' has \(links - 1) other hard link(s); replacing it would split them, so it is not written. Give another file, or remove the other links")
    case .outputFailed(let code):
      let reason = String(cString: strerror(code))
      return l.pick("標準出力に書き込めません: \(reason)。出力は途中までです", "cannot write to standard output: \(reason); the output is incomplete")
    case .totalOverflow:
      return l.pick(
        "保険料の合計が大きすぎて計算できません（64ビット整数の範囲を超えます）",
        "the total premium is too large to compute (beyond a 64-bit integer)")
    case .changedWhileRead:
      return l.pick(
        "読んでいる間にファイルが変更されました（切り詰め・上書き・追記）。出力は行が欠けているおそれがあるため使わず、変更が終わってからもう一度実行してください",
        "the file changed while it was read (truncated, rewritten or appended to); the output may be missing rows, so do not use it, and run again once the file is settled"
      )
    case .noCheckFiles(let path):
      return l.pick("'\(path)' に検査ファイル (*.csv) がありません", "'\(path)' holds no check files (*.csv)")
    case .noExpectationColumn(let header):
      let names = Expectation.Field.allCases.map(\.rawValue).joined(separator: ", ")
      return l.pick(
        "期待値の列がありません（見出し: \(header.joined(separator: ", "))）。必要な列: \(names) のいずれか",
        "no expectation column (header: \(header.joined(separator: ", "))); expected at least one of \(names)")
    case .emptyExpectation(let line, let column):
      return l.pick(
        "\(line)行目の \(column) が空です。期待値を書くか、その列を除いてください（空の期待値は何も照合しません）",
        "line \(line): \(column) is empty; write the expected value or drop the column (an empty expectation checks nothing)")
    case .noCheckRows:
      return l.pick("照合する行がありません", "no rows to check")
    case .tooManyMembers(let limit):
      return l.pick(
        "御見積書に載せる施設が \(limit)件を超えています。それより多い名簿は batch で計算してください",
        "more than \(limit) facilities for one page; price a longer list with batch")
    case .outputIsInput(let output, let input):
      let same = output == input ? "" : l.pick("（'\(input)' と同じファイル）", " (the same file as '\(input)')")
      return l.pick(
        "書き出し先 '\(output)' は入力ファイルです\(same)。入力を上書きしないよう、別のファイルを指定してください",
        "the output '\(output)' is an input of this command\(same); give another file, so that the input is not overwritten")
    case .notUTF8(let path, let line):
      return l.pick(
        "料率ファイル \(path):\(line): UTF-8 ではないバイトがあります。UTF-8 で保存してください",
        "rate file \(path):\(line): bytes that are not UTF-8; save the file as UTF-8")
    case .checkFileNotRegular(let path):
      return l.pick(
        "'\(path)' は通常のファイルではありません。検査ファイル (*.csv) かそのディレクトリを指定してください",
        "'\(path)' is not a regular file; give a check file (*.csv) or a directory of them")
    case .inFile(let path, let error):
      return Self.inputName(path, l) + ": " + error.message(l)
    case .noRateFiles(let path):
      return l.pick("'\(path)' に料率ファイル (*.json) がありません", "'\(path)' holds no rate files (*.json)")
    case .memberList(.csv(.readFailed(let code))):
      return l.pick("読み込めません: \(String(cString: strerror(code)))", "cannot be read: \(String(cString: strerror(code)))")
    case .memberList(let error):
      return error.message(l)
    case .brochureNotRegularFile(let path):
      return l.pick(
        "'\(path)' は通常のファイルではありません。パンフレットのテキストファイルを指定してください",
        "'\(path)' is not a regular file; give the brochure's text file")
    case .brochureTooLarge(let path, let limit):
      return l.pick(
        "'\(path)' はパンフレットのテキストとしては大きすぎます（上限 \(limit / 1024 / 1024) MiB）",
        "'\(path)' is too large for a brochure's text (the limit is \(limit / 1024 / 1024) MiB)")
    case .unreadableBrochure(let path, .empty):
      return l.pick(
        "'\(path)' は空です。パンフレットの PDF から取り出したテキストを指定してください",
        "'\(path)' is empty; give the text extracted from the brochure's PDF")
    case .unreadableBrochure(let path, .binary(let line)):
      return l.pick(
        "'\(path)' の \(line) 行目はテキストではありません（NUL または UTF-8 でないバイト）。pdftotext などで取り出したテキストを指定してください",
        "'\(path)' line \(line) is not text (a NUL or bytes that are not UTF-8); give the text extracted with pdftotext or the like")
    case .badRateFile(let error):
      return l.pick("料率ファイル ", "rate file ") + error.description(l)
    case .notTheBrochure(let path, let program):
      return l.pick(
        "'\(path)' に \(program) の保険料表が見つかりません。この制度のパンフレットではないようです",
        "no table of \(program) was found in '\(path)'; it does not look like this program's brochure")
    case .differentPrograms(let old, let new):
      return l.pick(
        "\(old) と \(new) は別の制度の料率です。同じ制度の2つの版を比べてください（別の制度どうしを比べるときは --any）",
        "\(old) and \(new) are books of two different programs; compare two versions of one program (--any compares any two books)")
    }
  }
}
