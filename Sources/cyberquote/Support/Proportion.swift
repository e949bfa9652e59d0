/// Shares of a whole for drawing (chart heights, progress), exact for any 64-bit figures: the
/// product is taken in 128 bits, so a rate file of absurd figures draws rather than traps.
enum Proportion {
  /// `value` of `top` as a share of `span` (value × span / top, rounded down), with `value`
  /// clamped to 0…top; 0 when `top` is not positive.
  static func scaled(_ value: Int64, to span: Int64, of top: Int64) -> Int64 {
    guard top > 0 else { return 0 }
    let clamped = min(max(value, 0), top)
    return top.dividingFullWidth(clamped.multipliedFullWidth(by: span)).quotient
  }

  /// How far through `size` bytes `done` is, 0–100.
  static func percent(_ done: Int, of size: Int) -> Int {
    Int(scaled(Int64(done), to: 100, of: Int64(size)))
  }
}
