/// The rate tables of a rate file: their ids, facilities, basis, columns and rows.
extension Decoding {
  func tables(_ node: JSONNode, plans: [String]) throws(RateFileError) -> [RateTable] {
    var tables: [RateTable] = []
    var ids: Set<String> = []
    // Which table prices each plan for each facility so far: a clash is found by lookup, so a
    // book of thousands of tables decodes in time linear in its size.
    var pricedBy: [FacilityKind: [String: String]] = [:]
    let planSet = Set(plans)
    for (i, element) in try array(node, "tables").enumerated() {
      let table = try self.table(element, "tables[\(i)]", plans: plans, known: planSet)
      guard ids.insert(table.id).inserted else {
        throw fail(element, "tables[\(i)].id", "table id '\(table.id)' appears twice", ja: "表の id '\(table.id)' が2回あります")
      }
      for facility in table.facilities + table.estimatedFacilities + table.readFacilities {
        var priced = pricedBy[facility] ?? [:]
        for row in table.rows {
          if let other = priced[row.plan], other != table.id {
            throw fail(
              element, "tables[\(i)]", "plan '\(row.plan)' for \(facility.rawValue) is also priced by table '\(other)'",
              ja: "\(facility.rawValue) のプラン '\(row.plan)' は表 '\(other)' でも保険料が決まっています（1つの施設区分のプランは1つの表で）")
          }
          priced[row.plan] = table.id
        }
        pricedBy[facility] = priced
      }
      tables.append(table)
    }
    return tables
  }

  /// One table; `known` is `plans` as a set, made once for every table of the book.
  func table(_ node: JSONNode, _ path: String, plans: [String], known: Set<String>) throws(RateFileError) -> RateTable {
    var o = try object(node, path)
    let basis = try self.basis(o.required("basis"), path + ".basis")
    let width: Int
    switch basis {
    case .perBed: width = 2
    case .perCapacity, .flat: width = 1
    case .examples(_, let counts, _): width = counts.count
    }
    let columns = try array(o.required("columns"), path + ".columns")
    guard columns.count == width else {
      throw fail(
        try o.required("columns"), path + ".columns", "expected \(width) column name(s) for this basis, got \(columns.count)",
        ja: "この basis の列名は \(width) 個のはずですが \(columns.count) 個です")
    }
    var columnNames: [String] = []
    for (i, column) in columns.enumerated() { columnNames.append(try string(column, path + ".columns[\(i)]")) }

    var rows: [RateRow] = []
    // Sets, so that a book of thousands of plans is read in linear time.
    var rowPlans: Set<String> = []
    for (i, rowNode) in try array(o.required("rows"), path + ".rows").enumerated() {
      let rowPath = path + ".rows[\(i)]"
      let cells = try array(rowNode, rowPath)
      guard cells.count == width + 1 else {
        throw fail(rowNode, rowPath, "expected [plan, \(width) figure(s)], got \(cells.count) cell(s)", ja: "[プラン, 保険料 \(width) 個] のはずですが \(cells.count) 個です")
      }
      let plan = try string(cells[0], rowPath + "[0]")
      guard known.contains(plan) else {
        throw fail(cells[0], rowPath + "[0]", "unknown plan '\(plan)'; plans: \(Self.listed(plans))", ja: "プラン '\(plan)' がありません。プラン: \(Self.listed(plans))")
      }
      guard rowPlans.insert(plan).inserted else { throw fail(rowNode, rowPath, "plan '\(plan)' appears twice in this table", ja: "プラン '\(plan)' がこの表に2回あります") }
      var values: [Yen] = []
      for (j, cell) in cells.dropFirst().enumerated() {
        values.append(Yen(try integer(cell, rowPath + "[\(j + 1)]", in: 1...Int64.max, what: "a positive whole number of yen", whatJA: "正の整数の円")))
      }
      // A premium that falls as the count rises prices larger facilities below smaller ones and,
      // on the line through the two figures, below 0 yen at some count.
      if case .examples(_, let counts, _) = basis, let k = values.indices.dropFirst().first(where: { values[$0] < values[$0 - 1] }) {
        throw fail(
          cells[k + 1], rowPath + "[\(k + 1)]",
          "plan '\(plan)': \(YenFormat.grouped(values[k].amount)) yen at \(counts[k]) is less than \(YenFormat.grouped(values[k - 1].amount)) yen at \(counts[k - 1]);"
            + " a premium cannot fall as the count rises (are the columns swapped?)",
          ja:
            "プラン '\(plan)': \(counts[k]) での \(YenFormat.grouped(values[k].amount))円が \(counts[k - 1]) での \(YenFormat.grouped(values[k - 1].amount))円より低くなっています。"
            + "数が増えて保険料が下がることはありません（列が入れ替わっていませんか）")
      }
      rows.append(RateRow(plan: plan, values: values))
    }

    var overrides: [String: Limits] = [:]
    if let limitsNode = o.optional("limits") {
      for (plan, value) in try members(limitsNode, path + ".limits") {
        guard rowPlans.contains(plan) else {
          throw fail(value, path + ".limits." + plan, "plan '\(plan)' has no row in this table", ja: "プラン '\(plan)' はこの表に行がありません")
        }
        overrides[plan] = try limits(value, path + ".limits." + plan)
      }
    }
    let estimated = try o.optional("estimated_facilities").map { n throws(RateFileError) in try facilities(n, path + ".estimated_facilities") } ?? []
    let estimateReason = try o.optional("estimate_reason").map { n throws(RateFileError) in try string(n, path + ".estimate_reason") }
    guard estimated.isEmpty || estimateReason != nil else {
      throw fail(node, path, "estimated_facilities needs an estimate_reason", ja: "estimated_facilities には estimate_reason が必要です")
    }
    let read = try o.optional("read_facilities").map { n throws(RateFileError) in try facilities(n, path + ".read_facilities") } ?? []
    let reading = try o.optional("reading").map { n throws(RateFileError) in try sourced(n, path + ".reading") }
    guard read.isEmpty || reading != nil else {
      throw fail(
        node, path, "read_facilities needs a reading: the brochure's words that include them, and their line",
        ja: "read_facilities には reading（それを含むパンフレットの文言と出典）が必要です")
    }
    let table = RateTable(
      id: try string(o.required("id"), path + ".id"),
      title: try string(o.required("title"), path + ".title"),
      source: try string(o.required("source"), path + ".source"),
      facilities: try facilities(o.required("facilities"), path + ".facilities"),
      estimatedFacilities: estimated, estimateReason: estimateReason, readFacilities: read, reading: reading,
      basis: basis, columns: columnNames, rows: rows, limitOverrides: overrides)
    try o.finish()
    return table
  }

  func basis(_ node: JSONNode, _ path: String) throws(RateFileError) -> TableBasis {
    let expected = "\"per-bed\", \"per-capacity\", \"flat\", {\"flat\": \"annual\" | \"installment\"} or {\"examples\": {...}}"
    if case .string(let name) = node.value {
      switch name {
      case "per-bed": return .perBed
      case "per-capacity": return .perCapacity
      case "flat": return .flat(.annual)
      default: throw fail(node, path, "expected \(expected), got '\(name)'", ja: "\(expected) のはずですが '\(name)' です")
      }
    }
    var o = try object(node, path)
    if let flat = o.optional("flat") {
      let printed = try string(flat, path + ".flat")
      guard let amount = PrintedAmount(rawValue: printed) else {
        throw fail(flat, path + ".flat", "expected \"annual\" or \"installment\", got '\(printed)'", ja: "\"annual\" か \"installment\" のはずですが '\(printed)' です")
      }
      try o.finish()
      return .flat(amount)
    }
    guard let examples = o.optional("examples") else { throw fail(node, path, "expected \(expected)", ja: "\(expected) のはずです") }
    try o.finish()
    var e = try object(examples, path + ".examples")
    let unitName = try string(e.required("unit"), path + ".examples.unit")
    guard let unit = CountKind(rawValue: unitName), unit != .otherBeds else {
      throw fail(
        try e.required("unit"), path + ".examples.unit", "expected \"general_beds\" or \"capacity\", got '\(unitName)'",
        ja: "\"general_beds\" か \"capacity\" のはずですが '\(unitName)' です")
    }
    let countsNode = try e.required("counts")
    let counts = try array(countsNode, path + ".examples.counts").enumerated().map { i, n throws(RateFileError) in
      Int(try integer(n, path + ".examples.counts[\(i)]", in: 1...Int64(InputRange.count.upperBound)))
    }
    guard counts.count == 2, counts[0] < counts[1] else {
      throw fail(countsNode, path + ".examples.counts", "expected two increasing counts, got \(counts)", ja: "増えていく2つの数のはずですが \(counts) です")
    }
    let offset = try integer(e.required("model_offset"), path + ".examples.model_offset", in: 0...10_000)
    try e.finish()
    return .examples(unit: unit, counts: counts, model: ExampleModel(offset: Int(offset)))
  }
}
