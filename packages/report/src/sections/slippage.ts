import type { Element } from 'hast'
import { h } from 'hastscript'
import { moveText, slippageChart, slippageData } from '../charts.js'
import { figure } from './charts.js'
import { joined, plural, recLink, reportSection, time, type Context } from './context.js'

/**
 * Slippage: a chart of the original against the current due date of each
 * recommendation whose due date moved (the reasons in each dot's tooltip),
 * and the same as a table beside it, with every revision and its reason, so
 * nothing needs a pointer. Left out when no due date moved on or before the
 * report date.
 */
export function slippageSection(context: Context): Element | undefined {
  const { prefix, register, progress, document, minutes } = context
  const data = slippageData(register, progress, minutes)
  if (data.length === 0) return undefined
  const { slippage } = progress
  const ownerNames = (ids: readonly string[]) => ids.map((owner) => context.owners.get(owner) ?? owner)
  const owners = Object.entries(slippage.byOwner).filter(([, entry]) => entry.revised > 0)
  const unexplained = data.filter((d) => d.moves.some((move) => move.reason === undefined)).map((d) => d.id)
  const description = [
    `One row per recommendation whose due date moved: a line from the original due date (hollow dot) to the current one (filled dot), with the days slipped written at its end. ${plural(data.length, 'recommendation')} moved, ${plural(slippage.totalDays, 'day')} in all.`,
    unexplained.length > 0 ? ` Moved without a reason: ${unexplained.join(', ')}.` : '',
    ' Each move and its reason are in the table below.'
  ].join('')
  const svg = slippageChart(document, data, { caption: `${prefix}-slippage-caption`, description: `${prefix}-slippage-description` })
  const rows = data.map((d) => {
    const item = slippage.items.find((entry) => entry.id === d.id)
    return h(
      'tr',
      h('th', { scope: 'row' }, recLink(context, d.id)),
      h('td', joined(ownerNames(item?.owners ?? []), '; ')),
      h('td', d.originalDue === null ? '—' : time(d.originalDue)),
      h('td', time(d.currentDue)),
      h('td.num', String(d.revisions)),
      h('td.num', String(d.days)),
      h(
        'td',
        h(
          'ul.moves',
          d.moves.map((move) => h('li', move.reason === undefined ? [moveText(move).replace(' (no reason given)', ''), ' ', h('span.never', 'no reason given')] : moveText(move)))
        )
      )
    )
  })
  const table = h(
    'div.scroll',
    h(
      'table.slippage',
      { id: `${prefix}-slippage-table` },
      h('caption', 'Due dates that moved, with each revision and its reason'),
      h(
        'thead',
        h(
          'tr',
          ['Recommendation', 'Owners', 'Original due', 'Current due', 'Revisions', 'Days slipped', 'Revisions and reasons'].map((column, index) =>
            h('th', { scope: 'col', ...(index === 4 || index === 5 ? { class: 'num' } : {}) }, column)
          )
        )
      ),
      h('tbody', rows)
    )
  )
  const byOwner = h(
    'p',
    'By owner: ',
    joined(
      owners.map(([owner, entry]) => `${context.owners.get(owner) ?? owner} ${plural(entry.revised, 'recommendation')}, ${plural(entry.days, 'day')}`),
      '; '
    ),
    '.'
  )
  return reportSection(context, 'slippage', 'Due dates that moved', [figure(context, 'slippage', 'Original against current due date', description, svg, '', table), byOwner])
}
