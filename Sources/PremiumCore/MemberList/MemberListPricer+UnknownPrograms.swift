/// A row naming a program there is none of: its message, with the suggestion and the list of
/// programs, built once per suggestion and written as CSV bytes.
extension MemberListPricer {
  /// An unknown program's message as a CSV field, its end written from the cache as prepared:
  /// a list of distinct unknown names builds only its names' part. Never a formula: the message
  /// begins with words.
  mutating func writeUnknownProgram(_ id: String, suggestion: String?, known: [ProgramName]) {
    let tail = unknownProgramTail(suggestion: suggestion, known: known)
    let (before, after) = QuoteError.unknownProgramWords(options.language)
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: before.utf8)
    scratch.append(contentsOf: id.utf8)
    scratch.append(contentsOf: after.utf8)
    var sink = out
    if tail.needsQuotes || CSVWriter.needsQuotes(scratch) {
      out.append(0x22)
      scratch.withUnsafeBufferPointer { CSVWriter.appendQuotedContent($0, to: &sink) }
      tail.quotedContent.withUnsafeBufferPointer { out.append($0) }
      out.append(0x22)
    } else {
      scratch.withUnsafeBufferPointer { out.append($0) }
      var text = tail.text
      text.withUTF8 { out.append($0) }
    }
  }

  mutating func unknownProgramTail(suggestion: String?, known: [ProgramName]) -> UnknownProgramTail {
    if let cached = unknownProgramTails[suggestion] { return cached }
    let tail = UnknownProgramTail(QuoteError.unknownProgramTail(suggestion: suggestion, known: known, options.language))
    if unknownProgramTails.count < 64 { unknownProgramTails[suggestion] = tail }
    return tail
  }
}

/// The end of an unknown program's message (after the name), as text and as the inside of a
/// quoted CSV field.
struct UnknownProgramTail {
  let text: String
  let needsQuotes: Bool
  let quotedContent: [UInt8]

  init(_ text: String) {
    self.text = text
    let bytes = Array(text.utf8)
    needsQuotes = CSVWriter.needsQuotes(bytes)
    var content: [UInt8] = []
    bytes.withUnsafeBufferPointer { CSVWriter.appendQuotedContent($0, to: &content) }
    quotedContent = content
  }
}
