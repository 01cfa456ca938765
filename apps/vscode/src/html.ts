/**
 * The progress view's fallback: a plain summary (by status, by owner, overdue,
 * never discussed) when the full report cannot be rendered. Pure, no scripts:
 * its Content-Security-Policy allows inline styles and nothing else.
 */
import { escapeHtml, type Progress } from '@followthrough/core'
import { statusLabels, statusOrder } from './format.js'

export { escapeHtml }

/** The summary's policy: nothing loads, nothing runs. */
export const summaryContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

export function summaryHtml(progress: Progress | undefined, problem?: string): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${summaryContentSecurityPolicy}"><meta name="viewport" content="width=device-width"><title>Recommendations progress</title><style>body{font-family:var(--vscode-font-family,sans-serif);color:var(--vscode-foreground);padding:0 1.5em}table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:left;border-bottom:1px solid var(--vscode-panel-border,#ccc)}td.n{text-align:right}</style></head><body>`
  if (!progress) return `${head}<h1>Recommendations progress</h1><p>No register is loaded: add a <code>followthrough.config.json</code> naming your registers, or a <code>recommendations.yaml</code>.</p></body></html>`
  const rows = statusOrder
    .filter((status) => progress.byStatus[status] > 0)
    .map((status) => `<tr><td>${statusLabels[status]}</td><td class="n">${progress.byStatus[status]}</td></tr>`)
    .join('')
  const owners = Object.entries(progress.byOwner)
    .map(([, owner]) => `<tr><td>${escapeHtml(owner.name)}</td><td class="n">${owner.implemented}/${owner.total}</td></tr>`)
    .join('')
  const overdue = progress.overdue.map((item) => `<li>${escapeHtml(item.id)}: due ${escapeHtml(item.due)}, ${item.daysOverdue} days overdue</li>`).join('')
  const never = progress.neverDiscussed.map((id) => escapeHtml(id)).join(', ')
  return (
    `${head}<h1>${escapeHtml(progress.register.title)}</h1>` +
    `<p>${progress.implemented} of ${progress.total} implemented on ${escapeHtml(progress.asOf)}.</p>` +
    (problem ? `<p><em>The full report could not be shown: ${problem}</em></p>` : '') +
    `<h2>By status</h2><table>${rows}</table>` +
    `<h2>By owner</h2><table>${owners}</table>` +
    `<h2>Overdue</h2>${overdue ? `<ul>${overdue}</ul>` : '<p>None.</p>'}` +
    `<h2>Never discussed</h2><p>${never || 'None.'}</p></body></html>`
  )
}
