/// The programs a quote can be priced under: the built-in rate books, and rate files loaded beside
/// them (`--rates`), possibly several versions of one program for successive contract periods.
///
/// The built-in programs are compiled in as Swift constructors (``BuiltinRateBooks``, generated
/// from `rates/`), so a command parses nothing at start-up and builds only the program it asks for.
public struct Catalog: Sendable {
  /// One program version, built on demand.
  public struct Entry: Sendable {
    /// The program id: the rate file's name without `.json`.
    public let id: String
    /// Where its rates come from: `rates/byoin-kyosaikai.json` for a built-in, else the path given.
    public let origin: String
    /// Compiled in from `rates/`, rather than loaded from a file at run time.
    public let isBuiltIn: Bool
    public let load: @Sendable () throws -> Program

    public init(id: String, origin: String, isBuiltIn: Bool = true, load: @escaping @Sendable () throws -> Program) {
      self.id = id
      self.origin = origin
      self.isBuiltIn = isBuiltIn
      self.load = load
    }
  }

  /// In listing order; one id may appear once per contract period.
  public let entries: [Entry]
  /// The day that picks among several versions of one program (`--date`, by default today).
  /// Without a date, the version that starts last.
  public var date: CalendarDate?

  /// Program ids in listing order (the brochures' seed order), each once.
  public let ids: [String]
  /// ``ids`` prepared for suggestions: a member list may ask for one per row.
  private let idCandidates: Suggestion.Candidates

  public init(entries: [Entry], date: CalendarDate? = nil) {
    self.entries = entries
    self.date = date
    var seen: Set<String> = []
    ids = entries.map(\.id).filter { seen.insert($0).inserted }
    idCandidates = Suggestion.Candidates(ids)
  }

  /// The rate books in `rates/`, as compiled in.
  public static let builtIn = Catalog(entries: BuiltinRateBooks.entries)

  /// This catalog with `programs` added, as ``RateBookCheck/check(_:beside:)`` passes them: a
  /// program with the id and period of an entry replaces it; one with another period is another
  /// version of its program.
  public func adding(_ programs: [(file: String, program: Program)]) throws -> Catalog {
    var entries = self.entries
    for (file, program) in programs {
      let external = Entry(id: program.id, origin: file, isBuiltIn: false) { program }
      if let i = try entries.firstIndex(where: { try $0.id == program.id && $0.load().period == program.period }) {
        entries[i] = external
      } else {
        entries.append(external)
      }
    }
    return Catalog(entries: entries, date: date)
  }

  /// This catalog with every version of the programs in `programs` replaced by them, whatever
  /// their periods: a rate source to price with as a whole (`impact --new`).
  public func replacing(_ programs: [(file: String, program: Program)]) -> Catalog {
    let external = programs.map { file, program in Entry(id: program.id, origin: file, isBuiltIn: false) { program } }
    var entries: [Entry] = []
    var placed: Set<String> = []
    for entry in self.entries {
      guard external.contains(where: { $0.id == entry.id }) else {
        entries.append(entry)
        continue
      }
      // The new versions take the place of the first old one, so listings keep their order.
      if placed.insert(entry.id).inserted { entries += external.filter { $0.id == entry.id } }
    }
    entries += external.filter { !placed.contains($0.id) }
    return Catalog(entries: entries, date: date)
  }

  /// The version of `id` for ``date``: the one in force (the newer on a shared boundary day);
  /// outside every period, the latest that has started, else the earliest. Quotes warn when the
  /// date lies outside the chosen version's period.
  ///
  /// - Throws: ``QuoteError/unknownProgram(_:suggestion:known:)``.
  public func entry(_ id: String) throws -> Entry {
    try entry(id, spokenNames: nil)
  }

  /// ``entry(_:)``, with the associations' spoken names already indexed (``spokenNameIndex()``):
  /// for a caller that looks up many names.
  func entry(_ id: String, spokenNames: [String: String]?) throws -> Entry {
    let resolved = try resolve(id, spokenNames: spokenNames)
    let versions = entries.filter { $0.id == resolved }
    guard let only = versions.first else {
      throw QuoteError.unknownProgram(id, suggestion: Suggestion.closest(to: id, in: idCandidates, maxDistance: 3), known: ids)
    }
    guard versions.count > 1 else { return only }
    let dated = try versions.map { (entry: $0, period: try $0.load().period) }
    // Undated versions sort first.
    func startsEarlier(_ a: (entry: Entry, period: Period?), _ b: (entry: Entry, period: Period?)) -> Bool {
      guard let bStart = b.period?.start else { return false }
      guard let aStart = a.period?.start else { return true }
      return aStart < bStart
    }
    guard let date else { return dated.max(by: startsEarlier)?.entry ?? only }
    let inForce = dated.filter { $0.period.map { $0.start <= date && date <= $0.end } ?? false }
    let started = dated.filter { $0.period.map { $0.start <= date } ?? true }
    let pick = inForce.max(by: startsEarlier) ?? started.max(by: startsEarlier) ?? dated.min(by: startsEarlier)
    return pick?.entry ?? only
  }

  /// The id `name` means: the id itself; the association's name as people say it (`福岡県医師会`,
  /// without 公益社団法人 and the like, or in full); or a prefix of exactly one id (`fukuoka`).
  /// A name that matches nothing is returned as given (the caller reports it unknown).
  ///
  /// - Throws: ``QuoteError/ambiguousProgram(_:candidates:)`` for a prefix of several ids.
  public func resolve(_ name: String) throws -> String {
    try resolve(name, spokenNames: nil)
  }

  func resolve(_ name: String, spokenNames: [String: String]?) throws -> String {
    let id = name.lowercased()
    let known = ids
    if known.contains(id) { return id }
    let spoken = Self.withoutLegalForm(name)
    if !spoken.isEmpty, let candidate = (spokenNames ?? spokenNameIndex())[spoken] { return candidate }
    let prefixed = known.filter { !id.isEmpty && $0.hasPrefix(id) }
    if prefixed.count == 1 { return prefixed[0] }
    if prefixed.count > 1 { throw QuoteError.ambiguousProgram(name, candidates: prefixed) }
    return id
  }

  /// Each program's association by its spoken name (``spokenName(_:)``), the first listed
  /// winning; a program that cannot be loaded is left out.
  func spokenNameIndex() -> [String: String] {
    var index: [String: String] = [:]
    for id in ids.reversed() {
      guard let program = try? entries.first(where: { $0.id == id })?.load() else { continue }
      index[Self.withoutLegalForm(program.policyholder)] = id
    }
    return index
  }

  /// An association's name as people say it: `公益社団法人 福岡県医師会` → `福岡県医師会`.
  public static func spokenName(_ name: String) -> String { withoutLegalForm(name) }

  /// An association's name without its legal form or spaces: `公益社団法人 福岡県医師会` → `福岡県医師会`.
  static func withoutLegalForm(_ name: String) -> String {
    // Every legal form is Japanese: an ASCII name without spaces is already as people say it.
    if name.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x20 }) { return name }
    var text = name.filter { $0 != " " && $0 != "\u{3000}" }
    for form in ["公益社団法人", "一般社団法人", "公益財団法人", "一般財団法人"] where text.hasPrefix(form) {
      text.removeFirst(form.count)
    }
    return text
  }

  /// The version of the program with this id for ``date``.
  ///
  /// - Throws: ``QuoteError/unknownProgram(_:suggestion:known:)``, or ``RateFileError`` when an
  ///   external rate book is broken.
  public func program(_ id: String) throws -> Program {
    try entry(id).load()
  }

  func program(_ id: String, spokenNames: [String: String]) throws -> Program {
    try entry(id, spokenNames: spokenNames).load()
  }

  /// Every program, one version each, in listing order.
  public func allPrograms() throws -> [Program] {
    try ids.map { try program($0) }
  }

  /// Prices `request` under the program it names.
  public func quote(_ request: QuoteRequest, on date: CalendarDate? = nil) throws -> Quote {
    try Pricer.quote(request, in: program(request.program), on: date)
  }
}
