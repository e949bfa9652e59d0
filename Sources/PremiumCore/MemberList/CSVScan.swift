/// Word-at-a-time byte tests (SWAR) for the delimiter scan.
enum CSVScan {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// High bits marking the bytes of `word` equal to `byte`. Bits above a true match may be
  /// false positives (borrows), but the lowest set bit is always a true match.
  @inline(__always)
  static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & highs
  }

  /// High bits marking exactly the zero bytes of `x`, with no false positives.
  @inline(__always)
  static func exactZeros(_ x: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low7) &+ low7) | x | low7)
  }

  /// High bits marking exactly the commas of `word`.
  @inline(__always)
  static func commaMask(_ word: UInt64) -> UInt64 {
    exactZeros(word ^ (ones &* 0x2C))
  }

  /// High bits marking exactly the bytes of `word` below 0x23: LF, CR and the quote, with the
  /// space, `!` and control characters, which the caller passes over. No borrow between bytes.
  @inline(__always)
  static func belowQuoteMask(_ word: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    // A byte's high bit after the add is set when its low seven bits are 0x23 or more.
    return ~(((word & low7) &+ (ones &* (0x80 - 0x23))) | word) & highs
  }

  /// Where a record with no quotes ends (see ``plainRecord(_:from:filled:_:)``).
  struct PlainRecord {
    /// The terminator's position: the record is `start..<end`.
    let end: Int
    /// Where the next record starts, past CR, LF or CRLF.
    let next: Int
    /// Whether any byte of the record is above 0x7F.
    let nonASCII: Bool
  }

  /// Scans the record at `start`, eight bytes at a time, when it has no quotes and ends before
  /// `filled`, calling `fieldEnd` with the position of each field's delimiter (a comma, or the
  /// terminator for the last field) in order; `fieldEnd` returns false to give up. Nil for a
  /// quote, a record that runs past `filled`, or when `fieldEnd` gives up.
  ///
  /// A word whose only candidate bytes are commas (most of a record) ends its fields without
  /// looking at a byte; a word with any byte below 0x23 (the line end, a quote, a space or a
  /// control character) goes byte by candidate byte. Spaces, `!` and control characters other
  /// than CR and LF are text.
  @inline(__always)
  static func plainRecord(
    _ bytes: UnsafePointer<UInt8>, from start: Int, filled: Int, _ fieldEnd: (Int) -> Bool
  ) -> PlainRecord? {
    var i = start
    var high: UInt64 = 0
    while i &+ 8 <= filled {
      let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
      let commas = commaMask(word)
      let low = belowQuoteMask(word)
      if low == 0 {
        var mask = commas
        while mask != 0 {
          let at = i &+ (mask.trailingZeroBitCount &>> 3)
          mask &= mask &- 1
          guard fieldEnd(at) else { return nil }
        }
        high |= word
        i &+= 8
        continue
      }
      var mask = commas | low
      while mask != 0 {
        let offset = mask.trailingZeroBitCount &>> 3
        let at = i &+ offset
        let b = bytes[at]
        mask &= mask &- 1
        guard b == 0x2C || b == 0x0A || b == 0x0D else {
          if b == 0x22 { return nil }  // quotes: the general path
          continue  // a space, `!` or a control character: text
        }
        guard fieldEnd(at) else { return nil }
        if b == 0x2C { continue }
        high |= word & CSVScan.bytes(from: 0, to: offset)  // the record's bytes in its last word
        // CR, LF or CRLF ends the record.
        var next = at &+ 1
        if b == 0x0D {
          guard next < filled else { return nil }  // a CR at the buffer's end: the general path
          if bytes[next] == 0x0A { next &+= 1 }
        }
        return PlainRecord(end: at, next: next, nonASCII: high & highs != 0)
      }
      high |= word
      i &+= 8
    }
    return nil
  }

  /// A mask of bytes `from..<to` of a word (little-endian).
  @inline(__always)
  static func bytes(from: Int, to: Int) -> UInt64 {
    guard from < to else { return 0 }
    let upper: UInt64 = to >= 8 ? .max : (1 &<< UInt64(to * 8)) &- 1
    let lower: UInt64 = (1 &<< UInt64(from * 8)) &- 1
    return upper & ~lower
  }

  /// Marks of commas, quotes, CRs and LFs in `word` (little-endian: byte 0 is bit 7).
  @inline(__always)
  static func delimiterMask(_ word: UInt64) -> UInt64 {
    matches(word, 0x2C) | matches(word, 0x22) | matches(word, 0x0A) | matches(word, 0x0D)
  }

  /// The high bits of `word`'s bytes, folded into one byte (non-zero when any byte is ≥ 0x80).
  @inline(__always)
  static func highBits(_ word: UInt64) -> UInt8 {
    word & highs != 0 ? 0x80 : 0
  }
}
