#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// Files a command writes besides stdout: `chart --svg`, `verify --junit`, `proposal --out`,
/// `rates draft --out` and `--review`.
///
/// Each is written whole to a temporary file in the target's directory and renamed over the
/// target only after it was flushed and closed without error (``StagedFile``): a full disk or a
/// second run writing the same path never leaves a cut-off file, and on failure the previous
/// file is untouched. A target that exists and is not a regular file (`/dev/stdout`, a FIFO) is
/// written in place. Files that belong together (a page and its record) are staged first and
/// put in place together by ``commit(_:)``.
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
    let descriptor: Int32
    let writeAll: WriteAll
    var failure: Int32?

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
    try commit([StagedFile.stage(path, writeAll: writeAll, produce)])
  }

  /// Files that belong together (a page and its record, a draft and its review), in the order
  /// given: each written whole before any replaces what was there, then put in place together.
  static func writeTogether(_ files: [(text: String, path: String)]) throws(BatchError) {
    var staged: [StagedFile] = []
    do throws(BatchError) {
      for file in files { staged.append(try stage(file.text, to: file.path)) }
    } catch {
      for file in staged { file.discard() }
      throw error
    }
    try commit(staged)
  }

  /// `text` staged for `path`, to be put in place with others by ``commit(_:)``.
  static func stage(_ text: String, to path: String, writeAll: @escaping WriteAll = DescriptorWriter.writeAll) throws(BatchError) -> StagedFile {
    try StagedFile.stage(path, writeAll: writeAll) { $0.write(text) }
  }

  static func writeInPlace(
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

  /// Refuses two outputs of one command that are one file, however spelled (`p.html` and
  /// `./p.html`, a link and its target): by device and inode where the file exists, by the
  /// resolved folder and name where it does not yet. `-` (standard output) is no file.
  static func refuseSameFile(_ outputs: [(option: String, path: String?)], command: String) throws(UsageError) {
    var seen: [(option: String, identity: FileIdentity)] = []
    for case let (option, path?) in outputs where path != "-" {
      let identity = FileIdentity(path)
      if let earlier = seen.first(where: { $0.identity == identity }) { throw .sameFile(option, as: earlier.option, command: command) }
      seen.append((option, identity))
    }
  }

  /// What makes two paths one file.
  enum FileIdentity: Equatable {
    case node(device: UInt64, inode: UInt64)
    case path(String)

    init(_ path: String) {
      let target = StagedFile.resolvingLink(path)
      var status = stat()
      if FileName.withCString(target, { stat($0, &status) }) == 0 {
        self = .node(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        return
      }
      let slash = target.lastIndex(of: "/")
      let folder = slash.map { String(target[...$0]) } ?? "."
      let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
      var folderStatus = stat()
      if FileName.withCString(folder, { stat($0, &folderStatus) }) == 0 {
        self = .path("\(folderStatus.st_dev):\(folderStatus.st_ino)/" + name)
      } else {
        self = .path(target)
      }
    }
  }
}

/// Text inside XML (the page, SVG, JUnit): the five characters XML reserves, escaped; control
/// characters (C0, C1, bidirectional overrides and isolates) and a file name's bytes that are not
/// UTF-8 shown as the terminal shows them (`\x1B`, `\u{202E}`, `\xE9`), never raw.
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
      // A control, a bidirectional override or isolate, or a raw byte is shown as the screen
      // shows it: an override in a name or a phone number would reorder what the page reads.
      case _ where ControlCharacters.contains(scalar) || FileName.rawByte(scalar) != nil: out += TerminalText.shown(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
