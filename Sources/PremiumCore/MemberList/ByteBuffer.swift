/// A growable byte buffer with raw storage: appends are a bounds check and a copy, with none
/// of an array's uniqueness checks. Batch output and the CSV reader's record storage use it.
///
/// Its properties skip the runtime's exclusivity checks, which otherwise cost more than the
/// appends themselves: every access is a short, non-reentrant method of this class.
public final class ByteBuffer {
  @exclusivity(unchecked) public private(set) var pointer: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) public private(set) var count = 0
  @exclusivity(unchecked) private var capacity: Int

  public init(capacity: Int = 1 << 16) {
    self.capacity = max(16, capacity)
    pointer = .allocate(capacity: self.capacity)
  }

  deinit { pointer.deallocate() }

  /// The bytes written so far.
  public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: pointer, count: count) }

  public func removeAll() { count = 0 }

  /// Drops the bytes from `newCount` on.
  public func truncate(_ newCount: Int) { count = min(count, max(0, newCount)) }

  @inline(__always)
  public func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    pointer[count] = byte
    count += 1
  }

  @inline(__always)
  public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    if count + bytes.count > capacity { grow(to: count + bytes.count) }
    if bytes.count <= 16 {
      // Short cells: a loop beats a call to memcpy.
      for i in 0..<bytes.count { pointer[count + i] = base[i] }
    } else {
      (pointer + count).update(from: base, count: bytes.count)
    }
    count += bytes.count
  }

  public func append<C: Collection<UInt8>>(contentsOf bytes: C) {
    for b in bytes { append(b) }
  }

  /// Appends a whole number in decimal.
  @inline(__always)
  public func appendInteger(_ value: Int64) {
    if count + 21 > capacity { grow(to: count + 21) }
    if value < 0 {
      pointer[count] = 0x2D
      count += 1
    }
    var magnitude = value.magnitude
    if magnitude < 10 {
      pointer[count] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude)
      count += 1
      return
    }
    let digits = ByteBuffer.decimalDigits(magnitude)
    var i = count + digits
    // Two digits at a time from the pair table.
    let pairs = ByteBuffer.digitPairs.utf8Start
    while magnitude >= 100 {
      let pair = Int(magnitude % 100) * 2
      magnitude /= 100
      i -= 2
      pointer[i] = pairs[pair]
      pointer[i + 1] = pairs[pair + 1]
    }
    if magnitude >= 10 {
      let pair = Int(magnitude) * 2
      i -= 2
      pointer[i] = pairs[pair]
      pointer[i + 1] = pairs[pair + 1]
    } else {
      i -= 1
      pointer[i] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude)
    }
    count += digits
  }

  /// The number of decimal digits of `n` (at least 2 here; premiums have five to seven).
  @inline(__always)
  static func decimalDigits(_ n: UInt64) -> Int {
    if n < 100_000 { return n < 100 ? 2 : n < 1_000 ? 3 : n < 10_000 ? 4 : 5 }
    if n < 10_000_000 { return n < 1_000_000 ? 6 : 7 }
    var digits = 8
    var power: UInt64 = 100_000_000
    while digits < 20, n >= power {
      digits += 1
      if digits < 20 { power &*= 10 }
    }
    return digits
  }

  /// "00", "01", … "99": a constant in the binary, read without a lazy initializer or a
  /// reference count.
  private static let digitPairs: StaticString = """
    00010203040506070809101112131415161718192021222324252627282930313233343536373839\
    40414243444546474849505152535455565758596061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899
    """

  /// Appends a constant's bytes.
  @inline(__always)
  public func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  private func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    bigger.update(from: pointer, count: count)
    pointer.deallocate()
    pointer = bigger
    capacity = newCapacity
  }
}
