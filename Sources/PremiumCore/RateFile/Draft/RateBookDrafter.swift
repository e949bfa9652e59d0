/// Reads next year's rate book from a brochure's text, with this year's book as the template:
/// each table is found by its heading, each row by its plan code (or by row order where the
/// brochure prints rates without codes, as byoin-kyosaikai's 〈6〉 does), and the period, group
/// discount, payment, deadlines and mid-term joining are read from the words around them.
///
/// Every figure in the draft is read from the new text; nothing is carried over from last year
/// but the structure (plans, tables, rules) and texts the new brochure still prints.
package enum RateBookDrafter {
  package enum Failure: Error, Sendable, Hashable {
    /// No table of the program, and not its association's name, was found: not this program's
    /// brochure.
    case notThisProgram(String)
  }

  /// Drafts `template`'s next version from `text`, naming `brochure` as its source. The draft is
  /// then checked as `rates check --previous` checks it, as the file `file`: every error and
  /// warning is an item to resolve.
  package static func draft(_ text: BrochureText, template: Program, brochure: String, file: String = "draft") throws(Failure) -> RateBookDraft {
    var reader = DraftReader(text: text, template: template)
    let tables = reader.readTables()
    // Not this program's brochure only when neither a table of it nor its association's name is
    // printed: a brochure whose tables cannot be read is drafted without them, each listed.
    guard !tables.isEmpty || reader.confirms(template.policyholder) else {
      throw .notThisProgram(template.id)
    }
    var draft = reader.assemble(tables, brochure: brochure)
    let checked = RateBookCheck.check([RateBookCheck.Source(file: file, text: RateFileEncoder.encode(draft.program))], previous: [template])
    draft.unresolved += checked.errors.map { .init(kind: .check($0), line: nil) }
    draft.unresolved += checked.warnings.map { .init(kind: .checkWarning($0), line: nil) }
    return draft
  }
}

/// One cell of a rate table as read.
enum DraftCell: Hashable {
  case yen(Yen, printed: String)
  case dash
  /// A figure split by a space or an invisible character: listed, never read.
  case broken(printed: String)

  var printed: String? {
    switch self {
    case .yen(_, let printed), .broken(let printed): printed
    case .dash: nil
    }
  }

  /// What the cell says, whatever its spacing: two printings of a row agree when these do.
  var reading: String {
    switch self {
    case .yen(let value, _): "\(value.amount)"
    case .dash: "-"
    case .broken(let printed): "?" + printed
    }
  }
}

/// A row read from the text: its plan code, its cells, the limits printed with it, its line.
struct DraftRow {
  let code: String
  let cells: [DraftCell]
  let limits: Limits?
  let line: Int
  /// Figures printed on the row's line before its plan code (`最低保険料 1,000円 S1 …`).
  var before: String? = nil
}

/// What a line of a coded table holds: a plan code with the limits and cells after it.
struct DraftSegment {
  let code: String
  var amounts: [Yen] = []
  var cells: [DraftCell] = []
}

/// One brochure's text read against one template: its lines' cells and coded segments, the
/// limits printed with each plan code, and what was read and found wanting so far.
struct DraftReader {
  let text: BrochureText
  let template: Program
  /// Per line: the cells before any plan code, and the segments that start at a plan code.
  let loose: [[DraftCell]]
  let segments: [[DraftSegment]]
  var figures: [RateBookDraft.Figure] = []
  var unresolved: [RateBookDraft.Issue] = []
  /// Lines whose split figures are already listed with their table and plan.
  var reportedSplits: Set<Int> = []
  /// Texts the new brochure prints with other numbers or dates, in the brochure's order.
  var textChanges: [RateBookDraft.Change] = []
  /// The new brochure's file name, which citations name.
  var brochure = ""
  /// The limits first printed with each plan code.
  let limitsFound: [String: Limits]
  /// The line each of `limitsFound` is printed on (1-based).
  let limitsLines: [String: Int]
  let index: TextIndex
  /// The whole text as one run of letters, for sentences broken over lines.
  let stream: TextStream

  init(text printed: BrochureText, template: Program) {
    let families = Self.codeShapes(template)
    // Rows that pdftotext wrapped over several lines, each back on the line of its plan code.
    let text = BrochureText(lines: TableReflow.reflow(printed.lines) { Self.isPlanCode($0, families) })
    self.text = text
    self.template = template
    var loose: [[DraftCell]] = []
    var segments: [[DraftSegment]] = []
    var limitsFound: [String: Limits] = [:]
    var limitsLines: [String: Int] = [:]
    for line in text.lines {
      var before: [DraftCell] = []
      var found: [DraftSegment] = []
      for token in line.tokens {
        switch token {
        case .code(let code) where Self.isPlanCode(code, families):
          found.append(DraftSegment(code: code))
        case .code:
          continue
        case .yen(let value, let printed):
          let cell = DraftCell.yen(Yen(value), printed: printed)
          if found.isEmpty { before.append(cell) } else { found[found.count - 1].cells.append(cell) }
        case .dash:
          if found.isEmpty { before.append(.dash) } else { found[found.count - 1].cells.append(.dash) }
        case .broken(let printed):
          let cell = DraftCell.broken(printed: printed)
          if found.isEmpty { before.append(cell) } else { found[found.count - 1].cells.append(cell) }
        case .amount(let value, _):
          if !found.isEmpty, found[found.count - 1].cells.isEmpty { found[found.count - 1].amounts.append(Yen(value)) }
        }
      }
      // A separator row of a '|' table (`|---|---|`) is not a row of '-' cells.
      if line.compact.allSatisfy({ $0 == "-" || $0 == ":" }) { before = [] }
      for segment in found where segment.amounts.count >= 2 && limitsFound[segment.code] == nil {
        if let limits = Self.limits(segment.amounts) {
          limitsFound[segment.code] = limits
          limitsLines[segment.code] = line.number
        }
      }
      loose.append(before)
      segments.append(found)
    }
    self.loose = loose
    self.segments = segments
    self.limitsFound = limitsFound
    self.limitsLines = limitsLines
    self.index = TextIndex(text)
    self.stream = TextStream(text)
  }

  /// ① to ④ in the order printed.
  static func limits(_ amounts: [Yen]) -> Limits? {
    guard amounts.count >= 2, amounts.count <= 4 else { return nil }
    return Limits(
      liability: amounts[0], incidentResponse: amounts[1],
      lostProfit: amounts.count > 2 ? amounts[2] : nil, businessContinuation: amounts.count > 3 ? amounts[3] : nil)
  }

  /// For each family letter of the template, whether its codes carry digits (`S1`) or not (`A`).
  static func codeShapes(_ program: Program) -> [String: Bool] {
    var shapes: [String: Bool] = [:]
    for plan in program.plans {
      let letters = String(plan.code.prefix { $0.isUppercase })
      shapes[letters] = plan.code.count > letters.count
    }
    return shapes
  }

  static func isPlanCode(_ code: String, _ shapes: [String: Bool]) -> Bool {
    let letters = String(code.prefix { $0.isUppercase })
    guard let digits = shapes[letters] else { return false }
    return digits == (code.count > letters.count)
  }

  // MARK: - Texts

  /// Whether the new text still prints `field`, compared after normalisation.
  func confirms(_ field: String) -> Bool { index.find(field) != nil }
}
