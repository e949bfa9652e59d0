#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Output held back until a command knows it succeeded (`verify` writes nothing to stdout when a
/// later file cannot be read), with memory bounded however much is held: the first
/// ``memoryLimit`` bytes stay in memory, the rest goes to an unlinked temporary file, which
/// disappears with the process whatever happens.
final class Spool {
  static let memoryLimit = 1 << 20
  private static let chunk = 1 << 16

  /// Bytes not yet in the file (all of them while there is no file).
  private var pending: [UInt8] = []
  private var descriptor: Int32 = -1
  /// Bytes in the file.
  private var written = 0
  private let memoryLimit: Int
  /// The directory of the temporary file ($TMPDIR or /tmp), as errors name it.
  private var place = "/tmp"

  init(memoryLimit: Int = Spool.memoryLimit) {
    self.memoryLimit = max(Self.chunk, memoryLimit)
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Bytes held so far: offsets for ``copy(from:to:_:)``.
  var count: Int { written + pending.count }

  func append(_ text: String) throws(BatchError) {
    pending.append(contentsOf: text.utf8)
    if descriptor >= 0 ? pending.count >= Self.chunk : pending.count > memoryLimit { try flush() }
  }

  /// Gives the bytes in `start..<end`, a chunk at a time.
  func copy(from start: Int, to end: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(BatchError) -> Void) throws(BatchError) {
    var offset = start
    var buffer = [UInt8](repeating: 0, count: Self.chunk)
    while offset < min(end, written) {
      let wanted = min(buffer.count, min(end, written) - offset)
      let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
      guard n > 0 else { throw .cannotWrite(place, code: n < 0 ? errno : EIO) }
      try buffer.withUnsafeBufferPointer { bytes throws(BatchError) in try body(UnsafeBufferPointer(rebasing: bytes[..<n])) }
      offset += n
    }
    if offset < end {
      try pending.withUnsafeBufferPointer { bytes throws(BatchError) in
        try body(UnsafeBufferPointer(rebasing: bytes[(offset - written)..<(end - written)]))
      }
    }
  }

  private func flush() throws(BatchError) {
    if descriptor < 0 {
      let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
      var template = Array((directory + "/cyberquote-spool-XXXXXX").utf8CString)
      descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
      guard descriptor >= 0 else { throw .cannotWrite(directory, code: errno) }
      template.withUnsafeBufferPointer { if let path = $0.baseAddress { _ = unlink(path) } }
      place = directory
    }
    let failure = pending.withUnsafeBufferPointer { DescriptorWriter.writeAll($0, descriptor) }
    if let failure { throw .cannotWrite(place, code: failure) }
    written += pending.count
    pending.removeAll(keepingCapacity: true)
  }
}
