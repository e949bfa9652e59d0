/// The four parts of cover the brochures number ① to ④.
public enum Coverage: String, CaseIterable, Sendable, Hashable {
  /// ①損害賠償: liability to third parties.
  case liability
  /// ②事故対応特別費用: incident-response expenses.
  case incidentResponse = "incident_response"
  /// ③喪失利益: lost profit (T plans, kumamoto options).
  case lostProfit = "lost_profit"
  /// ④営業継続費用: business-continuation expenses (T plans).
  case businessContinuation = "business_continuation"

  /// ① to ④.
  public var marker: String {
    switch self {
    case .liability: "①"
    case .incidentResponse: "②"
    case .lostProfit: "③"
    case .businessContinuation: "④"
    }
  }

  /// The standard Japanese name; a program may print its own (``Program/coverageNames``).
  public var japaneseName: String {
    switch self {
    case .liability: "損害賠償"
    case .incidentResponse: "事故対応特別費用"
    case .lostProfit: "喪失利益"
    case .businessContinuation: "営業継続費用"
    }
  }

  public var englishName: String {
    switch self {
    case .liability: "liability"
    case .incidentResponse: "incident response"
    case .lostProfit: "lost profit"
    case .businessContinuation: "business continuation"
    }
  }
}

/// Limits of cover (保険金額・支払限度額) in whole yen, by coverage, in ① to ④ order.
public struct Limits: Hashable, Sendable {
  public var liability: Yen
  public var incidentResponse: Yen
  public var lostProfit: Yen?
  public var businessContinuation: Yen?

  public init(liability: Yen, incidentResponse: Yen, lostProfit: Yen? = nil, businessContinuation: Yen? = nil) {
    self.liability = liability
    self.incidentResponse = incidentResponse
    self.lostProfit = lostProfit
    self.businessContinuation = businessContinuation
  }

  /// The coverages this plan has, with their limits, in ① to ④ order.
  public var entries: [(coverage: Coverage, limit: Yen)] {
    var out: [(Coverage, Yen)] = [(.liability, liability), (.incidentResponse, incidentResponse)]
    if let lostProfit { out.append((.lostProfit, lostProfit)) }
    if let businessContinuation { out.append((.businessContinuation, businessContinuation)) }
    return out
  }
}

/// 自己負担額 / 免責金額 per coverage; zero is `なし`.
///
/// Four stored amounts rather than a dictionary: the built-in programs are constructed at
/// start-up, and a first dictionary of a new key type costs a runtime conformance lookup.
package struct Deductibles: Hashable, Sendable {
  /// ① to ④; nil where the program states none.
  package var liability: Yen?
  package var incidentResponse: Yen?
  package var lostProfit: Yen?
  package var businessContinuation: Yen?

  package init(liability: Yen? = nil, incidentResponse: Yen? = nil, lostProfit: Yen? = nil, businessContinuation: Yen? = nil) {
    self.liability = liability
    self.incidentResponse = incidentResponse
    self.lostProfit = lostProfit
    self.businessContinuation = businessContinuation
  }

  package init(_ byCoverage: [Coverage: Yen]) {
    self.init()
    self.byCoverage = byCoverage
  }

  package static let none = Deductibles()

  /// The amounts the program states, by coverage.
  package var byCoverage: [Coverage: Yen] {
    get {
      var out: [Coverage: Yen] = [:]
      for coverage in Coverage.allCases { out[coverage] = stated(coverage) }
      return out
    }
    set {
      for coverage in Coverage.allCases { setStated(coverage, newValue[coverage]) }
    }
  }

  /// The deductible for `coverage`; zero when the program states none.
  package subscript(coverage: Coverage) -> Yen { stated(coverage) ?? .zero }

  /// The amount the program states for `coverage`; nil when none.
  package func stated(_ coverage: Coverage) -> Yen? {
    switch coverage {
    case .liability: liability
    case .incidentResponse: incidentResponse
    case .lostProfit: lostProfit
    case .businessContinuation: businessContinuation
    }
  }

  private mutating func setStated(_ coverage: Coverage, _ amount: Yen?) {
    switch coverage {
    case .liability: liability = amount
    case .incidentResponse: incidentResponse = amount
    case .lostProfit: lostProfit = amount
    case .businessContinuation: businessContinuation = amount
    }
  }
}
