import type { MinutesRecord } from '../schemas/records.js'
import type { Recommendation, Register } from '../schemas/register.js'
import type { Status } from '../schemas/status.js'
import type { Assurance } from '../schemas/accountability.js'
import { partitionPoint } from '../order.js'
import { assertIsoDate } from './assert.js'
import { registerUpdates, updatesById } from './register-minutes.js'

/** A status and the day the event that set it took effect. */
export interface DatedStatus {
  status: Status
  /**
   * The date of the event that set the status, so a hover can say
   * "in-progress since 2023-04-17" (a later event repeating the status does
   * not move it). Absent when the status is the register's
   * baseline or the `not-started` default, which carry no date.
   */
  since?: string
}

/** A recommendation's status on a date, as listed by {@link statusesOn}. */
export interface RecommendationStatus extends DatedStatus {
  /** The recommendation's id, such as `R12`. */
  id: string
}

/** What {@link statusOn} needs from a minutes status update. */
export interface StatusUpdateLike {
  /** The recommendation the row is about. */
  id: string
  /** Absent on a row that only moves the due date: such rows do not change the status. */
  status?: Status | undefined
  /** The meeting's date (`YYYY-MM-DD`). */
  date: string
  /** How far the status is assured, when the row says. */
  assurance?: Assurance | undefined
}

/** What {@link statusOn} needs from a recommendation. */
export type StatusSubject = Pick<Recommendation, 'id' | 'status' | 'history'>

/**
 * The status of one recommendation on `date`.
 *
 * The rule, in order:
 * 1. the latest dated event on or before `date`, taking the recommendation's
 *    register `history` and the minutes `updates` whose `id` is the
 *    recommendation's (updates about other recommendations are skipped);
 * 2. when a register event and a minutes update fall on the same day, the
 *    minutes update wins, because minutes record what the meeting was told
 *    and registers are often updated from them later;
 * 3. among events of the same kind on the same day, the later one in input
 *    order wins (`history` order; `updates` order);
 * 4. with no event on or before `date`: the register's baseline `status`,
 *    else `not-started`, both without `since`.
 *
 * A minutes update is dated by its own `date` (the meeting's date). This
 * function does not know registers: pass only updates that count for the
 * recommendation's register and come from minutes dated on or before the
 * as-of date (see `registerUpdates`, or use {@link statusesOn}).
 *
 * @param recommendation - the recommendation (its `id`, baseline `status` and `history`).
 * @param date - the day to report on (`YYYY-MM-DD`).
 * @param updates - minutes status updates, in input order.
 * @throws TypeError when `date` is not an ISO date.
 */
export function statusOn(recommendation: StatusSubject, date: string, updates: readonly StatusUpdateLike[] = []): DatedStatus {
  assertIsoDate(date, 'date')
  return resolveStatus(
    recommendation,
    date,
    updates.filter((update) => update.id === recommendation.id)
  )
}

/**
 * The status of every recommendation of a register on `date`, in register
 * order (superseded ones included), by the {@link statusOn} rule.
 *
 * Minutes dated after `date` are ignored, and so are status updates that name
 * another register (see `countsForRegister`).
 *
 * @param register - the register.
 * @param minutes - the minutes records, in input order (it breaks same-day ties).
 * @param date - the day to report on (`YYYY-MM-DD`).
 * @throws TypeError when `date` is not an ISO date.
 */
export function statusesOn(register: Pick<Register, 'inquiry' | 'recommendations'>, minutes: readonly MinutesRecord[], date: string): RecommendationStatus[] {
  assertIsoDate(date, 'date')
  const grouped = updatesById(registerUpdates(register, minutes, date))
  return register.recommendations.map((recommendation) => ({
    id: recommendation.id,
    ...resolveStatus(recommendation, date, grouped.get(recommendation.id) ?? [])
  }))
}

/**
 * A recommendation's status events in the order they take effect, to ask its
 * status on many dates without sorting each time (lint asks once per
 * reference, burn-up once per meeting).
 */
export interface StatusTimeline {
  /** The status on `date` by the {@link statusOn} rule (`date` is not checked). */
  at(date: string): DatedStatus
  /**
   * The event that gives the status on `date` by the same rule: the latest
   * history entry or minutes update with a status on or before `date`, as
   * given (so its `assurance`, `evidence` and `by` can be read). Undefined
   * when the status is the baseline or the `not-started` default.
   */
  eventAt(date: string): StatusEventLike | undefined
}

/** A history entry or minutes update as {@link StatusTimeline.eventAt} returns it. */
export type StatusEventLike = (NonNullable<StatusSubject['history']>[number] | StatusUpdateLike) & { status: Status }

/**
 * Build a {@link StatusTimeline} from the recommendation's history and the
 * minutes updates about it (updates about other recommendations are skipped).
 */
export function statusTimeline(recommendation: StatusSubject, updates: readonly StatusUpdateLike[] = []): StatusTimeline {
  // History before updates, each in input order; a stable sort by date then
  // encodes both tie-breaks: on the same day a later event wins, so minutes
  // beat history and later rows beat earlier rows of the same kind.
  // Entries without a status only move the due date (see `dueOn`): they are no status event.
  const events = [...(recommendation.history ?? []), ...updates.filter((update) => update.id === recommendation.id)]
    .flatMap((event, order) => (event.status === undefined ? [] : [{ date: event.date, status: event.status, order, event: { ...event, status: event.status } }]))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order))
  // A meeting that repeats the status does not restart it: "since" is when the
  // recommendation reached the status it has after each event.
  const timeline: Array<{ date: string; status: Status; since: string; event: StatusEventLike }> = []
  for (const event of events) {
    const previous = timeline.at(-1)
    timeline.push({ date: event.date, status: event.status, since: previous !== undefined && previous.status === event.status ? previous.since : event.date, event: event.event })
  }
  const last = (date: string) => timeline[partitionPoint(timeline, (entry) => entry.date <= date) - 1]
  const baseline: DatedStatus = { status: recommendation.status ?? 'not-started' }
  return {
    at(date) {
      // The last event on or before `date` (events are sorted by date).
      const event = last(date)
      return event === undefined ? { ...baseline } : { status: event.status, since: event.since }
    },
    eventAt(date) {
      return last(date)?.event
    }
  }
}

/** The {@link statusOn} rule, for updates already narrowed to the recommendation. */
function resolveStatus(recommendation: StatusSubject, date: string, updates: readonly StatusUpdateLike[]): DatedStatus {
  return statusTimeline(recommendation, updates).at(date)
}
