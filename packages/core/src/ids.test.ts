import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareIds, idSortKey } from './ids.js'

describe('compareIds', () => {
  it('sorts ids as people count them, and anything else after, by text', () => {
    expect(['R10', 'R2', 'R12a', 'X', 'R12', 'RA1', 'R1', 'Ra3', '2.1'].sort(compareIds)).toEqual(['R1', 'R2', 'R10', 'R12', 'R12a', 'RA1', 'Ra3', '2.1', 'X'])
  })

  it('sorts dotted numbers part by part, after the plain number and its lettered ids', () => {
    expect(['R4.10', 'R5', 'R4.2', 'R4', 'AFI3', 'R4a', 'R4.2.1', 'AFI10'].sort(compareIds)).toEqual(['AFI3', 'AFI10', 'R4', 'R4a', 'R4.2', 'R4.2.1', 'R4.10', 'R5'])
  })

  it('compares numbers of any length by value', () => {
    expect(compareIds('R99999999999999999999', 'R100000000000000000000')).toBeLessThan(0)
    expect(compareIds('R007', 'R7')).toBe(0)
  })

  it('agrees with the order of idSortKey as text', () => {
    const id = fc
      .tuple(fc.constantFrom('R', 'IR', 'Rb', 'AFI', ''), fc.array(fc.integer({ min: 0, max: 99_999_999 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('', 'a', 'b'))
      .map(([prefix, numbers, suffix]) => `${prefix}${numbers.join('.')}${suffix}`)
    fc.assert(
      fc.property(fc.oneof(id, fc.string()), fc.oneof(id, fc.string()), (a, b) => {
        const byKey = idSortKey(a) < idSortKey(b) ? -1 : idSortKey(a) > idSortKey(b) ? 1 : 0
        expect(Math.sign(compareIds(a, b))).toBe(byKey)
      }),
      { numRuns: 500, seed: 10 }
    )
  })
})

describe('idSortKey', () => {
  it('pads the number so text order is natural order', () => {
    expect(['R10', 'R2', 'R12a', 'R12', 'X'].map(idSortKey)).toEqual(['R00000010', 'R00000002', 'R00000012a', 'R00000012', '~X'])
  })
})
