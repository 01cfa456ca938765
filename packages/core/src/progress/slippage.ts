import { daysBetween } from '../dates.js'
import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { assertIsoDate } from './assert.js'
import { dueRevisions } from './due-on.js'
import { registerUpdates, updatesById } from './register-minutes.js'

/** One recommendation whose due date has moved. */
export interface SlippageItem {
  id: string
  /** Its owners' ids. */
  owners: string[]
  /** The register's `due`, or `null` when the register gives none. */
  originalDue: string | null
  /** The due date after the latest revision on or before the as-of date. */
  currentDue: string
  /** How many revisions, on or before the as-of date. */
  revisions: number
  /** Days from `originalDue` to `currentDue` (negative when brought forward; 0 without an original due date). */
  days: number
}

/** Due dates that moved, with totals. */
export interface Slippage {
  /** Revised recommendations, in register order. */
  items: SlippageItem[]
  /** The sum of `days` over `items`. */
  totalDays: number
  /**
   * Per owner id, every owner of the register in its order (then any other
   * owner id used): how many of its recommendations were revised and their
   * days. A recommendation with two owners counts in full for each.
   */
  byOwner: Record<string, { revised: number; days: number }>
}

/**
 * Slippage on `asOf`: each recommendation with at least one due-date revision
 * on or before `asOf` (see `dueRevisions`), its original and current due
 * dates, the number of revisions and the days slipped, with totals.
 *
 * @param register - the register.
 * @param minutes - the minutes records; those dated after `asOf` and updates naming another register are ignored.
 * @param asOf - the day to report on (`YYYY-MM-DD`).
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function slippage(register: Pick<Register, 'inquiry' | 'owners' | 'recommendations'>, minutes: readonly MinutesRecord[], asOf: string): Slippage {
  assertIsoDate(asOf, 'asOf')
  const grouped = updatesById(registerUpdates(register, minutes, asOf))
  const items: SlippageItem[] = []
  const byOwner = new Map<string, { revised: number; days: number }>(register.owners.map((owner) => [owner.id, { revised: 0, days: 0 }]))
  for (const recommendation of register.recommendations) {
    const revisions = dueRevisions(recommendation, grouped.get(recommendation.id) ?? [], asOf)
    const last = revisions.at(-1)
    if (last === undefined) continue
    const originalDue = recommendation.due ?? null
    const days = originalDue === null ? 0 : daysBetween(originalDue, last.due)
    const owners = [...new Set(recommendation.owners)]
    items.push({ id: recommendation.id, owners, originalDue, currentDue: last.due, revisions: revisions.length, days })
    for (const owner of owners) {
      const entry = byOwner.get(owner) ?? { revised: 0, days: 0 }
      entry.revised += 1
      entry.days += days
      byOwner.set(owner, entry)
    }
  }
  return { items, totalDays: items.reduce((sum, item) => sum + item.days, 0), byOwner: Object.fromEntries(byOwner) }
}
