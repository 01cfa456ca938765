import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { assertIsoDate } from './assert.js'
import { registerMeetings } from './register-minutes.js'
import { statusesOn } from './status-on.js'
import { totals } from './totals.js'

/** One point of the burn-up chart. */
export interface BurnUpPoint {
  /** A meeting date (`YYYY-MM-DD`). */
  date: string
  /** Recommendations implemented on that date. */
  implemented: number
  /** Recommendations that count on that date: all but those superseded on that date. */
  total: number
}

/**
 * The burn-up series: one point per distinct meeting date of the register on
 * or before `asOf`, in date order, with the implemented count and the total
 * from each recommendation's status on that date (`statusesOn`).
 *
 * Meeting dates are the natural sample points: that is when progress is
 * reported, so the line moves where the record says it moved. The total moves
 * too, as recommendations are superseded, which is why it is a burn-up rather
 * than a burn-down. No meetings, no points.
 *
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function burnUp(register: Pick<Register, 'inquiry' | 'recommendations'>, minutes: readonly MinutesRecord[], asOf: string): BurnUpPoint[] {
  assertIsoDate(asOf, 'asOf')
  const dates = [...new Set(registerMeetings(register, minutes, asOf).map((meeting) => meeting.date))]
  return dates.map((date) => {
    const { implemented, total } = totals(statusesOn(register, minutes, date))
    return { date, implemented, total }
  })
}
