#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// `--rates` as a catalog that reads only the books a command asks for: each file is indexed by
/// the program id it states, found by a scan that builds nothing, and decoded when its program
/// is first wanted. A file whose id is shared (with a built-in program or another file) is
/// decoded at once, since its period decides which version it replaces. A directory of thousands
/// of files costs a quote one scan of each and the decoding of its own program's.
enum RateFileIndex {
  static func catalog(_ base: Catalog, paths: [String]) throws -> Catalog {
    var files: [(file: String, id: String?)] = []
    for path in paths {
      let found = try FileTree.files(path, suffix: ".json", recursive: false) { $0.hasSuffix(".schema.json") }
      guard !found.isEmpty else { throw BatchError.noRateFiles(path) }
      for file in found { files.append((file, topLevelID(try RateFileSources.bytes(of: file, limit: RateFileSources.maximumBytes)))) }
    }
    var count: [String: Int] = [:]
    for case let (_, id?) in files { count[id, default: 0] += 1 }
    let builtIn = Set(base.ids)
    // Decoded now: a shared id, or a file whose id the scan could not read (its error is named).
    let now = files.filter { file in file.id.map { count[$0, default: 0] > 1 || builtIn.contains($0) } ?? true }
    var catalog = base
    if !now.isEmpty {
      let sources = try now.map { RateBookCheck.Source(file: $0.file, text: try RateFileSources.text(of: $0.file)) }
      let result = RateBookCheck.check(sources, beside: base, warnings: false)
      if let error = result.errors.first { throw error }
      catalog = try catalog.adding(result.programs)
    }
    let later = files.compactMap { file in file.id.flatMap { id in count[id] == 1 && !builtIn.contains(id) ? (file.file, id) : nil } }
    guard !later.isEmpty else { return catalog }
    let entries = later.map { file, id in
      let loader = Loader(file: file)
      return Catalog.Entry(id: id, origin: file, isBuiltIn: false) { () throws(RateFileError) -> Program in try loader.program() }
    }
    return Catalog(entries: catalog.entries + entries, date: catalog.date)
  }

  /// One file's program, decoded once, on first use, by whichever thread asks first.
  final class Loader: @unchecked Sendable {
    let file: String
    private var mutex = pthread_mutex_t()
    private var loaded: Result<Program, RateFileError>?

    init(file: String) {
      self.file = file
      pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    func program() throws(RateFileError) -> Program {
      pthread_mutex_lock(&mutex)
      defer { pthread_mutex_unlock(&mutex) }
      if let loaded { return try loaded.get() }
      let result = Self.decode(file)
      loaded = result
      return try result.get()
    }

    /// The file decoded and checked as `rates check` checks it for errors; a file that cannot be
    /// read any more (removed since the index) is an error of its first line.
    static func decode(_ file: String) -> Result<Program, RateFileError> {
      let text: String
      do {
        text = try RateFileSources.text(of: file)
      } catch {
        return .failure(RateFileError(file: file, line: 1, path: "", message: error.message(.en), japanese: error.message(.ja)))
      }
      let result = RateBookCheck.check([RateBookCheck.Source(file: file, text: text)], warnings: false)
      if let error = result.errors.first { return .failure(error) }
      guard let program = result.programs.first?.program else {
        return .failure(RateFileError(file: file, line: 1, path: "", message: "no program in the file"))
      }
      return .success(program)
    }
  }

  /// The string value of the top-level `"id"` of a JSON object, read without building anything;
  /// nil when the bytes are not such an object or the id holds an escape (the decoder, which
  /// then reads the file, names what is wrong).
  static func topLevelID(_ bytes: [UInt8]) -> String? {
    var i = 0
    let n = bytes.count
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }
    /// The string at `i` (which is its opening quote), and whether it held an escape.
    func string() -> (ArraySlice<UInt8>, escaped: Bool)? {
      guard i < n, bytes[i] == 0x22 else { return nil }
      let start = i + 1
      var escaped = false
      i += 1
      while i < n, bytes[i] != 0x22 {
        if bytes[i] == 0x5C {
          escaped = true
          i += 1
        }
        i += 1
      }
      guard i < n else { return nil }
      defer { i += 1 }
      return (bytes[start..<i], escaped)
    }
    /// Skips one value: a string, or anything up to the comma or brace that ends it at depth 0.
    func skipValue() -> Bool {
      var depth = 0
      while i < n {
        switch bytes[i] {
        case 0x22: guard string() != nil else { return false }
        case 0x7B, 0x5B:
          depth += 1
          i += 1
        case 0x7D, 0x5D:
          if depth == 0 { return true }
          depth -= 1
          i += 1
        case 0x2C where depth == 0: return true
        default: i += 1
        }
      }
      return false
    }
    skipSpace()
    guard i < n, bytes[i] == 0x7B else { return nil }
    i += 1
    while true {
      skipSpace()
      guard let (key, keyEscaped) = string() else { return nil }
      skipSpace()
      guard i < n, bytes[i] == 0x3A else { return nil }
      i += 1
      skipSpace()
      if !keyEscaped, key.elementsEqual("id".utf8) {
        guard let (value, escaped) = string(), !escaped else { return nil }
        return String(decoding: value, as: UTF8.self)
      }
      guard skipValue() else { return nil }
      guard i < n, bytes[i] == 0x2C else { return nil }
      i += 1
    }
  }
}
