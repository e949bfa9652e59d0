/// "Did you mean …?" for mistyped names: the closest candidate within a small edit distance.
public enum Suggestion {
  /// The candidate closest to `input` (ignoring case), if it is within `maxDistance` edits and
  /// no other candidate is as close.
  /// A candidate that `input` is the unique prefix of (`byoin` → `byoin-kyosaikai`) wins outright.
  ///
  /// Cheap for any input, since a member list may ask for one per row: an input much longer than
  /// every candidate has no suggestion, and a candidate whose length differs by more than
  /// `maxDistance` is not compared.
  public static func closest(to input: String, in candidates: [String], maxDistance: Int = 2) -> String? {
    let longest = candidates.map(\.utf8.count).max() ?? 0
    guard input.utf8.count <= 4 * (longest + maxDistance) else { return nil }
    let lowered = input.lowercased()
    let extensions = candidates.filter { $0.count > lowered.count && $0.lowercased().hasPrefix(lowered) }
    if lowered.count >= 3, extensions.count == 1 { return extensions[0] }
    let wanted = Array(lowered.unicodeScalars)
    var best: (String, Int)?
    var tie = false
    for candidate in candidates {
      let other = Array(candidate.lowercased().unicodeScalars)
      guard abs(other.count - wanted.count) <= maxDistance else { continue }
      let d = distance(wanted, other)
      if d > maxDistance || d == 0 && candidate == input { continue }
      if let (_, bestDistance) = best {
        if d < bestDistance {
          best = (candidate, d)
          tie = false
        } else if d == bestDistance {
          tie = true
        }
      } else {
        best = (candidate, d)
      }
    }
    return tie ? nil : best?.0
  }

  /// Levenshtein distance.
  static func distance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
