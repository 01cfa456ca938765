import type { FoundReference } from '@followthrough/remark-recommendations'
import type { Range } from 'vscode-languageserver-types'
import { numberTokens } from './targets.js'
import { advance } from './text.js'

/**
 * How to make a reference name another recommendation while keeping how it is
 * written: only the number changes (`Recommendation 12` → `Recommendation 13`,
 * `iitcse:R12` → `iitcse:R13`, `*Recommendation* 12` keeps its emphasis). Used
 * by rename and by the "Change to R5" quick fix.
 */

/** The edit, or why there is none. */
export type Rewrite = { range: Range; newText: string } | { error: string }

/** The number part of an id (`R12a` → `12a`, `AFI3` → `3`, `R4.2` → `4.2`), whatever its scheme's prefix. */
export function numberPart(id: string, prefix: string): string {
  return id.startsWith(prefix) && /^\d/.test(id.slice(prefix.length)) ? id.slice(prefix.length) : id.replace(/^[A-Za-z]+/, '')
}

/**
 * The edit that makes `reference` (one of `members`, the references sharing
 * its span) name `newId` instead of its id. A range (`R3–R5`, `Recommendations
 * 3 to 5`) is rewritten only at an end; renaming a member inside it would
 * change what the range names, so that is refused.
 */
export function rewriteReference(reference: FoundReference, members: readonly FoundReference[], newId: string, prefix: string): Rewrite {
  const text = reference.text
  const oldNumber = numberPart(reference.id, prefix)
  const newNumber = numberPart(newId, prefix)
  const tokens = numberTokens(text)
  let token: { start: number; end: number } | undefined
  if (members.length > 1) {
    const first = tokens[0]
    const last = tokens[tokens.length - 1]
    if (first && first.text === oldNumber) token = first
    else if (last && last.text === oldNumber) token = last
    else {
      const where = `line ${reference.position.start.line}`
      return { error: `${reference.id} is inside the range "${text.replace(/\s+/g, ' ')}" (${where}): renaming it would change what the range names; rewrite the range first` }
    }
  } else {
    token = [...tokens].reverse().find((candidate) => candidate.text === oldNumber)
  }
  if (!token) return { error: `Cannot find the number of ${reference.id} in "${text.replace(/\s+/g, ' ')}"` }
  const start = advance(reference.position.start, text, token.start)
  const end = advance(reference.position.start, text, token.end)
  return {
    range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
    newText: newNumber
  }
}
