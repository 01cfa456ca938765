import { partitionPoint } from '@followthrough/core'
import { actionDueDates } from '@followthrough/engine'
import { SymbolKind, type DocumentSymbol, type Position } from 'vscode-languageserver-types'
import { spanRange } from './text.js'
import type { PlacedDocument } from './workspace-index.js'

/**
 * The minutes' outline: agenda items (top-level headings) nested by level,
 * each spanning its section, with the status updates (`R3: in-progress`) and
 * actions recorded under it as children.
 */
export function getDocumentSymbols(placed: PlacedDocument, positionAt: (offset: number) => Position): DocumentSymbol[] {
  const document = placed.minutes
  if (!document) return []
  const headings = document.headings
  const roots: DocumentSymbol[] = []
  // Each heading's children, by heading index (the same arrays as the symbols' `children`).
  const sections: DocumentSymbol[][] = []
  const stack: Array<{ depth: number; children: DocumentSymbol[] }> = []
  headings.forEach((heading, index) => {
    // A section runs to the next heading of the same or a higher level.
    let end = document.text.length
    for (let next = index + 1; next < headings.length; next++) {
      const later = headings[next]
      if (later && later.depth <= heading.depth) {
        end = later.position.start.offset
        break
      }
    }
    const selectionRange = spanRange(heading.position)
    const children: DocumentSymbol[] = []
    const symbol: DocumentSymbol = {
      name: heading.text.length > 0 ? heading.text : '(untitled)',
      detail: '#'.repeat(heading.depth),
      kind: SymbolKind.String,
      range: { start: selectionRange.start, end: positionAt(Math.max(end, heading.position.end.offset)) },
      selectionRange,
      children
    }
    for (let top = stack.at(-1); top && top.depth >= heading.depth; top = stack.at(-1)) stack.pop()
    const parent = stack.at(-1)
    if (parent) parent.children.push(symbol)
    else roots.push(symbol)
    stack.push({ depth: heading.depth, children })
    sections.push(children)
  })

  const items: Array<{ offset: number; symbol: DocumentSymbol }> = []
  const { updates, actions } = document.analysis.data
  for (const update of updates) {
    const range = spanRange(update.position)
    items.push({
      offset: update.position.start.offset,
      // A row without a status moves the due date or records a response.
      symbol: {
        name: `${update.id}: ${update.status ?? (update.due !== undefined ? `due ${update.due}` : (update.response ?? ''))}`,
        kind: SymbolKind.Key,
        range,
        selectionRange: spanRange(update.referencePosition)
      }
    })
  }
  // Due dates as every door gives them: "the next meeting" resolved over the folder's minutes.
  const dues = actionDueDates(document.analysis, placed.folder.analyses())
  for (const [index, action] of actions.entries()) {
    const range = spanRange(action.position)
    const name = action.text.length > 80 ? `${action.text.slice(0, 79)}…` : action.text
    const symbol: DocumentSymbol = { name: `${action.done ? 'Done' : 'Action'}: ${name}`, kind: SymbolKind.Event, range, selectionRange: range }
    const due = dues[index]
    const when = due?.due === null || due === undefined ? undefined : due.dueSource === 'next-meeting' ? `${due.due} (next meeting)` : due.due
    const detail = [action.owner, when].filter((part) => part !== undefined).join(', ')
    if (detail !== '') symbol.detail = detail
    items.push({ offset: action.position.start.offset, symbol })
  }
  items.sort((a, b) => a.offset - b.offset)
  for (const item of items) {
    // The last heading before the item owns it: its section runs at least to the next heading.
    const owner = partitionPoint(headings, (heading) => heading.position.start.offset <= item.offset) - 1
    const section = sections[owner]
    if (section) section.push(item.symbol)
    else roots.push(item.symbol)
  }
  for (const children of sections) children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
  roots.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
  return roots
}
