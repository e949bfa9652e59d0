import PremiumCore

/// Why a plan or program gives no figure, in a line for a menu, a comparison or a page.
extension Wording {
  /// The refusal in a few words with its reason: 「個別見積り: …」, 「加入資格なし: …」.
  static func refusal(_ error: QuoteError, _ l: Language) -> String {
    switch error {
    case .onRequest(_, _, _, let reason): l.pick("個別見積り: ", "on request: ") + reason
    case .notOffered(_, _, _, let reason): l.pick("提供なし: ", "not offered: ") + reason
    case .notEligible(let program, let facility, let eligibility):
      l.pick("加入資格なし: \(program) の加入資格は「\(eligibility)」", "not eligible: \(program) is for \(eligibility) (not a \(facility.englishName))")
    case .planNotOffered(_, let program, let facility, _):
      l.pick("\(program) の\(facility.japaneseName)の保険料表にないプランです", "not in \(program)'s table for a \(facility.englishName)")
    default: error.message(language: l, naming: CommonOptions.flag)
    }
  }

  /// A short word for a plan without a figure, in the menu's last column.
  static func status(_ error: QuoteError, _ l: Language) -> String {
    Wording.availability(error.availability ?? .notOffered, l)
  }
}
