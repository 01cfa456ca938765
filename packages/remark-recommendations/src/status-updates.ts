import { nearest, normalizeStatus, statuses, type Status } from '@followthrough/core'

/**
 * Status update tables (MISSION.md): a GFM table whose first header is
 * `Recommendation`, `Rec` or `ID` and which has a `Status` column. Each body row
 * names one or more recommendations in its first cell and gives their status.
 */

/** Which columns of a status table hold what. */
export interface StatusColumns {
  status: number
  note?: number
}

const idHeaders: ReadonlySet<string> = new Set(['recommendation', 'recommendations', 'rec', 'rec.', 'recs', 'id', 'ids'])
const noteHeaders: ReadonlySet<string> = new Set(['note', 'notes', 'comment', 'comments'])

/**
 * The columns of a status table, from its header cells' plain text, or
 * `undefined` when the table is not one.
 */
export function statusColumns(headers: readonly string[]): StatusColumns | undefined {
  const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ')
  if (headers.length < 2 || !idHeaders.has(key(headers[0] ?? ''))) return undefined
  let status = -1
  let note: number | undefined
  headers.forEach((header, index) => {
    const name = key(header)
    if (index === 0) return
    if (name === 'status' && status < 0) status = index
    else if (noteHeaders.has(name) && note === undefined) note = index
  })
  if (status < 0) return undefined
  return note === undefined ? { status } : { status, note }
}

// Words people write for a status that is not in the vocabulary, and what they
// most likely mean: offered as suggestions, never applied silently.
const synonyms: ReadonlyMap<string, readonly Status[]> = new Map<string, readonly Status[]>([
  ['done', ['ready-for-assessment', 'implemented']],
  ['complete', ['ready-for-assessment', 'implemented']],
  ['completed', ['ready-for-assessment', 'implemented']],
  ['finished', ['ready-for-assessment', 'implemented']],
  ['met', ['implemented']],
  ['achieved', ['implemented']],
  ['closed', ['implemented']],
  ['started', ['in-progress']],
  ['ongoing', ['in-progress']],
  ['on-going', ['in-progress']],
  ['underway', ['in-progress']],
  ['under-way', ['in-progress']],
  ['on-track', ['in-progress']],
  ['open', ['in-progress', 'not-started']],
  ['todo', ['not-started']],
  ['to-do', ['not-started']],
  ['pending', ['not-started']],
  ['not-yet-started', ['not-started']],
  ['on-hold', ['blocked']],
  ['stuck', ['blocked']],
  ['paused', ['blocked']],
  ['declined', ['rejected']],
  ['refused', ['rejected']],
  ['not-accepted', ['rejected']],
  ['replaced', ['superseded']]
])

/** A status cell read: the status, or suggestions for a word that is not one. */
export type StatusReading = { status: Status } | { status?: undefined; suggestions: Status[] }

/** Read a status cell with core's `normalizeStatus`; for an unknown word, suggest the nearest statuses. */
export function readStatus(text: string): StatusReading {
  const status = normalizeStatus(text)
  if (status !== undefined) return { status }
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_\u00a0-]+/g, '-')
  const known = synonyms.get(key)
  if (known !== undefined) return { suggestions: [...known] }
  return { suggestions: nearest(key, statuses, { max: 2 }) as Status[] }
}

/** `Unexpected status "Done-ish", expected one of not-started, in-progress, …`. */
export function unknownStatusReason(text: string, suggestions: readonly string[]): string {
  const all = statuses.join(', ')
  const shown = JSON.stringify(text.trim())
  if (suggestions.length === 0) return `Unexpected status ${shown}, expected one of ${all}`
  return `Unexpected status ${shown}, expected ${suggestions.join(' or ')} (one of ${all})`
}
