import { compareStrings } from './order.js'

/**
 * The order people count recommendations in: `R2` before `R10`, `R12` before
 * `R12a`. One definition for every list of ids (the report's table, the
 * editor's tree, completions, hovers).
 */

/** A recommendation id's parts: letter prefix, number (optionally dotted), optional letter suffix (as `RecommendationIdSchema` allows). */
const idParts = /^([A-Za-z]*?)(\d+(?:\.\d+)*)([a-z]?)$/

/**
 * Natural order of ids: by prefix, then by number (dotted numbers part by
 * part, so `R4` < `R4.2` < `R4.10` < `R5`), then by suffix, so `R2`
 * comes before `R10` and `R12` before `R12a`. Strings that are not ids sort
 * after every id, by text. Compares code units, never the locale, so the order
 * is the same on every machine.
 *
 * @example
 * ['R10', 'R2', 'R12a', 'R12'].sort(compareIds) // ['R2', 'R10', 'R12', 'R12a']
 */
export function compareIds(a: string, b: string): number {
  const x = parseId(a)
  const y = parseId(b)
  if (!x || !y) return x ? -1 : y ? 1 : compareStrings(a, b)
  return compareStrings(x.prefix, y.prefix) || compareDotted(x.number, y.number) || compareStrings(x.suffix, y.suffix)
}

/**
 * A key that sorts ids in the order of {@link compareIds} when compared as
 * plain text (for an editor's `sortText`, or a table the browser sorts by
 * text), for numbers of up to eight digits: the number padded with zeros
 * (`R00000012a`), the parts of a dotted number joined by `~`, which sorts
 * after any letter suffix as {@link compareIds} does (`R00000004~00000002`); a string that is not an
 * id gets a leading `~`, so it sorts after every id.
 */
export function idSortKey(id: string): string {
  const parts = parseId(id)
  if (!parts) return `~${id}`
  return `${parts.prefix}${parts.number
    .split('.')
    .map((part) => part.padStart(8, '0'))
    .join('~')}${parts.suffix}`
}

/** An id's parts, or undefined for a string that is not an id. */
function parseId(id: string): { prefix: string; number: string; suffix: string } | undefined {
  const match = idParts.exec(id)
  if (!match) return undefined
  // Every group takes part in a match (the optional ones match empty text), so the defaults never apply.
  const [, prefix = '', number = '', suffix = ''] = match
  // A dotted number needs a prefix: "2.1" is a version or a paragraph, not an id.
  if (prefix === '' && number.includes('.')) return undefined
  return { prefix, number, suffix }
}

/** Two dotted numbers part by part; a number that runs out first (`4` against `4.2`) comes first. */
function compareDotted(a: string, b: string): number {
  const x = a.split('.')
  const y = b.split('.')
  for (let index = 0; index < Math.min(x.length, y.length); index++) {
    const order = compareNumerals(x[index] ?? '', y[index] ?? '')
    if (order !== 0) return order
  }
  return x.length - y.length
}

/** Two strings of digits by value, however long (`Number` would round past 2^53). */
function compareNumerals(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '')
  const y = b.replace(/^0+(?=\d)/, '')
  return x.length - y.length || compareStrings(x, y)
}
