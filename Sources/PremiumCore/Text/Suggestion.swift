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
    closest(to: input, in: Candidates(candidates), maxDistance: maxDistance)
  }

  /// Candidates lowered and split into scalars once, for a caller that asks many times.
  struct Candidates {
    let names: [String]
    let lowered: [String]
    let scalars: [[Unicode.Scalar]]
    let longestUTF8: Int

    init(_ names: [String]) {
      self.names = names
      lowered = names.map(Suggestion.loweredIfNeeded)
      scalars = lowered.map { Array($0.unicodeScalars) }
      longestUTF8 = names.map(\.utf8.count).max() ?? 0
    }
  }

  static func closest(to input: String, in candidates: Candidates, maxDistance: Int) -> String? {
    guard input.utf8.count <= 4 * (candidates.longestUTF8 + maxDistance) else { return nil }
    let lowered = loweredIfNeeded(input)
    let wanted = Array(lowered.unicodeScalars)
    let extensions = candidates.names.indices.filter {
      candidates.scalars[$0].count > wanted.count && candidates.lowered[$0].hasPrefix(lowered)
    }
    if wanted.count >= 3, extensions.count == 1 { return candidates.names[extensions[0]] }
    var best: (String, Int)?
    var tie = false
    for (candidate, other) in zip(candidates.names, candidates.scalars) {
      guard abs(other.count - wanted.count) <= maxDistance else { continue }
      let d = distance(wanted, other, atMost: maxDistance)
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

  /// `text.lowercased()`, without the copy when it has no upper-case ASCII and no non-ASCII
  /// (program ids, most mistyped ones).
  static func loweredIfNeeded(_ text: String) -> String {
    text.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) ? text : text.lowercased()
  }

  /// Levenshtein distance; with `atMost`, any distance beyond it is reported as `atMost + 1`,
  /// found as soon as a whole row of the table is beyond it.
  static func distance<Element: Equatable>(_ a: [Element], _ b: [Element], atMost limit: Int = .max) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Two rows of the table, on the stack: a member list may ask for many suggestions.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { rows in
      var previous = UnsafeMutableBufferPointer(rebasing: rows[0...b.count])
      var current = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...])
      for j in 0...b.count { previous[j] = j }
      for i in 1...a.count {
        current[0] = i
        var rowMinimum = i
        for j in 1...b.count {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
          rowMinimum = min(rowMinimum, current[j])
        }
        // Each row's minimum never falls: the distance can only be larger.
        if rowMinimum > limit { return limit &+ 1 }
        swap(&previous, &current)
      }
      return previous[b.count]
    }
  }
}
