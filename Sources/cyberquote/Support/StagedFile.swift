#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A file written whole beside its target and not yet in place: the first half of every file the
/// tool writes. ``OutputFile/commit(_:)`` renames one or several into place together.
///
/// What the file replaces keeps what it was: a target given as a symbolic link is written through
/// to the file it names, a replaced file's mode (and owner, where the system permits) carries
/// over, and a new file gets 0666 less the umask. A target with other hard links is refused:
/// renaming over it would split the links. The temporary file is named
/// `.cyberquote-PID-XXXXXX` in the target's folder, so that one a killed run left is recognised
/// (its process is gone) and removed by the next write there.
struct StagedFile {
  /// The path as given, for messages.
  let path: String
  /// Where the rename goes: the path, or the file its symbolic link names.
  let destination: String
  /// The temporary file's name as bytes for the system; nil once written in place (a target
  /// that is not a regular file: `/dev/stdout`, a FIFO).
  fileprivate(set) var temporary: [CChar]?

  /// Removes the temporary file: nothing replaced.
  func discard() {
    if let temporary { unlink(temporary) }
  }

  static let prefix = ".cyberquote-"

  /// Stages `produce`'s bytes for `path`.
  static func stage(
    _ path: String, writeAll: @escaping OutputFile.WriteAll, _ produce: (inout OutputFile.Sink) throws(BatchError) -> Void
  ) throws(BatchError) -> StagedFile {
    let destination = resolvingLink(path)
    var status = stat()
    let exists = FileName.withCString(destination, { stat($0, &status) }) == 0
    if exists, (status.st_mode & S_IFMT) != S_IFREG {
      try OutputFile.writeInPlace(to: path, writeAll: writeAll, produce)
      return StagedFile(path: path, destination: destination, temporary: nil)
    }
    if exists, status.st_nlink > 1 { throw .hardLinked(path, links: Int(status.st_nlink)) }
    let directory = destination.lastIndex(of: "/").map { String(destination[...$0]) } ?? ""
    removeAbandoned(in: directory)
    var template = (FileName.bytes(directory) + Array("\(prefix)\(getpid())-XXXXXX\0".utf8)).map { CChar(bitPattern: $0) }
    let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard fd >= 0 else { throw .cannotWrite(path, code: errno) }
    let temporary = template
    var failure: Int32?
    if exists {
      failure = fchmod(fd, status.st_mode & 0o7777) == 0 ? nil : errno
      // Another owner is kept where the system lets this user give the file away (root, or a
      // group the user is in); where not, the file is this user's, as any new file would be.
      if status.st_uid != getuid() || status.st_gid != getgid() { _ = fchown(fd, status.st_uid, status.st_gid) }
    } else {
      failure = fchmod(fd, 0o666 & ~currentUmask()) == 0 ? nil : errno
    }
    var sink = OutputFile.Sink(descriptor: fd, writeAll: writeAll, failure: failure)
    do throws(BatchError) {
      try produce(&sink)
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    let failed = sink.failure ?? (fsync(fd) == 0 ? nil : errno)
    // close() reports what a network or quota-limited file system only learns at the end.
    if let code = failed ?? (close(fd) == 0 ? nil : errno) {
      unlink(temporary)
      throw .cannotWrite(path, code: code)
    }
    return StagedFile(path: path, destination: destination, temporary: temporary)
  }

  /// Puts the file in place; on failure the temporary file is removed and the target untouched.
  func rename() throws(BatchError) {
    guard let temporary else { return }
    if FileName.withCString(destination, { systemRename(temporary, $0) }) != 0 {
      let code = errno
      unlink(temporary)
      throw .cannotWrite(path, code: code)
    }
  }

  /// The file a symbolic link names, followed link by link (at most 40, as the system does); the
  /// path itself when it is not a link. A dangling link's target is written, as `>` would.
  static func resolvingLink(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      var status = stat()
      guard FileName.withCString(current, { lstat($0, &status) }) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = FileName.withCString(current) { readlink($0, &buffer, buffer.count - 1) }
      guard count > 0 else { return current }
      let target = buffer[..<count].withUnsafeBufferPointer { FileName.decode(UnsafeRawBufferPointer($0).bindMemory(to: UInt8.self)) }
      if target.hasPrefix("/") {
        current = target
      } else {
        current = (current.lastIndex(of: "/").map { String(current[...$0]) } ?? "") + target
      }
    }
    return current
  }

  /// The process's umask, read without changing it for longer than the call.
  static func currentUmask() -> mode_t {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }

  /// Temporary files of this tool in `directory` whose process is gone: a run killed between
  /// writing and renaming. Those of a live process (another run writing now) are left alone.
  static func removeAbandoned(in directory: String) {
    guard let folder = FileName.withCString(directory.isEmpty ? "." : directory, { opendir($0) }) else { return }
    defer { closedir(folder) }
    let prefix = Array(Self.prefix.utf8)
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
      guard name.starts(with: prefix) else { continue }
      let rest = name.dropFirst(prefix.count)
      // `.cyberquote-PID-XXXXXX`: the pid, then mkstemp's six characters.
      guard let dash = rest.firstIndex(of: UInt8(ascii: "-")), rest.distance(from: dash, to: rest.endIndex) == 7,
        let pid = Int32(String(decoding: rest[..<dash], as: UTF8.self)), pid > 0
      else { continue }
      if kill(pid, 0) == -1, errno == ESRCH {
        let path = FileName.bytes(directory) + Array(name) + [0]
        _ = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { unlink($0.baseAddress!) } }
      }
    }
  }
}

extension OutputFile {
  /// Puts staged files in place together, in the order given, while holding a lock on each of
  /// their folders: two runs writing the same pair (a page and its record) never interleave
  /// their renames. A kill between two renames can still leave the first new and the second old;
  /// a record names its page and the page's SHA-256, so such a pair shows itself.
  static func commit(_ files: [StagedFile]) throws(BatchError) {
    var locks: [(device: UInt64, inode: UInt64, fd: Int32)] = []
    defer { for lock in locks { close(lock.fd) } }
    for file in files where file.temporary != nil {
      let directory = file.destination.lastIndex(of: "/").map { String(file.destination[...$0]) } ?? "."
      let fd = FileName.withCString(directory) { open($0, O_RDONLY | O_DIRECTORY) }
      guard fd >= 0 else { continue }
      var status = stat()
      if fstat(fd, &status) != 0 || locks.contains(where: { $0.device == UInt64(status.st_dev) && $0.inode == UInt64(status.st_ino) }) {
        close(fd)
        continue
      }
      locks.append((UInt64(status.st_dev), UInt64(status.st_ino), fd))
    }
    // One order for every run: two runs never each hold the lock the other waits for.
    locks.sort { ($0.device, $0.inode) < ($1.device, $1.inode) }
    for lock in locks { _ = flock(lock.fd, LOCK_EX) }
    for (i, file) in files.enumerated() {
      do throws(BatchError) {
        try file.rename()
      } catch {
        for later in files[(i + 1)...] { later.discard() }
        throw error
      }
    }
  }
}
