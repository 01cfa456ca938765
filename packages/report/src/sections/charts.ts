import { statuses } from '@followthrough/core'
import type { Element } from 'hast'
import { h, type Child } from 'hastscript'
import { burnUpChart, ownerStatusData, stalenessChart, stalenessData, statusByOwnerChart } from '../charts.js'
import { statusLabels } from '../status-style.js'
import { block, never, plural, recLink, reportSection, statusChip, time, type Context } from './context.js'

/** A chart's data as a table, in a closed `<details>`: the first cell of each row is its header. */
export function dataTable(caption: string, header: readonly string[], rows: ReadonlyArray<readonly Child[]>, numeric: ReadonlySet<number> = new Set()): Element {
  const numberClass = (index: number) => (numeric.has(index) ? { class: 'num' } : {})
  return h(
    'details.data',
    h('summary', caption),
    h(
      'div.scroll',
      h(
        'table',
        h(
          'thead',
          h(
            'tr',
            header.map((cell, index) => h('th', { scope: 'col', ...numberClass(index) }, cell))
          )
        ),
        h(
          'tbody',
          rows.map((row) =>
            h(
              'tr',
              row.map((cell, index) => (index === 0 ? h('th', { scope: 'row' }, cell) : h('td', numberClass(index), cell)))
            )
          )
        )
      )
    )
  )
}

/** A chart's figure: caption and description (which name the SVG for assistive technology), the chart, anything else, its data table. */
export function figure(context: Context, name: string, caption: string, description: Child, svg: Element | undefined, extra: Child, table: Element): Element {
  const id = `${context.prefix}-${name}`
  return block('figure', { id }, h('figcaption', { id: `${id}-caption` }, caption, h('p', { id: `${id}-description` }, description)), svg ?? '', extra, table)
}

function statusLegend(): Element {
  return h(
    'ul.legend',
    { ariaHidden: 'true' },
    statuses.map((status) => h('li', statusChip(status)))
  )
}

/** The charts (drawn by Observable Plot, each with its data as a table): status by owner, the burn-up, days since last discussed. */
export function chartsSection(context: Context): Element {
  const { prefix, register, progress, document } = context
  const ids = (name: string) => ({ caption: `${prefix}-${name}-caption`, description: `${prefix}-${name}-description` })

  const owners = Object.entries(progress.byOwner)
  const ownerData = ownerStatusData(progress)
  const ownerRows = owners.map(([, owner]) => [owner.name, ...statuses.map((status) => String(owner.byStatus[status])), String(owner.total)])
  const busiest = [...owners].sort((a, b) => b[1].total - a[1].total)[0]
  const ownerDescription =
    ownerData.length === 0
      ? 'No recommendations have owners yet.'
      : `One bar per owner, a segment per status with its count written on it. ${plural(owners.length, 'owner')}; ${
          busiest ? `${busiest[1].name} owns the most (${busiest[1].total}, ${busiest[1].implemented} implemented).` : ''
        } A recommendation with two owners counts for each.`
  const ownerFigure = figure(
    context,
    'by-owner',
    'Status by owner',
    ownerDescription,
    ownerData.length === 0 ? undefined : statusByOwnerChart(document, progress, ids('by-owner')),
    statusLegend(),
    dataTable('Status by owner as a table', ['Owner', ...statuses.map((status) => statusLabels[status]), 'Total'], ownerRows, new Set([1, 2, 3, 4, 5, 6, 7, 8]))
  )

  const { forecast } = progress
  const burnSvg = burnUpChart(document, progress, ids('burn-up'))
  const forecastSentence =
    forecast.open === 0
      ? 'Every recommendation is closed.'
      : forecast.date === null
        ? `No forecast: nothing was implemented in the last ${forecast.windowDays} days, with ${forecast.open} open.`
        : `The dashed line is the forecast: at the pace of the last ${forecast.windowDays} days (${forecast.implementedInWindow} implemented), the ${forecast.open} open would all be implemented by ${forecast.date}.`
  const burnDescription =
    burnSvg === undefined
      ? 'No meetings yet, so no burn-up.'
      : `Implemented (solid line with dots) and the total that counts (thin line) at each meeting date${
          progress.burnUp.length > 0 && (progress.burnUp.at(-1)?.date ?? '') < progress.asOf ? ' and on the report date' : ''
        }: ${progress.implemented} of ${progress.total} implemented on ${progress.asOf}. ${forecastSentence}`
  const burnRows: Child[][] = progress.burnUp.map((point) => [time(point.date), String(point.implemented), String(point.total)])
  if (forecast.date !== null && forecast.open > 0) burnRows.push([[time(forecast.date), ' (forecast)'], String(progress.implemented + forecast.open), String(progress.total)])
  const burnFigure = figure(
    context,
    'burn-up',
    'Burn-up of implemented recommendations',
    burnDescription,
    burnSvg,
    '',
    dataTable('Burn-up as a table', ['Date', 'Implemented', 'Total'], burnRows, new Set([1, 2]))
  )

  const stale = stalenessData(register, progress)
  const staleSvg = stalenessChart(document, register, progress, ids('staleness'))
  const discussed = stale.filter((entry) => entry.days !== undefined)
  const oldest = [...discussed].sort((a, b) => (b.days ?? 0) - (a.days ?? 0))[0]
  const staleDescription =
    stale.length === 0
      ? 'No recommendations to show.'
      : `One bar per recommendation (superseded ones left out), in register order, with the days written at its end. ${
          oldest ? `${oldest.id} has waited longest (${oldest.days} days).` : ''
        } ${plural(stale.length - discussed.length, 'recommendation')} never discussed.`
  const staleRows = progress.staleness.map((entry) => [
    recLink(context, entry.id),
    entry.lastDiscussed !== undefined ? time(entry.lastDiscussed) : never(),
    entry.daysSince !== undefined ? String(entry.daysSince) : '—',
    String(entry.meetingsSince)
  ])
  const staleFigure = figure(
    context,
    'staleness',
    'Days since each recommendation was last discussed',
    staleDescription,
    staleSvg,
    '',
    dataTable('Days since last discussed as a table', ['Recommendation', 'Last discussed', 'Days since', 'Meetings since'], staleRows, new Set([2, 3]))
  )

  return reportSection(context, 'charts', 'Charts', [block('div.chart-grid', {}, ownerFigure, burnFigure), staleFigure])
}
