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

// Made on first use, not at import: `followthrough --version` needs neither.
let withoutTables: ReturnType<typeof parser> | undefined
let withTables: ReturnType<typeof parser> | undefined

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
export function parseMinutes(text: string): Root {
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
  const position = node.position
  if (position) {
    position.start = { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset }
    position.end = { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset }
  }
  if ('children' in node) for (const child of node.children) shiftPositions(child, lines, offset)
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
