#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// `cyberquote batch`: prices a member list (CSV) row by row, streaming.
///
/// Every input row gives exactly one output row, in order, with every input cell kept and the
/// columns `premium,installments,installment_premium,basis,error` added. A bad row gets an empty
/// premium and an error naming the column and value; it never stops the run.
enum BatchCommand {
  static let name = "batch"
  static let synopsis = Synopsis(positionals: ["[FILE | -]"])

  /// Shared with `impact`, which reads the same member lists.
  static let defaultProgram = OptionSpec(name: "--program", valueName: "ID") {
    $0.pick("制度列が空の行に使う制度ID", "Program for rows whose program cell is empty or absent")
  }
  static let encoding = OptionSpec(name: "--encoding", valueName: "auto|utf-8|cp932") {
    $0.pick("入力の文字コード (既定: auto。BOM・UTF-8・Shift_JIS/CP932 を判定)", "Input encoding (default: auto: BOM, UTF-8 or Shift_JIS/CP932 detected)")
  }
  /// Shared with `impact`.
  static let outputEncoding = OptionSpec(name: "--output-encoding", valueName: "utf-8|cp932") {
    $0.pick(
      "出力 CSV の文字コード (既定: utf-8。cp932 は旧システム向け。表せない文字はその行のエラー)",
      "Output CSV encoding (default: utf-8; cp932 for legacy systems: a character it cannot hold is that row's error)")
  }

  /// `--output-encoding`: true for CP932.
  static func parseOutputCP932(_ args: ParsedArguments, command: String) throws(UsageError) -> Bool {
    try args.choice(
      "--output-encoding", command: command,
      parse: { text -> Bool? in
        switch text.lowercased() {
        case "utf-8", "utf8": false
        case "cp932", "shift_jis", "shift-jis", "sjis", "windows-31j": true
        default: nil
        }
      }, choices: ["utf-8", "cp932"]) ?? false
  }

  static let specs: [OptionSpec] = [
    defaultProgram,
    OptionSpec(name: "--group-discount", valueName: "PCT") {
      $0.pick("全行をこの団体割引 0～30% で再計算（推定）", "Re-price every row at this group discount, 0 to 30% (an estimate)")
    },
    OptionSpec(name: "--installments", valueName: "N") {
      $0.pick("全行をこの払込回数 1～12 で再計算", "Re-price every row for 1 to 12 payments a year")
    },
    encoding, outputEncoding,
    OptionSpec(name: "--excel", valueName: nil) {
      $0.pick("Windows の Excel 向けに BOM 付き UTF-8・CRLF で出力", "Write UTF-8 with a BOM and CRLF, as Excel on Windows expects")
    },
    CommonOptions.strict,
    CommonOptions.format(["csv", "jsonl"]), CommonOptions.lang, CommonOptions.help,
  ]

  static func run<C: Console>(_ arguments: [String], context: Context, console: inout C) throws -> Int32 {
    let args = try ParsedArguments(arguments, specs: specs, synopsis: synopsis, command: name)
    guard args.positionals.count <= 1 else { throw UsageError.unexpectedArgument(args.positionals[1], command: name) }
    let format = try CommonOptions.parseFormat(args, command: name, allowed: ["csv", "jsonl"])
    let forcedEncoding = try parseInputEncoding(args, command: name)
    let excel = args.has("--excel")
    // JSON lines are read by JSON parsers, which a byte-order mark breaks.
    if excel, format == "jsonl" { throw UsageError.conflictingOptions("--excel", "--format jsonl", command: name) }
    let outputCP932 = try parseOutputCP932(args, command: name)
    // JSON is UTF-8 by definition (RFC 8259).
    if outputCP932, format == "jsonl" { throw UsageError.conflictingOptions("--output-encoding cp932", "--format jsonl", command: name) }
    let repricing = try CommonOptions.parseRepricing(args, command: name)
    var defaults = QuoteRequest.Defaults(groupDiscountPercent: repricing.groupDiscountPercent, installments: repricing.installments)
    defaults.program = try parseDefaultProgram(args, catalog: context.catalog)

    let input = try MemberListInput.open(args.positionals.first, command: name, console: &console)
    // Keep the descriptor open for the whole run (the second half of a parallel run reads it too).
    defer { input.close() }
    var reader = CSVReader(input.source, encoding: forcedEncoding)
    let options = MemberListPricer.Options(
      format: format == "jsonl" ? .jsonLines : .csv, defaults: defaults, language: context.language, excel: excel,
      outputCP932: outputCP932, today: context.today, settingName: settingName)
    let run = BatchRun(
      pricer: MemberListPricer(catalog: context.catalog, options: options),
      progress: console.standardErrorIsTerminal ? input.size : nil, terminalWidth: context.errorColumns, strict: args.has("--strict"))
    console.expectLongOutput()
    return try input.reading {
      if format == "csv", let size = input.size, size >= ParallelBatch.minimumBytes(context.environment) {
        let chunk = context.environment[ParallelBatch.chunkBytesVariable].flatMap { Int($0) } ?? ParallelBatch.defaultChunkBytes
        var parallel = ParallelBatch(run: run, size: size, chunkBytes: chunk)
        return try parallel.execute(reader: &reader, descriptor: input.descriptor, forcedEncoding: forcedEncoding, console: &console)
      }
      var run = run
      return try run.execute(reader: &reader, console: &console)
    }
  }

  /// How a row error names a per-run setting no column carries: its flag. Fields a list could
  /// carry as a column keep the column's English name, which the header could add.
  static func settingName(_ field: QuoteField) -> String {
    field == .groupDiscount || field == .installments ? CommonOptions.flag(for: field) : field.rawValue
  }

  /// `--encoding`: the input's encoding, or nil for `auto` (or none given): guessed from the bytes.
  static func parseInputEncoding(_ args: ParsedArguments, command: String) throws(UsageError) -> InputEncoding? {
    try args.choice("--encoding", command: command, parse: parseEncoding, choices: ["auto", "utf-8", "cp932"]) ?? nil
  }

  /// `--program` for rows without one, lower-cased; an unknown program fails before any row.
  static func parseDefaultProgram(_ args: ParsedArguments, catalog: Catalog) throws -> String? {
    guard let program = args.value("--program") else { return nil }
    let id = NumberText.halfWidth(program).lowercased()
    _ = try catalog.program(id)
    return id
  }

  private static func parseEncoding(_ text: String) -> InputEncoding?? {
    switch text.lowercased() {
    case "auto": .some(nil)
    case "utf-8", "utf8": .some(.utf8)
    case "cp932", "shift_jis", "shift-jis", "sjis", "windows-31j": .some(.cp932)
    default: nil
    }
  }
}

/// Where a member list comes from: FILE, or standard input for `-` or no FILE (never a terminal).
struct MemberListInput {
  let source: AnyByteSource
  /// The file's descriptor: 0 for stdin, which is left open.
  let descriptor: Int32
  /// The size of a regular file, which can be read in parallel ranges; nil for a pipe, a FIFO or
  /// a device, which are read once, in order.
  let size: Int?
  /// The path as given, `-` for standard input: what error messages name.
  let name: String
  /// A regular file's size and modification time when it was opened: a list that changes while
  /// it is read (truncated, rewritten, appended to) gives an error, not a short success.
  var identity: FileIdentity? = nil

  static func open<C: Console>(_ path: String?, command: String, console: inout C) throws -> MemberListInput {
    guard let path, path != "-" else {
      if path == nil, console.standardInputIsTerminal { throw UsageError.missingInput(command: command) }
      return MemberListInput(source: console.standardInput(), descriptor: 0, size: nil, name: "-")
    }
    return try open(file: path)
  }

  /// A file: a regular one read in ranges, anything else (a FIFO, `/dev/stdin` on a pipe, a
  /// process substitution) read once, in order; a directory is refused. `regularOnly` refuses
  /// anything but a regular file at once (a check file: a FIFO would block waiting for a writer).
  static func open(file path: String, regularOnly: Bool = false) throws(BatchError) -> MemberListInput {
    let fd = FileName.withCString(path) { systemOpen($0, O_RDONLY | (regularOnly ? O_NONBLOCK : 0)) }
    guard fd >= 0 else { throw .cannotOpen(path, code: errno) }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      let code = errno
      systemClose(fd)
      throw .cannotOpen(path, code: code)
    }
    switch status.st_mode & S_IFMT {
    case S_IFDIR:
      systemClose(fd)
      throw .isDirectory(path)
    case S_IFREG:
      return MemberListInput(
        source: FileRangeSource(descriptor: fd, offset: 0).any, descriptor: fd, size: Int(status.st_size), name: path,
        identity: FileIdentity(status))
    case _ where regularOnly:
      systemClose(fd)
      throw .checkFileNotRegular(path)
    default:
      return MemberListInput(source: FileDescriptorSource(descriptor: fd).any, descriptor: fd, size: nil, name: path)
    }
  }

  func close() {
    if descriptor > 0 { systemClose(descriptor) }
  }

  /// What tells a regular file's contents changed: its size, its modification time, and its
  /// change time (a write that restores the modification time still moves it).
  struct FileIdentity: Equatable {
    let size: Int
    let modified: timespec
    let changed: timespec

    init(_ status: stat) {
      size = Int(status.st_size)
      modified = status.st_mtim
      changed = status.st_ctim
    }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool {
      a.size == b.size && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
  }

  /// Runs `body`, naming this input in any error about reading it; a regular file that changed
  /// meanwhile is that error instead of whatever `body` made of it.
  func reading<T>(_ body: () throws -> T) throws -> T {
    try Self.naming(name) {
      let result: T
      do {
        result = try body()
      } catch {
        try checkUnchanged()
        throw error
      }
      try checkUnchanged()
      return result
    }
  }

  /// Throws when the regular file is no longer as it was opened (a pipe is not checked).
  func checkUnchanged() throws(BatchError) {
    guard let identity else { return }
    var status = stat()
    guard fstat(descriptor, &status) == 0, FileIdentity(status) == identity else { throw .changedWhileRead }
  }

  /// Runs `body`, naming the input `name` (a path, `-` for stdin) in any error about reading it.
  static func naming<T>(_ name: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as CSVError {
      throw BatchError.inFile(name, .memberList(.csv(error)))
    } catch let error as MemberListError {
      throw BatchError.inFile(name, .memberList(error))
    } catch let error as BatchError {
      switch error {
      case .outputFailed, .totalOverflow, .cannotWrite, .inFile: throw error
      default: throw BatchError.inFile(name, error)
      }
    }
  }

  /// Reads the header row and maps its columns: an empty input, or a header with no column
  /// `batch` knows, is an input error (exit 2).
  static func rows<S: ByteSource>(_ reader: CSVReader<S>, defaults: QuoteRequest.Defaults = .init()) throws(BatchError) -> MemberRows<S> {
    do {
      return try MemberRows(reader, defaults: defaults)
    } catch {
      throw .memberList(error)
    }
  }

  /// The next row that is not blank; a CSV that cannot be read is an input error (exit 2).
  static func next<S: ByteSource>(_ rows: inout MemberRows<S>) throws(BatchError) -> MemberRow? {
    do {
      return try rows.next()
    } catch {
      throw .memberList(error)
    }
  }
}
