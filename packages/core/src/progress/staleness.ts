import { daysBetween } from '../dates.js'
import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { assertIsoDate } from './assert.js'
import { registerMeetings } from './register-minutes.js'
import { statusesOn, type RecommendationStatus } from './status-on.js'

/** How long since a recommendation was last discussed. */
export interface Staleness {
  id: string
  /** The date of the latest meeting on or before the as-of date that referenced it; absent when never. */
  lastDiscussed?: string
  /** The `source` of that meeting's record; absent when never discussed. */
  lastDiscussedIn?: string
  /** Days from `lastDiscussed` to the as-of date; absent when never discussed. */
  daysSince?: number
  /**
   * Meetings of the register dated after `lastDiscussed` and on or before the
   * as-of date; when never discussed, every meeting up to the as-of date.
   */
  meetingsSince: number
}

/**
 * Staleness of every recommendation not superseded on `asOf`, in register
 * order: when, where and how many meetings ago it was last discussed.
 *
 * "Discussed" means named by a reference in a meeting of the register (see
 * `registerMeetings`) dated on or before `asOf`. Status update rows are not
 * counted on their own: the Markdown extractor already reports each row's
 * recommendation as a reference too, so counting both would count one mention
 * twice, and minutes without a table would be treated differently from minutes
 * with one. When two meetings on the same latest date reference it,
 * `lastDiscussedIn` is the one that sorts last by source.
 *
 * Counting meetings as well as days matters because bodies meet at different
 * rhythms: 90 days is one quarterly meeting but six fortnightly ones.
 *
 * @param register - the register.
 * @param minutes - the minutes records.
 * @param asOf - the day to report on (`YYYY-MM-DD`).
 * @param statuses - statuses on `asOf`, when already computed (by default from
 *   `statusesOn`); used only to leave out superseded recommendations.
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function staleness(
  register: Pick<Register, 'inquiry' | 'recommendations'>,
  minutes: readonly MinutesRecord[],
  asOf: string,
  statuses?: readonly RecommendationStatus[]
): Staleness[] {
  assertIsoDate(asOf, 'asOf')
  const statusById = new Map((statuses ?? statusesOn(register, minutes, asOf)).map((entry) => [entry.id, entry.status]))
  const meetings = registerMeetings(register, minutes, asOf)
  // Meetings are sorted by date then source, so the last one seen is the latest.
  const last = new Map<string, { date: string; source: string }>()
  for (const meeting of meetings) {
    for (const reference of meeting.references) last.set(reference.id, { date: meeting.date, source: meeting.source })
  }
  const result: Staleness[] = []
  for (const { id } of register.recommendations) {
    if (statusById.get(id) === 'superseded') continue
    const seen = last.get(id)
    if (seen === undefined) {
      result.push({ id, meetingsSince: meetings.length })
      continue
    }
    result.push({
      id,
      lastDiscussed: seen.date,
      lastDiscussedIn: seen.source,
      daysSince: daysBetween(seen.date, asOf),
      meetingsSince: meetings.filter((meeting) => meeting.date > seen.date).length
    })
  }
  return result
}

/**
 * Ids of the recommendations in `stale` that were never discussed (no
 * `lastDiscussed`), in the same order. Pass the result of {@link staleness},
 * which already leaves out superseded recommendations.
 */
export function neverDiscussed(stale: readonly Staleness[]): string[] {
  return stale.filter((entry) => entry.lastDiscussed === undefined).map((entry) => entry.id)
}
