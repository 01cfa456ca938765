import type { SourceRange } from '@followthrough/core'
import type { FoundReference } from '@followthrough/remark-recommendations'
import type { Range } from 'vscode-languageserver-types'
import type { FolderIndex } from './folder-index.js'
import type { RegisterEntry } from './last-good.js'
import { spanHolds, spanRange } from './text.js'
import type { PlacedDocument } from './workspace-index.js'

/**
 * What the cursor is on: the recommendation(s) a reference in minutes names,
 * or an id written in a register. Hover, definition, references and rename all
 * start here.
 */

/** The recommendation under the cursor. */
export interface Target {
  /** The id, such as `R12`. */
  id: string
  /** The register it belongs to, when one can be decided. */
  register?: RegisterEntry
  /** The register id the reference names, even when no register has it. */
  registerId?: string
  /** The characters under the cursor that name it (the whole reference, or the id in a register). */
  range: Range
  /** In minutes: the references sharing that span (a range names several). */
  references?: FoundReference[]
  /** In a register: where the id is written. */
  written?: SourceRange
}

/**
 * The references at an offset of parsed minutes: those whose span holds it
 * (a range's members share one span). Falls back to a reference ending right
 * at the offset, for a cursor just after `R12`.
 */
export function referencesAt(references: readonly FoundReference[], offset: number): FoundReference[] {
  let found = references.filter((reference) => spanHolds(reference.position, offset))
  if (found.length === 0) found = references.filter((reference) => spanHolds(reference.position, offset, true))
  const first = found[0]?.position
  if (!first) return []
  return found.filter((reference) => reference.position.start.offset === first.start.offset && reference.position.end.offset === first.end.offset)
}

/** The register a reference resolves to: its own register id, else the folder's only register. */
export function registerOf(folder: FolderIndex, reference: Pick<FoundReference, 'register'>): RegisterEntry | undefined {
  return folder.registerFor(reference.register)
}

/** The targets at an offset of a document (minutes, other Markdown, or a register). */
export function targetsAt(placed: PlacedDocument, offset: number): Target[] {
  if (placed.minutes) {
    const references = referencesAt(placed.minutes.analysis.data.references, offset)
    return references.map((reference) => {
      const target: Target = { id: reference.id, range: spanRange(reference.position), references }
      const register = registerOf(placed.folder, reference)
      if (register) target.register = register
      if (reference.register !== undefined) target.registerId = reference.register
      return target
    })
  }
  if (placed.kind === 'register') {
    const register = placed.folder.registerAt(placed.path)
    if (!register) return []
    const holds = (range: SourceRange) => range.start <= offset && offset <= range.end
    for (const entry of register.locations.recommendations) {
      const named = holds(entry.idRange)
        ? { id: entry.id, written: entry.idRange }
        : entry.supersededBy && holds(entry.supersededBy.range)
          ? { id: entry.supersededBy.id, written: entry.supersededBy.range }
          : undefined
      if (!named) continue
      const { id, written } = named
      const target: Target = { id, register, range: sourceRange(written), written }
      if (register.register) target.registerId = register.register.inquiry.id
      return [target]
    }
  }
  return []
}

/**
 * Of a range's members, the one whose number is under the cursor (`5` in
 * `R3–R5`); all of them when the cursor is elsewhere in the range.
 */
export function narrow(targets: readonly Target[], offset: number): Target[] {
  if (targets.length < 2) return [...targets]
  const reference = targets[0]?.references?.[0]
  if (!reference) return [...targets]
  const source = reference.text
  const at = offset - reference.position.start.offset
  for (const token of numberTokens(source)) {
    if (at < token.start || at > token.end) continue
    const member = targets.find((target) => target.id.endsWith(token.text) && /^[A-Za-z]*$/.test(target.id.slice(0, -token.text.length)))
    if (member) return [member]
  }
  return [...targets]
}

/** The numbers (dotted too, with an optional letter) written in a reference's text, with offsets into it. */
export function numberTokens(text: string): Array<{ text: string; start: number; end: number }> {
  const tokens: Array<{ text: string; start: number; end: number }> = []
  const pattern = /\d+(?:\.\d+)*[a-z]?(?![\p{L}\p{N}_])(?!\.\d)/gu
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    // Digits inside a word (a register id such as `iitcse2`) are not the number.
    const before = text[match.index - 1]
    if (before !== undefined && /[\p{N}]/u.test(before)) continue
    if (before !== undefined && /\p{Ll}/u.test(before)) continue
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length })
  }
  return tokens
}

/** An LSP range from a core source range (1-based lines and columns). */
export function sourceRange(range: SourceRange): Range {
  return { start: { line: range.line - 1, character: range.column - 1 }, end: { line: range.endLine - 1, character: range.endColumn - 1 } }
}
