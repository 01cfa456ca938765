import { assurances, nearest, responseDecisions, statuses, type Assurance, type ResponseDecision, type Status } from '@followthrough/core'

/**
 * Status update tables (MISSION.md): a GFM table whose first header is
 * `Recommendation`, `Rec` or `ID` and which has a `Status` column. Each body row
 * names one or more recommendations in its first cell and gives their status.
 * The accountability columns (MISSION: the accountability cycle) are optional:
 * `Response`, `Assurance`, `Evidence`, `By`, `Due` (or `Revised due`) and
 * `Reason`. A table without a `Status` column is not a status table, even
 * with a `Due` column; a row's `Status` cell may be empty when it only moves
 * the due date or records a response.
 */

/** Which columns of a status table hold what. */
export interface StatusColumns {
  status: number
  note?: number
  response?: number
  assurance?: number
  evidence?: number
  by?: number
  due?: number
  reason?: number
}

/** The optional columns, by the header words that name them. */
type OptionalColumn = Exclude<keyof StatusColumns, 'status'>

const idHeaders: ReadonlySet<string> = new Set(['recommendation', 'recommendations', 'rec', 'rec.', 'recs', 'id', 'ids'])
const optionalHeaders: ReadonlyMap<string, OptionalColumn> = new Map<string, OptionalColumn>([
  ['note', 'note'],
  ['notes', 'note'],
  ['comment', 'note'],
  ['comments', 'note'],
  ['response', 'response'],
  ['assurance', 'assurance'],
  ['evidence', 'evidence'],
  ['by', 'by'],
  ['due', 'due'],
  ['due date', 'due'],
  ['revised due', 'due'],
  ['revised due date', 'due'],
  ['reason', 'reason']
])

/**
 * The columns of a status table, from its header cells' plain text, or
 * `undefined` when the table is not one.
 */
export function statusColumns(headers: readonly string[]): StatusColumns | undefined {
  const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ')
  if (headers.length < 2 || !idHeaders.has(key(headers[0] ?? ''))) return undefined
  let status = -1
  const optional: Partial<Record<OptionalColumn, number>> = {}
  headers.forEach((header, index) => {
    const name = key(header)
    if (index === 0) return
    const column = optionalHeaders.get(name)
    // The first column of each kind counts; a second `Due` is someone's own column.
    if (name === 'status' && status < 0) status = index
    else if (column !== undefined && optional[column] === undefined) optional[column] = index
  })
  if (status < 0) return undefined
  return { status, ...optional }
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

/** Read a status cell as core's `normalizeStatus` does (the same key); for an unknown word, suggest the nearest statuses. */
export function readStatus(text: string): StatusReading {
  const reading = readWord(text, statuses, synonyms)
  return reading.value !== undefined ? { status: reading.value } : { suggestions: reading.suggestions }
}

/** `Unexpected status "Done-ish", expected one of not-started, in-progress, …`. */
export function unknownStatusReason(text: string, suggestions: readonly string[]): string {
  return unknownWordReason('status', text, suggestions)
}

/** Cell words as keys: lower case, hyphens between words. */
function wordKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_\u00a0-]+/g, '-')
}

/** A cell read against a vocabulary: the word, or suggestions for one that is not in it. */
export type WordReading<T extends string> = { value: T } | { value?: undefined; suggestions: T[] }

function readWord<T extends string>(text: string, words: readonly T[], synonyms: ReadonlyMap<string, readonly T[]>): WordReading<T> {
  const key = wordKey(text)
  if ((words as readonly string[]).includes(key)) return { value: key as T }
  const known = synonyms.get(key)
  if (known !== undefined) return { suggestions: [...known] }
  return { suggestions: nearest(key, words, { max: 2 }) as T[] }
}

const responseSynonyms: ReadonlyMap<string, readonly ResponseDecision[]> = new Map<string, readonly ResponseDecision[]>([
  ['agreed', ['accepted']],
  ['accept', ['accepted']],
  ['in-principle', ['accepted-in-principle']],
  ['accepted-in-part', ['partially-accepted']],
  ['partly-accepted', ['partially-accepted']],
  ['partial', ['partially-accepted']],
  ['rejected', ['not-accepted']],
  ['declined', ['not-accepted']],
  ['refused', ['not-accepted']]
])

/** Read a `Response` cell: one of core's `responseDecisions`, case-insensitive, with spaces or hyphens. */
export function readResponse(text: string): WordReading<ResponseDecision> {
  return readWord(text, responseDecisions, responseSynonyms)
}

const assuranceSynonyms: ReadonlyMap<string, readonly Assurance[]> = new Map<string, readonly Assurance[]>([
  ['checked', ['verified']],
  ['audited', ['verified']],
  ['assured', ['verified']],
  ['validated', ['verified']],
  ['independently-verified', ['verified']],
  ['evidence', ['evidenced']],
  ['evidence-supplied', ['evidenced']],
  ['self-assessed', ['claimed']],
  ['reported', ['claimed']]
])

/** Read an `Assurance` cell: `claimed`, `evidenced` or `verified`, case-insensitive. */
export function readAssurance(text: string): WordReading<Assurance> {
  return readWord(text, assurances, assuranceSynonyms)
}

/**
 * "Unexpected response \"agreed\", expected accepted (one of accepted, …)": the
 * wording of core's schemas, with suggestions first when there are any.
 */
export function unknownWordReason(kind: 'status' | 'response' | 'assurance', text: string, suggestions: readonly string[]): string {
  const all = (kind === 'status' ? statuses : kind === 'response' ? responseDecisions : assurances).join(', ')
  const shown = JSON.stringify(text.trim())
  if (suggestions.length === 0) return `Unexpected ${kind} ${shown}, expected one of ${all}`
  return `Unexpected ${kind} ${shown}, expected ${suggestions.join(' or ')} (one of ${all})`
}
