import type { Element } from 'hast'
import { h } from 'hastscript'
import { block, meetingLabel, minutesAnchor, plural, recLink, reportSection, type Context } from './context.js'

/** The shade of a cell of the coverage matrix: darker for more references. */
function heat(count: number): { class?: string } {
  if (count <= 0) return {}
  if (count === 1) return { class: 'heat-1' }
  if (count === 2) return { class: 'heat-2' }
  if (count <= 4) return { class: 'heat-3' }
  return { class: 'heat-4' }
}

/** The coverage matrix: a row per recommendation, a column per meeting (linked to its minutes), the references counted in each cell. */
export function coverageSection(context: Context): Element {
  const { prefix, progress } = context
  const { meetings, rows } = progress.coverage
  if (meetings.length === 0) {
    return reportSection(context, 'coverage', 'Coverage', [h('p.note', 'No meetings yet.')])
  }
  const head = meetings.map((meeting) =>
    h('th', { scope: 'col' }, minutesAnchor(context, meeting.source, meeting.date), meeting.title !== undefined ? [h('br'), h('span.meta', meeting.title)] : [])
  )
  const body = rows.map((row) => {
    const status = context.statusById.get(row.id)?.status
    const cells = row.counts.map((count, column) => {
      const meeting = meetings[column]
      const label = `${row.id}, ${meeting ? meetingLabel(meeting) : ''}: ${plural(count, 'reference')}`
      return h('td', { ...heat(count), title: label }, count > 0 ? String(count) : h('span.sr-only', '0'))
    })
    return h('tr', h('th', { scope: 'row' }, recLink(context, row.id), status === 'superseded' ? [' ', h('span.meta', '(superseded)')] : []), cells, h('td.num', String(row.total)))
  })
  const legend = h('ul.heat-legend', { ariaHidden: 'true' }, [
    h('li', h('span', '\u00a0'), 'none'),
    h('li', h('span.heat-1', '1'), 'one'),
    h('li', h('span.heat-2', '2'), 'two'),
    h('li', h('span.heat-3', '3–4'), 'three or four'),
    h('li', h('span.heat-4', '5+'), 'five or more')
  ])
  const table = block('table.coverage', {}, h('thead', h('tr', h('th', { scope: 'col' }, 'Recommendation'), head, h('th', { scope: 'col' }, 'Total'))), block('tbody', {}, ...body))
  return reportSection(context, 'coverage', 'Coverage: which meetings discussed which recommendation', [
    block(
      'figure',
      { id: `${prefix}-coverage-figure` },
      h(
        'figcaption',
        { id: `${prefix}-coverage-caption` },
        'Coverage matrix, recommendation × meeting',
        h(
          'p',
          "Each cell counts the references to the recommendation in that meeting's minutes; darker means more, and the number is written in the cell (an empty cell: not discussed). Column headings link to the minutes."
        )
      ),
      legend,
      block('div.scroll', { role: 'region', ariaLabelledBy: `${prefix}-coverage-caption`, tabIndex: 0 }, table)
    )
  ])
}
