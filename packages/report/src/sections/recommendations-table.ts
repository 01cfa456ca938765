import { idSortKey, statuses } from '@followthrough/core'
import type { Element } from 'hast'
import { h, type Child } from 'hastscript'
import { statusLabels } from '../status-style.js'
import { block, joined, never, plural, recLink, reportSection, statusChip, time, type Context } from './context.js'

/**
 * Every recommendation in one table, which the report's script sorts (by each
 * cell's `data-sort`) and filters (by the row's `data-owner` and
 * `data-status`); it reads only those attributes, never text built from user data.
 */
export function recommendationsTable(context: Context): Element {
  const { prefix, register, progress } = context
  const staleness = new Map(progress.staleness.map((entry) => [entry.id, entry]))
  const overdue = new Map(progress.overdue.map((item) => [item.id, item]))
  const dueSoon = new Map(progress.dueSoon.map((item) => [item.id, item]))
  // The current due date: the latest revision on the report date, else the register's.
  const moved = new Map(progress.slippage.items.map((item) => [item.id, item.currentDue]))
  const ownersUsed = new Set(register.recommendations.flatMap((recommendation) => recommendation.owners))
  const statusesUsed = new Set(progress.statuses.map((entry) => entry.status))
  const ownerOptions = register.owners.filter((owner) => ownersUsed.has(owner.id)).map((owner) => h('option', { value: owner.id }, owner.name))
  const statusOptions = statuses.filter((status) => statusesUsed.has(status)).map((status) => h('option', { value: status }, statusLabels[status]))
  const columns = ['ID', 'Title', 'Owners', 'Status', 'Due', 'Last discussed']
  const head = columns.map((column, index) => h('th', { scope: 'col', role: 'columnheader' }, h('button', { type: 'button', 'data-sort-column': String(index) }, column)))
  const rows = register.recommendations.map((recommendation) => {
    const status = context.statusById.get(recommendation.id)?.status ?? 'not-started'
    const due = moved.get(recommendation.id) ?? recommendation.due
    const ownerNames = recommendation.owners.map((owner) => context.owners.get(owner) ?? owner)
    const stale = staleness.get(recommendation.id)
    const late = overdue.get(recommendation.id)
    const soon = dueSoon.get(recommendation.id)
    const flag = late
      ? [' ', h('span.flag.overdue', `overdue ${plural(late.daysOverdue, 'day')}`)]
      : soon
        ? [' ', h('span.flag.soon', `due in ${plural(soon.daysUntilDue, 'day')}`)]
        : []
    const last = status === 'superseded' ? '—' : stale?.lastDiscussed !== undefined ? time(stale.lastDiscussed) : never()
    const cell = (label: string, sort: string, ...content: Child[]) => h('td', { role: 'cell', 'data-label': label, 'data-sort': sort }, ...content)
    return block(
      'tr',
      { role: 'row', 'data-owner': recommendation.owners.join(' '), 'data-status': status },
      cell('ID', idSortKey(recommendation.id), recLink(context, recommendation.id)),
      cell('Title', recommendation.title.toLowerCase(), recommendation.title),
      cell('Owners', ownerNames.join(', ').toLowerCase(), joined(ownerNames, '; ')),
      cell('Status', String(statuses.indexOf(status)), statusChip(status)),
      cell('Due', due ?? '9999-99-99', due !== undefined ? time(due) : '—', flag),
      cell('Last discussed', status === 'superseded' ? '' : (stale?.lastDiscussed ?? '0000-00-00'), last)
    )
  })
  const total = register.recommendations.length
  const filter = (label: string, name: string, all: string, options: Element[]) =>
    h('label', label, h('select', { 'data-filter': name, ariaControls: `${prefix}-recs` }, h('option', { value: '' }, all), options))
  // The explicit table roles keep the table a table for screen readers when the
  // phone layout turns its rows into cards (display: block drops the native roles).
  return reportSection(
    context,
    'table',
    'Every recommendation',
    [
      block('div.filters', {}, filter('Owner', 'owner', 'All owners', ownerOptions), filter('Status', 'status', 'All statuses', statusOptions)),
      h('p.count', { 'data-count': '', ariaLive: 'polite' }, `Showing ${total} of ${total} recommendations`),
      block(
        'table.recs',
        { id: `${prefix}-recs`, role: 'table' },
        h('caption.sr-only', `Every recommendation of ${progress.register.title}; the column buttons sort the table.`),
        h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, head)),
        block('tbody', { role: 'rowgroup' }, ...rows)
      )
    ],
    { 'data-recs': '' }
  )
}
