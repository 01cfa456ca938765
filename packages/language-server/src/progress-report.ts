import { statuses, statusLabels, type Progress } from '@followthrough/core'
import { resolvePath } from '@followthrough/engine'
import { pathToUri, type ProgressReportInput, type ProgressReportResult } from '@followthrough/language-service'

/**
 * The HTML of `followthrough/progressReport`: the report `followthrough
 * report` writes (headline figures, charts, coverage, a table, open actions), for the
 * register of a file, live from the index. Its renderer (Observable Plot,
 * linkedom) loads the first time a report is asked for, so starting the
 * server does not pay for it. Should it fail, a plain summary stands in.
 */
export async function renderProgressReport(input: ProgressReportInput | undefined, log: (message: string) => void): Promise<ProgressReportResult> {
  if (!input) return { html: noRegisterHtml }
  const register = { uri: input.uri, id: input.register.inquiry.id, title: input.register.inquiry.title }
  // Loaded here, not at the top: the renderer is most of the bundle, and most sessions never ask for it.
  const { renderReport, escapeHtml } = await import('@followthrough/report')
  try {
    const html = renderReport({
      reports: [{ register: input.register, progress: input.progress, minutes: input.minutes }],
      actions: input.actions,
      generatedAt: `${input.progress.asOf} (live, from the open workspace)`,
      // Minutes records name files by absolute path, actions relative to the folder (as the report shows them).
      minutesLink: (source) => pathToUri(resolvePath(input.root, source))
    })
    return { register, html }
  } catch (error) {
    log(`The HTML report could not be rendered, showing a summary: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return { register, html: summaryHtml(input.progress, escapeHtml, String(error)) }
  }
}

/** The summary's policy: nothing loads, nothing runs. */
export const summaryContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${summaryContentSecurityPolicy}"><meta name="viewport" content="width=device-width"><title>Recommendations progress</title><style>body{font-family:var(--vscode-font-family,sans-serif);color:var(--vscode-foreground);padding:0 1.5em}table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:left;border-bottom:1px solid var(--vscode-panel-border,#ccc)}td.n{text-align:right}</style></head><body>`

/** What to do when no register is loaded. */
export const noRegisterHtml = `${head}<h1>Recommendations progress</h1><p>No register is loaded: add a <code>followthrough.config.json</code> naming your registers, or a <code>recommendations.yaml</code>.</p></body></html>`

/** The report's stand-in: a plain summary (by status, by owner, overdue, never discussed). No scripts. */
export function summaryHtml(progress: Progress, escapeHtml: (text: string) => string, problem?: string): string {
  const rows = statuses
    .filter((status) => progress.byStatus[status] > 0)
    .map((status) => `<tr><td>${statusLabels[status]}</td><td class="n">${progress.byStatus[status]}</td></tr>`)
    .join('')
  const owners = Object.values(progress.byOwner)
    .map((owner) => `<tr><td>${escapeHtml(owner.name)}</td><td class="n">${owner.implemented}/${owner.total}</td></tr>`)
    .join('')
  const overdue = progress.overdue.map((item) => `<li>${escapeHtml(item.id)}: due ${escapeHtml(item.due)}, ${item.daysOverdue} days overdue</li>`).join('')
  const never = progress.neverDiscussed.map(escapeHtml).join(', ')
  return (
    `${head}<h1>${escapeHtml(progress.register.title)}</h1>` +
    `<p>${progress.implemented} of ${progress.total} implemented on ${escapeHtml(progress.asOf)}.</p>` +
    (problem !== undefined ? `<p><em>The full report could not be shown: ${escapeHtml(problem)}</em></p>` : '') +
    `<h2>By status</h2><table>${rows}</table>` +
    `<h2>By owner</h2><table>${owners}</table>` +
    `<h2>Overdue</h2>${overdue ? `<ul>${overdue}</ul>` : '<p>None.</p>'}` +
    `<h2>Never discussed</h2><p>${never || 'None.'}</p></body></html>`
  )
}
