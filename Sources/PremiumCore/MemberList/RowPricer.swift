/// Prices requests under one catalog, building each program once: the program lookup behind
/// member lists, renewal impact and check files.
package struct RowPricer {
  package let catalog: Catalog
  /// Programs (or why not) by id as rows spell them; bounded, so that a list of distinct
  /// misspellings cannot fill memory. A program is held by reference: each of up to
  /// ``cacheLimit`` entries then takes the size of an error, not of a whole program.
  private var programs: [String: Result<Loaded, QuoteError>] = [:]

  /// A program loaded once, shared by every id that names it.
  private final class Loaded: Sendable {
    let program: Program
    init(_ program: Program) { self.program = program }
  }
  /// The catalog's associations by spoken name, indexed at the first id that is not a program's
  /// own: a list of ever new names then costs a lookup each, not a load of every program.
  private var names: NameIndex?

  /// Distinct ids kept: far more than a real list names, and a bound on memory for a list of
  /// random text.
  package static let cacheLimit = 4096

  package init(catalog: Catalog) {
    self.catalog = catalog
  }

  /// The program with this id (as a row spells it, lower-cased), or why there is none.
  package mutating func program(_ id: String) -> Result<Program, QuoteError> {
    if let cached = programs[id] { return cached.map(\.program) }
    if names == nil, !catalog.ids.contains(id) { names = catalog.nameIndex() }
    let found = Self.look(up: id, in: catalog, names: names)
    if programs.count < Self.cacheLimit { programs[id] = found.map(Loaded.init) }
    return found
  }

  /// Prices `request`, recording every step; `date`, when given, is checked against the
  /// program's period.
  package mutating func quote(_ request: QuoteRequest, on date: CalendarDate? = nil) -> Result<Quote, MemberRowError> {
    program(request.program).mapError { .quote($0) }.flatMap { program in
      Result { () throws(QuoteError) -> Quote in try Pricer.quote(request, in: program, on: date) }.mapError { .quote($0) }
    }
  }

  /// The program with this id, or why there is none.
  static func look(up id: String, in catalog: Catalog, names: NameIndex? = nil) -> Result<Program, QuoteError> {
    Result { () throws(QuoteError) in
      if let names { try catalog.program(id, names: names) } else { try catalog.program(id) }
    }
  }
}
