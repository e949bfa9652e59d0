import Foundation
import PremiumCore
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

@testable import cyberquote

/// What one run of the command line produced.
struct CLIResult: Equatable {
  var stdout: String
  var stderr: String
  var status: Int32
}

/// Captures what a command writes; stdin is given bytes, never a terminal.
struct TestConsole: Console {
  var stdin: [UInt8]
  var stdout: [UInt8] = []
  var stderr = ""
  var standardInputIsTerminal = false
  var standardErrorIsTerminal = false
  /// The threads that wrote to stdout: two when a batch ran on both cores.
  var writerThreads: Set<pthread_t> = []
  /// A full disk after this many bytes of stdout: later writes fail with ENOSPC.
  var capacity = Int.max
  private(set) var outputFailure: Int32?
  /// Writes attempted after stdout failed: a command should stop at once.
  private(set) var writesAfterFailure = 0

  mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
    guard outputFailure == nil else {
      writesAfterFailure += 1
      return
    }
    writerThreads.insert(pthread_self())
    guard stdout.count + bytes.count <= capacity else {
      stdout += bytes.prefix(capacity - stdout.count)
      outputFailure = ENOSPC
      return
    }
    stdout += bytes
  }
  mutating func flush() {}
  mutating func writeStandardError(_ text: String) { stderr += text }
  mutating func standardInput() -> AnyByteSource {
    var source = MemoryByteSource(stdin, chunk: 7)  // small chunks exercise record boundaries
    return AnyByteSource { buffer throws(CSVError) in try source.read(into: buffer) }
  }
}

enum CLIHarness {
  /// The quote date of every in-process run: a day of the brochures' year, so that adding next
  /// year's book to `rates/` changes no output. Tests of an ended period name their own date.
  static let today = BrochureYear.date

  /// Runs the command line in-process, as `main.swift` does, with no locale set.
  static func run(_ arguments: [String], stdin: [UInt8] = [], variables: [String: String] = [:], catalog: Catalog = BrochureYear.books) -> CLIResult {
    let (out, result) = runBytes(arguments, stdin: stdin, variables: variables, catalog: catalog)
    return CLIResult(stdout: String(decoding: out, as: UTF8.self), stderr: result.stderr, status: result.status)
  }

  /// The same, keeping stdout as bytes (for encodings, BOMs and line ends).
  static func runBytes(
    _ arguments: [String], stdin: [UInt8] = [], variables: [String: String] = [:], catalog: Catalog = BrochureYear.books
  ) -> ([UInt8], CLIResult) {
    let (console, status) = runConsole(arguments, stdin: stdin, variables: variables, catalog: catalog)
    return (console.stdout, CLIResult(stdout: "", stderr: console.stderr, status: status))
  }

  /// The same, handing back the whole test console.
  static func runConsole(
    _ arguments: [String], stdin: [UInt8] = [], variables: [String: String] = [:], capacity: Int = .max,
    catalog: Catalog = BrochureYear.books
  ) -> (TestConsole, Int32) {
    var console = TestConsole(stdin: stdin, capacity: capacity)
    // Not a terminal: nothing wraps, as in a pipe, so that tests read whole lines; COLUMNS sets
    // a terminal's width (GoldenTests run at 80).
    let columns = Int(variables["COLUMNS"] ?? "")
    let environment = Environment(variables: variables, today: today, terminalColumns: columns, errorColumns: columns)
    let status = CLI.run(arguments, environment: environment, catalog: catalog, console: &console)
    return (console, status)
  }

  /// CSV output as rows of cells.
  static func csvRows(_ bytes: [UInt8]) throws -> [[String]] {
    var reader = CSVReader(MemoryByteSource(bytes), encoding: .utf8)
    var out: [[String]] = []
    while try reader.next() { out.append((0..<reader.fieldCount).map { String(decoding: reader.field($0), as: UTF8.self) }) }
    return out
  }

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The binary `swift build` made for this test run.
  static var binary: URL {
    let candidates = ["debug", "release"].map { packageRoot.appendingPathComponent(".build/\($0)/cyberquote") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }

  /// Runs a built binary as a separate process.
  static func runBinary(
    _ binary: URL, _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
  ) throws -> CLIResult {
    let process = Process()
    process.executableURL = binary
    process.currentDirectoryURL = directory
    process.arguments = arguments
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // stderr is read on a thread of its own while stdout is read here: read one after the
    // other, a child that fills the stderr pipe (64 KiB) while stdout is open would wait forever.
    let errors = Collected()
    let done = DispatchGroup()
    done.enter()
    DispatchQueue.global().async {
      errors.data = err.fileHandleForReading.readDataToEndOfFile()
      done.leave()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    let stderr = errors.data
    process.waitUntilExit()
    return CLIResult(
      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
      status: process.terminationStatus)
  }
}

/// Bytes one thread reads and another takes after waiting for it (a DispatchGroup orders them).
private final class Collected: @unchecked Sendable {
  var data = Data()
}
