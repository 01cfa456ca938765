/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`).
 *
 * Registers and minutes carry dates, never times, so the whole library works on
 * plain ISO date strings and does day arithmetic in UTC: no time zone can move a
 * meeting to the day before.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

const msPerDay = 86_400_000

/**
 * Whether `value` is a real calendar date written as `YYYY-MM-DD`
 * (`2023-02-30` is not).
 */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value)
  if (!match) return false
  const [, y, m, d] = match
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d))
  return new Date(time).toISOString().slice(0, 10) === value
}

/** Days since 1970-01-01 for an ISO date (assumed valid). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / msPerDay)
}

/** The ISO date `days` days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * msPerDay).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}
