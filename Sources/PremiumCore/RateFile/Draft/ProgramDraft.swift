/// Drafting next year's book, as a back end calls it: `cyberquote rates draft` without the files.
extension Program {
  /// A rate book drafted from a new brochure's text, read against this program as last year's
  /// book. Not a book to quote from until a person has settled ``questions``.
  public struct Draft: Sendable {
    /// The drafted book as a rate file (JSON), to review and then load with the other books.
    public let rateFile: String
    /// The figures read from the new text; of them, changed from last year's and new.
    public let figuresRead: Int
    public let figuresChanged: Int
    public let figuresNew: Int
    /// Last year's figures the new text does not print.
    public let figuresRemoved: Int
    /// What a person must decide, in the new text's order of lines where it has any.
    public let questions: [Question]

    /// One point of the draft a person must settle.
    public struct Question: Sendable, Hashable {
      /// A stable name for scripts: `split-figure`, `new-plan`, `table-not-found`, ….
      public let code: String
      /// The lines of the new text it is about (1-based); empty when it is about none.
      public let lines: [Int]
      /// What the item is, and what the tool did and the person must do, in the language asked.
      public let what: String
      public let why: String
    }
  }

  /// Why no draft could be made.
  public enum DraftError: Error, Sendable, Hashable {
    /// The text is empty, or has a NUL byte or bytes that are not UTF-8 on `line`: not text
    /// extracted from a brochure.
    case notText(line: Int?)
    /// Neither a table of the program nor its association's name is printed in the text.
    case notThisProgram(String)
  }

  /// Drafts this program's next book from `text`, the new brochure's text (as `pdftotext`
  /// extracts it), naming `brochure` as its source.
  public func draftNextBook(fromBrochureText text: String, brochure: String, language: Language = .ja) throws(DraftError) -> Draft {
    let read: BrochureText
    do { read = try BrochureText(text) } catch {
      switch error {
      case .empty: throw .notText(line: nil)
      case .binary(let line): throw .notText(line: line)
      }
    }
    let draft: RateBookDraft
    do { draft = try RateBookDrafter.draft(read, template: self, brochure: brochure) } catch {
      switch error {
      case .notThisProgram(let id): throw .notThisProgram(id)
      }
    }
    let summary = draft.summary
    return Draft(
      rateFile: RateFileEncoder.encode(draft.program), figuresRead: summary.read, figuresChanged: summary.changed, figuresNew: summary.new,
      figuresRemoved: summary.removed,
      questions: draft.unresolved.map { issue in
        let (code, what, why) = issue.describe(language)
        return Draft.Question(code: code, lines: issue.lines, what: what, why: why)
      })
  }
}
