import type { Config } from '@followthrough/core'
import { escapeRegExp, type FoundReference, type ReferenceScheme } from '@followthrough/remark-recommendations'
import type { Finding } from './finding.js'
import { engineRuleUrl } from './rules.js'

/** A replacement of `offset`..`endOffset` (end exclusive) in a file's text. */
export interface Fix {
  offset: number
  endOffset: number
  text: string
}

/**
 * `reference-style` (warning, only when the config sets `referenceStyle`): a
 * reference to one recommendation written other than in the house style, with
 * a fix. "prose" writes `Recommendation 12` (the first keyword of its scheme
 * naming one item, `Area for improvement 2` for an AFI), "id" writes `R12`.
 * Lists, ranges, qualified references and references with emphasis inside
 * are left as they are: rewriting those would change more than style.
 */
export function referenceStyleFindings(
  references: readonly FoundReference[],
  path: string,
  config: Config,
  schemes: readonly ReferenceScheme[] = [{ prefix: config.prefix, keywords: config.keywords }]
): Finding[] {
  const style = config.referenceStyle
  if (style === undefined) return []
  const forms = schemes.map((scheme) => {
    const keywords = scheme.keywords
      .map((word) => escapeRegExp(word.trim()).replace(/\s+/g, '\\s+'))
      .filter((word) => word.length > 0)
      .sort((a, b) => b.length - a.length)
      .join('|')
    // The first keyword of whole words that names one item: `Recommendation`, `Area for improvement`.
    const keyword =
      scheme.keywords.find((word) => /^[A-Za-z]+(?: [A-Za-z]+)*$/.test(word) && !word.split(' ').some((part) => /s$/i.test(part))) ?? scheme.keywords[0] ?? 'Recommendation'
    return {
      prefix: scheme.prefix,
      keyword,
      idForm: new RegExp(`^${escapeRegExp(scheme.prefix)}(\\d+(?:\\.\\d+)*[a-z]?)$`),
      proseForm: keywords.length > 0 ? new RegExp(`^(?:${keywords})[\\s\\u00a0]*#?[\\s\\u00a0]*(\\d+(?:\\.\\d+)*[a-z]?)$`, 'i') : undefined
    }
  })
  const findings: Finding[] = []
  for (const reference of references) {
    let wanted: string | undefined
    for (const form of forms) {
      const number = form.idForm.exec(reference.text)?.[1] ?? form.proseForm?.exec(reference.text)?.[1]
      // Only a whole phrase naming this one recommendation is rewritten.
      if (number === undefined || `${form.prefix}${number}` !== reference.id) continue
      wanted = style === 'prose' ? `${form.keyword} ${number}` : `${form.prefix}${number}`
      break
    }
    if (wanted === undefined || reference.text === wanted) continue
    const { start, end } = reference.position
    findings.push({
      file: path,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      offset: start.offset,
      endOffset: end.offset,
      severity: 'warning',
      ruleId: 'reference-style',
      message: `Unexpected ${JSON.stringify(reference.text.replace(/\s+/g, ' '))}, expected ${JSON.stringify(wanted)} (the house style)`,
      url: engineRuleUrl('reference-style'),
      suggestions: [wanted],
      fix: { offset: start.offset, endOffset: end.offset, text: wanted }
    })
  }
  return findings
}

/**
 * Apply fixes to a text: later ones first so offsets stay right; a fix that
 * overlaps one already applied is skipped.
 *
 * @returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const ordered = [...fixes].sort((a, b) => b.offset - a.offset || b.endOffset - a.endOffset)
  let result = text
  let applied = 0
  let limit = Number.POSITIVE_INFINITY
  for (const fix of ordered) {
    if (fix.endOffset > limit || fix.offset < 0 || fix.endOffset > text.length || fix.offset > fix.endOffset) continue
    result = result.slice(0, fix.offset) + fix.text + result.slice(fix.endOffset)
    limit = fix.offset
    applied++
  }
  return { text: result, applied }
}
