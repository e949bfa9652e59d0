import Foundation
import Testing

@testable import cyberquote

/// Batch output into a pipe gets a 1 MiB pipe buffer; other output and other files are left
/// as they are.
@Suite struct PipeBufferTests {
  static func pipeSize(_ descriptor: Int32) -> Int { Int(fcntl(descriptor, PipeBuffer.getSizeCommand)) }

  /// Whether this system lets any process ask for a 1 MiB pipe (Linux's default limit).
  static var largePipesAllowed: Bool {
    let limit = (try? String(contentsOfFile: "/proc/sys/fs/pipe-max-size", encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    return (limit ?? 0) >= PipeBuffer.largeBytes
  }

  @Test func enlargesAPipeOnly() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    defer { ends.forEach { close($0) } }
    let before = Self.pipeSize(ends[1])
    #expect(before < PipeBuffer.largeBytes)
    let after = try #require(PipeBuffer.enlarge(ends[1]))
    #expect(after == Self.pipeSize(ends[0]))  // one buffer, seen from both ends
    #expect(after == (Self.largePipesAllowed ? PipeBuffer.largeBytes : before))

    let file = try #require(fopen("/dev/null", "w"))
    defer { fclose(file) }
    #expect(PipeBuffer.enlarge(fileno(file)) == nil)
  }

  /// The binary enlarges the pipe its batch output goes into, and not the one a quote goes into.
  @Test(.enabled(if: largePipesAllowed)) func batchEnlargesItsOutputPipe() throws {
    let list = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString).csv")
    try Data("member,facility,plan,general_beds\nA,hospital,S1,20\n".utf8).write(to: list)
    defer { try? FileManager.default.removeItem(at: list) }
    let batch = try Self.outputPipeSize(["batch", "--program", "byoin-kyosaikai", list.path])
    #expect(batch.output.contains(",formula,,"))
    #expect(batch.size == PipeBuffer.largeBytes)
    let quote = try Self.outputPipeSize(EndToEndTests.quote)
    #expect(quote.output.contains("\(EndToEndTests.builtInPremium)"))
    #expect(quote.size < PipeBuffer.largeBytes)
  }

  /// Runs the binary with stdout into a pipe; its output and the pipe's size after the run.
  static func outputPipeSize(_ arguments: [String]) throws -> (output: String, size: Int) {
    let process = Process()
    process.executableURL = CLIHarness.binary
    process.arguments = arguments
    process.environment = [:]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: output, as: UTF8.self), pipeSize(out.fileHandleForReading.fileDescriptor))
  }
}
