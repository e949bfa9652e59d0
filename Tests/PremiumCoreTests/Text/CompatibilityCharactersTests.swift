import Foundation
import Testing

@testable import PremiumCore

/// The characters PDF extraction puts in a brochure's text are read as NFKC reads them.
@Suite struct CompatibilityCharactersTests {
  /// Every compatibility ideograph and radical in the generated table, and every one that is not,
  /// against Foundation's NFKC: where NFKC gives one character the table gives the same.
  @Test func theTableIsNFKCForEveryIdeographAndRadical() {
    for range in [0x2E80...0x2FDF, 0xF900...0xFAFF, 0x2F800...0x2FA1F] as [ClosedRange<UInt32>] {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let nfkc = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
        let expected = nfkc.count == 1 ? nfkc.first! : scalar
        #expect(CompatibilityCharacters.normalized(scalar) == expected, "U+\(String(value, radix: 16))")
      }
    }
  }

  @Test func fullWidthFormsSpacesAndDashes() {
    #expect(CompatibilityCharacters.normalized("１２０床（一般）") == "120床(一般)")
    #expect(CompatibilityCharacters.normalized("保険期間　１年") == "保険期間 1年")
    #expect(CompatibilityCharacters.normalized("⽅法") == "方法")
    #expect(CompatibilityCharacters.normalized("| － | ― | − |") == "| - | - | - |")
    // Markers the brochures number coverages with stay as they are.
    #expect(CompatibilityCharacters.normalized("①②▲※") == "①②▲※")
  }
}

@Suite struct JapaneseDatesTests {
  @Test func datesAsBrochuresPrintThem() {
    let found = JapaneseDates.scan("保険期間　　2025 年 10 月 1 日（午後 4 時）から 1 年間。締切：2月28日（金）、令和7年３月14日(金)")
    #expect(found.map(\.year) == [2025, nil, 2025])
    #expect(found.map(\.month) == [10, 2, 3])
    #expect(found.map(\.day) == [1, 28, 14])
    #expect(found.map(\.weekday) == [nil, "金", "金"])
    #expect(found.first?.date == CalendarDate(year: 2025, month: 10, day: 1))
  }

  @Test func notDates() {
    #expect(JapaneseDates.scan("12025年1月1日 13月1日 2月30日").compactMap(\.date) == [])
    #expect(JapaneseDates.scan("100万円 3月分").isEmpty)
  }

  @Test func weekdays() {
    let days: [(Int, Int, Int, String)] = [
      (2025, 3, 14, "金"), (2025, 2, 28, "金"), (2025, 9, 16, "火"), (2025, 9, 1, "月"), (2000, 2, 29, "火"), (1970, 1, 1, "木"), (2026, 12, 6, "日"),
    ]
    for (y, m, d, name) in days {
      #expect(JapaneseDates.weekday(of: CalendarDate(year: y, month: m, day: d)!) == name, "\(y)-\(m)-\(d)")
    }
  }
}
