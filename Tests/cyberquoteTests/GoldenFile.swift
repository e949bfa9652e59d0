import Foundation

/// A readable file of command-line cases, in the style of hledger's tests:
///
///     # what this case shows
///     $ cyberquote quote --program … --plan S4
///     (stdout, verbatim)
///     >2
///     (stderr, verbatim)
///     >= 0
///
/// `>2` may be left out when stderr is empty. Arguments are split on spaces; quote one that
/// contains a space with single quotes.
struct GoldenFile {
  struct Case {
    var comments: [String]
    var command: String
    var expected: CLIResult

    var arguments: [String] {
      var out: [String] = []
      var current = ""
      var quoted = false
      var started = false
      for c in command.dropFirst("cyberquote".count) {
        if c == "'" {
          quoted.toggle()
          started = true
        } else if c == " " && !quoted {
          if started { out.append(current) }
          current = ""
          started = false
        } else {
          current.append(c)
          started = true
        }
      }
      if started { out.append(current) }
      return out
    }
  }

  var cases: [Case] = []

  init(cases: [Case]) {
    self.cases = cases
  }

  init(parsing text: String) throws {
    var comments: [String] = []
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      if line.hasPrefix("#") || line.isEmpty {
        if line.hasPrefix("#") { comments.append(line) }
        continue
      }
      guard line.hasPrefix("$ cyberquote") else { throw GoldenError.syntax(line: index, text: line) }
      var stdout: [String] = []
      var stderr: [String] = []
      var inStderr = false
      var status: Int32?
      while index < lines.count {
        let body = lines[index]
        index += 1
        if body == ">2" {
          inStderr = true
        } else if body.hasPrefix(">= "), let s = Int32(body.dropFirst(3)) {
          status = s
          break
        } else if inStderr {
          stderr.append(body)
        } else {
          stdout.append(body)
        }
      }
      guard let status else { throw GoldenError.syntax(line: index, text: "missing '>= STATUS' for \(line)") }
      let joined = { (lines: [String]) in lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }
      cases.append(
        Case(comments: comments, command: String(line.dropFirst(2)), expected: CLIResult(stdout: joined(stdout), stderr: joined(stderr), status: status)))
      comments = []
    }
  }

  var text: String {
    cases.map { c in
      var block = c.comments.map { $0 + "\n" }.joined() + "$ " + c.command + "\n" + c.expected.stdout
      if !c.expected.stderr.isEmpty { block += ">2\n" + c.expected.stderr }
      return block + ">= \(c.expected.status)\n"
    }.joined(separator: "\n")
  }
}

enum GoldenError: Error {
  case syntax(line: Int, text: String)
}
