import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editDistance, nearest } from './nearest.js'

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('R12', 'R12')).toBe(0)
    expect(editDistance('R12', 'R13')).toBe(1)
    expect(editDistance('R12', 'R121')).toBe(1)
    expect(editDistance('titel', 'title')).toBe(2)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('agrees with the recursive definition, code unit by code unit', () => {
    // Levenshtein's recurrence on the strings' tails, memoised by the tails' lengths.
    function reference(a: string, b: string, memo = new Map<string, number>()): number {
      if (a === '' || b === '') return a.length + b.length
      const key = `${a.length},${b.length}`
      const known = memo.get(key)
      if (known !== undefined) return known
      const cost = a.charCodeAt(0) === b.charCodeAt(0) ? 0 : 1
      const distance = Math.min(reference(a.slice(1), b, memo) + 1, reference(a, b.slice(1), memo) + 1, reference(a.slice(1), b.slice(1), memo) + cost)
      memo.set(key, distance)
      return distance
    }
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'R', '1', '\ud83d', '\udc4d'), maxLength: 12 })
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(editDistance(a, b)).toBe(reference(a, b))
      })
    )
  })
})

describe('nearest', () => {
  it('ranks by distance, keeping the candidates order on ties', () => {
    expect(nearest('R52', ['R1', 'R5', 'R25', 'R42', 'R50', 'R53'])).toEqual(['R5', 'R42', 'R50'])
    expect(nearest('R52', ['R1', 'R25', 'R5'], { max: 5 })).toEqual(['R5'])
  })
  it('leaves out far candidates and the value itself', () => {
    expect(nearest('owners', ['owners', 'title', 'history'])).toEqual([])
    expect(nearest('titel', ['id', 'title'], { maxDistance: 2 })).toEqual(['title'])
  })
})
