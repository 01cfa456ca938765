/**
 * @followthrough/markdown-it-recommendations: a markdown-it plugin that
 * renders recommendation references as links to their register entry, with a
 * status badge and the title as a tooltip. It finds nothing itself: the
 * references come as data, found by the Followthrough engine (one grammar,
 * written once), placed by line and character. Exports the plugin and its
 * types.
 */
import type MarkdownIt from 'markdown-it'
import type { Options, PluginWithOptions } from 'markdown-it'
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs'
import type Token from 'markdown-it/lib/token.mjs'

/** A line and a UTF-16 character in it, both 0-based (LSP's positions). */
export interface ReferencePosition {
  line: number
  character: number
}

/** A status badge: the status's id (`in-progress`, for the class) and its words (`In progress`). */
export interface ReferenceBadge {
  status: string
  label: string
}

/** One reference to decorate, as the engine found it. */
export interface RecommendationReference {
  /** Where it is written, end exclusive. */
  range: { start: ReferencePosition; end: ReferencePosition }
  /**
   * The reference as written (`R3`, `Recommendation\n14`). It is decorated
   * only where the source still says exactly this, so references found in an
   * older version of the text never land on the wrong words.
   */
  text: string
  /** The register entry (`../recommendations.yaml#L42`); a link markdown-it's `validateLink` refuses is not made. */
  href: string
  /** The tooltip (`R3: Adopt a victim-first approach`). */
  title: string
  /** One badge per status (a range such as `R3–R5` may name several). */
  badges: readonly ReferenceBadge[]
}

/** The plugin's options. */
export interface RecommendationsPluginOptions {
  /**
   * The references of the document being rendered, from the environment
   * markdown-it is given (VS Code's preview passes `env.currentDocument`).
   * By default, `env.recommendationReferences`.
   */
  references?: (env: unknown) => readonly RecommendationReference[] | undefined
}

/** The classes the plugin writes, for a stylesheet. */
export const classNames = {
  /** The link. */
  reference: 'followthrough-reference',
  /** Every badge. */
  badge: 'followthrough-status',
  /** A badge's status: `followthrough-status-in-progress`. */
  status: (status: string) => `followthrough-status-${/^[a-z0-9-]+$/.test(status) ? status : 'unknown'}`
} as const

/** Where one reference is in an inline token's content. */
interface Placed {
  start: number
  end: number
  href: string
  reference: RecommendationReference
}

/** The parse environment's key for references handed to a re-parse at render time. */
const givenKey = Symbol('followthrough.recommendationReferences')

type InlineState = StateInline & { linkLevel?: number }

/**
 * The plugin. At parse time, when the environment has references, each
 * reference becomes `link_open`, its own text (parsed as markdown-it parses
 * it), a badge (`<span class>` and text) and `link_close`. VS Code parses
 * without an environment and renders with one (`env.currentDocument`), so
 * when the tokens to render were parsed without references and the render
 * environment has some, the source is parsed again with them.
 *
 * @example
 * const md = markdownIt().use(recommendations)
 * md.render('We discussed R3.\n', { recommendationReferences: [{ range, text: 'R3', href: 'recommendations.yaml#L12', title: 'R3: …', badges: [{ status: 'implemented', label: 'Implemented' }] }] })
 */
export const recommendations: PluginWithOptions<RecommendationsPluginOptions> = (md, options = {}) => {
  const referencesOf = options.references ?? ((env: unknown) => (isRecord(env) ? (env.recommendationReferences as readonly RecommendationReference[] | undefined) : undefined))
  /** The source each token list was parsed from, and whether it was decorated. */
  const sources = new WeakMap<Token[], { src: string; decorated: boolean }>()
  /** Each inline token's references, by its children (the list the inline parser fills). */
  const plans = new WeakMap<Token[], Placed[]>()
  /** The last re-parse of a token list, for the references it was made with. */
  const reparsed = new WeakMap<Token[], { references: readonly RecommendationReference[]; tokens: Token[] }>()

  md.core.ruler.after('block', 'recommendation_references', (state: StateCore) => {
    const env: unknown = state.env
    const given = isRecord(env) ? (env[givenKey] as readonly RecommendationReference[] | undefined) : undefined
    const references = given ?? referencesOf(env)
    const decorated = references !== undefined && references.length > 0
    sources.set(state.tokens, { src: state.src, decorated })
    if (decorated) plan(state, references, plans)
  })

  md.inline.ruler.before('text', 'recommendation_reference', (state: InlineState, silent: boolean) => {
    const placed = plans.get(state.tokens)
    if (!placed) return false
    const next = placed.find((candidate) => candidate.start >= state.pos)
    if (!next || next.end > state.posMax) return false
    if (next.start > state.pos) {
      // Plain text up to the reference: what the text rule would take, in two steps.
      for (let at = state.pos; at < next.start; at++) if (isTerminator(state.src.charCodeAt(at))) return false
      if (!silent) state.pending += state.src.slice(state.pos, next.start)
      state.pos = next.start
      return true
    }
    if (insideLink(state)) return false
    if (!silent) {
      const open = state.push('link_open', 'a', 1)
      open.attrs = [
        ['href', next.href],
        ['title', next.reference.title],
        ['class', classNames.reference]
      ]
      open.markup = 'recommendation'
      const max = state.posMax
      state.posMax = next.end
      state.linkLevel = (state.linkLevel ?? 0) + 1
      state.md.inline.tokenize(state)
      state.linkLevel -= 1
      state.posMax = max
      for (const badge of next.reference.badges) {
        const badgeOpen = state.push('recommendation_badge_open', 'span', 1)
        badgeOpen.attrs = [['class', `${classNames.badge} ${classNames.status(badge.status)}`]]
        const text = state.push('text', '', 0)
        text.content = badge.label
        state.push('recommendation_badge_close', 'span', -1)
      }
      state.push('link_close', 'a', -1)
    }
    state.pos = next.end
    return true
  })

  const render = md.renderer.render.bind(md.renderer)
  md.renderer.render = (tokens: Token[], renderOptions: Options, env: unknown) => {
    const source = sources.get(tokens)
    const references = source && !source.decorated ? referencesOf(env) : undefined
    if (!source || !references || references.length === 0) return render(tokens, renderOptions, env)
    let again = reparsed.get(tokens)
    if (again?.references !== references) {
      again = { references, tokens: md.parse(source.src, { [givenKey]: references }) }
      reparsed.set(tokens, again)
    }
    return render(again.tokens, renderOptions, env)
  }
}

export default recommendations

/** Place the references in the inline tokens' content (markdown-it gives block tokens line maps only). */
function plan(state: StateCore, references: readonly RecommendationReference[], plans: WeakMap<Token[], Placed[]>): void {
  const src = state.src
  const lineStarts = [0]
  for (let at = src.indexOf('\n'); at !== -1; at = src.indexOf('\n', at + 1)) lineStarts.push(at + 1)
  const lineEnd = (line: number) => {
    const next = lineStarts[line + 1]
    return next === undefined ? src.length : next - 1
  }
  const offsetOf = (position: ReferencePosition): number | undefined => {
    const start = lineStarts[position.line]
    if (start === undefined || !Number.isInteger(position.character) || position.character < 0 || start + position.character > lineEnd(position.line)) return undefined
    return start + position.character
  }
  // The references whose text is still there, in source order, overlapping ones left out.
  const spans: { start: number; end: number; reference: RecommendationReference; href: string }[] = []
  for (const reference of references) {
    const start = offsetOf(reference.range.start)
    const end = offsetOf(reference.range.end)
    if (start === undefined || end === undefined || end <= start) continue
    if (src.slice(start, end) !== reference.text.replace(/\r\n?/g, '\n')) continue
    const href = state.md.normalizeLink(reference.href)
    if (!state.md.validateLink(href)) continue
    spans.push({ start, end, reference, href })
  }
  spans.sort((a, b) => a.start - b.start)
  let cursor = 0
  // Table cells have no line map of their own: their row's.
  let enclosing: [number, number] | null = null
  for (const token of state.tokens) {
    if (token.type !== 'inline') {
      if (token.map) enclosing = token.map
      continue
    }
    const map = token.map ?? enclosing
    if (!map || !token.children) continue
    const [first, last] = map
    const from = Math.max(lineStarts[first] ?? src.length, cursor)
    const to = lineEnd(last - 1)
    const inside: typeof spans = []
    for (let index = firstFrom(spans, from); index < spans.length; index++) {
      const span = spans[index]
      if (!span || span.start >= to) break
      if (span.end <= to) inside.push(span)
    }
    const positions = align(token.content, src, from, to)
    if (!positions) continue
    const lastPosition = positions[positions.length - 1]
    if (lastPosition !== undefined) cursor = lastPosition + 1
    if (inside.length === 0) continue
    const placed: Placed[] = []
    for (const span of inside) {
      const start = positions.indexOf(span.start)
      const end = positions.indexOf(span.end - 1) + 1
      if (start === -1 || end <= start) continue
      if (token.content.slice(start, end) !== src.slice(span.start, span.end)) continue
      if (placed.some((other) => start < other.end && other.start < end)) continue
      placed.push({ start, end, href: span.href, reference: span.reference })
    }
    if (placed.length > 0) plans.set(token.children, placed)
  }
}

/** The index of the first span starting at or after `offset` (spans sorted by start). */
function firstFrom(spans: readonly { start: number }[], offset: number): number {
  let low = 0
  let high = spans.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((spans[middle]?.start ?? Infinity) < offset) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Where each character of an inline token's content is in the source, given
 * the source range its block covers. The content is the source less what the
 * block took (indentation, `>`, list markers, `#`, table pipes): each line of
 * content is found in its line of source, exactly when it can be, else
 * character by character. `undefined` when it cannot be placed.
 */
function align(content: string, src: string, from: number, to: number): number[] | undefined {
  const positions: number[] = []
  let at = from
  for (const [index, line] of content.split('\n').entries()) {
    if (index > 0) {
      const newline = src.indexOf('\n', at)
      if (newline === -1 || newline >= to) return undefined
      positions.push(newline)
      at = newline + 1
    }
    const newline = src.indexOf('\n', at)
    const end = newline === -1 || newline > to ? to : newline
    const found = src.slice(at, end).indexOf(line)
    if (found !== -1) {
      for (let i = 0; i < line.length; i++) positions.push(at + found + i)
      at += found + line.length
      continue
    }
    for (let i = 0; i < line.length; i++) {
      while (at < end && src[at] !== line[i]) at++
      if (at >= end) return undefined
      positions.push(at++)
    }
  }
  return positions
}

/** Whether the inline parser is inside a link now (markdown-it 13+ counts `linkLevel`; 12 does not, so the open links are counted). */
function insideLink(state: InlineState): boolean {
  if ((state.linkLevel ?? 0) > 0) return true
  let depth = 0
  for (const token of state.tokens) {
    if (token.type === 'link_open') depth++
    else if (token.type === 'link_close') depth--
    else if (token.type === 'html_inline') {
      if (/^<a[>\s]/i.test(token.content)) depth++
      else if (/^<\/a\s*>/i.test(token.content)) depth--
    }
  }
  return depth > 0
}

/** The characters markdown-it's text rule stops at (its `isTerminatorChar`, the same from 12 to 14). */
function isTerminator(code: number): boolean {
  return terminators.has(code)
}

const terminators = new Set([0x0a, 0x21, 0x23, 0x24, 0x25, 0x26, 0x2a, 0x2b, 0x2d, 0x3a, 0x3c, 0x3d, 0x3e, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x7b, 0x7d, 0x7e])

function isRecord(value: unknown): value is Record<string | symbol, unknown> {
  return typeof value === 'object' && value !== null
}

/** The markdown-it instance type the plugin extends, for callers that name it. */
export type { MarkdownIt }
