import { defaultKeywords } from '@followthrough/core'

/**
 * The reference grammar (MISSION.md, "The reference grammar") as a pure scanner
 * over one run of plain text. It knows nothing about Markdown: the plugin
 * flattens each block to text first, and the language server can call it on a
 * line it is completing.
 */

/** One kind of item in a register: its id prefix and the words prose uses for it (MISSION.md, "Several kinds of item"). */
export interface ReferenceScheme {
  /** The letters before the number of an id, such as `AFI` in `AFI3` (case-sensitive). */
  prefix: string
  /** Words that start a prose reference to this kind, matched case-insensitively, such as `Area for improvement`. */
  keywords: readonly string[]
}

/** Settings of the reference grammar. */
export interface GrammarOptions {
  /** The letters before the number of an id, such as `R` in `R12` (case-sensitive). Default `R`. Ignored when `schemes` is given. */
  prefix?: string
  /** Words that start a prose reference, matched case-insensitively. Default: core's `defaultKeywords`. Ignored when `schemes` is given. */
  keywords?: readonly string[]
  /**
   * Several kinds of item at once, each a prefix and its keywords (the first is
   * the default, for bare numbers in a status table). With schemes, numbers may
   * be dotted (`R4.2`, `Recommendation 4.2.1`). The first scheme with a prefix
   * wins (later ones with that prefix add only their new keywords), and a
   * keyword belongs to the first scheme that names it.
   */
  schemes?: readonly ReferenceScheme[]
}

/** One recommendation named in a text, with offsets into that text (end exclusive). */
export interface ScannedReference {
  /** The id with its prefix, such as `R12` or `R12a`. */
  id: string
  /** The register named by a qualifier (`iitcse` in `iitcse:R12`), if any. */
  register?: string
  /** Start of the span that names this recommendation (see README, "Spans"). */
  start: number
  /** End of that span (exclusive). */
  end: number
  /** Start of the whole phrase this reference belongs to (`Recommendations 3, 4 and 7`). */
  phraseStart: number
  /** End of the whole phrase (exclusive). */
  phraseEnd: number
}

/** Why a range was not expanded (`mixed-numbers`: dotted ids that differ before their last number, such as `R4.1–R5.2`). */
export type InvalidRangeReason = 'reversed' | 'too-long' | 'mixed-letters' | 'mixed-numbers'

/** A range that was not expanded: its ends are still references, the range itself is a problem. */
export interface InvalidRange {
  /** The first id as written, such as `R5`. */
  from: string
  /** The last id as written, such as `R3`. */
  to: string
  reason: InvalidRangeReason
  /** How many recommendations the range would name (for `too-long`). */
  size: number
  start: number
  end: number
}

/** What one scan finds. */
export interface ScanResult {
  references: ScannedReference[]
  invalidRanges: InvalidRange[]
}

/** A compiled grammar: regular expressions built once, reused for every text. */
export interface ReferenceScanner {
  /** The default scheme's prefix (the first scheme's). */
  readonly prefix: string
  /** Every scheme's keywords, in order. */
  readonly keywords: readonly string[]
  /** The schemes the grammar reads, after merging (one scheme without `schemes`). */
  readonly schemes: readonly ReferenceScheme[]
  /** Every reference in `text`, in order. */
  scan(text: string): ScanResult
  /**
   * Read `text` as a list of bare numbers (`12`, `3–5`, `3, 4 and 7`), as the
   * first cell of a status table may hold; `undefined` unless the whole text
   * (spaces aside) is such a list.
   */
  scanBareNumbers(text: string): ScanResult | undefined
}

/** Ranges naming more recommendations than this are not expanded (`invalid-range`). */
export const maxRangeSize = 200

const wordChars = '\\p{L}\\p{N}_'
// Dashes people type between two numbers: hyphen-minus, the Unicode hyphens and dashes, minus.
const dashes = '\\-\\u2010-\\u2015\\u2212'

/** Escape text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** `Rec.` → `[Rr][Ee][Cc]\.`: case-insensitive letters without the `i` flag, so the prefix stays case-sensitive. */
function caseless(word: string): string {
  let out = ''
  for (const char of word) {
    const lower = char.toLowerCase()
    const upper = char.toUpperCase()
    out += lower !== upper && lower.length === 1 && upper.length === 1 ? `[${upper}${lower}]` : escapeRegExp(char)
  }
  return out
}

/**
 * The alternation that matches any of the keywords as the grammar does:
 * case-insensitive letters, longest first, a keyword ending in a letter ending
 * a word, the words of a keyword of several words apart by any whitespace
 * (a line break too). Editors use it to recognise a reference being typed.
 */
export function keywordPattern(keywords: readonly string[]): string {
  const unique = [...new Set(keywords.map(normalKeyword).filter((keyword) => keyword.length > 0))]
  // Longest first, so `Recommendations` wins over `Recommendation` and `Rec.` over `Rec`.
  unique.sort((a, b) => b.length - a.length)
  return unique
    .map((keyword) => {
      const last = keyword[keyword.length - 1] ?? ''
      const words = keyword.split(' ').map(caseless).join('\\s+')
      // A keyword ending in a letter must end a word (`Recommendationx 12` is nothing).
      return /[\p{L}\p{N}_]/u.test(last) ? `${words}(?![${wordChars}])` : words
    })
    .join('|')
}

/** A keyword as written in settings, trimmed, its inner whitespace one space (`Areas  for improvement` → `Areas for improvement`). */
function normalKeyword(keyword: string): string {
  return keyword.trim().replace(/\s+/g, ' ')
}

/** Whether a keyword names several items ("Recommendations", "Areas for improvement"): a word of it ends in `s`. */
function isPluralKeyword(keyword: string): boolean {
  return normalKeyword(keyword)
    .split(' ')
    .some((word) => /s\.?$/i.test(word))
}

/**
 * The schemes as the grammar reads them: those with a prefix, the first with a
 * prefix winning (a later one with that prefix adds its new keywords), each
 * keyword (case and spacing aside) kept by the first scheme naming it, and
 * schemes left without keywords still reading ids.
 */
export function mergeSchemes(schemes: readonly ReferenceScheme[]): ReferenceScheme[] {
  const byPrefix = new Map<string, { prefix: string; keywords: string[] }>()
  const claimed = new Set<string>()
  for (const scheme of schemes) {
    if (scheme.prefix.length === 0) continue
    let merged = byPrefix.get(scheme.prefix)
    if (merged === undefined) {
      merged = { prefix: scheme.prefix, keywords: [] }
      byPrefix.set(scheme.prefix, merged)
    }
    for (const keyword of scheme.keywords) {
      const key = normalKeyword(keyword).toLowerCase()
      if (key.length === 0 || claimed.has(key)) continue
      claimed.add(key)
      merged.keywords.push(keyword)
    }
  }
  return [...byPrefix.values()]
}

interface NumberToken {
  /** The last number's value (`2` in `4.2`). */
  number: number
  /** The number as written, dotted or not (`4.2`). */
  digits: string
  /** The dotted number before the last part, with its dot (`4.` in `4.2`), else empty. */
  head: string
  letter: string
  start: number
  end: number
}

interface Item {
  from: NumberToken
  to?: NumberToken
  start: number
  end: number
  /** The joiner before this item contains a word or `&` (and, or, &), not only a comma. */
  worded: boolean
}

/**
 * Compile the grammar once (the plugin does this once per instance).
 */
export function compileGrammar(options: GrammarOptions = {}): ReferenceScanner {
  const given = Array.isArray(options.schemes) ? mergeSchemes(options.schemes) : []
  // Dotted numbers come with schemes: without them the grammar reads as it always has ("Recommendation 4.2" is a section).
  const dotted = given.length > 0
  const schemes: ReferenceScheme[] =
    given.length > 0 ? given : [{ prefix: options.prefix !== undefined && options.prefix.length > 0 ? options.prefix : 'R', keywords: [...(options.keywords ?? defaultKeywords)] }]
  const prefix = schemes[0]?.prefix ?? 'R'
  const keywords = schemes.flatMap((scheme) => scheme.keywords)
  // Longest first, so of prefixes `R` and `RB` the id `RB2` is read whole.
  const prefixPattern = [...new Set(schemes.map((scheme) => scheme.prefix))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')
  const keywords$ = keywordPattern(keywords)
  const noWordAfter = `(?![${wordChars}])(?!\\.\\d)`
  const numberPattern = dotted ? '\\d+(?:\\.\\d+)*' : '\\d+'
  // Which scheme a keyword belongs to and whether it names several items, by the keyword in lowercase with single spaces.
  const keywordInfo = new Map<string, { prefix: string; plural: boolean }>()
  for (const scheme of schemes) {
    for (const keyword of scheme.keywords) {
      const normal = normalKeyword(keyword)
      const key = normal.toLowerCase()
      // One word: plural when it ends in `s` (`Recs.` is a count's keyword below, but no plural phrase), as it always was.
      const plural = normal.includes(' ') ? isPluralKeyword(normal) : /s$/i.test(normal)
      if (key.length > 0 && !keywordInfo.has(key)) keywordInfo.set(key, { prefix: scheme.prefix, plural })
    }
  }

  // One pass finds where a reference may start: an id or a keyword, of any scheme. Groups:
  // 1 prefix, 2 digits, 3 letter, 4 keyword. The qualifier (`iitcse:`) is read backwards
  // from the id instead: as an optional group in front it made this scan eight times
  // slower, since every word start had to be tried as a register id.
  const start = new RegExp(`(?<![${wordChars}])(?:(${prefixPattern})(${numberPattern})([a-z]?)${noWordAfter}` + (keywords$.length > 0 ? `|(${keywords$}))` : ')'), 'gu')
  const numberAt = new RegExp(`#?(${numberPattern})([a-z]?)${noWordAfter}`, 'uy')
  const idAt = new RegExp(`(${prefixPattern})(${numberPattern})([a-z]?)${noWordAfter}`, 'uy')
  const afterKeyword = /\s*#?\s*/y
  // Between two ends of a range: a dash with optional spaces, or `to`.
  const rangeJoin = new RegExp(`\\s*[${dashes}]\\s*|\\s+[Tt][Oo]\\s+`, 'y')
  const tightDash = new RegExp(`[${dashes}]`, 'y')
  // Between list members: `,` (Oxford comma too), `and`, `or`, `&`.
  const listJoin = /\s*,\s*(?:(?:[Aa][Nn][Dd]|[Oo][Rr]|&)\s+)?|\s+(?:[Aa][Nn][Dd]|[Oo][Rr])\s+|\s*&\s*/y
  // "3 recommendations" counts; "3 Recommendation 1" names R3 and then R1. Only a
  // plural keyword makes a count, or a singular one after the number 1.
  const pluralKeywords = keywords.filter(isPluralKeyword)
  const singularKeywords = keywords.filter((word) => !isPluralKeyword(word))
  const countKeyword = pluralKeywords.length > 0 ? new RegExp(`\\s+(?:${keywordPattern(pluralKeywords)})`, 'uy') : undefined
  const countOfOne = singularKeywords.length > 0 ? new RegExp(`\\s+(?:${keywordPattern(singularKeywords)})`, 'uy') : undefined
  const trailingSpace = /\s*/y

  function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
    re.lastIndex = at
    return re.exec(text)
  }

  function numberToken(text: string, at: number): NumberToken | undefined {
    const m = matchAt(numberAt, text, at)
    if (m === null) return undefined
    const hash = m[0].startsWith('#') ? 1 : 0
    return token(m[1] ?? '', m[2] ?? '', at + hash, at + m[0].length)
  }

  /** Which scheme a keyword as written belongs to, and whether it is plural. */
  function infoOf(keyword: string): { prefix: string; plural: boolean } {
    const found = keywordInfo.get((/\s/.test(keyword) ? keyword.replace(/\s+/g, ' ') : keyword).toLowerCase())
    if (found !== undefined) return found
    // A letter whose lowercase is not what the keyword's was (`ſ`): ask each scheme's pattern.
    for (const scheme of schemes) {
      if (new RegExp(`^(?:${keywordPattern(scheme.keywords)})$`, 'u').test(keyword)) return { prefix: scheme.prefix, plural: isPluralKeyword(keyword) }
    }
    return { prefix, plural: isPluralKeyword(keyword) }
  }

  /** A number followed by a keyword is a count ("3 recommendations"), not a member. */
  function isCount(text: string, token: NumberToken): boolean {
    if (countKeyword !== undefined && matchAt(countKeyword, text, token.end) !== null) return true
    return token.digits === '1' && token.letter === '' && countOfOne !== undefined && matchAt(countOfOne, text, token.end) !== null
  }

  /** One list member: a number, or a range of numbers. */
  function item(text: string, at: number, worded: boolean): Item | undefined {
    const from = numberToken(text, at)
    if (from === undefined) return undefined
    const join = matchAt(rangeJoin, text, from.end)
    if (join !== null) {
      const to = numberToken(text, from.end + join[0].length)
      if (to !== undefined && !isCount(text, to)) return { from, to, start: from.start, end: to.end, worded }
    }
    return { from, start: from.start, end: from.end, worded }
  }

  /** Members after the first, joined by `,`, `and`, `or`, `&`; and where the last ends. */
  function list(text: string, first: Item, plural: boolean): { items: Item[]; end: number } {
    const items = [first]
    let last = first
    for (;;) {
      const join = matchAt(listJoin, text, last.end)
      if (join === null) break
      const next = item(text, last.end + join[0].length, /[A-Za-z&]/.test(join[0]))
      if (next === undefined || isCount(text, next.to ?? next.from)) break
      items.push(next)
      last = next
    }
    // "Under Recommendation 3, 47 officers were trained": after a singular keyword a
    // comma only lists numbers when the list ends with `and`, `or` or `&`.
    if (!plural && items.length > 1 && !last.worded) return { items: [first], end: first.end }
    return { items, end: last.end }
  }

  function isUrlLike(text: string, at: number): boolean {
    let tokenStart = at
    const limit = Math.max(0, at - 256)
    while (tokenStart > limit && !isSpace(text.charCodeAt(tokenStart - 1))) tokenStart--
    if (tokenStart < at) {
      const token = text.slice(tokenStart, at)
      if (/:\/\/|^[(<[]?www\.|@|^[(<[]?[\w-]+(?:\.[\w-]+)+\//i.test(token)) return true
    }
    // An email address starting with the id (R12@example.org) is no reference
    // either, whether or not a GFM parser made it a link.
    let tokenEnd = at
    const end = Math.min(text.length, at + 256)
    while (tokenEnd < end && !isSpace(text.charCodeAt(tokenEnd))) tokenEnd++
    return /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.test(text.slice(at, tokenEnd))
  }

  function emit(result: ScanResult, items: Item[], phraseStart: number, phraseEnd: number, register: string | undefined, ownPhrase: boolean, prefix: string): void {
    // One item: the whole phrase is its span ("Recommendation 12", "R3–R5").
    // Several: each number's own token, or the range text for a range's members.
    const whole = items.length === 1 && ownPhrase
    for (const entry of items) {
      const push = (id: string, start: number, end: number) => {
        const reference: ScannedReference = { id, start, end, phraseStart, phraseEnd }
        if (register !== undefined) reference.register = register
        result.references.push(reference)
      }
      const itemStart = whole ? phraseStart : entry.start
      const itemEnd = whole ? phraseEnd : entry.end
      const from = entry.from
      const to = entry.to
      if (to === undefined) {
        push(prefix + from.digits + from.letter, itemStart, itemEnd)
        continue
      }
      const problem = rangeProblem(from, to)
      if (problem === undefined) {
        if (from.letter !== '') {
          for (let code = from.letter.charCodeAt(0); code <= to.letter.charCodeAt(0); code++) {
            push(prefix + from.digits + String.fromCharCode(code), itemStart, itemEnd)
          }
        } else {
          for (let n = from.number; n <= to.number; n++) push(prefix + from.head + String(n), itemStart, itemEnd)
        }
        continue
      }
      // Not expanded: both ends are still named, each on its own token.
      // The first end's token includes a qualifier (`iitcse:R5`), not a keyword.
      push(prefix + from.digits + from.letter, entry.start, from.end)
      push(prefix + to.digits + to.letter, to.start, to.end)
      result.invalidRanges.push({
        from: prefix + from.digits + from.letter,
        to: prefix + to.digits + to.letter,
        reason: problem.reason,
        size: problem.size,
        start: itemStart,
        end: itemEnd
      })
    }
  }

  function scan(text: string): ScanResult {
    const result: ScanResult = { references: [], invalidRanges: [] }
    start.lastIndex = 0
    // End of the last phrase read: a qualifier cannot reach back into it.
    let consumed = 0
    let m: RegExpExecArray | null
    while ((m = start.exec(text)) !== null) {
      const idStart = m.index
      const matchEnd = idStart + m[0].length
      if (m[4] === undefined) {
        // The id form: R12, iitcse:R12, R3–R5, R3 to R5, R3–5, AFI2, R4.2.
        const qualifierStart = qualifierAt(text, idStart, consumed)
        const at = qualifierStart < 0 ? idStart : qualifierStart
        if (isUrlLike(text, at)) {
          start.lastIndex = matchEnd
          continue
        }
        const register = qualifierStart < 0 ? undefined : text.slice(qualifierStart, idStart - 1)
        const idPrefix = m[1] ?? prefix
        const from = token(m[2] ?? '', m[3] ?? '', idStart, matchEnd)
        let range: Item = { from, start: at, end: matchEnd, worded: false }
        const join = matchAt(rangeJoin, text, matchEnd)
        if (join !== null) {
          const afterJoin = matchEnd + join[0].length
          const id = matchAt(idAt, text, afterJoin)
          // `R3–5` is a range only with a dash and no spaces; `R3 to 5` is not.
          const bare = id === null && matchAt(tightDash, text, matchEnd)?.[0].length === join[0].length
          // `R3–AFI5` is no range: both ends are read on their own.
          const to =
            id !== null ? (id[1] === idPrefix ? token(id[2] ?? '', id[3] ?? '', afterJoin, afterJoin + id[0].length) : undefined) : bare ? numberToken(text, afterJoin) : undefined
          if (to !== undefined && !(bare && text[afterJoin] === '#')) range = { from, to, start: at, end: to.end, worded: false }
        }
        emit(result, [range], at, range.end, register, true, idPrefix)
        start.lastIndex = consumed = range.end
        continue
      }
      // The prose form: a keyword, optional `#`, then numbers and ranges.
      const at = idStart
      if (isUrlLike(text, at)) {
        start.lastIndex = matchEnd
        continue
      }
      const { prefix: keywordPrefix, plural } = infoOf(m[4])
      if (plural && followsCount(text, at, consumed)) {
        start.lastIndex = matchEnd
        continue
      }
      const gap = matchAt(afterKeyword, text, matchEnd)
      const first = item(text, matchEnd + (gap?.[0].length ?? 0), false)
      if (first === undefined) {
        start.lastIndex = matchEnd
        continue
      }
      const { items, end } = list(text, first, plural)
      emit(result, items, at, end, undefined, true, keywordPrefix)
      start.lastIndex = consumed = end
    }
    return result
  }

  function token(digits: string, letter: string, start: number, end: number): NumberToken {
    const dot = dotted ? digits.lastIndexOf('.') : -1
    return { number: Number(dot < 0 ? digits : digits.slice(dot + 1)), digits, head: dot < 0 ? '' : digits.slice(0, dot + 1), letter, start, end }
  }

  function scanBareNumbers(text: string): ScanResult | undefined {
    const lead = matchAt(trailingSpace, text, 0)?.[0].length ?? 0
    const first = item(text, lead, false)
    if (first === undefined) return undefined
    const { items, end } = list(text, first, true)
    if ((matchAt(trailingSpace, text, end)?.[0].length ?? 0) + end !== text.length) return undefined
    const result: ScanResult = { references: [], invalidRanges: [] }
    // Bare numbers have no keyword: each member's span is its own token.
    emit(result, items, first.start, end, undefined, false, prefix)
    return result
  }

  return { prefix, keywords, schemes, scan, scanBareNumbers }
}

/** The characters JavaScript's `\s` matches, without a regular expression per character. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

const wordChar = /[\p{L}\p{N}_]/u

/** Whether the character (code point) just before `at` is a letter, digit or `_`. */
function wordBefore(text: string, at: number): boolean {
  if (at <= 0) return false
  const code = text.charCodeAt(at - 1)
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  // A low surrogate: test the whole pair it ends.
  const pair = code >= 0xdc00 && code <= 0xdfff && at >= 2 ? text.codePointAt(at - 2) : undefined
  if (pair !== undefined) return wordChar.test(String.fromCodePoint(pair))
  return wordChar.test(text.charAt(at - 1))
}

function isSlugChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45 || code === 95
}

/**
 * Where the register qualifier of the id at `idStart` starts (`iitcse` in
 * `iitcse:R12`), or -1: a lowercase slug right before a colon, starting at a
 * letter or digit that does not follow a word character, and not inside text an
 * earlier phrase already took (before `floor`).
 */
function qualifierAt(text: string, idStart: number, floor: number): number {
  const colon = idStart - 1
  if (colon < 1 || text.charCodeAt(colon) !== 58) return -1
  let from = colon
  while (from > floor && isSlugChar(text.charCodeAt(from - 1))) from--
  for (let i = from; i < colon; i++) {
    const code = text.charCodeAt(i)
    const slugStart = (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
    if (slugStart && !wordBefore(text, i)) return i
  }
  return -1
}

/**
 * "47 recommendations 13 were…": a plural keyword right after a number of up
 * to three digits is a count, unless an earlier phrase took that number
 * ("Recommendation 1 Recs 2 and 3" names R1, R2 and R3, as "R1 Recs 2 and 3" does).
 */
function followsCount(text: string, at: number, floor: number): boolean {
  let i = at
  let spaces = 0
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) {
    i--
    spaces++
  }
  if (spaces === 0) return false
  let digits = 0
  while (i > 0 && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) {
    i--
    digits++
  }
  if (digits === 0 || digits > 3 || i < floor) return false
  // Only a whole number counts: "R12 recommendations" is not a count of 12.
  return i === 0 || !/[\p{L}\p{N}_.]/u.test(text.charAt(i - 1))
}

function rangeProblem(from: NumberToken, to: NumberToken): { reason: InvalidRangeReason; size: number } | undefined {
  if (from.letter !== '' || to.letter !== '') {
    if (from.digits !== to.digits || from.letter === '' || to.letter === '') return { reason: 'mixed-letters', size: 0 }
    const size = to.letter.charCodeAt(0) - from.letter.charCodeAt(0) + 1
    return size < 1 ? { reason: 'reversed', size: 0 } : undefined
  }
  // Dotted ids expand over their last number only: `R4.1–R4.3`, not `R4.1–R5.2` nor `R4–R4.3`.
  if (from.head !== to.head) return { reason: 'mixed-numbers', size: 0 }
  const size = to.number - from.number + 1
  if (size < 1) return { reason: 'reversed', size: 0 }
  if (size > maxRangeSize) return { reason: 'too-long', size }
  return undefined
}

const compiled = new Map<string, ReferenceScanner>()

/**
 * Find every reference in one run of plain text (no Markdown), with offsets
 * into that text. The grammar is compiled once per distinct prefix, keyword
 * list and schemes, and then reused.
 *
 * @example
 * scanReferences('Recommendations 3–5 and R12', {}).references.map((r) => r.id)
 * // → ['R3', 'R4', 'R5', 'R12']
 */
export function scanReferences(text: string, options: GrammarOptions = {}): ScanResult {
  const key = `${options.prefix ?? ''}\u0000${(options.keywords ?? []).join('\u0000')}\u0000${options.keywords === undefined}\u0000${JSON.stringify(options.schemes ?? null)}`
  let scanner = compiled.get(key)
  if (scanner === undefined) {
    // A handful of grammars exist in practice; the cap only guards against misuse.
    if (compiled.size > 32) compiled.clear()
    scanner = compileGrammar(options)
    compiled.set(key, scanner)
  }
  return scanner.scan(text)
}
