/// The programs a quote can be priced under.
///
/// The built-in programs are compiled in as Swift constructors (``BuiltinRateBooks``, generated
/// from `rates/`), so a command parses nothing at start-up and builds only the program it asks for.
public struct Catalog: Sendable {
  /// One program, built on demand.
  public struct Entry: Sendable {
    /// The program id: the rate file's name without `.json`.
    public let id: String
    /// Where its rates come from: `rates/byoin-kyosaikai.json`, or a path.
    public let origin: String
    public let load: @Sendable () throws -> Program

    public init(id: String, origin: String, load: @escaping @Sendable () throws -> Program) {
      self.id = id
      self.origin = origin
      self.load = load
    }
  }

  public let entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries
  }

  /// The rate books in `rates/`, as compiled in.
  public static let builtIn = Catalog(entries: BuiltinRateBooks.entries)

  /// Program ids in listing order (the brochures' seed order).
  public var ids: [String] { entries.map(\.id) }

  /// The program with this id.
  ///
  /// - Throws: ``QuoteError/unknownProgram(_:suggestion:known:)``, or ``RateFileError`` when an
  ///   external rate book is broken.
  public func program(_ id: String) throws -> Program {
    guard let entry = entries.first(where: { $0.id == id.lowercased() }) else {
      throw QuoteError.unknownProgram(id, suggestion: Suggestion.closest(to: id, in: ids, maxDistance: 3), known: ids)
    }
    return try entry.load()
  }

  /// Every program, in listing order.
  public func allPrograms() throws -> [Program] {
    try entries.map { try $0.load() }
  }

  /// Prices `request` under the program it names.
  public func quote(_ request: QuoteRequest, on date: CalendarDate? = nil) throws -> Quote {
    try Pricer.quote(request, in: program(request.program), on: date)
  }
}
