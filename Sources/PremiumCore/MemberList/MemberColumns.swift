/// Which columns of a member list carry which request field, found from the header row.
///
/// The names are ``ColumnNames``'s. English names match case-insensitively and whatever
/// separates their words (`other beds`, `Other-Beds`); the Japanese headers staff type match
/// after full-width folding. A header close to one of them (`securty`, `security_pct`,
/// `セキュリティ割増`, `病床数`), or naming a value batch takes only as a flag (`installments`), is
/// an error rather than a column that passes through while the rows are priced without it; a
/// header starting with `#` always passes through. Every other column passes through untouched.
///
/// A list that splits 一般病床以外 into 療養・精神・結核・感染症 columns has them read as other
/// beds, summed (``otherBedParts``); the brochures price those beds together.
package struct MemberColumns: Sendable, Equatable {
  /// Accepted header names per field (``ColumnNames/pricing``).
  package static var names: [(field: QuoteField, names: [String])] { ColumnNames.pricing }

  /// Headers of the kinds of beds other than 一般病床 (``ColumnNames/otherBedParts``).
  package static var otherBedPartNames: [String] { ColumnNames.otherBedParts }

  /// The numeric fields: their cells are numbers, never neutralized as formulas.
  package static let numericFields: Set<QuoteField> = [.generalBeds, .otherBeds, .capacity, .security, .facilities]

  /// The header as read.
  package let header: [String]
  /// Column index of each recognized field.
  package let index: [QuoteField: Int]
  /// The same, as an array by ``QuoteField/ordinal`` (−1: no column), for lookups per row.
  package let columnByOrdinal: [Int]
  /// The columns whose sum is the other beds, when the list splits them by kind (療養病床数,
  /// 精神病床数, …); empty otherwise. A list has either these or an other-beds column.
  package let otherBedParts: [Int]

  package typealias HeaderError = MemberListError.HeaderError

  package init(header: [String]) throws(HeaderError) {
    var index: [QuoteField: Int] = [:]
    var parts: [Int] = []
    for (i, cell) in header.enumerated() {
      let name = ColumnNames.key(cell)
      guard !name.hasPrefix("#") else { continue }
      if ColumnNames.isOtherBedPart(key: name) {
        parts.append(i)
        continue
      }
      if let flag = ColumnNames.flagOnlyField(cell) { throw .flagOnly(cell, flag: flag) }
      guard let field = ColumnNames.pricingField(cell) else {
        // An expectation column (a check file) is verify's, not a near miss of a pricing one.
        if ColumnNames.expectation(cell) != nil { continue }
        if let meant = Self.nearMiss(cell) { throw .nearMiss(cell, meant: meant) }
        continue
      }
      if let first = index[field] { throw .duplicate(field, first: header[first], second: cell) }
      index[field] = i
    }
    guard !index.isEmpty else { throw .noUsableColumn(header: header) }
    if let other = index[.otherBeds], let part = parts.first { throw .otherBedsTwice(column: header[other], part: header[part]) }
    self.header = header
    self.index = index
    columnByOrdinal = QuoteField.allCases.map { index[$0] ?? -1 }
    otherBedParts = parts
  }

  /// The name a header (not itself a name) comes close to, among the pricing columns and the
  /// flag-only ones; nil for names far from them (`会員名`, `施設名`, `name`, `備考`).
  static func nearMiss(_ header: String) -> String? {
    ColumnNames.nearMiss(header, among: ColumnNames.pricing.map(\.names) + ColumnNames.flagOnly.map(\.names))
      .map { name in ColumnNames.flagOnly.first { $0.names[0] == name }?.flag ?? name }
      ?? ColumnNames.japaneseNearMiss(ColumnNames.key(header))
  }

  /// The column's name as the file spells it, or nil when the file has no such column. Other
  /// beds split by kind are named as their sum (`療養病床数+精神病床数`).
  package func columnName(_ field: QuoteField) -> String? {
    if field == .otherBeds, !otherBedParts.isEmpty { return otherBedParts.map { header[$0] }.joined(separator: "+") }
    return index[field].map { header[$0] }
  }

  /// Whether column `i` is one of the numeric columns this tool reads.
  package func isNumericColumn(_ i: Int) -> Bool {
    otherBedParts.contains(i) || index.contains { Self.numericFields.contains($0.key) && $0.value == i }
  }

  /// What a run says once when the list splits other beds by kind: which columns were summed.
  package func otherBedsNotice(_ l: Language) -> String? {
    guard let names = columnName(.otherBeds), !otherBedParts.isEmpty else { return nil }
    return l.pick(
      "\(names) を合計し、一般病床以外の病床数として計算しました",
      "\(names) are summed and priced as other beds (一般病床以外)")
  }
}

/// Why one row of a member list cannot be priced. Messages name the column and the value.
package enum MemberRowError: Error, Equatable, Sendable {
  /// A required cell is empty (and no default was given).
  case missing(QuoteField)
  /// A numeric cell is not a number.
  case notANumber(QuoteField, value: String)
  /// The facility cell names no known kind.
  case unknownFacility(String)
  /// The row has more cells than the header: the first few of the extra cells (each cut
  /// short), and how many there are.
  case extraCells([String], count: Int)
  /// The row's bytes are not valid in the input's encoding.
  case invalidText(column: String)
  /// The request is well-formed but cannot be priced.
  case quote(QuoteError)
  /// A cell holds a character the output encoding cannot (CP932 has no 𠮷).
  case notInOutputEncoding(column: String, character: String)

  package func message(language: Language = .ja, naming: (QuoteField) -> String) -> String {
    let l = language
    switch self {
    case .missing(let field):
      return l.pick("\(naming(field)) が空です", "\(naming(field)) is empty")
    case .notANumber(let field, let value):
      return l.pick("\(naming(field)) の値 '\(value)' は数値ではありません", "the value '\(value)' in \(naming(field)) is not a number")
    case .unknownFacility(let value):
      let accepted = FacilityKind.allCases.map(\.rawValue).joined(separator: ", ")
      return l.pick(
        "\(naming(.facility)) の値 '\(value)' は無効です。指定できる値: \(accepted)（病院・介護医療院・老健・診療所・歯科診療所も可）",
        "the value '\(value)' in \(naming(.facility)) is invalid: expected one of \(accepted), or the Japanese names")
    case .extraCells(let cells, let count):
      let more = count > cells.count ? ", …" : ""
      return l.pick(
        "見出しより列が多い行です（余分なセル \(count)個: \(cells.joined(separator: ", "))\(more)）",
        "the row has more cells than the header (\(count) extra: \(cells.joined(separator: ", "))\(more))")
    case .invalidText(let column):
      return l.pick("\(column) の文字コードが不正です（--encoding を確認してください）", "\(column) is not valid text in the input's encoding (check --encoding)")
    case .quote(let error):
      return error.message(language: language, naming: naming)
    case .notInOutputEncoding(let column, let character):
      // The code point too: the character itself cannot appear in the CP932 output.
      let code = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
      return l.pick(
        "\(column) の文字 '\(character)' (\(code)) は CP932 で表せません（出力では ? になります。--output-encoding utf-8 なら保たれます）",
        "\(column) holds '\(character)' (\(code)), which CP932 cannot hold (written as ?; --output-encoding utf-8 keeps it)")
    }
  }
}

extension MemberColumns {
  /// What picks the pricing route of a row: program, facility, plan and option.
  package struct RouteFields: Sendable, Hashable {
    package var program: String
    package var facility: FacilityKind
    package var plan: String
    package var option: String?
  }

  /// Reads the route fields of a row from its trimmed, non-empty cells (`cell` gives nil for an
  /// empty or absent one).
  package static func routeFields(cell: (QuoteField) -> String?, defaults: QuoteRequest.Defaults) -> Result<RouteFields, MemberRowError> {
    guard let program = cell(.program).map({ Suggestion.loweredIfNeeded(NumberText.halfWidth($0)) }) ?? defaults.program else {
      return .failure(.missing(.program))
    }
    guard let facilityText = cell(.facility) else { return .failure(.missing(.facility)) }
    guard let facility = FacilityKind(name: NumberText.halfWidth(facilityText)) else { return .failure(.unknownFacility(facilityText)) }
    guard let plan = cell(.plan).map({ NumberText.halfWidth($0).uppercased() }) else { return .failure(.missing(.plan)) }
    return .success(RouteFields(program: program, facility: facility, plan: plan, option: cell(.option).map { NumberText.halfWidth($0).lowercased() }))
  }

  /// Builds the request for one row from its decoded cells. `defaults` supplies what the
  /// command line gives for every row (a default program, a group discount, installments).
  package func request(cells: [String], defaults: QuoteRequest.Defaults) -> Result<QuoteRequest, MemberRowError> {
    func cell(_ field: QuoteField) -> String? {
      guard let i = index[field], i < cells.count else { return nil }
      let value = cells[i].trimmingSpaces
      return value.isEmpty ? nil : value
    }
    func number(_ field: QuoteField) -> Result<Rational?, MemberRowError> {
      guard let text = cell(field) else { return .success(nil) }
      switch NumberText.parse(NumberText.withoutCountUnit(text, field)) {
      case .number(let value): return .success(value)
      case .tooLarge: return .failure(.quote(.outOfRange(field, value: text, accepted: Self.range(of: field))))
      case .tooManyDecimals: return .failure(.quote(.tooManyDecimals(field, value: text)))
      case .invalid: return .failure(.notANumber(field, value: text))
      }
    }
    func whole(_ field: QuoteField) -> Result<Int?, MemberRowError> {
      if field == .otherBeds, !otherBedParts.isEmpty { return otherBedsSum(cells) }
      return number(field).flatMap { value in
        guard let value else { return .success(nil) }
        guard value.isInteger else { return .failure(.quote(.notWholeNumber(field, value: cell(field) ?? ""))) }
        guard let int = Int(exactly: value.numerator) else {
          return .failure(.quote(.outOfRange(field, value: cell(field) ?? "", accepted: Self.range(of: field))))
        }
        return .success(int)
      }
    }
    do throws(MemberRowError) {
      let route = try Self.routeFields(cell: cell, defaults: defaults).get()
      return .success(
        QuoteRequest(
          program: route.program, facility: route.facility, plan: route.plan,
          generalBeds: try whole(.generalBeds).get(), otherBeds: try whole(.otherBeds).get(),
          capacity: try whole(.capacity).get(), securityPercent: try number(.security).get(),
          option: route.option, facilities: try whole(.facilities).get(),
          groupDiscountPercent: defaults.groupDiscountPercent, installments: defaults.installments))
    } catch {
      return .failure(error)
    }
  }

  /// The other beds of a list that splits them by kind: the sum of the parts, nil when every part
  /// is empty. Each part is a whole number in the range of other beds, and so is the sum.
  private func otherBedsSum(_ cells: [String]) -> Result<Int?, MemberRowError> {
    let range = Self.range(of: .otherBeds)
    var sum: Int?
    for i in otherBedParts where i < cells.count {
      let text = cells[i].trimmingSpaces
      guard !text.isEmpty else { continue }
      let name = header[i]
      switch NumberText.parse(text) {
      case .number(let value):
        guard value.isInteger else { return .failure(.quote(.notWholeNumber(.otherBeds, value: "\(name) \(text)"))) }
        guard let part = Int(exactly: value.numerator), range.contains(part), range.contains((sum ?? 0) + part) else {
          return .failure(.quote(.outOfRange(.otherBeds, value: "\(name) \(text)", accepted: range)))
        }
        sum = (sum ?? 0) + part
      case .tooLarge: return .failure(.quote(.outOfRange(.otherBeds, value: "\(name) \(text)", accepted: range)))
      case .tooManyDecimals: return .failure(.quote(.tooManyDecimals(.otherBeds, value: "\(name) \(text)")))
      case .invalid: return .failure(.notANumber(.otherBeds, value: text))
      }
    }
    return .success(sum)
  }

  static func range(of field: QuoteField) -> ClosedRange<Int> {
    switch field {
    case .generalBeds, .otherBeds: InputRange.bedComponent
    case .facilities: InputRange.facilities
    case .security: InputRange.securityPercent
    case .groupDiscount: InputRange.groupDiscountPercent
    case .installments: InputRange.installments
    default: InputRange.count
    }
  }
}

extension QuoteRequest {
  /// What a batch applies to every row.
  public struct Defaults: Sendable, Equatable {
    public var program: String?
    public var groupDiscountPercent: Rational?
    public var installments: Int?

    public init(program: String? = nil, groupDiscountPercent: Rational? = nil, installments: Int? = nil) {
      self.program = program
      self.groupDiscountPercent = groupDiscountPercent
      self.installments = installments
    }
  }
}
