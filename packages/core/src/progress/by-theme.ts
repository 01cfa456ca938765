import type { Register } from '../schemas/register.js'
import type { Status } from '../schemas/status.js'
import { totals, type Totals } from './totals.js'

/**
 * Progress per theme, keyed by theme, in order of first appearance in the
 * register.
 *
 * A recommendation with several themes counts in full for each (a theme
 * answers "how are we doing on X", not a share of the whole). Recommendations
 * without themes are in no theme: there is no "untagged" bucket, because the
 * overall totals already cover them. A theme listed twice on one
 * recommendation counts once.
 *
 * @param register - the register (its recommendations).
 * @param statuses - each recommendation's status, as from `statusesOn`;
 *   recommendations without an entry are left out.
 */
export function byTheme(register: Pick<Register, 'recommendations'>, statuses: readonly { id: string; status: Status }[]): Record<string, Totals> {
  const statusById = new Map(statuses.map((entry) => [entry.id, entry.status]))
  const groups = new Map<string, { status: Status }[]>()
  for (const recommendation of register.recommendations) {
    const status = statusById.get(recommendation.id)
    if (status === undefined) continue
    for (const theme of new Set(recommendation.themes ?? [])) {
      const items = groups.get(theme)
      if (items === undefined) groups.set(theme, [{ status }])
      else items.push({ status })
    }
  }
  // Themes are free text: Object.fromEntries defines own properties, so even a
  // theme called "__proto__" is an ordinary key.
  return Object.fromEntries([...groups].map(([theme, items]) => [theme, totals(items)]))
}
