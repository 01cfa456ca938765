import { compareIds, escapeMarkdown, idSortKey, type Recommendation, type Register } from '@followthrough/core'
import { lineStart, referenceSchemes } from '@followthrough/engine'
import { escapeRegExp, keywordPattern, type ReferenceScheme } from '@followthrough/remark-recommendations'
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types'
import type { FolderIndex } from './folder-index.js'
import type { RegisterEntry } from './last-good.js'
import { editorMarkdown, editorParagraphs } from './text.js'
import type { PlacedDocument } from './workspace-index.js'

/**
 * Completion of recommendation ids where the reference grammar expects one:
 * after a prefix (`R`, `R1`, `iitcse:R`, `AFI`) or after a keyword and any list
 * already written (`Recommendation `, `Recs 3, `, `Rec. #`, `Areas for
 * improvement `), for every scheme of the registers, each offering its own ids. After a keyword
 * the word typed may be a number or a word of the wording: `Recommendation
 * train` offers the recommendations whose title or text has a word starting
 * with "train", and inserts the number. Items come sorted by id (R2 before
 * R10), with the status and title shown.
 */

/** What completion needs besides the document. */
export interface CompletionOptions {
  /** Today (`YYYY-MM-DD`), for the status shown. */
  today: string
}

interface Grammar {
  id: RegExp
  keyword: RegExp | undefined
  /** The scheme (its prefix) of each keyword, in lowercase with single spaces. */
  prefixOf: ReadonlyMap<string, string>
}

const grammars = new Map<string, Grammar>()

/** The two contexts, built from the schemes (the grammar's own settings: every register's, else the config's prefix and keywords). */
function grammarOf(schemes: readonly ReferenceScheme[]): Grammar {
  const key = JSON.stringify(schemes)
  let grammar = grammars.get(key)
  if (grammar) return grammar
  // The keywords exactly as the grammar matches them.
  const alternatives = keywordPattern(schemes.flatMap((scheme) => scheme.keywords))
  const prefixes = [...new Set(schemes.map((scheme) => scheme.prefix))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')
  // Members already written: numbers (dotted too) and ranges joined by `,`, `and`, `or`, `&`, dashes or `to`.
  const member = `\\d+(?:\\.\\d+)*[a-z]?`
  const join = `(?:\\s*,\\s*(?:(?:[Aa][Nn][Dd]|[Oo][Rr]|&)\\s+)?|\\s+(?:[Aa][Nn][Dd]|[Oo][Rr])\\s+|\\s*&\\s*|\\s*[-\\u2010-\\u2015\\u2212]\\s*|\\s+[Tt][Oo]\\s+)`
  const prefixOf = new Map<string, string>()
  for (const scheme of schemes) for (const word of scheme.keywords) prefixOf.set(normalWords(word), scheme.prefix)
  grammar = {
    id: new RegExp(`(?<![\\p{L}\\p{N}_])(?:([a-z0-9][a-z0-9_-]*):)?(${prefixes})(\\d*(?:\\.\\d*)*[a-z]?)$`, 'u'),
    keyword:
      alternatives.length > 0
        ? new RegExp(`(?<![\\p{L}\\p{N}_])(${alternatives})[*_]*\\s*#?\\s*[*_]*(?:(?:${member})${join})*(\\p{L}[\\p{L}\\p{N}'’-]*|\\d+(?:\\.\\d*)*[a-z]?)?$`, 'u')
        : undefined,
    prefixOf
  }
  grammars.set(key, grammar)
  return grammar
}

/** A keyword as a key: lowercase, its words apart by one space. */
function normalWords(keyword: string): string {
  return keyword.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The context at the cursor: what was typed, where it starts, and the register it names. */
interface Context {
  /** `id`: after a prefix; `keyword`: after a keyword; `words`: in the middle of typing a keyword ("Areas f"). */
  form: 'id' | 'keyword' | 'words'
  /** The prefix of the ids it names (`AFI` after `AFI` or "Areas for improvement"). */
  prefix: string
  /** The characters typed so far (digits or a word; empty right after a keyword). */
  typed: string
  /** Offset where the replaced text starts. */
  start: number
  /** Offset where it ends (the rest of a word after the cursor is replaced too). */
  end: number
  qualifier?: string
  /** For `words`: the keywords that start with what was typed, with their scheme's prefix. */
  keywords?: Array<{ keyword: string; prefix: string }>
}

/** Where completion applies at an offset, reading the line before the cursor. */
export function completionContext(text: string, offset: number, schemes: readonly ReferenceScheme[]): Context | undefined {
  // A reference may continue over one line break inside a paragraph ("Recommendation\n14"),
  // so the previous line counts too, unless a blank line ends the paragraph.
  const from = lineStart(text, offset)
  let before = text.slice(from > 0 ? lineStart(text, from - 1) : from, offset)
  if (/(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/.test(before) || before.length > 400) before = text.slice(Math.max(from, offset - 400), offset)
  let end = offset
  while (end < text.length && /[\p{L}\p{N}]/u.test(text.charAt(end))) end++
  const grammar = grammarOf(schemes)
  const id = grammar.id.exec(before)
  if (id) {
    const qualifier = id[1]
    const start = offset - id[0].length + (qualifier !== undefined ? qualifier.length + 1 : 0)
    const context: Context = { form: 'id', prefix: id[2] ?? '', typed: id[3] ?? '', start, end }
    if (qualifier !== undefined) context.qualifier = qualifier
    return context
  }
  const keyword = grammar.keyword?.exec(before)
  if (keyword) {
    const typed = keyword[2] ?? ''
    const prefix = grammar.prefixOf.get(normalWords(keyword[1] ?? '')) ?? schemes[0]?.prefix ?? 'R'
    return { form: 'keyword', prefix, typed, start: offset - typed.length, end }
  }
  const words = keywordsBeingTyped(before, schemes)
  if (words) return { form: 'words', prefix: words.keywords[0]?.prefix ?? '', typed: words.typed, start: offset - words.typed.length, end, keywords: words.keywords }
  return undefined
}

/**
 * A keyword being typed, such as "Areas f" of "Areas for improvement": the
 * longest run at the end of `before` that starts a word, holds two letters or
 * more and begins one of the schemes' keywords without completing it (a whole
 * keyword is the keyword form). Words apart by any white space within a paragraph.
 */
function keywordsBeingTyped(before: string, schemes: readonly ReferenceScheme[]): { typed: string; keywords: Array<{ keyword: string; prefix: string }> } | undefined {
  const all = schemes.flatMap((scheme) => scheme.keywords.map((keyword) => ({ keyword, prefix: scheme.prefix, key: keyWords(keyword) })))
  const longest = Math.max(0, ...all.map((entry) => entry.keyword.length))
  // White space may be wider than the keyword's single spaces: leave room for it.
  const from = Math.max(0, before.length - longest * 2)
  for (let at = from; at < before.length; at++) {
    if (!/\p{L}/u.test(before.charAt(at)) || /[\p{L}\p{N}_.]/u.test(before.charAt(at - 1))) continue
    const typed = before.slice(at)
    if (/(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/.test(typed) || (typed.match(/\p{L}/gu)?.length ?? 0) < 2) continue
    const key = keyWords(typed)
    const seen = new Set<string>()
    const keywords = all.filter((entry) => entry.key.startsWith(key) && entry.key !== key.trimEnd() && !seen.has(entry.key) && seen.add(entry.key))
    if (keywords.length > 0) return { typed, keywords: keywords.map(({ keyword, prefix }) => ({ keyword, prefix })) }
  }
  return undefined
}

/** Typed text or a keyword as a key: lowercase, white space as single spaces (a trailing one kept: "Areas " goes on to "for"). */
function keyWords(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase()
}

/** The number of an id of the scheme with this prefix (`AFI3` → `3`), or undefined for an id of another scheme. */
function numberOf(id: string, prefix: string): string | undefined {
  const number = id.startsWith(prefix) ? id.slice(prefix.length) : ''
  return /^\d/.test(number) ? number : undefined
}

/** Whether a word of the title or text starts with `typed` (case and accents aside). */
function wordingMatches(recommendation: Recommendation, typed: string): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
  const wanted = fold(typed)
  const words = fold(`${recommendation.title} ${recommendation.text ?? ''}`).split(/[^\p{L}\p{N}]+/u)
  return words.some((word) => word.startsWith(wanted))
}

/** The registers whose ids apply: the qualifier's, the minutes' own, else every register. */
function registersFor(folder: FolderIndex, placed: PlacedDocument, qualifier: string | undefined): Array<{ entry: RegisterEntry; register: Register }> {
  const all = folder.registers.flatMap((entry) => (entry.register ? [{ entry, register: entry.register }] : []))
  if (qualifier !== undefined) return all.filter((candidate) => candidate.register.inquiry.id === qualifier)
  const own = placed.minutes?.analysis.data.register
  if (own !== undefined) {
    const mine = all.filter((candidate) => candidate.register.inquiry.id === own)
    if (mine.length > 0) return mine
  }
  return all
}

/** The completion items at an offset. */
export function getCompletions(placed: PlacedDocument, offset: number, positionAt: (offset: number) => Position, options: CompletionOptions): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] }
  const folder = placed.folder
  const workspace = folder.workspace
  if (!placed.minutes || !workspace) return empty
  const context = completionContext(placed.text, offset, referenceSchemes(workspace.context.registers, workspace.config.config))
  if (!context) return empty
  const registers = registersFor(folder, placed, context.qualifier)
  const several = registers.length > 1
  const range = { start: positionAt(context.start), end: positionAt(context.end) }
  const statuses = new Map<string, string>()
  for (const progress of folder.progress(options.today)) for (const status of progress.statuses) statuses.set(`${progress.register.id}:${status.id}`, status.status)
  if (context.form === 'words') return { isIncomplete: true, items: keywordItems(context, registers, range) }
  const word = context.form === 'keyword' && /^\p{L}/u.test(context.typed)
  const items: CompletionItem[] = []
  for (const { register } of registers) {
    const registerId = register.inquiry.id
    const sorted = [...register.recommendations].sort((a, b) => compareIds(a.id, b.id))
    for (const recommendation of sorted) {
      // Only the ids of the scheme typed: `AFI` and "Areas for improvement" offer AFI ids.
      const number = numberOf(recommendation.id, context.prefix)
      if (number === undefined) continue
      if (word) {
        if (!wordingMatches(recommendation, context.typed)) continue
      } else if (context.form === 'keyword' ? !number.startsWith(context.typed) : !number.startsWith(context.typed)) {
        continue
      }
      const status = statuses.get(`${registerId}:${recommendation.id}`)
      // With several registers and no qualifier, an id form item says which register it is.
      const qualified = several && context.form === 'id' && context.qualifier === undefined
      const label = qualified ? `${registerId}:${recommendation.id}` : recommendation.id
      const newText = context.form === 'keyword' ? number : qualified ? `${registerId}:${recommendation.id}` : recommendation.id
      const item: CompletionItem = {
        label,
        labelDetails: { description: recommendation.title },
        kind: CompletionItemKind.Reference,
        detail: `${status ?? recommendation.status ?? 'not-started'} · ${recommendation.title}${several ? ` (${registerId})` : ''}`,
        documentation: {
          kind: 'markdown',
          value: `**${recommendation.id}** · ${escapeMarkdown(recommendation.title, editorMarkdown)}${recommendation.text ? `\n\n${escapeMarkdown(recommendation.text, editorParagraphs)}` : ''}`
        },
        sortText: `${several ? registerId : ''}${idSortKey(recommendation.id)}`,
        // The editor filters by the typed text: a word of the wording must still match.
        filterText: word ? `${context.typed} ${recommendation.title}` : context.form === 'keyword' ? number : label,
        textEdit: { range, newText }
      }
      items.push(item)
    }
  }
  // Filtering by wording happens here, so ask again as the word grows.
  return { isIncomplete: true, items }
}

/**
 * The keywords that complete what is being typed ("Areas f" → "Areas for
 * improvement "), each saying which ids it names. The first letter keeps the
 * case typed, as prose at the start of a sentence or in the middle of one wants.
 */
function keywordItems(context: Context, registers: ReadonlyArray<{ register: Register }>, range: Range): CompletionItem[] {
  const lower = /^\p{Ll}/u.test(context.typed)
  return (context.keywords ?? []).map(({ keyword, prefix }) => {
    const ids = registers.flatMap(({ register }) => register.recommendations.map((recommendation) => recommendation.id).filter((id) => numberOf(id, prefix) !== undefined))
    const example = ids.sort(compareIds).slice(0, 3).join(', ')
    const text = lower ? keyword.charAt(0).toLowerCase() + keyword.slice(1) : keyword
    return {
      label: keyword,
      kind: CompletionItemKind.Keyword,
      detail: ids.length > 0 ? `names ${prefix} ids: ${example}${ids.length > 3 ? ', …' : ''}` : `names ${prefix} ids`,
      filterText: context.typed,
      sortText: keyword.toLowerCase(),
      textEdit: { range, newText: `${text} ` }
    }
  })
}
