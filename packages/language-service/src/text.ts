import type { Finding } from '@followthrough/engine'
import type { SourcePoint, SourceSpan } from '@followthrough/remark-recommendations'
import type { Position, Range } from 'vscode-languageserver-types'

/**
 * Positions between the engine (1-based lines and columns, as the CLI prints
 * them) and LSP (0-based lines and UTF-16 characters). The engine's columns
 * already count UTF-16 code units, so the conversion is a subtraction, and a
 * diagnostic lands exactly where the CLI says it is.
 */

/** The LSP range of a finding. */
export function findingRange(finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return {
    start: { line: finding.line - 1, character: finding.column - 1 },
    end: { line: finding.endLine - 1, character: finding.endColumn - 1 }
  }
}

/** The LSP position of a unist point. */
export function pointPosition(point: Pick<SourcePoint, 'line' | 'column'>): Position {
  return { line: point.line - 1, character: point.column - 1 }
}

/** The LSP range of a unist span. */
export function spanRange(span: SourceSpan): Range {
  return { start: pointPosition(span.start), end: pointPosition(span.end) }
}

/**
 * The point `length` characters into `text`, which starts at `start` in its
 * file: for the number inside `Recommendation\n14`, whose reference starts a
 * line earlier. Line breaks are `\n`, `\r\n` or `\r`, as the parser counts them.
 */
export function advance(start: SourcePoint, text: string, length: number): SourcePoint {
  let line = start.line
  let column = start.column
  for (let index = 0; index < length && index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++
      column = 1
    } else if (code !== 13) {
      column++
    }
  }
  return { line, column, offset: start.offset + Math.min(length, text.length) }
}

/** Whether a span holds an offset (start inclusive; end inclusive too when `atEnd`). */
export function spanHolds(span: SourceSpan, offset: number, atEnd = false): boolean {
  return span.start.offset <= offset && (offset < span.end.offset || (atEnd && offset === span.end.offset))
}

/** Whether two ranges overlap or touch. */
export function rangesMeet(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start))
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character)
}

const idParts = /^([A-Za-z]*?)(\d+)([a-z]?)$/

/**
 * Natural order of ids: `R2` before `R10`, `R12` before `R12a`. Ids that do
 * not look like ids sort after, by text.
 */
export function compareIds(a: string, b: string): number {
  const x = idParts.exec(a)
  const y = idParts.exec(b)
  if (!x || !y) return x ? -1 : y ? 1 : a < b ? -1 : a > b ? 1 : 0
  return (x[1]! < y[1]! ? -1 : x[1]! > y[1]! ? 1 : 0) || Number(x[2]) - Number(y[2]) || (x[3]! < y[3]! ? -1 : x[3]! > y[3]! ? 1 : 0)
}

/** A key that sorts ids naturally as text (for `sortText`). */
export function idSortKey(id: string): string {
  const parts = idParts.exec(id)
  if (!parts) return `~${id}`
  return `${parts[1]}${parts[2]!.padStart(8, '0')}${parts[3]}`
}

/**
 * Escape the characters that would change how text renders in Markdown, so a
 * title with `*` or `_` shows as written. Only those: editors that show hover
 * Markdown as source (Neovim, Helix) would show every other backslash.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&')
}
