#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// Rate files named on the command line: a file as given, a directory as its `*.json` files in
/// name order (`*.schema.json`, the editors' schema, is not a rate file).
enum RateFileSources {
  static func read(_ paths: [String]) throws(BatchError) -> [RateBookCheck.Source] {
    var sources: [RateBookCheck.Source] = []
    for path in paths {
      let files = try FileTree.files(path, suffix: ".json", recursive: false) { $0.hasSuffix(".schema.json") }
      guard !files.isEmpty else { throw .noRateFiles(path) }
      for file in files { sources.append(RateBookCheck.Source(file: file, text: try text(of: file))) }
    }
    return sources
  }

  /// The built-in programs as rate files, named by the file they were compiled from. The text is
  /// the encoder's, which is byte for byte the file in `rates/`, so lines point into it.
  static func builtIn(_ catalog: Catalog) throws -> [RateBookCheck.Source] {
    try catalog.entries.map { RateBookCheck.Source(file: $0.origin, text: RateFileEncoder.encode(try $0.load())) }
  }

  /// The largest rate file read: a brochure's program takes about 10 KB, so 1 MiB is room for
  /// any real one and a bound on memory for a wrong path (`/dev/zero`, a log file).
  static let maximumBytes = 1 << 20

  /// The whole file as UTF-8 text, without a leading BOM; a regular file of at most
  /// ``maximumBytes``. Bytes that are not UTF-8 are an error naming their line: decoded with
  /// replacement characters they would reach a customer's page.
  static func text(of path: String) throws(BatchError) -> String {
    var bytes = try bytes(of: path, limit: maximumBytes)[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var line = 1
    for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      if String(validating: raw, as: UTF8.self) == nil { break }
      line += 1
    }
    throw .notUTF8(path, line: line)
  }

  /// The whole of a regular file of at most `limit` bytes.
  static func bytes(of path: String, limit: Int) throws(BatchError) -> [UInt8] {
    let maximumBytes = limit
    let fd = FileName.withCString(path) { open($0, O_RDONLY | O_NONBLOCK) }
    guard fd >= 0 else { throw .cannotOpen(path, code: errno) }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw .cannotOpen(path, code: errno) }
    guard (status.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(path) }
    guard status.st_size <= maximumBytes else { throw .tooLarge(path, limit: maximumBytes) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if n == 0 { break }
      if n < 0 {
        if errno == EINTR { continue }
        throw .cannotOpen(path, code: errno)
      }
      bytes += chunk.prefix(n)
      // A file that grows while it is read is held to the same limit.
      guard bytes.count <= maximumBytes else { throw .tooLarge(path, limit: maximumBytes) }
    }
    return bytes
  }
}
