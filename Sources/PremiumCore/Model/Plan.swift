/// One plan of a program: its code, family and default limits.
///
/// Limits belong to a (facility, plan) pair: a table may override them (fukuoka-ishikai's S5000
/// has ② 3,000万円 for clinics but 5,000万円 for hospitals), so ask ``Program/limits(of:for:)``.
public struct Plan: Hashable, Sendable {
  /// As printed: `S1`, `P5000`, `T3`, `A`.
  public let code: String
  /// The family letter: `S` all-risk, `T` all-risk with ③④, `P` leak-only, `A`–`D` kumamoto's base plans.
  public let family: String
  public let limits: Limits

  public init(code: String, family: String, limits: Limits) {
    self.code = code
    self.family = family
    self.limits = limits
  }
}

/// An optional cover bought on top of a base plan (kumamoto-hokeni's 利益補償 a–c).
public struct PlanOption: Hashable, Sendable {
  /// `a`, `b` or `c`.
  public let code: String
  /// As printed: `利益補償 a`.
  public let name: String
  /// Which coverage the option adds, and its limit.
  public let coverage: Coverage
  public let limit: Yen
  /// The option's own printed premium per facility, annual.
  public let premium: Yen

  public init(code: String, name: String, coverage: Coverage, limit: Yen, premium: Yen) {
    self.code = code
    self.name = name
    self.coverage = coverage
    self.limit = limit
    self.premium = premium
  }
}
