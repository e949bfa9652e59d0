#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The command line, without the program's name, each argument's bytes kept as ``FileName``
/// decodes them (a file name need not be UTF-8).
enum ProcessArguments {
  /// `CommandLine.arguments`; in a static binary the runtime reads them from /proc/self, which a
  /// process at its descriptor limit (`ulimit -n 3`) cannot open, and gets none. They are then
  /// read where the kernel put them: the initial stack holds argc, argv[0…argc-1] and a null,
  /// and then the environment, where `environ` still points before anything sets a variable.
  static func current() -> [String] {
    if CommandLine.argc > 0 {
      return (1..<Int(CommandLine.argc)).compactMap { CommandLine.unsafeArgv[$0].map { argument(UnsafePointer($0)) } }
    }
    return fromInitialStack().map { Array($0.dropFirst()) } ?? []
  }

  private static func argument(_ pointer: UnsafePointer<CChar>) -> String {
    pointer.withMemoryRebound(to: UInt8.self, capacity: strlen(pointer) + 1) {
      FileName.decode(UnsafeBufferPointer(start: $0, count: strlen(pointer)))
    }
  }

  private static func fromInitialStack() -> [String]? {
    let initial: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
    guard let environment = initial else { return nil }
    let slots = UnsafeRawPointer(environment)
    let width = MemoryLayout<Int>.stride
    // environ[-1] is argv's terminating null; argv[argc-1] is below it, and argc below argv[0].
    guard slots.load(fromByteOffset: -width, as: Int.self) == 0 else { return nil }
    // Every slot passed is a pointer to an argument, so no slot but argc itself holds a count this
    // small: the walk stops at argc.
    for count in 1...4096 {
      let value = slots.load(fromByteOffset: -(count + 2) * width, as: Int.self)
      if value == count {
        return (0..<count).compactMap { i in
          slots.load(fromByteOffset: -(count + 1 - i) * width, as: UnsafePointer<CChar>?.self).map(argument)
        }
      }
      guard slots.load(fromByteOffset: -(count + 1) * width, as: UnsafePointer<CChar>?.self) != nil else { return nil }
    }
    return nil
  }
}
