import { percent, statuses } from '@followthrough/core'
import type { Element } from 'hast'
import { h, type Child } from 'hastscript'
import { block, heading, idList, reportSection, statusChip, time, type Context } from './context.js'

/** The headline figures: implemented of total, overdue, due soon, never discussed, the forecast, and the count of each status. */
export function summarySection(context: Context): Element {
  const { progress } = context
  const { forecast } = progress
  const forecastText = forecast.open === 0 ? 'All closed' : forecast.date === null ? 'None' : time(forecast.date)
  const forecastNote =
    forecast.open === 0
      ? 'every recommendation is closed'
      : forecast.date === null
        ? `nothing implemented in the last ${forecast.windowDays} days`
        : `${forecast.open} open, at the pace of the last ${forecast.windowDays} days`
  const overdue = progress.overdue.map((item) => item.id)
  const dueSoon = progress.dueSoon.map((item) => item.id)
  const card = (term: string, ...value: Child[]) => h('div.card', h('dt', term), h('dd', ...value))
  return reportSection(context, 'summary', 'Summary', [
    block(
      'dl.cards',
      {},
      card(
        'Implemented',
        `${progress.implemented} of ${progress.total}`,
        h('small', `${percent(progress.implementedRatio)}; superseded left out`),
        h('div.bar', { ariaHidden: 'true' }, h('span', { style: `width:${(progress.implementedRatio * 100).toFixed(1)}%` }))
      ),
      card('Overdue', String(progress.overdue.length), h('small', 'open and past due', idList(context, overdue))),
      card('Due soon', String(progress.dueSoon.length), h('small', `open, due within ${progress.dueSoonDays} days`, idList(context, dueSoon))),
      card('Never discussed', String(progress.neverDiscussed.length), h('small', 'named in no minutes yet', idList(context, progress.neverDiscussed))),
      card('Forecast', forecastText, h('small', forecastNote))
    ),
    heading(context.level + 1, { class: 'sr-only' }, 'By status'),
    h(
      'ul.by-status',
      { ariaLabel: 'Recommendations by status' },
      statuses.map((status) => h('li', statusChip(status), ': ', h('strong', String(progress.byStatus[status]))))
    )
  ])
}
