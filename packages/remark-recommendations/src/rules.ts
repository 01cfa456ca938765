import type { Severity } from '@followthrough/core'
import { isObject } from './unknown.js'

/**
 * The checks the plugin reports, their default severities and where each is
 * documented. The CLI and the editor read this list, so a rule exists in one
 * place only.
 */

/** The id of a rule this plugin reports. */
export type RuleId =
  | 'unknown-recommendation'
  | 'superseded-recommendation'
  | 'ambiguous-reference'
  | 'unknown-register'
  | 'unknown-status'
  | 'unknown-response'
  | 'unknown-assurance'
  | 'invalid-due-date'
  | 'due-date-moved-without-reason'
  | 'invalid-front-matter'
  | 'missing-front-matter'
  | 'action-without-due-date'
  | 'invalid-range'
  | 'too-complex'
  | 'internal-error'

/** A severity a rule can report at (`off` is a setting, not a severity). */
export type ReportSeverity = Exclude<Severity, 'off'>

/** A rule: id, default severity, what it checks and where it is documented. */
export interface RuleInfo {
  readonly id: RuleId
  readonly severity: ReportSeverity
  readonly description: string
  readonly url: string
}

const docs = 'https://github.com/followthrough/followthrough/blob/main/packages/remark-recommendations/README.md'

/** The documentation URL of a rule (its section in this package's README). */
export function ruleUrl(id: RuleId): string {
  return `${docs}#${id}`
}

function rule(id: RuleId, severity: ReportSeverity, description: string): RuleInfo {
  return Object.freeze({ id, severity, description, url: ruleUrl(id) })
}

/** Every rule, in the order of the README. */
export const rules: readonly RuleInfo[] = Object.freeze([
  rule('unknown-recommendation', 'error', 'A reference names an id its register does not have.'),
  rule('superseded-recommendation', 'warning', 'A reference names a superseded recommendation.'),
  rule('ambiguous-reference', 'error', 'An unqualified reference when several registers are configured and none is chosen.'),
  rule('unknown-register', 'error', 'A qualified reference, or the front matter, names a register that is not configured.'),
  rule('unknown-status', 'error', 'A status update table uses a word that is not a status.'),
  rule('unknown-response', 'error', 'A Response cell uses a word that is not a response decision.'),
  rule('unknown-assurance', 'error', 'An Assurance cell uses a word other than claimed, evidenced or verified.'),
  rule('invalid-due-date', 'error', 'A Due or Revised due cell is not a date.'),
  rule('due-date-moved-without-reason', 'warning', 'A due date moves (a Due cell, or a register history entry with due) without a reason.'),
  rule('invalid-front-matter', 'error', 'The front matter is not valid YAML or does not describe a meeting.'),
  rule('missing-front-matter', 'warning', 'The minutes have no front matter, so they have no date.'),
  rule('action-without-due-date', 'info', 'An action has no due date.'),
  rule(
    'invalid-range',
    'warning',
    'A range ends before it starts, names more than 200 recommendations, mixes lettered ids, or joins dotted ids that differ before their last number.'
  ),
  rule('too-complex', 'warning', 'A block is too complex to parse in linear time, so it was read as plain text.'),
  rule('internal-error', 'error', 'The checks failed on a block or a file; please report it.')
])

/** Each rule's default severity. */
export const defaultSeverities: Readonly<Record<RuleId, ReportSeverity>> = Object.freeze(
  Object.fromEntries(rules.map((entry) => [entry.id, entry.severity])) as Record<RuleId, ReportSeverity>
)

const severityWords: ReadonlySet<unknown> = new Set<Severity>(['error', 'warning', 'info', 'off'])

function isSeverity(value: unknown): value is Severity {
  return severityWords.has(value)
}

/**
 * The severity of every rule with `overrides` applied. Anything but an object
 * (`undefined`, `null`), unknown rule ids and unknown severity words are
 * ignored, so this never throws on a user's config (the config schema reports
 * those). `overrides` is usually `Options['rules']`, but it is checked as
 * whatever a config held.
 */
export function resolveSeverities(overrides: unknown): Record<RuleId, Severity> {
  const resolved: Record<RuleId, Severity> = { ...defaultSeverities }
  if (!isObject(overrides)) return resolved
  for (const entry of rules) {
    const value = Object.hasOwn(overrides, entry.id) ? overrides[entry.id] : undefined
    if (isSeverity(value)) resolved[entry.id] = value
  }
  return resolved
}
