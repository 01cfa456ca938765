import { relativePath, type Finding } from '@followthrough/engine'
import { stringifyJson } from './text.js'

/** One finding in `--format json`. */
export interface JsonFinding {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: Finding['severity']
  ruleId: string
  message: string
  url?: string
  suggestions?: string[]
  /**
   * What `--fix` would do: replace `offset`..`endOffset` (UTF-16 code units of
   * the file's text, after any byte order mark) with `text`.
   */
  fix?: { offset: number; endOffset: number; text: string }
}

/** Findings as a JSON array, `file` relative to the working folder. */
export function formatJson(findings: readonly Finding[], options: { cwd: string }): string {
  const rows: JsonFinding[] = findings.map((finding) => {
    const row: JsonFinding = {
      file: relativePath(options.cwd, finding.file),
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      severity: finding.severity,
      ruleId: finding.ruleId,
      message: finding.message
    }
    if (finding.url !== undefined) row.url = finding.url
    if (finding.suggestions !== undefined) row.suggestions = finding.suggestions
    if (finding.fix !== undefined) row.fix = { offset: finding.fix.offset, endOffset: finding.fix.endOffset, text: finding.fix.text }
    return row
  })
  // Compact, as ESLint prints it: large runs have tens of thousands of findings.
  return stringifyJson(rows) + '\n'
}
