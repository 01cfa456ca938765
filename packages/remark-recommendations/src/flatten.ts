import type { Link, Nodes, PhrasingContent } from 'mdast'

/**
 * One block (paragraph, heading, table cell) as a single run of plain text,
 * with a way back from every character to the original source.
 *
 * References cross inline nodes (`*Recommendation* 12`, `Recommendation **12**`,
 * a soft line break), so the grammar runs on the block's text, not on each text
 * node. Text that is not prose (inline code, HTML, images, URL-like links) becomes
 * one OBJECT REPLACEMENT CHARACTER: neither a word character nor a space, so it
 * ends a reference without joining its neighbours.
 */

/** Stands in for inline code, HTML, images and URL-like links. */
export const barrier = '\uFFFC'

const kindText = 0
const kindOpaque = 1

/** Where a span of flattened text comes from in the source. */
export interface SourceRange {
  start: number
  end: number
}

/** One inline node's part of the flattened text. */
interface Segment {
  /** Where it starts in the flattened text. */
  at: number
  value: string
  /** Its source span; -1 where the node has no position. */
  start: number
  end: number
  kind: number
}

/**
 * Flattens blocks and maps offsets back. One instance serves a whole file: its
 * buffers are reused from block to block, so the hot path allocates no object
 * per character (the maps are typed arrays of offsets).
 */
export class Flattener {
  private source = ''
  private pieces: string[] = []
  private segments: Segment[] = []
  private length = 0
  private mapped = false
  private mapStart = new Int32Array(256)
  private mapEnd = new Int32Array(256)

  /** Start a new file (one instance serves every file a plugin instance reads). */
  reset(source: string): void {
    this.source = source
    this.segments.length = 0
    this.length = 0
    this.pieces.length = 0
  }

  /** The block's children as one string; `mapRange` then maps offsets of that string. */
  flatten(block: { children: readonly Nodes[] }): string {
    this.segments.length = 0
    this.length = 0
    this.mapped = false
    this.pieces.length = 0
    this.addAll(block.children)
    const [only] = this.pieces
    if (only !== undefined && this.pieces.length === 1) return only
    return this.pieces.join('')
  }

  /**
   * The source range of flattened `[start, end)`. Where a text node's value
   * differs from its source in a way the aligner does not understand, the
   * range widens to cover the whole rest of that node rather than guess.
   */
  mapRange(start: number, end: number): SourceRange | undefined {
    if (end <= start || end > this.length) return undefined
    if (!this.mapped) this.buildMap()
    // Both are within the map (`end <= this.length`); -1, as for a node without a position, never applies.
    const from = this.mapStart[start] ?? -1
    const to = this.mapEnd[end - 1] ?? -1
    if (from < 0 || to < from) return undefined
    return { start: from, end: to }
  }

  /**
   * Add a block's inline nodes in document order. A loop with its own stack,
   * not recursion: emphasis nested thousands deep flattens like any text.
   */
  private addAll(children: readonly Nodes[]): void {
    const stack: Nodes[] = []
    pushReversed(stack, children)
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      const inner = this.add(node)
      if (inner !== undefined) pushReversed(stack, inner)
    }
  }

  /** Add one node's text; returns its children when they are to be added in its place. */
  private add(node: Nodes): readonly Nodes[] | undefined {
    switch (node.type) {
      case 'text':
        this.push(node.value, startOf(node), endOf(node), kindText)
        return undefined
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        return node.children
      case 'link': {
        const start = startOf(node)
        if (this.isUrlLike(node, start)) {
          this.push(barrier, start, endOf(node), kindOpaque)
          return undefined
        }
        return node.children
      }
      case 'break':
        // A hard line break is still whitespace between words.
        this.push('\n', startOf(node), endOf(node), kindOpaque)
        return undefined
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        this.push(barrier, startOf(node), endOf(node), kindOpaque)
        return undefined
      default: {
        // Phrasing from other plugins: descend into containers, hide leaves.
        const children = (node as { children?: unknown }).children
        if (Array.isArray(children)) return children as PhrasingContent[]
        this.push(barrier, startOf(node), endOf(node), kindOpaque)
        return undefined
      }
    }
  }

  /**
   * A link whose text is its address (GFM autolink literals, `<https://…>`,
   * `[https://x](https://x)`) is a URL, not prose, whatever its digits.
   */
  private isUrlLike(link: Link, start: number): boolean {
    if (start >= 0 && this.source.charCodeAt(start) !== 91 /* [ */) return true
    const [only] = link.children
    if (link.children.length !== 1 || only?.type !== 'text') return false
    const text = only.value
    const url = link.url
    return url === text || url === `mailto:${text}` || url === `http://${text}` || url === `https://${text}`
  }

  private push(value: string, start: number, end: number, kind: number): void {
    this.segments.push({ at: this.length, value, start, end, kind })
    this.pieces.push(value)
    this.length += value.length
  }

  private buildMap(): void {
    this.mapped = true
    if (this.mapStart.length < this.length) {
      let size = this.mapStart.length
      while (size < this.length) size *= 2
      this.mapStart = new Int32Array(size)
      this.mapEnd = new Int32Array(size)
    }
    for (const { at, value, start, end, kind } of this.segments) {
      if (start < 0 || end < start) {
        this.mapStart.fill(-1, at, at + value.length)
        this.mapEnd.fill(-1, at, at + value.length)
      } else if (kind === kindOpaque) {
        this.mapStart.fill(start, at, at + value.length)
        this.mapEnd.fill(end, at, at + value.length)
      } else {
        this.align(value, start, end, at)
      }
    }
  }

  /**
   * Align a text node's value with its source slice. The value differs from the
   * source where the parser dropped line prefixes (block quote markers, list
   * indentation), trailing spaces before a line ending, the `\r` of CRLF,
   * backslash escapes and character references.
   */
  private align(value: string, start: number, end: number, at: number): void {
    const source = this.source
    const mapStart = this.mapStart
    const mapEnd = this.mapEnd
    if (end - start === value.length && source.startsWith(value, start)) {
      // Most text nodes are their source slice: map one to one.
      for (let i = 0; i < value.length; i++) {
        mapStart[at + i] = start + i
        mapEnd[at + i] = start + i + 1
      }
      return
    }
    let j = start
    let lineStart = false
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i)
      // Skip what the parser removed: line prefixes after a line ending, spaces before one.
      if (lineStart || code === 10 || code === 13) {
        while (j < end) {
          const s = source.charCodeAt(j)
          if (s === code) break
          if (s === 32 || s === 9 || (lineStart && s === 62) /* > */) j++
          else break
        }
      }
      lineStart = false
      const s = source.charCodeAt(j)
      // `&amp;` is `&` in the value: take the reference whole, unless the value goes on as the
      // source does (an unknown name such as `&foo;` stays literal text).
      const reference = s === 38 && j < end ? characterReferenceEnd(source, j, end) : -1
      const literal = reference > 0 && code === 38 && value.charCodeAt(i + 1) === source.charCodeAt(j + 1)
      if (reference > 0 && !literal) {
        mapStart[at + i] = j
        mapEnd[at + i] = reference
        // A reference to a character outside the BMP is two UTF-16 units in the value.
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
          i++
          mapStart[at + i] = j
          mapEnd[at + i] = reference
        }
        j = reference
        continue
      }
      if (j < end && s === code) {
        mapStart[at + i] = j
        mapEnd[at + i] = j + 1
        j++
        // A line ending (`\n`, or a `\r` not followed by `\n`) starts a line whose prefix the parser dropped.
        lineStart = code === 10 || (code === 13 && value.charCodeAt(i + 1) !== 10)
        continue
      }
      if (j < end && code === 10 && s === 13) {
        // CRLF (or a lone CR): the value has `\n`.
        const width = source.charCodeAt(j + 1) === 10 ? 2 : 1
        mapStart[at + i] = j
        mapEnd[at + i] = j + width
        j += width
        lineStart = true
        continue
      }
      if (j + 1 < end && s === 92 /* \ */ && source.charCodeAt(j + 1) === code) {
        mapStart[at + i] = j
        mapEnd[at + i] = j + 2
        j += 2
        continue
      }
      // Not understood: every remaining character may be anywhere in the rest of the node.
      const from = j < end ? j : end
      mapStart.fill(from, at + i, at + value.length)
      mapEnd.fill(end, at + i, at + value.length)
      return
    }
  }
}

/** Push `items` last first, so they pop in order. */
function pushReversed(stack: Nodes[], items: readonly Nodes[]): void {
  for (const item of items.toReversed()) stack.push(item)
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? -1
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? -1
}

/** The end of a character reference (`&amp;`, `&#123;`, `&#x1F;`) starting at `at`, or -1. */
function characterReferenceEnd(source: string, at: number, end: number): number {
  const limit = Math.min(end, at + 40)
  let i = at + 1
  if (source.charCodeAt(i) === 35 /* # */) {
    i++
    if (source.charCodeAt(i) === 120 || source.charCodeAt(i) === 88) i++
  }
  const first = i
  while (i < limit && /[0-9A-Za-z]/.test(source.charAt(i))) i++
  return i > first && i < limit && source.charCodeAt(i) === 59 /* ; */ ? i + 1 : -1
}
