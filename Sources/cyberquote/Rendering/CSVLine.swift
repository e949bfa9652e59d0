import PremiumCore

/// One CSV record of cells, for every command that writes CSV of its own (plans, compare,
/// impact): fields quoted as needed, and a cell that a spreadsheet would run as a formula
/// neutralized unless `isData` says it is a number the row computed or read.
enum CSVLine {
  static func append(_ cells: [String], isData: (Int) -> Bool = { _ in false }, to out: inout [UInt8]) {
    for (i, cell) in cells.enumerated() {
      if i > 0 { out.append(0x2C) }
      CSVWriter.appendField(cell, neutralize: !isData(i), to: &out)
    }
    out.append(0x0A)
  }
}
