/// One row of a member list as read: its line, its cells, and the request they ask for.
package struct MemberRow {
  /// The line the record starts on (a quoted cell may span lines).
  package let line: Int
  /// Every cell, decoded from the list's encoding; a record shorter than the header is padded
  /// with empty cells.
  package let cells: [String]
  /// The cells as a request, or why they are not one (a cell that cannot be decoded, a number
  /// that is not one, a facility kind not known).
  package var request: Result<QuoteRequest, MemberRowError>

  /// The record `fields`, read under `columns`.
  package init(line: Int, fields: CSVFields, columns: MemberColumns, encoding: InputEncoding?, defaults: QuoteRequest.Defaults) {
    self.line = line
    let (cells, problem) = MemberCells.read(fields, columns: columns, encoding: encoding)
    self.cells = cells
    request = problem.map { .failure($0) } ?? columns.request(cells: cells, defaults: defaults)
  }
}

/// The rows of a member list after its header, blank lines and lines of separators only skipped: the one loop that `verify`,
/// `impact` and `proposal --members` read lists with, and whose rows `batch`'s general path
/// reads as well (``MemberListPricer``).
package struct MemberRows<Source: ByteSource> {
  package private(set) var reader: CSVReader<Source>
  /// The header's cells as text.
  package let header: [String]
  package let columns: MemberColumns
  /// What the command line gives for every row.
  private let defaults: QuoteRequest.Defaults
  /// Lines of separators only (`,,,,,`), skipped as no row.
  package private(set) var emptyRows = 0

  /// Reads the header. Throws ``MemberListError/empty`` for no header, or what the header gets.
  package init(_ reader: CSVReader<Source>, defaults: QuoteRequest.Defaults = .init()) throws(MemberListError) {
    var reader = reader
    (header, columns) = try MemberListPricer.header(&reader)
    self.reader = reader
    self.defaults = defaults
  }

  /// The next row that is not blank; nil at the end of input. Throws ``MemberListError/csv(_:)``
  /// when the input stops being CSV.
  package mutating func next() throws(MemberListError) -> MemberRow? {
    while try MemberListPricer.next(&reader) {
      if reader.isBlankLine { continue }
      if reader.isSeparatorsOnly {
        emptyRows += 1
        continue
      }
      let (line, encoding, columns, defaults) = (reader.line, reader.encoding, columns, defaults)
      return reader.withFields { MemberRow(line: line, fields: $0, columns: columns, encoding: encoding, defaults: defaults) }
    }
    return nil
  }
}
