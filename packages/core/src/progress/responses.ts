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

/** A recommendation's response on a date: the decision, when it was made and where it was recorded. */
export interface RecordedResponse {
  decision: ResponseDecision
  /** The register response's `date`, or the meeting's date. */
  date: string
  /** The register's note, when it has one. */
  note?: string
  /** The minutes file, when the response comes from a status table. */
  source?: string
}

/** What {@link responsesOn} needs from a minutes status update. */
export interface ResponseUpdateLike {
  id: string
  /** The meeting's date (`YYYY-MM-DD`). */
  date: string
  response?: ResponseDecision | undefined
  source?: string | undefined
}

/**
 * Each recommendation's response on `asOf`, by id (those without one left
 * out): the latest on or before `asOf` of its register `response` and the
 * minutes updates about it with a `response`; on the same day minutes win.
 *
 * @param register - the register's recommendations.
 * @param updates - the status updates of the register's minutes up to `asOf` (as `registerUpdates` gives them).
 * @param asOf - the day to ask about (`YYYY-MM-DD`).
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function responsesOn(register: Pick<Register, 'recommendations'>, updates: readonly ResponseUpdateLike[], asOf: string): Map<string, RecordedResponse> {
  assertIsoDate(asOf, 'asOf')
  const latest = new Map<string, RecordedResponse>()
  const consider = (id: string, response: RecordedResponse) => {
    const previous = latest.get(id)
    // Register responses are seen first, so a later-seen entry on the same day (minutes) wins.
    if (previous === undefined || compareStrings(previous.date, response.date) <= 0) latest.set(id, response)
  }
  for (const recommendation of register.recommendations) {
    const response = recommendation.response
    if (response !== undefined && response.date <= asOf) {
      consider(recommendation.id, { decision: response.decision, date: response.date, ...(response.note !== undefined ? { note: response.note } : {}) })
    }
  }
  for (const update of updates) {
    if (update.response !== undefined && update.date <= asOf)
      consider(update.id, { decision: update.response, date: update.date, ...(update.source !== undefined ? { source: update.source } : {}) })
  }
  return latest
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
  const latest = responsesOn(register, registerUpdates(register, minutes, asOf), asOf)
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
