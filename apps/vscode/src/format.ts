/**
 * What only VS Code needs to decide: the icon and colour of each status, and
 * today's date for an input box. Everything the views say comes from the
 * language server. No `vscode` import, so vitest covers it without an editor.
 */
import type { RecommendationView } from '@followthrough/language-service/custom-protocol'

type Status = RecommendationView['status']

/** A product icon (codicon) and theme colour per status, for tree items. */
export const statusIcons: Readonly<Record<Status, { icon: string; color: string }>> = {
  'not-started': { icon: 'circle-large-outline', color: 'disabledForeground' },
  'in-progress': { icon: 'sync', color: 'charts.blue' },
  'ready-for-assessment': { icon: 'eye', color: 'charts.purple' },
  implemented: { icon: 'pass-filled', color: 'testing.iconPassed' },
  blocked: { icon: 'error', color: 'errorForeground' },
  rejected: { icon: 'circle-slash', color: 'charts.orange' },
  superseded: { icon: 'arrow-swap', color: 'disabledForeground' }
}

/** Today as `YYYY-MM-DD` in local time (what a minute-taker means by today). */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
