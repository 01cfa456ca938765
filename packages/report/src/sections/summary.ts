import { percent, statuses } from '@followthrough/core'
import type { Element } from 'hast'
import { h, type Child } from 'hastscript'
import { heading, idList, lines, statusChip, time, type Context } from './context.js'

/** The headline figures: implemented of total, overdue, due soon, never discussed, the forecast, and the count of each status. */
export function summarySection(context: Context): Element {
  const { prefix, progress } = context
  const { forecast } = progress
  const forecastText = forecast.open === 0 ? 'All closed' : forecast.date === null ? 'None' : time(forecast.date)
  const forecastNote =
    forecast.open === 0
      ? 'every recommendation is closed'
      : forecast.date === null
        ? `nothing implemented in the last ${forecast.windowDays} days`
        : `${forecast.open} open, at the pace of the last ${forecast.windowDays} days`
  const card = (term: string, ...value: Child[]) => h('div.card', h('dt', term), h('dd', ...value))
  return h(
    'section',
    { ariaLabelledBy: `${prefix}-summary` },
    '\n',
    ...lines(
      heading(context.level, { class: 'section', id: `${prefix}-summary` }, 'Summary'),
      h(
        'dl.cards',
        '\n',
        ...lines(
          card(
            'Implemented',
            `${progress.implemented} of ${progress.total}`,
            h('small', `${percent(progress.implementedRatio)}; superseded left out`),
            h('div.bar', { ariaHidden: 'true' }, h('span', { style: `width:${(progress.implementedRatio * 100).toFixed(1)}%` }))
          ),
          card('Overdue', String(progress.overdue.length), h('small', 'open and past due', idList(context, progress.overdue.map((item) => item.id)))),
          card(
            'Due soon',
            String(progress.dueSoon.length),
            h('small', `open, due within ${progress.dueSoonDays} days`, idList(context, progress.dueSoon.map((item) => item.id)))
          ),
          card('Never discussed', String(progress.neverDiscussed.length), h('small', 'named in no minutes yet', idList(context, progress.neverDiscussed))),
          card('Forecast', forecastText, h('small', forecastNote))
        ),
        '\n'
      ),
      heading(context.level + 1, { class: 'sr-only' }, 'By status'),
      h(
        'ul.by-status',
        { ariaLabel: 'Recommendations by status' },
        statuses.map((status) => h('li', statusChip(status), ': ', h('strong', String(progress.byStatus[status]))))
      )
    ),
    '\n'
  )
}
