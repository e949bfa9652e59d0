#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Paths named on the command line: a file as given, a directory as the files in it.
enum FileTree {
  /// `path` when it is a file; when a directory, its files named `*<suffix>` (not hidden, not
  /// `excluding`), in name order, descending into subdirectories when `recursive`.
  static func files(_ path: String, suffix: String, recursive: Bool, excluding: (String) -> Bool = { _ in false }) throws(BatchError) -> [String] {
    var status = stat()
    guard stat(path, &status) == 0 else { throw .cannotOpen(path, code: errno) }
    guard (status.st_mode & S_IFMT) == S_IFDIR else { return [path] }
    guard let handle = opendir(path) else { throw .cannotOpen(path, code: errno) }
    var names: [String] = []
    while let entry = readdir(handle) {
      names.append(withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) })
    }
    closedir(handle)
    let directory = path.hasSuffix("/") ? path : path + "/"
    var files: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let child = directory + name
      var childStatus = stat()
      guard stat(child, &childStatus) == 0 else { continue }
      if (childStatus.st_mode & S_IFMT) == S_IFDIR {
        if recursive { files += try self.files(child, suffix: suffix, recursive: true, excluding: excluding) }
      } else if name.hasSuffix(suffix), !excluding(name) {
        files.append(child)
      }
    }
    return files
  }
}
