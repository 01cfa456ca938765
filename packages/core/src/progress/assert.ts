import { isIsoDate } from '../dates.js'
import { describe } from '../schemas/primitives.js'

/**
 * Throw a `TypeError` unless `value` is a real calendar date written
 * `YYYY-MM-DD`.
 *
 * Progress compares dates as strings, so a malformed date would not fail on its
 * own: it would quietly give wrong figures. Registers and minutes are validated
 * by their schemas, so a bad date here is a programmer's mistake, and throwing
 * is the clearest way to say so.
 *
 * @param value - the date to check.
 * @param name - the argument's name, for the message (such as `asOf`).
 * @throws TypeError when `value` is not an ISO calendar date.
 */
export function assertIsoDate(value: unknown, name: string): asserts value is string {
  if (typeof value === 'string' && isIsoDate(value)) return
  const what = typeof value === 'string' ? `date ${JSON.stringify(value)}` : describe(value)
  throw new TypeError(`Unexpected ${name}: ${what}, expected a real calendar date as YYYY-MM-DD`)
}

/**
 * Throw a `RangeError` unless `value` is a whole number of days of at least
 * `minimum`.
 *
 * Windows such as "due within 45 days" are counted in whole days; a fraction or
 * a negative window has no meaning and would silently change the figures.
 *
 * @param value - the number of days to check.
 * @param name - the argument's name, for the message (such as `dueSoonDays`).
 * @param minimum - the smallest allowed value.
 * @throws RangeError when `value` is not a whole number `>= minimum`.
 */
export function assertWholeDays(value: number, name: string, minimum: number): void {
  if (Number.isInteger(value) && value >= minimum) return
  throw new RangeError(`Unexpected ${name}: ${String(value)}, expected a whole number of days of at least ${minimum}`)
}
