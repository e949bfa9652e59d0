#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PremiumCore

/// stdout or stderr as a buffered `TextOutputStream` over the file descriptor.
struct StandardStream: TextOutputStream {
  let descriptor: Int32
  private var buffer: [UInt8] = []
  private static let flushThreshold = 1 << 16

  static var output: StandardStream { StandardStream(descriptor: 1) }
  static var error: StandardStream { StandardStream(descriptor: 2) }

  init(descriptor: Int32) {
    self.descriptor = descriptor
    buffer.reserveCapacity(StandardStream.flushThreshold)
  }

  mutating func write(_ string: String) {
    buffer.append(contentsOf: string.utf8)
    if buffer.count >= StandardStream.flushThreshold { flush() }
  }

  /// Writes out what is buffered. A closed pipe or full disk is not retried: the exit status
  /// already tells the caller what was priced.
  mutating func flush() {
    var offset = 0
    buffer.withUnsafeBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      while offset < bytes.count {
        let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
        if written <= 0 {
          if written < 0, errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// What the process learns from its surroundings; tests supply their own.
struct Environment {
  var variables: [String: String]
  /// The quote date: today, in the machine's time zone.
  var today: CalendarDate?

  /// The variables this tool reads, and today's date.
  static func current() -> Environment {
    var variables: [String: String] = [:]
    for name in ["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR"] {
      if let value = getenv(name) { variables[name] = String(cString: value) }
    }
    var now = time(nil)
    var parts = tm()
    let today = localtime_r(&now, &parts) != nil
      ? CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) : nil
    return Environment(variables: variables, today: today)
  }

  /// English when the locale says so (`LC_ALL`, then `LC_MESSAGES`, then `LANG` starting `en`).
  var language: Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = variables[name], !value.isEmpty {
        return value.hasPrefix("en") ? .en : .ja
      }
    }
    return .ja
  }
}
