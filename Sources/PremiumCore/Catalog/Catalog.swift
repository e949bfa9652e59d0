/// The programs a quote can be priced under: the rate books compiled into the binary.
///
/// The built-in rate files are embedded as text (``EmbeddedRateFiles``, generated from `rates/`)
/// and decoded on demand, so a quote parses only the one program it needs.
public struct Catalog: Sendable {
  /// A rate book's text and where it came from.
  public struct Source: Sendable {
    /// The program id: the file name without `.json`.
    public let id: String
    /// `rates/byoin-kyosaikai.json (built-in)` or a path.
    public let origin: String
    public let text: String
  }

  public let sources: [Source]

  public init(sources: [Source]) {
    self.sources = sources
  }

  /// The rate books in `rates/`, as compiled in.
  public static let builtIn = Catalog(
    sources: EmbeddedRateFiles.files.map { file in
      Source(id: String(file.name.dropLast(".json".count)), origin: "rates/" + file.name, text: file.text)
    })

  /// Program ids in the order the programs are listed (the brochures' seed order).
  public var ids: [String] { sources.map(\.id) }

  /// The program with this id.
  ///
  /// - Throws: ``QuoteError/unknownProgram(_:suggestion:known:)``, or ``RateFileError`` when the
  ///   rate book itself is broken.
  public func program(_ id: String) throws -> Program {
    guard let source = sources.first(where: { $0.id == id.lowercased() }) else {
      throw QuoteError.unknownProgram(id, suggestion: Suggestion.closest(to: id, in: ids, maxDistance: 3), known: ids)
    }
    return try RateFileDecoder.decode(source.text, file: source.origin)
  }

  /// Every program, in listing order.
  public func allPrograms() throws -> [Program] {
    try sources.map { source in try RateFileDecoder.decode(source.text, file: source.origin) }
  }

  /// Prices `request` under the program it names.
  public func quote(_ request: QuoteRequest, on date: CalendarDate? = nil) throws -> Quote {
    try Pricer.quote(request, in: program(request.program), on: date)
  }
}
