import PremiumCore

/// What `proposal --record FILE` writes: enough to show later exactly what was handed over. The
/// inputs as given, each rate book by the SHA-256 of its canonical `rates show` bytes, every
/// figure as `quote --format json` gives it, the wishes, the criteria and the reason, and the
/// SHA-256 of the page itself.
struct ProposalRecord {
  /// When the page was made (local time with its offset), or the quote date when the clock could
  /// not be read.
  let issued: String?
  /// The proposal's command line as given (after the global flags were taken: the language and
  /// the quote date are recorded on their own, and `--rates` files as each book's `origin`).
  let arguments: [String]
  /// The day the figures were priced for (`--date`, by default the issue date).
  var quoteDate: CalendarDate?
  let texts: ProposalTexts
  let language: Language
  var membersSHA256: String?
  var criteria: ProposalComparison.Criteria?
  var htmlSHA256: String?
  /// The page file this record belongs to (`--out`); nil when the page went to stdout.
  var page: String?
  /// Compared plans meeting the page's narrowing that cost less than the proposed one.
  var cheaperAlternatives: [Quote] = []
  /// The comparison's rows in the page's order.
  var comparison: [Quote] = []

  /// One rate book used on the page.
  struct Book: Equatable {
    let id: String
    let period: Period?
    let term: String?
    let source: String
    /// The brochure's title, as the page cites it.
    let brochure: String
    let origin: String
    let sha256: String
  }

  private(set) var books: [Book] = []
  private(set) var figures: [JSONOutput] = []

  init(issued: String?, arguments: [String], texts: ProposalTexts, language: Language) {
    self.issued = issued
    self.arguments = arguments
    self.texts = texts
    self.language = language
  }

  /// A quote on the page, and its rate book (once).
  mutating func add(_ quote: Quote, rates: Catalog.Entry) {
    figures.append(QuoteJSON.object(quote, language: language, rates: rates))
    let program = quote.program
    guard !books.contains(where: { $0.id == program.id && $0.period == program.period }) else { return }
    books.append(
      Book(
        id: program.id, period: program.period, term: program.term, source: program.source, brochure: Wording.brochureTitle(program), origin: rates.origin,
        sha256: SHA256.hex(RateFileEncoder.encode(program).utf8)))
  }

  /// Every priced plan of a menu on the page.
  mutating func add(_ menu: PlanMenu, rates: Catalog.Entry) {
    for case .priced(let quote) in menu.entries { add(quote, rates: rates) }
  }

  /// Each book's id and the first 12 hex digits of its fingerprint, for the page's footer.
  var fingerprints: [(id: String, short: String)] {
    books.map { ($0.id, String($0.sha256.prefix(12))) }
  }

  /// A compared plan as the record lists it.
  private static func row(_ q: Quote) -> JSONOutput {
    .object([("program", .string(q.program.id)), ("plan", .string(q.plan.code)), ("premium", .yen(q.premium)), ("coverage", q.cover.json)])
  }

  var json: String {
    let strings = { (items: [String]) in JSONOutput.array(items.map { .string($0) }) }
    let optional = { (text: String?) in text.map { JSONOutput.string($0) } ?? .null }
    let books = self.books.map { book in
      JSONOutput.object([
        ("id", .string(book.id)),
        ("period", book.period.map { .string($0.iso) } ?? .null),
        ("term", optional(book.term)),
        ("source", .string(book.source)),
        ("brochure", .string(book.brochure)),
        ("origin", .string(book.origin)),
        ("sha256", .string(book.sha256)),
      ])
    }
    let criteria = self.criteria.map { c in
      JSONOutput.object([
        ("conditions", strings(c.conditions)),
        ("scope", .string(c.scope)),
        ("shown", strings(c.shown)),
        ("entry", .array(c.entry.map { .object([("program", .string($0.program)), ("eligibility", .string($0.eligibility))]) })),
        ("left_out", .array(c.leftOut.map { .object([("program", .string($0.program)), ("reason", .string($0.reason))]) })),
      ])
    }
    return JSONOutput.object([
      ("tool_version", .string(CLI.version)),
      ("issued", optional(issued)),
      ("language", .string(language.rawValue)),
      (
        "inputs",
        .object([
          ("arguments", strings(arguments)),
          ("quote_date", optional(quoteDate?.description)),
          ("members_sha256", optional(membersSHA256)),
        ])
      ),
      ("to", optional(texts.to)),
      ("from", optional(texts.from)),
      ("contact", optional(texts.contact)),
      ("valid_until", optional(texts.validUntil?.description)),
      ("wishes", strings(texts.wishes)),
      ("final_wishes", strings(texts.finalWishes)),
      ("wish_cover", strings(texts.wishCover.map(\.rawValue))),
      ("criteria", criteria ?? .null),
      ("reason", optional(texts.reason)),
      ("comparison", .array(comparison.map(Self.row))),
      ("cheaper_alternatives", .array(cheaperAlternatives.map(Self.row))),
      ("rate_books", .array(books)),
      ("figures", .array(figures)),
      ("page", optional(page)),
      ("html_sha256", optional(htmlSHA256)),
    ]).pretty
  }
}
