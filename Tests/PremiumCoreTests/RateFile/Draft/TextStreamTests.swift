import Testing

@testable import PremiumCore

/// The whole text as one run of letters (``TextStream``), held as UTF-16 units: a sentence is
/// found across lines and punctuation, with its numbers, and printed back as the lines print it.
@Suite struct TextStreamTests {
  static let text = """
    ■中途加入
    𠮷田支部の会員は、毎月１５日までの受付分は、
    受付日の翌月5日から補償を開始します。
    〒890-0053 鹿児島市中央町8-1
    """

  /// A letter beyond the Basic Multilingual Plane (𠮷, two UTF-16 units) matches itself and
  /// nothing else, and the printed text keeps it and the brochure's own characters.
  @Test func aSentenceIsFoundAcrossLinesWithItsNumbers() throws {
    let stream = TextStream(try BrochureText(Self.text))
    let match = try #require(stream.match(shapeOf: "𠮷田支部の会員は、毎月20日までの受付分は、受付日の翌月1日から補償を開始します。"))
    #expect(match.numbers == [15, 5])
    #expect(match.line == 2)
    #expect(match.printed == "𠮷田支部の会員は、毎月１５日までの受付分は 受付日の翌月5日から補償を開始します。")
    #expect(stream.match(shapeOf: "吉田支部の会員は、毎月20日までの受付分は") == nil)
  }

  /// Numbers something other than a thousands comma separates stay two numbers.
  @Test func separatedNumbersStayApart() throws {
    let stream = TextStream(try BrochureText(Self.text))
    #expect(stream.match(shapeOf: "〒890-0053")?.numbers == [890, 53])
    #expect(stream.match(shapeOf: "〒8900053") == nil)
    #expect(TextStream.Shape("1,000万円").match(TextStream.units("1,000万円"), at: 0)?.numbers == [1000])
  }

  /// The sentence index's entries come back as they went in, whatever their gaps.
  @Test func postingsKeepEveryEntry() {
    let entries: [Int32] = [0, 1, 2, 129, 130, 16_514, 16_515, 2_113_665, 300_000_000]
    var postings = TextIndex.Postings()
    for entry in entries { postings.append(entry) }
    var read: [Int32] = []
    postings.forEach { read.append(Int32($0)) }
    #expect(read == entries)
    // Gaps of 1 and 127 take a byte each, 16,384 and 2,097,150 three, 297,886,335 five.
    #expect(postings.bytes.count == 6 + 3 + 3 + 5)
  }
}
