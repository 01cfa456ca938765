import { partitionPoint } from '@followthrough/core'
import { tooComplexField } from '@followthrough/remark-recommendations'
import type { Nodes, Root, Text } from 'mdast'

/**
 * A guard against Markdown that micromark parses in quadratic time.
 *
 * micromark is linear on ordinary Markdown but not on some shapes: emphasis,
 * bracket and code markers by the thousand in one paragraph (each closing
 * marker looks back over the whole paragraph), block quotes and list items
 * nested thousands deep, paragraphs that go on lazily inside a list item or
 * block quote (each lazy line looks back over the whole paragraph), and
 * tables of many thousands of cells. 30 KB of them took over a minute.
 *
 * So before parsing, one linear scan measures those shapes against
 * {@link complexityLimits}. Where a block is over a limit, its markers are
 * replaced, in a copy of the text, by `x` (same length, so every offset stays
 * right): the copy parses in linear time. After parsing, each block holding a
 * replaced character gets its original text back as one plain text node (so
 * the references in it still count) and the reason in
 * `data.followthroughTooComplex`, which the plugin reports as `too-complex`.
 * Realistic minutes are far below every limit and parse exactly as before,
 * with only the scan added.
 */

/** The documented limits. Each is far above what real minutes hold. */
export const complexityLimits = Object.freeze({
  /** Emphasis, link, image, code and HTML markers (`*`, `_`, `` ` `` runs; `[`, `]`, `<`) in one paragraph, heading or table cell. */
  inlineMarkers: 1000,
  /** Block quotes and list items nested on one line (indentation counts one level per two columns). */
  nesting: 32,
  /** Lines, between blank lines, that continue a paragraph in a list item or block quote without its indentation or `>`. */
  lazyLines: 1000,
  /** Cells in one table. */
  tableCells: 5000,
  /** Lines in one paragraph. */
  paragraphLines: 5000
})

/** A block over a limit: where it is and what to tell the user. */
export interface ComplexityProblem {
  start: number
  end: number
  reason: string
  /** `inline` problems are decided per paragraph; the others per line or per run of lines. */
  kind: 'inline' | 'nesting' | 'lazy' | 'table'
}

/** A stretch of the text whose markers were replaced, and the problem it belongs to. */
interface Replaced {
  start: number
  end: number
  problem: ComplexityProblem
}

/** What the scan found: the text to parse, and what was replaced in it. */
export interface GuardedText {
  /** The text with over-limit markers replaced by `x`; the same length as the original. */
  text: string
  problems: ComplexityProblem[]
  /** Whether some run of lines holds more inline markers or lines than one paragraph may: the paragraphs must be measured. */
  inlineSuspect: boolean
  replaced: Replaced[]
}

const space = 32
const tab = 9
const lf = 10
const cr = 13

/**
 * Measure the shapes micromark parses slowly, line by line, in one pass.
 * Returns the text with the markers of over-limit nesting, lazy paragraphs and
 * tables replaced; paragraphs are measured afterwards by {@link guardInline}
 * when `inlineSuspect` says they may be over their limit.
 */
export function scanComplexity(source: string): GuardedText {
  return new Scanner(source).scan(frontMatterEnd(source), source.length)
}

/**
 * Whether the lines around `[start, end)` (an edit) hold a block over a
 * nesting, lazy-line or table limit, as {@link scanComplexity} of the whole
 * text would find. Scans from the last line before `start` where the scan's
 * state starts afresh (an unindented line after a blank one, outside any
 * container) to the first such line after `end`: usually a few lines.
 */
export function blockLimitsNear(source: string, start: number, end: number): boolean {
  const from = Math.max(frontMatterEnd(source), freshLineAtOrBefore(source, start))
  const to = freshLineAfter(source, Math.max(end, from))
  return new Scanner(source).scan(from, to).problems.some((problem) => problem.kind !== 'inline')
}

/** Whether the line starting at `at` starts the scan afresh: unindented, no container marker, after a blank line. */
function freshLine(text: string, at: number, first: number): boolean {
  const code = text.charCodeAt(at)
  if (at >= text.length || code === space || code === tab || code === lf || code === cr || code === 62 /* > */) return false
  if (listMarkerLike.test(text.slice(at, at + 12))) return false
  if (at <= first) return true
  // The line before must be blank.
  let index = at - 1
  if (text.charCodeAt(index) === lf && text.charCodeAt(index - 1) === cr) index--
  while (index > first) {
    const before = text.charCodeAt(index - 1)
    if (before === lf || before === cr) return true
    if (before !== space && before !== tab) return false
    index--
  }
  return true
}

const listMarkerLike = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t\r\n]|$)/

function freshLineAtOrBefore(text: string, offset: number): number {
  const first = frontMatterEnd(text)
  let at = lineStartOf(text, Math.min(offset, text.length))
  while (at > first && !freshLine(text, at, first)) at = lineStartOf(text, at - 1)
  return at
}

function freshLineAfter(text: string, offset: number): number {
  let at = offset
  while (at < text.length) {
    // The start of the next line.
    while (at < text.length && text.charCodeAt(at) !== lf && text.charCodeAt(at) !== cr) at++
    if (at < text.length) at += text.charCodeAt(at) === cr && text.charCodeAt(at + 1) === lf ? 2 : 1
    if (at < text.length && freshLine(text, at, 0)) return at
  }
  return text.length
}

function lineStartOf(text: string, offset: number): number {
  let at = offset
  if (at > 0 && text.charCodeAt(at - 1) === cr && text.charCodeAt(at) === lf) at--
  while (at > 0) {
    const code = text.charCodeAt(at - 1)
    if (code === lf || code === cr) break
    at--
  }
  return at
}

interface Marker {
  start: number
  end: number
}

class Scanner {
  private readonly problems: ComplexityProblem[] = []
  private readonly replaced: Replaced[] = []
  private inlineSuspect = false

  // Lazy continuation: whether a list item or block quote may be open, since which line.
  private open = false
  private quoteOpen = false
  private contentColumn = 0
  /** The markers of every line since the containers opened, in case they must be replaced. */
  private markersSinceOpen: Marker[] = []
  private lazyProblem: ComplexityProblem | undefined

  // The run of lines since the last blank line.
  private chunkStart = -1
  private chunkLazy = 0
  private chunkInline = 0
  private chunkLines = 0
  private previousLine = -1
  private previousCells = 0
  private table: { start: number; delimiter: Marker; cells: number } | undefined

  constructor(private readonly source: string) {}

  scan(from: number, length: number): GuardedText {
    const text = this.source
    let at = from
    let afterBlank = true
    while (at < length) {
      let end = at
      while (end < length) {
        const code = text.charCodeAt(end)
        if (code === lf || code === cr) break
        end++
      }
      let next = end
      if (next < length) next += text.charCodeAt(next) === cr && text.charCodeAt(next + 1) === lf ? 2 : 1
      if (this.blank(at, end)) {
        this.endChunk(at)
        afterBlank = true
      } else {
        if (this.chunkStart < 0) this.chunkStart = at
        if (++this.chunkLines > complexityLimits.paragraphLines) this.inlineSuspect = true
        this.line(at, end, afterBlank)
        afterBlank = false
      }
      at = next
    }
    this.endChunk(length)
    return { text: replace(text, this.replaced), problems: this.problems, inlineSuspect: this.inlineSuspect, replaced: this.replaced }
  }

  private blank(start: number, end: number): boolean {
    for (let at = start; at < end; at++) {
      const code = this.source.charCodeAt(at)
      if (code !== space && code !== tab) return false
    }
    return true
  }

  private line(start: number, end: number, afterBlank: boolean): void {
    const text = this.source
    // The container prefix: whitespace, `>` and list markers.
    let at = start
    let column = 0
    let levels = 0
    let quote = false
    let firstList = true
    let indent = -1
    const markers: Marker[] = []
    let excess = -1
    for (;;) {
      while (at < end) {
        const code = text.charCodeAt(at)
        if (code === space) column++
        else if (code === tab) column += 4 - (column % 4)
        else break
        at++
      }
      if (indent < 0) indent = column
      if (at >= end) break
      const code = text.charCodeAt(at)
      let markerEnd = -1
      if (code === 62 /* > */) {
        markerEnd = at + 1
        quote = true
      } else if ((code === 45 /* - */ || code === 42 /* * */ || code === 43) /* + */ && spaceOrEnd(text, at + 1, end)) {
        // `- - -` is a thematic break, not three list items.
        if (firstList && code !== 43 && thematicBreak(text, at)) break
        markerEnd = at + 1
        firstList = false
      } else if (code >= 48 && code <= 57) {
        let digits = at
        while (digits < end && digits - at < 9 && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) digits++
        const delimiter = text.charCodeAt(digits)
        if ((delimiter === 46 /* . */ || delimiter === 41) /* ) */ && spaceOrEnd(text, digits + 1, end)) markerEnd = digits + 1
      }
      if (markerEnd < 0) break
      levels++
      column += markerEnd - at
      if (excess < 0 && levels + (indent >> 1) > complexityLimits.nesting) {
        // Past the limit, a thematic break is still one (and ends the prefix).
        if (thematicBreak(text, at)) break
        excess = markers.length
      }
      markers.push({ start: at, end: markerEnd })
      at = markerEnd
    }
    if (excess >= 0) this.nesting(markers.slice(excess), levels + (indent >> 1))

    // Lazy continuation lines of a paragraph inside a container.
    if (markers.length > 0) {
      if (!this.open) this.markersSinceOpen = []
      this.open = true
      this.quoteOpen = quote
      this.contentColumn = column
      for (const marker of markers) this.markersSinceOpen.push(marker)
      if (this.lazyProblem !== undefined) this.replaceMarkers(markers, this.lazyProblem)
    } else if (afterBlank) {
      // After a blank line nothing is lazy: an unindented line closes every container.
      if (indent === 0) this.close()
      this.quoteOpen = false
    } else if (this.open && (this.quoteOpen || indent < this.contentColumn)) {
      if (indent < 4 && interrupts(text, at)) {
        // A heading, fence or thematic break is no paragraph's continuation: it closes the containers.
        this.close()
      } else {
        this.chunkLazy++
        if (this.chunkLazy > complexityLimits.lazyLines && this.lazyProblem === undefined) this.lazy()
      }
    }

    // Inline markers, pipes (table cells) and delimiter rows.
    let pipes = 0
    let last = -1
    let first = -1
    let previous = -1
    for (let index = at; index < end; index++) {
      const code = text.charCodeAt(index)
      if (code === 124 /* | */) pipes++
      else if (isInlineMarker(code, previous)) this.chunkInline++
      if (code !== space && code !== tab) {
        if (first < 0) first = code
        last = code
      }
      previous = code
    }
    if (this.chunkInline > complexityLimits.inlineMarkers) this.inlineSuspect = true
    const cells = pipes === 0 ? 1 : pipes + 1 - (first === 124 ? 1 : 0) - (last === 124 && pipes > (first === 124 ? 1 : 0) ? 1 : 0)
    if (this.table !== undefined) this.table.cells += cells
    else if (this.previousLine >= 0 && pipes > 0 && delimiterRow(text, start)) {
      this.table = { start: this.previousLine, delimiter: { start: at, end }, cells: this.previousCells + cells }
    }
    this.previousLine = start
    this.previousCells = cells
  }

  private endChunk(at: number): void {
    if (this.chunkStart >= 0) {
      if (this.lazyProblem !== undefined && this.lazyProblem.end < 0) {
        this.lazyProblem.end = at
        this.lazyProblem.reason = `Unexpected ${this.chunkLazy} lines continuing a list item or block quote without its indentation or \`>\`, expected at most ${complexityLimits.lazyLines}: read as plain text (indent them, or start a new paragraph after a blank line)`
      }
      const table = this.table
      if (table !== undefined && table.cells > complexityLimits.tableCells) {
        const problem: ComplexityProblem = {
          start: table.start,
          end: trimEnd(this.source, table.start, at),
          reason: `Unexpected table of ${table.cells} cells, expected at most ${complexityLimits.tableCells}: read as plain text, without status updates (split it into smaller tables)`,
          kind: 'table'
        }
        this.problems.push(problem)
        // Without its delimiter row, it is not a table.
        this.replaced.push({ start: table.delimiter.start, end: table.delimiter.end, problem })
      }
    }
    this.chunkStart = -1
    this.chunkLazy = 0
    this.chunkInline = 0
    this.chunkLines = 0
    this.previousLine = -1
    this.table = undefined
  }

  private nesting(excess: readonly Marker[], levels: number): void {
    const first = excess[0]
    const last = excess[excess.length - 1]
    if (first === undefined || last === undefined) return
    const problem: ComplexityProblem = {
      start: first.start,
      end: last.end,
      reason: `Unexpected block quotes or list items nested ${levels} deep, expected at most ${complexityLimits.nesting}: the deeper part read as plain text`,
      kind: 'nesting'
    }
    this.problems.push(problem)
    // Every marker from the first one too deep is text.
    this.replaceMarkers(excess, problem)
  }

  private lazy(): void {
    const problem: ComplexityProblem = { start: this.chunkStart, end: -1, reason: '', kind: 'lazy' }
    this.problems.push(problem)
    this.lazyProblem = problem
    // Without their markers, the containers and their lazy lines are one plain paragraph.
    this.replaceMarkers(this.markersSinceOpen, problem)
  }

  private replaceMarkers(markers: readonly Marker[], problem: ComplexityProblem): void {
    for (const marker of markers) this.replaced.push({ start: marker.start, end: marker.end, problem })
  }

  private close(): void {
    this.open = false
    this.quoteOpen = false
    this.contentColumn = 0
    this.markersSinceOpen = []
    this.lazyProblem = undefined
  }
}

function spaceOrEnd(text: string, at: number, end: number): boolean {
  if (at >= end) return true
  const code = text.charCodeAt(at)
  return code === space || code === tab
}

const interrupting = /(?:#{1,6}(?:[ \t]|\r|\n|$)|```|~~~)/y

/** Whether a line not in any container starts a heading, a fence or a thematic break at `at`. */
function interrupts(text: string, at: number): boolean {
  interrupting.lastIndex = at
  return interrupting.test(text) || thematicBreak(text, at)
}

const thematic = /([-*_])(?:[ \t]*\1){2,}[ \t]*(?:\r\n|\r|\n|$)/y

/** Whether the rest of the line from `at` is a thematic break (`- - -`, `***`). */
function thematicBreak(text: string, at: number): boolean {
  thematic.lastIndex = at
  return thematic.test(text)
}

/** A GFM table delimiter row (`| --- | :-: |`) starting at `at`, after any quote markers. */
const delimiter = /(?:[ \t]*>)*[ \t]*(?=[^\n\r]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(?:\r\n|\r|\n|$)/y

function delimiterRow(text: string, at: number): boolean {
  delimiter.lastIndex = at
  return delimiter.test(text)
}

/** Where YAML front matter ends (after its closing `---` line), or 0. */
function frontMatterEnd(text: string): number {
  const opening = /^(?:\uFEFF)?---[ \t]*(?:\r\n|\r|\n)/.exec(text)
  if (opening === null) return 0
  const closing = /^---[ \t]*(?:\r\n|\r|\n|$)/gm
  closing.lastIndex = opening[0].length
  const found = closing.exec(text)
  return found === null ? 0 : found.index + found[0].length
}

/** `end` moved back over line endings. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end
  while (at > start && (text.charCodeAt(at - 1) === lf || text.charCodeAt(at - 1) === cr)) at--
  return at
}

/** The text with every character of the replaced stretches as `x`, but line endings. */
function replace(text: string, replaced: Replaced[]): string {
  if (replaced.length === 0) return text
  replaced.sort((a, b) => a.start - b.start)
  const parts: string[] = []
  let at = 0
  for (const stretch of replaced) {
    const start = Math.max(at, stretch.start)
    if (stretch.end <= start) continue
    parts.push(text.slice(at, start))
    for (let index = start; index < stretch.end; index++) {
      const code = text.charCodeAt(index)
      parts.push(code === lf || code === cr ? text.charAt(index) : 'x')
    }
    at = stretch.end
  }
  parts.push(text.slice(at))
  return parts.join('')
}

/**
 * Whether a character counts towards `inlineMarkers`: every `*`, `_`, `[`,
 * `]` and `<` (each may look back over the whole paragraph), and each run of
 * backticks.
 */
function isInlineMarker(code: number, previous: number): boolean {
  return code === 42 || code === 95 || code === 91 || code === 93 || code === 60 || (code === 96 && previous !== 96)
}

function inlineMarkers(text: string, start: number, end: number): number {
  let count = 0
  let previous = -1
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (isInlineMarker(code, previous)) count++
    previous = code
  }
  return count
}

function lineCount(text: string, start: number, end: number): number {
  let count = 1
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code === lf || (code === cr && text.charCodeAt(at + 1) !== lf)) count++
  }
  return count
}

/**
 * Characters that start an inline construct in micromark (`* _ \` [ ] < ! & \\`).
 * Where one does not, the paragraph's text splits there, and merging the
 * pieces again costs a pass over the paragraph: replaced in a simplified
 * block, so it parses in linear time.
 */
function isInlineStart(code: number): boolean {
  return code === 42 || code === 95 || code === 96 || code === 91 || code === 93 || code === 60 || code === 33 || code === 38 || code === 92
}

/** A paragraph, heading or table cell, as the blocks-only parse found it. */
export interface InlineBlock {
  kind: 'paragraph' | 'heading' | 'table cell'
  start: number
  end: number
}

/**
 * Measure each paragraph, heading and table cell (from a parse of the blocks
 * only, which is linear) and simplify those over a limit: their inline
 * markers and the spaces ending their lines are replaced, so they parse in
 * linear time. Returns the new guarded text.
 */
export function guardInline(guarded: GuardedText, blocks: readonly InlineBlock[]): GuardedText {
  const text = guarded.text
  const added: Replaced[] = []
  const problems: ComplexityProblem[] = []
  for (const block of blocks) {
    const { start, end, kind } = block
    const markers = inlineMarkers(text, start, end)
    const lines = markers > complexityLimits.inlineMarkers ? 0 : lineCount(text, start, end)
    if (markers <= complexityLimits.inlineMarkers && lines <= complexityLimits.paragraphLines) continue
    const problem: ComplexityProblem = {
      start,
      end,
      reason:
        markers > complexityLimits.inlineMarkers
          ? `Unexpected ${kind} with ${markers} emphasis, link, code and HTML markers, expected at most ${complexityLimits.inlineMarkers}: read as plain text (split it into smaller paragraphs)`
          : `Unexpected ${kind} of ${lines} lines, expected at most ${complexityLimits.paragraphLines}: read as plain text (split it into smaller paragraphs)`,
      kind: 'inline'
    }
    problems.push(problem)
    // Backwards, so the spaces ending a line are known as such. Not those of
    // the last line (a setext underline's stay).
    let trailing = false
    for (let at = end - 1; at >= start; at--) {
      const code = text.charCodeAt(at)
      if (code === lf || code === cr) {
        trailing = true
        continue
      }
      if (code === space || code === tab) {
        if (trailing) added.push({ start: at, end: at + 1, problem })
        continue
      }
      trailing = false
      // A backslash before a pipe escapes it in a table cell: kept.
      if (isInlineStart(code) && !(code === 92 && text.charCodeAt(at + 1) === 124)) added.push({ start: at, end: at + 1, problem })
    }
  }
  if (problems.length === 0) return guarded
  return { text: replace(text, added), problems: [...guarded.problems, ...problems], inlineSuspect: true, replaced: [...guarded.replaced, ...added] }
}

const leafBlocks: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html', 'definition', 'thematicBreak', 'yaml'])

/**
 * After parsing the guarded text: give every block holding a replaced
 * character its original text back as plain text, and the reason it was
 * simplified (`data.followthroughTooComplex`).
 */
export function restoreBlocks(tree: Root, source: string, guarded: GuardedText): void {
  const replaced = disjoint(guarded.replaced)
  if (replaced.length === 0) return
  const seen = new Set<ComplexityProblem>()
  const leaves: Nodes[] = []
  walkLeaves(tree, (node) => {
    leaves.push(node)
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const hit = firstOverlap(replaced, start, end)
    if (hit === undefined) return
    seen.add(hit.problem)
    mark(node, hit.problem.reason)
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') asPlainText(node, source)
  })
  // A problem whose replaced markers fell in no block is shown on the nearest block after it.
  const unseen = guarded.problems.filter((problem) => !seen.has(problem)).sort((a, b) => a.start - b.start)
  let leaf = 0
  for (const problem of unseen) {
    while (leaf < leaves.length - 1 && (leaves[leaf]?.position?.end.offset ?? -1) <= problem.start) leaf++
    const node = leaves[leaf]
    if (node === undefined) break
    mark(node, problem.reason)
  }
}

function mark(node: Nodes, reason: string): void {
  const data = (node.data ??= {}) as Record<string, unknown>
  if (data[tooComplexField] === undefined) data[tooComplexField] = reason
}

/** Replace a block's inline content by its source text, as one text node. */
function asPlainText(node: Nodes & { children: Nodes[] }, source: string): void {
  const children = node.children
  const first = children[0]?.position
  const last = children[children.length - 1]?.position
  if (first?.start.offset === undefined || last?.end.offset === undefined) return
  const text: Text = {
    type: 'text',
    value: source.slice(first.start.offset, last.end.offset),
    position: { start: { ...first.start }, end: { ...last.end } }
  }
  ;(node as { children: Nodes[] }).children = [text]
}

function walkLeaves(tree: Root, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [tree]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (leafBlocks.has(node.type)) {
      visit(node)
      continue
    }
    if (!('children' in node)) continue
    const children = node.children as Nodes[]
    for (const child of children.toReversed()) stack.push(child)
  }
}

/** Stretches sorted and merged where they overlap (the first one's problem kept). */
function disjoint(replaced: readonly Replaced[]): Replaced[] {
  const sorted = [...replaced].sort((a, b) => a.start - b.start)
  const merged: Replaced[] = []
  for (const stretch of sorted) {
    const last = merged[merged.length - 1]
    if (last !== undefined && stretch.start < last.end) last.end = Math.max(last.end, stretch.end)
    else merged.push({ ...stretch })
  }
  return merged
}

/** The first replaced stretch overlapping `[start, end)`, by binary search. */
function firstOverlap(replaced: readonly Replaced[], start: number, end: number): Replaced | undefined {
  const stretch = replaced[partitionPoint(replaced, (candidate) => candidate.end <= start)]
  return stretch !== undefined && stretch.start < end ? stretch : undefined
}
