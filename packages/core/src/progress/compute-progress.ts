import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { assertIsoDate, assertWholeDays } from './assert.js'
import { assurance, type AssuranceByStatus } from './assurance.js'
import { duesOn } from './due-on.js'
import { responses, type Responses } from './responses.js'
import { slippage, type Slippage } from './slippage.js'
import { burnUp, type BurnUpPoint } from './burn-up.js'
import { byOwner, type OwnerProgress } from './by-owner.js'
import { byTheme } from './by-theme.js'
import { coverage, type Coverage } from './coverage.js'
import { defaultDueSoonDays, dueSoon, overdue, type DueSoonItem, type OverdueItem } from './due.js'
import { defaultForecastWindowDays, forecast, type Forecast } from './forecast.js'
import { neverDiscussed, staleness, type Staleness } from './staleness.js'
import { statusesOn, type RecommendationStatus } from './status-on.js'
import { totals, type Totals } from './totals.js'

/**
 * What {@link computeProgress} needs. Optional keys also accept `undefined`
 * (meaning the default), so callers can pass their own optional flags through.
 */
export interface ProgressOptions {
  /** The register, validated by `RegisterSchema`. */
  register: Register
  /** Dated minutes records of this register (others' are ignored); none by default. */
  minutes?: readonly MinutesRecord[] | undefined
  /** The day to report on (`YYYY-MM-DD`); minutes dated after it are ignored. */
  asOf: string
  /** The "due soon" window in whole days, 45 by default. */
  dueSoonDays?: number | undefined
  /** The forecast's window in whole days, 180 by default. */
  forecastWindowDays?: number | undefined
}

/**
 * Every progress figure of one register on one date. Plain objects, arrays,
 * strings, numbers, booleans and `null` only (optional keys are left out, never
 * `undefined`), so it goes through `JSON.stringify` unchanged and can be sent
 * to a webview or written as a JSON report.
 */
export interface Progress extends Totals {
  /** Which register this is. */
  register: { id: string; title: string }
  /** The day reported on (`YYYY-MM-DD`). */
  asOf: string
  /** Whether `asOf` is before the inquiry published its report (figures are then mostly baselines). */
  beforePublication: boolean
  /** Per owner id; see `byOwner`. */
  byOwner: Record<string, OwnerProgress>
  /** Per theme; see `byTheme`. */
  byTheme: Record<string, Totals>
  /** Open and past the current due date; see `overdue` and `dueOn`. */
  overdue: OverdueItem[]
  /** The window used for `dueSoon`, in days. */
  dueSoonDays: number
  /** Open and due (current due date) within `dueSoonDays`; see `dueSoon`. */
  dueSoon: DueSoonItem[]
  /** Owners' responses: counts by decision, awaiting, and ids whose response is overdue; see `responses`. */
  responses: Responses
  /** Each status counted by the assurance of the event that set it; see `assurance`. */
  assurance: AssuranceByStatus
  /** Ids implemented or ready for assessment without a verified claim; see `assurance`. */
  assuranceGap: string[]
  /** Due dates that moved; see `slippage`. */
  slippage: Slippage
  /** Ids of non-superseded recommendations no meeting has referenced; see `neverDiscussed`. */
  neverDiscussed: string[]
  /** Per non-superseded recommendation; see `staleness`. */
  staleness: Staleness[]
  /** Recommendation × meeting reference counts; see `coverage`. */
  coverage: Coverage
  /** Implemented and total at each meeting date; see `burnUp`. */
  burnUp: BurnUpPoint[]
  /** Projected completion date; see `forecast`. */
  forecast: Forecast
  /** Every recommendation's status on `asOf`, in register order; see `statusesOn`. */
  statuses: RecommendationStatus[]
}

/**
 * Compute every progress figure of a register on `asOf` from the register and
 * its dated minutes, with one rule for status throughout (`statusOn`): the
 * latest dated event on or before the date, minutes winning same-day ties over
 * register history, else the baseline, else `not-started`; and one rule for
 * due dates (`dueOn`): the latest revision on or before the date, else the
 * register's `due`.
 *
 * Only minutes dated on or before `asOf` count, and references and status
 * updates naming another register are ignored, so one set of minutes can be
 * passed for several registers. Pure: no I/O, runs in Node and browsers.
 *
 * @throws TypeError when `asOf` is not an ISO date (a programmer's mistake:
 *   data read from files is validated by the schemas first).
 * @throws RangeError when `dueSoonDays` is not a whole number >= 0 or
 *   `forecastWindowDays` not a whole number >= 1.
 */
export function computeProgress(options: ProgressOptions): Progress {
  const { register, minutes = [], asOf } = options
  const dueSoonDays = options.dueSoonDays ?? defaultDueSoonDays
  const forecastWindowDays = options.forecastWindowDays ?? defaultForecastWindowDays
  // Check every argument before any work, so a mistake fails the same way whatever the data.
  assertIsoDate(asOf, 'asOf')
  assertWholeDays(dueSoonDays, 'dueSoonDays', 0)
  assertWholeDays(forecastWindowDays, 'forecastWindowDays', 1)

  const statuses = statusesOn(register, minutes, asOf)
  const dues = duesOn(register, minutes, asOf)
  const withDue = statuses.map((entry) => ({ ...entry, due: dues.get(entry.id) }))
  const assured = assurance(register, minutes, asOf)
  const stale = staleness(register, minutes, asOf, statuses)
  return {
    register: { id: register.inquiry.id, title: register.inquiry.title },
    asOf,
    beforePublication: asOf < register.inquiry.published,
    ...totals(statuses),
    byOwner: byOwner(register, statuses),
    byTheme: byTheme(register, statuses),
    overdue: overdue(register, withDue, asOf),
    dueSoonDays,
    dueSoon: dueSoon(register, withDue, asOf, dueSoonDays),
    responses: responses(register, minutes, asOf, statuses),
    assurance: assured.assurance,
    assuranceGap: assured.assuranceGap,
    slippage: slippage(register, minutes, asOf),
    neverDiscussed: neverDiscussed(stale),
    staleness: stale,
    coverage: coverage(register, minutes, asOf),
    burnUp: burnUp(register, minutes, asOf),
    forecast: forecast(register, minutes, asOf, forecastWindowDays),
    statuses
  }
}
