/// "Did you mean …?" for mistyped names: the closest candidate within a small edit distance.
package enum Suggestion {
  /// The candidate closest to `input` (ignoring case), if it is within `maxDistance` edits and
  /// no other candidate is as close.
  /// A candidate that `input` is the unique prefix of (`byoin` → `byoin-kyosaikai`) wins outright.
  ///
  /// Cheap for any input, since a member list may ask for one per row: an input much longer than
  /// every candidate has no suggestion, and a candidate whose length differs by more than
  /// `maxDistance` is not compared.
  package static func closest(to input: String, in candidates: [String], maxDistance: Int = 2) -> String? {
    closest(to: input, in: Candidates(candidates), maxDistance: maxDistance)
  }

  /// Candidates lowered and split into scalars once, for a caller that asks many times.
  struct Candidates {
    let names: [String]
    let lowered: [String]
    let scalars: [[Unicode.Scalar]]
    let longestUTF8: Int
    /// Each lowered name's ASCII letters (``LetterSet``).
    let letters: [LetterSet]

    init(_ names: [String]) {
      self.names = names
      lowered = names.map(Suggestion.loweredIfNeeded)
      scalars = lowered.map { Array($0.unicodeScalars) }
      longestUTF8 = names.map(\.utf8.count).max() ?? 0
      letters = lowered.map(LetterSet.init)
    }
  }

  static func closest(to input: String, in candidates: Candidates, maxDistance: Int) -> String? {
    guard input.utf8.count <= 4 * (candidates.longestUTF8 + maxDistance) else { return nil }
    let lowered = loweredIfNeeded(input)
    let length = lowered.utf8.allSatisfy({ $0 < 0x80 }) ? lowered.utf8.count : lowered.unicodeScalars.count
    if length >= 3 {
      var extensions = candidates.names.indices.lazy.filter {
        candidates.scalars[$0].count > length && candidates.lowered[$0].hasUTF8Prefix(lowered)
      }.makeIterator()
      if let only = extensions.next(), extensions.next() == nil { return candidates.names[only] }
    }
    var wanted: [Unicode.Scalar] = []  // split only for a candidate that passes the bounds
    let wantedLetters = LetterSet(lowered)
    var best: (String, Int)?
    var tie = false
    for (i, (candidate, other)) in zip(candidates.names, candidates.scalars).enumerated() {
      guard abs(other.count - length) <= maxDistance else { continue }
      if wantedLetters.distanceBound(candidates.letters[i]) > maxDistance { continue }
      if wanted.isEmpty { wanted = Array(lowered.unicodeScalars) }
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

  /// The ASCII characters a text has, as bits: a lower bound of an edit distance far cheaper
  /// than the distance, and most mistyped names are far from every candidate.
  struct LetterSet {
    private var low: UInt64 = 0, high: UInt64 = 0

    init(_ text: String) {
      for byte in text.utf8 where byte < 0x80 {
        if byte < 64 { low |= 1 &<< UInt64(byte) } else { high |= 1 &<< UInt64(byte &- 64) }
      }
    }

    /// Each character one text has and the other lacks takes at least one edit (characters
    /// beyond ASCII are left out, which only lowers the bound).
    func distanceBound(_ other: LetterSet) -> Int {
      let missing = (low & ~other.low).nonzeroBitCount + (high & ~other.high).nonzeroBitCount
      let extra = (other.low & ~low).nonzeroBitCount + (other.high & ~high).nonzeroBitCount
      return max(missing, extra)
    }
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

extension String {
  /// Whether this text's bytes begin with `prefix`'s: `hasPrefix` without comparing characters,
  /// for ids (ASCII), looked up once per unknown name of a member list.
  func hasUTF8Prefix(_ prefix: String) -> Bool {
    let (bytes, start) = (utf8, prefix.utf8)
    guard start.count <= bytes.count else { return false }
    return bytes.withContiguousStorageIfAvailable { a in
      start.withContiguousStorageIfAvailable { b in a.prefix(b.count).elementsEqual(b) }
    }.flatMap { $0 } ?? bytes.starts(with: start)
  }
}
