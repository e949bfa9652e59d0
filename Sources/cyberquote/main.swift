#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

var console = ProcessConsole()
let status = CLI.run(ProcessArguments.current(), environment: .current(), console: &console)
console.flush()
exit(status)
