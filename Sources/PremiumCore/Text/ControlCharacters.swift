/// The characters no printed text holds and no screen may receive as they are: C0 controls, DEL,
/// C1 controls, and the bidirectional overrides and isolates, which reorder what is read.
/// `rates check` warns about them; screens and messages show them escaped.
package enum ControlCharacters {
  package static func contains(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
