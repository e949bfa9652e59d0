/// The proposal page's style: A4 paper, and the screen's view of the same page.
extension ProposalPage {
  static let style = """
    @page { size: A4; margin: 12mm 12mm 14mm 12mm; @top-left { font-size: 7pt; color: #555; } @top-right { font-size: 7pt; color: #555; }
      @bottom-left { font-size: 7pt; color: #555; } @bottom-right { font-size: 7pt; color: #555; } }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; font-size: 8pt; line-height: 1.35; color: #111; margin: 0; }
    p { margin: 1mm 0; }
    header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #1f5fa8; padding-bottom: 3mm; margin-bottom: 2mm; }
    h1 { font-size: 16pt; margin: 0 0 2mm 0; }
    h2 { font-size: 10.5pt; margin: 3.5mm 0 1.5mm 0; border-left: 4px solid #1f5fa8; padding-left: 2mm; break-after: avoid; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 2mm; }
    th, td { border: 1px solid #bbb; padding: 0.3mm 1.2mm; vertical-align: top; }
    th { background: #eef3fa; text-align: left; font-weight: normal; white-space: nowrap; }
    section.facility th, section.program th { width: 22%; }
    td.num, td.name { white-space: nowrap; }
    td.limits { word-break: keep-all; }
    .confirmation { border: 1px solid #111; padding: 2mm 3mm; margin-top: 4mm; break-inside: avoid; }
    .confirmation .sign { margin-top: 6mm; border-bottom: 1px solid #111; padding-bottom: 1mm; }
    td.num { text-align: right; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
    tbody tr:last-child { break-before: avoid; }
    .issuer { text-align: right; }
    .contact { white-space: pre-line; }
    section.wishes td { width: 50%; }
    .criteria, .left-out, .entry { margin-top: 0; }
    .reason { border-left: 3px solid #1f5fa8; padding-left: 2mm; }
    .exclusions .columns { columns: 2; column-gap: 5mm; font-size: 7pt; line-height: 1.25; }
    .exclusions .columns ul { margin: 0 0 1mm 0; }
    .exclusions .part { font-weight: bold; margin: 1mm 0 0 0; break-after: avoid; }
    .exclusions li { break-inside: avoid; }
    .read-first { font-size: 7pt; }
    .matters { font-size: 7pt; line-height: 1.25; }
    .matters td p { margin: 0 0 0.5mm 0; }
    .matters th { width: 16%; white-space: normal; }
    .not-paid { font-size: 7pt; line-height: 1.25; }
    footer { margin-top: 4mm; border-top: 1px solid #bbb; padding-top: 1mm; font-size: 7pt; color: #555; }
    tr.chosen td { background: #fff3c4; font-weight: bold; }
    .to { font-size: 13pt; }
    .muted { color: #555; }
    .notice { border: 1px solid #c0392b; padding: 2mm; margin-top: 4mm; }
    section { break-inside: auto; }
    svg { width: 100%; height: auto; max-height: 80mm; }
    ol, ul { margin: 1mm 0 1mm 5mm; padding-left: 4mm; }
    @media print { .chart { break-inside: avoid; } }
    """
}
