import type { Inquiry, Owner } from '@followthrough/core'
import { yamlScalar } from './minutes-template.js'

/**
 * Drafting a register from an inquiry report's text (Markdown, or plain text
 * such as `pdftotext` output): the recommendations it numbers, their titles,
 * texts and proposed owners, and every passage it could not place. Pure: the
 * caller reads the report and writes the register.
 */

/** A recommendation found in the report, with the lines it spans (1-based). */
export interface DraftedRecommendation {
  id: string
  title: string
  text?: string
  owners: string[]
  line: number
  endLine: number
}

/** Text the drafter could not place in the register, and why. */
export interface DraftPassage {
  line: number
  endLine: number
  text: string
  reason: string
}

/** A recommendation numbered again: the first is kept. */
export interface DraftDuplicate {
  id: string
  line: number
  first: number
}

/** What {@link draftRegister} found. */
export interface RegisterDraft {
  inquiry: Inquiry
  owners: Owner[]
  recommendations: DraftedRecommendation[]
  /** Passages in a recommendations section that are not recommendations, and recommendations without text. */
  unplaced: DraftPassage[]
  duplicates: DraftDuplicate[]
  /** Ids missing from the numbering (`R4` when R3 and R5 were found). */
  missing: string[]
  /** Ids whose owner could not be proposed from the subject: they are given {@link ownerToConfirm}. */
  unowned: string[]
}

/** The owner of a recommendation whose subject names nobody: valid in a register, plainly a placeholder. */
export const ownerToConfirm: Owner = { id: 'owner-to-confirm', name: 'Owner to be confirmed' }

interface Line {
  number: number
  text: string
}

interface OpenItem {
  id: string
  line: number
  endLine: number
  parts: string[]
}

interface Passage {
  line: number
  endLine: number
  parts: string[]
}

/** `Recommendation 12: …`, `**Recommendation 12.** …`, `RECOMMENDATION 12 – …`; the label alone on its line too. */
const recommendationLabel = /^(?:[Rr]ecommendation|RECOMMENDATION)\s+(\d{1,4})([a-z]?)(?:\s*[:.)–—-]\s*|\s*$|\s+(?=[A-Z"'“‘(]))(.*)$/
/** `R12 …`, `R12: …`, `R12a. …`. */
const shortLabel = /^R(\d{1,4})([a-z]?)(?:\s*[:.)–—-]\s*|\s+(?=[A-Z"'“‘(])|\s*$)(.*)$/
/** `12. …` or `12) …` or `(12) …`: an item of a numbered list, under a heading containing "Recommendations". */
const listItem = /^\(?(\d{1,4})([a-z]?)[.)]\s+(.*)$/
/** A line that continues a list inside a recommendation: `(a) …`, `a) …`, `(iv) …`, `• …`, `- …`. */
const subItem = /^(?:\(?[a-z]{1,4}\)|[•▪◦●·*–-])\s/
/** Lines pdftotext leaves between pages: a page number, `Page 3 of 40`. */
const pageNoise = /^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$/i
/** A contents line: a title then dot leaders or a page number. */
const contentsLine = /(?:\.{3,}|…)\s*\d*$|\s\d{1,4}$/

/**
 * Draft a register from a report's text. Recommendations are found in the
 * forms reports use: `Recommendation 12: The council should…`, `R12 …`, and
 * a numbered list under a heading containing "Recommendations". Wrapped lines
 * are joined (a word broken by a hyphen at the end of a line is mended), the
 * first sentence becomes the title and the rest the text, and owners are
 * proposed from the subject ("West Mercia Police should…" → `west-mercia-police`).
 * `status` is left unset. Duplicates keep the first; gaps in the numbering
 * are listed in `missing`.
 */
export function draftRegister(source: string, inquiry: Inquiry): RegisterDraft {
  const lines = source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, index): Line => ({ number: index + 1, text: cleanLine(text) }))

  const items: OpenItem[] = []
  const unplaced: DraftPassage[] = []
  let inSection = false
  let current: OpenItem | undefined
  let passage: Passage | undefined
  let blankBefore = true

  const closePassage = () => {
    if (passage) unplaced.push({ line: passage.line, endLine: passage.endLine, text: joinLines(passage.parts), reason: 'not a numbered recommendation' })
    passage = undefined
  }

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line
    const text = stripMarkup(line.text)
    if (text === '' || pageNoise.test(text) || /^[-=*_]{3,}$/.test(text)) {
      blankBefore = true
      closePassage()
      continue
    }
    const start = recommendationStart(text, inSection, blankBefore ? undefined : current)
    if (start) {
      closePassage()
      current = { id: start.id, line: line.number, endLine: line.number, parts: start.rest === '' ? [] : [start.rest] }
      items.push(current)
      blankBefore = false
      continue
    }
    // A label alone on its line: the next paragraph is its text, even short and standing alone, when it recommends something.
    const heading = current?.parts.length === 0 && !/^#/.test(line.text.trim()) && modal.test(text) ? undefined : headingText(lines, index, blankBefore)
    if (heading !== undefined) {
      closePassage()
      current = undefined
      // Only the end of a heading can be a page number (and a regular expression on its end alone stays linear).
      inSection = /recommendations/i.test(heading) && !contentsLine.test(heading.slice(-40))
      // A setext heading's underline is part of it.
      if (/^\s*(?:=+|-+)\s*$/.test(lines[index + 1]?.text ?? '')) index++
      blankBefore = true
      continue
    }
    if (current && (!blankBefore || current.parts.length === 0 || continues(current, text))) {
      current.parts.push(text)
      current.endLine = line.number
    } else {
      current = undefined
      if (inSection || /^recommendation\b/i.test(text)) {
        if (passage && !blankBefore) {
          passage.parts.push(text)
          passage.endLine = line.number
        } else {
          closePassage()
          passage = { line: line.number, endLine: line.number, parts: [text] }
        }
      }
    }
    blankBefore = false
  }
  closePassage()

  const recommendations: DraftedRecommendation[] = []
  const duplicates: DraftDuplicate[] = []
  const owners = new Map<string, Owner>()
  const unowned: string[] = []
  const firstLine = new Map<string, number>()
  for (const item of items) {
    const body = joinLines(item.parts)
    const first = firstLine.get(item.id)
    if (first !== undefined) {
      duplicates.push({ id: item.id, line: item.line, first })
      continue
    }
    if (body === '') {
      unplaced.push({ line: item.line, endLine: item.endLine, text: lines[item.line - 1]?.text.trim() ?? item.id, reason: `${item.id} has no text` })
      continue
    }
    firstLine.set(item.id, item.line)
    const [title, rest] = splitFirstSentence(body)
    let proposed = proposeOwners(title)
    if (proposed.length === 0) {
      unowned.push(item.id)
      proposed = [ownerToConfirm]
    }
    for (const owner of proposed) if (!owners.has(owner.id)) owners.set(owner.id, owner)
    recommendations.push({
      id: item.id,
      title,
      ...(rest !== '' ? { text: rest } : {}),
      owners: [...new Set(proposed.map((owner) => owner.id))],
      line: item.line,
      endLine: item.endLine
    })
  }
  unplaced.sort((a, b) => a.line - b.line)
  return { inquiry, owners: [...owners.values()], recommendations, unplaced, duplicates, missing: missingIds(recommendations), unowned }
}

/** A line as the drafter reads it: form feeds gone, ligatures spelled out, tabs as spaces, no trailing space. */
function cleanLine(text: string): string {
  return text
    .replace(/\f/g, '')
    .replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize('NFKC'))
    .replace(/\t/g, ' ')
    .trimEnd()
}

/** The words of a line without Markdown's block markers and strong emphasis. */
function stripMarkup(text: string): string {
  return text
    .replace(/^\s*(?:>\s*)*/, '')
    .replace(/^[-*+]\s+/, '')
    .replace(/\*\*|__/g, '')
    .trim()
}

/**
 * The recommendation a line starts, if any. A numbered list item counts only
 * in a recommendations section, and straight after another item's line only
 * when it comes a little after that item: a wrapped line starting "2024. The…"
 * is not recommendation 2024.
 */
function recommendationStart(text: string, inSection: boolean, previous: OpenItem | undefined): { id: string; rest: string } | undefined {
  const labelled = recommendationLabel.exec(text) ?? shortLabel.exec(text)
  const match = labelled ?? (inSection ? listItem.exec(text) : null)
  if (!match) return undefined
  const [, digits = '', suffix = '', rest = ''] = match
  const number = Number(digits)
  if (!labelled && previous) {
    const last = Number(/\d+/.exec(previous.id)?.[0])
    if (!(number > last && number <= last + 5) && !(number === last && suffix !== '')) return undefined
  }
  return { id: `R${String(number)}${suffix.toLowerCase()}`, rest: rest.trim() }
}

/**
 * The text of a heading at `index`: a Markdown heading (`#`, or underlined),
 * or, in plain text, a short line standing alone between blank lines without
 * a sentence's closing punctuation.
 */
function headingText(lines: readonly Line[], index: number, blankBefore: boolean): string | undefined {
  const text = (lines[index] as Line).text.trim()
  if (/^#{1,6}\s/.test(text)) return stripMarkup(withoutClosingHashes(text.replace(/^#+/, '')))
  const next = lines[index + 1]?.text.trim() ?? ''
  if (/^(?:=+|-+)$/.test(next)) return stripMarkup(text)
  const words = stripMarkup(text)
  if (!blankBefore || next !== '' || words.length > 80 || /[.,;!?]$/.test(words) || words.split(/\s+/).length > 10) return undefined
  return /^[A-Z0-9]/.test(words) ? words : undefined
}

/** An ATX heading's text without its closing hashes (`## Recommendations ##`), without a backtracking pattern. */
function withoutClosingHashes(text: string): string {
  let end = text.trimEnd().length
  while (end > 0 && text.charAt(end - 1) === '#') end--
  return text.slice(0, end).trim()
}

/** Whether a paragraph after a blank line still belongs to the recommendation before it. */
function continues(item: OpenItem, text: string): boolean {
  const last = item.parts[item.parts.length - 1] ?? ''
  // A sentence broken across a page, a list the recommendation introduces, or an item of that list.
  return /^[a-z]/.test(text) || /[:;,]$/.test(last) || /-$/.test(last) || subItem.test(text)
}

/** Wrapped lines as one paragraph: a word broken by a hyphen at a line's end is mended (`organi-` + `sation`). */
function joinLines(parts: readonly string[]): string {
  // Pieces joined once at the end: each test looks at one line, so a paragraph of many lines stays linear.
  const pieces: string[] = []
  for (const part of parts) {
    const last = pieces.length - 1
    const previous = pieces[last]
    if (previous === undefined) pieces.push(part)
    else if (/[A-Za-z]\u00AD?-$/.test(previous) && /^[a-z]/.test(part)) {
      pieces[last] = previous.replace(/\u00AD?-$/, '')
      pieces.push(part)
    } else if (previous.endsWith('\u00AD')) {
      pieces[last] = previous.slice(0, -1)
      pieces.push(part)
    } else pieces.push(' ', part)
  }
  return pieces.join('').replace(/\s+/g, ' ').trim()
}

/** Words ending in a full stop that do not end a sentence. */
const abbreviations = /(?:^|\s)(?:e\.g|i\.e|etc|cf|vs|Mr|Mrs|Ms|Dr|Cllr|No|St|para|paras|ch|p|pp)\.$/i

/** The first sentence (without its full stop) and the rest. */
function splitFirstSentence(body: string): [string, string] {
  const ends = /[.!?]["'”’)]?(?=\s+["'“‘(]?[A-Z0-9])/g
  for (let match = ends.exec(body); match; match = ends.exec(body)) {
    const end = match.index + match[0].length
    // The few characters before the stop are enough to see an abbreviation, and keep the test linear.
    if (match[0].startsWith('.') && abbreviations.test(body.slice(Math.max(0, match.index - 10), match.index + 1))) continue
    return [withoutFullStop(body.slice(0, end)), body.slice(end).trim()]
  }
  return [withoutFullStop(body), '']
}

function withoutFullStop(sentence: string): string {
  const trimmed = sentence.trim()
  return /[^.]\.$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed
}

/** The verbs of a recommendation; the words before the first are its subject. */
const modal = /\s(?:should|must|shall|will|needs?\s+to|ought\s+to|is\s+to|are\s+to)\b/i

/** Words that make a phrase an organisation's name, for splitting "The council and West Mercia Police". */
const organisationWords =
  /\b(?:council|councils|police|constabulary|service|services|board|boards|partnership|partnerships|nhs|trust|trusts|commissioner|office|department|government|authority|authorities|agency|agencies|ministry|schools|colleges|university|inspectorate|ofsted|panel|committee|executive|commission|force|forces|partners|providers|secretary|minister|mayor|icb|cqc|hmicfrs)\b/i

/** Words a proper name may have in lower case: "Telford and Wrekin Council", "Department for Education". */
const nameJoiners = /^(?:and|of|for|the|in|on|&)$/

/**
 * Whether a subject reads as an organisation: "the …", a name with an
 * organisation's word (council, police, board, trust…), an acronym (PCC), or a
 * proper name of several words. Not "A supervisor", "Every investigation",
 * "Frontline officers and staff" or "Children".
 */
function looksLikeOrganisation(phrase: string): boolean {
  if (/^(?:a|an|every|each|no|any|some|all|such|many|most)\s/i.test(phrase)) return false
  if (/^the\s/i.test(phrase) || organisationWords.test(phrase) || /^[A-Z]{2,}$/.test(phrase)) return true
  const words = phrase.split(/\s+/)
  return words.length > 1 && words.every((word) => /^[A-Z0-9]/.test(word) || nameJoiners.test(word))
}

/** Subjects that are not an organisation. */
const pronouns = /^(?:it|this|that|these|those|they|there|we|he|she|you|which|who|one)$/i

/**
 * Owners proposed from the subject of a recommendation's first sentence: the
 * words before "should" (or must, shall, will, needs to), without "We
 * recommend that" or an aside after a comma. Several organisations joined by
 * "and" or commas become several owners only when each part reads as an
 * organisation, so "Telford and Wrekin Council" stays one.
 */
function proposeOwners(sentence: string): Owner[] {
  const cleaned = sentence
    .replace(/^(?:(?:we|the\s+(?:inquiry|panel|review|report))\s+(?:therefore\s+)?recommends?\s+(?:that\s+)?|it\s+is\s+recommended\s+that\s+|that\s+)/i, '')
    .trim()
  const verb = modal.exec(cleaned)
  if (!verb || verb.index > 120) return []
  let subject = cleaned.slice(0, verb.index).replace(/\s*\(.*$/, '')
  // An aside ("The council, working with its partners, should"), not a list ("The council, the police and the PCC").
  const aside = /,\s+(?=[a-z])(?!(?:the|and)\s)/.exec(subject)
  if (aside) subject = subject.slice(0, aside.index)
  subject = subject.replace(/[,;:]+$/, '').trim()
  if (subject === '' || subject.split(/\s+/).length > 10 || pronouns.test(subject) || !/[A-Za-z]/.test(subject)) return []
  const parts = subject.split(/\s*,\s*(?:and\s+)?|\s+and\s+/i).filter((part) => part !== '')
  const names = parts.length > 1 && parts.every((part) => /^the\s/i.test(part) || organisationWords.test(part)) ? parts : [subject]
  if (!names.every(looksLikeOrganisation)) return []
  return names.flatMap((name) => {
    const owner = ownerFromName(name)
    return owner ? [owner] : []
  })
}

function ownerFromName(phrase: string): Owner | undefined {
  const bare = phrase.replace(/^the\s+/i, '').trim()
  if (pronouns.test(bare)) return undefined
  const name = bare.charAt(0).toUpperCase() + bare.slice(1)
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return id === '' ? undefined : { id, name }
}

/** Numbers missing between 1 and the highest found, per letter prefix; nothing for numbering that large (a year is not a recommendation). */
function missingIds(recommendations: readonly DraftedRecommendation[]): string[] {
  const numbers = new Set(recommendations.map((recommendation) => Number(/\d+/.exec(recommendation.id)?.[0])))
  const highest = [...numbers].reduce((most, number) => Math.max(most, number), 0)
  if (highest > 1000) return []
  const missing: string[] = []
  for (let number = 1; number <= highest; number++) if (!numbers.has(number)) missing.push(`R${String(number)}`)
  return missing
}

/** How {@link registerText} writes a register. */
export interface RegisterTextOptions {
  /** The register's JSON Schema, for the `yaml-language-server` comment. */
  schema?: string
  /** Comment lines under the schema line (without `#`). */
  comment?: readonly string[]
}

/** What {@link registerText} writes: an inquiry, its owners and recommendations (those of a draft keep their lines). */
export interface RegisterContent {
  inquiry: Inquiry
  owners: readonly Owner[]
  recommendations: ReadonlyArray<Pick<DraftedRecommendation, 'id' | 'title' | 'text' | 'owners'> & { line?: number }>
}

/**
 * A register as YAML, in the order and style of the example register; each
 * drafted recommendation says which line of the report it came from.
 */
export function registerText(content: RegisterContent, options: RegisterTextOptions = {}): string {
  const out: string[] = []
  if (options.schema !== undefined) out.push(`# yaml-language-server: $schema=${options.schema}`)
  if (options.comment && options.comment.length > 0) out.push(...(options.schema !== undefined ? ['#'] : []), ...options.comment.map((line) => (line === '' ? '#' : `# ${line}`)))
  if (out.length > 0) out.push('')
  out.push('inquiry:', `  id: ${content.inquiry.id}`, `  title: ${yamlScalar(content.inquiry.title)}`, `  published: ${content.inquiry.published}`)
  if (content.inquiry.url !== undefined) out.push(`  url: ${yamlScalar(content.inquiry.url)}`)
  out.push('')
  if (content.owners.length === 0) out.push('owners: []')
  else out.push('owners:', ...content.owners.flatMap((owner) => [`  - id: ${owner.id}`, `    name: ${yamlScalar(owner.name)}`]))
  out.push('')
  if (content.recommendations.length === 0) out.push('recommendations: []')
  else {
    out.push('recommendations:')
    content.recommendations.forEach((recommendation, index) => {
      if (index > 0) out.push('')
      if (recommendation.line !== undefined) out.push(`  # line ${String(recommendation.line)} of the report`)
      out.push(`  - id: ${recommendation.id}`, `    title: ${yamlScalar(recommendation.title)}`)
      if (recommendation.text !== undefined) out.push(`    text: ${yamlScalar(recommendation.text)}`)
      out.push(`    owners: [${recommendation.owners.join(', ')}]`)
    })
  }
  return `${out.join('\n')}\n`
}
