import PremiumCore

/// What help says of particular programs, read from the rate books, so that a new year's book
/// changes the help with it. A book that cannot be read is left out.
enum HelpFacts {
  /// The books help reads: the run's own (its built-in books as of its day), bound by the
  /// command line around a help page; the built-in ones otherwise.
  @TaskLocal static var catalog = Catalog.builtIn

  static var programs: [Program] { catalog.ids.compactMap { try? catalog.program($0) } }

  static func ids(_ programs: [Program]) -> String { programs.map(\.id).joined(separator: ", ") }

  /// The programs that price options (`--option`).
  static var withOptions: String { ids(programs.filter { !$0.options.isEmpty }) }

  /// The programs whose premium is proportional to the facilities (`--facilities`).
  static var proportional: String { ids(programs.filter { $0.multipleFacilities == .proportional }) }

  /// Where the rounding rule is printed, and what the others do: `byoin-kyosaikai「1円位四捨五入、
  /// 10円単位」（001 〈6〉保険料の計算）。他の制度は記載がなく、同じ方法を用います`. Said as the tool's
  /// convention where no book prints one.
  static func rounding(_ l: Language) -> String {
    let printed = programs.compactMap { p in p.rounding.map { "\(p.id) \(l.pick("「\($0.text)」（\($0.source)）", "“\($0.text)” (\($0.source))"))" } }
    guard !printed.isEmpty else { return l.pick("どのパンフレットにも記載がなく、この方法を用います", "no brochure prints a rule, and this one is used") }
    return printed.joined(separator: l.pick("、", ", ")) + l.pick("。他の制度は記載がなく、同じ方法を用います", "; the others print none, and the same is used")
  }

  /// Each price condition a brochure prints as part of its figures (a discount already in them,
  /// a claims history that bars joining), in its words with its source.
  static func priceConditions(_ l: Language) -> [String] {
    let printed = programs.flatMap { p in
      p.conditions.importantMatters.filter { $0.kind == .discountIncluded || $0.kind == .claimsHistory }.map {
        "\(p.id): 「\($0.text)」（\($0.source)）"
      }
    }
    return printed.isEmpty ? [Wording.notStated(l)] : printed
  }
}
