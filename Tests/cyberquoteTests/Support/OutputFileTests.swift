import Foundation
import TestSupport
import Testing

@testable import cyberquote

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The writes under every file and stream the tool produces: a refusal from the system is
/// reported, never dropped, and a file that could not be written whole leaves the previous one.
@Suite struct OutputFileTests {
  static func errno(of error: BatchError) -> Int32? {
    if case .cannotWrite(_, let code) = error { return code }
    return nil
  }

  @Test func writeAllReportsAFullDisk() throws {
    let fd = open("/dev/full", O_WRONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    let failure = [UInt8]("page".utf8).withUnsafeBufferPointer { DescriptorWriter.writeAll($0, fd) }
    #expect(failure == ENOSPC)
  }

  @Test func writeAllReportsABrokenPipe() throws {
    signal(SIGPIPE, SIG_IGN)
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    close(ends[0])
    defer { close(ends[1]) }
    let failure = [UInt8]("row\n".utf8).withUnsafeBufferPointer { DescriptorWriter.writeAll($0, ends[1]) }
    #expect(failure == EPIPE)
  }

  @Test func writeAllReportsAClosedDescriptor() throws {
    let fd = open("/dev/null", O_WRONLY)
    close(fd)
    let failure = [UInt8]("x".utf8).withUnsafeBufferPointer { DescriptorWriter.writeAll($0, fd) }
    #expect(failure == EBADF)
  }

  /// A pipe takes 64 KiB at a time: every short write is followed by the rest.
  @Test func writeAllWritesEveryByteThroughShortWrites() async throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let bytes = (0..<1_000_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let reader = ends[0]
    let received = Task.detached { () -> [UInt8] in
      var out: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        let n = chunk.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        out += chunk[..<n]
      }
      close(reader)
      return out
    }
    let failure = bytes.withUnsafeBufferPointer { DescriptorWriter.writeAll($0, ends[1]) }
    close(ends[1])
    #expect(failure == nil)
    #expect(await received.value == bytes)
  }

  /// The buffered writer keeps the first failure and writes nothing after it.
  @Test func descriptorWriterKeepsTheFirstFailure() throws {
    let fd = open("/dev/full", O_WRONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    var writer = DescriptorWriter(descriptor: fd)
    [UInt8]("a".utf8).withUnsafeBufferPointer { writer.write($0) }
    #expect(writer.failure == nil)  // still in the buffer
    writer.flush()
    #expect(writer.failure == ENOSPC)
  }

  @Test func aWrittenFileReplacesThePreviousOne() throws {
    let scratch = try ScratchDirectory("output-file")
    let target = try scratch.write("page.html", "yesterday")
    try OutputFile.write("today", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "today")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["page.html"])
    let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
    #expect(mode == 0o644)
  }

  /// A disk that fills half-way through: the error names the file, yesterday's page is intact,
  /// and no temporary file is left beside it.
  @Test func aFailedWriteLeavesThePreviousFile() throws {
    let scratch = try ScratchDirectory("output-file")
    let target = try scratch.write("page.html", "yesterday")
    let halfThenFull: OutputFile.WriteAll = { bytes, fd in
      _ = write(fd, bytes.baseAddress, bytes.count / 2)
      return ENOSPC
    }
    #expect {
      try OutputFile.write(String(repeating: "今日のページ", count: 1000), to: target, writeAll: halfThenFull)
    } throws: { error in
      (error as? BatchError).flatMap(Self.errno(of:)) == ENOSPC
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "yesterday")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["page.html"])
  }

  /// A file written piece by piece whose producer fails part-way (a check file that cannot be
  /// read after the JUnit header was written) leaves the previous file too.
  @Test func aProducerThatFailsLeavesThePreviousFile() throws {
    let scratch = try ScratchDirectory("output-file")
    let target = try scratch.write("verify.xml", "yesterday")
    #expect {
      try OutputFile.write(to: target) { sink throws(BatchError) in
        sink.write("<testsuites>")
        throw .noCheckRows
      }
    } throws: { error in
      if case .noCheckRows = error as? BatchError { true } else { false }
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "yesterday")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["verify.xml"])
  }

  /// What a spool holds comes back byte for byte, in any range, across its move from memory to
  /// its temporary file.
  @Test func aSpoolGivesBackWhatItHeld() throws {
    let spool = Spool(memoryLimit: 1 << 16)
    var expected: [UInt8] = []
    for i in 0..<20_000 {
      let line = "\(i): 照合 \(String(repeating: "x", count: i % 17))\n"
      try spool.append(line)
      expected += Array(line.utf8)
    }
    #expect(spool.count == expected.count)
    #expect(expected.count > 4 << 16)  // well past memory, into the file
    for (start, end) in [(0, expected.count), (0, 1), (65_535, 65_537), (100_000, 300_001), (expected.count - 3, expected.count), (7, 7)] {
      var copied: [UInt8] = []
      try spool.copy(from: start, to: end) { copied += $0 }
      #expect(copied == Array(expected[start..<end]), "\(start)..<\(end)")
    }
  }

  @Test func aTargetThatIsNotARegularFileIsWrittenInPlace() throws {
    #expect {
      try OutputFile.write("x", to: "/dev/full")
    } throws: { error in
      (error as? BatchError).flatMap(Self.errno(of:)) == ENOSPC
    }
  }

  /// Every command that writes a file reports a full disk with exit 3, naming the file.
  @Test(arguments: [
    ["verify", "--junit", "/dev/full", VerifyTests.checks],
    ["chart", "--program", "byoin-kyosaikai", "--facility", "hospital", "--plan", "S4", "--svg", "/dev/full"],
    ["proposal", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--out", "/dev/full"],
    ["proposal", "--program", "fukuoka-ishikai", "--facility", "clinic", "--plan", "S4", "--out", "/dev/null", "--record", "/dev/full"],
    ["rates", "draft", "--program", "jhef", BrochureTexts.directory.appendingPathComponent("004_fe4bbad67cbe0973.txt").path, "--out", "/dev/full"],
    ["rates", "draft", "--program", "jhef", BrochureTexts.directory.appendingPathComponent("004_fe4bbad67cbe0973.txt").path, "--review", "/dev/full"],
  ])
  func everyFileOutputReportsAFullDisk(_ arguments: [String]) {
    let result = CLIHarness.run(arguments)
    #expect(result.status == 3, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains("/dev/full"))
    #expect(result.stderr.contains("No space left on device"))
  }
}
