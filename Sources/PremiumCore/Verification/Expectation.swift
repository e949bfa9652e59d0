/// What a check file (`rates/checks/*.csv`, `cyberquote verify`) expects of one row: any of the
/// annual premium, the installment and the basis, as the brochure prints them.
package struct Expectation: Sendable, Equatable {
  /// The expectation columns, by their header names.
  package enum Field: String, Sendable, CaseIterable {
    case premium = "expected_premium"
    case installmentPremium = "expected_installment_premium"
    case basis = "expected_basis"
  }

  package var premium: Yen?
  package var installmentPremium: Yen?
  package var basis: Basis?

  package init(premium: Yen? = nil, installmentPremium: Yen? = nil, basis: Basis? = nil) {
    self.premium = premium
    self.installmentPremium = installmentPremium
    self.basis = basis
  }

  /// One expectation a quote does not meet.
  package struct Mismatch: Sendable, Equatable {
    package let field: Field
    package let expected: String
    package let actual: String
  }

  /// A cell that cannot be read as an expectation.
  package struct CellError: Error, Sendable, Equatable {
    package let field: Field
    package let value: String

    package var message: String {
      switch field {
      case .premium, .installmentPremium: "\(field.rawValue) '\(value)' is not a whole number of yen (e.g. 29380 or 29,380)"
      case .basis: "\(field.rawValue) '\(value)' is not one of \(Basis.allCases.map(\.rawValue).joined(separator: ", "))"
      }
    }
  }

  /// The expectation columns of a check file's header, under any of their names
  /// (``ColumnNames/expectations``). Throws for two columns of one expectation, and for a header
  /// close to an expectation's name without being one (`expected_premum`), with the name meant.
  package static func columns(_ header: [String]) throws(MemberColumns.HeaderError) -> [Field: Int] {
    var found: [Field: Int] = [:]
    for (i, cell) in header.enumerated() where !ColumnNames.key(cell).hasPrefix("#") {
      if let field = ColumnNames.expectation(cell) {
        if let first = found[field] { throw .sameColumn(first: header[first], second: cell) }
        found[field] = i
      } else if ColumnNames.pricingField(cell) == nil, let meant = ColumnNames.nearMiss(cell, among: ColumnNames.expectations.map(\.names)) {
        throw .nearMiss(cell, meant: meant)
      }
    }
    return found
  }

  /// The expectations in `cells` at `columns`; an empty cell expects nothing.
  package static func read(_ cells: [String], columns: [Field: Int]) -> Result<Expectation, CellError> {
    var expectation = Expectation()
    for (field, index) in columns.sorted(by: { $0.value < $1.value }) where index < cells.count {
      let text = NumberText.halfWidth(cells[index]).trimmingSpaces
      guard !text.isEmpty else { continue }
      switch field {
      case .premium, .installmentPremium:
        guard case .number(let value) = NumberText.parse(text), value.isInteger, value.numerator >= 0 else {
          return .failure(CellError(field: field, value: cells[index]))
        }
        if field == .premium { expectation.premium = Yen(value.numerator) } else { expectation.installmentPremium = Yen(value.numerator) }
      case .basis:
        guard let basis = Basis(rawValue: text.lowercased()) else { return .failure(CellError(field: field, value: cells[index])) }
        expectation.basis = basis
      }
    }
    return .success(expectation)
  }

  /// What `quote` gets wrong, in column order.
  package func mismatches(_ quote: Quote) -> [Mismatch] {
    var out: [Mismatch] = []
    if let premium, premium != quote.premium {
      out.append(Mismatch(field: .premium, expected: "\(premium.amount)", actual: "\(quote.premium.amount)"))
    }
    if let installmentPremium, installmentPremium != quote.installmentPremium {
      out.append(Mismatch(field: .installmentPremium, expected: "\(installmentPremium.amount)", actual: "\(quote.installmentPremium.amount)"))
    }
    if let basis, basis != quote.basis {
      out.append(Mismatch(field: .basis, expected: basis.rawValue, actual: quote.basis.rawValue))
    }
    return out
  }
}
