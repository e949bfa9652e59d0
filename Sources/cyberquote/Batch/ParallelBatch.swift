#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// A batch over a large regular file on two cores, with output identical to one core's.
///
/// The file is split at the first line start after its middle. A second thread prices from
/// there to the end into an unlinked temporary file, while this thread prices from the start
/// and stops if it reaches the split exactly at a record boundary. Only then is the split
/// known to be right (a quoted field may hold line breaks), and only then is the second
/// thread's output used; otherwise it is discarded and this thread reads on to the end. Memory
/// stays flat: the second half waits on disk, not in memory.
struct ParallelBatch {
  /// Files smaller than this are priced on one core; a thread is not worth it.
  static let defaultMinimumBytes = 8 << 20
  /// Overrides ``defaultMinimumBytes`` (tests use it to exercise the split on small files).
  static let minimumBytesVariable = "CYBERQUOTE_PARALLEL_MIN_BYTES"

  static func minimumBytes(_ environment: [String: String]) -> Int {
    environment[minimumBytesVariable].flatMap { Int($0) } ?? defaultMinimumBytes
  }

  var run: BatchRun
  let size: Int
  /// Whether the second core's output was used (false: this thread priced everything).
  private(set) var usedSecondCore = false

  init(run: BatchRun, size: Int) {
    self.run = run
    self.size = size
  }

  mutating func execute<C: Console>(
    reader: inout CSVReader<AnyByteSource>, descriptor: Int32, forcedEncoding: InputEncoding?, console: inout C
  ) throws -> Int32 {
    try run.start(reader: &reader, console: &console)
    guard let columns = run.columns, let boundary = Self.lineStart(in: descriptor, after: reader.bytesRead + (size - reader.bytesRead) / 2, size: size),
      let temporary = Self.temporaryFile()
    else {
      _ = try run.processRows(reader: &reader, console: &console, stopAt: nil)
      return run.finish(console: &console)
    }
    defer { close(temporary) }

    run.progress = run.progress.map { _ in boundary }  // this thread's share of the file
    var second = run.emptyCopy()
    try second.configure(header: columns)
    let worker = SecondHalf(run: second, descriptor: descriptor, boundary: boundary, encoding: forcedEncoding, output: temporary)
    let thread = worker.start()

    let stopped: Bool
    do {
      stopped = try run.processRows(reader: &reader, console: &console, stopAt: boundary)
    } catch {
      worker.join(thread)
      throw error
    }
    worker.join(thread)
    let lineOffset = reader.nextRecordLine - 1
    // The split holds when this half ended exactly there and both halves read the same encoding.
    let compatible = reader.encoding == nil || worker.encoding == nil || reader.encoding == worker.encoding
    guard stopped, compatible else {
      _ = try run.processRows(reader: &reader, console: &console, stopAt: nil)
      return run.finish(console: &console)
    }
    console.write(contentsOf: temporary)
    usedSecondCore = true
    run.absorb(worker.run)
    if let failure = worker.failure {
      if case .csv(let csv) = failure { throw BatchError.csv(csv.movedDown(by: lineOffset)) }
      throw failure
    }
    return run.finish(console: &console)
  }

  /// The offset just after the first line feed at or after `offset`, if it lies before the end.
  static func lineStart(in descriptor: Int32, after offset: Int, size: Int) -> Int? {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let n = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
    guard n > 0, let lf = chunk[0..<n].firstIndex(of: 0x0A), offset + lf + 1 < size else { return nil }
    return offset + lf + 1
  }

  /// A new, already unlinked temporary file.
  static func temporaryFile() -> Int32? {
    var template = Array("/tmp/cyberquote-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let path = buffer.baseAddress else { return -1 }
      let fd = mkstemp(path)
      if fd >= 0 { unlink(path) }
      return fd
    }
    return fd >= 0 ? fd : nil
  }
}

/// The second thread's work and results. Read by the first thread only after `join`.
private final class SecondHalf: @unchecked Sendable {
  var run: BatchRun
  let descriptor: Int32
  let boundary: Int
  let forcedEncoding: InputEncoding?
  let output: Int32
  private(set) var encoding: InputEncoding?
  private(set) var failure: BatchError?

  init(run: BatchRun, descriptor: Int32, boundary: Int, encoding: InputEncoding?, output: Int32) {
    self.run = run
    self.descriptor = descriptor
    self.boundary = boundary
    self.forcedEncoding = encoding
    self.output = output
  }

  func work() {
    var reader = CSVReader(FileRangeSource(descriptor: descriptor, offset: boundary).any, encoding: forcedEncoding)
    var console = FileConsole(descriptor: output)
    do {
      _ = try run.processRows(reader: &reader, console: &console, stopAt: nil)
    } catch let error as BatchError {
      failure = error
    } catch {
      failure = .csv(.readFailed(code: EIO))
    }
    console.flush()
    encoding = reader.encoding
  }

  func start() -> pthread_t? {
    var thread = pthread_t()
    let context = Unmanaged.passRetained(self).toOpaque()
    let created = pthread_create(&thread, nil, { context in
      guard let context else { return nil }
      Unmanaged<SecondHalf>.fromOpaque(context).takeRetainedValue().work()
      return nil
    }, context)
    guard created == 0 else {
      Unmanaged<SecondHalf>.fromOpaque(context).release()
      work()  // no thread: do it here, before the first half
      return nil
    }
    return thread
  }

  func join(_ thread: pthread_t?) {
    if let thread { pthread_join(thread, nil) }
  }
}

/// Output to a file descriptor; the second half writes nothing to stderr.
private struct FileConsole: Console {
  private var writer: DescriptorWriter

  init(descriptor: Int32) {
    writer = DescriptorWriter(descriptor: descriptor)
  }

  mutating func write(bytes: UnsafeBufferPointer<UInt8>) { writer.write(bytes) }
  mutating func writeError(_ text: String) {}
  mutating func standardInput() -> AnyByteSource { AnyByteSource { _ throws(CSVError) in 0 } }
  var standardInputIsTerminal: Bool { false }
  var standardErrorIsTerminal: Bool { false }
  mutating func flush() { writer.flush() }
}

extension CSVError {
  /// The same error with its line number counted from an earlier start.
  func movedDown(by lines: Int) -> CSVError {
    switch self {
    case .unterminatedQuote(let line): .unterminatedQuote(line: line + lines)
    case .recordTooLong(let line): .recordTooLong(line: line + lines)
    case .readFailed: self
    }
  }
}
