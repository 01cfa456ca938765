/**
 * Offsets to unist points (1-based line and column, 0-based offset) for one
 * source text. Built once per file; each lookup is a binary search.
 */
import { partitionPoint } from '@followthrough/core'

/** A point in the source: 1-based line and column, 0-based offset. */
export interface SourcePoint {
  line: number
  column: number
  offset: number
}

/** A span of the source, end exclusive, as unist positions are. */
export interface SourceSpan {
  start: SourcePoint
  end: SourcePoint
}

/** Turns offsets into points for one source text. */
export interface LineIndex {
  /** The point at `offset` (clamped to the text). */
  point(offset: number): SourcePoint
  /** The span from `start` to `end` (end exclusive). */
  span(start: number, end: number): SourceSpan
}

/**
 * Index the line starts of `source`. A line ends at `\r\n`, `\n` or a lone `\r`,
 * as in CommonMark, so columns agree with the parser's positions on CRLF files.
 */
export function lineIndex(source: string): LineIndex {
  const length = source.length
  // Built on first use: many files need no position at all.
  let starts: number[] | undefined

  function build(): number[] {
    const found: number[] = [0]
    if (source.indexOf('\r') === -1) {
      // The common case: `\n` only, found natively rather than character by character.
      for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) found.push(i + 1)
      return found
    }
    for (let i = 0; i < length; i++) {
      const code = source.charCodeAt(i)
      if (code === 10) found.push(i + 1)
      else if (code === 13) {
        if (source.charCodeAt(i + 1) === 10) i++
        found.push(i + 1)
      }
    }
    return found
  }

  function point(offset: number): SourcePoint {
    if (starts === undefined) starts = build()
    const at = offset < 0 ? 0 : offset > length ? length : offset
    // The last line starting at or before `at`: there is one, as the first starts at 0 (so `?? 0` never applies).
    const line = partitionPoint(starts, (start) => start <= at) - 1
    return { line: line + 1, column: at - (starts[line] ?? 0) + 1, offset: at }
  }

  return {
    point,
    span(start, end) {
      return { start: point(start), end: point(end < start ? start : end) }
    }
  }
}
