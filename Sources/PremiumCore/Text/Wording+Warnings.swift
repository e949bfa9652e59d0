/// What a quote must tell the clerk besides its figure (``QuoteWarning``), in the run's language.
extension Wording {
  package static func warning(_ w: QuoteWarning, programID id: String, _ l: Language) -> String {
    switch w {
    case .bedsDoNotChangePremium(let beds, let facility):
      return l.pick(
        "\(facility.japaneseName)の保険料は1施設あたりで、病床数（\(beds)床）は保険料に影響しません",
        "a \(facility.englishName) is priced per facility: its \(beds) beds do not change the premium")
    case .countNotUsed(let kind, let value):
      let ja = kind == .capacity ? "定員 \(value)人" : kind == .generalBeds ? "一般病床数 \(value)床" : "一般病床以外の病床数 \(value)床"
      return l.pick(
        "\(ja) は \(id) のこの施設の保険料には使いません（保険料に影響しません）",
        "\(kind.field.rawValue) \(value) is not used by \(id) for this facility (it does not change the premium)")
    case .deadlinePassed(let date, let text):
      return l.pick(
        "申込日は \(id) のパンフレットの締切（\(text)）を過ぎています。受付の可否は取扱代理店にご確認ください",
        "the application day is past a deadline the brochure of \(id) prints (\(text), \(date)); ask the agent whether it can still be accepted")
    case .kaigoIryoinGeneralBeds(let beds, let general, let other):
      return l.pick(
        "介護医療院の病床は療養床（一般病床以外）です。一般病床 \(beds)床 は入力どおり一般病床の料率（1病床あたり \(yen(general))）で計算しました。療養床は一般病床以外の病床数として指定してください（1病床あたり \(yen(other))）",
        "a kaigo-iryoin's beds are long-term care beds (other than general beds): the \(beds) general beds were priced at the general-bed rate as given (\(yen(general)) a bed); give care beds as other beds (\(yen(other)) a bed)"
      )
    case .hospitalUnderTwentyBeds(let beds):
      return l.pick(
        "病院の病床数が \(beds) 床です。医療法では病院は\(FacilityKind.clinicMaximumBeds + 1)床以上で、\(FacilityKind.clinicMaximumBeds)床以下は診療所です。施設区分をご確認ください",
        "a hospital of \(beds) beds: under the Medical Care Act a hospital has \(FacilityKind.clinicMaximumBeds + 1) or more beds (\(FacilityKind.clinicMaximumBeds) or fewer is a clinic); check the facility kind"
      )
    case .periodEnded(let p):
      return l.pick(
        "\(id) の保険期間（\(p.japanese)）は終了しています。最新のパンフレットをご確認ください",
        "the period of \(id) (\(p.iso)) has ended; check the current brochure")
    case .nextVersion(let start, let source):
      return l.pick(
        "\(id) の次の版（\(source)）は\(start.japanese)からです。その日からの保険料は --date \(start) で見積もれます",
        "the next version of \(id) (\(source)) starts on \(start); quote from that day with --date \(start)")
    case .periodNotStarted(let p):
      return l.pick(
        "\(id) の保険期間（\(p.japanese)）はまだ始まっていません",
        "the period of \(id) (\(p.iso)) has not started yet")
    case .periodNotPrinted(let term, let edition):
      let e = edition.map { e in
        l.pick("版: \(e.text ?? "パンフレットに版の記載なし")、\(e.issued.japanese)から使用。", "edition: \(e.text ?? "none printed"), used from \(e.issued); ")
      }
      return l.pick(
        "\(id) のパンフレットには保険期間の日付の記載がありません\(term.map { "（\($0)）" } ?? "")。\(e ?? "")現在も有効な料率かどうかは確認できません",
        "the brochure of \(id) prints no dates\(term.map { " (\($0))" } ?? "")\(e.map { " (\($0.dropLast(2)))" } ?? ""): whether its rates are still current cannot be checked"
      )
    }
  }
}
