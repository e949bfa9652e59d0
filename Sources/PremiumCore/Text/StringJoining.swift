extension Array where Element == String {
  /// The strings with `separator` between them, as the standard library's `joined(separator:)`
  /// gives them. Concrete, so that the compiler picks it for `[String]`: the generic one's
  /// first call costs a runtime conformance lookup (about 0.1M instructions), a share of a
  /// quote's start-up.
  package func joined(separator: String = "") -> String {
    var out = ""
    out.reserveCapacity(reduce(separator.utf8.count * Swift.max(0, count - 1)) { $0 + $1.utf8.count })
    for (i, part) in enumerated() {
      if i > 0 { out += separator }
      out += part
    }
    return out
  }
}
