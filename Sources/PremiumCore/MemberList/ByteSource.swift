/// Where a CSV reader gets its bytes: a file descriptor in the command line, memory in tests.
package protocol ByteSource {
  /// Fills up to `buffer.count` bytes and returns how many; 0 at the end of input.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int
}

/// Bytes already in memory.
package struct MemoryByteSource: ByteSource {
  private let bytes: [UInt8]
  private var offset = 0
  /// At most this many bytes per read, to exercise chunk boundaries in tests.
  private let chunk: Int

  package init(_ bytes: [UInt8], chunk: Int = 1 << 16) {
    self.bytes = bytes
    self.chunk = max(1, chunk)
  }

  package mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVError) -> Int {
    let n = min(buffer.count, chunk, bytes.count - offset)
    guard n > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress?.copyMemory(from: source.baseAddress! + offset, byteCount: n)
    }
    offset += n
    return n
  }
}
