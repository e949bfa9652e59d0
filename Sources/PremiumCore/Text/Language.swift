/// The language of labels and messages. Japanese by default; program names stay Japanese.
public enum Language: String, Sendable, Hashable, CaseIterable {
  case ja, en

  /// Picks `ja` or `en` text.
  @inlinable
  package func pick(_ ja: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String {
    self == .ja ? ja() : en()
  }
}

extension FacilityKind {
  public func name(_ language: Language) -> String {
    language.pick(japaneseName, englishName)
  }
}
