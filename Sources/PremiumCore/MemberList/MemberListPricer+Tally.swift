extension MemberListPricer {
  /// What a list (or a part of one) came to.
  public struct Tally: Sendable, Equatable {
    /// Rows priced, and rows written with an error.
    public var priced = 0
    public var failed = 0
    /// Empty lines, skipped (a line of `""` is a row, and counted).
    public var blankLines = 0
    /// Lines of separators only (`,,,,,`, as Excel writes under a list), skipped.
    public var emptyRows = 0
    /// The sum of every priced row's annual premium; nil beyond a 64-bit yen amount.
    public var total = YenSum()
    /// What is said once of the programs rows named, by id: a period that had ended by
    /// ``Options/today``, or a brochure that prints no dates.
    public var programWarnings: [String: QuoteWarning] = [:]
    /// What rows said of themselves (a 病院 under 20 beds, an estimate and why), once per
    /// ``WarningCode``: the code, and the first such row's sentence and line. The rows carry the
    /// codes; a run says each sentence once.
    public var rowNotes: [(code: String, line: Int, text: String)] = []
    /// The codes in ``rowNotes``, as bits: a row checks its codes without a lookup.
    package var noted = WarningCode.Set()
    /// Rows priced with anything in their warnings: an ended or undated period, a row's own
    /// warning, an estimate (`batch --strict` fails on any).
    public var warnedRows = 0

    public init() {}

    public static func == (a: Tally, b: Tally) -> Bool {
      (a.priced, a.failed, a.blankLines, a.emptyRows, a.total) == (b.priced, b.failed, b.blankLines, b.emptyRows, b.total)
        && (a.programWarnings, a.noted, a.warnedRows) == (b.programWarnings, b.noted, b.warnedRows) && a.rowNotes.map(\.code) == b.rowNotes.map(\.code)
    }

    /// Keeps `text` as what rows of `code` say, unless a row said it before.
    package mutating func note(_ code: WarningCode, line: Int, _ text: @autoclosure () -> String) {
      guard !noted.contains(code) else { return }
      noted.insert(code)
      rowNotes.append((code.rawValue, line, text()))
    }

    /// Rows written, priced or not.
    public var rows: Int { priced + failed }

    /// ``add(_:)`` for a part of a list read from `linesBefore` lines into it: its notes' lines
    /// counted from the list's start.
    package mutating func add(_ other: Tally, linesBefore: Int) {
      var other = other
      other.rowNotes = other.rowNotes.map { ($0.code, $0.line + linesBefore, $0.text) }
      add(other)
    }

    package mutating func add(_ other: Tally) {
      priced += other.priced
      failed += other.failed
      blankLines += other.blankLines
      emptyRows += other.emptyRows
      warnedRows += other.warnedRows
      total.add(other.total)
      programWarnings.merge(other.programWarnings) { first, _ in first }
      for note in other.rowNotes where !rowNotes.contains(where: { $0.code == note.code }) { rowNotes.append(note) }
      noted.formUnion(other.noted)
    }
  }
}
