/// One cell of a rate book a quote's figure was read from.
package struct SourceCell: Sendable, Hashable {
  /// The table's `id` in the rate file, or `options` for an option's premium.
  package let table: String
  /// The plan's code, or the option's.
  package let row: String
  /// The column's header as the brochure prints it.
  package let column: String

  package func words(_ l: Language) -> String {
    l.pick("表 \(table)・\(row) 行・「\(column)」列", "table \(table), row \(row), column \(column)")
  }
}

extension Quote {
  /// The cells of the rate book the premium was read from: the plan's row in the columns the
  /// counts used, then the option's premium. A `verify` mismatch names them, so that a figure
  /// that no longer matches its brochure points at the cell to read again.
  package var sourceCells: [SourceCell] {
    let columns: [Int]
    switch table.basis {
    case .flat, .perCapacity:
      columns = [0]
    case .perBed:
      // A column whose count is 0 did not enter the average.
      columns = [(0, counts.generalBeds), (1, counts.otherBeds)].filter { ($0.1 ?? 0) > 0 }.map(\.0)
    case .examples(let unit, let printed, _):
      let count = unit == .capacity ? counts.capacity : counts.generalBeds
      columns = printed.firstIndex { $0 == count }.map { [$0] } ?? Array(printed.indices)
    }
    var cells = columns.filter { $0 < table.columns.count }.map { SourceCell(table: table.id, row: plan.code, column: table.columns[$0]) }
    if let option { cells.append(SourceCell(table: "options", row: option.code, column: "premium")) }
    return cells
  }
}
