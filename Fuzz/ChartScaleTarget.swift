// libFuzzer target: a chart of byoin-kyosaikai with any per-bed and per-capacity rates a rate
// file can hold, at any axis maximum and terminal width, in the terminal and as SVG. Scaling
// must never trap: a premium that leaves 64 bits is reported, anything else is drawn. Compiled
// with the cyberquote sources except main.swift.
import PremiumCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChartScale(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  var bytes = ArraySlice(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
  func next(_ count: Int) -> UInt64 {
    var value: UInt64 = 0
    for _ in 0..<count {
      value = value << 8 | UInt64(bytes.popFirst() ?? 0)
    }
    return value
  }
  let general = next(8) >> 1  // a positive Int64 or zero
  let other = next(8) >> 1
  let capacity = next(8) >> 1
  let maximum = Int(next(2) % 10_000) + 1
  let width = Int(next(1)) + 20
  let roken = next(1) % 2 == 1
  let plan = "S\(next(1) % 7 + 1)"

  guard let original = try? Catalog.builtIn.program("byoin-kyosaikai") else { fatalError("no built-in program") }
  let text = RateFileEncoder.encode(original)
    .replacing("[\"S1\", 660, 360]", with: "[\"S1\", \(general), \(other)]")
    .replacing("[\"S1\", 290]", with: "[\"S1\", \(capacity)]")
  let result = RateBookCheck.check([RateBookCheck.Source(file: "fuzz.json", text: text)])
  guard let program = result.programs.first?.program else { return 0 }  // a rate the format refuses
  do {
    let curve = try PremiumCurve(program: program, facility: roken ? .roken : .hospital, plan: plan)
    for language in [Language.ja, .en] {
      let chart = try Chart.curve(curve, maximum: maximum, samples: 360, language)
      _ = Chart.terminal(chart, width: width, colour: true, language)
      _ = Chart.svg(chart, language)
    }
  } catch is QuoteError {
    // Overflow at some count: reported to the user as an error, which is the point.
  } catch {
    fatalError("unexpected error \(error)")
  }
  return 0
}
