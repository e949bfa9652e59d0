import PremiumCore

/// One `batch` run on this thread: the library's ``MemberListPricer`` with what the command line
/// adds: stdout and its failures, progress on stderr, the summary and the exit status.
struct BatchRun {
  var pricer: MemberListPricer
  /// The input's size when progress should be shown on stderr (a file, stderr a terminal).
  var progress: Int?
  /// stderr's width; nil off a terminal, where the summary is not wrapped.
  var terminalWidth: Int? = nil
  /// `--strict`: a row with any warning (an ended or undated period, an estimate) fails the run.
  var strict = false

  var language: Language { pricer.options.language }

  /// Rows between progress lines.
  static let progressRows = 50_000

  /// The whole run, on this thread: header, every row, summary.
  mutating func execute<Source: ByteSource, C: Console>(reader: inout CSVReader<Source>, console: inout C) throws -> Int32 {
    try start(reader: &reader)
    try priceRows(reader: &reader, console: &console)
    return try finish(console: &console)
  }

  /// Reads the header; the output's header is held for the first write.
  mutating func start<Source: ByteSource>(reader: inout CSVReader<Source>) throws(BatchError) {
    do {
      try pricer.readHeader(from: &reader)
    } catch {
      throw .memberList(error)
    }
  }

  /// Prices every row, writing as it goes and stopping the run if stdout refuses; progress on
  /// stderr every ``progressRows`` rows.
  mutating func priceRows<Source: ByteSource, C: Console>(reader: inout CSVReader<Source>, console: inout C) throws {
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(BatchError) {
      console.write(bytes: bytes)
      try console.checkOutput()
    }
    guard let size = progress, size > 0 else {
      _ = try Self.mapped { () throws(MemberListPricer.RowsError<BatchError>) in try pricer.priceRows(from: &reader, write: write) }
      return
    }
    while try Self.mapped({ () throws(MemberListPricer.RowsError<BatchError>) in
      try pricer.priceRows(from: &reader, maxRows: Self.progressRows, write: write)
    }) == .rowLimit {
      let rows = YenFormat.grouped(Int64(pricer.tally.rows))
      let percent = Proportion.percent(reader.bytesRead, of: size)
      console.writeProgress("\r" + language.pick("処理中 \(percent)%（\(rows)行）", "working \(percent)% (\(rows) rows)"))
    }
    if pricer.tally.rows >= Self.progressRows { console.writeProgress("\r\u{1B}[K") }
  }

  /// The library's errors as the command line's.
  static func mapped<T>(_ body: () throws(MemberListPricer.RowsError<BatchError>) -> T) throws(BatchError) -> T {
    do {
      return try body()
    } catch {
      switch error {
      case .list(let error): throw .memberList(error)
      case .write(let error): throw error
      }
    }
  }

  /// Writes what the pricer holds; stops the run if stdout refused it.
  mutating func takeOutput<C: Console>(to console: inout C) throws(BatchError) {
    pricer.takeOutput { console.write(bytes: $0) }
    try console.checkOutput()
  }

  /// Writes the summary once every row has reached stdout; the exit status. No summary when
  /// output was lost, and an error when the total cannot be represented.
  mutating func finish<C: Console>(console: inout C) throws -> Int32 {
    try takeOutput(to: &console)
    try console.flushAndCheckOutput()
    console.writeError(Screen.fit(summary(), width: terminalWidth))
    if pricer.tally.total.amount == nil { throw BatchError.totalOverflow }
    return pricer.tally.failed == 0 && !(strict && pricer.tally.warnedRows > 0) ? 0 : 1
  }

  private func summary() -> String {
    let l = language
    let tally = pricer.tally
    let totalText = tally.total.amount.map { l.pick("\(YenFormat.grouped($0))円", "\(YenFormat.grouped($0)) yen") } ?? l.pick("計算できません", "cannot be computed")
    var text = l.pick(
      "計算済み \(YenFormat.grouped(Int64(tally.priced)))行、エラー \(YenFormat.grouped(Int64(tally.failed)))行、保険料合計 \(totalText)",
      "priced \(YenFormat.grouped(Int64(tally.priced))) rows, failed \(YenFormat.grouped(Int64(tally.failed))) rows, total premium \(totalText)")
    if tally.blankLines > 0 {
      text += l.pick("（空行 \(tally.blankLines)行は読み飛ばしました）", " (skipped \(tally.blankLines) blank lines)")
    }
    if tally.warnedRows > 0 {
      let count = YenFormat.grouped(Int64(tally.warnedRows))
      text +=
        l.pick("、警告のある行 \(count)行", ", \(count) \(tally.warnedRows == 1 ? "row" : "rows") with warnings")
        + (strict ? l.pick("（--strict: 終了コード 1）", " (--strict: exit 1)") : "")
    }
    if tally.emptyRows > 0 {
      text += l.pick("（区切りだけの行 \(tally.emptyRows)行は読み飛ばしました）", " (skipped \(tally.emptyRows) lines of separators only)")
    }
    text += "\n"
    let files = pricer.catalog.entries.filter { !$0.isBuiltIn }.map { "\($0.id) = \($0.origin)" }
    if !files.isEmpty { text += l.pick("料率ファイル: ", "rate files: ") + files.joined(separator: ", ") + "\n" }
    if let notice = pricer.columns?.otherBedsNotice(l) { text += l.pick("注: ", "note: ") + notice + "\n" }
    // Each sentence once, with the code its rows carry in their warnings cell.
    for (id, warning) in tally.programWarnings.sorted(by: { $0.key < $1.key }) {
      text += l.pick("警告", "warning") + " [\(warning.code.rawValue)]: " + Wording.warning(warning, programID: id, l) + "\n"
    }
    for note in tally.rowNotes {
      text += l.pick("警告", "warning") + " [\(note.code)] " + l.pick("（\(note.line)行目ほか）: ", "(line \(note.line) and others): ") + note.text + "\n"
    }
    return text
  }
}
