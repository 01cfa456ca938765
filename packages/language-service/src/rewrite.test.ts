import type { FoundReference } from '@followthrough/remark-recommendations'
import { assert, describe, expect, it } from 'vitest'
import { numberPart, rewriteReference } from './rewrite.js'
import { narrow, numberTokens, type Target } from './targets.js'

function reference(id: string, text: string, offset = 0): FoundReference {
  return { id, text, known: true, position: { start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: offset + text.length + 1, offset: offset + text.length } } }
}

describe('rewriteReference', () => {
  it('changes only the number, keeping the form', () => {
    const edit = (id: string, text: string, to: string) => rewriteReference(reference(id, text), [reference(id, text)], to, 'R')
    expect(edit('R12', 'R12', 'R13')).toEqual({ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '13' })
    expect(edit('R12', 'Recommendation 12', 'R13')).toMatchObject({ newText: '13', range: { start: { character: 15 } } })
    expect(edit('R12', 'iitcse:R12', 'R7')).toMatchObject({ newText: '7', range: { start: { character: 8 } } })
    expect(edit('R2', 'x2:R2', 'R7')).toMatchObject({ range: { start: { character: 4 } } })
    expect(edit('R12', 'Rec. #12', 'R12a')).toMatchObject({ newText: '12a' })
  })
  it('rewrites a range at its ends and refuses its inside', () => {
    const r3 = reference('R3', 'R3–R5')
    const r4 = reference('R4', 'R3–R5')
    const r5 = reference('R5', 'R3–R5')
    const members = [r3, r4, r5]
    expect(rewriteReference(r3, members, 'R2', 'R')).toMatchObject({ newText: '2', range: { start: { character: 1 } } })
    expect(rewriteReference(r5, members, 'R6', 'R')).toMatchObject({ newText: '6', range: { start: { character: 4 } } })
    const inside = rewriteReference(r4, members, 'R9', 'R')
    assert('error' in inside, 'an error for a member inside the range')
    expect(inside.error).toContain('R4 is inside the range "R3–R5"')
  })
  it('reports a reference whose number cannot be found', () => {
    expect(rewriteReference(reference('R12', 'R twelve'), [], 'R13', 'R')).toEqual({ error: 'Cannot find the number of R12 in "R twelve"' })
    expect(numberPart('R12a', 'R')).toBe('12a')
    expect(numberPart('X3', 'R')).toBe('3')
  })
})

describe('targets', () => {
  it('finds number tokens, not digits inside register ids', () => {
    expect(numberTokens('iitcse2:R12 and 3–5').map((token) => token.text)).toEqual(['12', '3', '5'])
  })
  it('narrows a range to the member under the cursor', () => {
    const members = ['R3', 'R4', 'R5'].map((id) => reference(id, 'Recommendations 3 to 5', 10))
    const targets: Target[] = members.map((member) => ({ id: member.id, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, references: members }))
    expect(narrow(targets, 10 + 'Recommendations 3 to '.length).map((target) => target.id)).toEqual(['R5'])
    expect(narrow(targets, 10 + 2).map((target) => target.id)).toEqual(['R3', 'R4', 'R5'])
  })
})
