// libFuzzer target: any text as a number a clerk typed (full-width digits, ▲/△, commas, %),
// and as a printed amount (1億5,000万円).
import PremiumCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumberText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
  if case .number(let value) = NumberText.parse(text) {
    // A parsed number must survive the arithmetic a quote applies to it, or report overflow.
    _ = try? value.multiplied(by: Rational(100)).rounded(.halfUpToTenYen)
  }
  _ = NumberText.halfWidth(text)
  // The fast path's integers are the full parser's.
  let plain = Array(text.utf8).withUnsafeBufferPointer { NumberText.plainInteger($0) }
  // Read a word at a time, with the input's own bytes after the cell, the same.
  let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)) + Array("00000000".utf8)
  bytes.withUnsafeBufferPointer { all in
    for length in 0...(all.count - 8) {
      let cell = UnsafeBufferPointer(rebasing: all[0..<length])
      if NumberText.plainInteger(padded: cell) != NumberText.plainInteger(cell) { fatalError("padded reading disagrees: \(Array(cell))") }
    }
  }
  if let plain {
    guard case .number(let value) = NumberText.parse(text), value == Rational(plain) else {
      fatalError("plain integer \(plain) disagrees with the parser: \(text)")
    }
  }
  if let amount = YenFormat.parseAmount(text), amount.amount >= 0 {
    // Printing a limit and reading it back gives the same amount.
    if YenFormat.parseAmount(YenFormat.limit(amount)) != amount { fatalError("limit round trip: \(text)") }
  }
  return 0
}
