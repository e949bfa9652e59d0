/// Routes by the raw bytes of a row's program, facility, plan and option cells, so that the
/// common row finds its route without decoding a cell.
///
/// The key cells are packed into a fixed key of six words and their lengths (up to 48 bytes in
/// all: ids, facility words and plan codes are far shorter); a direct-mapped table of recent keys
/// stands in front of a dictionary of every key seen. A row whose key cells are longer is looked
/// up by its bytes. Entries hold routes by index: a lookup copies no reference. Bounded: a list
/// of ever new keys (random text, a column shifted) starts it again rather than growing it.
struct RouteCache {
  /// The key cells' columns (−1: absent), in key order.
  var keyColumns: [Int] = []

  struct Entry {
    /// nil when the key cannot be priced: such rows take the decoded path, which reports why.
    let route: PricingRoute?
    /// The route in whole yen, when it has one.
    let whole: WholeYenRoute?
  }

  private(set) var entries: [Entry] = []
  private var packed: [PackedKey: Int] = [:]
  private var long: [[UInt8]: Int] = [:]
  private var recent = [(key: PackedKey, index: Int)](repeating: (PackedKey(), -1), count: 64)
  private var scratch: [UInt8] = []

  /// Distinct keys kept: far more than a real list has (a few programs, facilities and plans).
  static let limit = 4096

  /// A row's key, as found: the packed key, or the bytes for a long one.
  enum Key {
    case packed(PackedKey)
    case long([UInt8])
  }

  /// The index in ``entries`` of this row's key, or the key to ``insert(_:for:)`` under.
  mutating func lookup(_ fields: CSVFields) -> Result<Int, KeyMiss> {
    if let key = PackedKey(fields, columns: keyColumns) {
      let slot = key.slot
      if recent[slot].index >= 0, recent[slot].key == key { return .success(recent[slot].index) }
      if let index = packed[key] {
        recent[slot] = (key, index)
        return .success(index)
      }
      return .failure(KeyMiss(key: .packed(key)))
    }
    scratch.removeAll(keepingCapacity: true)
    for column in keyColumns {
      if column >= 0, column < fields.count { scratch.append(contentsOf: fields[column]) }
      scratch.append(0xFF)  // never in UTF-8 or CP932 text
    }
    if let index = long[scratch] { return .success(index) }
    return .failure(KeyMiss(key: .long(scratch)))
  }

  /// A key not in the cache.
  struct KeyMiss: Error {
    let key: Key
  }

  /// Adds `entry` under `miss`'s key; its index.
  @discardableResult
  mutating func insert(_ entry: Entry, for miss: KeyMiss) -> Int {
    if entries.count >= Self.limit {
      entries.removeAll(keepingCapacity: true)
      packed.removeAll(keepingCapacity: true)
      long.removeAll(keepingCapacity: true)
      for i in recent.indices { recent[i].index = -1 }
    }
    let index = entries.count
    entries.append(entry)
    switch miss.key {
    case .packed(let key):
      packed[key] = index
      recent[key.slot] = (key, index)
    case .long(let bytes):
      long[bytes] = index
    }
    return index
  }
}

/// Up to 48 bytes of key cells, zero-padded, with each cell's length (a byte each): two rows have
/// the same key cells exactly when their packed keys are equal.
struct PackedKey: Hashable {
  /// A homogeneous tuple: its bytes are contiguous, in order.
  private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
  private var lengths: UInt64 = 0

  init() {}

  /// nil when the cells are too long to pack (more than 48 bytes, a cell over 255, or more than
  /// eight key columns).
  @inline(__always)
  init?(_ fields: CSVFields, columns: [Int]) {
    guard columns.count <= 8 else { return nil }
    var total = 0
    for (n, column) in columns.enumerated() where column >= 0 && column < fields.count {
      let count = fields[column].count
      guard count <= 255 else { return nil }
      total += count
      lengths |= UInt64(count) << (8 * UInt64(n))
    }
    guard total <= 48 else { return nil }
    withUnsafeMutableBytes(of: &words) { raw in
      var offset = 0
      for column in columns where column >= 0 && column < fields.count {
        let cell = fields[column]
        for i in 0..<cell.count { raw[offset + i] = cell[i] }
        offset += cell.count
      }
    }
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
