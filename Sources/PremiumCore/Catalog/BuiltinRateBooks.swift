// Generated from rates/*.json by Tests/PremiumCoreTests/Catalog/BuiltinRateBooksTests.swift.
// Do not edit: change the rate file, then run
//   CYBERQUOTE_REGENERATE=1 swift test --filter BuiltinRateBooksTests

/// The rate books in `rates/`, compiled in; each is built only when a command asks for it.
enum BuiltinRateBooks {
  static let entries: [Catalog.Entry] = [
    Catalog.Entry(id: "kagoshima-ikyo", origin: "rates/kagoshima-ikyo.json", load: kagoshimaIkyo),
    Catalog.Entry(id: "byoin-kyosaikai", origin: "rates/byoin-kyosaikai.json", load: byoinKyosaikai),
    Catalog.Entry(id: "kumamoto-hokeni", origin: "rates/kumamoto-hokeni.json", load: kumamotoHokeni),
    Catalog.Entry(id: "fukuoka-ishikai", origin: "rates/fukuoka-ishikai.json", load: fukuokaIshikai),
    Catalog.Entry(id: "jhef", origin: "rates/jhef.json", load: jhef),
  ]

  /// 鹿児島県医師協同組合 医療機関用団体サイバー保険 (000_e7bba9e97f80cbd7.txt)
  static func kagoshimaIkyo() -> Program {
    Program(
      id: "kagoshima-ikyo",
      name: "医療機関用団体サイバー保険",
      policyholder: "鹿児島県医師協同組合",
      agent: "鹿児島県医師協同組合",
      insurer: "損害保険ジャパン株式会社",
      eligibility: "記載なし（パンフレットの保険料は診療所（有床・無床）の場合）",
      eligibilitySource: nil,
      eligibleFacilities: [.hospital, .kaigoIryoin, .roken, .clinic, .dental],
      source: "000_e7bba9e97f80cbd7.txt",
      period: nil,
      term: "保険期間1年",
      groupDiscountPercent: Rational(reducedNumerator: 15, denominator: 1),
      installments: 12,
      payment: "12回払",
      security: nil,
      disclosures: [],
      multipleFacilities: .separateContracts,
      optionsOnRequest: nil,
      families: ["S": "オールリスクプラン"],
      coverageNames: [:],
      deductibles: Deductibles(liability: Yen(0), incidentResponse: Yen(0)),
      plans: [
        Plan(code: "S1", family: "S", limits: Limits(liability: Yen(10000000), incidentResponse: Yen(1000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S2", family: "S", limits: Limits(liability: Yen(30000000), incidentResponse: Yen(3000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S3", family: "S", limits: Limits(liability: Yen(50000000), incidentResponse: Yen(5000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S4", family: "S", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(10000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S5", family: "S", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(20000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S6", family: "S", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S7", family: "S", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
      ],
      options: [],
      tables: [
        RateTable(
          id: "clinic",
          title: "【診療所（有床・無床）の場合】1回分保険料",
          source: "月額保険料について",
          facilities: [.clinic],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .flat(.installment),
          columns: ["1回分保険料 (1施設あたり)"],
          rows: [
            RateRow(plan: "S1", values: [Yen(2600)]),
            RateRow(plan: "S2", values: [Yen(3310)]),
            RateRow(plan: "S3", values: [Yen(3950)]),
            RateRow(plan: "S4", values: [Yen(4950)]),
            RateRow(plan: "S5", values: [Yen(5800)]),
            RateRow(plan: "S6", values: [Yen(5900)]),
            RateRow(plan: "S7", values: [Yen(6430)]),
          ],
          limitOverrides: [:]
        ),
      ],
      notOffered: [],
      onRequest: [
        AvailabilityRule(facilities: [.hospital, .roken], plans: [], withOption: false, reason: "病院と介護老人保健施設の場合は告知内容によって保険料が変わりますので、詳細は取扱代理店までお問い合わせください", source: "000「※病院と介護老人保健施設の場合は告知内容によって保険料が変わりますので、詳細は取扱代理店までお問い合わせください。」"),
        AvailabilityRule(facilities: [.kaigoIryoin, .dental], plans: [], withOption: false, reason: "パンフレットの保険料は診療所（有床・無床）のみです。取扱代理店までお問い合わせください", source: "000「【診療所（有床・無床）の場合】」"),
      ],
      notes: [
        ProgramNote("保険料は保険期間1年、団体割引15%、告知書割引なし、12回払の場合の1回分保険料です。"),
      ],
      conditions: Conditions(
        aggregateCap: nil,
        deadlines: [],
        midTermJoining: nil,
        contacts: [
          "【引受保険会社】損害保険ジャパン株式会社 鹿児島支店法人支社 〒890-0053 鹿児島市中央町11番地 TEL 099-812-7504 FAX 099-251-1025 受付時間：平日9:00～17:00(土日、祝日、12/31～1/3を除く)",
          "【取扱代理店】鹿児島県医師協同組合 〒890-0053 鹿児島市中央町8-1 医師会館内 TEL 099-254-8126 FAX 099-257-1816 受付時間：平日9:00～18:00(土日、祝日、12/29～1/3を除く)",
        ])
    )
  }

  /// 日本病院共済会 医療機関用サイバー保険 (001_4a2060399fd30a5e.txt)
  static func byoinKyosaikai() -> Program {
    Program(
      id: "byoin-kyosaikai",
      name: "医療機関用サイバー保険",
      policyholder: "日本病院共済会",
      agent: "日本病院共済会",
      insurer: "損害保険ジャパン株式会社",
      eligibility: "基本契約(病院賠償責任保険)にご加入されている、医療施設(病院、診療所、介護老人保健施設)の開設者",
      eligibilitySource: "001 〈1〉ご加入いただける方",
      eligibleFacilities: [.hospital, .kaigoIryoin, .roken, .clinic, .dental],
      source: "001_4a2060399fd30a5e.txt",
      period: nil,
      term: "保険期間1年",
      groupDiscountPercent: Rational(reducedNumerator: 20, denominator: 1),
      installments: 1,
      payment: "一括払",
      security: SecurityRule(minimumPercent: -30, maximumPercent: 30, facilities: [.hospital, .kaigoIryoin, .roken]),
      disclosures: [],
      multipleFacilities: .separateContracts,
      optionsOnRequest: nil,
      families: ["S": "オールリスクプラン", "T": "オールリスクプラン(喪失利益・営業継続費用付)"],
      coverageNames: [:],
      deductibles: Deductibles(liability: Yen(0), incidentResponse: Yen(0), lostProfit: Yen(300000), businessContinuation: Yen(300000)),
      plans: [
        Plan(code: "S1", family: "S", limits: Limits(liability: Yen(10000000), incidentResponse: Yen(1000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S2", family: "S", limits: Limits(liability: Yen(30000000), incidentResponse: Yen(3000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S3", family: "S", limits: Limits(liability: Yen(50000000), incidentResponse: Yen(5000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S4", family: "S", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(10000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S5", family: "S", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(20000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S6", family: "S", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S7", family: "S", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "T1", family: "T", limits: Limits(liability: Yen(10000000), incidentResponse: Yen(1000000), lostProfit: Yen(5000000), businessContinuation: Yen(5000000))),
        Plan(code: "T2", family: "T", limits: Limits(liability: Yen(30000000), incidentResponse: Yen(3000000), lostProfit: Yen(15000000), businessContinuation: Yen(15000000))),
        Plan(code: "T3", family: "T", limits: Limits(liability: Yen(50000000), incidentResponse: Yen(5000000), lostProfit: Yen(25000000), businessContinuation: Yen(25000000))),
        Plan(code: "T4", family: "T", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(10000000), lostProfit: Yen(50000000), businessContinuation: Yen(50000000))),
        Plan(code: "T5", family: "T", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(20000000), lostProfit: Yen(100000000), businessContinuation: Yen(100000000))),
        Plan(code: "T6", family: "T", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(30000000), lostProfit: Yen(50000000), businessContinuation: Yen(50000000))),
        Plan(code: "T7", family: "T", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(30000000), lostProfit: Yen(100000000), businessContinuation: Yen(100000000))),
      ],
      options: [],
      tables: [
        RateTable(
          id: "hospital",
          title: "病院・介護医療院 許可病床1病床あたり保険料",
          source: "〈6〉保険料の計算",
          facilities: [.hospital, .kaigoIryoin],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .perBed,
          columns: ["一般病床", "一般病床以外 (療養・精神・結核他)"],
          rows: [
            RateRow(plan: "S1", values: [Yen(660), Yen(360)]),
            RateRow(plan: "S2", values: [Yen(1170), Yen(630)]),
            RateRow(plan: "S3", values: [Yen(1630), Yen(850)]),
            RateRow(plan: "S4", values: [Yen(2560), Yen(1360)]),
            RateRow(plan: "S5", values: [Yen(3500), Yen(1790)]),
            RateRow(plan: "S6", values: [Yen(3760), Yen(1920)]),
            RateRow(plan: "S7", values: [Yen(4050), Yen(2060)]),
          ],
          limitOverrides: [:]
        ),
        RateTable(
          id: "roken",
          title: "老健施設 定員1名あたり保険料",
          source: "〈6〉保険料の計算",
          facilities: [.roken],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .perCapacity,
          columns: ["定員1名あたり保険料"],
          rows: [
            RateRow(plan: "S1", values: [Yen(290)]),
            RateRow(plan: "S2", values: [Yen(560)]),
            RateRow(plan: "S3", values: [Yen(810)]),
            RateRow(plan: "S4", values: [Yen(1290)]),
            RateRow(plan: "S5", values: [Yen(1780)]),
            RateRow(plan: "S6", values: [Yen(1860)]),
            RateRow(plan: "S7", values: [Yen(2000)]),
          ],
          limitOverrides: [:]
        ),
        RateTable(
          id: "clinic",
          title: "一般診療所 1施設あたり保険料",
          source: "〈6〉保険料の計算",
          facilities: [.clinic],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .flat(.annual),
          columns: ["1施設あたり保険料"],
          rows: [
            RateRow(plan: "S1", values: [Yen(32640)]),
            RateRow(plan: "S2", values: [Yen(41590)]),
            RateRow(plan: "S3", values: [Yen(49570)]),
            RateRow(plan: "S4", values: [Yen(62090)]),
            RateRow(plan: "S5", values: [Yen(72810)]),
          ],
          limitOverrides: [:]
        ),
        RateTable(
          id: "dental",
          title: "歯科診療所 1施設あたり保険料",
          source: "〈6〉保険料の計算",
          facilities: [.dental],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .flat(.annual),
          columns: ["1施設あたり保険料"],
          rows: [
            RateRow(plan: "S1", values: [Yen(22360)]),
            RateRow(plan: "S2", values: [Yen(28620)]),
            RateRow(plan: "S3", values: [Yen(33580)]),
            RateRow(plan: "S4", values: [Yen(45300)]),
            RateRow(plan: "S5", values: [Yen(61890)]),
          ],
          limitOverrides: [:]
        ),
      ],
      notOffered: [
        AvailabilityRule(facilities: [.clinic, .dental], plans: ["S6", "S7"], withOption: false, reason: "一般診療所・歯科診療所の S6・S7 の保険料欄は「-」です", source: "001 〈6〉保険料の計算"),
      ],
      onRequest: [
        AvailabilityRule(facilities: [], plans: ["T1", "T2", "T3", "T4", "T5", "T6", "T7"], withOption: false, reason: "T1〜T7の保険料はご申告いただく営業利益と経常費によって異なります（パンフレットに保険料の記載なし）", source: "001 〈6〉「ご申告いただく営業利益と経常費によって異なります。」"),
      ],
      notes: [
        ProgramNote("保険料はセキュリティー割増引0%、団体割引20%、一括払の場合です。"),
        ProgramNote("病院・老健施設には告知事項等申告書により+30%〜▲30%のセキュリティー割増引が適用されます。一般診療所・歯科診療所は対象外です。"),
        ProgramNote("病院・診療所・老健施設については各々でのご加入が必要です。"),
      ],
      conditions: Conditions(
        aggregateCap: SourcedText(text: "①から④でお支払いする保険金は、合算して①損害賠償の保険金額を限度とします。", source: "001 〈5〉(1)※"),
        deadlines: [],
        midTermJoining: nil,
        contacts: [
          "日本病院共済会（〈5〉(3)「日本病院共済会までお問い合わせください。」）",
          "「告知事項等申告書」の送付先: 日本病院共済会 FAX 03-3222-0016（〈8〉）",
        ])
    )
  }

  /// 一般社団法人 熊本県保険医協会 団体サイバー保険（サイバープロテクター） (002_64e6e9336df53d5f.txt)
  static func kumamotoHokeni() -> Program {
    Program(
      id: "kumamoto-hokeni",
      name: "団体サイバー保険（サイバープロテクター）",
      policyholder: "一般社団法人 熊本県保険医協会",
      agent: "msfp株式会社",
      insurer: "三井住友海上火災保険株式会社",
      eligibility: "熊本県保険医協会の会員（業種：診療所、病院）",
      eligibilitySource: "002「保険期間：1年間 ■ 業種：診療所、病院」",
      eligibleFacilities: [.hospital, .kaigoIryoin, .roken, .clinic, .dental],
      source: "002_64e6e9336df53d5f.txt",
      period: Period(start: CalendarDate(validYear: 2025, month: 4, day: 1), end: CalendarDate(validYear: 2026, month: 4, day: 1), time: nil),
      term: nil,
      groupDiscountPercent: nil,
      installments: 1,
      payment: nil,
      security: nil,
      disclosures: [],
      multipleFacilities: .proportional,
      optionsOnRequest: nil,
      families: ["A": "基本プラン", "B": "基本プラン", "C": "基本プラン", "D": "基本プラン"],
      coverageNames: [.liability: "賠償損害", .incidentResponse: "費用損害", .lostProfit: "利益損害"],
      deductibles: Deductibles(liability: Yen(0), incidentResponse: Yen(0), lostProfit: Yen(0)),
      plans: [
        Plan(code: "A", family: "A", limits: Limits(liability: Yen(50000000), incidentResponse: Yen(5000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "B", family: "B", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(10000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "C", family: "C", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "D", family: "D", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(50000000), lostProfit: nil, businessContinuation: nil)),
      ],
      options: [
        PlanOption(code: "a", name: "利益補償 a", coverage: .lostProfit, limit: Yen(10000000), premium: Yen(50210)),
        PlanOption(code: "b", name: "利益補償 b", coverage: .lostProfit, limit: Yen(30000000), premium: Yen(55640)),
        PlanOption(code: "c", name: "利益補償 c", coverage: .lostProfit, limit: Yen(50000000), premium: Yen(58860)),
      ],
      tables: [
        RateTable(
          id: "base",
          title: "基本プラン保険料",
          source: "1 施設あたりの保険料",
          facilities: [.clinic, .hospital],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .flat(.annual),
          columns: ["基本プラン保険料"],
          rows: [
            RateRow(plan: "A", values: [Yen(50000)]),
            RateRow(plan: "B", values: [Yen(60000)]),
            RateRow(plan: "C", values: [Yen(77160)]),
            RateRow(plan: "D", values: [Yen(95510)]),
          ],
          limitOverrides: [:]
        ),
      ],
      notOffered: [],
      onRequest: [
        AvailabilityRule(facilities: [.roken, .kaigoIryoin, .dental], plans: [], withOption: false, reason: "保険料表の業種は診療所・病院です。複数の業種の施設を運営されている会員さまは加入方法が異なる場合がありますので、代理店までご連絡ください", source: "002「複数の業種の施設を運営されている会員さまについては、加入方法が異なる場合がありますので代理店までご連絡下さい。」"),
      ],
      notes: [
        ProgramNote("過去の事故歴による割引率50%を適用した保険料です。"),
        ProgramNote("過去5カ年の間に保険金を支払う場合に該当する事故歴がある場合は、新規のご加入ができません。"),
        ProgramNote("保険料は1施設あたりで、施設数に比例して変動します。"),
        ProgramNote("申込締切：2月28日（金） 申込書・告知書および口座振替依頼書が必要となります。"),
      ],
      conditions: Conditions(
        aggregateCap: SourcedText(text: "賠償損害と費用損害の支払限度額を別枠としています！", source: "002 ポイント"),
        deadlines: [
          "申込締切：2月28日（金）",
        ],
        midTermJoining: nil,
        contacts: [
          "<代理店・扱者> msfp株式会社 担当：神谷 愛知県名古屋市東区東桜1丁目14-12 イースタンビル本館 2階 TEL:052-961-9634 FAX:052-961-8734",
          "<引受保険会社> 三井住友海上火災保険株式会社 愛知支店 愛知第一支社 愛知県名古屋市中区錦1丁目2-1 三井住友海上名古屋ビル10F TEL:052-223-4172 FAX:052-223-4170",
        ])
    )
  }

  /// 公益社団法人 福岡県医師会 医療機関用サイバー保険 (003_40390978eb5bc4ce.txt)
  static func fukuokaIshikai() -> Program {
    Program(
      id: "fukuoka-ishikai",
      name: "医療機関用サイバー保険",
      policyholder: "公益社団法人 福岡県医師会",
      agent: "株式会社ケンイ",
      insurer: "損害保険ジャパン株式会社",
      eligibility: "福岡県医師会会員、福岡県医師会会員が開設者または管理者である医療機関",
      eligibilitySource: "003 □加入対象者",
      eligibleFacilities: [.hospital, .kaigoIryoin, .roken, .clinic, .dental],
      source: "003_40390978eb5bc4ce.txt",
      period: Period(start: CalendarDate(validYear: 2025, month: 5, day: 5), end: CalendarDate(validYear: 2026, month: 5, day: 5), time: "16:00"),
      term: nil,
      groupDiscountPercent: Rational(reducedNumerator: 20, denominator: 1),
      installments: 1,
      payment: "一括払",
      security: nil,
      disclosures: [
        Disclosure(facilities: [.hospital], text: "保険料は、病床数および告知内容に基づいて算出します。"),
        Disclosure(facilities: [.kaigoIryoin, .roken], text: "保険料は、施設定員数および告知内容に基づいて算出します。"),
      ],
      multipleFacilities: .onRequest(reason: "同一法人の複数の医療施設・介護施設の保険金額を共有して引き受ける場合、年間保険料は表と異なります"),
      optionsOnRequest: "喪失利益、営業継続費用のオプション付き保険料は別途お問い合わせください",
      families: ["P": "情報漏えい限定プラン", "S": "オールリスクプラン"],
      coverageNames: [:],
      deductibles: Deductibles(liability: Yen(0), incidentResponse: Yen(0)),
      plans: [
        Plan(code: "S1", family: "S", limits: Limits(liability: Yen(10000000), incidentResponse: Yen(1000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S2", family: "S", limits: Limits(liability: Yen(30000000), incidentResponse: Yen(3000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S3", family: "S", limits: Limits(liability: Yen(50000000), incidentResponse: Yen(5000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S4", family: "S", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(10000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S5", family: "S", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(20000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P1", family: "P", limits: Limits(liability: Yen(10000000), incidentResponse: Yen(1000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P2", family: "P", limits: Limits(liability: Yen(30000000), incidentResponse: Yen(3000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P3", family: "P", limits: Limits(liability: Yen(50000000), incidentResponse: Yen(5000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P4", family: "P", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(10000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P5", family: "P", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(20000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S1000", family: "S", limits: Limits(liability: Yen(10000000), incidentResponse: Yen(10000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S3000", family: "S", limits: Limits(liability: Yen(30000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S5000", family: "S", limits: Limits(liability: Yen(50000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S10000", family: "S", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "S20000", family: "S", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P1000", family: "P", limits: Limits(liability: Yen(10000000), incidentResponse: Yen(10000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P3000", family: "P", limits: Limits(liability: Yen(30000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P5000", family: "P", limits: Limits(liability: Yen(50000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P10000", family: "P", limits: Limits(liability: Yen(100000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
        Plan(code: "P20000", family: "P", limits: Limits(liability: Yen(200000000), incidentResponse: Yen(30000000), lostProfit: nil, businessContinuation: nil)),
      ],
      options: [],
      tables: [
        RateTable(
          id: "clinic",
          title: "<1> 一般医院・診療所（有床・無床）の保険料",
          source: "10.",
          facilities: [.clinic],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .flat(.annual),
          columns: ["年間保険料(1施設あたり)"],
          rows: [
            RateRow(plan: "S1", values: [Yen(29380)]),
            RateRow(plan: "S2", values: [Yen(37430)]),
            RateRow(plan: "S3", values: [Yen(44610)]),
            RateRow(plan: "S4", values: [Yen(55880)]),
            RateRow(plan: "S5", values: [Yen(65530)]),
            RateRow(plan: "P1", values: [Yen(14400)]),
            RateRow(plan: "P2", values: [Yen(24000)]),
            RateRow(plan: "P3", values: [Yen(32000)]),
            RateRow(plan: "P4", values: [Yen(43200)]),
            RateRow(plan: "P5", values: [Yen(60800)]),
          ],
          limitOverrides: [:]
        ),
        RateTable(
          id: "clinic-1000",
          title: "<1> 一般医院・診療所（有床・無床）の保険料 事故対応特別費用UPプラン",
          source: "10. New!",
          facilities: [.clinic],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .flat(.annual),
          columns: ["年間保険料(1施設あたり)"],
          rows: [
            RateRow(plan: "S1000", values: [Yen(43440)]),
            RateRow(plan: "S3000", values: [Yen(59440)]),
            RateRow(plan: "S5000", values: [Yen(62210)]),
            RateRow(plan: "S10000", values: [Yen(66600)]),
            RateRow(plan: "S20000", values: [Yen(72650)]),
            RateRow(plan: "P1000", values: [Yen(33580)]),
            RateRow(plan: "P3000", values: [Yen(54980)]),
            RateRow(plan: "P5000", values: [Yen(57540)]),
            RateRow(plan: "P10000", values: [Yen(61600)]),
            RateRow(plan: "P20000", values: [Yen(67200)]),
          ],
          limitOverrides: [:]
        ),
        RateTable(
          id: "hospital",
          title: "<2> 病院の保険料（例）一般病床",
          source: "10.",
          facilities: [.hospital],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .examples(unit: .generalBeds, counts: [50, 100], model: ExampleModel(offset: 13)),
          columns: ["50床", "100床"],
          rows: [
            RateRow(plan: "S1", values: [Yen(57720), Yen(76220)]),
            RateRow(plan: "S2", values: [Yen(102960), Yen(135960)]),
            RateRow(plan: "S3", values: [Yen(142900), Yen(188700)]),
            RateRow(plan: "S4", values: [Yen(224330), Yen(296230)]),
            RateRow(plan: "S5", values: [Yen(307320), Yen(405820)]),
            RateRow(plan: "P1", values: [Yen(28080), Yen(37080)]),
            RateRow(plan: "P2", values: [Yen(67390), Yen(88990)]),
            RateRow(plan: "P3", values: [Yen(99530), Yen(131430)]),
            RateRow(plan: "P4", values: [Yen(155380), Yen(205180)]),
            RateRow(plan: "P5", values: [Yen(234310), Yen(309410)]),
          ],
          limitOverrides: [:]
        ),
        RateTable(
          id: "hospital-1000",
          title: "<2> 病院の保険料（例）一般病床 事故対応特別費用UPプラン",
          source: "10. New!",
          facilities: [.hospital],
          estimatedFacilities: [],
          estimateReason: nil,
          basis: .examples(unit: .generalBeds, counts: [50, 100], model: ExampleModel(offset: 13)),
          columns: ["50床", "100床"],
          rows: [
            RateRow(plan: "S1000", values: [Yen(174410), Yen(230310)]),
            RateRow(plan: "S3000", values: [Yen(294840), Yen(389340)]),
            RateRow(plan: "S5000", values: [Yen(373780), Yen(493580)]),
            RateRow(plan: "S10000", values: [Yen(497020), Yen(656320)]),
            RateRow(plan: "S20000", values: [Yen(669550), Yen(884150)]),
            RateRow(plan: "P1000", values: [Yen(120740), Yen(159440)]),
            RateRow(plan: "P3000", values: [Yen(209350), Yen(276450)]),
            RateRow(plan: "P5000", values: [Yen(283610), Yen(374510)]),
            RateRow(plan: "P10000", values: [Yen(376270), Yen(496870)]),
            RateRow(plan: "P20000", values: [Yen(505440), Yen(667440)]),
          ],
          limitOverrides: [
            "P10000": Limits(liability: Yen(100000000), incidentResponse: Yen(100000000), lostProfit: nil, businessContinuation: nil),
            "P20000": Limits(liability: Yen(200000000), incidentResponse: Yen(200000000), lostProfit: nil, businessContinuation: nil),
            "P5000": Limits(liability: Yen(50000000), incidentResponse: Yen(50000000), lostProfit: nil, businessContinuation: nil),
            "S10000": Limits(liability: Yen(100000000), incidentResponse: Yen(100000000), lostProfit: nil, businessContinuation: nil),
            "S20000": Limits(liability: Yen(200000000), incidentResponse: Yen(200000000), lostProfit: nil, businessContinuation: nil),
            "S5000": Limits(liability: Yen(50000000), incidentResponse: Yen(50000000), lostProfit: nil, businessContinuation: nil),
          ]
        ),
        RateTable(
          id: "roken",
          title: "<3> 介護老人保健施設の保険料（例）",
          source: "10.",
          facilities: [.roken],
          estimatedFacilities: [.kaigoIryoin],
          estimateReason: "介護医療院は介護老人保健施設と同じく定員数を基にした保険料体系です（6.）が、パンフレットの保険料例は介護老人保健施設のみです",
          basis: .examples(unit: .capacity, counts: [50, 100], model: ExampleModel(offset: 13)),
          columns: ["50人", "100人"],
          rows: [
            RateRow(plan: "S1", values: [Yen(27770), Yen(36670)]),
            RateRow(plan: "S2", values: [Yen(54600), Yen(72100)]),
            RateRow(plan: "S3", values: [Yen(78620), Yen(103820)]),
            RateRow(plan: "S4", values: [Yen(125420), Yen(165620)]),
            RateRow(plan: "S5", values: [Yen(173780), Yen(229480)]),
            RateRow(plan: "P1", values: [Yen(17780), Yen(23480)]),
            RateRow(plan: "P2", values: [Yen(42740), Yen(56440)]),
            RateRow(plan: "P3", values: [Yen(62710), Yen(82810)]),
            RateRow(plan: "P4", values: [Yen(97970), Yen(129370)]),
            RateRow(plan: "P5", values: [Yen(147890), Yen(195290)]),
          ],
          limitOverrides: [:]
        ),
        RateTable(
          id: "roken-1000",
          title: "<3> 介護老人保健施設の保険料（例）費用同額プラン",
          source: "10. New!",
          facilities: [.roken],
          estimatedFacilities: [.kaigoIryoin],
          estimateReason: "介護医療院は介護老人保健施設と同じく定員数を基にした保険料体系です（6.）が、パンフレットの保険料例は介護老人保健施設のみです",
          basis: .examples(unit: .capacity, counts: [50, 100], model: ExampleModel(offset: 13)),
          columns: ["50人", "100人"],
          rows: [
            RateRow(plan: "S1000", values: [Yen(97660), Yen(128960)]),
            RateRow(plan: "S3000", values: [Yen(161930), Yen(213830)]),
            RateRow(plan: "S5000", values: [Yen(205610), Yen(271510)]),
            RateRow(plan: "S10000", values: [Yen(273310), Yen(360910)]),
            RateRow(plan: "S20000", values: [Yen(368160), Yen(486160)]),
            RateRow(plan: "P1000", values: [Yen(76130), Yen(100530)]),
            RateRow(plan: "P3000", values: [Yen(132290), Yen(174690)]),
            RateRow(plan: "P5000", values: [Yen(177840), Yen(234840)]),
            RateRow(plan: "P10000", values: [Yen(237120), Yen(313120)]),
            RateRow(plan: "P20000", values: [Yen(321360), Yen(424360)]),
          ],
          limitOverrides: [
            "P10000": Limits(liability: Yen(100000000), incidentResponse: Yen(100000000), lostProfit: nil, businessContinuation: nil),
            "P20000": Limits(liability: Yen(200000000), incidentResponse: Yen(200000000), lostProfit: nil, businessContinuation: nil),
            "P5000": Limits(liability: Yen(50000000), incidentResponse: Yen(50000000), lostProfit: nil, businessContinuation: nil),
            "S10000": Limits(liability: Yen(100000000), incidentResponse: Yen(100000000), lostProfit: nil, businessContinuation: nil),
            "S20000": Limits(liability: Yen(200000000), incidentResponse: Yen(200000000), lostProfit: nil, businessContinuation: nil),
            "S5000": Limits(liability: Yen(50000000), incidentResponse: Yen(50000000), lostProfit: nil, businessContinuation: nil),
          ]
        ),
      ],
      notOffered: [
        AvailabilityRule(facilities: [], plans: ["P1", "P2", "P3", "P4", "P5", "P1000", "P3000", "P5000", "P10000", "P20000"], withOption: true, reason: "情報漏えい限定プランには、利益損害(オプション)、営業継続費用(オプション)のセットはできません。", source: "003 10.(注2)"),
      ],
      onRequest: [
        AvailabilityRule(facilities: [.dental], plans: [], withOption: false, reason: "歯科医院・診療所の保険料はパンフレットに記載がありません", source: "003「一般医院・診療所および歯科医院・診療所は、それぞれ一律の保険料体系となります」（歯科の保険料表は掲載なし）"),
      ],
      notes: [
        ProgramNote("保険料は団体割引20%、一括払の場合です。"),
        ProgramNote("病院・介護老人保健施設の保険料は病床数・定員数および告知内容に基づいて算出され、パンフレットには50床(人)・100床(人)の例のみ記載されています。", facilities: [.hospital, .kaigoIryoin, .roken]),
        ProgramNote("事故対応特別費用の保険金額3000万円超のプラン（診療所）は別途お問い合わせください。", facilities: [.clinic]),
      ],
      conditions: Conditions(
        aggregateCap: SourcedText(text: "1加入者ごとに、保険期間中に①、②でお支払いする保険金の合計額は、①の保険金額(総保険金額)を限度とします。", source: "003 10. ※"),
        deadlines: [
          "申込締切日 2025年3月14日(金)まで",
        ],
        midTermJoining: MidTermJoining(receivedByDay: 15, startDay: 5, text: "保険期間の中途でのご加入は、毎月、受付をしています。その場合の保険期間は、毎月15日までの受付分は、受付日の翌月5日(15日過ぎの受付分は翌々月5日)から2026年5月5日午後4時までとなります。", source: "003 ■中途加入"),
        contacts: [
          "【取扱代理店】株式会社ケンイ 〒812-0016 福岡市博多区博多駅南2-9-30 福岡県医師会館3F TEL 092-431-4847 受付時間 平日: 午前9時から午後5時まで",
          "【引受保険会社】損害保険ジャパン株式会社 福岡支店営業第一課 〒812-8668 福岡市博多区博多駅前2-5-17 TEL 050-3808-4966 受付時間 平日: 午前9時から午後5時まで",
        ])
    )
  }

  /// 一般財団法人 医療関連サービス振興会 医療関連サービスマーク認定事業者向け サイバー保険 (004_fe4bbad67cbe0973.txt)
  static func jhef() -> Program {
    Program(
      id: "jhef",
      name: "医療関連サービスマーク認定事業者向け サイバー保険",
      policyholder: "一般財団法人 医療関連サービス振興会",
      agent: "損保ジャパンパートナーズ株式会社",
      insurer: "損害保険ジャパン株式会社",
      eligibility: "医療関連サービスマーク認定事業者",
      eligibilitySource: "004「【医療関連サービスマーク認定事業者】向けのサイバー保険」",
      eligibleFacilities: [.serviceBusiness],
      source: "004_fe4bbad67cbe0973.txt",
      period: Period(start: CalendarDate(validYear: 2025, month: 10, day: 1), end: CalendarDate(validYear: 2026, month: 10, day: 1), time: "16:00"),
      term: nil,
      groupDiscountPercent: nil,
      installments: 1,
      payment: nil,
      security: nil,
      disclosures: [],
      multipleFacilities: .separateContracts,
      optionsOnRequest: nil,
      families: [:],
      coverageNames: [:],
      deductibles: Deductibles(),
      plans: [],
      options: [],
      tables: [],
      notOffered: [],
      onRequest: [
        AvailabilityRule(facilities: [], plans: [], withOption: false, reason: "お見積りシートによる個別見積りです（パンフレットに保険料の記載はありません）", source: "004 お見積りシート"),
      ],
      notes: [],
      conditions: Conditions(
        aggregateCap: nil,
        deadlines: [
          "お見積りシート期限：2025年9月1日（月）",
          "加入依頼書郵送・保険料入金期限：2025年9月16日（火）",
        ],
        midTermJoining: nil,
        contacts: [
          "●お問い合わせ先（取扱代理店）損保ジャパンパートナーズ株式会社 カスタマーサポート第一部 〒160-0023 東京都新宿区西新宿 6-24-1 西新宿三井ビルディング 16階 （電話）03-6837-8851 ／（FAX）03-5989-0601",
          "（引受保険会社）損害保険ジャパン株式会社 医療・福祉開発部第二課",
        ])
    )
  }
}
