import {
  compareIds,
  escapeMarkdown,
  nearest,
  recommendationSummaries,
  type Evidence,
  type MinutesRecord,
  type Progress,
  type Recommendation,
  type RecommendationSummary,
  type Register
} from '@followthrough/core'
import { relativePath, dirname, joinPath } from '@followthrough/engine'
import type { Hover } from 'vscode-languageserver-types'
import { getActionHover } from './action-hover.js'
import type { FolderIndex } from './folder-index.js'
import type { RegisterEntry } from './last-good.js'
import { targetsAt, type Target } from './targets.js'
import { editorMarkdown, editorParagraphs } from './text.js'
import { times } from './view-text.js'
import type { PlacedDocument } from './workspace-index.js'

/** What a hover needs besides the document. */
export interface HoverOptions {
  /** Today (`YYYY-MM-DD`): statuses, due dates and staleness are as of this day. */
  today: string
  /** The URI of a path, as results name files. */
  uriOf(path: string): string
}

/**
 * A hover card for the reference (or register id) under the cursor: id and
 * title, wording, owners by name, status today and since when, due date
 * (overdue marked), when and where it was last discussed. On a range, a
 * compact list of its members. On an id no register has, says so and suggests
 * the nearest ids. Away from references, on an action: its owner and due date
 * (see `getActionHover`).
 */
export function getHover(placed: PlacedDocument, offset: number, options: HoverOptions): Hover | undefined {
  const targets = targetsAt(placed, offset)
  const first = targets[0]
  if (!first) return getActionHover(placed, offset, options)
  const value = targets.length > 1 ? rangeCard(placed.folder, first, targets, options) : card(placed, first, options)
  return { contents: { kind: 'markdown', value }, range: first.range }
}

function progressOf(folder: FolderIndex, register: Register, today: string): Progress | undefined {
  return folder.progress(today).find((entry) => entry.register.id === register.inquiry.id)
}

function card(placed: PlacedDocument, target: Target, options: HoverOptions): string {
  const folder = placed.folder
  const entry = target.register
  const register = entry?.register
  if (!entry || !register) return unresolved(placed, target)
  const recommendation = register.recommendations.find((candidate) => candidate.id === target.id)
  if (!recommendation) return unknown(placed, target, register)
  const progress = progressOf(folder, register, options.today)
  const lines = [`**${target.id}** · ${escapeMarkdown(recommendation.title, editorMarkdown)}`, '']
  if (recommendation.text) lines.push(escapeMarkdown(recommendation.text, editorParagraphs), '')
  lines.push(...facts(recommendation, register, progress, placed, entry.path, options))
  if (folder.registers.filter((candidate) => candidate.register).length > 1 || entry.stale) {
    lines.push('', `*${escapeMarkdown(register.inquiry.title, editorMarkdown)}* (\`${register.inquiry.id}\`)${entry.stale ? ', last valid version: the register has errors' : ''}`)
  }
  return lines.join('\n')
}

function facts(recommendation: Recommendation, register: Register, progress: Progress | undefined, placed: PlacedDocument, registerPath: string, options: HoverOptions): string[] {
  const from = placed.path
  const lines: string[] = []
  // Core's summary, with the minutes' responses, assurance and due-date revisions:
  // the figures the views, the agent interface and the spreadsheet give.
  const minutes = placed.folder.records()
  const summary = progress ? recommendationSummaries(register, progress, minutes).find((entry) => entry.id === recommendation.id) : undefined
  const owners = recommendation.owners.map((id) => register.owners.find((owner) => owner.id === id)?.name ?? id)
  lines.push(`- **Owner${owners.length === 1 ? '' : 's'}:** ${escapeMarkdown(owners.join(', '), editorMarkdown)}`)
  const response = summary ? responseLine(summary, progress, register) : undefined
  if (response !== undefined) lines.push(response)
  if (summary) lines.push(`- **Status:** ${summary.status}${summary.since !== undefined ? ` since ${summary.since}` : ''} (as of ${options.today})`)
  const assured = summary ? assuranceLine(summary, progress, register, minutes, registerPath, options) : undefined
  if (assured !== undefined) lines.push(assured)
  const due = summary?.currentDue ?? recommendation.due
  if (due !== undefined) {
    const note =
      summary?.daysOverdue !== undefined
        ? ` — **overdue** by ${summary.daysOverdue} day${summary.daysOverdue === 1 ? '' : 's'}`
        : summary?.daysUntilDue !== undefined
          ? ` — due in ${summary.daysUntilDue} day${summary.daysUntilDue === 1 ? '' : 's'}`
          : ''
    lines.push(`- **Due:** ${due}${summary ? moves(summary) : ''}${note}`)
  }
  // Superseded recommendations have no staleness line: what is replaced is not chased.
  const stale = summary !== undefined && summary.status !== 'superseded' ? summary : undefined
  if (stale?.lastDiscussed !== undefined && stale.lastDiscussedIn !== undefined) {
    const where = relativePath(dirname(from), stale.lastDiscussedIn)
    const days = stale.daysSinceDiscussed
    const ago = days !== undefined ? ` (${days} day${days === 1 ? '' : 's'} ago, ${stale.meetingsSince} meeting${stale.meetingsSince === 1 ? '' : 's'} since)` : ''
    lines.push(`- **Last discussed:** ${stale.lastDiscussed} in [${escapeMarkdown(where, editorMarkdown)}](${options.uriOf(stale.lastDiscussedIn)})${ago}`)
  } else if (stale) {
    lines.push('- **Last discussed:** never')
  }
  if (recommendation.supersededBy !== undefined) lines.push(`- **Superseded by:** ${recommendation.supersededBy}`)
  if (recommendation.themes && recommendation.themes.length > 0) lines.push(`- **Themes:** ${escapeMarkdown(recommendation.themes.join(', '), editorMarkdown)}`)
  return lines
}

/** `- **Response:** accepted on 2024-04-10 (note)`, or an overdue wait; nothing when neither. */
function responseLine(summary: RecommendationSummary, progress: Progress | undefined, register: Register): string | undefined {
  const response = summary.response
  if (response !== undefined) {
    const note = response.note !== undefined ? ` (${escapeMarkdown(response.note, editorMarkdown)})` : ''
    return `- **Response:** ${response.decision} on ${response.date}${note}`
  }
  // Core's figure: awaiting a response past `published + responseDays`.
  if (progress?.responses.overdue.includes(summary.id) === true) {
    return `- **Response:** none yet — **overdue** (${register.inquiry.responseDays ?? '?'} days from publication on ${register.inquiry.published})`
  }
  return undefined
}

/**
 * `- **Assurance:** evidenced by West Mercia Police: [Audit](https://…), Training records`,
 * from the event that set the current status (core's summary); "not recorded" or
 * "not verified" when the status claims done without independent checking
 * (core's assurance gap).
 */
function assuranceLine(
  summary: RecommendationSummary,
  progress: Progress | undefined,
  register: Register,
  minutes: readonly MinutesRecord[],
  registerPath: string,
  options: HoverOptions
): string | undefined {
  const gap = progress?.assuranceGap.includes(summary.id) === true
  const evidence = summary.evidence ?? []
  if (summary.assurance === undefined && evidence.length === 0 && summary.by === undefined && !gap) return undefined
  const parts = [summary.assurance ?? 'not recorded']
  const by = summary.by
  if (by !== undefined) parts.push(`by ${escapeMarkdown(register.owners.find((owner) => owner.id === by)?.name ?? by, editorMarkdown)}`)
  let line = `- **Assurance:** ${parts.join(' ')}`
  if (evidence.length > 0) line += `: ${evidence.map((item) => evidenceLink(item, evidenceSource(summary.id, item, minutes) ?? registerPath, options)).join(', ')}`
  if (gap && summary.assurance !== undefined) line += ' — not verified'
  return line
}

/** The minutes file whose status table lists this evidence for the recommendation: its relative links are relative to it. */
function evidenceSource(id: string, item: Evidence, minutes: readonly MinutesRecord[]): string | undefined {
  if (item.href === undefined) return undefined
  for (const record of minutes) {
    for (const update of record.updates ?? []) {
      if (update.id === id && update.evidence?.some((candidate) => candidate.href === item.href && candidate.title === item.title) === true) return record.source
    }
  }
  return undefined
}

/** A piece of evidence as Markdown: a link for web and relative addresses, the title alone for any other scheme. */
function evidenceLink(item: Evidence, source: string, options: HoverOptions): string {
  const label = escapeMarkdown(item.title, editorMarkdown)
  const suffix = item.date !== undefined ? ` (${item.date})` : ''
  const title = `${label}${suffix}`
  const href = item.href?.trim()
  if (href === undefined || href === '') return title
  if (/^(https?|mailto):/i.test(href)) return `[${label}](<${linkDestination(href)}>)${suffix}`
  // Another scheme (command:, javascript:, file:) is never made a link.
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return title
  const [path = '', fragment] = href.split('#', 2)
  if (path === '') return title
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  } catch {
    // Not percent-encoded text: take it as written.
  }
  const target = options.uriOf(joinPath(dirname(source), decoded))
  return `[${label}](<${linkDestination(fragment !== undefined ? `${target}#${fragment}` : target)}>)${suffix}`
}

/** A link destination safe inside `<…>`: no line breaks, angle brackets or spaces. */
function linkDestination(href: string): string {
  return href.replace(/[\s<>]/g, (character) => encodeURIComponent(character))
}

/** `, moved twice from 2024-06-30: supplier delay; contract re-tendered` (core's revisions), or nothing. */
function moves(summary: RecommendationSummary): string {
  const revisions = summary.dueRevisions ?? []
  const count = revisions.length
  if (count === 0) return ''
  const from = summary.due !== undefined ? ` from ${summary.due}` : ''
  const reasons = revisions.map((revision) => (revision.reason !== undefined ? escapeMarkdown(revision.reason, editorMarkdown) : '*no reason given*'))
  return `, moved ${times(count)}${from}: ${reasons.join('; ')}`
}

/** The engine's suggestions for an unknown id at this reference, else the nearest ids. */
function suggestionsFor(placed: PlacedDocument, target: Target, register: Register): string[] {
  const reference = target.references?.[0]
  const finding = placed.minutes?.analysis.findings.find(
    (candidate) => candidate.ruleId === 'unknown-recommendation' && reference !== undefined && candidate.offset === reference.position.start.offset
  )
  if (finding?.suggestions && finding.suggestions.length > 0) return finding.suggestions
  return nearest(
    target.id,
    register.recommendations.map((recommendation) => recommendation.id),
    { max: 2 }
  )
}

function unknown(placed: PlacedDocument, target: Target, register: Register): string {
  const ids = register.recommendations.map((recommendation) => recommendation.id).sort(compareIds)
  const [lowest] = ids
  const highest = ids.at(-1)
  const extent = lowest === undefined || highest === undefined ? 'it has none' : ids.length === 1 ? lowest : `${lowest} to ${highest}`
  const suggestions = suggestionsFor(placed, target, register)
  const lines = [`**${target.id}** is not a recommendation of ${escapeMarkdown(register.inquiry.title, editorMarkdown)} (${extent}).`]
  if (suggestions.length > 0) {
    lines.push('', 'Did you mean:', '')
    for (const id of suggestions) {
      const recommendation = register.recommendations.find((candidate) => candidate.id === id)
      lines.push(`- **${id}** · ${escapeMarkdown(recommendation?.title ?? '', editorMarkdown)}`)
    }
  }
  return lines.join('\n')
}

function unresolved(placed: PlacedDocument, target: Target): string {
  const folder = placed.folder
  const withRegister = folder.registers.filter((entry): entry is RegisterEntry & { register: Register } => entry.register !== undefined)
  if (target.registerId !== undefined) {
    const ids = withRegister.map((entry) => entry.register.inquiry.id)
    return `**${target.registerId}:${target.id}**: no register \`${target.registerId}\` is configured${ids.length > 0 ? ` (registers: ${ids.join(', ')})` : ''}.`
  }
  const [loaded] = withRegister
  if (!loaded) return `**${target.id}**: no register is loaded, so this reference cannot be checked.`
  const holders = withRegister.flatMap((entry) => {
    const recommendation = entry.register.recommendations.find((candidate) => candidate.id === target.id)
    return recommendation ? [{ entry, recommendation }] : []
  })
  const example = holders[0]?.entry ?? loaded
  const lines = [
    `**${target.id}** is ambiguous: several registers are configured. Qualify it (such as \`${example.register.inquiry.id}:${target.id}\`) or set \`register\` in the front matter.`,
    ''
  ]
  for (const { entry, recommendation } of holders) {
    lines.push(`- \`${entry.register.inquiry.id}:${target.id}\` · ${escapeMarkdown(recommendation.title, editorMarkdown)}`)
  }
  return lines.join('\n')
}

/** A range (`R3–R5`) or list sharing one span: one line per member. */
function rangeCard(folder: FolderIndex, first: Target, targets: readonly Target[], options: HoverOptions): string {
  const last = targets.at(-1) ?? first
  const lines = [`**${first.id}–${last.id}** (${targets.length} recommendations)`, '']
  for (const target of targets) {
    const register = target.register?.register
    const recommendation = register?.recommendations.find((candidate) => candidate.id === target.id)
    if (!register || !recommendation) {
      lines.push(`- **${target.id}** · *not in the register*`)
      continue
    }
    const status = progressOf(folder, register, options.today)?.statuses.find((entry) => entry.id === target.id)
    lines.push(`- **${target.id}** · ${escapeMarkdown(recommendation.title, editorMarkdown)}${status ? ` — ${status.status}` : ''}`)
  }
  return lines.join('\n')
}
