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
    /// Builds the program: a built-in never fails; a loader that reads a file reports what is
    /// wrong in it.
    public let load: @Sendable () throws(RateFileError) -> Program

    public init(id: String, origin: String, isBuiltIn: Bool = true, load: @escaping @Sendable () throws(RateFileError) -> Program) {
      self.id = id
      self.origin = origin
      self.isBuiltIn = isBuiltIn
      self.load = load
    }

    /// ``load``, its failure as a quote's: ``QuoteError/rateBookUnreadable(_:)``.
    public func program() throws(QuoteError) -> Program {
      do { return try load() } catch { throw .rateBookUnreadable(error) }
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
  /// Each id's versions, as positions in ``entries``: a member list looks up a name per new row.
  private let versionsByID: [String: [Int]]

  public init(entries: [Entry], date: CalendarDate? = nil) {
    self.entries = entries
    self.date = date
    var seen: Set<String> = []
    ids = entries.map(\.id).filter { seen.insert($0).inserted }
    idCandidates = Suggestion.Candidates(ids)
    versionsByID = Dictionary(grouping: entries.indices, by: { entries[$0].id })
  }

  /// The rate books in `rates/`, as compiled in.
  public static let builtIn = Catalog(entries: BuiltinRateBooks.entries)

  /// This catalog with `programs` added, as ``RateBookCheck/check(_:beside:)`` passes them: a
  /// program with the id and period of an entry replaces it; one with another period is another
  /// version of its program.
  ///
  /// - Throws: ``QuoteError/rateBookUnreadable(_:)`` when an entry of the same id cannot be loaded
  ///   to compare periods.
  public func adding(_ programs: [(file: String, program: Program)]) throws(QuoteError) -> Catalog {
    var entries = self.entries
    for (file, program) in programs {
      let external = Entry(id: program.id, origin: file, isBuiltIn: false) { program }
      var same: Int?
      for (i, entry) in entries.enumerated() where entry.id == program.id {
        if try entry.program().isSameVersion(as: program) {
          same = i
          break
        }
      }
      if let i = same {
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
  /// - Throws: ``QuoteError/unknownProgram(_:suggestion:known:)``, or
  ///   ``QuoteError/rateBookUnreadable(_:)`` when a version's period cannot be read.
  public func entry(_ id: String) throws(QuoteError) -> Entry {
    try entry(id, names: nil)
  }

  /// ``entry(_:)``, with the programs' names already indexed (``nameIndex()``): for a caller
  /// that looks up many names.
  func entry(_ id: String, names: NameIndex?) throws(QuoteError) -> Entry {
    var names = names
    let (_, found) = try versions(of: id, names: &names)
    guard let positions = found, let only = positions.first.map({ entries[$0] }) else {
      let known = (names ?? nameIndex()).programs
      // A mistyped id, else a mistyped association's name (福岡件医師会 → 福岡県医師会).
      let suggestion =
        Suggestion.closest(to: id, in: idCandidates, maxDistance: 3)
        ?? Suggestion.closest(to: Self.withoutLegalForm(id), in: known.map(\.association).filter { !$0.isEmpty }, maxDistance: 2)
      throw .unknownProgram(id, suggestion: suggestion, known: known)
    }
    guard positions.count > 1 else { return only }
    var dated: [(entry: Entry, period: Period?, start: CalendarDate?)] = []
    for position in positions {
      let program = try entries[position].program()
      dated.append((entries[position], program.period, program.versionStart))
    }
    // By the first day each is for: a period's start, an undated edition's; an undated book
    // without an edition first.
    func startsEarlier(_ a: (entry: Entry, period: Period?, start: CalendarDate?), _ b: (entry: Entry, period: Period?, start: CalendarDate?)) -> Bool {
      guard let bStart = b.start else { return false }
      guard let aStart = a.start else { return true }
      return aStart < bStart
    }
    guard let date else { return dated.max(by: startsEarlier)?.entry ?? only }
    let inForce = dated.filter { $0.period.map { $0.start <= date && date <= $0.end } ?? false }
    let started = dated.filter { $0.start.map { $0 <= date } ?? true }
    let pick = inForce.max(by: startsEarlier) ?? started.max(by: startsEarlier) ?? dated.min(by: startsEarlier)
    return pick?.entry ?? only
  }

  /// The version of `program`'s id that starts first after both ``date`` and `program`'s own
  /// start, when the catalog holds one.
  package func nextVersion(after program: Program) throws(QuoteError) -> Program? {
    guard let positions = versionsByID[program.id], positions.count > 1 else { return nil }
    let bounds = [date, program.period?.start].compactMap { $0 }
    var next: (program: Program, start: CalendarDate)?
    for position in positions {
      let candidate = try entries[position].program()
      guard let start = candidate.period?.start, bounds.allSatisfy({ start > $0 }), next.map({ start < $0.start }) ?? true else { continue }
      next = (candidate, start)
    }
    return next?.program
  }

  /// What a quote of `program` on ``date`` must also say of the catalog's other versions: the next
  /// one, when the date lies outside `program`'s period (ended, or in a gap between two years).
  package func versionWarnings(for program: Program) throws(QuoteError) -> [QuoteWarning] {
    guard let date, let period = program.period, period.hasEnded(by: date) || date < period.start,
      let next = try nextVersion(after: program), let start = next.period?.start
    else { return [] }
    return [.nextVersion(start: start, source: next.source)]
  }

  /// The id `name` means: the id itself; the association's name as people say it (`福岡県医師会`,
  /// without 公益社団法人 and the like, or in full); a prefix of exactly one id (`fukuoka`); or a
  /// part of exactly one association's name, of two characters or more (`福岡`, `病院共済会`).
  /// A name that matches nothing is returned as given (the caller reports it unknown).
  ///
  /// - Throws: ``QuoteError/ambiguousProgram(_:candidates:)`` for a prefix of several ids or
  ///   a part of several names.
  public func resolve(_ name: String) throws(QuoteError) -> String {
    var names: NameIndex?
    return try versions(of: name, names: &names).id
  }

  /// The id `name` means (``resolve(_:)``) and its versions' positions in ``entries``, nil
  /// when it is unknown: one lookup of the id, for a member list that looks up a name per row.
  /// `names` is built here when a name needs it and was not given, and handed back for reuse.
  private func versions(of name: String, names: inout NameIndex?) throws(QuoteError) -> (id: String, positions: [Int]?) {
    let id = Suggestion.loweredIfNeeded(name)
    if let positions = versionsByID[id] { return (id, positions) }
    let spoken = Self.withoutLegalForm(name)
    let index = names ?? nameIndex()
    names = index
    let mayBeNamed = index.mayName(spoken)
    if mayBeNamed, let named = index.exactly(spoken) { return (named, versionsByID[named]) }
    if !id.isEmpty, ids.contains(where: { $0.hasUTF8Prefix(id) }) {
      let prefixed = ids.filter { $0.hasUTF8Prefix(id) }
      if prefixed.count > 1 { throw .ambiguousProgram(name, candidates: index.programs.filter { prefixed.contains($0.id) }) }
      return (prefixed[0], versionsByID[prefixed[0]])
    }
    let containing = mayBeNamed ? index.containing(spoken) : []
    if containing.count > 1 { throw .ambiguousProgram(name, candidates: containing) }
    if let only = containing.first { return (only.id, versionsByID[only.id]) }
    return (id, nil)
  }

  /// Every program's name, for a caller that looks up many (``resolve(_:)``).
  func nameIndex() -> NameIndex {
    NameIndex(
      ids.map { id in
        let program = try? entries[versionsByID[id]?.first ?? 0].load()
        return ProgramName(id: id, association: program.map { Self.withoutLegalForm($0.policyholder) } ?? "")
      })
  }

  /// An association's name as people say it: `公益社団法人 福岡県医師会` → `福岡県医師会`.
  package static func spokenName(_ name: String) -> String { withoutLegalForm(name) }

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
  /// - Throws: ``QuoteError/unknownProgram(_:suggestion:known:)``, or
  ///   ``QuoteError/rateBookUnreadable(_:)`` when a rate book's loader fails.
  public func program(_ id: String) throws(QuoteError) -> Program {
    try entry(id).program()
  }

  func program(_ id: String, names: NameIndex) throws(QuoteError) -> Program {
    try entry(id, names: names).program()
  }

  /// Every program, one version each, in listing order.
  public func allPrograms() throws(QuoteError) -> [Program] {
    var programs: [Program] = []
    for id in ids { programs.append(try program(id)) }
    return programs
  }

  /// Prices `request` under the program it names.
  public func quote(_ request: QuoteRequest, on date: CalendarDate? = nil) throws(QuoteError) -> Quote {
    let program = try program(request.program)
    return try Pricer.quote(request, in: program, on: date).adding(versionWarnings(for: program))
  }
}

/// ``Catalog/ProgramName``, by the name the code uses.
package typealias ProgramName = Catalog.ProgramName

extension Catalog {
  /// A program as staff name it: its id, and its association as people say it.
  public struct ProgramName: Sendable, Hashable {
    public let id: String
    /// The policyholder without its legal form (`福岡県医師会`); empty when the rate book cannot
    /// be loaded.
    public let association: String

    public init(id: String, association: String) {
      self.id = id
      self.association = association
    }
  }
}

/// The programs' names, looked up by an association's name or a part of it: built once for a
/// member list, which may look up a new name on every row.
struct NameIndex {
  /// In listing order.
  let programs: [ProgramName]
  private let byAssociation: [String: String]
  /// Whether a name has ASCII in it: if none has, an ASCII name (a mistyped id) is none of them.
  private let hasASCII: Bool

  init(_ programs: [ProgramName]) {
    self.programs = programs
    var byAssociation: [String: String] = [:]
    for program in programs.reversed() where !program.association.isEmpty { byAssociation[program.association] = program.id }
    self.byAssociation = byAssociation
    hasASCII = programs.contains { $0.association.utf8.contains { $0 < 0x80 } }
  }

  /// The program whose association is `name` exactly (the first listed).
  func exactly(_ name: String) -> String? {
    name.isEmpty ? nil : byAssociation[name]
  }

  /// The programs whose association's name contains `part`, of two characters or more; each
  /// program once.
  func containing(_ part: String) -> [ProgramName] {
    part.count >= 2 ? programs.filter { $0.association.contains(part) } : []
  }

  /// Whether `text` can be (part of) a name: false for ASCII when no name has any, which
  /// spares a mistyped id both lookups.
  func mayName(_ text: String) -> Bool {
    hasASCII || !text.utf8.allSatisfy { $0 < 0x80 }
  }
}
