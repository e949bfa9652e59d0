/// Per field of the current record: where its bytes start and end.
final class FieldBounds {
  /// Set on a start offset that is in the reader's quoted-field storage rather than the record.
  static let inStorage = 1 << 62

  @exclusivity(unchecked) private(set) var pointer = UnsafeMutablePointer<Int>.allocate(capacity: 128)
  /// Fields the storage holds (two offsets each).
  @exclusivity(unchecked) private(set) var capacity = 64
  /// Set directly only by a reader that wrote the bounds below it.
  @exclusivity(unchecked) var count = 0

  deinit { pointer.deallocate() }

  func removeAll() { count = 0 }

  func isEmpty(_ i: Int) -> Bool { pointer[2 * i] & ~Self.inStorage == pointer[2 * i + 1] }

  /// Doubles the capacity, keeping the first `fields` fields' bounds.
  func grow(keeping fields: Int) {
    let bigger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 4)
    bigger.update(from: pointer, count: min(fields, capacity) * 2)
    pointer.deallocate()
    pointer = bigger
    capacity *= 2
  }

  @inline(__always)
  func append(_ start: Int, _ end: Int) {
    if count == capacity { grow(keeping: count) }
    pointer[2 * count] = start
    pointer[2 * count + 1] = end
    count += 1
  }
}

/// A record's fields, borrowed from the reader inside ``CSVReader/withFields(_:)``.
///
/// At least ``ByteBuffer/slack`` initialized bytes follow every field in memory (the rest of the
/// record, the next one, or the buffers' slack), so that a word may be loaded at any position in
/// a field: see ``NumberText/plainInteger(padded:)``.
package struct CSVFields {
  let record: UnsafePointer<UInt8>
  let storage: UnsafePointer<UInt8>
  /// Start and end of each field, see ``FieldBounds``.
  let bounds: UnsafePointer<Int>
  package let count: Int

  init(record: UnsafeMutablePointer<UInt8>, storage: UnsafeMutablePointer<UInt8>, bounds: FieldBounds) {
    self.record = UnsafePointer(record)
    self.storage = UnsafePointer(storage)
    self.bounds = UnsafePointer(bounds.pointer)
    self.count = bounds.count
  }

  /// The first byte of field `i`; nil when the field is empty.
  @inline(__always)
  package func firstByte(_ i: Int) -> UInt8? {
    let start = bounds[2 * i]
    let end = bounds[2 * i + 1]
    if start & FieldBounds.inStorage != 0 {
      let s = start & ~FieldBounds.inStorage
      return s < end ? storage[s] : nil
    }
    return start < end ? record[start] : nil
  }

  /// The raw bytes of field `i`.
  @inline(__always)
  package subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
    let start = bounds[2 * i]
    let end = bounds[2 * i + 1]
    if start & FieldBounds.inStorage != 0 {
      let s = start & ~FieldBounds.inStorage
      return UnsafeBufferPointer(start: storage + s, count: end - s)
    }
    return UnsafeBufferPointer(start: record + start, count: end - start)
  }
}
