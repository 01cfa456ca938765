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
