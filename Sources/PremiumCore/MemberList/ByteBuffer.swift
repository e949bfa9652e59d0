/// A growable byte buffer with raw storage: appends are a bounds check and a copy, with none
/// of an array's uniqueness checks. Batch output and the CSV reader's record storage use it.
///
/// Its properties skip the runtime's exclusivity checks, which otherwise cost more than the
/// appends themselves: every access is a short, non-reentrant method of this class.
///
/// Every byte of the allocation is initialized, and ``slack`` bytes follow the capacity, so a
/// word may be loaded from any position up to ``count`` (see ``CSVFields``).
package final class ByteBuffer {
  /// Initialized bytes allocated past the capacity.
  package static let slack = 8

  @exclusivity(unchecked) package private(set) var pointer: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) package private(set) var count = 0
  @exclusivity(unchecked) private var capacity: Int

  package init(capacity: Int = 1 << 16) {
    self.capacity = max(16, capacity)
    pointer = Self.allocate(self.capacity)
  }

  /// Room for `capacity` bytes and the slack, all zero.
  static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
    let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + slack)
    memory.initialize(repeating: 0, count: capacity + slack)
    return memory
  }

  deinit { pointer.deallocate() }

  /// The bytes written so far.
  package var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: pointer, count: count) }

  package func removeAll() { count = 0 }

  /// Drops the bytes from `newCount` on.
  package func truncate(_ newCount: Int) { count = min(count, max(0, newCount)) }

  @inline(__always)
  package func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    pointer[count] = byte
    count += 1
  }

  @inline(__always)
  package func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    if count + bytes.count > capacity { grow(to: count + bytes.count) }
    ByteBuffer.copy(from: base, to: pointer + count, count: bytes.count)
    count += bytes.count
  }

  /// Writes `count` commas at `target`, which has room for at least eight bytes: up to eight
  /// as one word (the bytes past them are left for the next write to overwrite).
  @inline(__always)
  static func writeCommas(_ count: Int, at target: UnsafeMutablePointer<UInt8>) {
    if count <= 8 {
      UnsafeMutableRawPointer(target).storeBytes(of: CSVScan.ones &* 0x2C, as: UInt64.self)
    } else {
      target.update(repeating: 0x2C, count: count)
    }
  }

  /// Copies `count` bytes between buffers that do not overlap, without a call for the short
  /// runs a row is made of: up to 16 in two or four overlapping word moves, up to 256 in
  /// 16-byte moves (the last one overlapping), longer with memcpy.
  @inline(__always)
  static func copy(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    switch count {
    case 17...256:
      var i = 0
      while i &+ 16 < count {
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self), toByteOffset: i, as: SIMD16<UInt8>.self)
        i &+= 16
      }
      to.storeBytes(of: from.loadUnaligned(fromByteOffset: count &- 16, as: SIMD16<UInt8>.self), toByteOffset: count &- 16, as: SIMD16<UInt8>.self)
    case 8...16:
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
    case 4..<8:
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
    case 1..<4:
      target[0] = source[0]
      target[count / 2] = source[count / 2]
      target[count - 1] = source[count - 1]
    case 257...:
      target.update(from: source, count: count)
    default:
      break
    }
  }

  /// Appends what `write` writes at the end, given room for `maximum` bytes; `write` returns
  /// how many it wrote (at most `maximum`). One capacity check for a run of small writes.
  @inline(__always)
  package func append(upTo maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
    if count + maximum > capacity { grow(to: count + maximum) }
    count += write(pointer + count)
  }

  package func append<C: Collection<UInt8>>(contentsOf bytes: C) {
    for b in bytes { append(b) }
  }

  /// Appends a whole number in decimal.
  @inline(__always)
  package func appendInteger(_ value: Int64) {
    append(upTo: Self.integerBytes) { Self.write(value, at: $0) }
  }

  /// The most bytes a 64-bit integer takes in decimal: a sign and 19 digits.
  package static let integerBytes = 20

  /// Writes `value` in decimal at `target` (room for ``integerBytes``); the bytes written.
  @inline(__always)
  package static func write(_ value: Int64, at target: UnsafeMutablePointer<UInt8>) -> Int {
    if value >= 0, value < 100_000_000 { return writeUpToEightDigits(UInt64(value), at: target) }
    return writeAnyInteger(value, at: target)
  }

  /// Writes `value` (below 10⁸) in decimal as one word at `target` (room for eight bytes; those
  /// past the digits get zeros); the bytes written. Its eight digits are split in lanes, with no
  /// division and no branch: two lanes of four (the first to print in the low half, the word
  /// being little-endian), then four of two, then eight of one, each step a multiply-shift
  /// within its lanes (⌊x × 10486 / 2²⁰⌋ = ⌊x / 100⌋ for x < 10⁴, ⌊x × 103 / 2¹⁰⌋ = ⌊x / 10⌋
  /// for x < 100). The leading zeros are then the word's low bytes, shifted out.
  @inline(__always)
  static func writeUpToEightDigits(_ value: UInt64, at target: UnsafeMutablePointer<UInt8>) -> Int {
    let high = value / 10_000
    var x = high | (value &- high &* 10_000) << 32
    let hundreds = (x &* 10486) >> 20 & 0x0000_007F_0000_007F
    x = hundreds | (x &- hundreds &* 100) << 16
    let tens = (x &* 103) >> 10 & 0x000F_000F_000F_000F
    x = tens | (x &- tens &* 10) << 8
    let zeros = min(x.trailingZeroBitCount &>> 3, 7)  // 0 keeps one digit
    UnsafeMutableRawPointer(target).storeBytes(of: (x | 0x3030_3030_3030_3030) &>> UInt64(zeros &* 8), as: UInt64.self)
    return 8 &- zeros
  }

  /// ``write(_:at:)`` for any value: a sign, then two digits at a time.
  @inline(never)
  static func writeAnyInteger(_ value: Int64, at target: UnsafeMutablePointer<UInt8>) -> Int {
    var target = target
    var sign = 0
    if value < 0 {
      target[0] = 0x2D
      target += 1
      sign = 1
    }
    var magnitude = value.magnitude
    if magnitude < 10 {
      target[0] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude)
      return sign + 1
    }
    let digits = decimalDigits(magnitude)
    var i = digits
    // Two digits at a time from the pair table.
    let pairs = digitPairs.utf8Start
    while magnitude >= 100 {
      let pair = Int(magnitude % 100) * 2
      magnitude /= 100
      i -= 2
      target[i] = pairs[pair]
      target[i + 1] = pairs[pair + 1]
    }
    if magnitude >= 10 {
      let pair = Int(magnitude) * 2
      i -= 2
      target[i] = pairs[pair]
      target[i + 1] = pairs[pair + 1]
    } else {
      i -= 1
      target[i] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude)
    }
    return sign + digits
  }

  /// The number of decimal digits of `n`, at least 2: the magnitude of a negative value, or a
  /// value of 10⁸ and more (``writeUpToEightDigits(_:at:)`` writes the rest).
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
  package func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  private func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let bigger = Self.allocate(newCapacity)
    bigger.update(from: pointer, count: count)
    pointer.deallocate()
    pointer = bigger
    capacity = newCapacity
  }
}
