import { describe, expect, it } from 'vitest'
import { assertIsoDate, assertWholeDays } from './assert.js'

describe('assertIsoDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    expect(() => {
      assertIsoDate('2024-02-29', 'asOf')
    }).not.toThrow()
    expect(() => {
      assertIsoDate('2022-07-12', 'asOf')
    }).not.toThrow()
  })

  it('throws a TypeError naming the argument for dates that do not exist or are badly written', () => {
    expect(() => {
      assertIsoDate('2023-02-29', 'asOf')
    }).toThrow(new TypeError('Unexpected asOf: date "2023-02-29", expected a real calendar date as YYYY-MM-DD'))
    expect(() => {
      assertIsoDate('2024-7-1', 'date')
    }).toThrow(new TypeError('Unexpected date: date "2024-7-1", expected a real calendar date as YYYY-MM-DD'))
    expect(() => {
      assertIsoDate('2024-07-01T00:00:00Z', 'asOf')
    }).toThrow(TypeError)
  })

  it('describes values that are not strings', () => {
    expect(() => {
      assertIsoDate(undefined, 'asOf')
    }).toThrow(new TypeError('Unexpected asOf: nothing, expected a real calendar date as YYYY-MM-DD'))
    expect(() => {
      assertIsoDate(20240701, 'asOf')
    }).toThrow(new TypeError('Unexpected asOf: number 20240701, expected a real calendar date as YYYY-MM-DD'))
  })
})

describe('assertWholeDays', () => {
  it('accepts whole numbers at or above the minimum', () => {
    expect(() => {
      assertWholeDays(0, 'dueSoonDays', 0)
    }).not.toThrow()
    expect(() => {
      assertWholeDays(180, 'forecastWindowDays', 1)
    }).not.toThrow()
  })

  it('throws a RangeError for fractions, NaN and values below the minimum', () => {
    expect(() => {
      assertWholeDays(-1, 'dueSoonDays', 0)
    }).toThrow(new RangeError('Unexpected dueSoonDays: -1, expected a whole number of days of at least 0'))
    expect(() => {
      assertWholeDays(0, 'forecastWindowDays', 1)
    }).toThrow(new RangeError('Unexpected forecastWindowDays: 0, expected a whole number of days of at least 1'))
    expect(() => {
      assertWholeDays(1.5, 'dueSoonDays', 0)
    }).toThrow(RangeError)
    expect(() => {
      assertWholeDays(Number.NaN, 'dueSoonDays', 0)
    }).toThrow(RangeError)
  })
})
