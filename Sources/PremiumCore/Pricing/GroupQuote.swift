/// Several facilities of one group, each quoted under its own program and plan, and their total:
/// annual yen, whatever each program's installments (kagoshima-ikyo prints a monthly figure; its
/// annual premium is twelve of them).
public struct GroupQuote: Sendable {
  /// The facilities priced, in the order given.
  public let quotes: [Quote]
  /// How many facilities could not be priced: not in the total.
  public let unpriced: Int

  public init(quotes: [Quote], unpriced: Int = 0) {
    self.quotes = quotes
    self.unpriced = unpriced
  }

  /// The annual premiums summed; nil when no facility is priced (no total, rather than 0円) or
  /// the sum leaves 64 bits.
  public var annualTotal: Yen? {
    guard !quotes.isEmpty else { return nil }
    var sum = YenSum()
    for quote in quotes { sum.add(quote.premium.amount) }
    return sum.amount.map(Yen.init)
  }
}
