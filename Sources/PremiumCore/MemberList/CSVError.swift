/// Why input cannot be read as CSV at all.
public enum CSVError: Error, Equatable, Sendable {
  /// A quoted field opened on `line` never closes.
  case unterminatedQuote(line: Int)
  /// One record is larger than ``CSVReader/maximumRecordBytes`` (a runaway quote, or not CSV).
  case recordTooLong(line: Int)
  /// The operating system refused to read: errno.
  case readFailed(code: Int32)
}
