#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// A batch over a large regular file on two cores, with output identical to one core's.
///
/// The file is cut at line starts about every ``chunkBytes``. Each thread prices every other
/// chunk into its own buffer, then waits for the chunk's turn and writes it: output goes out in
/// file order, both threads share the writing, and memory stays flat (one chunk per thread).
/// A cut is only a guess at a record boundary (a quoted field may hold line breaks), so a chunk's
/// work is used only if the previous chunk's parse ended exactly at its start; otherwise the
/// previous chunk's parse has read on past it, and the chunk is dropped as already covered.
/// A chunk that reads on past cut after cut (quoted line breaks everywhere) stops holding output
/// at ``holdLimit``; when its turn comes it writes straight to stdout, one core doing the work,
/// until it lands on a cut again: memory stays bounded whatever the file.
struct ParallelBatch {
  /// Files smaller than this are priced on one core; a thread is not worth it.
  static let defaultMinimumBytes = 8 << 20
  /// Overrides ``defaultMinimumBytes`` (tests use it to exercise the split on small files).
  static let minimumBytesVariable = "CYBERQUOTE_PARALLEL_MIN_BYTES"
  static let defaultChunkBytes = 1 << 19
  /// Overrides ``defaultChunkBytes`` (tests use small chunks to put cuts everywhere).
  static let chunkBytesVariable = "CYBERQUOTE_PARALLEL_CHUNK_BYTES"

  static func minimumBytes(_ environment: [String: String]) -> Int {
    environment[minimumBytesVariable].flatMap { Int($0) } ?? defaultMinimumBytes
  }

  var run: BatchRun
  let size: Int
  let chunkBytes: Int
  /// How many chunks the second thread priced and wrote.
  private(set) var chunksFromSecondCore = 0
  var usedSecondCore: Bool { chunksFromSecondCore > 0 }

  init(run: BatchRun, size: Int, chunkBytes: Int = ParallelBatch.defaultChunkBytes) {
    self.run = run
    self.size = size
    self.chunkBytes = max(1, min(chunkBytes, 1 << 26))
  }

  /// Output a chunk may hold while it waits for its turn: about twice what a chunk of plain rows
  /// writes (each row gains some 25 bytes of figures), so only chunks that read on past their
  /// cut, or rows of long error messages, reach it.
  static func holdLimit(chunkBytes: Int) -> Int { 3 * chunkBytes + (1 << 16) }
  var holdLimit: Int { Self.holdLimit(chunkBytes: chunkBytes) }

  mutating func execute<C: Console>(
    reader: inout CSVReader<AnyByteSource>, descriptor: Int32, forcedEncoding: InputEncoding?, console: inout C
  ) throws -> Int32 {
    try run.start(reader: &reader)
    try run.takeOutput(to: &console)
    let cuts = Self.cuts(in: descriptor, from: reader.bytesRead, size: size, every: chunkBytes)
    guard cuts.count > 2, Self.addressSpaceAllowsSecondCore() else {
      try run.priceRows(reader: &reader, console: &console)
      return try run.finish(console: &console)
    }

    // Chunk 0 continues the header's reader, which counts lines from the start of the file.
    let schedule = ChunkSchedule(
      cuts: cuts, encoding: reader.encoding ?? forcedEncoding, linesBefore: 0,
      progressSize: run.progress.map { _ in size }, language: run.language, holdLimit: holdLimit)
    let shared = SharedConsole(console)
    let worker = ChunkWorker(pricer: run.pricer.forAnotherPart(), first: 1, schedule: schedule, console: shared, descriptor: descriptor, forced: forcedEncoding)
    guard let thread = worker.start() else {
      try run.priceRows(reader: &reader, console: &console)
      return try run.finish(console: &console)
    }
    // This thread takes the even chunks, starting with the reader already standing at cut 0.
    let mine = ChunkWorker(pricer: run.pricer, first: 0, schedule: schedule, console: shared, descriptor: descriptor, forced: forcedEncoding)
    mine.work(firstReader: reader)
    worker.join(thread)

    console = shared.console
    if schedule.progressShown { console.writeProgress("\r\u{1B}[K") }
    chunksFromSecondCore = worker.chunksWritten
    run.pricer = mine.pricer
    run.pricer.absorb(schedule.tally)
    if let failure = schedule.failure { throw failure }
    return try run.finish(console: &console)
  }

  /// Address space below which the run stays on one core: the second thread's stack and both
  /// threads' chunk buffers need some 6 MiB more than one core, and running out of memory would
  /// end the process with the runtime's stack trace rather than a message.
  static let secondCoreAddressSpace: rlim_t = 64 << 20

  /// False under a memory limit (`ulimit -v`) tighter than ``secondCoreAddressSpace``.
  static func addressSpaceAllowsSecondCore() -> Bool {
    #if canImport(Glibc)
    let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
    #else
    let resource = RLIMIT_AS
    #endif
    var limit = rlimit()
    guard getrlimit(resource, &limit) == 0 else { return true }
    // RLIM_INFINITY is all ones, which Swift imports as a signed literal.
    return limit.rlim_cur == rlim_t.max || limit.rlim_cur >= secondCoreAddressSpace
  }

  /// Offsets where chunks start: `from`, then the first line start at or after each multiple of
  /// `every`, then `size`.
  static func cuts(in descriptor: Int32, from start: Int, size: Int, every: Int) -> [Int] {
    var cuts = [start]
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var target = start + every
    while target < size {
      let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(target)) }
      guard n > 0 else { break }
      if let lf = buffer[0..<n].firstIndex(of: 0x0A) {
        let cut = target + lf + 1
        if cut < size, cut > cuts[cuts.count - 1] { cuts.append(cut) }
        target = max(cut, target) + every
      } else {
        target += n
      }
    }
    cuts.append(size)
    return cuts
  }
}

/// The state both threads share, guarded by one lock: whose turn it is to write, and what the
/// chunks written so far have established.
private final class ChunkSchedule: @unchecked Sendable {
  let cuts: [Int]
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  /// The index of the cut where the next output starts; chunks below it are covered.
  var next = 0
  /// The input encoding as the chunks written so far have found it.
  var encoding: InputEncoding?
  /// Physical lines before `cuts[next]`.
  var linesBefore: Int
  var tally = MemberListPricer.Tally()
  var failure: BatchError?
  /// The end of input (or an error) has been written: nothing further is used.
  var finished = false
  /// The file's size when progress goes to stderr (a terminal), and how far it has got.
  let progressSize: Int?
  let language: Language
  var rowsSinceProgress = 0
  var progressShown = false
  /// See ``ParallelBatch/holdLimit``.
  let holdLimit: Int

  init(cuts: [Int], encoding: InputEncoding?, linesBefore: Int, progressSize: Int?, language: Language, holdLimit: Int) {
    self.holdLimit = holdLimit
    self.cuts = cuts
    self.encoding = encoding
    self.linesBefore = linesBefore
    self.progressSize = progressSize
    self.language = language
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(changed, nil)
  }

  deinit {
    pthread_cond_destroy(changed)
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
    changed.deallocate()
  }

  func locked<T>(_ body: () -> T) -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body()
  }

  /// Waits, holding the lock, until chunk `k` is due or covered (or the run has finished).
  func waitForTurn(_ k: Int) {
    while !finished, next < k { pthread_cond_wait(changed, mutex) }
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlockAndWake() {
    pthread_cond_broadcast(changed)
    pthread_mutex_unlock(mutex)
  }
}

/// The process's console, written only under the schedule's lock.
private final class SharedConsole<C: Console>: @unchecked Sendable {
  var console: C
  init(_ console: C) { self.console = console }
}

/// What a thread runs; not generic, so that a C thread entry can call it.
private class ThreadBody: @unchecked Sendable {
  func main() {}

  /// The new thread's stack: pricing recurses little, and the default (8 MiB, from `ulimit -s`)
  /// would take address space a memory limit (`ulimit -v`) leaves for the chunks' buffers.
  static let stackBytes = 2 << 20

  /// Runs ``main()`` on a new thread; nil when no thread could be made.
  func start() -> pthread_t? {
    var thread = pthread_t()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, Self.stackBytes)
    let context = Unmanaged.passRetained(self).toOpaque()
    let created = pthread_create(
      &thread, &attributes,
      { context in
        guard let context else { return nil }
        Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().main()
        return nil
      }, context)
    guard created == 0 else {
      Unmanaged<ThreadBody>.fromOpaque(context).release()
      return nil
    }
    return thread
  }

  func join(_ thread: pthread_t?) {
    if let thread { pthread_join(thread, nil) }
  }
}

/// One thread's share: every other chunk, starting at `first`.
private final class ChunkWorker<C: Console>: ThreadBody, @unchecked Sendable {
  var pricer: MemberListPricer
  let first: Int
  let schedule: ChunkSchedule
  let console: SharedConsole<C>
  let descriptor: Int32
  let forced: InputEncoding?
  private(set) var chunksWritten = 0

  init(pricer: MemberListPricer, first: Int, schedule: ChunkSchedule, console: SharedConsole<C>, descriptor: Int32, forced: InputEncoding?) {
    self.pricer = pricer
    self.first = first
    self.schedule = schedule
    self.console = console
    self.descriptor = descriptor
    self.forced = forced
  }

  override func main() { work() }

  func work(firstReader: CSVReader<AnyByteSource>? = nil) {
    var carried = firstReader
    let cuts = schedule.cuts
    for k in stride(from: first, to: cuts.count - 1, by: 2) {
      let (finished, covered, known) = schedule.locked { (schedule.finished, schedule.next > k, schedule.encoding) }
      if finished { break }
      if covered { continue }
      var reader = carried ?? CSVReader(FileRangeSource(descriptor: descriptor, offset: cuts[k]).any, encoding: forced ?? known)
      var base = carried == nil ? cuts[k] : 0
      carried = nil
      var chunk = price(&reader, base: base, from: k, holdLimit: schedule.holdLimit)

      schedule.lock()
      schedule.waitForTurn(k)
      defer { schedule.unlockAndWake() }
      if schedule.finished { break }
      if schedule.next > k {  // an earlier chunk read on past this one's start
        pricer.discardOutput()
        continue
      }
      if let found = reader.encoding, let settled = schedule.encoding, found != settled {
        // Priced under another encoding than the one in force: price it again, in turn.
        pricer.discardOutput()
        var again = CSVReader(FileRangeSource(descriptor: descriptor, offset: cuts[k]).any, encoding: settled)
        chunk = price(&again, base: cuts[k], from: k, holdLimit: schedule.holdLimit)
        reader = again
        base = cuts[k]
      }
      schedule.encoding = schedule.encoding ?? reader.encoding
      if chunk.stop == .holdLimit, chunk.failure == nil {
        // This chunk is the one in turn but has not found a cut: go on writing as one core.
        chunk = priceInTurn(&reader, base: base, from: k, before: chunk.tally)
      }
      do {
        try takeOutput()
      } catch {
        schedule.failure = error
        schedule.finished = true
        break
      }
      chunksWritten += 1
      let tally = chunk.tally
      schedule.tally.add(tally, linesBefore: schedule.linesBefore)
      reportProgress(rows: tally.priced + tally.failed, at: chunk.end.map { cuts[$0] } ?? cuts[cuts.count - 1])
      if let failure = chunk.failure {
        if case .memberList(.csv(let csv)) = failure {
          schedule.failure = .memberList(.csv(csv.movedDown(by: schedule.linesBefore)))
        } else {
          schedule.failure = failure
        }
        schedule.finished = true
        break
      }
      schedule.linesBefore += reader.nextRecordLine - 1
      if let end = chunk.end {
        schedule.next = end
      } else {
        schedule.finished = true
      }
    }
  }

  /// Progress on stderr every 50,000 rows, by position in the file; called holding the lock.
  private func reportProgress(rows: Int, at offset: Int) {
    guard let size = schedule.progressSize, size > 0 else { return }
    schedule.rowsSinceProgress += rows
    guard schedule.rowsSinceProgress >= 50_000 else { return }
    schedule.rowsSinceProgress = 0
    schedule.progressShown = true
    let percent = Proportion.percent(offset, of: size)
    let rows = YenFormat.grouped(Int64(schedule.tally.priced + schedule.tally.failed))
    console.console.writeProgress("\r" + schedule.language.pick("処理中 \(percent)%（\(rows)行）", "working \(percent)% (\(rows) rows)"))
  }

  /// What pricing a chunk came to: where it stopped (a boundary's index is its index in `cuts`),
  /// the index of the cut it ended on (nil at the end of input or on an error), its counts and
  /// any error.
  struct Chunk {
    var stop: MemberListPricer.Stop
    var tally: MemberListPricer.Tally
    var failure: BatchError?
    var end: Int? {
      if case .boundary(let index) = stop { index } else { nil }
    }
  }

  /// Prices from cut `k` up to the next cut the parse reaches exactly, holding the output.
  private func price(_ reader: inout CSVReader<AnyByteSource>, base: Int, from k: Int, holdLimit: Int) -> Chunk {
    do {
      let stop = try pricer.priceRows(from: &reader, boundaries: schedule.cuts[(k + 1)...], base: base, holdLimit: holdLimit)
      return Chunk(stop: stop, tally: pricer.takeTally(), failure: nil)
    } catch {
      return Chunk(stop: .end, tally: pricer.takeTally(), failure: .memberList(error))
    }
  }

  /// Goes on from where a held chunk stopped, writing straight to stdout (the caller holds the
  /// lock and it is this chunk's turn), up to the next cut reached exactly or the end of input.
  private func priceInTurn(_ reader: inout CSVReader<AnyByteSource>, base: Int, from k: Int, before: MemberListPricer.Tally) -> Chunk {
    var tally = before
    do throws(BatchError) {
      try takeOutput()
      let stop = try BatchRun.mapped { () throws(MemberListPricer.RowsError<BatchError>) in
        try pricer.priceRows(from: &reader, boundaries: schedule.cuts[(k + 1)...], base: base) { bytes throws(BatchError) in
          console.console.write(bytes: bytes)
          try console.console.checkOutput()
        }
      }
      tally.add(pricer.takeTally())
      return Chunk(stop: stop, tally: tally, failure: nil)
    } catch {
      tally.add(pricer.takeTally())
      return Chunk(stop: .end, tally: tally, failure: error)
    }
  }

  /// Writes the held output to stdout (the caller holds the lock and it is this chunk's turn).
  private func takeOutput() throws(BatchError) {
    pricer.takeOutput { console.console.write(bytes: $0) }
    try console.console.checkOutput()
  }
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
