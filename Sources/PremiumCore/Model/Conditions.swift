/// What a clerk must say besides the number, as each brochure prints it.
package struct Conditions: Sendable, Hashable {
  /// How the limits add up (byoin-kyosaikai: ①〜④ together capped at ①; kumamoto-hokeni: ①
  /// and ② separate); nil where the brochure says nothing.
  package let aggregateCap: SourcedText?
  /// 申込締切 and other dates to meet, as printed.
  package let deadlines: [String]
  /// Joining after the period has started (fukuoka-ishikai's 中途加入); nil where not printed.
  package let midTermJoining: MidTermJoining?
  /// Policyholder, agent and insurer with their addresses and telephone numbers, as printed.
  package let contacts: [String]
  /// 保険金をお支払いできない主な場合, as printed; nil where the brochure prints none.
  package let exclusions: Exclusions?
  /// The brochure's own sentence that it is a summary and what to read for the whole (the
  /// pamphlet, the 約款); nil where it prints none.
  package let readFirst: SourcedText?
  /// What the brochure prints of the matters a customer must be told (告知義務, クーリングオフ,
  /// 保険契約者保護機構, 個人情報), the cases it does not pay outside its exclusions list and the
  /// conditions its prices and joining rest on (membership, another policy, a discount already
  /// applied), each sentence as printed, in the brochure's order. A kind absent is a kind the
  /// brochure does not print.
  package let importantMatters: [ImportantMatter]

  package init(
    aggregateCap: SourcedText? = nil, deadlines: [String] = [], midTermJoining: MidTermJoining? = nil, contacts: [String] = [],
    exclusions: Exclusions? = nil, readFirst: SourcedText? = nil, importantMatters: [ImportantMatter] = []
  ) {
    self.aggregateCap = aggregateCap
    self.deadlines = deadlines
    self.midTermJoining = midTermJoining
    self.contacts = contacts
    self.exclusions = exclusions
    self.readFirst = readFirst
    self.importantMatters = importantMatters
  }

  package static let none = Conditions()

  /// One printed sentence of a matter the customer must be told (保険業法 §294), and where it stands.
  package struct ImportantMatter: Sendable, Hashable {
    package enum Kind: String, Sendable, CaseIterable {
      /// 告知義務: what the customer must state truly when the contract is made.
      case dutyOfDisclosure = "duty_of_disclosure"
      /// 通知義務: what the customer must report when it changes.
      case dutyToNotify = "duty_to_notify"
      /// クーリングオフ: whether the application can be withdrawn, as printed.
      case coolingOff = "cooling_off"
      /// 損害保険契約者保護機構 and what happens if the insurer fails.
      case protectionFund = "protection_fund"
      /// 個人情報の取扱い.
      case privacy
      /// A case the insurance does not pay, printed outside the exclusions list (fines, shared
      /// electronic records, settlement negotiation).
      case notPaid = "not_paid"
      /// Membership of the association comes first (福岡県医師会会員; 002's 入会手続き).
      case membership
      /// Another policy comes first (001: 基本契約(病院賠償責任保険)にご加入されている).
      case otherPolicy = "other_policy"
      /// A discount already applied in the printed premiums (002: 事故歴による割引率 50%).
      case discountIncluded = "discount_included"
      /// A claims history that bars joining (002: 過去5カ年の事故歴).
      case claimsHistory = "claims_history"

      /// The kinds a customer must be told before the contract (保険業法 §294), in a page's order.
      package static let disclosures: [Kind] = [.dutyOfDisclosure, .dutyToNotify, .coolingOff, .protectionFund, .privacy]
      /// The conditions the printed premiums or joining depend on: a comparison row shows them.
      package static let priceConditions: [Kind] = [.membership, .otherPolicy, .discountIncluded, .claimsHistory]
    }

    package let kind: Kind
    package let text: String
    package let source: String

    package init(kind: Kind, text: String, source: String) {
      self.kind = kind
      self.text = text
      self.source = source
    }
  }

  /// The sentences printed of `kind`; empty where the brochure prints none.
  package func importantMatters(_ kind: ImportantMatter.Kind) -> [ImportantMatter] { importantMatters.filter { $0.kind == kind } }
}

/// 保険金をお支払いできない主な場合: what the insurance does not pay, as the brochure lists it,
/// part by part, each item one printed line.
package struct Exclusions: Sendable, Hashable {
  package struct Part: Sendable, Hashable {
    /// `【損害賠償部分】`; nil for a list printed without parts.
    package let heading: String?
    package let items: [String]
    /// The brochure prints 「など」 after the items: the list is not complete.
    package let more: Bool

    package init(heading: String?, items: [String], more: Bool) {
      self.heading = heading
      self.items = items
      self.more = more
    }
  }

  /// Where the list is printed: `001 〈4〉保険金をお支払いできない主な場合`.
  package let source: String
  /// The sentence printed before the list, if any.
  package let lead: String?
  package let parts: [Part]
  /// False where the brochure prints no list of the cases it does not pay, and the items are
  /// lines printed elsewhere (002's ransom line in its overview): a page says so.
  package let printedAsList: Bool

  package init(source: String, lead: String?, parts: [Part], printedAsList: Bool = true) {
    self.source = source
    self.lead = lead
    self.parts = parts
    self.printedAsList = printedAsList
  }
}

/// A brochure sentence and where it stands.
package struct SourcedText: Sendable, Hashable {
  package let text: String
  package let source: String

  package init(text: String, source: String) {
    self.text = text
    self.source = source
  }
}

/// 中途加入: applications received by `receivedByDay` are covered from `startDay` of the next
/// month, later ones from `startDay` of the month after, to the end of the period.
package struct MidTermJoining: Sendable, Hashable {
  package let receivedByDay: Int
  package let startDay: Int
  /// The rule as printed.
  package let text: String
  package let source: String

  package init(receivedByDay: Int, startDay: Int, text: String, source: String) {
    self.receivedByDay = receivedByDay
    self.startDay = startDay
    self.text = text
    self.source = source
  }

  /// The day cover starts for an application received on `received`.
  package func coverStart(receivedOn received: CalendarDate) -> CalendarDate? {
    let months = received.day <= receivedByDay ? 1 : 2
    var year = received.year
    var month = received.month + months
    while month > 12 {
      month -= 12
      year += 1
    }
    return CalendarDate(year: year, month: month, day: startDay)
  }
}

/// A brochure condition that applies to some facilities only (empty: every facility).
package struct ProgramNote: Sendable, Hashable {
  package let text: String
  package let facilities: [FacilityKind]
  /// The note states the conditions the printed premiums are at (「保険料は…の場合です」): it
  /// describes a figure at those conditions, not one re-priced or adjusted away from them.
  package let aboutPrintedFigures: Bool
  /// Where the brochure prints it (`001 〈6〉`); nil for a note by the tool.
  package let source: String?
  /// A sentence the tool composes (a summary of what the brochure prints), not the brochure's
  /// words: shown as the tool's, never under the brochure's name.
  package let byTool: Bool

  package init(_ text: String, facilities: [FacilityKind] = [], aboutPrintedFigures: Bool = false, source: String? = nil, byTool: Bool = false) {
    self.text = text
    self.facilities = facilities
    self.aboutPrintedFigures = aboutPrintedFigures
    self.source = source
    self.byTool = byTool
  }

  /// The note as a screen or page shows it: a note by the tool says so.
  package func shown(_ l: Language) -> String {
    byTool ? l.pick("（本ツールによる説明）", "(the tool's note) ") + text : text
  }

  package func applies(to facility: FacilityKind) -> Bool { facilities.isEmpty || facilities.contains(facility) }
}

/// What a plan family covers, as its brochure prints it: the kinds of accident, ransom, and
/// whether its limits share one cap. Each is true (printed as covered, ○), false (printed as not
/// covered, ×) or nil (not printed: never guessed).
package struct FamilyCover: Sendable, Hashable {
  /// サイバー攻撃.
  package let cyberAttack: Bool?
  /// 情報漏えい またはそのおそれ.
  package let informationLeak: Bool?
  /// デジタルコンテンツ不当事由.
  package let digitalContent: Bool?
  /// Other accidents in the use of IT (上記以外のＩＴユーザー業務遂行の偶然な事由).
  package let otherITAccident: Bool?
  /// A ransom paid after an attack (身代金).
  package let ransom: Bool?
  /// Whether the limits share one cap (合算して①を限度) or stand apart (別枠).
  package let sharedCap: Bool?
  /// Where the brochure prints these.
  package let source: String

  package init(
    cyberAttack: Bool? = nil, informationLeak: Bool? = nil, digitalContent: Bool? = nil, otherITAccident: Bool? = nil, ransom: Bool? = nil,
    sharedCap: Bool? = nil, source: String
  ) {
    self.cyberAttack = cyberAttack
    self.informationLeak = informationLeak
    self.digitalContent = digitalContent
    self.otherITAccident = otherITAccident
    self.ransom = ransom
    self.sharedCap = sharedCap
    self.source = source
  }

  /// The file's keys, in order, with each value: one table for the reader, the writer and JSON.
  package var fields: [(key: String, value: Bool?)] {
    [
      ("cyber_attack", cyberAttack), ("information_leak", informationLeak), ("digital_content", digitalContent),
      ("other_it_accident", otherITAccident), ("ransom", ransom), ("shared_cap", sharedCap),
    ]
  }

  package static let keys = ["cyber_attack", "information_leak", "digital_content", "other_it_accident", "ransom", "shared_cap"]
}

/// When cover runs for an application received on a given day, by the brochure's rules.
package enum CoverDates: Sendable, Hashable {
  /// From `start` to `end` (at the period's time of day, when printed). `midTerm` when the
  /// application joins a period already running (its premium is not printed).
  case covered(start: CalendarDate, end: CalendarDate, midTerm: Bool)
  /// The brochure prints no period (dates) to count from.
  case periodNotStated
  /// The period has started and the brochure prints no rule for joining mid-term.
  case midTermNotStated
  /// Received after the last day that can start cover before the period ends.
  case tooLate(periodEnd: CalendarDate)

  /// The cover of `program` for an application received on `received`.
  package init(program: Program, receivedOn received: CalendarDate) {
    guard let period = program.period else {
      self = .periodNotStated
      return
    }
    if received < period.start {
      self = .covered(start: period.start, end: period.end, midTerm: false)
      return
    }
    guard let rule = program.conditions.midTermJoining else {
      self = received < period.end ? .midTermNotStated : .tooLate(periodEnd: period.end)
      return
    }
    guard let start = rule.coverStart(receivedOn: received), start < period.end else {
      self = .tooLate(periodEnd: period.end)
      return
    }
    self = .covered(start: start, end: period.end, midTerm: true)
  }
}

/// What one plan (with its option, if any) covers, for a row of a comparison: its family's
/// printed cover, and the heads its own limits pay. nil is not printed.
package struct CoverSummary: Sendable, Hashable {
  package let family: FamilyCover?
  /// 喪失利益・利益損害: the plan's ③ limit, or an option that pays it.
  package let businessInterruption: Bool
  /// 営業継続費用: the plan's ④ limit, or an option that pays it.
  package let businessContinuity: Bool

  package init(program: Program, plan: Plan, option: PlanOption?, limits: Limits) {
    family = program.cover[plan.family]
    businessInterruption = limits.lostProfit != nil || option?.coverage == .lostProfit
    businessContinuity = limits.businessContinuation != nil || option?.coverage == .businessContinuation
  }

  /// The kinds `compare --cover` narrows by, each with what the summary says of it.
  package enum Kind: String, CaseIterable, Sendable {
    case cyberAttack = "cyber-attack"
    case informationLeak = "information-leak"
    case digitalContent = "digital-content"
    case otherITAccident = "other-it-accident"
    case ransom
    case businessInterruption = "business-interruption"
    case businessContinuity = "business-continuity"
  }

  /// true covered, false printed as not covered, nil not printed.
  package subscript(kind: Kind) -> Bool? {
    switch kind {
    case .cyberAttack: family?.cyberAttack
    case .informationLeak: family?.informationLeak
    case .digitalContent: family?.digitalContent
    case .otherITAccident: family?.otherITAccident
    case .ransom: family?.ransom
    case .businessInterruption: businessInterruption
    case .businessContinuity: businessContinuity
    }
  }

  /// The JSON object of `coverage`: every kind and `shared_cap`, null where not printed.
  package var json: JSONOutput {
    let flag = { (value: Bool?) -> JSONOutput in value.map { .bool($0) } ?? .null }
    return .object(
      Kind.allCases.map { (String($0.rawValue.map { $0 == "-" ? "_" : $0 }), flag(self[$0])) } + [("shared_cap", flag(family?.sharedCap))])
  }

  /// Short marks for a row of a comparison, each a difference that matters: a kind of accident
  /// printed as not covered (攻撃×), no ransom (身代金×), limits apart (別枠), and the heads beyond
  /// ① and ② that the plan pays (利益, 継続).
  package func marks(_ l: Language) -> [String] {
    var out: [String] = []
    if family?.cyberAttack == false { out.append(l.pick("攻撃×", "no-attack")) }
    if family?.ransom == false { out.append(l.pick("身代金×", "no-ransom")) }
    if family?.sharedCap == false { out.append(l.pick("別枠", "separate")) }
    if businessInterruption { out.append(l.pick("利益", "BI")) }
    if businessContinuity { out.append(l.pick("継続", "BC")) }
    return out
  }

  /// What each mark means, for the legend under a table.
  package static func legend(_ l: Language) -> [(mark: String, meaning: String)] {
    [
      (l.pick("攻撃×", "no-attack"), l.pick("サイバー攻撃は補償の対象外とパンフレットに記載", "the brochure prints that cyber attacks are not covered")),
      (l.pick("身代金×", "no-ransom"), l.pick("身代金は補償の対象外とパンフレットに記載", "the brochure prints that ransom is not covered")),
      (l.pick("別枠", "separate"), l.pick("賠償と費用の限度額が別枠（他は①を合算の限度とする制度あり）", "liability and costs have separate limits (elsewhere ① caps them together)")),
      (l.pick("利益", "BI"), l.pick("喪失利益・利益損害も補償", "business interruption is also paid")),
      (l.pick("継続", "BC"), l.pick("営業継続費用も補償", "business continuity costs are also paid")),
    ]
  }
}
