/// "Did you mean …?" for mistyped names: the closest candidate within a small edit distance.
public enum Suggestion {
  /// The candidate closest to `input` (ignoring case), if it is within `maxDistance` edits and
  /// no other candidate is as close.
  /// A candidate that `input` is the unique prefix of (`byoin` → `byoin-kyosaikai`) wins outright.
  public static func closest(to input: String, in candidates: [String], maxDistance: Int = 2) -> String? {
    let lowered = input.lowercased()
    let extensions = candidates.filter { $0.lowercased().hasPrefix(lowered) && $0.lowercased() != lowered }
    if lowered.count >= 3, extensions.count == 1 { return extensions[0] }
    let wanted = Array(lowered)
    var best: (String, Int)?
    var tie = false
    for candidate in candidates {
      let d = distance(wanted, Array(candidate.lowercased()))
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
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
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
