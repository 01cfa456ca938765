import type { ActionItem, MinutesRecord, Progress, Register } from '@followthrough/core'
import type { Element, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { chartDocument } from './charts.js'
import { clientScript, clientScriptHash } from './client.js'
import { relativeHref, safeHref } from './escape.js'
import { actionsSection } from './sections/actions.js'
import { assuranceSection } from './sections/assurance.js'
import { chartsSection } from './sections/charts.js'
import { block, type Context } from './sections/context.js'
import { coverageSection } from './sections/coverage.js'
import { detailsSection } from './sections/details.js'
import { pageHeader, registerMeta } from './sections/header.js'
import { recommendationsTable } from './sections/recommendations-table.js'
import { responsesSection } from './sections/responses.js'
import { slippageSection } from './sections/slippage.js'
import { summarySection } from './sections/summary.js'
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
  /**
   * The actions of the minutes (core's `ActionItem`, files as the links should
   * show them, like coverage sources): the open ones get a section of their
   * own after the registers, grouped by owner, overdue first. Left out when not given.
   */
  actions?: readonly ActionItem[] | undefined
}

/** The Content-Security-Policy of every report: nothing loads, only the report's own script runs. */
export const contentSecurityPolicy = `default-src 'none'; style-src 'unsafe-inline'; script-src ${clientScriptHash}; img-src data:; base-uri 'none'; form-action 'none'`

/**
 * Render one self-contained HTML document for the registers given: headline
 * figures, charts (inline SVG drawn with Observable Plot), the coverage
 * matrix, a sortable and filterable table of every recommendation and a
 * section per recommendation with its status history and the minutes that
 * discuss it. Styles and the one small script are inline, and the
 * Content-Security-Policy forbids loading anything, so the file works opened
 * from disk or attached to an email.
 *
 * The page is built as a hast tree (`hastscript`) and serialised once
 * (`hast-util-to-html`), so every piece of user data is escaped by
 * construction: text as text, attribute values quoted. The charts come from
 * Plot as DOM nodes and are converted to hast (`hast-util-from-dom`) like the
 * rest. The inline script and style are the report's own constants, written
 * as they are (raw text), so the script's CSP hash matches.
 *
 * Deterministic: the same input gives the same string (no random ids, no
 * clock; pass `generatedAt` to show a time).
 */
export function renderReport(options: ReportOptions): string {
  const { reports } = options
  const link = (source: string): string | undefined => safeHref(options.minutesLink ? options.minutesLink(source) : relativeHref(source))
  const title = options.title ?? (reports.length === 1 && reports[0] ? reports[0].progress.register.title : 'Recommendations progress')
  const document = chartDocument()
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
  const head = block(
    'head',
    {},
    h('meta', { charSet: 'utf-8' }),
    h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'referrer', content: 'no-referrer' }),
    h('meta', { name: 'generator', content: 'Followthrough' }),
    h('title', title),
    h('link', { rel: 'icon', href: 'data:,' }),
    h('style', styles)
  )
  const body = block(
    'body',
    {},
    h('a.skip', { href: '#main' }, 'Skip to the report'),
    pageHeader(title, contexts, options.generatedAt),
    block('main', { id: 'main' }, ...present([...contexts.map(registerSection), actionsSection(options.actions, { contexts, link })])),
    h(
      'footer',
      h(
        'p',
        `Made with Followthrough from the register${reports.length === 1 ? '' : 's'} and the dated minutes. Statuses follow the latest dated record on or before the report date.`
      )
    ),
    h('script', clientScript)
  )
  const page: Root = {
    type: 'root',
    children: [{ type: 'doctype' }, { type: 'text', value: '\n' }, block('html', { lang: 'en' }, head, body), { type: 'text', value: '\n' }]
  }
  return toHtml(page, { characterReferences: { useNamedReferences: true }, closeEmptyElements: true })
}

/** One register's part of the report: its title and facts (with several registers), then each section. */
function registerSection(context: Context): Element {
  const { prefix, progress } = context
  // One register: the page's h1 names it and its sections are h2. Several: each gets an h2.
  const head = context.level === 2 ? [] : [h('h2.register-title', { id: `${prefix}-title` }, progress.register.title), registerMeta(context)]
  return block(
    'section.register',
    { id: prefix, ariaLabelledBy: context.level === 2 ? 'page-title' : `${prefix}-title` },
    ...head,
    ...present([
      summarySection(context),
      responsesSection(context),
      assuranceSection(context),
      chartsSection(context),
      slippageSection(context),
      coverageSection(context),
      recommendationsTable(context),
      detailsSection(context)
    ])
  )
}

/** The sections there are: one the register records nothing for is left out. */
function present(sections: ReadonlyArray<Element | undefined>): Element[] {
  return sections.filter((section): section is Element => section !== undefined)
}
