import { daysBetween, addDays } from '../dates.js'
import { compareStrings } from '../order.js'
import type { Register } from '../schemas/register.js'
import { closedStatuses, type Status } from '../schemas/status.js'
import { assertIsoDate, assertWholeDays } from './assert.js'

/**
 * A recommendation's status on the as-of date and, optionally, its current
 * due date there (see `dueOn`); without `due` the register's `due` counts.
 */
export interface StatusWithDue {
  id: string
  status: Status
  due?: string | undefined
}

/** How many days ahead counts as "due soon", by default. */
export const defaultDueSoonDays = 45

/** A recommendation past its due date and still open. */
export interface OverdueItem {
  id: string
  /** The due date (`YYYY-MM-DD`). */
  due: string
  /** Whole days from `due` to the as-of date (at least 1). */
  daysOverdue: number
}

/** A recommendation due within the window and still open. */
export interface DueSoonItem {
  id: string
  /** The due date (`YYYY-MM-DD`). */
  due: string
  /** Whole days from the as-of date to `due` (0 when due on the as-of date). */
  daysUntilDue: number
}

/**
 * Recommendations past their current due date on `asOf`: `due` strictly before `asOf`
 * and status on `asOf` still open (not `implemented`, `rejected` or
 * `superseded`, the `closedStatuses`). A recommendation due on `asOf` itself
 * is not overdue yet: it is due soon.
 *
 * Sorted by due date (most overdue first), then register order.
 *
 * @param register - the register (its recommendations and due dates).
 * @param statuses - each recommendation's status on `asOf`, as from
 *   `statusesOn`, with its current due date when it has moved (see `duesOn`);
 *   recommendations without an entry are left out.
 * @param asOf - the day to report on (`YYYY-MM-DD`).
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function overdue(register: Pick<Register, 'recommendations'>, statuses: readonly StatusWithDue[], asOf: string): OverdueItem[] {
  assertIsoDate(asOf, 'asOf')
  return openWithDue(register, statuses)
    .filter(({ due }) => due < asOf)
    .map(({ id, due }) => ({ id, due, daysOverdue: daysBetween(due, asOf) }))
}

/**
 * Recommendations due soon: `asOf <= due <= asOf + days`, both ends included,
 * and status on `asOf` still open (as for {@link overdue}).
 *
 * Sorted by due date (soonest first), then register order.
 *
 * @param register - the register (its recommendations and due dates).
 * @param statuses - each recommendation's status on `asOf`, as from `statusesOn`, with its current due date (as for {@link overdue}).
 * @param asOf - the day to report on (`YYYY-MM-DD`).
 * @param days - the window in whole days, 45 by default.
 * @throws TypeError when `asOf` is not an ISO date.
 * @throws RangeError when `days` is not a whole number >= 0.
 */
export function dueSoon(register: Pick<Register, 'recommendations'>, statuses: readonly StatusWithDue[], asOf: string, days: number = defaultDueSoonDays): DueSoonItem[] {
  assertIsoDate(asOf, 'asOf')
  assertWholeDays(days, 'dueSoonDays', 0)
  const until = addDays(asOf, days)
  return openWithDue(register, statuses)
    .filter(({ due }) => asOf <= due && due <= until)
    .map(({ id, due }) => ({ id, due, daysUntilDue: daysBetween(asOf, due) }))
}

/** Open recommendations with a due date, sorted by due date then register order. */
function openWithDue(register: Pick<Register, 'recommendations'>, statuses: readonly StatusWithDue[]): { id: string; due: string }[] {
  const byId = new Map(statuses.map((entry) => [entry.id, entry]))
  const open: { id: string; due: string }[] = []
  for (const recommendation of register.recommendations) {
    const { id } = recommendation
    const entry = byId.get(id)
    const due = entry?.due ?? recommendation.due
    if (due === undefined || entry === undefined || closedStatuses.has(entry.status)) continue
    open.push({ id, due })
  }
  // ISO dates sort as strings; the sort is stable, so ties keep register order.
  return open.sort((a, b) => compareStrings(a.due, b.due))
}
