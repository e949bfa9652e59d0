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
      var status = stat()
      guard stat(path, &status) == 0 else { throw .cannotOpen(path, code: errno) }
      guard (status.st_mode & S_IFMT) == S_IFDIR else {
        sources.append(RateBookCheck.Source(file: path, text: try text(of: path)))
        continue
      }
      let names = try rateFileNames(in: path)
      guard !names.isEmpty else { throw .noRateFiles(path) }
      let directory = path.hasSuffix("/") ? path : path + "/"
      for name in names {
        sources.append(RateBookCheck.Source(file: directory + name, text: try text(of: directory + name)))
      }
    }
    return sources
  }

  /// The built-in programs as rate files, named by the file they were compiled from. The text is
  /// the encoder's, which is byte for byte the file in `rates/`, so lines point into it.
  static func builtIn(_ catalog: Catalog) throws -> [RateBookCheck.Source] {
    try catalog.entries.map { RateBookCheck.Source(file: $0.origin, text: RateFileEncoder.encode(try $0.load())) }
  }

  static func rateFileNames(in directory: String) throws(BatchError) -> [String] {
    guard let handle = opendir(directory) else { throw .cannotOpen(directory, code: errno) }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(".json"), !name.hasSuffix(".schema.json"), !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted()
  }

  /// The whole file as UTF-8 text.
  static func text(of path: String) throws(BatchError) -> String {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw .cannotOpen(path, code: errno) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n == 0 { break }
      if n < 0 {
        if errno == EINTR { continue }
        throw .cannotOpen(path, code: errno)
      }
      bytes += chunk.prefix(n)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
