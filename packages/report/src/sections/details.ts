import { compareStrings, registerUpdates, type MinutesUpdate, type Recommendation, type Status } from '@followthrough/core'
import type { Element } from 'hast'
import { h, type Child } from 'hastscript'
import { block, heading, joined, meetingLabel, minutesAnchor, never, plural, recAnchor, recLink, reportSection, statusChip, time, type Context } from './context.js'

interface HistoryRow {
  date: string
  status: Status
  kind: 'register' | 'minutes'
  order: number
  source?: string
  note?: string
}

/** A recommendation's dated status events on or before the report date: the register's history and the minutes' status updates. */
function historyOf(context: Context, recommendation: Recommendation, updates: readonly MinutesUpdate[]): HistoryRow[] {
  const asOf = context.progress.asOf
  const rows: HistoryRow[] = []
  ;(recommendation.history ?? []).forEach((event, order) => {
    // A due-only entry changes no status; this table lists status events.
    if (event.date > asOf || event.status === undefined) return
    const row: HistoryRow = { date: event.date, status: event.status, kind: 'register', order }
    if (event.source !== undefined) row.source = event.source
    if (event.note !== undefined) row.note = event.note
    rows.push(row)
  })
  updates.forEach((update, order) => {
    if (update.id !== recommendation.id || update.status === undefined) return
    const row: HistoryRow = { date: update.date, status: update.status, kind: 'minutes', order }
    if (update.source !== undefined) row.source = update.source
    if (update.note !== undefined) row.note = update.note
    rows.push(row)
  })
  // Date order; on the same day the register's events come first, since minutes win ties.
  return rows.sort((a, b) => compareStrings(a.date, b.date) || (a.kind === b.kind ? a.order - b.order : a.kind === 'register' ? -1 : 1))
}

/** The current due date, and where it moved from: `2024-12-31 (moved twice from 2024-03-31)`. */
function dueFact(moved: { currentDue: string; originalDue: string | null; revisions: number } | undefined, due: string | undefined): Child {
  if (moved === undefined) return due !== undefined ? time(due) : '—'
  const times = moved.revisions === 1 ? 'once' : moved.revisions === 2 ? 'twice' : `${moved.revisions} times`
  return [time(moved.currentDue), ` (moved ${times}`, moved.originalDue !== null ? [' from ', time(moved.originalDue)] : [], ')']
}

/** A section per recommendation, closed until opened (or linked to): its text, facts, status history and the minutes that discuss it. */
export function detailsSection(context: Context): Element {
  const { register, progress } = context
  const updates = registerUpdates(register, context.minutes, progress.asOf)
  const coverageRows = new Map(progress.coverage.rows.map((row) => [row.id, row]))
  const titles = new Map(progress.coverage.meetings.map((meeting) => [meeting.source, meeting]))
  const staleness = new Map(progress.staleness.map((entry) => [entry.id, entry]))
  const moved = new Map(progress.slippage.items.map((item) => [item.id, item]))
  const sections = register.recommendations.map((recommendation) => {
    const current = context.statusById.get(recommendation.id) ?? { status: 'not-started' as Status }
    const ownerNames = recommendation.owners.map((owner) => context.owners.get(owner) ?? owner)
    const history = historyOf(context, recommendation, updates)
    const historyRows = history.map((row) => {
      const meeting = row.source === undefined ? undefined : titles.get(row.source)
      const source: Child = row.source === undefined ? '' : row.kind === 'minutes' ? minutesAnchor(context, row.source, meeting ? meetingLabel(meeting) : row.source) : row.source
      return h('tr', h('td', time(row.date)), h('td', statusChip(row.status)), h('td', row.kind === 'minutes' ? 'Minutes' : 'Register'), h('td', source), h('td', row.note ?? ''))
    })
    const baseline = h('p', 'Baseline in the register: ', statusChip(recommendation.status ?? 'not-started'), recommendation.status === undefined ? ' (none given)' : '', '.')
    const historyTable =
      history.length === 0
        ? h('p.note', 'No dated status events on or before the report date.')
        : h(
            'div.scroll',
            h(
              'table',
              h('caption.sr-only', `Status history of ${recommendation.id}`),
              h(
                'thead',
                h(
                  'tr',
                  ['Date', 'Status', 'Recorded in', 'Source', 'Note'].map((column) => h('th', { scope: 'col' }, column))
                )
              ),
              h('tbody', historyRows)
            )
          )
    const row = coverageRows.get(recommendation.id)
    const discussedIn = row ? progress.coverage.meetings.map((meeting, column) => ({ meeting, count: row.counts[column] ?? 0 })).filter((entry) => entry.count > 0) : []
    const minutesList =
      discussedIn.length === 0
        ? h('p.note', 'No minutes discuss it yet.')
        : h(
            'ul',
            discussedIn.map(({ meeting, count }) => h('li', minutesAnchor(context, meeting.source, meetingLabel(meeting)), ` (${plural(count, 'reference')})`))
          )
    const stale = staleness.get(recommendation.id)
    const facts: Array<[string, Child]> = [
      ['Owners', joined(ownerNames, '; ')],
      ['Status', [statusChip(current.status), current.since !== undefined ? [' since ', time(current.since)] : []]],
      ['Due', dueFact(moved.get(recommendation.id), recommendation.due)],
      ...(recommendation.themes !== undefined && recommendation.themes.length > 0 ? [['Themes', joined(recommendation.themes, ', ')] as [string, Child]] : []),
      [
        'Last discussed',
        stale?.lastDiscussed !== undefined
          ? [time(stale.lastDiscussed), ` (${plural(stale.daysSince ?? 0, 'day')} and ${plural(stale.meetingsSince, 'meeting')} ago)`]
          : current.status === 'superseded'
            ? '—'
            : never()
      ],
      ...(recommendation.supersededBy !== undefined ? [['Superseded by', recLink(context, recommendation.supersededBy)] as [string, Child]] : [])
    ]
    const anchor = recAnchor(context, recommendation.id)
    return block(
      'details.rec',
      { id: anchor },
      h('summary', h('span', `${recommendation.id}: ${recommendation.title}`), statusChip(current.status)),
      recommendation.text !== undefined ? h('blockquote', recommendation.text) : '',
      h(
        'dl',
        facts.map(([term, value]) => [h('dt', term), h('dd', value)])
      ),
      heading(context.level + 1, { id: `${anchor}-history` }, 'Status history'),
      baseline,
      historyTable,
      heading(context.level + 1, { id: `${anchor}-minutes` }, 'Minutes that discuss it'),
      minutesList
    )
  })
  return reportSection(context, 'details', 'Each recommendation', sections)
}
