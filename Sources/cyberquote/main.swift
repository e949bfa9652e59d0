#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

var output = StandardStream.output
var errorOutput = StandardStream.error
let status = CLI.run(Array(CommandLine.arguments.dropFirst()), environment: .current(), output: &output, error: &errorOutput)
errorOutput.flush()
output.flush()
exit(status)
