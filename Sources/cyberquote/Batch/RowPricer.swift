import PremiumCore

/// Prices rows under one catalog, building each program once.
struct RowPricer {
  let catalog: Catalog
  private var programs: [String: Result<Program, MemberRowError>] = [:]

  init(catalog: Catalog) {
    self.catalog = catalog
  }

  mutating func quote(_ request: QuoteRequest) -> Result<Quote, MemberRowError> {
    let program: Result<Program, MemberRowError>
    if let cached = programs[request.program] {
      program = cached
    } else {
      do {
        program = .success(try catalog.program(request.program))
      } catch let error as QuoteError {
        program = .failure(.quote(error))
      } catch {
        program = .failure(.quote(.arithmeticOverflow))
      }
      programs[request.program] = program
    }
    return program.flatMap { program in
      Result { () throws(QuoteError) -> Quote in try Pricer.quote(request, in: program) }.mapError { .quote($0) }
    }
  }
}
