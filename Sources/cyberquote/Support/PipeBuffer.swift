#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The kernel's buffer of a pipe, 64 KiB unless enlarged. Batch output piped into another
/// program goes out in chunks of about 1 MiB; through a 64 KiB pipe each chunk takes sixteen
/// turns of writer and reader, which on two busy cores costs more than the copying.
enum PipeBuffer {
  /// F_SETPIPE_SZ and F_GETPIPE_SZ from <linux/fcntl.h>, which the Glibc module does not export.
  static let setSizeCommand: Int32 = 1031, getSizeCommand: Int32 = 1032
  /// Linux's default /proc/sys/fs/pipe-max-size: what any process may ask for.
  static let largeBytes = 1 << 20

  /// Enlarges the pipe `descriptor` refers to, if it is one, to `bytes`, and returns its size
  /// afterwards; nil when `descriptor` is not a pipe or its size cannot be read. Only ever a
  /// speed-up: when the system refuses (a lower limit, a user over their pipe allowance), the
  /// pipe stays as it was.
  @discardableResult
  static func enlarge(_ descriptor: Int32, to bytes: Int = largeBytes) -> Int? {
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO else { return nil }
    #if os(Linux)
    let current = Int(fcntl(descriptor, getSizeCommand))
    if current >= 0, current < bytes { _ = fcntl(descriptor, setSizeCommand, Int32(clamping: bytes)) }
    let size = Int(fcntl(descriptor, getSizeCommand))
    return size >= 0 ? size : nil
    #else
    return nil
    #endif
  }
}
