/// Routes by the raw bytes of a row's program, facility, plan and option cells, so that the
/// common row finds its route without decoding a cell.
///
/// The key cells are packed into a fixed key of six words and their lengths (up to 48 bytes in
/// all: ids, facility words and plan codes are far shorter); a direct-mapped table of recent keys
/// stands in front of a dictionary of every key seen. A row whose key cells are longer is looked
/// up by its bytes. Records priced in place look up cells of up to eight bytes each by a
/// ``ShortKey`` first, in a table of its own. Entries hold routes by index: a lookup copies no
/// reference. Bounded: a list of ever new keys (random text, a column shifted) starts it again
/// rather than growing it.
struct RouteCache {
  /// The key cells' columns (−1: absent): program, facility, plan and option.
  var keyColumns = (program: -1, facility: -1, plan: -1, option: -1)

  struct Entry {
    /// nil when the key cannot be priced: such rows take the decoded path, which reports why.
    let route: PricingRoute?
    /// The route in whole yen, when it has one.
    let whole: WholeYenRoute?
    /// Why the key cannot be priced, when the key cells alone decide it (no program, an unknown
    /// one, a facility that is none): a row with plain numbers fails with it, as decoding the row
    /// would tell, without decoding.
    var keyFailure: MemberRowError? = nil
    /// The codes of the program's warnings (an ended period, no dates printed) as a CSV field:
    /// every row priced along the route carries them.
    var warnings: [UInt8] = []
    /// The same codes, for a row whose counts add codes of their own.
    var warningCodes: [WarningCode] = []
    /// The field of a row that is an estimate for a typed security adjustment, and nothing
    /// else of its own: prepared, as whole lists of such rows come.
    var securityEstimate: [UInt8] = []

  }

  private(set) var entries: [Entry] = []
  private var packed: [PackedKey: Int] = [:]
  private var long: [[UInt8]: Int] = [:]
  private var recent = [(key: PackedKey, index: Int)](repeating: (PackedKey(), -1), count: 64)
  /// Recent keys of short cells (see ``ShortKey``), for the record priced where it is read.
  private var recentShort = [(key: ShortKey, index: Int)](repeating: (ShortKey(), -1), count: 64)
  /// The key of the last lookup that found nothing, for ``insert(_:)``: packed, or else the
  /// bytes in `longKey`.
  private var lastKey: PackedKey?
  private var longKey: [UInt8] = []

  /// Distinct keys kept: far more than a real list has (a few programs, facilities and plans).
  static let limit = 4096

  /// The index in ``entries`` of this row's key; nil when the key is new (then ``insert(_:)``
  /// adds it).
  mutating func lookup(_ fields: CSVFields) -> Int? {
    let c = keyColumns
    func cell(_ i: Int) -> UnsafeBufferPointer<UInt8>? { i >= 0 && i < fields.count ? fields[i] : nil }
    if let key = PackedKey(cell(c.program), cell(c.facility), cell(c.plan), cell(c.option)) {
      return lookup(key)
    }
    lastKey = nil
    longKey.removeAll(keepingCapacity: true)
    func add(_ column: Int) {
      if column >= 0, column < fields.count { longKey.append(contentsOf: fields[column]) }
      longKey.append(0xFF)  // never in UTF-8 or CP932 text
    }
    add(c.program)
    add(c.facility)
    add(c.plan)
    add(c.option)
    return long[longKey]
  }

  /// The index in ``entries`` of a packed key; nil when it is new (then ``insert(_:)`` adds it).
  @inline(__always)
  mutating func lookup(_ key: PackedKey) -> Int? {
    let slot = key.slot
    if recent[slot].index >= 0, recent[slot].key == key { return recent[slot].index }
    lastKey = key
    guard let index = packed[key] else { return nil }
    recent[slot] = (key, index)
    return index
  }

  /// The index in ``entries`` of a short key, from the recent ones or else by its packed form
  /// (from `packed`); nil when the key is new (then ``insert(_:)`` adds it).
  @inline(__always)
  mutating func lookup(_ key: ShortKey, packed: () -> PackedKey?) -> Int? {
    let slot = key.slot
    if recentShort[slot].index >= 0, recentShort[slot].key == key { return recentShort[slot].index }
    guard let full = packed(), let index = lookup(full) else { return nil }
    recentShort[slot] = (key, index)
    return index
  }

  /// Adds `entry` under the key of the last lookup, which found none; its index.
  mutating func insert(_ entry: Entry) -> Int {
    if entries.count >= Self.limit {
      entries.removeAll(keepingCapacity: true)
      packed.removeAll(keepingCapacity: true)
      long.removeAll(keepingCapacity: true)
      for i in recent.indices { recent[i].index = -1 }
      for i in recentShort.indices { recentShort[i].index = -1 }
    }
    let index = entries.count
    entries.append(entry)
    if let key = lastKey {
      packed[key] = index
      recent[key.slot] = (key, index)
    } else {
      long[longKey] = index
    }
    return index
  }
}

/// Up to 48 bytes of key cells, zero-padded, with each cell's length (a byte each): two rows have
/// the same key cells exactly when their packed keys are equal.
struct PackedKey: Hashable {
  /// A homogeneous tuple: its bytes are contiguous, in order. The seventh word only takes the
  /// zeros of the last word stored (see the initializer): it is always zero, and neither
  /// compared nor hashed.
  private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0)
  private var lengths: UInt64 = 0

  static let capacity = 48

  init() {}

  /// Four cells packed (nil: absent); nil when they hold more than 48 bytes.
  ///
  /// A cell goes in whole words loaded from the record (``CSVFields`` has slack after every
  /// field), the bytes past its end masked to zero and stored too: the next cell's words
  /// overwrite them, and past the last cell they are the padding.
  @inline(__always)
  init?(_ c0: UnsafeBufferPointer<UInt8>?, _ c1: UnsafeBufferPointer<UInt8>?, _ c2: UnsafeBufferPointer<UInt8>?, _ c3: UnsafeBufferPointer<UInt8>?) {
    var offset = 0
    var lengths: UInt64 = 0
    let fits = withUnsafeMutableBytes(of: &words) { raw -> Bool in
      guard let base = raw.baseAddress else { return false }
      @inline(__always) func add(_ cell: UnsafeBufferPointer<UInt8>?, _ n: UInt64) -> Bool {
        guard let cell, let from = cell.baseAddress else { return true }
        let count = cell.count
        guard count <= Self.capacity &- offset else { return false }
        lengths |= UInt64(count) &<< (8 &* n)
        var i = 0
        while i < count {
          var word = UnsafeRawPointer(from + i).loadUnaligned(as: UInt64.self)
          let left = count &- i
          if left < 8 { word &= (1 &<< UInt64(8 &* left)) &- 1 }
          base.storeBytes(of: word, toByteOffset: offset &+ i, as: UInt64.self)
          i &+= 8
        }
        offset &+= count
        return true
      }
      return add(c0, 0) && add(c1, 1) && add(c2, 2) && add(c3, 3)
    }
    guard fits else { return nil }
    self.lengths = lengths
  }

  static func == (a: PackedKey, b: PackedKey) -> Bool {
    a.lengths == b.lengths && a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
      && a.words.3 == b.words.3 && a.words.4 == b.words.4 && a.words.5 == b.words.5
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(lengths)
    hasher.combine(words.0)
    hasher.combine(words.1)
    hasher.combine(words.2)
    hasher.combine(words.3)
    hasher.combine(words.4)
    hasher.combine(words.5)
  }

  /// A slot in a table of 64, from every word.
  var slot: Int {
    let w = words
    let mixed = (w.0 ^ (w.1 &* 31) ^ (w.2 &* 131) ^ (w.3 &* 521) ^ (w.4 &* 1031) ^ (w.5 &* 2053) ^ lengths) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: mixed >> 58)
  }
}

/// Key cells of at most eight bytes each (most are: facility words, plan codes, option
/// letters), one word per cell, zero-padded, and their lengths: equal exactly when the cells
/// are. Built straight from a record, without packing.
struct ShortKey: Equatable {
  private var cells: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  private var lengths: UInt64 = 0

  init() {}

  /// Four cells (nil: absent, like empty); nil when one is longer than eight bytes. Each cell
  /// must be followed in memory by eight initialized bytes (see ``CSVFields``).
  @inline(__always)
  init?(_ c0: UnsafeBufferPointer<UInt8>?, _ c1: UnsafeBufferPointer<UInt8>?, _ c2: UnsafeBufferPointer<UInt8>?, _ c3: UnsafeBufferPointer<UInt8>?) {
    guard let w0 = Self.word(c0), let w1 = Self.word(c1), let w2 = Self.word(c2), let w3 = Self.word(c3) else { return nil }
    cells = (w0, w1, w2, w3)
    lengths = UInt64(c0?.count ?? 0) | UInt64(c1?.count ?? 0) &<< 8 | UInt64(c2?.count ?? 0) &<< 16 | UInt64(c3?.count ?? 0) &<< 24
  }

  @inline(__always)
  private static func word(_ cell: UnsafeBufferPointer<UInt8>?) -> UInt64? {
    guard let cell, let from = cell.baseAddress, cell.count > 0 else { return 0 }
    guard cell.count <= 8 else { return nil }
    return UnsafeRawPointer(from).loadUnaligned(as: UInt64.self) & (UInt64.max &>> UInt64(64 &- 8 &* cell.count))
  }

  static func == (a: ShortKey, b: ShortKey) -> Bool {
    a.lengths == b.lengths && a.cells.0 == b.cells.0 && a.cells.1 == b.cells.1 && a.cells.2 == b.cells.2 && a.cells.3 == b.cells.3
  }

  /// A slot in a table of 64.
  var slot: Int {
    let c = cells
    let mixed = (c.0 ^ (c.1 &* 31) ^ (c.2 &* 131) ^ (c.3 &* 521) ^ lengths) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: mixed >> 58)
  }
}
