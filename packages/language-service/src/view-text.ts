import { escapeMarkdown, statuses, statusLabels, type Assurance, type Progress, type Status } from '@followthrough/core'
import { editorMarkdown } from './text.js'

/**
 * What views say about a register and its recommendations: a status bar
 * item, a tree item's description and tooltip, a code lens. Words only, the
 * same in every editor; icons and colours are the editor's.
 */

/** What a tree item or code lens says about one recommendation. */
export interface RecommendationFacts {
  id: string
  title: string
  status: Status
  /** Since when it has had that status, when known. */
  since?: string | undefined
  due?: string | undefined
  /** Open and past due on the as-of date. */
  overdue: boolean
  daysOverdue?: number | undefined
  /** How many references the minutes make to it. */
  discussedTimes: number
  lastDiscussed?: string | undefined
  ownerNames: string[]
  /** The assurance of the event that set the status, when recorded. */
  assurance?: Assurance | undefined
  /** How the due date moved (core's slippage item), when it did: `due` is then the current one. */
  slipped?: { revisions: number; days: number } | undefined
}

/** The status bar's text: `R 37/46 implemented` (the config's prefix first). */
export function statusBarText(progress: Pick<Progress, 'implemented' | 'total'>, prefix = 'R'): string {
  return `${prefix} ${progress.implemented}/${progress.total} implemented`
}

/** The status bar's tooltip: the register and its counts by status (zeros left out). */
export function statusBarTooltip(progress: Pick<Progress, 'register' | 'byStatus' | 'total' | 'implemented' | 'asOf' | 'overdue'>): string {
  const lines = [`${progress.register.title} (${progress.register.id}), ${progress.asOf}`, '']
  for (const status of statuses) {
    const count = progress.byStatus[status]
    if (count > 0) lines.push(`${statusLabels[status]}: ${count}`)
  }
  lines.push('', `${progress.implemented} of ${progress.total} implemented${progress.overdue.length > 0 ? `, ${progress.overdue.length} overdue` : ''}`)
  return lines.join('\n')
}

/** A tree item's description: `due 2024-03-31 (overdue) · last discussed 2024-01-17`. */
export function treeDescription(facts: RecommendationFacts): string {
  const parts: string[] = []
  if (facts.due !== undefined) parts.push(`due ${facts.due}${facts.overdue ? ' (overdue)' : ''}`)
  parts.push(facts.lastDiscussed !== undefined ? `last discussed ${facts.lastDiscussed}` : 'never discussed')
  return parts.join(' · ')
}

/** A tree item's tooltip, as Markdown. */
export function treeTooltip(facts: RecommendationFacts): string {
  const lines = [`**${facts.id}** ${escapeMarkdown(facts.title, editorMarkdown)}`, '']
  lines.push(`Status: ${statusLabels[facts.status]}${facts.since !== undefined ? ` since ${facts.since}` : ''}`)
  if (facts.ownerNames.length > 0) lines.push(`Owners: ${facts.ownerNames.map((name) => escapeMarkdown(name, editorMarkdown)).join(', ')}`)
  if (facts.assurance !== undefined) lines.push(`Assurance: ${facts.assurance}`)
  if (facts.due !== undefined) {
    lines.push(
      `Due: ${facts.due}${facts.overdue ? ` (**overdue**${facts.daysOverdue !== undefined ? ` by ${facts.daysOverdue} days` : ''})` : ''}${facts.slipped ? `, ${slippedText(facts.slipped)}` : ''}`
    )
  }
  lines.push(facts.discussedTimes > 0 ? `Discussed ${times(facts.discussedTimes)}, last on ${facts.lastDiscussed ?? '?'}` : 'Never discussed in the minutes')
  return lines.join('  \n')
}

/**
 * The code lens over a register entry:
 * `Implemented since 2023-03-31 · evidenced · due 2025-03-31, moved 2× (+274 days) · discussed 4 times, last on 2024-01-17`.
 */
export function codeLensTitle(facts: RecommendationFacts): string {
  const parts = [`${statusLabels[facts.status]}${facts.since !== undefined ? ` since ${facts.since}` : ''}`]
  if (facts.assurance !== undefined) parts.push(facts.assurance)
  if (facts.due !== undefined) parts.push(`due ${facts.due}${facts.overdue ? ' (overdue)' : ''}${facts.slipped ? `, ${slippedText(facts.slipped)}` : ''}`)
  parts.push(facts.discussedTimes > 0 ? `discussed ${times(facts.discussedTimes)}, last on ${facts.lastDiscussed ?? '?'}` : 'never discussed')
  return parts.join(' · ')
}

/** `moved 2× (+274 days)`, `moved 1× (−10 days)`. */
export function slippedText(slipped: { revisions: number; days: number }): string {
  const sign = slipped.days > 0 ? '+' : slipped.days < 0 ? '−' : '±'
  return `moved ${slipped.revisions}× (${sign}${Math.abs(slipped.days)} day${Math.abs(slipped.days) === 1 ? '' : 's'})`
}

/** `once`, `twice`, `3 times`. */
export function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`
}
