#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Files a command writes besides stdout: `chart --svg`, `verify --junit`, `proposal --out`,
/// `rates draft --out` and `--review`.
///
/// Each is written whole to a temporary file in the target's directory and renamed over the
/// target only after it was flushed and closed without error: a full disk or a second run writing
/// the same path never leaves a cut-off file, and on failure the previous file is untouched.
/// A target that exists and is not a regular file (`/dev/stdout`, a FIFO) is written in place.
enum OutputFile {
  /// Refuses, before anything is read or written, an output path that is one of the command's
  /// inputs (the same file by device and inode, whatever the spelling): `proposal --members
  /// list.csv --out list.csv` would replace the member list with the page.
  static func refuseInputs(_ outputs: [String?], inputs: [String], context: Context) throws(BatchError) {
    let inputs = inputs + context.catalog.entries.filter { !$0.isBuiltIn }.map(\.origin)
    for case let output? in outputs where output != "-" {
      var target = stat()
      guard FileName.withCString(output, { stat($0, &target) }) == 0 else { continue }
      for input in inputs {
        var source = stat()
        if FileName.withCString(input, { stat($0, &source) }) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino {
          throw .outputIsInput(output, input: input)
        }
      }
    }
  }

  /// The system call that writes bytes to a descriptor, returning errno on failure; tests pass
  /// one that fails part-way, as a full disk does.
  typealias WriteAll = (UnsafeBufferPointer<UInt8>, Int32) -> Int32?

  static func write(
    _ text: String, to path: String, writeAll: @escaping WriteAll = DescriptorWriter.writeAll
  ) throws(BatchError) {
    try write(to: path, writeAll: writeAll) { $0.write(text) }
  }

  /// Where a file's bytes go while `produce` writes them; the first failed write is kept, and
  /// later writes are skipped.
  struct Sink {
    fileprivate let descriptor: Int32
    fileprivate let writeAll: WriteAll
    fileprivate var failure: Int32?

    mutating func write(_ text: String) {
      var text = text
      text.withUTF8 { write(bytes: $0) }
    }

    mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
      guard failure == nil, !bytes.isEmpty else { return }
      failure = writeAll(bytes, descriptor)
    }
  }

  /// Writes what `produce` gives, piece by piece, so that a large file never sits in memory whole.
  static func write(
    to path: String, writeAll: @escaping WriteAll = DescriptorWriter.writeAll, _ produce: (inout Sink) throws(BatchError) -> Void
  ) throws(BatchError) {
    var status = stat()
    if FileName.withCString(path, { stat($0, &status) }) == 0, (status.st_mode & S_IFMT) != S_IFREG {
      return try writeInPlace(to: path, writeAll: writeAll, produce)
    }
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    var template = (FileName.bytes(directory) + Array(".cyberquote-XXXXXX\0".utf8)).map { CChar(bitPattern: $0) }
    let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard fd >= 0 else { throw .cannotWrite(path, code: errno) }
    // The name mkstemp filled in, as the bytes the system takes back.
    let temporary = template
    var sink = Sink(descriptor: fd, writeAll: writeAll, failure: fchmod(fd, 0o644) == 0 ? nil : errno)
    do throws(BatchError) {
      try produce(&sink)
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    let failure = sink.failure ?? (fsync(fd) == 0 ? nil : errno)
    // close() reports what a network or quota-limited file system only learns at the end.
    let closed = close(fd) == 0 ? nil : errno
    if let code = failure ?? closed ?? (FileName.withCString(path, { rename(temporary, $0) }) == 0 ? nil : errno) {
      unlink(temporary)
      throw .cannotWrite(path, code: code)
    }
  }

  private static func writeInPlace(
    to path: String, writeAll: @escaping WriteAll, _ produce: (inout Sink) throws(BatchError) -> Void
  ) throws(BatchError) {
    let fd = FileName.withCString(path) { open($0, O_WRONLY | O_TRUNC) }
    guard fd >= 0 else { throw .cannotWrite(path, code: errno) }
    var sink = Sink(descriptor: fd, writeAll: writeAll)
    do throws(BatchError) {
      try produce(&sink)
    } catch {
      close(fd)
      throw error
    }
    let closed = close(fd) == 0 ? nil : errno
    if let code = sink.failure ?? closed { throw .cannotWrite(path, code: code) }
  }
}

/// Text inside XML (SVG, JUnit): the five characters XML reserves, control characters XML 1.0
/// cannot hold at all, which become U+FFFD, and a file name's bytes that are not UTF-8, shown as
/// `\xE9`.
enum XMLText {
  static func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20: out += "\u{FFFD}"
      case _ where FileName.rawByte(scalar) != nil: out += FileName.shownByte(scalar) ?? ""
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
