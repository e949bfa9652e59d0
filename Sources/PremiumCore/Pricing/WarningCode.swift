/// A short, stable name for each thing a priced row must say besides its figure: its warnings
/// (``QuoteWarning``) and why it is an estimate (``EstimateReason``). A batch's CSV carries these
/// in its `warnings` cell (`period-undated;estimate-security`), each sentence said once on
/// stderr; docs/batch.md lists them with their sentences. Never renamed: scripts match them.
package enum WarningCode: String, CaseIterable, Sendable {
  case periodEnded = "period-ended"
  case periodNotStarted = "period-not-started"
  case nextVersion = "next-version"
  case periodUndated = "period-undated"
  case hospitalUnderTwentyBeds = "hospital-under-20-beds"
  case bedsNotPriced = "beds-not-priced"
  case countNotUsed = "count-not-used"
  case deadlinePassed = "deadline-passed"
  case kaigoIryoinGeneralBeds = "kaigo-iryoin-general-beds"
  case estimateFittedModel = "estimate-fitted-model"
  case estimateBorrowedTable = "estimate-borrowed-table"
  case estimateRepriced = "estimate-repriced"
  case estimateSecurity = "estimate-security"
  case estimateModifiedCount = "estimate-modified-count"

  /// The bit of this code in a set of codes held as one word (``Set``): a switch, as a row may
  /// ask for it.
  var bit: UInt32 {
    let ordinal: UInt32 =
      switch self {
      case .periodEnded: 0
      case .periodNotStarted: 1
      case .nextVersion: 2
      case .periodUndated: 3
      case .hospitalUnderTwentyBeds: 4
      case .bedsNotPriced: 5
      case .countNotUsed: 6
      case .deadlinePassed: 7
      case .kaigoIryoinGeneralBeds: 8
      case .estimateFittedModel: 9
      case .estimateBorrowedTable: 10
      case .estimateRepriced: 11
      case .estimateSecurity: 12
      case .estimateModifiedCount: 13
      }
    return 1 << ordinal
  }

  /// Codes seen, as bits: a row adds its own without allocating.
  package struct Set: Sendable, Equatable {
    package private(set) var bits: UInt32 = 0
    package init() {}
    package mutating func insert(_ code: WarningCode) { bits |= code.bit }
    package mutating func formUnion(_ other: Set) { bits |= other.bits }
    package func contains(_ code: WarningCode) -> Bool { bits & code.bit != 0 }
  }
}

extension QuoteWarning {
  package var code: WarningCode {
    switch self {
    case .periodEnded: .periodEnded
    case .periodNotStarted: .periodNotStarted
    case .nextVersion: .nextVersion
    case .periodNotPrinted: .periodUndated
    case .hospitalUnderTwentyBeds: .hospitalUnderTwentyBeds
    case .bedsDoNotChangePremium: .bedsNotPriced
    case .countNotUsed: .countNotUsed
    case .deadlinePassed: .deadlinePassed
    case .kaigoIryoinGeneralBeds: .kaigoIryoinGeneralBeds
    }
  }
}

extension EstimateReason {
  package var code: WarningCode {
    switch self {
    case .fittedModel: .estimateFittedModel
    case .assumedTable: .estimateBorrowedTable
    case .repriced: .estimateRepriced
    case .securityAdjustment: .estimateSecurity
    case .modifiedCountOnCapacity: .estimateModifiedCount
    }
  }
}
