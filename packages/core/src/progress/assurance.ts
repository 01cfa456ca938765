import { assurances, type Assurance } from '../schemas/accountability.js'
import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { statuses, type Status } from '../schemas/status.js'
import { assertIsoDate } from './assert.js'
import { registerUpdates, updatesById } from './register-minutes.js'
import { statusTimeline } from './status-on.js'

/** How many recommendations hold a status at each level of assurance. */
export type AssuranceCounts = Record<Assurance | 'not-recorded', number>

/** Each status counted by the assurance of the event that set it. */
export interface AssuranceByStatus {
  /** All seven statuses, each with all four keys. */
  byStatus: Record<Status, AssuranceCounts>
}

/** Assurance on a date: the counts, and the gap. */
export interface AssuranceFigures {
  assurance: AssuranceByStatus
  /**
   * Ids, in register order, whose status on the as-of date is `implemented`
   * or `ready-for-assessment` while the event that set it is not `verified`
   * (a baseline status has no event, so it is not verified either).
   */
  assuranceGap: string[]
}

/** The statuses whose claim needs independent checking. */
const claimedDone: ReadonlySet<Status> = new Set(['implemented', 'ready-for-assessment'])

/**
 * Count each recommendation's status on `asOf` by the `assurance` of the event
 * that gives it (by the `statusOn` rule: the latest history entry or minutes
 * update with a status on or before `asOf`, minutes winning same-day ties).
 * A status with no event (baseline or default) or an event without
 * `assurance` counts as `not-recorded`. Superseded recommendations count under
 * `superseded`, as in `totals.byStatus`.
 *
 * @param register - the register.
 * @param minutes - the minutes records; those dated after `asOf` and updates naming another register are ignored.
 * @param asOf - the day to report on (`YYYY-MM-DD`).
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function assurance(register: Pick<Register, 'inquiry' | 'recommendations'>, minutes: readonly MinutesRecord[], asOf: string): AssuranceFigures {
  assertIsoDate(asOf, 'asOf')
  const grouped = updatesById(registerUpdates(register, minutes, asOf))
  const zero = (): AssuranceCounts => ({ ...(Object.fromEntries(assurances.map((level) => [level, 0])) as Record<Assurance, number>), 'not-recorded': 0 })
  const byStatus = Object.fromEntries(statuses.map((status) => [status, zero()])) as Record<Status, AssuranceCounts>
  const assuranceGap: string[] = []
  for (const recommendation of register.recommendations) {
    const timeline = statusTimeline(recommendation, grouped.get(recommendation.id) ?? [])
    const { status } = timeline.at(asOf)
    const level = timeline.eventAt(asOf)?.assurance ?? 'not-recorded'
    byStatus[status][level] += 1
    if (claimedDone.has(status) && level !== 'verified') assuranceGap.push(recommendation.id)
  }
  return { assurance: { byStatus }, assuranceGap }
}

/**
 * The assurance gap by owner id: each owner with a recommendation in `gap`,
 * in the order the gap first names them, with those ids in gap order. A
 * recommendation with two owners counts for each (as `byOwner` does).
 *
 * @param register - the register the gap was computed for (its owners per recommendation).
 * @param gap - `assuranceGap`, as `assurance` or `computeProgress` gives it.
 */
export function assuranceGapByOwner(register: Pick<Register, 'recommendations'>, gap: readonly string[]): Map<string, string[]> {
  const ownersOf = new Map(register.recommendations.map((recommendation) => [recommendation.id, recommendation.owners]))
  const byOwner = new Map<string, string[]>()
  for (const id of gap) {
    for (const owner of new Set(ownersOf.get(id) ?? [])) {
      const ids = byOwner.get(owner)
      if (ids === undefined) byOwner.set(owner, [id])
      else ids.push(id)
    }
  }
  return byOwner
}
