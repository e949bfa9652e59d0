/// The `warnings` cell of a priced row: the codes of its program's and its own warnings and of
/// why it is an estimate, each sentence kept once for the run's summary.
extension MemberListPricer {
  /// Warning codes as one CSV field, `;` between them (never quoted: ASCII words and dashes).
  static func warningsField(_ codes: [WarningCode]) -> [UInt8] {
    Array(codes.map(\.rawValue).joined(separator: ";").utf8)
  }

  /// The warnings field of a row priced along route `index`, at `line`: the route's codes,
  /// prepared; with the row's own and its estimate's after them, each said once on stderr.
  mutating func warningsField(_ amount: WholeYenRoute.Amount, route index: Int, line: Int) -> [UInt8] {
    let entry = routes.entries[index]
    if amount.rowWarnings.isEmpty {
      switch amount.estimate {
      case nil: return entry.warnings
      case .securityAdjustment(let percent)?:
        tally.note(.estimateSecurity, line: line, Wording.estimateReason(.securityAdjustment(percent: percent), options.language))
        return entry.securityEstimate
      case .modifiedCountOnCapacity(let capacity)?:
        tally.note(.estimateModifiedCount, line: line, Wording.estimateReason(.modifiedCountOnCapacity(capacity: capacity), options.language))
        return entry.capacityEstimate
      default: break
      }
    }
    let program = entry.route?.program.id ?? ""
    noteRow(amount.rowWarnings, estimate: amount.estimate, programID: program, line: line)
    return Self.warningsField(entry.warningCodes + amount.rowWarnings.map(\.code) + (amount.estimate.map { [$0.code] } ?? []))
  }

  /// What a row says of itself, once per code for the run: its own warnings (not the
  /// program's, which ``Tally/programWarnings`` holds) and why it is an estimate.
  mutating func noteRow(_ warnings: [QuoteWarning], estimate: EstimateReason?, programID: String, line: Int? = nil) {
    let line = line ?? self.line
    for warning in warnings where !Self.programLevel.contains(warning.code) {
      tally.note(warning.code, line: line, Wording.warning(warning, programID: programID, options.language))
    }
    if let estimate { tally.note(estimate.code, line: line, Wording.estimateReason(estimate, options.language)) }
  }

  /// The codes a program's period gives every row of it: said per program, not per row.
  static let programLevel: Set<WarningCode> = [.periodEnded, .periodNotStarted, .periodUndated, .nextVersion]
}
