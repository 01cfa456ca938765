import type { EscapeMarkdownOptions } from '@followthrough/core'
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

/**
 * How hovers and completion documentation escape the register's words: only
 * what would format (core's `escape: 'formatting'`), since some editors
 * (Neovim, Helix) show hover Markdown as source, where every other backslash
 * would be noise. A recommendation's text also keeps its paragraphs.
 */
export const editorMarkdown: EscapeMarkdownOptions = { escape: 'formatting' }
export const editorParagraphs: EscapeMarkdownOptions = { escape: 'formatting', paragraphs: true }
