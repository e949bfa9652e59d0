// libFuzzer target: any bytes as a command line (arguments separated by NUL or newline, the
// rest of the input after a line "--stdin--" as standard input), run in-process. Compiled with
// the cyberquote sources except main.swift.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PremiumCore

/// Keeps everything in memory; stdin is the input's tail.
struct FuzzConsole: Console {
  var stdin: [UInt8]
  var written = 0
  var standardInputIsTerminal = false
  var standardErrorIsTerminal = false
  var outputFailure: Int32? { nil }

  mutating func flush() {}
  mutating func write(bytes: UnsafeBufferPointer<UInt8>) { written += bytes.count }
  mutating func writeStandardError(_ text: String) { written += text.utf8.count }
  mutating func standardInput() -> AnyByteSource {
    var source = MemoryByteSource(stdin, chunk: 5)
    return AnyByteSource { buffer throws(CSVError) in try source.read(into: buffer) }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let marker = Array("\n--stdin--\n".utf8)
  var head = bytes[...]
  var stdin: [UInt8] = []
  if let cut = (0...max(0, bytes.count - marker.count)).first(where: { bytes.count >= marker.count && Array(bytes[$0..<($0 + marker.count)]) == marker }) {
    head = bytes[..<cut]
    stdin = Array(bytes[(cut + marker.count)...])
  }
  let arguments = head.split(whereSeparator: { $0 == 0 || $0 == 0x0A }).map { String(decoding: $0, as: UTF8.self) }
  // No file system: an argument naming an existing path (a device would never end, --svg would
  // write) is not run.
  for argument in arguments
  where argument != "-" && (access(argument, F_OK) == 0 || argument.hasPrefix("--svg") || argument.hasPrefix("--out") || argument.hasPrefix("--junit")) {
    return 0
  }
  var console = FuzzConsole(stdin: stdin)
  let status = CLI.run(arguments, environment: Environment(variables: [:], today: CalendarDate(year: 2026, month: 11, day: 21)), console: &console)
  if ![0, 1, 2].contains(status) { fatalError("exit status \(status)") }
  return 0
}
