/// The kind of medical institution being insured; each program prices each kind its own way.
public enum FacilityKind: String, CaseIterable, Sendable, Hashable {
  /// The most beds a 診療所 has under the 医療法: 19 or fewer (有床診療所); 20 or more is a 病院.
  package static let clinicMaximumBeds = 19

  /// 病院: priced per licensed bed (or flat, or from printed examples).
  case hospital
  /// 介護医療院: per bed in byoin-kyosaikai, per person of capacity in fukuoka-ishikai.
  case kaigoIryoin = "kaigo-iryoin"
  /// 介護老人保健施設 (老健): priced per person of capacity.
  case roken
  /// 一般診療所 (有床・無床): a flat rate per facility.
  case clinic
  /// 歯科診療所: a flat rate per facility.
  case dental
  /// 医療関連サービス事業者: a business holding the 医療関連サービスマーク (jhef's applicants), not a
  /// medical institution.
  case serviceBusiness = "service-business"

  /// The medical institutions: every kind but the service business.
  public static let medical: [FacilityKind] = [.hospital, .kaigoIryoin, .roken, .clinic, .dental]

  /// The brochures' name for this kind.
  public var japaneseName: String {
    switch self {
    case .hospital: "病院"
    case .kaigoIryoin: "介護医療院"
    case .roken: "介護老人保健施設"
    case .clinic: "一般診療所"
    case .dental: "歯科診療所"
    case .serviceBusiness: "医療関連サービス事業者"
    }
  }

  public var englishName: String {
    switch self {
    case .hospital: "hospital"
    case .kaigoIryoin: "integrated care hospital (kaigo iryoin)"
    case .roken: "long-term care health facility (roken)"
    case .clinic: "clinic"
    case .dental: "dental clinic"
    case .serviceBusiness: "medical-related service business"
    }
  }

  /// Parses an id (`roken`) or a Japanese name as staff type it (`老健`, `介護老人保健施設`).
  public init?(name: String) {
    // Only ASCII letters have a case among the names; a Japanese word is not copied.
    switch name.utf8.contains(where: { (0x41...0x5A).contains($0) }) ? name.lowercased() : name {
    case "hospital", "病院": self = .hospital
    case "kaigo-iryoin", "介護医療院": self = .kaigoIryoin
    case "roken", "老健", "介護老人保健施設", "老健施設": self = .roken
    case "clinic", "診療所", "一般診療所", "医院", "有床診療所", "無床診療所", "クリニック", "一般医院": self = .clinic
    case "dental", "歯科診療所", "歯科", "歯科医院", "歯科クリニック": self = .dental
    case "service-business", "医療関連サービス事業者", "医療関連サービスマーク認定事業者": self = .serviceBusiness
    default: return nil
    }
  }
}
