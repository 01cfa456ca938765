import { statuses, type Status } from '../schemas/status.js'

/** How many recommendations have each of the seven statuses (zeros included). */
export type StatusCounts = Record<Status, number>

/** Headline figures for a set of recommendations. */
export interface Totals {
  /** Recommendations that count: all but the superseded ones. */
  total: number
  /** Count per status, all seven keys present, superseded included. */
  byStatus: StatusCounts
  /** Recommendations implemented (assessed as met). */
  implemented: number
  /** `implemented / total`, or 0 when `total` is 0 (nothing to implement is not 100%). */
  implementedRatio: number
}

/**
 * Count recommendations per status. Every status is a key, in the order of
 * `statuses`, so charts and tables get a stable shape whatever the data.
 */
export function countByStatus(items: readonly { status: Status }[]): StatusCounts {
  const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as StatusCounts
  for (const item of items) counts[item.status] += 1
  return counts
}

/**
 * Totals for a set of recommendations' statuses (as from `statusesOn`).
 *
 * `total` leaves out superseded recommendations, since another one replaced
 * them; `byStatus` still counts them under `superseded`, so
 * `total === sum(byStatus) - byStatus.superseded`. A recommendation is
 * superseded when its status is `superseded`; `supersededBy` alone, without
 * that status, does not remove it (the register check reports the mismatch).
 */
export function totals(items: readonly { status: Status }[]): Totals {
  const byStatus = countByStatus(items)
  const total = items.length - byStatus.superseded
  const implemented = byStatus.implemented
  return { total, byStatus, implemented, implementedRatio: total === 0 ? 0 : implemented / total }
}
