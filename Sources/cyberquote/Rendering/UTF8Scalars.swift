/// Unicode scalars decoded straight from a String's UTF-8 bytes. Every screen a command prints
/// is measured line by line, and the scalar view costs several times as much per character.
enum UTF8Scalars {
  /// Calls `body` with each scalar's value and the offset of its first byte. `bytes` is valid
  /// UTF-8, as a String's bytes are; a sequence cut short at the end is left out.
  @inline(__always)
  static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ value: UInt32, _ offset: Int) -> Void) {
    var i = 0
    while i < bytes.count {
      let lead = UInt32(bytes[i])
      let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      guard i + length <= bytes.count else { return }
      var value = length == 1 ? lead : lead & (0x7F >> UInt32(length))
      for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
      body(value, i)
      i += length
    }
  }
}
