// libFuzzer target: any bytes as a rate file, decoded, checked beside the built-in programs,
// and, when clean, written back and decoded again (which must give the same program).
import PremiumCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRateFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
  let result = RateBookCheck.check([RateBookCheck.Source(file: "fuzz.json", text: text)], beside: .builtIn)
  for (_, program) in result.programs {
    let again = try? RateFileDecoder.decode(RateFileEncoder.encode(program), file: "again.json")
    if again != program { fatalError("encode → decode changed the program") }
  }
  return 0
}
