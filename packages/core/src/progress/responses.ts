import { addDays } from '../dates.js'
import { compareStrings } from '../order.js'
import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import type { ResponseDecision } from '../schemas/accountability.js'
import type { Status } from '../schemas/status.js'
import { assertIsoDate } from './assert.js'
import { registerUpdates } from './register-minutes.js'

/**
 * Owners' responses on a date: a count per decision, `awaiting` (no response
 * yet) and `overdue`, the ids awaiting a response past its due date.
 */
export interface Responses {
  accepted: number
  'accepted-in-principle': number
  'partially-accepted': number
  'not-accepted': number
  /** Recommendations with no response on or before the as-of date. */
  awaiting: number
  /** Ids awaiting a response after `published + responseDays`, in register order; empty without `responseDays`. */
  overdue: string[]
}

/**
 * Count owners' responses on `asOf`. A recommendation's response is the latest
 * on or before `asOf` of its register `response` (dated by its `date`) and the
 * minutes updates about it with a `response` (dated by the meeting; on the
 * same day minutes win, as for status). Superseded recommendations (status
 * `superseded` on `asOf`) are left out, as in `totals`.
 *
 * A response is overdue when the register says `inquiry.responseDays`, the
 * recommendation has none on `asOf`, and `asOf` is after
 * `published + responseDays` (a response on the due day is in time).
 *
 * @param register - the register.
 * @param minutes - the minutes records; those dated after `asOf` and updates naming another register are ignored.
 * @param asOf - the day to report on (`YYYY-MM-DD`).
 * @param statuses - each recommendation's status on `asOf`, as from `statusesOn`; only its `superseded` matters.
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function responses(
  register: Pick<Register, 'inquiry' | 'recommendations'>,
  minutes: readonly MinutesRecord[],
  asOf: string,
  statuses: readonly { id: string; status: Status }[]
): Responses {
  assertIsoDate(asOf, 'asOf')
  const superseded = new Set(statuses.filter((entry) => entry.status === 'superseded').map((entry) => entry.id))
  const latest = new Map<string, { date: string; decision: ResponseDecision }>()
  const consider = (id: string, date: string, decision: ResponseDecision) => {
    const previous = latest.get(id)
    // Register responses are seen first, so a later-seen entry on the same day (minutes) wins.
    if (previous === undefined || compareStrings(previous.date, date) <= 0) latest.set(id, { date, decision })
  }
  for (const recommendation of register.recommendations) {
    const response = recommendation.response
    if (response !== undefined && response.date <= asOf) consider(recommendation.id, response.date, response.decision)
  }
  for (const update of registerUpdates(register, minutes, asOf)) {
    if (update.response !== undefined) consider(update.id, update.date, update.response)
  }
  const { responseDays } = register.inquiry
  const late = responseDays !== undefined && asOf > addDays(register.inquiry.published, responseDays)
  const result: Responses = { accepted: 0, 'accepted-in-principle': 0, 'partially-accepted': 0, 'not-accepted': 0, awaiting: 0, overdue: [] }
  for (const { id } of register.recommendations) {
    if (superseded.has(id)) continue
    const response = latest.get(id)
    if (response !== undefined) {
      result[response.decision] += 1
      continue
    }
    result.awaiting += 1
    if (late) result.overdue.push(id)
  }
  return result
}
