import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareStrings, partitionPoint } from './order.js'

describe('compareStrings', () => {
  it('orders by code units, not by the locale', () => {
    expect(['b', 'a', 'B', 'é', 'e', '2024-10-02', '2024-1-03'].sort(compareStrings)).toEqual(['2024-1-03', '2024-10-02', 'B', 'a', 'b', 'e', 'é'])
    expect(compareStrings('x', 'x')).toBe(0)
  })
})

describe('partitionPoint', () => {
  it('finds the first item that fails the test, in an empty list, at either end and between', () => {
    expect(partitionPoint([], () => true)).toBe(0)
    expect(partitionPoint([1, 3, 3, 7], (n) => n <= 3)).toBe(3)
    expect(partitionPoint([1, 3, 3, 7], (n) => n < 3)).toBe(1)
    expect(partitionPoint([1, 3, 3, 7], (n) => n < 0)).toBe(0)
    expect(partitionPoint([1, 3, 3, 7], (n) => n < 100)).toBe(4)
  })

  it('agrees with a linear search on any sorted list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (list, x) => {
        const sorted = [...list].sort((a, b) => a - b)
        const linear = sorted.findIndex((n) => n > x)
        expect(partitionPoint(sorted, (n) => n <= x)).toBe(linear < 0 ? sorted.length : linear)
      }),
      { numRuns: 300, seed: 10 }
    )
  })
})
