import { partitionPoint } from '@followthrough/core'
import {
  nextMeetingHeading,
  plainText,
  type FoundAction,
  type FoundReference,
  type FoundStatusUpdate,
  type MinutesData,
  type SourcePoint,
  type SourceSpan
} from '@followthrough/remark-recommendations'
import type { Root, RootContent, Yaml } from 'mdast'
import type { Finding } from './finding.js'
import { checkTree, emptyMinutesData, fileRuleFindings, internalError, parseableText, type MinutesAnalysis, type MinutesContext } from './minutes.js'
import { blockLimitsNear } from './parse-guard.js'
import { lineStart, parseGuarded, shiftPositions } from './parse-minutes.js'

/**
 * Minutes as an editor holds them: one version of the text with its analysis,
 * ready to become the next version without parsing the whole file again.
 *
 * Parsing is what costs (about a millisecond per kilobyte); the checks after it
 * are cheap. So an edit re-parses only the top-level blocks around it: the
 * block before (a paragraph can become a setext heading or a table header),
 * the blocks the edit touches, and the block after as an anchor. When the
 * anchor parses exactly as it did before (same kind, same place), nothing
 * after it can have changed, and the results of the rest of the file are kept,
 * shifted by the edit's length. When it does not (an edit opened a code fence
 * that now swallows what follows), the region grows until it does, up to the
 * whole file. Edits to the front matter, and files with link or footnote
 * definitions (which change how text far away parses), are parsed whole. The
 * result is always what {@link analyzeMinutes} gives for the same text.
 */

/** A top-level heading of the minutes: an agenda item. */
export interface MinutesHeading {
  /** 1 for `#`, 6 for `######`. */
  depth: number
  /** Its words as plain text. */
  text: string
  /** The heading line(s), unist style (end exclusive). */
  position: SourceSpan
}

/** How a version was produced, for tests and benchmarks. */
export interface MinutesParseStats {
  mode: 'full' | 'incremental'
  /** The span of the new text that was parsed (the whole text for `full`). */
  parsed: { start: number; end: number }
}

/** One version of a minutes file and what the engine found in it. */
export interface MinutesDocument {
  readonly path: string
  /** The text, each NUL replaced by U+FFFD (the same length: offsets are the editor's). */
  readonly text: string
  readonly context: MinutesContext
  /** Exactly what `analyzeMinutes(text, path, context)` returns. */
  readonly analysis: MinutesAnalysis
  /** The top-level headings, in order (for an outline). */
  readonly headings: readonly MinutesHeading[]
  readonly stats: MinutesParseStats
}

interface Block {
  type: string
  start: number
  end: number
  line: number
  endLine: number
  heading?: { depth: number; text: string; position: SourceSpan }
}

interface State {
  blocks: Block[]
  frontMatter?: Yaml
  /** Whether the text may hold a link or footnote definition (`]:`). */
  definitions: boolean
  /**
   * Whether the text holds a block over a nesting, lazy-line or table limit
   * (see `parse-guard.ts`): such a limit is measured over runs of lines that
   * need not match the top-level blocks, so every edit then parses the whole text.
   */
  guarded: boolean
}

const states = new WeakMap<MinutesDocument, State>()

/**
 * Parse and check a minutes file in full.
 *
 * @example
 * let document = openMinutesDocument(text, '/w/minutes/2023-04-17.md', workspace.context)
 * document = updateMinutesDocument(document, editedText) // re-parses only around the edit
 * document.analysis.findings
 */
export function openMinutesDocument(source: string, path: string, context: MinutesContext): MinutesDocument {
  const text = parseableText(source)
  let tree: Root
  let guarded: boolean
  try {
    const parsed = parseGuarded(text)
    tree = parsed.tree
    guarded = parsed.problems.some((problem) => problem.kind !== 'inline')
  } catch (error) {
    return failed(text, path, context, error)
  }
  const children = tree.children
  const frontMatter = children[0]?.type === 'yaml' ? children[0] : undefined
  const body = frontMatter ? children.slice(1) : children
  let blocks: Block[]
  try {
    blocks = body.map(toBlock)
  } catch (error) {
    return failed(text, path, context, error)
  }
  const checked = check(frontMatter, body, text, path, context)
  if (checked instanceof Error) return failed(text, path, context, checked)
  const document: MinutesDocument = {
    path,
    text,
    context,
    analysis: { path, data: checked.data, findings: [...checked.findings, ...fileRuleFindings(checked.data.references, path, context)] },
    headings: [],
    stats: { mode: 'full', parsed: { start: 0, end: text.length } }
  }
  const state: State = { blocks, definitions: text.includes(']:'), guarded }
  if (frontMatter) state.frontMatter = frontMatter
  return remember(document, state)
}

/**
 * The next version of a document: re-parses only around what changed (found by
 * comparing the texts), or everything when that cannot be done safely or the
 * context (registers, config) is not the same object as before.
 */
export function updateMinutesDocument(previous: MinutesDocument, source: string, context: MinutesContext = previous.context): MinutesDocument {
  const text = parseableText(source)
  if (text === previous.text && context === previous.context) return previous
  const state = states.get(previous)
  if (!state || context !== previous.context || state.definitions || state.guarded || text.includes(']:') || (!state.frontMatter && (fenced(text) || fenced(previous.text)))) {
    return openMinutesDocument(text, previous.path, context)
  }
  try {
    return incremental(previous, state, text) ?? openMinutesDocument(text, previous.path, context)
  } catch {
    // A bug here must cost speed, never correctness.
    return openMinutesDocument(text, previous.path, context)
  }
}

/**
 * A file that starts with `---` but has no front matter (the fence is not
 * closed) parses oddly: remark-frontmatter leaves micromark unable to open
 * block quotes and lists anywhere after it. Such a file is always parsed whole,
 * so its results stay the same as a full parse's.
 */
function fenced(text: string): boolean {
  return /^\uFEFF?---/.test(text)
}

function remember(document: MinutesDocument, state: State): MinutesDocument {
  ;(document as { headings: readonly MinutesHeading[] }).headings = state.blocks.flatMap((block) => (block.heading ? [block.heading] : []))
  states.set(document, state)
  return document
}

function failed(text: string, path: string, context: MinutesContext, error: unknown): MinutesDocument {
  return {
    path,
    text,
    context,
    analysis: { path, data: emptyMinutesData(), findings: [internalError(path, error)] },
    headings: [],
    stats: { mode: 'full', parsed: { start: 0, end: text.length } }
  }
}

/** Run the plugin over the front matter and some top-level blocks (see `checkTree`). */
function check(
  frontMatter: Yaml | undefined,
  body: readonly RootContent[],
  text: string,
  path: string,
  context: MinutesContext
): { data: MinutesData; findings: Finding[] } | Error {
  return checkTree({ type: 'root', children: frontMatter ? [frontMatter, ...body] : [...body] }, text, path, context)
}

/** A parsed top-level block; throws for a node without offsets (the parser gives every node its offsets). */
function toBlock(node: RootContent): Block {
  const start = node.position?.start
  const end = node.position?.end
  if (start?.offset === undefined || end?.offset === undefined) throw new Error(`Unexpected ${node.type} without offsets`)
  const block: Block = {
    type: node.type,
    start: start.offset,
    end: end.offset,
    line: start.line,
    endLine: end.line
  }
  if (node.type === 'heading') {
    block.heading = {
      depth: node.depth,
      text: plainText(node).replace(/\s+/g, ' ').trim(),
      position: {
        start: { line: start.line, column: start.column, offset: start.offset },
        end: { line: end.line, column: end.column, offset: end.offset }
      }
    }
  }
  return block
}

/** How fast the region grows when its anchor parses differently. */
const growth = 2

function incremental(previous: MinutesDocument, state: State, text: string): MinutesDocument | undefined {
  const old = previous.text
  const blocks = state.blocks
  if (blocks.length === 0) return undefined
  const { start: changeStart, oldEnd, delta } = difference(old, text)
  const frontMatterEnd = state.frontMatter?.position?.end.offset
  if (state.frontMatter && (frontMatterEnd === undefined || changeStart <= frontMatterEnd)) return undefined
  // An edit that puts a block over a nesting, lazy-line or table limit: parse the whole text.
  if (blockLimitsNear(text, changeStart, oldEnd + delta)) return undefined

  // Blocks the change touches: [first, last] (empty when it falls between two blocks).
  const first = firstEndingAtOrAfter(blocks, changeStart)
  const last = lastStartingAtOrBefore(blocks, oldEnd)
  let from = Math.max(0, Math.min(first - 1, blocks.length - 1))
  let to = last + 1
  let step = 1
  for (;;) {
    const fromBlock = blocks[from]
    if (fromBlock === undefined) return undefined
    const regionStart = lineStart(old, Math.min(fromBlock.start, changeStart))
    const regionLine = fromBlock.line - countLines(old, regionStart, lineStart(old, fromBlock.start))
    if (frontMatterEnd !== undefined && regionStart <= frontMatterEnd) return undefined
    const anchor = to < blocks.length ? blocks[to] : undefined
    const regionEndOld = anchor ? anchor.end : old.length
    const regionEndNew = regionEndOld + delta
    if (regionEndNew < regionStart) return undefined
    // A region that starts with `---` parses as front matter, or as the odd
    // unclosed kind (see `fenced`): take one more block before instead.
    if (fenced(text.slice(regionStart, regionStart + 4))) {
      if (from === 0) return undefined
      from--
      continue
    }
    const parsed = parseGuarded(text.slice(regionStart, regionEndNew))
    if (parsed.problems.some((problem) => problem.kind !== 'inline')) return undefined
    const nodes = parsed.tree.children
    const lastNode = nodes[nodes.length - 1]
    const stable =
      anchor === undefined ||
      (lastNode !== undefined &&
        lastNode.type === anchor.type &&
        lastNode.position?.start.offset !== undefined &&
        lastNode.position.end.offset !== undefined &&
        lastNode.position.start.offset + regionStart === anchor.start + delta &&
        lastNode.position.end.offset + regionStart === anchor.end + delta)
    if (!stable) {
      // The anchor parsed differently: the edit reaches further. Grow, doubling each time.
      to = to + step >= blocks.length ? blocks.length : to + step
      step *= growth
      continue
    }
    // The next meeting's date is read from a heading and the blocks under it: an edit
    // at or after such a heading, or one that writes it, is read with the whole file.
    if (blocks.slice(0, to + 1).some((block) => block.heading !== undefined && block.start < regionEndOld && nextMeetingHeading(block.heading.text) !== undefined)) return undefined
    if (nodes.some((node) => node.type === 'heading' && nextMeetingHeading(plainText(node)) !== undefined)) return undefined
    for (const node of nodes) shiftPositions(node, regionLine - 1, regionStart)
    const lineDelta = countLines(text, regionStart, regionEndNew) - countLines(old, regionStart, regionEndOld)
    const checked = check(state.frontMatter, nodes, text, previous.path, previous.context)
    if (checked instanceof Error) return undefined
    const next: MinutesDocument = {
      path: previous.path,
      text,
      context: previous.context,
      analysis: splice(previous.analysis, checked, { start: regionStart, endOld: regionEndOld, delta, lineDelta, frontMatterEnd }, previous.context),
      headings: [],
      stats: { mode: 'incremental', parsed: { start: regionStart, end: regionEndNew } }
    }
    const after = blocks.slice(anchor ? to + 1 : blocks.length).map((block) => shiftBlock(block, delta, lineDelta))
    const nextState: State = { blocks: [...blocks.slice(0, from), ...nodes.map(toBlock), ...after], definitions: false, guarded: false }
    if (state.frontMatter) nextState.frontMatter = state.frontMatter
    return remember(next, nextState)
  }
}

/** Where two texts differ: the common prefix length and the end of the change in the old text. */
function difference(old: string, text: string): { start: number; oldEnd: number; delta: number } {
  const limit = Math.min(old.length, text.length)
  // Compare in chunks natively first: a 1 MB document is compared in well under a millisecond.
  const chunk = 1024
  let start = 0
  while (start + chunk <= limit && old.slice(start, start + chunk) === text.slice(start, start + chunk)) start += chunk
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++
  const room = limit - start
  let suffix = 0
  while (suffix + chunk <= room && old.slice(old.length - suffix - chunk, old.length - suffix) === text.slice(text.length - suffix - chunk, text.length - suffix)) suffix += chunk
  while (suffix < room && old.charCodeAt(old.length - suffix - 1) === text.charCodeAt(text.length - suffix - 1)) suffix++
  return { start, oldEnd: old.length - suffix, delta: text.length - old.length }
}

function firstEndingAtOrAfter(blocks: readonly Block[], offset: number): number {
  return partitionPoint(blocks, (block) => block.end < offset)
}

function lastStartingAtOrBefore(blocks: readonly Block[], offset: number): number {
  return partitionPoint(blocks, (block) => block.start <= offset) - 1
}

/** Line breaks in `text` between two offsets, `\r\n` counted once. */
function countLines(text: string, start: number, end: number): number {
  let count = 0
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code === 10) count++
    else if (code === 13) {
      count++
      if (text.charCodeAt(at + 1) === 10 && at + 1 < end) at++
    }
  }
  return count
}

function shiftBlock(block: Block, delta: number, lines: number): Block {
  const moved: Block = { type: block.type, start: block.start + delta, end: block.end + delta, line: block.line + lines, endLine: block.endLine + lines }
  if (block.heading) moved.heading = { ...block.heading, position: shiftSpan(block.heading.position, delta, lines) }
  return moved
}

function shiftPoint(point: SourcePoint, delta: number, lines: number): SourcePoint {
  return { line: point.line + lines, column: point.column, offset: point.offset + delta }
}

function shiftSpan(span: SourceSpan, delta: number, lines: number): SourceSpan {
  return { start: shiftPoint(span.start, delta, lines), end: shiftPoint(span.end, delta, lines) }
}

interface Region {
  start: number
  endOld: number
  delta: number
  lineDelta: number
  frontMatterEnd: number | undefined
}

/** The engine's own per-file rule, added after the plugin's findings. */
const styleRule = 'reference-style'

/** Whether a finding is about the front matter (it is kept from the previous version). */
function aboutFrontMatter(finding: Finding, frontMatterEnd: number | undefined): boolean {
  if (finding.ruleId === 'missing-front-matter') return true
  return frontMatterEnd !== undefined && (finding.offset ?? 0) < frontMatterEnd
}

/**
 * The previous results with the region's replaced: what comes before the region
 * is kept, what comes after is shifted, and the region's come from its re-run.
 */
function splice(previous: MinutesAnalysis, region: { data: MinutesData; findings: Finding[] }, where: Region, context: MinutesContext): MinutesAnalysis {
  const { start, endOld, delta, lineDelta, frontMatterEnd } = where
  const place = (offset: number): -1 | 0 | 1 => (offset < start ? -1 : offset >= endOld ? 1 : 0)
  const moved = new Map<FoundReference, FoundReference>()
  const references: FoundReference[] = []
  const keep = (reference: FoundReference): FoundReference => {
    const side = place(reference.position.start.offset)
    if (side < 0) return reference
    let copy = moved.get(reference)
    if (!copy) {
      copy = { ...reference, position: shiftSpan(reference.position, delta, lineDelta) }
      moved.set(reference, copy)
    }
    return copy
  }
  const old = previous.data
  const before = (offset: number) => place(offset) < 0
  const after = (offset: number) => place(offset) > 0
  for (const reference of old.references) if (before(reference.position.start.offset)) references.push(reference)
  references.push(...region.data.references)
  for (const reference of old.references) if (after(reference.position.start.offset)) references.push(keep(reference))

  const updates: FoundStatusUpdate[] = []
  const moveUpdate = (update: FoundStatusUpdate): FoundStatusUpdate => {
    const moved: FoundStatusUpdate = {
      ...update,
      position: shiftSpan(update.position, delta, lineDelta),
      statusPosition: shiftSpan(update.statusPosition, delta, lineDelta),
      referencePosition: shiftSpan(update.referencePosition, delta, lineDelta)
    }
    if (update.duePosition !== undefined) moved.duePosition = shiftSpan(update.duePosition, delta, lineDelta)
    if (update.responsePosition !== undefined) moved.responsePosition = shiftSpan(update.responsePosition, delta, lineDelta)
    if (update.assurancePosition !== undefined) moved.assurancePosition = shiftSpan(update.assurancePosition, delta, lineDelta)
    return moved
  }
  for (const update of old.updates) if (before(update.position.start.offset)) updates.push(update)
  updates.push(...region.data.updates)
  for (const update of old.updates) if (after(update.position.start.offset)) updates.push(moveUpdate(update))

  const actions: FoundAction[] = []
  for (const action of old.actions) if (before(action.position.start.offset)) actions.push(action)
  actions.push(...region.data.actions)
  for (const action of old.actions) {
    // An action's references are the same objects as in `references`; keep them so.
    if (after(action.position.start.offset)) actions.push({ ...action, references: action.references.map(keep), position: shiftSpan(action.position, delta, lineDelta) })
  }

  const findings: Finding[] = []
  const plugin = previous.findings.filter((finding) => finding.ruleId !== styleRule)
  const body = plugin.filter((finding) => !aboutFrontMatter(finding, frontMatterEnd))
  findings.push(...plugin.filter((finding) => aboutFrontMatter(finding, frontMatterEnd)))
  for (const finding of body) if (before(finding.offset ?? 0)) findings.push(finding)
  findings.push(...region.findings.filter((finding) => !aboutFrontMatter(finding, frontMatterEnd)))
  for (const finding of body) {
    if (!after(finding.offset ?? 0)) continue
    const copy: Finding = { ...finding, line: finding.line + lineDelta, endLine: finding.endLine + lineDelta }
    if (finding.offset !== undefined) copy.offset = finding.offset + delta
    if (finding.endOffset !== undefined) copy.endOffset = finding.endOffset + delta
    findings.push(copy)
  }

  // Cheap, and over the whole file: recomputed rather than spliced.
  findings.push(...fileRuleFindings(references, previous.path, context))
  const data: MinutesData = { references, updates, actions }
  if (old.meeting !== undefined) data.meeting = old.meeting
  if (old.register !== undefined) data.register = old.register
  // Edits after a next-meeting heading parse the whole file (see `incremental`): one before it keeps its date.
  if (old.nextMeeting !== undefined) data.nextMeeting = old.nextMeeting
  return { path: previous.path, data, findings }
}
