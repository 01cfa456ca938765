import { assuranceGapByOwner, assurances, percent, responseDecisions, statuses, type Register } from '@followthrough/core'
import type { ProgressReport } from '../progress.js'
import { table } from './refs.js'
import { escapeMarkdown, stringifyJson, visible } from './text.js'

interface Section {
  title: string
  header: string[]
  rows: string[][]
  /** Said instead of an empty table. */
  empty: string
  /** Lines said after the table (or after `empty`). */
  notes?: string[]
}

function sections(report: ProgressReport, register: Register | undefined): Section[] {
  const byStatus: Section = {
    title: 'By status',
    header: ['status', 'count'],
    rows: statuses.map((status) => [status, String(report.byStatus[status])]),
    empty: ''
  }
  const byOwner: Section = {
    title: 'By owner',
    header: ['owner', 'total', 'implemented', 'in progress', 'blocked', 'ratio'],
    rows: Object.entries(report.byOwner).map(([, owner]) => [
      owner.name,
      String(owner.total),
      String(owner.implemented),
      String(owner.byStatus['in-progress'] + owner.byStatus['ready-for-assessment']),
      String(owner.byStatus.blocked),
      percent(owner.implementedRatio)
    ]),
    empty: 'No owners.'
  }
  const overdue: Section = {
    title: 'Overdue',
    header: ['id', 'due', 'days overdue'],
    rows: report.overdueItems.map((item) => [item.id, item.due, String(item.daysOverdue)]),
    empty: 'Nothing overdue.'
  }
  const dueSoon: Section = {
    title: `Due in the next ${report.dueSoonDays} days`,
    header: ['id', 'due', 'days left'],
    rows: report.dueSoonItems.map((item) => [item.id, item.due, String(item.daysUntilDue)]),
    empty: 'Nothing due soon.'
  }
  const stalest = report.staleness
    .filter((entry) => entry.daysSince !== undefined)
    .filter((entry) => {
      const status = report.statuses.find((candidate) => candidate.id === entry.id)?.status
      return status !== 'implemented' && status !== 'rejected'
    })
    .sort((a, b) => (b.daysSince ?? 0) - (a.daysSince ?? 0))
    .slice(0, 10)
  const stale: Section = {
    title: 'Open recommendations discussed longest ago',
    header: ['id', 'last discussed', 'days since', 'meetings since'],
    rows: stalest.map((entry) => [entry.id, entry.lastDiscussed ?? '', String(entry.daysSince ?? ''), String(entry.meetingsSince)]),
    empty: 'None.'
  }
  return [byStatus, byOwner, overdue, dueSoon, stale, ...accountabilitySections(report, register)]
}

/**
 * The accountability cycle's sections: responses, status by assurance with the
 * assurance gap, and slippage. A section the register records nothing of (no
 * response and none overdue; no assurance on any status; no moved due date) is
 * left out, so a register without them reads as before; one with nothing to
 * flag says so in a line.
 */
function accountabilitySections(report: ProgressReport, register: Register | undefined): Section[] {
  const result: Section[] = []
  const { responses, assurance, assuranceGap, slippage } = report
  const name = (owner: string) => report.byOwner[owner]?.name ?? owner
  if (responseDecisions.some((decision) => responses[decision] > 0) || responses.overdue.length > 0) {
    result.push({
      title: 'Responses',
      header: ['response', 'count'],
      rows: [...responseDecisions.map((decision) => [decision, String(responses[decision])]), ['awaiting', String(responses.awaiting)]],
      empty: '',
      notes: [responses.overdue.length === 0 ? 'No response overdue.' : `Response overdue: ${responses.overdue.join(', ')}`]
    })
  }
  const recorded = statuses.some((status) => assurances.some((level) => assurance.byStatus[status][level] > 0))
  if (recorded) {
    const levels = [...assurances, 'not-recorded'] as const
    result.push({
      title: 'Status by assurance',
      header: ['status', ...levels.map((level) => level.replace('-', ' '))],
      rows: statuses
        .filter((status) => levels.some((level) => assurance.byStatus[status][level] > 0))
        .map((status) => [status, ...levels.map((level) => String(assurance.byStatus[status][level]))]),
      empty: ''
    })
    const owners = assuranceGapByOwner(register ?? { recommendations: [] }, assuranceGap)
    result.push({
      title: 'Assurance gap (implemented or ready for assessment, not verified)',
      header: ['owner', 'count', 'ids'],
      rows: [...owners].map(([owner, ids]) => [name(owner), String(ids.length), ids.join(', ')]),
      empty: 'No assurance gap: every implemented or ready-for-assessment claim is verified.',
      notes: assuranceGap.length === 0 ? [] : [`Assurance gap: ${assuranceGap.join(', ')}`]
    })
  }
  if (slippage.items.length > 0) {
    result.push({
      title: 'Slippage (due dates moved)',
      header: ['id', 'owners', 'original due', 'current due', 'revisions', 'days'],
      rows: slippage.items.map((item) => [item.id, item.owners.map(name).join('; '), item.originalDue ?? '—', item.currentDue, String(item.revisions), String(item.days)]),
      empty: '',
      notes: [`Total slipped: ${slippage.totalDays} days.`]
    })
    result.push({
      title: 'Slippage by owner',
      header: ['owner', 'revised', 'days'],
      rows: Object.entries(slippage.byOwner)
        .filter(([, entry]) => entry.revised > 0)
        .map(([owner, entry]) => [name(owner), String(entry.revised), String(entry.days)]),
      empty: ''
    })
  }
  return result
}

function headline(report: ProgressReport): string {
  return `${report.register.title} (${report.register.id}), as of ${report.asOf}: ${report.implemented} of ${report.total} implemented (${percent(report.implementedRatio)})`
}

function forecastLine(report: ProgressReport): string {
  const { forecast } = report
  if (forecast.open === 0) return 'Forecast: every recommendation is closed.'
  if (forecast.date === null) return `Forecast: none; nothing was implemented in the last ${forecast.windowDays} days (${forecast.open} open).`
  return `Forecast: ${forecast.open} open; at the pace of the last ${forecast.windowDays} days (${forecast.implementedInWindow} implemented) all would be done by ${forecast.date}.`
}

function neverLine(report: ProgressReport): string {
  return report.neverDiscussed.length === 0 ? 'Every recommendation has been discussed.' : `Never discussed: ${report.neverDiscussed.join(', ')}`
}

/**
 * Progress reports as a terminal table, JSON, or Markdown for a CI job summary.
 * Text from the register (titles, owner names, ids) is made visible in the
 * table and escaped in Markdown, so it shows as text and never as an image,
 * a link, HTML or a heading in the summary.
 */
export function formatProgress(reports: readonly ProgressReport[], options: { format: string; cwd: string; color: boolean; registers?: readonly Register[] }): string {
  if (options.format === 'json') return stringifyJson(reports.length === 1 ? reports[0] : reports, 2) + '\n'
  const registerOf = (report: ProgressReport) => options.registers?.find((register) => register.inquiry.id === report.register.id)
  if (options.format === 'markdown') return reports.map((report) => markdown(report, registerOf(report))).join('\n')
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[22m` : text)
  return reports
    .map((report) => {
      const parts = [bold(visible(headline(report))), '']
      for (const section of sections(report, registerOf(report))) {
        parts.push(bold(section.title))
        parts.push(section.rows.length === 0 ? `${section.empty}\n` : table(section.header, section.rows))
        for (const note of section.notes ?? []) parts.push(visible(note), '')
      }
      parts.push(visible(neverLine(report)), visible(forecastLine(report)), '')
      return parts.join('\n')
    })
    .join('\n')
}

function markdown(report: ProgressReport, register: Register | undefined): string {
  const parts = [`### ${escapeMarkdown(headline(report))}`, '']
  for (const section of sections(report, register)) {
    parts.push(`#### ${section.title}`, '')
    if (section.rows.length === 0) {
      parts.push(section.empty, '')
    } else {
      parts.push(`| ${section.header.join(' | ')} |`, `| ${section.header.map(() => '---').join(' | ')} |`)
      for (const row of section.rows) parts.push(`| ${row.map((cell) => escapeMarkdown(cell)).join(' | ')} |`)
      parts.push('')
    }
    for (const note of section.notes ?? []) parts.push(escapeMarkdown(note), '')
  }
  parts.push(escapeMarkdown(neverLine(report)), '', escapeMarkdown(forecastLine(report)), '')
  return parts.join('\n')
}
