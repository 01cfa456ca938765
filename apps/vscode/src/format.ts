/**
 * Pure helpers behind the views: what the status bar, the tree, the code
 * lenses and the inserted snippets say. No `vscode` import, so vitest covers
 * them without an editor.
 */
import type { Progress, Status } from '@followthrough/core'

/** The seven statuses in their usual order, and how each reads: core's, as the report shows them. */
import { compareIds, escapeMarkdown, statuses as statusOrder, statusLabels } from '@followthrough/core'

/** Recommendation ids in natural order (R2 before R10, R12 before R12a): core's. */
export { compareIds, statusLabels, statusOrder }

/** A product icon (codicon) and theme colour per status, for tree items. */
export const statusIcons: Readonly<Record<Status, { icon: string; color: string }>> = {
  'not-started': { icon: 'circle-large-outline', color: 'disabledForeground' },
  'in-progress': { icon: 'sync', color: 'charts.blue' },
  'ready-for-assessment': { icon: 'eye', color: 'charts.purple' },
  implemented: { icon: 'pass-filled', color: 'testing.iconPassed' },
  blocked: { icon: 'error', color: 'errorForeground' },
  rejected: { icon: 'circle-slash', color: 'charts.orange' },
  superseded: { icon: 'arrow-swap', color: 'disabledForeground' }
}

/** The status bar's text: `R 37/46 implemented` (the prefix is the register's id prefix). */
export function statusBarText(progress: Pick<Progress, 'implemented' | 'total'>, prefix = 'R'): string {
  return `${prefix} ${progress.implemented}/${progress.total} implemented`
}

/** The status bar's tooltip: the register and its counts by status (zeros left out). */
export function statusBarTooltip(progress: Pick<Progress, 'register' | 'byStatus' | 'total' | 'implemented' | 'asOf' | 'overdue'>): string {
  const lines = [`${progress.register.title} (${progress.register.id}), ${progress.asOf}`, '']
  for (const status of statusOrder) {
    const count = progress.byStatus[status]
    if (count > 0) lines.push(`${statusLabels[status]}: ${count}`)
  }
  lines.push('', `${progress.implemented} of ${progress.total} implemented${progress.overdue.length > 0 ? `, ${progress.overdue.length} overdue` : ''}`)
  return lines.join('\n')
}

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
}

/** The tree item's description: `due 2024-03-31 (overdue) · last discussed 2024-01-17`. */
export function treeDescription(facts: RecommendationFacts): string {
  const parts: string[] = []
  if (facts.due !== undefined) parts.push(`due ${facts.due}${facts.overdue ? ' (overdue)' : ''}`)
  parts.push(facts.lastDiscussed !== undefined ? `last discussed ${facts.lastDiscussed}` : 'never discussed')
  return parts.join(' · ')
}

/** The tree item's tooltip, as Markdown. */
export function treeTooltip(facts: RecommendationFacts): string {
  const lines = [`**${facts.id}** ${escapeMarkdown(facts.title)}`, '']
  lines.push(`Status: ${statusLabels[facts.status]}${facts.since !== undefined ? ` since ${facts.since}` : ''}`)
  if (facts.ownerNames.length > 0) lines.push(`Owners: ${facts.ownerNames.map((name) => escapeMarkdown(name)).join(', ')}`)
  if (facts.due !== undefined) {
    lines.push(`Due: ${facts.due}${facts.overdue ? ` (**overdue**${facts.daysOverdue !== undefined ? ` by ${facts.daysOverdue} days` : ''})` : ''}`)
  }
  lines.push(
    facts.discussedTimes > 0
      ? `Discussed ${times(facts.discussedTimes)}, last on ${facts.lastDiscussed ?? '?'}`
      : 'Never discussed in the minutes'
  )
  return lines.join('  \n')
}

/** The code lens over a register entry: `Implemented since 2023-03-31 · due 2023-03-31 · discussed 4 times, last on 2024-01-17`. */
export function codeLensTitle(facts: RecommendationFacts): string {
  const parts = [`${statusLabels[facts.status]}${facts.since !== undefined ? ` since ${facts.since}` : ''}`]
  if (facts.due !== undefined) parts.push(`due ${facts.due}${facts.overdue ? ' (overdue)' : ''}`)
  parts.push(facts.discussedTimes > 0 ? `discussed ${times(facts.discussedTimes)}, last on ${facts.lastDiscussed ?? '?'}` : 'never discussed')
  return parts.join(' · ')
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`
}

/** One row of an inserted status update table. */
export interface StatusRow {
  id: string
  status?: Status | undefined
  note?: string | undefined
}

/**
 * A GFM status update table the minutes' parser reads: one row per
 * recommendation, in the order given, the status written as people write it.
 */
export function statusUpdateTable(rows: readonly StatusRow[], options: { heading?: boolean; eol?: string } = {}): string {
  const eol = options.eol ?? '\n'
  const lines: string[] = []
  if (options.heading ?? true) lines.push('## Status updates', '')
  lines.push('| Recommendation | Status | Note |', '| --- | --- | --- |')
  for (const row of rows) {
    const status = row.status !== undefined ? statusLabels[row.status] : ''
    lines.push(`| ${cell(row.id)} | ${status} | ${cell(row.note ?? '')} |`)
  }
  return lines.join(eol) + eol
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** Ids in first-mention order, each once. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}

/** What a new minutes file starts with. */
export interface MinutesTemplate {
  meeting: string
  date: string
  title: string
  chair: string
  attendees: readonly string[]
  /** The register, when the workspace configures several. */
  register?: string | undefined
}

/** Quote a YAML scalar only when it needs it. */
function yamlScalar(text: string): string {
  return /^[\w][\w .,'()/&-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/:\s|\s#/.test(text)
    ? text
    : JSON.stringify(text)
}

/** A new minutes file: front matter filled in, then the usual agenda headings. */
export function minutesTemplate(template: MinutesTemplate): string {
  const lines = ['---', `meeting: ${yamlScalar(template.meeting)}`, `date: ${template.date}`, `title: ${yamlScalar(template.title)}`]
  lines.push(`chair: ${yamlScalar(template.chair)}`)
  if (template.attendees.length === 0) lines.push('attendees: []')
  else lines.push('attendees:', ...template.attendees.map((name) => `  - ${yamlScalar(name)}`))
  if (template.register !== undefined) lines.push(`register: ${template.register}`)
  lines.push(
    '---',
    '',
    `# ${template.title}`,
    '',
    '## Attendance',
    '',
    'Present as listed above.',
    '',
    '## Minutes of the last meeting',
    '',
    '## Progress on the recommendations',
    '',
    '## Status updates',
    '',
    '| Recommendation | Status | Note |',
    '| --- | --- | --- |',
    '',
    '## Actions',
    '',
    '- [ ] ',
    '',
    '## Date of next meeting',
    ''
  )
  return lines.join('\n')
}

/** The file name for new minutes: `2024-10-16-accountability.md`. */
export function minutesFileName(date: string, meeting: string): string {
  const slug = meeting
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${date}-${slug || 'meeting'}.md`
}

/** The folder new minutes go in: the fixed start of the first minutes glob (`minutes/**\/*.md` → `minutes`). */
export function minutesFolder(globs: readonly string[]): string {
  const first = globs[0] ?? 'minutes/**/*.md'
  const segments: string[] = []
  for (const segment of first.split('/')) {
    if (/[*?{}[\]!()]/.test(segment)) break
    segments.push(segment)
  }
  // A glob without magic names a file: its folder is what remains.
  if (segments.length === first.split('/').length) segments.pop()
  return segments.join('/')
}

/** Today as `YYYY-MM-DD` in local time (what a minute-taker means by today). */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
