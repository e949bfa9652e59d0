#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Paths named on the command line: a file as given, a directory as the files in it.
enum FileTree {
  /// `path` when it is a file; when a directory, its files named `*<suffix>` (not hidden, not
  /// `excluding`), in name order, descending into subdirectories when `recursive`. Each directory
  /// is walked once, however many links lead to it: a symbolic link loop ends there.
  static func files(_ path: String, suffix: String, recursive: Bool, excluding: (String) -> Bool = { _ in false }) throws(BatchError) -> [String] {
    var visited: Set<DirectoryID> = []
    return try files(path, suffix: suffix, recursive: recursive, excluding: excluding, visited: &visited)
  }

  /// A directory as the file system knows it, whatever path reached it.
  private struct DirectoryID: Hashable {
    let device: UInt64
    let inode: UInt64
  }

  private static func files(
    _ path: String, suffix: String, recursive: Bool, excluding: (String) -> Bool, visited: inout Set<DirectoryID>
  ) throws(BatchError) -> [String] {
    var status = stat()
    guard FileName.withCString(path, { stat($0, &status) }) == 0 else { throw .cannotOpen(path, code: errno) }
    guard (status.st_mode & S_IFMT) == S_IFDIR else { return [path] }
    guard visited.insert(DirectoryID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))).inserted else { return [] }
    guard let handle = FileName.withCString(path, { opendir($0) }) else { throw .cannotOpen(path, code: errno) }
    var names: [String] = []
    while let entry = readdir(handle) {
      // A name as bytes: one that is not UTF-8 is listed, and opened, as it is.
      names.append(
        withUnsafeBytes(of: entry.pointee.d_name) { raw in
          let bytes = raw.bindMemory(to: UInt8.self)
          return FileName.decode(UnsafeBufferPointer(rebasing: bytes.prefix { $0 != 0 }))
        })
    }
    closedir(handle)
    let directory = path.hasSuffix("/") ? path : path + "/"
    var files: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let child = directory + name
      var childStatus = stat()
      guard FileName.withCString(child, { stat($0, &childStatus) }) == 0 else {
        // A file that would be read and cannot be (a dangling link) is an error, never skipped.
        if name.hasSuffix(suffix), !excluding(name) { throw .cannotOpen(child, code: errno) }
        continue
      }
      if (childStatus.st_mode & S_IFMT) == S_IFDIR {
        if recursive { files += try self.files(child, suffix: suffix, recursive: true, excluding: excluding, visited: &visited) }
      } else if name.hasSuffix(suffix), !excluding(name) {
        files.append(child)
      }
    }
    return files
  }
}
