import { isMap, isScalar, isSeq, LineCounter, type Node as YamlNode, type YAMLMap } from 'yaml'
import { parseYamlDocument } from './yaml-document.js'

/**
 * Where things are in a register's source text, for editors: the line a
 * reference should jump to, the characters a rename should rewrite. Validation
 * is `parseRegister`'s job; this only finds, and keeps finding in a register
 * that does not validate (or is half-typed), so go-to-definition works while
 * the file is being edited.
 */

/** A span of source text: 0-based offsets (end exclusive) and 1-based lines and columns. */
export interface SourceRange {
  start: number
  end: number
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** Where one recommendation is written in its register. */
export interface RecommendationLocation {
  /** The id as written (`R12`). */
  id: string
  /** The entry's index in `recommendations`. */
  index: number
  /** The id's characters, without quotes: what a rename rewrites. */
  idRange: SourceRange
  /** The whole entry (its mapping, from `id:` or its first key to its last value). */
  entryRange: SourceRange
  /** The `supersededBy` value, when the entry has one. */
  supersededBy?: { id: string; range: SourceRange }
  /** Its `history` entries that move the due date: each entry's index, its `due` value and whether it has a `reason` key. */
  dueRevisions: Array<{ index: number; due: SourceRange; reason: boolean }>
}

/** Where an id (an owner, the inquiry) is written. */
export interface IdLocation {
  id: string
  /** The id's characters, without quotes. */
  range: SourceRange
}

/** Everything {@link locateRegister} finds. */
export interface RegisterLocations {
  /** `inquiry.id`, when present. */
  inquiry?: IdLocation
  owners: IdLocation[]
  /** In source order; entries without a text `id` are skipped. */
  recommendations: RecommendationLocation[]
}

/**
 * Locate the inquiry id, the owners and each recommendation of a register
 * written in YAML or JSON (JSON is read as YAML, its superset). Never throws:
 * text that does not parse gives what could be recovered, possibly nothing.
 *
 * @example
 * const { recommendations } = locateRegister(text)
 * recommendations.find((entry) => entry.id === 'R12')?.idRange.line // 1-based line of `id: R12`
 */
export function locateRegister(text: string): RegisterLocations {
  const result: RegisterLocations = { owners: [], recommendations: [] }
  const lines = new LineCounter()
  let contents: unknown
  try {
    // Duplicate keys are a validation problem: locate the first and carry on.
    // Too deep to compose: nothing to locate (parseRegister reports where).
    const parsed = parseYamlDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false })
    if (!parsed.ok) return result
    contents = parsed.document.contents
  } catch {
    return result
  }
  if (!isMap(contents)) return result
  const range = (start: number, end: number): SourceRange => {
    const a = lines.linePos(start)
    const b = lines.linePos(end)
    return { start, end, line: a.line, column: a.col, endLine: b.line, endColumn: b.col }
  }
  const idIn = (node: unknown): IdLocation | undefined => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.range === undefined || node.range === null) return undefined
    const id = node.value
    const [start, end] = node.range
    // The scalar's range includes quotes; the id's characters are inside them.
    const inner = text.slice(start, end).indexOf(id)
    const from = inner < 0 ? start : start + inner
    return { id, range: range(from, inner < 0 ? end : from + id.length) }
  }

  const inquiry = idIn(valueOf(get(contents, 'inquiry'), 'id'))
  if (inquiry) result.inquiry = inquiry

  for (const owner of items(get(contents, 'owners'))) {
    const found = idIn(valueOf(owner, 'id'))
    if (found) result.owners.push(found)
  }

  items(get(contents, 'recommendations')).forEach((entry, index) => {
    const found = idIn(valueOf(entry, 'id'))
    const span = (entry as YamlNode).range
    if (!found || !span) return
    const location: RecommendationLocation = {
      id: found.id,
      index,
      idRange: found.range,
      entryRange: range(span[0], trimEnd(text, span[0], span[1])),
      dueRevisions: []
    }
    items(valueOf(entry, 'history')).forEach((event, eventIndex) => {
      const due = valueOf(event, 'due')
      const where = isScalar(due) ? due.range : undefined
      if (where === undefined || where === null) return
      const reason = valueOf(event, 'reason')
      location.dueRevisions.push({ index: eventIndex, due: range(where[0], where[1]), reason: isScalar(reason) && String(reason.value).trim() !== '' })
    })
    const successor = idIn(valueOf(entry, 'supersededBy'))
    if (successor) location.supersededBy = { id: successor.id, range: successor.range }
    result.recommendations.push(location)
  })
  return result
}

function get(map: YAMLMap, key: string): unknown {
  return map.get(key, true)
}

function valueOf(node: unknown, key: string): unknown {
  return isMap(node) ? node.get(key, true) : undefined
}

function items(node: unknown): unknown[] {
  return isSeq(node) ? node.items : []
}

/** A block mapping's range runs on to the next entry's line; stop at its last character. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end
  while (at > start && /\s/.test(text.charAt(at - 1))) at--
  return at
}
