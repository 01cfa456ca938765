import { partitionPoint } from '@followthrough/core'
import type { Finding, MinutesAnalysis } from '@followthrough/engine'
import type { SourceSpan } from '@followthrough/remark-recommendations'

/**
 * What the workspace-wide results (the engine's workspace rules, progress)
 * read from one minutes file, apart from positions: its date and title, which
 * recommendations it names and whether inside a status table row, and its
 * status updates. Typing in prose changes positions only; then those results
 * are still right, and only need moving to the new positions.
 */

/**
 * How the facts of a file changed between two analyses: `none` (positions
 * only), `references` (which recommendations it names, or its title: its own
 * workspace findings and progress change, other files' do not), or `updates`
 * (its date or status updates: every file's workspace findings may change).
 */
export type FactsChange = 'none' | 'references' | 'updates'

/** Compare two analyses of one file, positions aside. */
export function factsChange(a: MinutesAnalysis, b: MinutesAnalysis): FactsChange {
  const x = a.data
  const y = b.data
  if (x.meeting?.date !== y.meeting?.date || x.updates.length !== y.updates.length) return 'updates'
  for (const [index, u] of x.updates.entries()) {
    const v = y.updates[index]
    if (v === undefined || u.id !== v.id || u.register !== v.register || u.status !== v.status || u.note !== v.note) return 'updates'
  }
  if (x.meeting?.title !== y.meeting?.title || x.references.length !== y.references.length) return 'references'
  let rowsA: ((offset: number) => number) | undefined
  let rowsB: ((offset: number) => number) | undefined
  for (const [index, r] of x.references.entries()) {
    const s = y.references[index]
    // An incremental re-parse keeps the objects before the edit: same object, same facts.
    if (r === s) continue
    if (s === undefined || r.id !== s.id || r.register !== s.register || r.known !== s.known) return 'references'
    rowsA ??= rowIndex(a)
    rowsB ??= rowIndex(b)
    if (rowsA(r.position.start.offset) !== rowsB(s.position.start.offset)) return 'references'
  }
  return 'none'
}

/** Whether two analyses of one file give the same workspace-wide results, positions aside. */
export function sameFacts(a: MinutesAnalysis, b: MinutesAnalysis): boolean {
  return factsChange(a, b) === 'none'
}

/** The status table row (by index among distinct rows) that holds an offset, or -1. */
function rowIndex(analysis: MinutesAnalysis): (offset: number) => number {
  const rows: SourceSpan[] = []
  for (const update of analysis.data.updates) {
    const last = rows[rows.length - 1]
    if (last?.start.offset !== update.position.start.offset) rows.push(update.position)
  }
  rows.sort((a, b) => a.start.offset - b.start.offset)
  return (offset) => {
    const last = partitionPoint(rows, (row) => row.start.offset <= offset) - 1
    const row = rows[last]
    return row !== undefined && offset < row.end.offset ? last : -1
  }
}

/**
 * Move findings computed on `from` to where the same things are in `to`
 * (whose facts are the same): each finding sits on a reference or on a status
 * update's cell, found by its offsets. `undefined` when one cannot be placed,
 * so the caller computes afresh rather than guess.
 */
export function moveFindings(findings: readonly Finding[], from: MinutesAnalysis, to: MinutesAnalysis): Finding[] | undefined {
  if (from === to) return [...findings]
  const moved: Finding[] = []
  const references = from.data.references
  const updates = from.data.updates
  for (const finding of findings) {
    const start = finding.offset
    const end = finding.endOffset
    if (start === undefined || end === undefined) return undefined
    let span: SourceSpan | undefined
    // References are in document order: find the first starting at the offset.
    const index = firstAt(references, start, (reference) => reference.position)
    let same = false
    for (let at = index; at < references.length; at++) {
      const reference = references[at]
      if (reference?.position.start.offset !== start) break
      if (reference.position.end.offset === end) {
        const next = to.data.references[at]
        if (next === undefined) return undefined
        // Before an edit, references are the same objects: so is the finding.
        same = next === reference
        span = next.position
        break
      }
    }
    if (same) {
      moved.push(finding)
      continue
    }
    if (!span) {
      for (const [at, update] of updates.entries()) {
        if (span) break
        const next = to.data.updates[at]
        if (next === undefined) return undefined
        if (update.statusPosition.start.offset === start && update.statusPosition.end.offset === end) span = next.statusPosition
        else if (update.position.start.offset === start && update.position.end.offset === end) span = next.position
        else if (update.referencePosition.start.offset === start && update.referencePosition.end.offset === end) span = next.referencePosition
      }
    }
    if (!span) return undefined
    const copy: Finding = { ...finding }
    copy.line = span.start.line
    copy.column = span.start.column
    copy.endLine = span.end.line
    copy.endColumn = span.end.column
    copy.offset = span.start.offset
    copy.endOffset = span.end.offset
    moved.push(copy)
  }
  return moved
}

/** The index of the first item whose span starts at or after `offset` (items in document order). */
function firstAt<T>(items: readonly T[], offset: number, span: (item: T) => SourceSpan): number {
  return partitionPoint(items, (item) => span(item).start.offset < offset)
}
