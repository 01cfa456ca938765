import { addDays } from '../dates.js'
import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { closedStatuses } from '../schemas/status.js'
import { assertIsoDate, assertWholeDays } from './assert.js'
import { statusesOn } from './status-on.js'

/** How many days back the forecast measures the pace, by default. */
export const defaultForecastWindowDays = 180

/** When the open recommendations would all be implemented at the recent pace. */
export interface Forecast {
  /** The window the pace is measured over, in days. */
  windowDays: number
  /** Implemented on the as-of date minus implemented `windowDays` earlier (negative if some went back). */
  implementedInWindow: number
  /** `implementedInWindow / windowDays`. */
  ratePerDay: number
  /** Recommendations open on the as-of date: not-started, in-progress, ready-for-assessment or blocked. */
  open: number
  /**
   * The projected date (`YYYY-MM-DD`): the as-of date when nothing is open;
   * `null` when the pace is zero or negative, since no date would ever come.
   */
  date: string | null
}

/**
 * Project when the open recommendations would all be implemented if the pace
 * of the last `windowDays` days continued.
 *
 * - `implementedInWindow` = implemented on `asOf` − implemented on
 *   `asOf − windowDays`, both by the `statusOn` rule (minutes dated after
 *   `asOf` ignored);
 * - `ratePerDay` = `implementedInWindow / windowDays`;
 * - `open` = recommendations whose status on `asOf` is not closed
 *   (not-started, in-progress, ready-for-assessment, blocked);
 * - `date`: `asOf` when `open` is 0; else `null` when `ratePerDay <= 0`; else
 *   `asOf + ceil(open / ratePerDay)` days.
 *
 * The days are computed as `ceil(open × windowDays / implementedInWindow)` in
 * whole numbers, which is the same quantity without the floating-point error
 * of dividing by a rounded rate (13 / (13 / 180) is 180.00000000000003 in
 * floating point, which would round up to 181).
 *
 * A net count, not a count of implementations: a recommendation implemented
 * and later reopened within the window adds nothing, which is the honest pace.
 *
 * @param register - the register.
 * @param minutes - the minutes records.
 * @param asOf - the day to forecast from (`YYYY-MM-DD`).
 * @param windowDays - the window in whole days, 180 by default.
 * @throws TypeError when `asOf` is not an ISO date.
 * @throws RangeError when `windowDays` is not a whole number >= 1.
 */
export function forecast(
  register: Pick<Register, 'inquiry' | 'recommendations'>,
  minutes: readonly MinutesRecord[],
  asOf: string,
  windowDays: number = defaultForecastWindowDays
): Forecast {
  assertIsoDate(asOf, 'asOf')
  assertWholeDays(windowDays, 'forecastWindowDays', 1)
  const now = statusesOn(register, minutes, asOf)
  // statusesOn drops minutes dated after its date, so the window's start sees
  // only what was recorded by then.
  const before = statusesOn(register, minutes, addDays(asOf, -windowDays))
  const implementedNow = now.filter((entry) => entry.status === 'implemented').length
  const implementedBefore = before.filter((entry) => entry.status === 'implemented').length
  const implementedInWindow = implementedNow - implementedBefore
  const ratePerDay = implementedInWindow / windowDays
  const open = now.filter((entry) => !closedStatuses.has(entry.status)).length
  let date: string | null
  if (open === 0) date = asOf
  else if (implementedInWindow <= 0) date = null
  else date = addDays(asOf, Math.ceil((open * windowDays) / implementedInWindow))
  return { windowDays, implementedInWindow, ratePerDay, open, date }
}
