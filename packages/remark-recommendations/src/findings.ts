import type { Severity } from '@followthrough/core'
import type { VFile } from 'vfile'
import { attempt } from './internal-error.js'
import type { LineIndex } from './positions.js'
import { ruleUrl, type ReportSeverity, type RuleId } from './rules.js'

/**
 * A problem found while reading minutes, before it becomes a vfile message.
 * Findings are collected first and reported in source order at the end, so the
 * messages do not depend on the order the tree was visited in.
 */
export interface Finding {
  ruleId: RuleId
  /** "Unexpected X, expected Y". */
  reason: string
  /** Source offsets, end exclusive. */
  start: number
  end: number
  /** Report a point (`1:1`) rather than a span. */
  point?: boolean
  /** Replacements an editor can offer as quick fixes. */
  expected?: string[]
  /** The text that is wrong. */
  actual?: string
  /** Never report above this severity (a YAML warning stays a warning). */
  atMost?: ReportSeverity
}

const rank: Record<ReportSeverity, number> = { info: 0, warning: 1, error: 2 }

/**
 * Report findings on `file` as messages with place, rule id, source
 * `followthrough`, the rule's URL and the configured severity: `error` is
 * `fatal: true`, `warning` is `fatal: false`, `info` is `fatal: undefined`, `off`
 * reports nothing.
 */
export function reportFindings(file: VFile, findings: Finding[], severities: Readonly<Record<RuleId, Severity>>, lines: LineIndex): void {
  if (findings.length === 0) return
  findings.sort((a, b) => a.start - b.start || a.end - b.end)
  // A vfile message is an Error: capturing a stack trace costs more than the rest of
  // the message, and says nothing about the minutes. Restored before returning.
  const errors = Error as { stackTraceLimit?: number }
  const limit = errors.stackTraceLimit
  if (typeof limit === 'number') errors.stackTraceLimit = 0
  try {
    for (const finding of findings) {
      const failed: Finding[] = []
      attempt(
        failed,
        `reporting ${finding.ruleId}`,
        undefined,
        () => {
          report(file, finding, severities, lines)
        },
        undefined
      )
      // A problem that cannot be placed must not stop the others, nor vanish: its failure shows at 1:1.
      for (const failure of failed) report(file, failure, severities, lines)
    }
  } finally {
    if (typeof limit === 'number') errors.stackTraceLimit = limit
  }
}

function report(file: VFile, finding: Finding, severities: Readonly<Record<RuleId, Severity>>, lines: LineIndex): void {
  let severity = severities[finding.ruleId]
  if (severity === 'off') return
  if (finding.atMost !== undefined && rank[severity] > rank[finding.atMost]) severity = finding.atMost
  const place = finding.point === true ? lines.point(finding.start) : lines.span(finding.start, finding.end)
  const message = file.message(finding.reason, { place, ruleId: finding.ruleId, source: 'followthrough' })
  message.url = ruleUrl(finding.ruleId)
  if (finding.expected !== undefined) message.expected = finding.expected
  if (finding.actual !== undefined) message.actual = finding.actual
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}
