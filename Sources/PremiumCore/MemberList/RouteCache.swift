/// Routes by the raw bytes of a row's program, facility, plan and option cells, so that the
/// common row finds its route without decoding a cell: a hash of the bytes, then the bytes
/// themselves to confirm. A direct-mapped table of recent keys stands in front of the map.
/// Bounded: a list of ever new keys (random text, a column shifted) starts it again rather than
/// growing it.
struct RouteCache {
  /// The key cells' columns (−1: absent), in key order.
  var keyColumns: [Int] = []
  private var routes: [UInt64: [RouteEntry]] = [:]
  private var recent = [(hash: UInt64, entry: RouteEntry?)](repeating: (0, nil), count: 64)
  private var count = 0
  private var key: [UInt8] = []

  /// Distinct keys kept: far more than a real list has (a few programs, facilities and plans).
  static let limit = 4096

  /// What a lookup found: the route (nil when the key cannot be priced: such rows take the
  /// decoded path, which reports why), or the hash to insert under.
  enum Lookup {
    case found(PricingRoute?)
    case missing(hash: UInt64)
  }

  mutating func lookup(_ fields: CSVFields) -> Lookup {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for column in keyColumns {
      if column >= 0, column < fields.count {
        for b in fields[column] { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
      }
      hash = (hash ^ 0xFF) &* 0x100_0000_01B3
    }
    let slot = Int(truncatingIfNeeded: hash & 63)
    if recent[slot].hash == hash, let entry = recent[slot].entry, keyMatches(entry.key, fields) {
      return .found(entry.route)
    }
    if let bucket = routes[hash] {
      for entry in bucket where keyMatches(entry.key, fields) {
        recent[slot] = (hash, entry)
        return .found(entry.route)
      }
    }
    return .missing(hash: hash)
  }

  mutating func insert(_ route: PricingRoute?, hash: UInt64, fields: CSVFields) {
    key.removeAll(keepingCapacity: true)
    for column in keyColumns {
      if column >= 0, column < fields.count { key.append(contentsOf: fields[column]) }
      key.append(0xFF)
    }
    let entry = RouteEntry(key: key, route: route)
    if count >= Self.limit {
      routes.removeAll(keepingCapacity: true)
      recent = recent.map { _ in (0, nil) }
      count = 0
    }
    count += 1
    routes[hash, default: []].append(entry)
    recent[Int(truncatingIfNeeded: hash & 63)] = (hash, entry)
  }

  /// Whether `key` (the key cells joined by 0xFF, which UTF-8 and CP932 never contain) is this row's.
  private func keyMatches(_ key: [UInt8], _ fields: CSVFields) -> Bool {
    key.withUnsafeBufferPointer { key in
      var offset = 0
      for column in keyColumns {
        let cell = column >= 0 && column < fields.count ? fields[column] : UnsafeBufferPointer(start: nil, count: 0)
        guard offset + cell.count < key.count else { return false }
        for i in 0..<cell.count where key[offset + i] != cell[i] { return false }
        offset += cell.count
        guard key[offset] == 0xFF else { return false }
        offset += 1
      }
      return offset == key.count
    }
  }
}

/// A route cache entry: the key cells' bytes, and the route.
final class RouteEntry {
  let key: [UInt8]
  let route: PricingRoute?

  init(key: [UInt8], route: PricingRoute?) {
    self.key = key
    self.route = route
  }
}
