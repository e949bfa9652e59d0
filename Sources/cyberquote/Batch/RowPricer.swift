import PremiumCore

/// Prices rows under one catalog, building each program once.
struct RowPricer {
  let catalog: Catalog
  /// Programs (or why not) by id as rows spell them; bounded, so that a list of distinct
  /// misspellings cannot fill memory.
  private var programs: [String: Result<Program, QuoteError>] = [:]

  init(catalog: Catalog) {
    self.catalog = catalog
  }

  mutating func quote(_ request: QuoteRequest) -> Result<Quote, MemberRowError> {
    let program = programs[request.program] ?? {
      let found = Self.look(up: request.program, in: catalog)
      if programs.count < BatchRun.cacheLimit { programs[request.program] = found }
      return found
    }()
    return program.mapError { .quote($0) }.flatMap { program in
      Result { () throws(QuoteError) -> Quote in try Pricer.quote(request, in: program) }.mapError { .quote($0) }
    }
  }

  /// The program with this id, or why there is none.
  static func look(up id: String, in catalog: Catalog) -> Result<Program, QuoteError> {
    do {
      return .success(try catalog.program(id))
    } catch let error as QuoteError {
      return .failure(error)
    } catch {
      return .failure(.arithmeticOverflow)
    }
  }
}
