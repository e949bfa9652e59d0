import Foundation
import PremiumCore
import TestSupport
import Testing

@testable import cyberquote

/// A column that looks like a pricing input or an expectation is read or refused, never passed
/// through while the rows are priced without it; the names the tool writes are read back.
@Suite struct ColumnNameTests {
  static func batch(_ csv: String, _ flags: [String] = []) -> CLIResult {
    CLIHarness.run(["batch"] + flags + ["-"], stdin: Array(csv.utf8))
  }

  static func premium(_ result: CLIResult) throws -> String {
    let rows = try CLIHarness.csvRows(Array(result.stdout.utf8))
    let column = try #require(rows.first?.firstIndex(of: "premium"))
    return rows[1][column]
  }

  /// `security_percent` is the tool's own JSON key: read as the security adjustment, as
  /// `security adjustment` is; 159,900円 is 001's hospital S4 at ▲10%.
  @Test(arguments: ["security", "security_percent", "Security Adjustment", "セキュリティー割増引"])
  func theSecurityColumnUnderItsNames(_ header: String) throws {
    let result = Self.batch("program,facility,plan,general_beds,\(header)\nbyoin-kyosaikai,hospital,S4,100,-10\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try Self.premium(result) == "159900")
  }

  /// Close to a name without being one: refused, naming the column and the name meant.
  @Test(arguments: [("security_pct", "security"), ("securty", "security"), ("plan_no_x", nil), ("general-beds-count", "general_beds")])
  func aNearNameIsRefused(_ header: String, _ meant: String?) throws {
    let result = Self.batch("program,facility,plan,\(header)\nbyoin-kyosaikai,clinic,S4,1\n", ["--lang", "en"])
    if let meant {
      #expect(result.status == 2 && result.stdout.isEmpty)
      #expect(result.stderr.contains("the header '\(header)' is close to '\(meant)'"), "\(result.stderr)")
    } else {
      #expect(result.status == 0, "\(result.stderr)")
    }
  }

  /// kumamoto-hokeni prices per facility: five facilities are 250,000円, not one's 50,000円.
  @Test func theNumberOfFacilitiesIsRead() throws {
    for header in ["facilities", "number_of_facilities", "施設数"] {
      let result = Self.batch("program,facility,plan,\(header)\nkumamoto-hokeni,clinic,A,5\n")
      #expect(try Self.premium(result) == "250000", "\(header)")
    }
  }

  /// A program column under another name is read, over `--program`; two are refused.
  @Test func aProgramColumnUnderAnotherNameIsRead() throws {
    for header in ["program name", "program_name", "プログラム", "制度名"] {
      let result = Self.batch("\(header),facility,plan\nfukuoka-ishikai,clinic,S4\n", ["--program", "byoin-kyosaikai"])
      #expect(try Self.premium(result) == "55880", "\(header)")
    }
    let both = Self.batch("program,program_name,facility,plan\nfukuoka-ishikai,byoin-kyosaikai,clinic,S4\n")
    #expect(both.status == 2 && both.stderr.contains("'program' と 'program_name' は同じ項目です"), "\(both.stderr)")
  }

  /// What batch takes only as a flag is refused as a column, naming the flag.
  @Test func aColumnOfAFlagOnlyValueIsRefused() {
    let result = Self.batch("program,facility,plan,installments\nkagoshima-ikyo,clinic,S1,12\n", ["--lang", "en"])
    #expect(result.status == 2 && result.stderr.contains("'installments' cannot be set row by row (give --installments"), "\(result.stderr)")
    #expect(Self.batch("program,facility,plan,#installments\nkagoshima-ikyo,clinic,S1,12\n").status == 0)
  }

  /// A check file's expectations under the names batch writes and British spelling; a near
  /// miss is refused rather than checking nothing.
  @Test func expectationsUnderTheirNames() throws {
    let scratch = try ScratchDirectory("columns")
    let british = try scratch.write("a.csv", "program,facility,plan,expected_instalment_premium\nfukuoka-ishikai,clinic,S4,1\n")
    let wrong = CLIHarness.run(["verify", british])
    #expect(wrong.status == 1 && wrong.stdout.contains("不一致 1行"), "\(wrong.stdout)")
    // A row without a source is named by its place, once.
    #expect(wrong.stdout.hasPrefix("\(british):2: 1回分保険料 期待値 1、計算値 55880（"), "\(wrong.stdout)")
    let batchOutput = try scratch.write("b.csv", "program,facility,plan,premium,installment_premium,basis\nfukuoka-ishikai,clinic,S4,55880,55880,published\n")
    #expect(CLIHarness.run(["verify", batchOutput]).status == 0)
    let near = try scratch.write("c.csv", "program,facility,plan,expected_premum\nfukuoka-ishikai,clinic,S4,1\n")
    let refused = CLIHarness.run(["verify", near])
    #expect(refused.status == 2 && refused.stderr.contains("'expected_premum'") && refused.stderr.contains("'expected_premium'"), "\(refused.stderr)")
  }
}
