import { countsForRegister } from '@followthrough/core'
import type { MinutesAnalysis } from './minutes.js'

/** One place in dated minutes where a recommendation is discussed. */
export interface Discussion {
  /** The minutes file (absolute path). */
  file: string
  /** The meeting's date. */
  date: string
  /** The meeting's title, when the front matter has one. */
  title?: string
  /** Where the reference starts (1-based line and column). */
  line: number
  column: number
  /** The reference as written (`R12`, `Recommendation 12`, `iitcse:R12`). */
  reference: string
  /** The sentence (or table row, or heading) the reference is in, whitespace collapsed. */
  sentence: string
}

/** The longest sentence given back: a run-on paragraph is cut, with an ellipsis, around the reference. */
const maxSentence = 400

/**
 * Every reference to recommendation `id` of register `registerId` in dated
 * minutes, with the sentence around it, sorted by date, file and position.
 * References naming another register, and minutes without a valid date, are
 * left out (as progress leaves them out).
 *
 * @param analyses - the analysed minutes.
 * @param textOf - the text each analysis was made from (the sentence is cut
 *   from it); a file without text still gives its positions, with the
 *   reference as the sentence.
 */
export function recommendationDiscussions(analyses: readonly MinutesAnalysis[], registerId: string, id: string, textOf: (path: string) => string | undefined): Discussion[] {
  const found: Discussion[] = []
  for (const analysis of analyses) {
    const date = analysis.data.meeting?.date
    if (date === undefined) continue
    const references = analysis.data.references.filter((reference) => reference.id === id && countsForRegister(registerId, reference))
    if (references.length === 0) continue
    const text = textOf(analysis.path)
    const title = analysis.data.meeting?.title
    for (const reference of references) {
      const { start, end } = reference.position
      found.push({
        file: analysis.path,
        date,
        ...(title !== undefined ? { title } : {}),
        line: start.line,
        column: start.column,
        reference: reference.text,
        sentence: text !== undefined ? sentenceAround(text, start.offset, end.offset) : reference.text
      })
    }
  }
  return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
}

/**
 * The sentence of `text` that holds `[start, end)`: within its paragraph (a
 * table row, heading or list item is a paragraph of its own line), from the
 * end of the previous sentence to the end of this one, Markdown markers and
 * extra whitespace removed.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const lineEndAt = text.indexOf('\n', end)
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt
  const line = text.slice(lineStart, lineEnd)
  let from = lineStart
  let to = lineEnd
  // A table row, a heading or a list item is read on its own; prose runs on to the paragraph's blank lines.
  if (!/^\s{0,3}(?:\||#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s)/.test(line)) {
    while (from > 0) {
      const previous = text.lastIndexOf('\n', from - 2) + 1
      const candidate = text.slice(previous, from - 1)
      if (/^\s*$/.test(candidate) || /^\s{0,3}(?:\||#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|```|~~~|---)/.test(candidate)) break
      from = previous
    }
    while (to < text.length) {
      const nextEnd = text.indexOf('\n', to + 1)
      const candidate = text.slice(to + 1, nextEnd === -1 ? text.length : nextEnd)
      if (/^\s*$/.test(candidate) || /^\s{0,3}(?:\||#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|```|~~~|---)/.test(candidate)) break
      to = nextEnd === -1 ? text.length : nextEnd
    }
  }
  // Sentence ends: `.`, `!` or `?` followed by white space, before the reference and from its end.
  const before = text.slice(from, start)
  const ends = [...before.matchAll(/[.!?]["')\]]*\s+/g)]
  const last = ends.at(-1)
  const sentenceStart = last !== undefined ? from + last.index + last[0].length : from
  const after = /[.!?]["')\]]*(?=\s|$)/.exec(text.slice(end, to))
  const sentenceEnd = after ? end + after.index + after[0].length : to
  let sentence = clean(text.slice(sentenceStart, sentenceEnd))
  if (sentence.length > maxSentence) {
    const reference = clean(text.slice(start, end))
    const at = Math.max(0, sentence.indexOf(reference))
    const from = Math.max(0, Math.min(at - maxSentence / 2, sentence.length - maxSentence))
    sentence = `${from > 0 ? '…' : ''}${sentence.slice(from, from + maxSentence).trim()}${from + maxSentence < sentence.length ? '…' : ''}`
  }
  return sentence
}

function clean(text: string): string {
  return text
    .replace(/^\s{0,3}(?:>\s*)*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)?/, '')
    .replace(/^\|\s*|\s*\|\s*$/g, '')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/\s+/g, ' ')
    .trim()
}
