/// Why exact arithmetic has no result.
///
/// Swift traps on integer overflow and on division by zero; every operation here reports them
/// instead, so no input can stop the process.
public enum ArithmeticError: Error, Equatable, Sendable {
  /// The result would leave the 64-bit range.
  case overflow
  /// A division by zero, or a fraction with a zero denominator.
  case divisionByZero
}
