import {
  compareStrings,
  idSortKey,
  percent,
  registerUpdates,
  statuses,
  type MinutesRecord,
  type MinutesUpdate,
  type Progress,
  type Recommendation,
  type Register,
  type Status
} from '@followthrough/core'
import { burnUpChart, chartDocument, ownerStatusData, stalenessChart, stalenessData, statusByOwnerChart, type ChartDocument } from './charts.js'
import { clientScript, clientScriptHash } from './client.js'
import { escapeHtml as e, idPart, relativeHref, safeHref } from './escape.js'
import { statusColors, statusLabels } from './status-style.js'
import { styles } from './styles.js'

/** One register to report on: the register itself and its progress on the report date. */
export interface ReportInput {
  /** The validated register (titles, owners, themes, due dates, history). */
  register: Register
  /** Its progress, from core's `computeProgress` (coverage sources as the links should show them). */
  progress: Progress
  /**
   * The dated minutes records progress was computed from, when at hand: their
   * status update rows join the register's history in each recommendation's
   * section. Records of other registers and after the report date are ignored.
   */
  minutes?: readonly MinutesRecord[] | undefined
}

/** What {@link renderReport} needs. */
export interface ReportOptions {
  /** One entry per register, in the order to show them. */
  reports: readonly ReportInput[]
  /**
   * When the report was made, shown as given (such as `2024-10-20T09:00:00Z`);
   * left out by default, so the same input always gives the same file.
   */
  generatedAt?: string | undefined
  /** The document's title; by default the register's title, or "Recommendations progress" for several. */
  title?: string | undefined
  /**
   * The link to a minutes file from its `source` (as in the progress's coverage);
   * by default the path itself, percent-encoded, relative to the report.
   * Links that would use a scheme other than http(s), file or mailto are dropped.
   */
  minutesLink?: ((source: string) => string) | undefined
}

/** The Content-Security-Policy of every report: nothing loads, only the report's own script runs. */
export const contentSecurityPolicy = `default-src 'none'; style-src 'unsafe-inline'; script-src ${clientScriptHash}; img-src data:; base-uri 'none'; form-action 'none'`

interface Context {
  prefix: string
  /** Heading level of the register's sections (2 when the report has one register, 3 when the registers get their own h2). */
  level: 2 | 3
  register: Register
  progress: Progress
  minutes: readonly MinutesRecord[]
  link: (source: string) => string | undefined
  document: ChartDocument
  owners: Map<string, string>
  statusById: Map<string, { status: Status; since?: string }>
}

/**
 * Render one self-contained HTML document for the registers given: headline
 * figures, charts (inline SVG drawn with Observable Plot), the coverage
 * matrix, a sortable and filterable table of every recommendation and a
 * section per recommendation with its status history and the minutes that
 * discuss it. Styles and the one small script are inline, and the
 * Content-Security-Policy forbids loading anything, so the file works opened
 * from disk or attached to an email. Every piece of user data is escaped.
 *
 * Deterministic: the same input gives the same string (no random ids, no
 * clock; pass `generatedAt` to show a time).
 */
export function renderReport(options: ReportOptions): string {
  const { reports } = options
  const link = (source: string): string | undefined => safeHref(options.minutesLink ? options.minutesLink(source) : relativeHref(source))
  const title = options.title ?? (reports.length === 1 && reports[0] ? reports[0].progress.register.title : 'Recommendations progress')
  const document = chartDocument()
  const asOfDates = [...new Set(reports.map((report) => report.progress.asOf))]
  const contexts: Context[] = reports.map((report, index) => ({
    prefix: `r${index + 1}`,
    level: reports.length === 1 ? 2 : 3,
    register: report.register,
    progress: report.progress,
    minutes: report.minutes ?? [],
    link,
    document,
    owners: new Map(report.register.owners.map((owner) => [owner.id, owner.name])),
    statusById: new Map(report.progress.statuses.map((entry) => [entry.id, entry]))
  }))
  const sections = contexts.map(registerSection)
  const generated = options.generatedAt !== undefined ? ` Generated ${e(options.generatedAt)}.` : ''
  // One register: its facts go under the page's h1. Several: each section has its own.
  const first = contexts[0]
  const meta =
    contexts.length === 1 && first !== undefined
      ? registerMeta(first).replace(/<\/p>$/, `${generated}</p>`)
      : `<p class="meta">${asOfDates.length === 1 ? `Progress as of ${time(asOfDates[0] ?? '')}.` : ''}${generated}</p>`
  const nav =
    reports.length > 1
      ? `<nav class="registers" aria-label="Registers"><ul>${reports
          .map((report, index) => `<li><a href="#r${index + 1}">${e(report.progress.register.title)}</a></li>`)
          .join('')}</ul></nav>`
      : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Followthrough">
<title>${e(title)}</title>
<link rel="icon" href="data:,">
<style>${styles}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="page">
<h1 id="page-title">${e(title)}</h1>
${meta}
${nav}
</header>
<main id="main">
${sections.join('\n')}
</main>
<footer><p>Made with Followthrough from the register${reports.length === 1 ? '' : 's'} and the dated minutes. Statuses follow the latest dated record on or before the report date.</p></footer>
<script>${clientScript}</script>
</body>
</html>
`
}

function time(date: string): string {
  return `<time datetime="${e(date)}">${e(date)}</time>`
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

function statusChip(status: Status): string {
  return `<span class="status"><span class="swatch" style="background:${statusColors[status]}" aria-hidden="true"></span>${e(statusLabels[status])}</span>`
}

function recAnchor(context: Context, id: string): string {
  return `${context.prefix}-rec-${idPart(id)}`
}

function recLink(context: Context, id: string): string {
  return `<a href="#${recAnchor(context, id)}">${e(id)}</a>`
}

function idList(context: Context, ids: readonly string[]): string {
  return ids.length === 0 ? '' : `: ${ids.map((id) => recLink(context, id)).join(', ')}`
}

function meetingLabel(meeting: { date: string; title?: string }): string {
  return meeting.title !== undefined ? `${meeting.date} ${meeting.title}` : meeting.date
}

function minutesAnchor(context: Context, source: string, text: string): string {
  const href = context.link(source)
  return href === undefined ? e(text) : `<a href="${e(href)}">${e(text)}</a>`
}

function registerMeta(context: Context): string {
  const { register, progress } = context
  const url = register.inquiry.url !== undefined ? safeHref(register.inquiry.url) : undefined
  return `<p class="meta">Register <code>${e(progress.register.id)}</code>; report published ${time(register.inquiry.published)}${
    url !== undefined ? ` (<a href="${e(url)}">the report</a>)` : ''
  }; progress as of ${time(progress.asOf)}.${
    progress.beforePublication ? ' <strong>This date is before the report was published: figures are mostly baselines.</strong>' : ''
  }</p>`
}

function registerSection(context: Context): string {
  const { prefix, progress } = context
  // One register: the page's h1 names it and its sections are h2. Several: each gets an h2.
  const head = context.level === 2 ? '' : `<h2 class="register-title" id="${prefix}-title">${e(progress.register.title)}</h2>\n${registerMeta(context)}`
  return `<section class="register" id="${prefix}" aria-labelledby="${context.level === 2 ? 'page-title' : `${prefix}-title`}">
${head}
${summarySection(context)}
${chartsSection(context)}
${coverageSection(context)}
${tableSection(context)}
${detailsSection(context)}
</section>`
}

function summarySection(context: Context): string {
  const { prefix, progress } = context
  const { forecast } = progress
  const forecastText =
    forecast.open === 0
      ? 'All closed'
      : forecast.date === null
        ? 'None'
        : time(forecast.date)
  const forecastNote =
    forecast.open === 0
      ? 'every recommendation is closed'
      : forecast.date === null
        ? `nothing implemented in the last ${forecast.windowDays} days`
        : `${forecast.open} open, at the pace of the last ${forecast.windowDays} days`
  const byStatus = statuses
    .map((status) => `<li>${statusChip(status)}: <strong>${progress.byStatus[status]}</strong></li>`)
    .join('')
  const overdue = progress.overdue.map((item) => item.id)
  const dueSoon = progress.dueSoon.map((item) => item.id)
  return `<section aria-labelledby="${prefix}-summary">
<h${context.level} class="section" id="${prefix}-summary">Summary</h${context.level}>
<dl class="cards">
<div class="card"><dt>Implemented</dt><dd>${progress.implemented} of ${progress.total}<small>${percent(progress.implementedRatio)}; superseded left out</small><div class="bar" aria-hidden="true"><span style="width:${(progress.implementedRatio * 100).toFixed(1)}%"></span></div></dd></div>
<div class="card"><dt>Overdue</dt><dd>${progress.overdue.length}<small>open and past due${idList(context, overdue)}</small></dd></div>
<div class="card"><dt>Due soon</dt><dd>${progress.dueSoon.length}<small>open, due within ${progress.dueSoonDays} days${idList(context, dueSoon)}</small></dd></div>
<div class="card"><dt>Never discussed</dt><dd>${progress.neverDiscussed.length}<small>named in no minutes yet${idList(context, progress.neverDiscussed)}</small></dd></div>
<div class="card"><dt>Forecast</dt><dd>${forecastText}<small>${e(forecastNote)}</small></dd></div>
</dl>
<h${context.level + 1} class="sr-only">By status</h${context.level + 1}>
<ul class="by-status" aria-label="Recommendations by status">${byStatus}</ul>
</section>`
}

/** A chart's data as a table, in a closed `<details>`. Cells are HTML: escape user data before passing it. */
function dataTable(caption: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: ReadonlySet<number> = new Set()): string {
  const head = header.map((cell, index) => `<th scope="col"${numeric.has(index) ? ' class="num"' : ''}>${e(cell)}</th>`).join('')
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, index) =>
            index === 0 ? `<th scope="row">${cell}</th>` : `<td${numeric.has(index) ? ' class="num"' : ''}>${cell}</td>`
          )
          .join('')}</tr>`
    )
    .join('')
  return `<details class="data"><summary>${e(caption)}</summary><div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></details>`
}

function figure(context: Context, name: string, caption: string, description: string, svg: string | undefined, extra: string, table: string): string {
  const id = `${context.prefix}-${name}`
  return `<figure id="${id}">
<figcaption id="${id}-caption">${e(caption)}<p id="${id}-description">${description}</p></figcaption>
${svg ?? ''}
${extra}
${table}
</figure>`
}

function statusLegend(): string {
  return `<ul class="legend" aria-hidden="true">${statuses.map((status) => `<li>${statusChip(status)}</li>`).join('')}</ul>`
}

function chartsSection(context: Context): string {
  const { prefix, register, progress, document } = context
  const ids = (name: string) => ({ caption: `${prefix}-${name}-caption`, description: `${prefix}-${name}-description` })

  const owners = Object.entries(progress.byOwner)
  const ownerData = ownerStatusData(progress)
  const ownerRows = owners.map(([, owner]) => [e(owner.name), ...statuses.map((status) => String(owner.byStatus[status])), String(owner.total)])
  const busiest = [...owners].sort((a, b) => b[1].total - a[1].total)[0]
  const ownerDescription =
    ownerData.length === 0
      ? 'No recommendations have owners yet.'
      : `One bar per owner, a segment per status with its count written on it. ${plural(owners.length, 'owner')}; ${
          busiest ? `${e(busiest[1].name)} owns the most (${busiest[1].total}, ${busiest[1].implemented} implemented).` : ''
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
        }: ${progress.implemented} of ${progress.total} implemented on ${progress.asOf}. ${e(forecastSentence)}`
  const burnRows = progress.burnUp.map((point) => [time(point.date), String(point.implemented), String(point.total)])
  if (forecast.date !== null && forecast.open > 0) burnRows.push([`${time(forecast.date)} (forecast)`, String(progress.implemented + forecast.open), String(progress.total)])
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
          oldest ? `${e(oldest.id)} has waited longest (${oldest.days} days).` : ''
        } ${plural(stale.length - discussed.length, 'recommendation')} never discussed.`
  const staleRows = progress.staleness.map((entry) => [
    recLink(context, entry.id),
    entry.lastDiscussed !== undefined ? time(entry.lastDiscussed) : '<span class="never">never</span>',
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

  return `<section aria-labelledby="${prefix}-charts">
<h${context.level} class="section" id="${prefix}-charts">Charts</h${context.level}>
<div class="chart-grid">
${ownerFigure}
${burnFigure}
</div>
${staleFigure}
</section>`
}

function heatClass(count: number): string {
  if (count <= 0) return ''
  if (count === 1) return ' class="heat-1"'
  if (count === 2) return ' class="heat-2"'
  if (count <= 4) return ' class="heat-3"'
  return ' class="heat-4"'
}

function coverageSection(context: Context): string {
  const { prefix, progress } = context
  const { meetings, rows } = progress.coverage
  const headingId = `${prefix}-coverage`
  if (meetings.length === 0) {
    return `<section aria-labelledby="${headingId}"><h${context.level} class="section" id="${headingId}">Coverage</h${context.level}><p class="note">No meetings yet.</p></section>`
  }
  const head = meetings
    .map((meeting) => {
      const label = minutesAnchor(context, meeting.source, meeting.date)
      return `<th scope="col">${label}${meeting.title !== undefined ? `<br><span class="meta">${e(meeting.title)}</span>` : ''}</th>`
    })
    .join('')
  const body = rows
    .map((row) => {
      const status = context.statusById.get(row.id)?.status
      const cells = row.counts
        .map((count, column) => {
          const meeting = meetings[column]
          const label = `${row.id}, ${meeting ? meetingLabel(meeting) : ''}: ${plural(count, 'reference')}`
          return `<td${heatClass(count)} title="${e(label)}">${count > 0 ? count : '<span class="sr-only">0</span>'}</td>`
        })
        .join('')
      return `<tr><th scope="row">${recLink(context, row.id)}${status === 'superseded' ? ' <span class="meta">(superseded)</span>' : ''}</th>${cells}<td class="num">${row.total}</td></tr>`
    })
    .join('\n')
  return `<section aria-labelledby="${headingId}">
<h${context.level} class="section" id="${headingId}">Coverage: which meetings discussed which recommendation</h${context.level}>
<figure id="${prefix}-coverage-figure">
<figcaption id="${prefix}-coverage-caption">Coverage matrix, recommendation × meeting<p>Each cell counts the references to the recommendation in that meeting's minutes; darker means more, and the number is written in the cell (an empty cell: not discussed). Column headings link to the minutes.</p></figcaption>
<ul class="heat-legend" aria-hidden="true"><li><span>&nbsp;</span>none</li><li><span class="heat-1">1</span>one</li><li><span class="heat-2">2</span>two</li><li><span class="heat-3">3–4</span>three or four</li><li><span class="heat-4">5+</span>five or more</li></ul>
<div class="scroll" role="region" aria-labelledby="${prefix}-coverage-caption" tabindex="0">
<table class="coverage">
<thead><tr><th scope="col">Recommendation</th>${head}<th scope="col">Total</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</figure>
</section>`
}

function tableSection(context: Context): string {
  const { prefix, register, progress } = context
  const staleness = new Map(progress.staleness.map((entry) => [entry.id, entry]))
  const overdue = new Map(progress.overdue.map((item) => [item.id, item]))
  const dueSoon = new Map(progress.dueSoon.map((item) => [item.id, item]))
  const ownersUsed = new Set(register.recommendations.flatMap((recommendation) => recommendation.owners))
  const statusesUsed = new Set(progress.statuses.map((entry) => entry.status))
  const ownerOptions = register.owners
    .filter((owner) => ownersUsed.has(owner.id))
    .map((owner) => `<option value="${e(owner.id)}">${e(owner.name)}</option>`)
    .join('')
  const statusOptions = statuses
    .filter((status) => statusesUsed.has(status))
    .map((status) => `<option value="${status}">${e(statusLabels[status])}</option>`)
    .join('')
  const columns = ['ID', 'Title', 'Owners', 'Status', 'Due', 'Last discussed']
  const head = columns
    .map((column, index) => `<th scope="col" role="columnheader"><button type="button" data-sort-column="${index}">${e(column)}</button></th>`)
    .join('')
  const rows = register.recommendations
    .map((recommendation) => {
      const status = context.statusById.get(recommendation.id)?.status ?? 'not-started'
      const ownerNames = recommendation.owners.map((owner) => context.owners.get(owner) ?? owner)
      const stale = staleness.get(recommendation.id)
      const late = overdue.get(recommendation.id)
      const soon = dueSoon.get(recommendation.id)
      const flag = late
        ? ` <span class="flag overdue">overdue ${plural(late.daysOverdue, 'day')}</span>`
        : soon
          ? ` <span class="flag soon">due in ${plural(soon.daysUntilDue, 'day')}</span>`
          : ''
      const last =
        status === 'superseded'
          ? '—'
          : stale?.lastDiscussed !== undefined
            ? time(stale.lastDiscussed)
            : '<span class="never">never</span>'
      return `<tr role="row" data-owner="${e(recommendation.owners.join(' '))}" data-status="${status}">
<td role="cell" data-label="ID" data-sort="${e(idSortKey(recommendation.id))}">${recLink(context, recommendation.id)}</td>
<td role="cell" data-label="Title" data-sort="${e(recommendation.title.toLowerCase())}">${e(recommendation.title)}</td>
<td role="cell" data-label="Owners" data-sort="${e(ownerNames.join(', ').toLowerCase())}">${ownerNames.map(e).join('; ')}</td>
<td role="cell" data-label="Status" data-sort="${statuses.indexOf(status)}">${statusChip(status)}</td>
<td role="cell" data-label="Due" data-sort="${e(recommendation.due ?? '9999-99-99')}">${recommendation.due !== undefined ? time(recommendation.due) : '—'}${flag}</td>
<td role="cell" data-label="Last discussed" data-sort="${status === 'superseded' ? '' : e(stale?.lastDiscussed ?? '0000-00-00')}">${last}</td>
</tr>`
    })
    .join('\n')
  const total = register.recommendations.length
  // The explicit table roles keep the table a table for screen readers when the
  // phone layout turns its rows into cards (display: block drops the native roles).
  return `<section aria-labelledby="${prefix}-table" data-recs>
<h${context.level} class="section" id="${prefix}-table">Every recommendation</h${context.level}>
<div class="filters">
<label>Owner<select data-filter="owner" aria-controls="${prefix}-recs"><option value="">All owners</option>${ownerOptions}</select></label>
<label>Status<select data-filter="status" aria-controls="${prefix}-recs"><option value="">All statuses</option>${statusOptions}</select></label>
</div>
<p class="count" data-count aria-live="polite">Showing ${total} of ${total} recommendations</p>
<table class="recs" id="${prefix}-recs" role="table">
<caption class="sr-only">Every recommendation of ${e(progress.register.title)}; the column buttons sort the table.</caption>
<thead role="rowgroup"><tr role="row">${head}</tr></thead>
<tbody role="rowgroup">
${rows}
</tbody>
</table>
</section>`
}

interface HistoryRow {
  date: string
  status: Status
  kind: 'register' | 'minutes'
  order: number
  source?: string
  note?: string
}

function historyOf(context: Context, recommendation: Recommendation, updates: readonly MinutesUpdate[]): HistoryRow[] {
  const asOf = context.progress.asOf
  const rows: HistoryRow[] = []
  ;(recommendation.history ?? []).forEach((event, order) => {
    if (event.date > asOf) return
    const row: HistoryRow = { date: event.date, status: event.status, kind: 'register', order }
    if (event.source !== undefined) row.source = event.source
    if (event.note !== undefined) row.note = event.note
    rows.push(row)
  })
  updates.forEach((update, order) => {
    if (update.id !== recommendation.id) return
    const row: HistoryRow = { date: update.date, status: update.status, kind: 'minutes', order }
    if (update.source !== undefined) row.source = update.source
    if (update.note !== undefined) row.note = update.note
    rows.push(row)
  })
  // Date order; on the same day the register's events come first, since minutes win ties.
  return rows.sort((a, b) => compareStrings(a.date, b.date) || (a.kind === b.kind ? a.order - b.order : a.kind === 'register' ? -1 : 1))
}

function detailsSection(context: Context): string {
  const { prefix, register, progress } = context
  const updates = registerUpdates(register, context.minutes, progress.asOf)
  const coverageRows = new Map(progress.coverage.rows.map((row) => [row.id, row]))
  const titles = new Map(progress.coverage.meetings.map((meeting) => [meeting.source, meeting]))
  const staleness = new Map(progress.staleness.map((entry) => [entry.id, entry]))
  const sections = register.recommendations.map((recommendation) => {
    const current = context.statusById.get(recommendation.id) ?? { status: 'not-started' as Status }
    const ownerNames = recommendation.owners.map((owner) => context.owners.get(owner) ?? owner)
    const history = historyOf(context, recommendation, updates)
    const historyRows = history
      .map((row) => {
        const source =
          row.source === undefined
            ? ''
            : row.kind === 'minutes'
              ? minutesAnchor(context, row.source, titles.get(row.source) ? meetingLabel(titles.get(row.source) ?? { date: row.date }) : row.source)
              : e(row.source)
        return `<tr><td>${time(row.date)}</td><td>${statusChip(row.status)}</td><td>${row.kind === 'minutes' ? 'Minutes' : 'Register'}</td><td>${source}</td><td>${row.note !== undefined ? e(row.note) : ''}</td></tr>`
      })
      .join('')
    const baseline = `<p>Baseline in the register: ${statusChip(recommendation.status ?? 'not-started')}${recommendation.status === undefined ? ' (none given)' : ''}.</p>`
    const historyTable =
      history.length === 0
        ? '<p class="note">No dated status events on or before the report date.</p>'
        : `<div class="scroll"><table><caption class="sr-only">Status history of ${e(recommendation.id)}</caption><thead><tr><th scope="col">Date</th><th scope="col">Status</th><th scope="col">Recorded in</th><th scope="col">Source</th><th scope="col">Note</th></tr></thead><tbody>${historyRows}</tbody></table></div>`
    const row = coverageRows.get(recommendation.id)
    const discussedIn = row
      ? progress.coverage.meetings
          .map((meeting, column) => ({ meeting, count: row.counts[column] ?? 0 }))
          .filter((entry) => entry.count > 0)
      : []
    const minutesList =
      discussedIn.length === 0
        ? '<p class="note">No minutes discuss it yet.</p>'
        : `<ul>${discussedIn
            .map(({ meeting, count }) => `<li>${minutesAnchor(context, meeting.source, meetingLabel(meeting))} (${plural(count, 'reference')})</li>`)
            .join('')}</ul>`
    const stale = staleness.get(recommendation.id)
    const facts = [
      ['Owners', ownerNames.map(e).join('; ')],
      ['Status', `${statusChip(current.status)}${current.since !== undefined ? ` since ${time(current.since)}` : ''}`],
      ['Due', recommendation.due !== undefined ? time(recommendation.due) : '—'],
      ...(recommendation.themes !== undefined && recommendation.themes.length > 0 ? [['Themes', recommendation.themes.map(e).join(', ')]] : []),
      ['Last discussed', stale?.lastDiscussed !== undefined ? `${time(stale.lastDiscussed)} (${plural(stale.daysSince ?? 0, 'day')} and ${plural(stale.meetingsSince, 'meeting')} ago)` : current.status === 'superseded' ? '—' : '<span class="never">never</span>'],
      ...(recommendation.supersededBy !== undefined ? [['Superseded by', recLink(context, recommendation.supersededBy)]] : [])
    ]
    const anchor = recAnchor(context, recommendation.id)
    return `<details class="rec" id="${anchor}">
<summary><span>${e(recommendation.id)}: ${e(recommendation.title)}</span>${statusChip(current.status)}</summary>
${recommendation.text !== undefined ? `<blockquote>${e(recommendation.text)}</blockquote>` : ''}
<dl>${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>
<h${context.level + 1} id="${anchor}-history">Status history</h${context.level + 1}>
${baseline}
${historyTable}
<h${context.level + 1} id="${anchor}-minutes">Minutes that discuss it</h${context.level + 1}>
${minutesList}
</details>`
  })
  return `<section aria-labelledby="${prefix}-details">
<h${context.level} class="section" id="${prefix}-details">Each recommendation</h${context.level}>
${sections.join('\n')}
</section>`
}
