import type { MinutesRecord } from '../schemas/records.js'
import type { Recommendation, Register } from '../schemas/register.js'
import { compareStrings } from '../order.js'
import { assertIsoDate } from './assert.js'
import { registerUpdates, updatesById } from './register-minutes.js'

/** What {@link dueRevisions} needs from a recommendation. */
export type DueSubject = Pick<Recommendation, 'id' | 'due' | 'history'>

/** What {@link dueRevisions} needs from a minutes status update. */
export interface DueUpdateLike {
  id: string
  /** The meeting's date (`YYYY-MM-DD`). */
  date: string
  due?: string | undefined
  reason?: string | undefined
  source?: string | undefined
}

/** One move of a recommendation's due date. */
export interface DueRevision {
  /** The day the revision was made (`YYYY-MM-DD`): the history entry's or the meeting's date. */
  date: string
  /** The revised due date (`YYYY-MM-DD`). */
  due: string
  /** Why it moved, when recorded. */
  reason?: string
  /** Where it was recorded, when known. */
  source?: string
}

/**
 * A recommendation's due-date revisions, in the order they take effect: its
 * register `history` entries with `due` and the minutes updates about it with
 * `due`, by date; on the same day minutes come after history, and within each
 * kind input order counts (the same tie-break as `statusOn`).
 *
 * @param recommendation - the recommendation (its `id` and `history`).
 * @param updates - minutes status updates; those about other recommendations or without `due` are skipped.
 * @param asOf - when given, only revisions dated on or before it (`YYYY-MM-DD`, not checked).
 */
export function dueRevisions(recommendation: DueSubject, updates: readonly DueUpdateLike[] = [], asOf?: string): DueRevision[] {
  const events = [...(recommendation.history ?? []), ...updates.filter((update) => update.id === recommendation.id)]
  const dated: Array<{ revision: DueRevision; order: number }> = []
  events.forEach((event, order) => {
    if (event.due === undefined || (asOf !== undefined && event.date > asOf)) return
    const revision: DueRevision = { date: event.date, due: event.due }
    if (event.reason !== undefined) revision.reason = event.reason
    if (event.source !== undefined) revision.source = event.source
    dated.push({ revision, order })
  })
  return dated.sort((a, b) => compareStrings(a.revision.date, b.revision.date) || a.order - b.order).map(({ revision }) => revision)
}

/**
 * A recommendation's due date on `date`: the latest revision on or before
 * `date` (see {@link dueRevisions}), else the register's `due`.
 *
 * @param recommendation - the recommendation (its `id`, `due` and `history`).
 * @param date - the day to ask about (`YYYY-MM-DD`, not checked).
 * @param updates - minutes status updates that count for its register, from minutes dated on or before `date`.
 * @returns the due date, or `undefined` when it has none.
 */
export function currentDue(recommendation: DueSubject, date: string, updates: readonly DueUpdateLike[] = []): string | undefined {
  return dueRevisions(recommendation, updates, date).at(-1)?.due ?? recommendation.due
}

/**
 * The due date of recommendation `id` of `register` on `date`: its latest
 * revision on or before `date` (a register `history` entry with `due`, or a
 * minutes status update with `due`), else the register's `due`. Takes the
 * register and its minutes as `statusesOn` does: minutes dated after `date`
 * and updates naming another register are ignored.
 *
 * @param register - the register.
 * @param minutes - the minutes records, in input order (it breaks same-day ties).
 * @param id - the recommendation's id, such as `R4.2`.
 * @param date - the day to ask about (`YYYY-MM-DD`).
 * @returns the due date (`YYYY-MM-DD`), or `undefined` when the recommendation has none or the register has no such id.
 * @throws TypeError when `date` is not an ISO date.
 */
export function dueOn(register: Pick<Register, 'inquiry' | 'recommendations'>, minutes: readonly MinutesRecord[], id: string, date: string): string | undefined {
  assertIsoDate(date, 'date')
  const recommendation = register.recommendations.find((entry) => entry.id === id)
  if (recommendation === undefined) return undefined
  return currentDue(recommendation, date, registerUpdates(register, minutes, date))
}

/**
 * Every recommendation's due date on `date`, by id, by the {@link dueOn} rule
 * (recommendations without one are left out).
 *
 * @throws TypeError when `date` is not an ISO date.
 */
export function duesOn(register: Pick<Register, 'inquiry' | 'recommendations'>, minutes: readonly MinutesRecord[], date: string): Map<string, string> {
  assertIsoDate(date, 'date')
  const grouped = updatesById(registerUpdates(register, minutes, date))
  const dues = new Map<string, string>()
  for (const recommendation of register.recommendations) {
    const due = currentDue(recommendation, date, grouped.get(recommendation.id) ?? [])
    if (due !== undefined) dues.set(recommendation.id, due)
  }
  return dues
}
