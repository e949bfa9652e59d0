// libFuzzer target: any bytes as a member list, read in every encoding, every row mapped to a
// quote request and priced. Built by scripts/fuzz; not part of the package.
import PremiumCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  for encoding in [nil, InputEncoding.utf8, .cp932] {
    // Small chunks and a small buffer put record and field boundaries everywhere.
    var reader = CSVReader(MemoryByteSource(bytes, chunk: 7), encoding: encoding, bufferSize: 16)
    var columns: MemberColumns?
    while (try? reader.next()) == true {
      let cells = reader.withFields { fields in
        (0..<fields.count).map { i in encoding == .cp932 ? CP932.decode(fields[i]) : String(decoding: fields[i], as: UTF8.self) }
      }
      guard let known = columns else {
        columns = try? MemberColumns(header: cells)
        continue
      }
      if case .success(let request) = known.request(cells: cells, defaults: .init(program: "byoin-kyosaikai")) {
        _ = try? Catalog.builtIn.quote(request)
      }
    }
  }
  return 0
}
