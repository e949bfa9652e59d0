/// Every name under which a member list or a check file gives the tool a value, in one place:
/// the pricing columns (``MemberColumns``), the columns batch takes only as flags, and the
/// expectation columns of `verify` (``Expectation``). Documented in docs/batch.md.
///
/// Each column is read under its own name, under the name the tool writes it in its own JSON or
/// CSV (`security_percent`, `installment_premium`), and under the spellings people type
/// (`number_of_facilities`, `プログラム`, British `instalment`). A header that comes close to one
/// of them without being it (`security_pct`, `securty`, `expected_premum`, `セキュリティ割増`) is
/// refused with the name meant; it is never passed through while the rows are priced without it.
package enum ColumnNames {
  /// Accepted header names per pricing field: the tool's name first.
  package static let pricing: [(field: QuoteField, names: [String])] = [
    (.program, ["program", "program_id", "program_name", "制度", "制度名", "プログラム"]),
    (.facility, ["facility", "facility_kind", "facility_type", "施設区分", "施設種別"]),
    (.plan, ["plan", "plan_code", "プラン"]),
    (.generalBeds, ["general_beds", "一般病床数"]),
    (.otherBeds, ["other_beds", "その他病床数", "一般病床以外病床数"]),
    (.capacity, ["capacity", "定員", "定員数"]),
    (.security, ["security", "security_percent", "security_adjustment", "セキュリティー割増引", "セキュリティ割増引"]),
    (.option, ["option", "option_code", "オプション"]),
    (.facilities, ["facilities", "number_of_facilities", "facility_count", "施設数"]),
  ]

  /// Fields a list may not set row by row, by the names the tool writes them under, and the
  /// flag that sets them for the whole run.
  package static let flagOnly: [(names: [String], flag: String)] = [
    (["installments", "分割回数"], "--installments"),
    (["group_discount", "group_discount_percent", "団体割引"], "--group-discount"),
  ]

  /// Headers of the kinds of beds other than 一般病床, which a list may give in columns of their
  /// own; their sum is the other beds.
  package static let otherBedParts: [String] = [
    "療養病床数", "療養病床", "精神病床数", "精神病床", "結核病床数", "結核病床", "感染症病床数", "感染症病床",
    "long_term_care_beds", "psychiatric_beds", "tuberculosis_beds", "infectious_disease_beds",
  ]

  /// Accepted header names per expectation of a check file: the tool's name first, then the
  /// name batch and `quote --format json` write the value under.
  package static let expectations: [(field: Expectation.Field, names: [String])] = [
    (.premium, ["expected_premium", "premium"]),
    (.installmentPremium, ["expected_installment_premium", "expected_instalment_premium", "installment_premium", "instalment_premium"]),
    (.basis, ["expected_basis", "basis"]),
  ]

  /// Words that qualify a column's name without changing what it is: `security_pct` is the
  /// security adjustment, `plan_no` the plan.
  static let qualifiers: Set<String> = [
    "pct", "percent", "percentage", "rate", "ratio", "adj", "adjustment", "number", "num", "no", "nr", "of", "count", "total", "code", "id",
    "kind", "type", "value", "amount", "yen", "jpy", "the", "per", "row", "cell", "input",
  ]

  /// A header as it is matched: full-width folded, lower-cased, without spaces and the
  /// characters that separate words (`_`, `-`, `・`).
  package static func key(_ header: String) -> String {
    var key = String.UnicodeScalarView()
    for scalar in NumberText.halfWidth(header).lowercased().unicodeScalars {
      switch scalar {
      case " ", "_", "-", "・", "\u{3000}", "\t": continue
      default: key.append(scalar)
      }
    }
    return String(key)
  }

  // Every name's key, made once: a header is keyed once and compared, where keying every name
  // for every header took a seven-column list 9.5 M instructions (1 ms) before its first row.
  private static let pricingKeys = pricing.flatMap { entry in entry.names.map { (key: key($0), field: entry.field) } }
  private static let flagOnlyKeys = flagOnly.flatMap { entry in entry.names.map { (key: key($0), flag: entry.flag) } }
  private static let expectationKeys = expectations.flatMap { entry in entry.names.map { (key: key($0), field: entry.field) } }
  private static let otherBedPartKeys = otherBedParts.map(key)

  /// The field `header` names, if it is one of ``pricing``'s names.
  static func pricingField(_ header: String) -> QuoteField? {
    let key = key(header)
    return pricingKeys.first { $0.key == key }?.field
  }

  /// The flag for a field a list may not set by column, if `header` names one.
  static func flagOnlyField(_ header: String) -> String? {
    let key = key(header)
    return flagOnlyKeys.first { $0.key == key }?.flag
  }

  /// The expectation `header` names.
  static func expectation(_ header: String) -> Expectation.Field? {
    let key = key(header)
    return expectationKeys.first { $0.key == key }?.field
  }

  /// Whether the header with this key is one of ``otherBedParts``.
  static func isOtherBedPart(key: String) -> Bool { otherBedPartKeys.contains(key) }

  /// The name `header` (not itself one of `names`) comes close to: its words without
  /// ``qualifiers`` are one of them (`security_pct`), or an English name is within one edit
  /// (two for longer names). nil for names far from them (`会員名`, `name`, `facility_name`).
  static func nearMiss(_ header: String, among names: [[String]]) -> String? {
    let lowered = NumberText.halfWidth(header).lowercased()
    guard lowered.allSatisfy(\.isASCII) else { return nil }
    let words = lowered.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    let core = words.filter { !qualifiers.contains($0) }.joined()
    let key = key(header)
    for list in names {
      let english = list.filter { $0.allSatisfy(\.isASCII) }
      if !core.isEmpty, core != key, english.contains(where: { Self.key($0) == core }) { return list[0] }
      for name in english {
        let known = Self.key(name)
        let allowed = known.count <= 5 ? 1 : 2
        if key.count >= 3, Suggestion.distance(Array(key), Array(known)) <= allowed { return list[0] }
      }
    }
    return nil
  }

  /// The pricing column a Japanese header with a pricing term in it was meant to be
  /// (`セキュリティ割増` → セキュリティー割増引); nil for one without (`会員名`, `備考`).
  static func japaneseNearMiss(_ key: String) -> String? {
    let split = "療養病床数・精神病床数・結核病床数・感染症病床数"
    let terms: [(term: String, meant: String)] = [
      ("療養", split), ("精神", split), ("結核", split), ("感染症", split), ("病床", "一般病床数・その他病床数"), ("定員", "定員"),
      ("セキュリティ", "セキュリティー割増引"), ("割増", "セキュリティー割増引"), ("施設区分", "施設区分"), ("プラン", "プラン"),
      ("オプション", "オプション"), ("施設数", "施設数"), ("制度", "制度"), ("割引", "--group-discount"), ("分割", "--installments"),
    ]
    return terms.first { key.contains($0.term) }?.meant
  }
}
