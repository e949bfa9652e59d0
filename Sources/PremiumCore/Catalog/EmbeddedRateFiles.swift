// Generated from rates/*.json by Tests/PremiumCoreTests/Catalog/EmbeddedRateFilesTests.swift.
// Do not edit: change the rate file, then run
//   CYBERQUOTE_REGENERATE=1 swift test --filter EmbeddedRateFilesTests

/// The built-in rate books, verbatim, in listing order.
enum EmbeddedRateFiles {
  static let files: [(name: String, text: String)] = [
    (
      "kagoshima-ikyo.json",
      #"""
{
  "format": 1,
  "id": "kagoshima-ikyo",
  "name": "医療機関用団体サイバー保険",
  "policyholder": "鹿児島県医師協同組合",
  "agent": "鹿児島県医師協同組合",
  "insurer": "損害保険ジャパン株式会社",
  "eligibility": "診療所（有床・無床）",
  "source": "000_e7bba9e97f80cbd7.txt",
  "period": null,
  "group_discount_percent": 15,
  "installments": 12,
  "payment": "12回払",
  "security": null,
  "multiple_facilities": {"mode": "separate-contracts"},
  "families": {
    "S": "オールリスクプラン"
  },
  "coverage_names": {},
  "deductibles": {
    "liability": "なし",
    "incident_response": "なし"
  },
  "plans": [
    {"code": "S1", "family": "S", "limits": {"liability": "1,000万円", "incident_response": "100万円"}},
    {"code": "S2", "family": "S", "limits": {"liability": "3,000万円", "incident_response": "300万円"}},
    {"code": "S3", "family": "S", "limits": {"liability": "5,000万円", "incident_response": "500万円"}},
    {"code": "S4", "family": "S", "limits": {"liability": "1億円", "incident_response": "1,000万円"}},
    {"code": "S5", "family": "S", "limits": {"liability": "2億円", "incident_response": "2,000万円"}},
    {"code": "S6", "family": "S", "limits": {"liability": "1億円", "incident_response": "3,000万円"}},
    {"code": "S7", "family": "S", "limits": {"liability": "2億円", "incident_response": "3,000万円"}}
  ],
  "options": [],
  "tables": [
    {
      "id": "clinic",
      "title": "【診療所（有床・無床）の場合】1回分保険料",
      "source": "月額保険料について",
      "facilities": ["clinic"],
      "basis": {"flat": "installment"},
      "columns": ["1回分保険料 (1施設あたり)"],
      "rows": [
        ["S1", 2600],
        ["S2", 3310],
        ["S3", 3950],
        ["S4", 4950],
        ["S5", 5800],
        ["S6", 5900],
        ["S7", 6430]
      ]
    }
  ],
  "on_request": [
    {
      "facilities": ["hospital", "roken"],
      "plans": [],
      "reason": "病院と介護老人保健施設の場合は告知内容によって保険料が変わりますので、詳細は取扱代理店までお問い合わせください"
    },
    {
      "facilities": ["kaigo-iryoin", "dental"],
      "plans": [],
      "reason": "パンフレットの保険料は診療所（有床・無床）のみです。取扱代理店までお問い合わせください"
    }
  ],
  "notes": [
    "保険料は保険期間1年、団体割引15%、告知書割引なし、12回払の場合の1回分保険料です。"
  ]
}
"""#
    ),
    (
      "byoin-kyosaikai.json",
      #"""
{
  "format": 1,
  "id": "byoin-kyosaikai",
  "name": "医療機関用サイバー保険",
  "policyholder": "日本病院共済会",
  "agent": "日本病院共済会",
  "insurer": "損害保険ジャパン株式会社",
  "eligibility": "基本契約(病院賠償責任保険)にご加入されている、医療施設(病院、診療所、介護老人保健施設)の開設者",
  "source": "001_4a2060399fd30a5e.txt",
  "period": null,
  "group_discount_percent": 20,
  "installments": 1,
  "payment": "一括払",
  "security": {
    "min_percent": -30,
    "max_percent": 30,
    "facilities": ["hospital", "kaigo-iryoin", "roken"]
  },
  "multiple_facilities": {"mode": "separate-contracts"},
  "families": {
    "S": "オールリスクプラン",
    "T": "オールリスクプラン(喪失利益・営業継続費用付)"
  },
  "coverage_names": {},
  "deductibles": {
    "liability": "なし",
    "incident_response": "なし",
    "lost_profit": "30万円",
    "business_continuation": "30万円"
  },
  "plans": [
    {"code": "S1", "family": "S", "limits": {"liability": "1,000万円", "incident_response": "100万円"}},
    {"code": "S2", "family": "S", "limits": {"liability": "3,000万円", "incident_response": "300万円"}},
    {"code": "S3", "family": "S", "limits": {"liability": "5,000万円", "incident_response": "500万円"}},
    {"code": "S4", "family": "S", "limits": {"liability": "1億円", "incident_response": "1,000万円"}},
    {"code": "S5", "family": "S", "limits": {"liability": "2億円", "incident_response": "2,000万円"}},
    {"code": "S6", "family": "S", "limits": {"liability": "1億円", "incident_response": "3,000万円"}},
    {"code": "S7", "family": "S", "limits": {"liability": "2億円", "incident_response": "3,000万円"}},
    {"code": "T1", "family": "T", "limits": {"liability": "1,000万円", "incident_response": "100万円", "lost_profit": "500万円", "business_continuation": "500万円"}},
    {"code": "T2", "family": "T", "limits": {"liability": "3,000万円", "incident_response": "300万円", "lost_profit": "1,500万円", "business_continuation": "1,500万円"}},
    {"code": "T3", "family": "T", "limits": {"liability": "5,000万円", "incident_response": "500万円", "lost_profit": "2,500万円", "business_continuation": "2,500万円"}},
    {"code": "T4", "family": "T", "limits": {"liability": "1億円", "incident_response": "1,000万円", "lost_profit": "5,000万円", "business_continuation": "5,000万円"}},
    {"code": "T5", "family": "T", "limits": {"liability": "2億円", "incident_response": "2,000万円", "lost_profit": "1億円", "business_continuation": "1億円"}},
    {"code": "T6", "family": "T", "limits": {"liability": "1億円", "incident_response": "3,000万円", "lost_profit": "5,000万円", "business_continuation": "5,000万円"}},
    {"code": "T7", "family": "T", "limits": {"liability": "2億円", "incident_response": "3,000万円", "lost_profit": "1億円", "business_continuation": "1億円"}}
  ],
  "options": [],
  "tables": [
    {
      "id": "hospital",
      "title": "病院・介護医療院 許可病床1病床あたり保険料",
      "source": "〈6〉保険料の計算",
      "facilities": ["hospital", "kaigo-iryoin"],
      "basis": "per-bed",
      "columns": ["一般病床", "一般病床以外 (療養・精神・結核他)"],
      "rows": [
        ["S1", 660, 360],
        ["S2", 1170, 630],
        ["S3", 1630, 850],
        ["S4", 2560, 1360],
        ["S5", 3500, 1790],
        ["S6", 3760, 1920],
        ["S7", 4050, 2060]
      ]
    },
    {
      "id": "roken",
      "title": "老健施設 定員1名あたり保険料",
      "source": "〈6〉保険料の計算",
      "facilities": ["roken"],
      "basis": "per-capacity",
      "columns": ["定員1名あたり保険料"],
      "rows": [
        ["S1", 290],
        ["S2", 560],
        ["S3", 810],
        ["S4", 1290],
        ["S5", 1780],
        ["S6", 1860],
        ["S7", 2000]
      ]
    },
    {
      "id": "clinic",
      "title": "一般診療所 1施設あたり保険料",
      "source": "〈6〉保険料の計算",
      "facilities": ["clinic"],
      "basis": "flat",
      "columns": ["1施設あたり保険料"],
      "rows": [
        ["S1", 32640],
        ["S2", 41590],
        ["S3", 49570],
        ["S4", 62090],
        ["S5", 72810]
      ]
    },
    {
      "id": "dental",
      "title": "歯科診療所 1施設あたり保険料",
      "source": "〈6〉保険料の計算",
      "facilities": ["dental"],
      "basis": "flat",
      "columns": ["1施設あたり保険料"],
      "rows": [
        ["S1", 22360],
        ["S2", 28620],
        ["S3", 33580],
        ["S4", 45300],
        ["S5", 61890]
      ]
    }
  ],
  "on_request": [
    {
      "facilities": [],
      "plans": ["T1", "T2", "T3", "T4", "T5", "T6", "T7"],
      "reason": "T1〜T7の保険料はご申告いただく営業利益と経常費によって異なります（パンフレットに保険料の記載なし）"
    }
  ],
  "notes": [
    "保険料はセキュリティー割増引0%、団体割引20%、一括払の場合です。",
    "病院・老健施設には告知事項等申告書により+30%〜▲30%のセキュリティー割増引が適用されます。一般診療所・歯科診療所は対象外です。",
    "①から④でお支払いする保険金は、合算して①損害賠償の保険金額を限度とします。",
    "病院・診療所・老健施設については各々でのご加入が必要です。"
  ]
}
"""#
    ),
    (
      "kumamoto-hokeni.json",
      #"""
{
  "format": 1,
  "id": "kumamoto-hokeni",
  "name": "団体サイバー保険（サイバープロテクター）",
  "policyholder": "一般社団法人 熊本県保険医協会",
  "agent": "msfp株式会社",
  "insurer": "三井住友海上火災保険株式会社",
  "eligibility": "熊本県保険医協会の会員（業種：診療所、病院）",
  "source": "002_64e6e9336df53d5f.txt",
  "period": {"start": "2025-04-01", "end": "2026-04-01", "time": null},
  "group_discount_percent": 0,
  "installments": 1,
  "payment": "口座振替",
  "security": null,
  "multiple_facilities": {"mode": "proportional"},
  "families": {
    "A": "基本プラン",
    "B": "基本プラン",
    "C": "基本プラン",
    "D": "基本プラン"
  },
  "coverage_names": {
    "liability": "賠償損害",
    "incident_response": "費用損害",
    "lost_profit": "利益損害"
  },
  "deductibles": {
    "liability": "なし",
    "incident_response": "なし",
    "lost_profit": "なし"
  },
  "plans": [
    {"code": "A", "family": "A", "limits": {"liability": "5,000万円", "incident_response": "500万円"}},
    {"code": "B", "family": "B", "limits": {"liability": "1億円", "incident_response": "1,000万円"}},
    {"code": "C", "family": "C", "limits": {"liability": "1億円", "incident_response": "3,000万円"}},
    {"code": "D", "family": "D", "limits": {"liability": "1億円", "incident_response": "5,000万円"}}
  ],
  "options": [
    {"code": "a", "name": "利益補償 a", "coverage": "lost_profit", "limit": "1,000万円", "premium": 50210},
    {"code": "b", "name": "利益補償 b", "coverage": "lost_profit", "limit": "3,000万円", "premium": 55640},
    {"code": "c", "name": "利益補償 c", "coverage": "lost_profit", "limit": "5,000万円", "premium": 58860}
  ],
  "tables": [
    {
      "id": "base",
      "title": "基本プラン保険料",
      "source": "1 施設あたりの保険料",
      "facilities": ["clinic", "hospital"],
      "basis": "flat",
      "columns": ["基本プラン保険料"],
      "rows": [
        ["A", 50000],
        ["B", 60000],
        ["C", 77160],
        ["D", 95510]
      ]
    }
  ],
  "on_request": [
    {
      "facilities": ["roken", "kaigo-iryoin", "dental"],
      "plans": [],
      "reason": "保険料表の業種は診療所・病院です。複数の業種の施設を運営されている会員さまは加入方法が異なる場合がありますので、代理店までご連絡ください"
    }
  ],
  "notes": [
    "過去の事故歴による割引率50%を適用した保険料です。",
    "過去5カ年の間に保険金を支払う場合に該当する事故歴がある場合は、新規のご加入ができません。",
    "保険料は1施設あたりで、施設数に比例して変動します。",
    "賠償損害と費用損害の支払限度額は別枠です。"
  ]
}
"""#
    ),
    (
      "fukuoka-ishikai.json",
      #"""
{
  "format": 1,
  "id": "fukuoka-ishikai",
  "name": "医療機関用サイバー保険",
  "policyholder": "公益社団法人 福岡県医師会",
  "agent": "株式会社ケンイ",
  "insurer": "損害保険ジャパン株式会社",
  "eligibility": "福岡県医師会会員、福岡県医師会会員が開設者または管理者である医療機関",
  "source": "003_40390978eb5bc4ce.txt",
  "period": {"start": "2025-05-05", "end": "2026-05-05", "time": "16:00"},
  "group_discount_percent": 20,
  "installments": 1,
  "payment": "一括払",
  "security": null,
  "multiple_facilities": {
    "mode": "on-request",
    "reason": "同一法人の複数の医療施設・介護施設の保険金額を共有して引き受ける場合、年間保険料は表と異なります"
  },
  "options_on_request": "喪失利益、営業継続費用のオプション付き保険料は別途お問い合わせください",
  "families": {
    "S": "オールリスクプラン",
    "P": "情報漏えい限定プラン"
  },
  "coverage_names": {},
  "deductibles": {
    "liability": "なし",
    "incident_response": "なし"
  },
  "plans": [
    {"code": "S1", "family": "S", "limits": {"liability": "1,000万円", "incident_response": "100万円"}},
    {"code": "S2", "family": "S", "limits": {"liability": "3,000万円", "incident_response": "300万円"}},
    {"code": "S3", "family": "S", "limits": {"liability": "5,000万円", "incident_response": "500万円"}},
    {"code": "S4", "family": "S", "limits": {"liability": "1億円", "incident_response": "1,000万円"}},
    {"code": "S5", "family": "S", "limits": {"liability": "2億円", "incident_response": "2,000万円"}},
    {"code": "P1", "family": "P", "limits": {"liability": "1,000万円", "incident_response": "100万円"}},
    {"code": "P2", "family": "P", "limits": {"liability": "3,000万円", "incident_response": "300万円"}},
    {"code": "P3", "family": "P", "limits": {"liability": "5,000万円", "incident_response": "500万円"}},
    {"code": "P4", "family": "P", "limits": {"liability": "1億円", "incident_response": "1,000万円"}},
    {"code": "P5", "family": "P", "limits": {"liability": "2億円", "incident_response": "2,000万円"}},
    {"code": "S1000", "family": "S", "limits": {"liability": "1,000万円", "incident_response": "1,000万円"}},
    {"code": "S3000", "family": "S", "limits": {"liability": "3,000万円", "incident_response": "3,000万円"}},
    {"code": "S5000", "family": "S", "limits": {"liability": "5,000万円", "incident_response": "3,000万円"}},
    {"code": "S10000", "family": "S", "limits": {"liability": "1億円", "incident_response": "3,000万円"}},
    {"code": "S20000", "family": "S", "limits": {"liability": "2億円", "incident_response": "3,000万円"}},
    {"code": "P1000", "family": "P", "limits": {"liability": "1,000万円", "incident_response": "1,000万円"}},
    {"code": "P3000", "family": "P", "limits": {"liability": "3,000万円", "incident_response": "3,000万円"}},
    {"code": "P5000", "family": "P", "limits": {"liability": "5,000万円", "incident_response": "3,000万円"}},
    {"code": "P10000", "family": "P", "limits": {"liability": "1億円", "incident_response": "3,000万円"}},
    {"code": "P20000", "family": "P", "limits": {"liability": "2億円", "incident_response": "3,000万円"}}
  ],
  "options": [],
  "tables": [
    {
      "id": "clinic",
      "title": "<1> 一般医院・診療所（有床・無床）の保険料",
      "source": "10.",
      "facilities": ["clinic"],
      "basis": "flat",
      "columns": ["年間保険料(1施設あたり)"],
      "rows": [
        ["S1", 29380],
        ["S2", 37430],
        ["S3", 44610],
        ["S4", 55880],
        ["S5", 65530],
        ["P1", 14400],
        ["P2", 24000],
        ["P3", 32000],
        ["P4", 43200],
        ["P5", 60800]
      ]
    },
    {
      "id": "clinic-1000",
      "title": "<1> 一般医院・診療所（有床・無床）の保険料 事故対応特別費用UPプラン",
      "source": "10. New!",
      "facilities": ["clinic"],
      "basis": "flat",
      "columns": ["年間保険料(1施設あたり)"],
      "rows": [
        ["S1000", 43440],
        ["S3000", 59440],
        ["S5000", 62210],
        ["S10000", 66600],
        ["S20000", 72650],
        ["P1000", 33580],
        ["P3000", 54980],
        ["P5000", 57540],
        ["P10000", 61600],
        ["P20000", 67200]
      ]
    },
    {
      "id": "hospital",
      "title": "<2> 病院の保険料（例）一般病床",
      "source": "10.",
      "facilities": ["hospital"],
      "basis": {"examples": {"unit": "general_beds", "counts": [50, 100], "model_offset": 13}},
      "columns": ["50床", "100床"],
      "rows": [
        ["S1", 57720, 76220],
        ["S2", 102960, 135960],
        ["S3", 142900, 188700],
        ["S4", 224330, 296230],
        ["S5", 307320, 405820],
        ["P1", 28080, 37080],
        ["P2", 67390, 88990],
        ["P3", 99530, 131430],
        ["P4", 155380, 205180],
        ["P5", 234310, 309410]
      ]
    },
    {
      "id": "hospital-1000",
      "title": "<2> 病院の保険料（例）一般病床 事故対応特別費用UPプラン",
      "source": "10. New!",
      "facilities": ["hospital"],
      "limits": {
        "S5000": {"liability": "5,000万円", "incident_response": "5,000万円"},
        "S10000": {"liability": "1億円", "incident_response": "1億円"},
        "S20000": {"liability": "2億円", "incident_response": "2億円"},
        "P5000": {"liability": "5,000万円", "incident_response": "5,000万円"},
        "P10000": {"liability": "1億円", "incident_response": "1億円"},
        "P20000": {"liability": "2億円", "incident_response": "2億円"}
      },
      "basis": {"examples": {"unit": "general_beds", "counts": [50, 100], "model_offset": 13}},
      "columns": ["50床", "100床"],
      "rows": [
        ["S1000", 174410, 230310],
        ["S3000", 294840, 389340],
        ["S5000", 373780, 493580],
        ["S10000", 497020, 656320],
        ["S20000", 669550, 884150],
        ["P1000", 120740, 159440],
        ["P3000", 209350, 276450],
        ["P5000", 283610, 374510],
        ["P10000", 376270, 496870],
        ["P20000", 505440, 667440]
      ]
    },
    {
      "id": "roken",
      "title": "<3> 介護老人保健施設の保険料（例）",
      "source": "10.",
      "facilities": ["roken"],
      "estimated_facilities": ["kaigo-iryoin"],
      "estimate_reason": "介護医療院は介護老人保健施設と同じく定員数を基にした保険料体系です（6.）が、パンフレットの保険料例は介護老人保健施設のみです",
      "basis": {"examples": {"unit": "capacity", "counts": [50, 100], "model_offset": 13}},
      "columns": ["50人", "100人"],
      "rows": [
        ["S1", 27770, 36670],
        ["S2", 54600, 72100],
        ["S3", 78620, 103820],
        ["S4", 125420, 165620],
        ["S5", 173780, 229480],
        ["P1", 17780, 23480],
        ["P2", 42740, 56440],
        ["P3", 62710, 82810],
        ["P4", 97970, 129370],
        ["P5", 147890, 195290]
      ]
    },
    {
      "id": "roken-1000",
      "title": "<3> 介護老人保健施設の保険料（例）費用同額プラン",
      "source": "10. New!",
      "facilities": ["roken"],
      "estimated_facilities": ["kaigo-iryoin"],
      "estimate_reason": "介護医療院は介護老人保健施設と同じく定員数を基にした保険料体系です（6.）が、パンフレットの保険料例は介護老人保健施設のみです",
      "limits": {
        "S5000": {"liability": "5,000万円", "incident_response": "5,000万円"},
        "S10000": {"liability": "1億円", "incident_response": "1億円"},
        "S20000": {"liability": "2億円", "incident_response": "2億円"},
        "P5000": {"liability": "5,000万円", "incident_response": "5,000万円"},
        "P10000": {"liability": "1億円", "incident_response": "1億円"},
        "P20000": {"liability": "2億円", "incident_response": "2億円"}
      },
      "basis": {"examples": {"unit": "capacity", "counts": [50, 100], "model_offset": 13}},
      "columns": ["50人", "100人"],
      "rows": [
        ["S1000", 97660, 128960],
        ["S3000", 161930, 213830],
        ["S5000", 205610, 271510],
        ["S10000", 273310, 360910],
        ["S20000", 368160, 486160],
        ["P1000", 76130, 100530],
        ["P3000", 132290, 174690],
        ["P5000", 177840, 234840],
        ["P10000", 237120, 313120],
        ["P20000", 321360, 424360]
      ]
    }
  ],
  "on_request": [
    {
      "facilities": ["dental"],
      "plans": [],
      "reason": "歯科医院・診療所の保険料はパンフレットに記載がありません"
    }
  ],
  "notes": [
    "保険料は団体割引20%、一括払の場合です。",
    "病院・介護老人保健施設の保険料は病床数・定員数および告知内容に基づいて算出され、パンフレットには50床(人)・100床(人)の例のみ記載されています。",
    "事故対応特別費用の保険金額3000万円超のプラン（診療所）は別途お問い合わせください。",
    "1加入者ごとに、保険期間中に①、②でお支払いする保険金の合計額は①の保険金額を限度とします。"
  ]
}
"""#
    ),
    (
      "jhef.json",
      #"""
{
  "format": 1,
  "id": "jhef",
  "name": "医療関連サービスマーク認定事業者向け サイバー保険",
  "policyholder": "一般財団法人 医療関連サービス振興会",
  "agent": "損保ジャパンパートナーズ株式会社",
  "insurer": "損害保険ジャパン株式会社",
  "eligibility": "医療関連サービスマーク認定事業者",
  "source": "004_fe4bbad67cbe0973.txt",
  "period": {"start": "2025-10-01", "end": "2026-10-01", "time": "16:00"},
  "group_discount_percent": 0,
  "installments": 1,
  "payment": "一括払",
  "security": null,
  "multiple_facilities": {"mode": "separate-contracts"},
  "families": {},
  "coverage_names": {},
  "deductibles": {},
  "plans": [],
  "options": [],
  "tables": [],
  "on_request": [
    {
      "facilities": [],
      "plans": [],
      "reason": "お見積りシートによる個別見積りです（パンフレットに保険料の記載はありません）"
    }
  ],
  "notes": [
    "お見積りシート期限：2025年9月1日、加入依頼書郵送・保険料入金期限：2025年9月16日。"
  ]
}
"""#
    ),
  ]
}
