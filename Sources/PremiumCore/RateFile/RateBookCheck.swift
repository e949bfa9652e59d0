/// `rates check`: everything ``RateFileDecoder`` enforces within one file, plus the rules that
/// need several files at once (one program id may appear in several files only for contract
/// periods that do not overlap, so that a date always picks one version) and warnings for what
/// typing gets wrong but a brochure may print (``RateBookCheck/Warning``).
///
/// A book whose figures are exactly what the brochure prints is never an error: insurers round
/// each printed example on its own, so a row that does not fit its table's `model_offset` is a
/// warning, and quotes use the line through the row's own two figures.
///
/// Each file reports its first structural error; the cross-file rules run on the files that decode.
package enum RateBookCheck {
  /// A rate file's name as given and its text.
  package struct Source: Sendable {
    package let file: String
    package let text: String

    package init(file: String, text: String) {
      self.file = file
      self.text = text
    }
  }

  package struct Result: Sendable {
    /// The programs that passed every rule, with their file, in input order.
    package var programs: [(file: String, program: Program)] = []
    /// In input order; empty when every file is clean.
    package var errors: [RateFileError] = []
    /// In input order: figures and dates to look at again; they do not make a file fail unless
    /// the caller is strict.
    package var warnings: [Warning] = []
  }

  /// Something a brochure may print but typing more often gets wrong: the file, line and JSON
  /// path, with the table and plan it concerns.
  package struct Warning: Sendable, Hashable, CustomStringConvertible {
    package let file: String
    package let line: Int
    package let path: String
    /// The table's id, when the warning concerns one.
    package let table: String?
    /// The plan's code, when the warning concerns one.
    package let plan: String?
    package let message: String
    /// The message in Japanese, for a Japanese run (nil: the English one serves both).
    package let japanese: String?

    package init(file: String, line: Int, path: String, table: String? = nil, plan: String? = nil, message: String, japanese: String? = nil) {
      self.file = file
      self.line = line
      self.path = path
      self.table = table
      self.plan = plan
      self.message = message
      self.japanese = japanese
    }

    /// `next.json:67: tables[0].rows[3][1]: warning: table clinic, plan P4: …`.
    package var description: String { description(.en) }

    /// ``description`` in the run's language: `…: 警告: 表 clinic、プラン P4: …`.
    package func description(_ l: Language) -> String {
      let subject = [table.map { l.pick("表 \($0)", "table \($0)") }, plan.map { l.pick("プラン \($0)", "plan \($0)") }].compactMap { $0 }
        .joined(separator: l.pick("、", ", "))
      return "\(file):\(line): " + (path.isEmpty ? "" : "\(path): ") + l.pick("警告: ", "warning: ") + (subject.isEmpty ? "" : subject + ": ")
        + l.pick(japanese ?? message, message)
    }
  }

  /// Checks `sources`, and with `catalog`, their periods against the versions already there: the
  /// same period replaces a version, an overlapping one is an error. Without `warnings`, only
  /// errors are looked for: rate files loaded to price with.
  package static func check(_ sources: [Source], beside catalog: Catalog? = nil, previous: [Program] = [], warnings: Bool = true) -> Result {
    var result = Result()
    var decoded: [(file: String, program: Program, root: JSONNode)] = []
    // Each id's books among `decoded`: a directory of thousands of files is checked in time
    // linear in their number.
    var byID: [String: [Int]] = [:]
    for source in sources {
      do throws(RateFileError) {
        let root: JSONNode
        do {
          root = try JSONParser.parse(source.text)
        } catch {
          throw RateFileError(file: source.file, line: error.line, path: "", message: error.message, japanese: "JSON として読めません（\(error.message)）")
        }
        let program = try RateFileDecoder.decode(root, file: source.file)
        let located = Locator(file: source.file, root: root)
        if warnings {
          result.warnings +=
            exampleMismatches(program, at: located)
            + RateBookSanity.warnings(program, at: located)
            + (previous.first { $0.id == program.id }.map {
              RateBookSanity.movesFromPrevious(program, previous: $0, at: located) + sequence(program, after: $0, file: "--previous", at: located)
            } ?? [])
        }
        var problems = periodClashes(program, root: root, file: source.file, earlier: (byID[program.id] ?? []).map { decoded[$0] })
        if let catalog { problems += try replacementClashes(program, root: root, file: source.file, catalog: catalog) }
        byID[program.id, default: []].append(decoded.count)
        decoded.append((source.file, program, root))
        if problems.isEmpty { result.programs.append((source.file, program)) } else { result.errors += problems }
      } catch {
        result.errors.append(error)
      }
    }
    if warnings { result.warnings += gaps(decoded) }
    return result
  }

  // MARK: - Consecutive years

  /// Between consecutive dated versions of one program among the files: a gap, in which quotes
  /// would price with the ended year. (An overlap is an error, ``periodClashes``.)
  static func gaps(_ decoded: [(file: String, program: Program, root: JSONNode)]) -> [Warning] {
    var out: [Warning] = []
    let dated = decoded.compactMap { d in d.program.period.map { (d.file, d.program, d.root, start: $0.start) } }
    for (_, versions) in Dictionary(grouping: dated, by: \.1.id) {
      let sorted = versions.sorted { $0.start < $1.start }.map { (file: $0.0, program: $0.1, root: $0.2) }
      for (earlier, later) in zip(sorted, sorted.dropFirst()) {
        out += sequence(later.program, after: earlier.program, file: earlier.file, at: Locator(file: later.file, root: later.root))
      }
    }
    return out.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
  }

  /// `program` as the year after `previous` (from `file`): a gap between their periods, or an
  /// overlap, is a warning on `program`'s period.
  static func sequence(_ program: Program, after previous: Program, file: String, at located: Locator) -> [Warning] {
    guard let mine = program.period, let theirs = previous.period, mine != theirs, theirs.start <= mine.start else { return [] }
    if mine.start > theirs.end {
      return [
        located.warning(
          "period",
          "a gap from \(theirs.end) (the end of \(previous.source) in \(file)) to \(mine.start): quotes dated in between price with the ended year; check both brochures' dates",
          ja: "\(theirs.end.japanese)（\(file) の \(previous.source) の終わり）から \(mine.start.japanese) まで空きがあります。その間の日付の見積りは終わった年度の料率になります。両方のパンフレットの日付を確認してください"
        )
      ]
    }
    if mine.start < theirs.end {
      return [
        located.warning(
          "period", "\(mine.iso) overlaps \(theirs.iso) (\(previous.source) in \(file)); consecutive years share at most their boundary day",
          ja: "\(mine.japanese) が \(theirs.japanese)（\(file) の \(previous.source)）と重なっています。続く年度が共有できるのは境の日だけです")
      ]
    }
    return []
  }

  // MARK: - Printed examples against their model

  /// Every printed figure of an `examples` table, recomputed from the slope between the row's two
  /// figures: a row whose figures round(u × (modified count + offset)) does not give back is out
  /// of line with the table's other rows (or mistyped), and is named.
  static func exampleMismatches(_ program: Program, at located: Locator) -> [Warning] {
    var warnings: [Warning] = []
    for (t, table) in program.tables.enumerated() {
      guard case .examples(_, let counts, let model) = table.basis, counts.count == 2 else { continue }
      for (r, row) in table.rows.enumerated() where row.values.count == counts.count {
        for (k, count) in counts.enumerated() {
          let path = "tables[\(t)].rows[\(r)][\(k + 1)]"
          let fitted: Yen
          do {
            fitted = try fittedPremium(at: count, counts: counts, printed: row.values, offset: model.offset)
          } catch {
            warnings.append(
              located.warning(path, table: table.id, plan: row.plan, "the printed figures are too large to fit a model to", ja: "掲載保険料が大きすぎてモデルに当てはめられません"))
            continue
          }
          guard fitted != row.values[k] else { continue }
          warnings.append(
            located.warning(
              path, table: table.id, plan: row.plan,
              "printed \(YenFormat.grouped(row.values[k].amount)) yen at \(count) is not reproduced by the table's model"
                + " u × (modified count + \(model.offset)), which gives \(YenFormat.grouped(fitted.amount)) yen;"
                + " quotes use the line through this row's own two figures; check them against the brochure",
              ja: "\(count) での掲載 \(YenFormat.grouped(row.values[k].amount))円は表のモデル u ×（修正病床数 + \(model.offset)）の \(YenFormat.grouped(fitted.amount))円と一致しません。"
                + "見積りはこの行の2つの掲載額を通る直線で計算します。パンフレットで確認してください"))
        }
      }
    }
    return warnings
  }

  /// The model of ``ExampleModel`` at `count`, rounded half up to 10 yen.
  static func fittedPremium(at count: Int, counts: [Int], printed: [Yen], offset: Int) throws(ArithmeticError) -> Yen {
    let slope = try PrintedPoint.slope(from: PrintedPoint(count: counts[0], premium: printed[0]), to: PrintedPoint(count: counts[1], premium: printed[1]))
    return try slope.multiplied(by: ModifiedCount.of(count).adding(Rational(offset))).rounded(.halfUpToTenYen)
  }

  // MARK: - One id, several periods

  static func periodClashes(
    _ program: Program, root: JSONNode, file: String, earlier: [(file: String, program: Program, root: JSONNode)]
  ) -> [RateFileError] {
    earlier.filter { $0.program.id == program.id }.compactMap { other in
      let at = program.period == nil ? "id" : "period"
      let fail = { (message: String, japanese: String) in RateFileError(file: file, line: line(root, at), path: at, message: message, japanese: japanese) }
      // One undated version may stand before the dated ones (a brochure without dates, then one
      // with them); two undated versions leave no day to choose between them.
      guard let mine = program.period, let theirs = other.program.period else {
        guard program.period == nil, other.program.period == nil else { return nil }
        // Undated editions stand side by side by the days they are used from.
        switch (program.edition?.issued, other.program.edition?.issued) {
        case (let a?, let b?) where a != b: return nil
        case (_?, nil), (nil, _?): return nil
        default: break
        }
        return fail(
          "program '\(program.id)' is also defined in \(other.file) without a period and as the same edition; a date picks one version only by its period or, for a brochure without dates, its edition (give the new book an \"edition\" with the day it is used from, or replace that file)",
          "制度 '\(program.id)' は \(other.file) にも保険期間なし・同じ版で定義されています。日付で版を選べるのは保険期間か、日付のないパンフレットでは版（edition）によります"
            + "（新しい料率に使い始める日の \"edition\" を付けるか、そのファイルを置き換えてください）"
        )
      }
      // Consecutive contract years share their boundary day (16:00 on 11/1), so touching is allowed.
      guard mine.start < theirs.end, theirs.start < mine.end else { return nil }
      return fail(
        "program '\(program.id)' \(mine.iso) overlaps \(theirs.iso) in \(other.file); expected periods that do not overlap, so that a date picks one version",
        "制度 '\(program.id)' の \(mine.japanese) が \(other.file) の \(theirs.japanese) と重なっています。日付で1つの版を選べるよう、重ならない保険期間にしてください")
    }
  }

  static func replacementClashes(_ program: Program, root: JSONNode, file: String, catalog: Catalog) throws(RateFileError) -> [RateFileError] {
    var periods: [(origin: String, period: Period?)] = []
    var same = false
    for version in catalog.entries where version.id == program.id {
      let loaded = try version.load()
      periods.append((version.origin, loaded.period))
      same = same || loaded.isSameVersion(as: program)
    }
    guard !same else { return [] }
    return periods.compactMap { other in
      // An undated version beside a dated one starts before it (two undated ones were replaced above).
      guard let mine = program.period, let theirs = other.period else { return nil }
      guard mine.start < theirs.end, theirs.start < mine.end else { return nil }
      return RateFileError(
        file: file, line: line(root, "period"), path: "period",
        message: "program '\(program.id)' \(mine.iso) overlaps \(theirs.iso) of \(other.origin);"
          + " expected the same period, to replace it, or one that does not overlap",
        japanese: "制度 '\(program.id)' の \(mine.japanese) が \(other.origin) の \(theirs.japanese) と重なっています。置き換えるなら同じ保険期間、並べるなら重ならない保険期間にしてください")
    }
  }

  // MARK: - Locating a path

  /// A decoded file's name and tree, to point a warning at the line of a JSON path.
  struct Locator {
    let file: String
    let root: JSONNode

    func warning(_ path: String, table: String? = nil, plan: String? = nil, _ message: String, ja japanese: String? = nil) -> Warning {
      Warning(file: file, line: RateBookCheck.line(root, path), path: path, table: table, plan: plan, message: message, japanese: japanese)
    }
  }

  /// The line of the value at `path` (`tables[2].rows[3][1]`), or of the nearest ancestor found.
  static func line(_ root: JSONNode, _ path: String) -> Int {
    var node = root
    for step in steps(path) {
      switch (step, node.value) {
      case (.key(let key), .object(let members)):
        guard let member = members.first(where: { $0.key == key }) else { return node.line }
        node = member.value
      case (.index(let i), .array(let elements)):
        guard elements.indices.contains(i) else { return node.line }
        node = elements[i]
      default:
        return node.line
      }
    }
    return node.line
  }

  private enum Step {
    case key(String)
    case index(Int)
  }

  private static func steps(_ path: String) -> [Step] {
    path.split(separator: ".").flatMap { part -> [Step] in
      let pieces = part.split(separator: "[", omittingEmptySubsequences: false)
      let key = pieces.first.map { [Step.key(String($0))] } ?? []
      return key.filter { if case .key("") = $0 { false } else { true } }
        + pieces.dropFirst().compactMap { Int($0.dropLast()).map(Step.index) }
    }
  }
}
