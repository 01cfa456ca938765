import type { Nodes, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import { parse, preprocess } from 'micromark'
import { subtokenize } from 'micromark-util-subtokenize'
import type { Extension } from 'micromark-util-types'
import { guardInline, restoreBlocks, scanComplexity, type ComplexityProblem, type InlineBlock } from './parse-guard.js'

/**
 * The Markdown syntax minutes need, and no more: CommonMark, YAML front
 * matter, GFM task-list items, footnotes and tables. Strikethrough changes
 * nothing the checks read (its text is read either way), and GFM's literal
 * autolinks, which cost about a third of parsing time, are not needed: the
 * reference scanner skips bare URLs and email addresses itself.
 *
 * Tables are the expensive part: micromark's table construct is tried at the
 * start of every line of every paragraph, which slows the whole parse by about
 * 70%. So minutes are parsed without it, and only the top-level paragraphs
 * that hold a table's delimiter row are parsed again with it. A table never
 * spans paragraphs, and without the table construct its lines are one
 * paragraph, so the result is the same tree. When a delimiter-like line sits
 * anywhere else (in a list, a quote, a code block), the whole file is parsed
 * with tables instead, which is always right.
 */

function minutesSyntax(this: Processor, options: { tables: boolean }): void {
  const data = this.data()
  const micromark = (data.micromarkExtensions ??= [])
  const mdast = (data.fromMarkdownExtensions ??= [])
  micromark.push(gfmTaskListItem(), gfmFootnote())
  mdast.push(gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown())
  if (options.tables) {
    micromark.push(gfmTable())
    mdast.push(gfmTableFromMarkdown())
  }
}

function parser(tables: boolean) {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(minutesSyntax, { tables }).freeze()
}

/** Every inline construct, turned off to see only the blocks (see `structure`). */
const inlineConstructs = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'htmlText',
  'labelEnd',
  'labelStartImage',
  'labelStartLink',
  'gfmFootnoteCall',
  'gfmPotentialFootnoteCall',
  'tasklistCheck'
]

let blockExtensions: Extension[] | undefined

/**
 * The paragraphs, headings and table cells of `text`, from micromark's events
 * before inline content is tokenized: flow only, which is linear once the
 * scan has guarded nesting, lazy lines and tables.
 */
function inlineBlocks(text: string): InlineBlock[] {
  blockExtensions ??= [
    ...(unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze().data('micromarkExtensions') ?? []),
    gfmTable(),
    gfmTaskListItem(),
    gfmFootnote(),
    { disable: { null: inlineConstructs } }
  ]
  const events = parse({ extensions: blockExtensions })
    .document()
    .write(preprocess()(text, undefined, true))
  // One pass expands the flow (paragraphs come from content as it resolves) but not the text in it.
  subtokenize(events)
  const blocks: InlineBlock[] = []
  for (const [kind, token] of events) {
    if (kind !== 'enter') continue
    const type = token.type
    const block: InlineBlock['kind'] | undefined =
      type === 'paragraph' ? 'paragraph' : type === 'atxHeading' || type === 'setextHeading' ? 'heading' : type === 'tableHeader' || type === 'tableData' ? 'table cell' : undefined
    if (block !== undefined) blocks.push({ kind: block, start: token.start.offset, end: token.end.offset })
  }
  return blocks
}

// Made on first use, not at import: `followthrough --version` needs neither.
let withoutTables: ReturnType<typeof parser> | undefined
let withTables: ReturnType<typeof parser> | undefined

/** A parse and the limits of `complexityLimits` it hit. */
export interface GuardedParse {
  tree: Root
  problems: readonly ComplexityProblem[]
}

/**
 * Parse minutes into an mdast tree in linear time, whatever the text: blocks
 * over a limit of {@link complexityLimits} are read as plain text and carry
 * the reason (see `parse-guard.ts`), which the plugin reports as `too-complex`.
 */
export function parseMinutes(text: string): Root {
  return parseGuarded(text).tree
}

/** {@link parseMinutes}, also saying which limits were hit and where. */
export function parseGuarded(text: string): GuardedParse {
  let guarded = scanComplexity(text)
  // Only when some run of lines holds many inline markers or lines: then the
  // blocks (flow only, which is linear) say which paragraph holds them.
  if (guarded.inlineSuspect) guarded = guardInline(guarded, inlineBlocks(guarded.text))
  const tree = parseFast(guarded.text)
  if (guarded.replaced.length > 0) restoreBlocks(tree, text, guarded)
  return { tree, problems: guarded.problems }
}

/**
 * A GFM table delimiter row (`| --- | :-: |`): dashes, colons, and at least one
 * pipe, after any indentation or quote markers (so tables in lists and quotes
 * are counted too, and send the file to the full parse).
 */
const delimiterRow = /^(?:[ \t]*>)*[ \t]*(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$/gm

function countDelimiterRows(text: string): number {
  delimiterRow.lastIndex = 0
  let count = 0
  while (delimiterRow.exec(text) !== null) count++
  return count
}

/** Parse minutes into an mdast tree, spending the table parse only where a table is. */
function parseFast(text: string): Root {
  withoutTables ??= parser(false)
  const tree = withoutTables.parse(text)
  const total = countDelimiterRows(text)
  if (total === 0) return tree

  const children: RootContent[] = []
  let expanded = 0
  for (const node of tree.children) {
    const start = node.position?.start
    const end = node.position?.end
    if (node.type !== 'paragraph' || start?.offset === undefined || end?.offset === undefined) {
      children.push(node)
      continue
    }
    // From the start of the paragraph's first line, so columns stay the same.
    const from = start.offset - (start.column - 1)
    const slice = text.slice(from, end.offset)
    const rows = countDelimiterRows(slice)
    if (rows === 0) {
      children.push(node)
      continue
    }
    expanded += rows
    const part = fromMarkdown(slice, {
      extensions: [gfmTable(), gfmTaskListItem(), gfmFootnote()],
      mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown()]
    })
    for (const child of part.children) {
      shiftPositions(child, start.line - 1, from)
      children.push(child)
    }
  }
  if (expanded !== total) return (withTables ??= parser(true)).parse(text)
  tree.children = children
  return tree
}

/** Move a subtree parsed from a slice to where the slice is in the file. */
export function shiftPositions(node: Nodes, lines: number, offset: number): void {
  // A loop with its own stack: any depth of nesting.
  const stack: Nodes[] = [node]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const position = next.position
    if (position) {
      position.start = { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset }
      position.end = { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset }
    }
    if ('children' in next) for (const child of next.children) stack.push(child)
  }
}

/** The start of the line holding `offset` (lines end at `\n`, `\r\n` or `\r`). */
export function lineStart(text: string, offset: number): number {
  let at = offset
  // Between the two characters of a `\r\n`: still on the line the pair ends.
  if (at > 0 && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10) at--
  while (at > 0) {
    const code = text.charCodeAt(at - 1)
    if (code === 10 || code === 13) break
    at--
  }
  return at
}
