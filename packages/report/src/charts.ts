import * as Plot from '@observablehq/plot'
import { dueRevisions, registerUpdates, statuses, type DueRevision, type MinutesRecord, type Progress, type Register, type Status } from '@followthrough/core'
import type { Element } from 'hast'
import { fromDom } from 'hast-util-from-dom'
import { parseHTML } from 'linkedom'
import { statusColors, statusLabels } from './status-style.js'

/**
 * The report's charts, drawn by Observable Plot into a server-side DOM
 * (linkedom) and converted to hast (`hast-util-from-dom`), so they are
 * serialised, and their text (tick labels, titles) escaped, with the rest of
 * the page: no chart goes into the page as markup. No chart uses Plot's clip
 * paths, patterns or markers, whose ids come from a global counter, so the
 * same input always gives the same SVG.
 */

/** A document for Plot to build SVG in. */
export type ChartDocument = Document

/** A fresh server-side document for Plot. */
export function chartDocument(): ChartDocument {
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document
}

/** Widths of the charts' viewBoxes: half a wide page, and the full width; they scale down with the page (max-width: 100%). */
const halfWidth = 540
const fullWidth = 900

const font = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

/**
 * Make Plot's SVG an image for assistive technology, named by its figure's
 * caption, as a hast element. Plot names each mark's group (`<g
 * aria-label="rule">`), but a group without a role may not be named (ARIA's
 * `aria-prohibited-attr`), and inside an image its name is never read: the
 * figure's caption, description and data table say what the chart shows. So
 * those names go; the `<title>` tooltips stay.
 */
function finish(svg: SVGSVGElement | HTMLElement, captionId: string, descriptionId: string): Element {
  for (const group of svg.querySelectorAll('g[aria-label]')) {
    if (!group.hasAttribute('role')) group.removeAttribute('aria-label')
  }
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-labelledby', captionId)
  svg.setAttribute('aria-describedby', descriptionId)
  svg.setAttribute('focusable', 'false')
  return fromDom(svg) as Element
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`
}

/** Integer ticks only: counts of recommendations have no halves. */
function integerTicks(max: number): number {
  return Math.max(1, Math.min(max, 8))
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

/** One segment of the status-by-owner chart. */
export interface OwnerStatusDatum {
  owner: string
  name: string
  status: Status
  count: number
}

/** The segments of the status-by-owner chart, owners in register order, statuses in vocabulary order. */
export function ownerStatusData(progress: Progress): OwnerStatusDatum[] {
  const data: OwnerStatusDatum[] = []
  for (const [owner, totals] of Object.entries(progress.byOwner)) {
    for (const status of statuses) {
      const count = totals.byStatus[status]
      if (count > 0) data.push({ owner, name: totals.name, status, count })
    }
  }
  return data
}

/**
 * Status by owner: one horizontal stacked bar per owner, a segment per status
 * with its count written on it and a tooltip naming owner, status and count.
 */
export function statusByOwnerChart(document: ChartDocument, progress: Progress, ids: { caption: string; description: string }): Element {
  const owners = Object.entries(progress.byOwner)
  const data = ownerStatusData(progress)
  const names = new Map(owners.map(([id, owner]) => [id, owner.name]))
  const label = (id: string) => truncate(names.get(id) ?? id, 28)
  const longest = Math.max(0, ...owners.map(([id]) => label(id).length))
  const max = Math.max(0, ...owners.map(([, owner]) => statuses.reduce((sum, status) => sum + owner.byStatus[status], 0)))
  const svg = Plot.plot({
    document,
    width: halfWidth,
    height: 60 + owners.length * 36,
    marginLeft: Math.min(200, 16 + longest * 6.2),
    marginRight: 16,
    style: { fontFamily: font, fontSize: '12px', overflow: 'visible' },
    x: { label: 'Recommendations →', grid: true, ticks: integerTicks(max), tickFormat: 'd', domain: [0, Math.max(1, max)] },
    y: { label: null, domain: owners.map(([id]) => id), tickFormat: label },
    color: { domain: [...statuses], range: statuses.map((status) => statusColors[status]) },
    ariaLabel: 'Status by owner',
    marks: [
      Plot.barX(data, {
        y: 'owner',
        x: 'count',
        fill: 'status',
        order: [...statuses],
        inset: 0.5,
        title: (d: OwnerStatusDatum) => `${d.name}: ${d.count} ${statusLabels[d.status].toLowerCase()}`
      }),
      Plot.text(
        data,
        Plot.stackX({
          y: 'owner',
          x: 'count',
          z: 'status',
          order: [...statuses],
          text: (d: OwnerStatusDatum) => String(d.count),
          fill: 'white',
          fontWeight: 'bold',
          ariaHidden: 'true'
        })
      ),
      Plot.ruleX([0])
    ]
  })
  return finish(svg, ids.caption, ids.description)
}

/** One point of the burn-up chart's lines. */
export interface BurnUpDatum {
  date: Date
  value: number
  series: 'implemented' | 'total' | 'forecast'
}

/**
 * The burn-up lines: implemented and total at each meeting date (and on the
 * report date, when it is later), and the forecast from the report date to the
 * forecast date when there is one and something is still open.
 */
export function burnUpData(progress: Progress): BurnUpDatum[] {
  const points = [...progress.burnUp]
  const last = points[points.length - 1]
  if (last !== undefined && last.date < progress.asOf) {
    points.push({ date: progress.asOf, implemented: progress.implemented, total: progress.total })
  }
  const data: BurnUpDatum[] = []
  for (const point of points) {
    data.push({ date: utc(point.date), value: point.total, series: 'total' })
    data.push({ date: utc(point.date), value: point.implemented, series: 'implemented' })
  }
  const { forecast } = progress
  if (forecast.date !== null && forecast.open > 0 && points.length > 0) {
    data.push({ date: utc(progress.asOf), value: progress.implemented, series: 'forecast' })
    data.push({ date: utc(forecast.date), value: progress.implemented + forecast.open, series: 'forecast' })
  }
  return data
}

const seriesColors = { implemented: statusColors.implemented, total: '#4b5563', forecast: statusColors.implemented } as const

/**
 * Burn-up: implemented (solid line with dots) and total (thin stepped line)
 * over the meeting dates, the forecast as a dashed line to the forecast date,
 * each line labelled at its end in words.
 */
export function burnUpChart(document: ChartDocument, progress: Progress, ids: { caption: string; description: string }): Element | undefined {
  const data = burnUpData(progress)
  if (data.length === 0) return undefined
  const of = (series: BurnUpDatum['series']) => data.filter((d) => d.series === series)
  const ends = (['total', 'implemented', 'forecast'] as const).map((series) => of(series).at(-1)).filter((d): d is BurnUpDatum => d !== undefined)
  const endLabel = (d: BurnUpDatum) => (d.series === 'forecast' ? `forecast ${progress.forecast.date ?? ''}` : `${d.series} ${d.value}`)
  const max = Math.max(1, ...data.map((d) => d.value))
  const svg = Plot.plot({
    document,
    width: halfWidth,
    height: Math.max(240, 60 + Object.keys(progress.byOwner).length * 36),
    marginRight: 130,
    marginLeft: 44,
    style: { fontFamily: font, fontSize: '12px', overflow: 'visible' },
    x: { type: 'utc', label: null },
    y: { label: '↑ Recommendations', grid: true, domain: [0, max], ticks: integerTicks(max), tickFormat: 'd' },
    ariaLabel: 'Burn-up of implemented recommendations',
    marks: [
      Plot.ruleY([0]),
      Plot.line(of('total'), { x: 'date', y: 'value', stroke: seriesColors.total, strokeWidth: 1.5, curve: 'step-after' }),
      Plot.line(of('implemented'), { x: 'date', y: 'value', stroke: seriesColors.implemented, strokeWidth: 2.5, curve: 'step-after' }),
      Plot.dot(of('implemented'), {
        x: 'date',
        y: 'value',
        fill: seriesColors.implemented,
        r: 3.5,
        title: (d: BurnUpDatum) => `${d.date.toISOString().slice(0, 10)}: ${d.value} implemented`
      }),
      Plot.line(of('forecast'), { x: 'date', y: 'value', stroke: seriesColors.forecast, strokeWidth: 2, strokeDasharray: '6,5' }),
      Plot.text(ends, { x: 'date', y: 'value', text: endLabel, dx: 8, textAnchor: 'start', fill: '#111827', ariaHidden: 'true' })
    ]
  })
  return finish(svg, ids.caption, ids.description)
}

/** One bar of the staleness chart. */
export interface StalenessDatum {
  id: string
  title: string
  days: number | undefined
}

/** Days since each (non-superseded) recommendation was last discussed, in register order. */
export function stalenessData(register: Register, progress: Progress): StalenessDatum[] {
  const titles = new Map(register.recommendations.map((recommendation) => [recommendation.id, recommendation.title]))
  return progress.staleness.map((entry) => ({ id: entry.id, title: titles.get(entry.id) ?? entry.id, days: entry.daysSince }))
}

/**
 * Days since last discussed: a bar per recommendation with the number of days
 * written at its end, and "never discussed" written where no meeting named it.
 */
export function stalenessChart(document: ChartDocument, register: Register, progress: Progress, ids: { caption: string; description: string }): Element | undefined {
  const data = stalenessData(register, progress)
  if (data.length === 0) return undefined
  const discussed = data.filter((d) => d.days !== undefined)
  const never = data.filter((d) => d.days === undefined)
  const max = Math.max(1, ...discussed.map((d) => d.days ?? 0))
  const svg = Plot.plot({
    document,
    width: fullWidth,
    height: 50 + data.length * 18,
    marginLeft: 16 + Math.max(...data.map((d) => d.id.length)) * 7.5,
    marginRight: 110,
    style: { fontFamily: font, fontSize: '12px', overflow: 'visible' },
    x: { label: 'Days since last discussed →', grid: true, domain: [0, max], nice: true },
    y: { label: null, domain: data.map((d) => d.id) },
    ariaLabel: 'Days since each recommendation was last discussed',
    marks: [
      Plot.barX(discussed, {
        y: 'id',
        x: 'days',
        fill: '#1d4ed8',
        insetTop: 2,
        insetBottom: 2,
        title: (d: StalenessDatum) => `${d.id} ${d.title}: ${d.days ?? 0} days`
      }),
      Plot.text(discussed, { y: 'id', x: 'days', text: (d: StalenessDatum) => String(d.days ?? 0), dx: 4, textAnchor: 'start', fill: '#111827', ariaHidden: 'true' }),
      Plot.text(never, { y: 'id', x: 0, text: () => 'never discussed', dx: 4, textAnchor: 'start', fill: '#b91c1c', fontStyle: 'italic', ariaHidden: 'true' }),
      Plot.ruleX([0])
    ]
  })
  return finish(svg, ids.caption, ids.description)
}

/** One moved due date of the slippage chart: where it started, where it is now, and why it moved. */
export interface SlippageDatum {
  id: string
  title: string
  /** The register's due date; `null` when the register gives none. */
  originalDue: string | null
  currentDue: string
  revisions: number
  days: number
  /** Every revision on or before the report date, in the order they took effect. */
  moves: DueRevision[]
}

/** The recommendations whose due date moved (progress's `slippage.items`), with their titles and each revision and its reason. */
export function slippageData(register: Register, progress: Progress, minutes: readonly MinutesRecord[]): SlippageDatum[] {
  const updates = registerUpdates(register, minutes, progress.asOf)
  const byId = new Map(register.recommendations.map((recommendation) => [recommendation.id, recommendation]))
  return progress.slippage.items.map((item) => {
    const recommendation = byId.get(item.id)
    return {
      id: item.id,
      title: recommendation?.title ?? item.id,
      originalDue: item.originalDue,
      currentDue: item.currentDue,
      revisions: item.revisions,
      days: item.days,
      moves: recommendation === undefined ? [] : dueRevisions(recommendation, updates, progress.asOf)
    }
  })
}

/** A revision in words: `2024-03-01: to 2024-09-30 (supplier delay)`. */
export function moveText(move: DueRevision): string {
  return `${move.date}: to ${move.due} (${move.reason ?? 'no reason given'})`
}

/** The tooltip of a slippage row: what moved, by how much, and every reason. */
function slippageTitle(d: SlippageDatum): string {
  const from = d.originalDue === null ? 'no original due date' : `from ${d.originalDue}`
  return [`${d.id} ${d.title}: due ${d.currentDue}, ${from} (${d.days} days, ${d.revisions} revision${d.revisions === 1 ? '' : 's'})`, ...d.moves.map(moveText)].join('\n')
}

/**
 * Slippage: one row per recommendation whose due date moved, a line from the
 * original due date (hollow dot) to the current one (filled dot), with the
 * days written at its end and every revision's reason in the tooltip.
 */
export function slippageChart(document: ChartDocument, data: readonly SlippageDatum[], ids: { caption: string; description: string }): Element | undefined {
  if (data.length === 0) return undefined
  const dated = data.filter((d) => d.originalDue !== null)
  const days = (d: SlippageDatum) => (d.days > 0 ? `+${d.days} days` : d.days === 0 ? '0 days' : `${d.days} days`)
  const svg = Plot.plot({
    document,
    width: fullWidth,
    height: 60 + data.length * 28,
    marginLeft: 16 + Math.max(...data.map((d) => d.id.length)) * 7.5,
    marginRight: 90,
    style: { fontFamily: font, fontSize: '12px', overflow: 'visible' },
    x: { type: 'utc', label: 'Due date →', grid: true },
    y: { label: null, domain: data.map((d) => d.id) },
    ariaLabel: 'Original against current due date',
    marks: [
      Plot.ruleY(dated, { y: 'id', x1: (d: SlippageDatum) => utc(d.originalDue ?? d.currentDue), x2: (d: SlippageDatum) => utc(d.currentDue), stroke: '#6b7280', strokeWidth: 2 }),
      Plot.dot(dated, { y: 'id', x: (d: SlippageDatum) => utc(d.originalDue ?? d.currentDue), r: 5, stroke: '#1f2937', fill: 'white', strokeWidth: 1.5, title: slippageTitle }),
      Plot.dot(data, { y: 'id', x: (d: SlippageDatum) => utc(d.currentDue), r: 5, fill: '#b91c1c', title: slippageTitle }),
      Plot.text(data, {
        y: 'id',
        x: (d: SlippageDatum) => utc(d.originalDue !== null && d.originalDue > d.currentDue ? d.originalDue : d.currentDue),
        text: days,
        dx: 10,
        textAnchor: 'start',
        fill: '#111827',
        ariaHidden: 'true'
      })
    ]
  })
  return finish(svg, ids.caption, ids.description)
}
