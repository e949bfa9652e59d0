/// Every reason a well-formed request cannot be priced. One case per failure; all wording is in
/// ``message(language:naming:)``. `Equatable`, so tests compare errors, not strings.
public enum QuoteError: Error, Sendable, Hashable {
  /// No program has this id or name.
  case unknownProgram(String, suggestion: String?, known: [Catalog.ProgramName])
  /// A prefix that begins several program ids, or a part of several associations' names.
  case ambiguousProgram(String, candidates: [Catalog.ProgramName])
  /// The program has no plan with this code.
  case unknownPlan(String, program: String, suggestion: String?, known: [String])
  /// The plan exists but is not offered to this facility (byoin-kyosaikai's S6 for a clinic).
  case planNotOffered(plan: String, program: String, facility: FacilityKind, offered: [String])
  /// The program does not price this facility at all.
  case facilityNotOffered(program: String, facility: FacilityKind, offered: [FacilityKind])
  /// The brochure prices this only on request (T plans, jhef, fukuoka-ishikai's dental clinics).
  case onRequest(program: String, facility: FacilityKind, plan: String?, reason: String)
  /// The brochure says this cannot be had (003: P plans take no option; 001: '-' cells).
  case notOffered(program: String, facility: FacilityKind, plan: String?, reason: String)
  /// This kind of applicant cannot join the program (`eligibility` as printed).
  case notEligible(program: String, facility: FacilityKind, eligibility: String)
  /// The facility is priced by a count that was not given; `given`: counts given instead,
  /// which this table does not use.
  case countRequired(program: String, facility: FacilityKind, accepted: [FacilityCounts.Kind], given: [FacilityCounts.Kind] = [])
  /// Re-pricing at another group discount (installments) where the brochure states none to
  /// start from.
  case repricingNotStated(QuoteField, program: String)
  /// A numeric input lies outside its accepted range, or is not a whole number where one is needed.
  case outOfRange(QuoteField, value: String, accepted: ClosedRange<Int>)
  /// A count with a fraction (`12.5` beds).
  case notWholeNumber(QuoteField, value: String)
  /// A number with more decimal places than can be computed exactly.
  case tooManyDecimals(QuoteField, value: String)
  /// A clinic with more beds than a 診療所 has (20 or more is a 病院 under the 医療法).
  case clinicOverBedLimit(beds: Int, facility: FacilityKind)
  /// The total of general and other beds lies outside 1–10,000.
  case totalBedsOutOfRange(total: Int, accepted: ClosedRange<Int>)
  /// A security adjustment was given where the program applies none.
  case securityNotApplicable(value: String, program: String, facility: FacilityKind)
  /// A security adjustment was given where the brochure prints no rate but says the insurer
  /// sets the premium from the disclosure form (`text`, as printed).
  case securityFromDisclosure(value: String, program: String, facility: FacilityKind, text: String)
  /// The program has no option with this code.
  case optionNotOffered(String, program: String, offered: [String])
  /// More than one facility where the program prices facilities one by one.
  case facilitiesNotApplicable(count: Int, program: String, reason: String?)
  /// A chart was asked of a premium that does not depend on beds or capacity (a flat rate).
  case notSizeDependent(program: String, facility: FacilityKind, plan: String)
  /// An intermediate figure left the 64-bit range, or a step divided by zero (only absurd rate
  /// files can cause either: a rate near 2^63, a printed group discount of 100%).
  case arithmetic(ArithmeticError)
  /// A chart's premium at this count left the 64-bit range.
  case curveOverflow(count: Int, unit: FacilityCounts.Kind)
  /// The program's rate book, loaded from a file, cannot be read.
  case rateBookUnreadable(RateFileError)
  /// The rates give a premium below 0 yen (a rate book whose figures fall as the count rises,
  /// built without `rates check`): no such premium is ever shown.
  case belowZero(program: String, plan: String, premium: Yen)

  /// Which of the brochures' three "no"s this is, when it is one of them.
  package var availability: Availability? {
    switch self {
    case .onRequest: .onRequest
    case .notOffered, .planNotOffered, .facilityNotOffered: .notOffered
    case .notEligible: .notEligible
    default: nil
    }
  }

  /// The message for a person, naming the input at fault with `naming` (a flag or a column).
  public func message(language: Language = .ja, naming: (QuoteField) -> String) -> String {
    let l = language
    switch self {
    case .unknownProgram(let id, let suggestion, let known):
      return Self.unknownProgramMessage(id, tail: Self.unknownProgramTail(suggestion: suggestion, known: known, l), l)
    case .ambiguousProgram(let name, let candidates):
      return l.pick("制度 '\(name)' に当てはまる制度が複数あります: ", "'\(name)' matches several programs: ") + Self.programList(candidates, l)
    case .unknownPlan(let code, let program, let suggestion, let known):
      return l.pick("\(program) にプラン '\(code)' はありません", "unknown plan '\(code)' in \(program)")
        + Self.didYouMean(suggestion, l) + l.pick("。指定できるプラン: ", ". Plans: ") + known.joined(separator: ", ")
    case .planNotOffered(let plan, let program, let facility, let offered):
      return l.pick(
        "\(program) のプラン '\(plan)' は\(facility.japaneseName)には設定がありません。\(facility.japaneseName)のプラン: ",
        "plan '\(plan)' of \(program) is not offered to a \(facility.englishName). Plans for it: ")
        + offered.joined(separator: ", ")
    case .facilityNotOffered(let program, let facility, let offered):
      return l.pick(
        "\(program) は\(facility.japaneseName)を引き受けていません。対象: ",
        "\(program) does not insure a \(facility.englishName). It insures: ")
        + offered.map { $0.name(l) }.joined(separator: l.pick("、", ", "))
    case .onRequest(let program, let facility, let plan, let reason):
      let what = plan.map { " \($0)" } ?? ""
      return l.pick(
        "\(program)\(what)（\(facility.japaneseName)）の保険料は個別見積りです: \(reason)",
        "\(program)\(what) for a \(facility.englishName) is quoted on request: \(reason)")
    case .notOffered(let program, let facility, let plan, let reason):
      let what = plan.map { " \($0)" } ?? ""
      return l.pick(
        "\(program)\(what)（\(facility.japaneseName)）は提供されていません: \(reason)",
        "\(program)\(what) is not offered to a \(facility.englishName): \(reason)")
    case .notEligible(let program, let facility, let eligibility):
      return l.pick(
        "\(facility.japaneseName)は \(program) に加入できません。加入資格: \(eligibility)",
        "a \(facility.englishName) cannot join \(program); it is for: \(eligibility)")
    case .countRequired(let program, let facility, let accepted, let given):
      let instead = given.map { naming($0.field) }.joined(separator: l.pick("・", ", "))
      return l.pick(
        "\(program) の\(facility.japaneseName)の保険料には ",
        "\(program) prices a \(facility.englishName) by ")
        + accepted.map { naming($0.field) }.joined(separator: l.pick(" または ", " or "))
        + l.pick(" の指定が必要です", "; give it")
        + (given.isEmpty ? "" : l.pick("（\(instead) はこの保険料には使いません）", " (\(instead) is not used here)"))
    case .outOfRange(let field, let value, let accepted):
      return l.pick(
        "\(naming(field)) の値 '\(value)' は範囲外です。指定できる値: \(rangeText(field, accepted, l))",
        "the value '\(value)' is invalid for \(naming(field)): expected \(rangeText(field, accepted, l))")
    case .repricingNotStated(let field, let program):
      return field == .groupDiscount
        ? l.pick(
          "\(program) のパンフレットには団体割引の記載がないため、団体割引を変えた再計算はできません（\(naming(field))）",
          "\(program)'s brochure states no group discount, so its figures cannot be re-priced at another (\(naming(field)))")
        : l.pick(
          "\(program) のパンフレットには払込方法の記載がないため、払込回数を変えた再計算はできません（\(naming(field))）",
          "\(program)'s brochure states no payment mode, so its figures cannot be re-priced for another (\(naming(field)))")
    case .notWholeNumber(let field, let value):
      return l.pick(
        "\(naming(field)) の値 '\(value)' は整数ではありません（病床数・定員・施設数は整数で指定してください）",
        "the value '\(value)' for \(naming(field)) is not a whole number (beds, capacity and facilities are counted in whole numbers)")
    case .tooManyDecimals(let field, let value):
      return l.pick(
        "\(naming(field)) の値 '\(value)' は小数の桁が多すぎます（整数部と小数部を合わせて18桁まで）",
        "the value '\(value)' for \(naming(field)) has too many decimal places (at most 18 digits in all)")
    case .clinicOverBedLimit(let beds, let facility):
      return l.pick(
        "\(facility.japaneseName)の病床数 \(beds)床: 医療法では診療所は\(FacilityKind.clinicMaximumBeds)床以下です（\(FacilityKind.clinicMaximumBeds + 1)床以上は病院: \(naming(.facility)) hospital）",
        "a \(facility.englishName) with \(beds) beds: under the Medical Care Act a clinic has \(FacilityKind.clinicMaximumBeds) beds or fewer (\(FacilityKind.clinicMaximumBeds + 1) or more is a hospital: \(naming(.facility)) hospital)"
      )
    case .totalBedsOutOfRange(let total, let accepted):
      return l.pick(
        "合計病床数 \(total) は範囲外です。一般病床とその他病床の合計は \(YenFormat.grouped(Int64(accepted.lowerBound)))～\(YenFormat.grouped(Int64(accepted.upperBound))) 床",
        "total beds \(total) out of range: general and other beds together must be \(accepted.lowerBound) to \(YenFormat.grouped(Int64(accepted.upperBound)))")
    case .securityNotApplicable(let value, let program, let facility):
      return l.pick(
        "\(naming(.security)) '\(value)' は指定できません: \(program) の\(facility.japaneseName)にはセキュリティー割増引がありません（0 のみ可）",
        "\(naming(.security)) '\(value)' does not apply: \(program) has no security adjustment for a \(facility.englishName) (only 0 is accepted)")
    case .securityFromDisclosure(let value, let program, let facility, let text):
      return l.pick(
        "\(naming(.security)) '\(value)' は指定できません: \(program) の\(facility.japaneseName)はパンフレットに割増引率の記載がなく、「\(text)」とあります（告知内容による保険料は保険会社が算出します）",
        "\(naming(.security)) '\(value)' cannot be applied: \(program)'s brochure prints no adjustment rate for a \(facility.englishName); it says the premium is set from the count and the disclosure form (「\(text)」), by the insurer"
      )
    case .optionNotOffered(let code, let program, let offered):
      return l.pick("\(naming(.option)) '\(code)' は \(program) にありません", "\(naming(.option)) '\(code)' is not offered by \(program)")
        + (offered.isEmpty
          ? l.pick("（オプションの設定なし）", " (it has no options)")
          : l.pick("。指定できる値: ", ". Accepted: ") + offered.joined(separator: ", "))
    case .facilitiesNotApplicable(let count, let program, let reason):
      return l.pick(
        "\(naming(.facilities)) '\(count)' は指定できません: \(program) は1施設ずつの加入です",
        "\(naming(.facilities)) '\(count)' does not apply: \(program) insures one facility per contract")
        + (reason.map { l.pick("（\($0)）", " (\($0))") } ?? l.pick("。施設ごとに見積もってください", "; quote each facility on its own"))
    case .notSizeDependent(let program, let facility, let plan):
      return l.pick(
        "\(program) の\(facility.japaneseName) \(plan) の保険料は1施設あたりで、病床数・定員によりません",
        "\(program) \(plan) for a \(facility.englishName) is priced per facility; it does not depend on beds or capacity")
    case .arithmetic(.overflow):
      return l.pick("計算が桁あふれしました（料率ファイルの値が大きすぎます）", "arithmetic overflow: a rate is too large")
    case .arithmetic(.divisionByZero):
      return l.pick(
        "計算の途中で0で割ることになりました（料率ファイルの値を確認してください。団体割引100%など）",
        "a step divides by zero: check the rate file (a group discount of 100%, for example)")
    case .rateBookUnreadable(let error):
      return l.pick("料率ファイルを読めません: ", "the rate file cannot be read: ") + error.description(l)
    case .belowZero(let program, let plan, let premium):
      return l.pick(
        "\(program) \(plan) の保険料が0円未満（\(YenFormat.grouped(premium.amount))円）になりました。料率ファイルを rates check で確認してください",
        "\(program) \(plan) gives a premium below 0 yen (\(YenFormat.grouped(premium.amount)) yen); check the rate file with rates check")
    case .curveOverflow(let count, let unit):
      return l.pick(
        "\(naming(unit.field)) \(count) での保険料が桁あふれしました（料率ファイルの値が大きすぎます）。--max を小さくするか料率を確認してください",
        "the premium at \(naming(unit.field)) \(count) overflows (a rate in the rate file is too large); lower --max or check the rates")
    }
  }

  /// An unknown program's message: the name given, then `tail` (``unknownProgramTail(suggestion:known:_:)``),
  /// which a member list with many such names builds once per suggestion.
  static func unknownProgramMessage(_ id: String, tail: String, _ l: Language) -> String {
    let (before, after) = unknownProgramWords(l)
    var message = ""
    message.reserveCapacity(before.utf8.count + id.utf8.count + after.utf8.count + tail.utf8.count)
    message += before
    message += id
    message += after
    message += tail
    return message
  }

  /// The words before and after the name in an unknown program's message.
  static func unknownProgramWords(_ l: Language) -> (before: String, after: String) {
    l == .ja ? ("制度 '", "' はありません") : ("unknown program '", "'")
  }

  static func unknownProgramTail(suggestion: String?, known: [ProgramName], _ l: Language) -> String {
    didYouMean(suggestion, l) + l.pick("。指定できる制度: ", ". Known programs: ") + programList(known, l)
  }

  /// `kagoshima-ikyo（鹿児島県医師協同組合）, …`: ids with the names staff know them by.
  private static func programList(_ programs: [ProgramName], _ l: Language) -> String {
    programs.map { program in
      program.association.isEmpty ? program.id : program.id + l.pick("（\(program.association)）", " (\(program.association))")
    }.joined(separator: ", ")
  }

  private static func didYouMean(_ suggestion: String?, _ l: Language) -> String {
    guard let suggestion else { return "" }
    return l.pick("（もしかして \(suggestion)？）", "; did you mean \(suggestion)?")
  }

  private func rangeText(_ field: QuoteField, _ range: ClosedRange<Int>, _ language: Language) -> String {
    let low = YenFormat.grouped(Int64(range.lowerBound))
    let high = YenFormat.grouped(Int64(range.upperBound))
    let span = language.pick("\(low)～\(high)", "\(low) to \(high)")
    switch field {
    case .security, .groupDiscount: return span + " (%)"
    default: return span + language.pick(" の整数", " (whole number)")
    }
  }
}

extension CountKind {
  /// The request field this count is given in.
  package var field: QuoteField {
    switch self {
    case .generalBeds: .generalBeds
    case .otherBeds: .otherBeds
    case .capacity: .capacity
    }
  }
}
