import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, isIsoDate, today } from './dates.js'

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2023-02-30')).toBe(false)
    expect(isIsoDate('2023-13-01')).toBe(false)
    expect(isIsoDate('2023-4-17')).toBe(false)
    expect(isIsoDate('2023-04-17T10:00:00Z')).toBe(false)
    expect(isIsoDate('')).toBe(false)
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2023-04-17', 45)).toBe('2023-06-01')
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('counts whole days between dates', () => {
    expect(daysBetween('2022-07-12', '2023-07-12')).toBe(365)
    expect(daysBetween('2024-07-12', '2023-07-12')).toBe(-366)
    expect(daysBetween('2023-04-17', '2023-04-17')).toBe(0)
  })

  it('gives today in UTC', () => {
    expect(today(new Date('2026-11-28T23:59:59+00:00'))).toBe('2026-11-28')
    expect(today(new Date('2026-11-29T00:30:00+02:00'))).toBe('2026-11-28')
  })
})
