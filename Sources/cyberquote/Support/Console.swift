#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// Where a command writes and reads: the process's streams, or a test's buffers.
protocol Console {
  /// Writes bytes to stdout.
  mutating func write(bytes: UnsafeBufferPointer<UInt8>)
  /// Writes text to stderr as it is; messages go through ``writeError(_:)``.
  mutating func writeStandardError(_ text: String)
  /// stdin as a byte source.
  mutating func standardInput() -> AnyByteSource
  var standardInputIsTerminal: Bool { get }
  var standardErrorIsTerminal: Bool { get }
  /// errno of the first write to stdout that failed (a full disk, a closed or broken pipe); nil
  /// while every write has gone through. Once set, later writes are dropped.
  var outputFailure: Int32? { get }
  /// Hands buffered stdout bytes to the system, so that ``outputFailure`` tells about them too.
  mutating func flush()
  /// Readies stdout for output of many megabytes (a member list's): see ``PipeBuffer``.
  mutating func expectLongOutput()
}

extension Console {
  mutating func expectLongOutput() {}

  /// Writes a message to stderr, with control characters from input shown escaped: a cell or a
  /// file name cannot move the cursor or recolour the terminal.
  mutating func writeError(_ text: String) { writeStandardError(TerminalText.escaped(text)) }

  /// Writes a note (what the tool did with the input, not an error) to stderr, when there is one.
  mutating func writeNote(_ note: String?, _ l: Language, width: Int?) {
    guard let note else { return }
    writeError(Screen.fit(l.pick("注: ", "note: ") + note + "\n", width: width))
  }

  /// Writes a progress line to stderr, which redraws itself with CR and an erase sequence.
  mutating func writeProgress(_ text: String) { writeStandardError(text) }

  /// Writes text to stdout.
  mutating func write(_ text: String) {
    var text = text
    text.withUTF8 { write(bytes: $0) }
  }

  /// Stops a command once stdout can no longer be written: the rest would be lost.
  func checkOutput() throws(BatchError) {
    if let code = outputFailure { throw .outputFailed(code: code) }
  }

  /// Flushes stdout and stops the command if anything written so far was lost.
  mutating func flushAndCheckOutput() throws(BatchError) {
    flush()
    try checkOutput()
  }
}

/// Any byte source, behind a closure.
struct AnyByteSource: ByteSource {
  let readInto: (UnsafeMutableRawBufferPointer) throws(CSVError) -> Int

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
    try readInto(buffer)
  }
}

/// An open file descriptor, read with read(2).
struct FileDescriptorSource: ByteSource {
  let descriptor: Int32

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let n = systemRead(descriptor, base, buffer.count)
      if n >= 0 { return n }
      if errno != EINTR { throw .readFailed(code: errno) }
    }
  }

  var any: AnyByteSource {
    var copy = self
    return AnyByteSource { buffer throws(CSVError) in try copy.read(into: buffer) }
  }
}

/// A regular file read with pread(2) from `offset` on: several readers can share a descriptor.
struct FileRangeSource: ByteSource {
  let descriptor: Int32
  var offset: Int

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let n = pread(descriptor, base, buffer.count, off_t(offset))
      if n >= 0 {
        offset += n
        return n
      }
      if errno != EINTR { throw .readFailed(code: errno) }
    }
  }

  var any: AnyByteSource {
    var copy = self
    return AnyByteSource { buffer throws(CSVError) in try copy.read(into: buffer) }
  }
}

/// The real process: stdout and stderr buffered over their descriptors.
struct ProcessConsole: Console {
  private var out = DescriptorWriter(descriptor: 1)
  private var err = DescriptorWriter(descriptor: 2)

  mutating func write(bytes: UnsafeBufferPointer<UInt8>) { out.write(bytes) }
  mutating func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { err.write($0) }
    err.flush()  // stderr is unbuffered, as people expect
  }
  mutating func standardInput() -> AnyByteSource { FileDescriptorSource(descriptor: 0).any }
  var standardInputIsTerminal: Bool { isatty(0) == 1 }
  var standardErrorIsTerminal: Bool { isatty(2) == 1 }
  var outputFailure: Int32? { out.failure }
  mutating func expectLongOutput() { PipeBuffer.enlarge(1) }

  mutating func flush() {
    out.flush()
    err.flush()
  }
}

/// Buffered writes to a file descriptor. The first failed write is kept in ``failure`` and
/// nothing more is written: output after a gap would be worse than output cut short.
struct DescriptorWriter {
  let descriptor: Int32
  private(set) var failure: Int32?
  private var buffer: [UInt8] = []
  private static let flushThreshold = 1 << 16

  init(descriptor: Int32) {
    self.descriptor = descriptor
    buffer.reserveCapacity(Self.flushThreshold)
  }

  mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard failure == nil else { return }
    if buffer.count + bytes.count > Self.flushThreshold { flush() }
    if bytes.count >= Self.flushThreshold {
      failure = failure ?? Self.writeAll(bytes, descriptor)
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  mutating func flush() {
    if failure == nil, !buffer.isEmpty {
      failure = buffer.withUnsafeBufferPointer { Self.writeAll($0, descriptor) }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes every byte; errno when the system refuses (a full disk, a closed descriptor, EPIPE
  /// with SIGPIPE ignored). A failure is not retried.
  static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, _ descriptor: Int32) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var offset = 0
    while offset < bytes.count {
      let written = systemWrite(descriptor, base + offset, bytes.count - offset)
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return written < 0 ? errno : EIO }
      offset += written
    }
    return nil
  }
}

/// What the process learns from its surroundings; tests supply their own.
struct Environment {
  var variables: [String: String]
  /// The quote date: today, in the machine's time zone.
  var today: CalendarDate?
  /// The moment the command runs (seconds since the epoch): what a proposal's record says it
  /// was issued at. nil when the clock is not the machine's (tests).
  var now: Int? = nil
  /// stdout's width in columns when it is a terminal (or COLUMNS says); nil: text is not wrapped.
  var terminalColumns: Int?
  /// stderr's width, the same way: a message to a log or a pipe is one line, never wrapped.
  var errorColumns: Int?
  /// Whether stdout is a terminal (not only a width from COLUMNS): a table for files says so there.
  var outputIsTerminal = false
  /// Colour only on a terminal, never with NO_COLOR set to a non-empty value, nor for TERM=dumb.
  var colour = false

  /// The variables this tool reads, and today's date.
  static func current() -> Environment {
    var variables: [String: String] = [:]
    for name in [
      "LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "TERM", "COLUMNS", CLI.ratesVariable, ParallelBatch.minimumBytesVariable, ParallelBatch.chunkBytesVariable,
    ] {
      if let value = getenv(name) { variables[name] = String(cString: value) }
    }
    var now = time(nil)
    var parts = tm()
    let today =
      localtime_r(&now, &parts) != nil
      ? CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) : nil
    let given = variables["COLUMNS"].flatMap { Int($0) }
    func width(of descriptor: Int32) -> Int? {
      if let given { return given }
      guard isatty(descriptor) == 1 else { return nil }
      var size = winsize()
      return ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : Screen.defaultWidth
    }
    return Environment(
      variables: variables, today: today, now: Int(now), terminalColumns: width(of: 1), errorColumns: width(of: 2), outputIsTerminal: isatty(1) == 1,
      colour: colourEnabled(isTerminal: isatty(1) == 1, variables: variables))
  }

  /// Colour only on a terminal that draws it: never when NO_COLOR is set and not empty
  /// (no-color.org), nor for TERM=dumb (Emacs shells, some CI logs), which prints the escapes.
  static func colourEnabled(isTerminal: Bool, variables: [String: String]) -> Bool {
    isTerminal && (variables["NO_COLOR"] ?? "").isEmpty && variables["TERM"] != "dumb"
  }

  /// English when the locale says so (`LC_ALL`, then `LC_MESSAGES`, then `LANG` starting `en`).
  var language: Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = variables[name], !value.isEmpty {
        return value.hasPrefix("en") ? .en : .ja
      }
    }
    return .ja
  }
}

extension Environment {
  /// `moment` as local time with its offset (`2026-12-06T10:15:00+09:00`); nil when it cannot be
  /// broken down. Formatted only by the command that records it, not at every start-up.
  static func localTimestamp(_ seconds: Int) -> String? {
    var moment = time_t(seconds)
    var parts = tm()
    guard localtime_r(&moment, &parts) != nil else { return nil }
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let offset = Int32(parts.tm_gmtoff / 60)
    let sign = offset < 0 ? "-" : "+"
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
      + "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
  }
}
