/// A rate file that cannot be read: where, and what was expected.
public struct RateFileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file's name or path as given.
  public let file: String
  /// 1-based line of the offending value.
  public let line: Int
  /// JSON path of the offending value: `tables[2].rows[3]`.
  public let path: String
  public let message: String
  /// The message in Japanese, for a Japanese run (nil: the English one serves both).
  public let japanese: String?

  public init(file: String, line: Int, path: String, message: String, japanese: String? = nil) {
    self.file = file
    self.line = line
    self.path = path
    self.message = message
    self.japanese = japanese
  }

  /// `rates/x.json:12: tables[0].rows[3]: expected a positive whole number of yen, got -5`.
  public var description: String { description(.en) }

  /// ``description`` in the run's language.
  public func description(_ l: Language) -> String {
    "\(file):\(line): " + (path.isEmpty ? "" : "\(path): ") + l.pick(japanese ?? message, message)
  }
}
