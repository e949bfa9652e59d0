/// The `warnings` cell of a priced row: the codes of its program's and its own warnings and of
/// why it is an estimate, each sentence kept once for the run's summary.
extension MemberListPricer {
  /// Warning codes as one CSV field, `;` between them (never quoted: ASCII words and dashes),
  /// each once in the order first given: two counts left out (general and other beds for a
  /// per-place rate) are one `count-not-used`, whichever path priced the row.
  static func warningsField(_ codes: [WarningCode]) -> [UInt8] {
    var seen = WarningCode.Set()
    var distinct: [String] = []
    for code in codes where !seen.contains(code) {
      seen.insert(code)
      distinct.append(code.rawValue)
    }
    return Array(distinct.joined(separator: ";").utf8)
  }

  /// The warnings field of a row priced along route `index`, at `line`: the route's codes,
  /// prepared; with the row's own and its estimate's after them, each said once on stderr.
  mutating func warningsField(_ amount: WholeYenRoute.Amount, route index: Int, line: Int) -> [UInt8] {
    let notes = amount.notes
    if notes.warnedBeds == nil, notes.estimatedCapacity == nil {
      // The field alone, not the entry: copying an entry retains each of its references, per row.
      guard notes.securityPercent != 0 else { return routes.entries[index].warnings }
      // A typed security adjustment alone, the commonest: its field prepared with the route's.
      if !tally.noted.contains(.estimateSecurity) {
        tally.note(
          .estimateSecurity, line: line, Wording.estimateReason(.securityAdjustment(percent: Rational(notes.securityPercent)), options.language))
      }
      return routes.entries[index].securityEstimate
    }
    guard let whole = routes.entries[index].whole else { return routes.entries[index].warnings }
    let (warnings, estimate) = whole.notes(notes)
    return warningsField(warnings, estimate: estimate, route: index, line: line)
  }

  /// The warnings field of a row priced along route `index` with its own `warnings` and
  /// `estimate`. A route's field with the same extra codes is made once and kept, as such rows
  /// come by the thousand (a tenth of a list of hospitals under 20 beds).
  mutating func warningsField(_ warnings: [QuoteWarning], estimate: EstimateReason?, route index: Int, line: Int) -> [UInt8] {
    var extra = WarningCode.Set()
    for warning in warnings {
      let code = warning.code
      guard !Self.programLevel.contains(code) else { continue }
      extra.insert(code)
      if !tally.noted.contains(code), let program = routes.entries[index].route?.program.id {
        tally.note(code, line: line, Wording.warning(warning, programID: program, options.language))
      }
    }
    if let estimate {
      extra.insert(estimate.code)
      if !tally.noted.contains(estimate.code) { tally.note(estimate.code, line: line, Wording.estimateReason(estimate, options.language)) }
    }
    let key = UInt64(index) << 32 | UInt64(extra.bits)
    if key == lastWarningField.key { return lastWarningField.field }
    if let field = warningFields[key] {
      lastWarningField = (key, field)
      return field
    }
    // Made once per route and codes: the row's codes in the order the general path gives them.
    let codes = warnings.map(\.code).filter { !Self.programLevel.contains($0) } + (estimate.map { [$0.code] } ?? [])
    let field = Self.warningsField(routes.entries[index].warningCodes + codes)
    if warningFields.count < RouteCache.limit { warningFields[key] = field }
    return field
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
  static let programLevel: WarningCode.Set = {
    var set = WarningCode.Set()
    for code in [WarningCode.periodEnded, .periodNotStarted, .periodUndated, .nextVersion] { set.insert(code) }
    return set
  }()
}
