import Foundation
import TestSupport
import Testing

@testable import PremiumCore

/// `Sources/PremiumCore/Catalog/BuiltinRateBooks.swift` is generated from `rates/*.json`: each
/// rate file is decoded (and so validated) here and written out as Swift constructors, so that
/// the binary does no parsing at start-up. This test fails when the committed file is stale;
/// `CYBERQUOTE_REGENERATE=1 swift test --filter BuiltinRateBooksTests` rewrites it (and still
/// fails once, so that every regeneration is seen).
@Suite struct BuiltinRateBooksTests {
  @Test func generatedSourceMatchesRatesDirectory() throws {
    try GeneratedSource.verify(
      SwiftRateBookEmitter.file(try RatesDirectory.programs()),
      at: "Sources/PremiumCore/Catalog/BuiltinRateBooks.swift", regenerate: "BuiltinRateBooksTests")
  }

  /// The compiled-in programs are exactly what the rate files decode to.
  @Test func builtInProgramsEqualTheDecodedRateFiles() throws {
    let decoded = try RatesDirectory.programs()
    #expect(Catalog.builtIn.entries.map(\.origin) == decoded.map { "rates/" + $0.file })
    for (entry, (_, program)) in zip(Catalog.builtIn.entries, decoded) {
      #expect(entry.id == program.id)
      #expect(try entry.load() == program)
    }
  }

  /// The tests' pinned copies of this year's books (`Tests/Brochures/rates/`) are the books of
  /// `rates/` read from the same brochure, byte for byte: a corrected figure goes into both. A
  /// later year beside them, or an undated book's next edition in its place, leaves the pinned
  /// ones as they are.
  @Test func pinnedBooksAreRatesBooksOfTheSameBrochure() throws {
    let rates = try RatesDirectory.programs()
    for id in BrochureYear.ids {
      let pinned = try BrochureYear.books.program(id)
      guard let (file, _) = rates.first(where: { $0.program.id == id && $0.program.source == pinned.source }) else { continue }
      #expect(
        BrochureYear.bookText(id) == (try RatesDirectory.text(String(file.dropLast(".json".count)))),
        "\(id): Tests/Brochures/rates/\(id).json differs from rates/\(file)")
    }
  }
}

/// The rate files in `rates/`. A built-in program keeps one file per contract period, so that
/// next year's book is added beside this year's and `--date` picks between them:
/// `<id>.json` holds the earliest version kept, `<id>@<start>.json` each later one, named by the
/// first day of its period (`fukuoka-ishikai@2026-05-05.json`). Only the first may be undated.
enum RatesDirectory {
  static let url = PackageRoot.url.appendingPathComponent("rates")

  struct NamingError: Error, CustomStringConvertible {
    let description: String
  }

  /// The text of `rates/<name>.json`: `fukuoka-ishikai`, or `fukuoka-ishikai@2026-05-05`.
  static func text(_ name: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(name + ".json"), encoding: .utf8)
  }

  /// Every rate file, decoded, in listing order: programs by id (an order no renewal changes,
  /// as a brochure's file name would when an undated book is replaced), each program's versions by
  /// start, undated first.
  static func programs() throws -> [(file: String, program: Program)] {
    let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
    let decoded = try names.map { name in
      let program = try RateFileDecoder.decode(try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8), file: "rates/" + name)
      try checkName(name, of: program)
      return (file: name, program: program)
    }
    let byID = Dictionary(grouping: decoded, by: \.program.id).mapValues { versions in
      versions.sorted { startKey($0.program) < startKey($1.program) }
    }
    for versions in byID.values where versions.count > 1 && versions.dropFirst().contains(where: { !$0.file.contains("@") }) {
      throw NamingError(
        description:
          "rates/\(versions[0].file): the earliest version of '\(versions[0].program.id)' must be the file without a date, rates/\(versions[0].program.id).json"
      )
    }
    return byID.values.sorted { $0[0].program.id < $1[0].program.id }.flatMap { $0 }
  }

  /// `<id>.json`, or `<id>@<period start>.json` for a dated later version.
  static func checkName(_ name: String, of program: Program) throws {
    if name == program.id + ".json" { return }
    guard let start = program.versionStart else {
      throw NamingError(description: "rates/\(name): a book without a period or an edition must be named \(program.id).json")
    }
    let expected = "\(program.id)@\(start).json"
    guard name == expected else {
      throw NamingError(description: "rates/\(name): expected \(program.id).json or \(expected) (the program's id and the first day of its period)")
    }
  }

  static func startKey(_ program: Program) -> String { program.versionStart.map { "\($0)" } ?? "" }
}

/// Writes programs as Swift source. Every literal is typed so that the compiler need not infer.
enum SwiftRateBookEmitter {
  static func file(_ programs: [(file: String, program: Program)]) -> String {
    var out = """
      // Generated from rates/*.json by Tests/PremiumCoreTests/Catalog/BuiltinRateBooksTests.swift.
      // Do not edit: change the rate file, then run
      //   CYBERQUOTE_REGENERATE=1 swift test --filter BuiltinRateBooksTests

      /// The rate books in `rates/`, compiled in; each is built only when a command asks for it.
      enum BuiltinRateBooks {
        static let entries: [Catalog.Entry] = [

      """
    for (file, program) in programs {
      out += "    Catalog.Entry(id: \(string(program.id)), origin: \(string("rates/" + file)), load: \(functionName(file))),\n"
    }
    out += "  ]\n"
    for (file, program) in programs {
      out += "\n  /// \(program.policyholder) \(program.name) (\(program.source))\n"
      out += "  static func \(functionName(file))() -> Program {\n    Program(\n"
      out += fields(
        [
          ("id", string(program.id)), ("name", string(program.name)), ("policyholder", string(program.policyholder)),
          ("policyholderPrinted", "\(program.policyholderPrinted)"),
          ("agent", optional(program.agent, string)), ("insurer", string(program.insurer)), ("insurerNote", optional(program.insurerNote, string)),
          ("rounding", optional(program.rounding) { "SourcedText(text: \(string($0.text)), source: \(string($0.source)))" }),
          ("eligibility", "[" + program.eligibilityParts.map(string).joined(separator: ", ") + "]"),
          ("eligibilitySource", optional(program.eligibilitySource, string)),
          ("eligibleFacilities", facilities(program.eligibleFacilities)), ("source", string(program.source)),
          ("period", optional(program.period, period)), ("term", optional(program.term, string)),
          (
            "edition",
            optional(program.edition) {
              "Edition(issued: CalendarDate(year: \($0.issued.year), month: \($0.issued.month), day: \($0.issued.day))!, text: \(optional($0.text, string)), source: \(optional($0.source, string)))"
            }
          ),
          ("groupDiscountPercent", optional(program.groupDiscountPercent, rational)),
          ("installments", "\(program.installments)"), ("payment", optional(program.payment, string)),
          ("security", optional(program.security, security)), ("disclosures", list(program.disclosures.map(disclosure), indent: 6)),
          ("multipleFacilities", multiple(program.multipleFacilities)),
          ("optionsOnRequest", optional(program.optionsOnRequest, string)),
          ("families", dictionary(program.families.sorted { $0.key < $1.key }.map { (string($0.key), string($0.value)) })),
          (
            "cover",
            dictionary(
              program.cover.sorted { $0.key < $1.key }.map { family, c in
                let flags = zip(["cyberAttack", "informationLeak", "digitalContent", "otherITAccident", "ransom", "sharedCap"], c.fields)
                  .compactMap { name, field in field.value.map { "\(name): \($0)" } }
                return (string(family), "FamilyCover(" + (flags + ["source: \(string(c.source))"]).joined(separator: ", ") + ")")
              })
          ),
          (
            "familyNotes",
            dictionary(
              program.familyNotes.sorted { $0.key < $1.key }.map {
                (string($0.key), "SourcedText(text: \(string($0.value.text)), source: \(string($0.value.source)))")
              })
          ),
          ("coverageNames", dictionary(sortedCoverages(program.coverageNames).map { (".\(caseName($0.key))", string($0.value)) })),
          (
            "deductibles",
            "Deductibles(" + Coverage.allCases.compactMap { c in program.deductibles.stated(c).map { "\(caseName(c)): \(yen($0))" } }.joined(separator: ", ")
              + ")"
          ),
          ("plans", list(program.plans.map(plan), indent: 6)),
          ("options", list(program.options.map(option), indent: 6)),
          ("tables", list(program.tables.map(table), indent: 6)),
          ("notOffered", list(program.notOffered.map(rule), indent: 6)),
          ("onRequest", list(program.onRequest.map(rule), indent: 6)),
          ("notes", list(program.notes.map(note), indent: 6)),
          ("conditions", conditions(program.conditions)),
        ], indent: 6)
      out += "\n    )\n  }\n"
    }
    return out + "}\n"
  }

  /// `fukuoka-ishikai.json` → `fukuokaIshikai`; `fukuoka-ishikai@2026-05-05.json` → `fukuokaIshikai20260505`.
  static func functionName(_ file: String) -> String {
    let name = file.hasSuffix(".json") ? String(file.dropLast(".json".count)) : file
    let parts = name.split(separator: "@", maxSplits: 1)
    let start = parts.count > 1 ? parts[1].filter { $0 != "-" } : ""
    return camelCase(String(parts[0])) + start
  }

  static func camelCase(_ id: String) -> String {
    let parts = id.split(separator: "-")
    return parts.enumerated().map { i, p in i == 0 ? String(p) : p.prefix(1).uppercased() + p.dropFirst() }.joined()
  }

  static func fields(_ fields: [(String, String)], indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    return fields.map { "\(pad)\($0.0): \($0.1)" }.joined(separator: ",\n")
  }

  static func list(_ items: [String], indent: Int) -> String {
    guard !items.isEmpty else { return "[]" }
    let pad = String(repeating: " ", count: indent + 2)
    return "[\n" + items.map { pad + $0 + ",\n" }.joined() + String(repeating: " ", count: indent) + "]"
  }

  static func dictionary(_ pairs: [(String, String)]) -> String {
    pairs.isEmpty ? "[:]" : "[" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "]"
  }

  static func sortedCoverages<V>(_ d: [Coverage: V]) -> [(key: Coverage, value: V)] {
    Coverage.allCases.compactMap { c in d[c].map { (c, $0) } }
  }

  static func optional<T>(_ value: T?, _ render: (T) -> String) -> String { value.map(render) ?? "nil" }

  static func string(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += "\\u{\(String(scalar.value, radix: 16))}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  static func yen(_ y: Yen) -> String { "Yen(\(y.amount))" }

  static func rational(_ r: Rational) -> String {
    "Rational(reducedNumerator: \(r.numerator), denominator: \(r.denominator))"
  }

  static func caseName<T: RawRepresentable>(_ value: T) -> String where T.RawValue == String {
    functionName(value.rawValue.replacingOccurrences(of: "_", with: "-"))
  }

  static func date(_ d: CalendarDate) -> String { "CalendarDate(validYear: \(d.year), month: \(d.month), day: \(d.day))" }

  static func period(_ p: Period) -> String {
    "Period(start: \(date(p.start)), end: \(date(p.end)), time: \(optional(p.time, string)))"
  }

  static func facilities(_ kinds: [FacilityKind]) -> String {
    "[" + kinds.map { ".\(caseName($0))" }.joined(separator: ", ") + "]"
  }

  static func security(_ s: SecurityRule) -> String {
    "SecurityRule(minimumPercent: \(s.minimumPercent), maximumPercent: \(s.maximumPercent), facilities: \(facilities(s.facilities)))"
  }

  static func note(_ n: ProgramNote) -> String {
    var arguments = [string(n.text)]
    if !n.facilities.isEmpty { arguments.append("facilities: \(facilities(n.facilities))") }
    if n.aboutPrintedFigures { arguments.append("aboutPrintedFigures: true") }
    if let source = n.source { arguments.append("source: \(string(source))") }
    if n.byTool { arguments.append("byTool: true") }
    return "ProgramNote(\(arguments.joined(separator: ", ")))"
  }

  static func conditions(_ c: Conditions) -> String {
    guard c != .none else { return ".none" }
    let cap = optional(c.aggregateCap) { "SourcedText(text: \(string($0.text)), source: \(string($0.source)))" }
    let joining = optional(c.midTermJoining) {
      "MidTermJoining(receivedByDay: \($0.receivedByDay), startDay: \($0.startDay), text: \(string($0.text)), source: \(string($0.source)))"
    }
    let exclusions = optional(c.exclusions) { e in
      let parts = e.parts.map { part in
        "Exclusions.Part(heading: \(optional(part.heading, string)), items: \(list(part.items.map(string), indent: 12)), more: \(part.more))"
      }
      return "Exclusions(\n          source: \(string(e.source)), lead: \(optional(e.lead, string)),\n          parts: \(list(parts, indent: 10))"
        + (e.printedAsList ? ")" : ", printedAsList: false)")
    }
    let readFirst = optional(c.readFirst) { "SourcedText(text: \(string($0.text)), source: \(string($0.source)))" }
    let matters = c.importantMatters.map { "Conditions.ImportantMatter(kind: .\($0.kind), text: \(string($0.text)), source: \(string($0.source)))" }
    return "Conditions(\n        aggregateCap: \(cap),\n        deadlines: \(list(c.deadlines.map(string), indent: 8)),\n"
      + "        midTermJoining: \(joining),\n        contacts: \(list(c.contacts.map(string), indent: 8)),\n"
      + "        exclusions: \(exclusions),\n        readFirst: \(readFirst)"
      + (matters.isEmpty ? ")" : ",\n        importantMatters: \(list(matters, indent: 8)))")
  }

  static func disclosure(_ d: Disclosure) -> String {
    "Disclosure(facilities: \(facilities(d.facilities)), text: \(string(d.text)))"
  }

  static func multiple(_ m: MultipleFacilities) -> String {
    switch m {
    case .separateContracts: ".separateContracts"
    case .proportional: ".proportional"
    case .onRequest(let reason): ".onRequest(reason: \(string(reason)))"
    }
  }

  static func limits(_ l: Limits) -> String {
    "Limits(liability: \(yen(l.liability)), incidentResponse: \(yen(l.incidentResponse)), lostProfit: \(optional(l.lostProfit, yen)), businessContinuation: \(optional(l.businessContinuation, yen)))"
  }

  static func plan(_ p: Plan) -> String {
    "Plan(code: \(string(p.code)), family: \(string(p.family)), limits: \(limits(p.limits)))"
  }

  static func option(_ o: PlanOption) -> String {
    "PlanOption(code: \(string(o.code)), name: \(string(o.name)), coverage: .\(caseName(o.coverage)), limit: \(yen(o.limit)), premium: \(yen(o.premium)))"
  }

  static func basis(_ b: TableBasis) -> String {
    switch b {
    case .perBed: ".perBed"
    case .perCapacity: ".perCapacity"
    case .flat(let printed): ".flat(.\(printed.rawValue))"
    case .examples(let unit, let counts, let model):
      ".examples(unit: .\(caseName(unit)), counts: [\(counts.map(String.init).joined(separator: ", "))], model: ExampleModel(offset: \(model.offset)))"
    }
  }

  static func table(_ t: RateTable) -> String {
    let rows = t.rows.map { "RateRow(plan: \(string($0.plan)), values: [\($0.values.map(yen).joined(separator: ", "))])" }
    let overrides = t.limitOverrides.sorted { $0.key < $1.key }.map { (string($0.key), limits($0.value)) }
    return "RateTable(\n"
      + fields(
        [
          ("id", string(t.id)), ("title", string(t.title)), ("source", string(t.source)),
          ("facilities", facilities(t.facilities)), ("estimatedFacilities", facilities(t.estimatedFacilities)),
          ("estimateReason", optional(t.estimateReason, string)),
          ("readFacilities", facilities(t.readFacilities)),
          ("reading", optional(t.reading) { "SourcedText(text: \(string($0.text)), source: \(string($0.source)))" }),
          ("basis", basis(t.basis)),
          ("columns", "[" + t.columns.map(string).joined(separator: ", ") + "]"),
          ("rows", list(rows, indent: 10)),
          ("limitOverrides", overrides.isEmpty ? "[:]" : "[\n" + overrides.map { "            \($0.0): \($0.1),\n" }.joined() + "          ]"),
        ], indent: 10) + "\n        )"
  }

  static func rule(_ r: AvailabilityRule) -> String {
    "AvailabilityRule(facilities: \(facilities(r.facilities)), plans: [\(r.plans.map(string).joined(separator: ", "))], withOption: \(r.withOption), "
      + "reason: \(string(r.reason)), source: \(optional(r.source, string)))"
  }
}
