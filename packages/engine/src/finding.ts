import { compareStrings, type Problem, type Severity } from '@followthrough/core'
import type { VFileMessage } from 'vfile-message'

/** How bad a finding is. */
export type FindingSeverity = Exclude<Severity, 'off'>

/**
 * One finding of the engine, in a register, a config or minutes: what the CLI
 * prints and the editor underlines. Lines and columns are 1-based, offsets
 * 0-based, ends exclusive.
 */
export interface Finding {
  /** Absolute path of the file. */
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  offset?: number
  endOffset?: number
  severity: FindingSeverity
  ruleId: string
  message: string
  /** Where the rule is documented. */
  url?: string
  /** Replacements a quick fix can offer (ids such as `R12`, or statuses). */
  suggestions?: string[]
  /** An automatic fix (`followthrough lint --fix`): replace `offset`..`endOffset` with `text`. */
  fix?: { offset: number; endOffset: number; text: string }
}

/** A span in a file, as the remark plugin gives one (unist points with offsets). */
interface Span {
  start: { line: number; column: number; offset: number }
  end: { line: number; column: number; offset: number }
}

/** A finding of a workspace rule over `span` of `file`. */
export function findingAt(file: string, span: Span, what: Pick<Finding, 'severity' | 'ruleId' | 'message' | 'url'>): Finding {
  return {
    file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    offset: span.start.offset,
    endOffset: span.end.offset,
    ...what
  }
}

/** A finding from a core parse problem (register, config, front matter). */
export function findingFromProblem(problem: Problem, file: string): Finding {
  const finding: Finding = {
    file,
    line: problem.line,
    column: problem.column,
    endLine: problem.endLine,
    endColumn: problem.endColumn,
    offset: problem.offset,
    endOffset: problem.endOffset,
    severity: problem.severity,
    ruleId: problem.ruleId,
    message: problem.message
  }
  return finding
}

/** A finding from a vfile message (`fatal` true: error, false: warning, else info). */
export function findingFromMessage(message: VFileMessage, file: string): Finding {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const finding: Finding = {
    file,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    ruleId: message.ruleId ?? 'followthrough',
    message: message.reason
  }
  if (start?.offset !== undefined) finding.offset = start.offset
  if (end?.offset !== undefined) finding.endOffset = end.offset
  if (message.url !== undefined) finding.url = message.url
  if (message.expected !== undefined && message.expected.length > 0) finding.suggestions = [...message.expected]
  return finding
}

/**
 * Apply the config's per-rule severities: `off` drops a finding, anything else
 * replaces its severity.
 */
export function applySeverities(findings: Finding[], rules: Readonly<Record<string, Severity>>): Finding[] {
  const result: Finding[] = []
  for (const finding of findings) {
    const severity = rules[finding.ruleId]
    if (severity === 'off') continue
    result.push(severity === undefined ? finding : { ...finding, severity })
  }
  return result
}

/** Sort findings by file, then position, then rule, so output order is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || compareStrings(a.ruleId, b.ruleId)
}
