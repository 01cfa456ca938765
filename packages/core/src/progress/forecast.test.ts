import { describe, expect, it } from 'vitest'
import type { MinutesRecord } from '../schemas/records.js'
import type { Recommendation, Register } from '../schemas/register.js'
import { forecast } from './forecast.js'

function rec(id: string, extra: Partial<Recommendation> = {}): Recommendation {
  return { id, title: `Title of ${id}`, owners: ['police'], ...extra }
}

function registerOf(recommendations: Recommendation[]): Register {
  return {
    inquiry: { id: 'iitcse', title: 'Telford inquiry', published: '2022-07-12' },
    owners: [{ id: 'police', name: 'West Mercia Police' }],
    recommendations
  }
}

// asOf 2024-07-01. Going back 180 days: 30 (June) + 31 (May) + 30 (April) + 31 (March)
// + 29 (February 2024) = 151 days to 2024-02-01, 29 more is 2024-01-03: the window starts 2024-01-03.
const asOf = '2024-07-01'

describe('forecast', () => {
  it('projects the date at the recent pace', () => {
    const register = registerOf([
      rec('R1', { history: [{ date: '2024-02-01', status: 'implemented' }] }), // in the window
      rec('R2'), // implemented by minutes on 2024-05-01: in the window
      rec('R3', { status: 'implemented' }), // implemented at both ends: not in the window
      rec('R4', { status: 'in-progress' }),
      rec('R5'),
      rec('R6', { status: 'blocked' }),
      rec('R7', { status: 'ready-for-assessment' }),
      rec('R8', { status: 'rejected' }), // closed: not open
      rec('R9', { status: 'superseded' }) // closed: not open
    ])
    const minutes: MinutesRecord[] = [
      { source: 'm.md', date: '2024-05-01', updates: [{ id: 'R2', status: 'implemented', date: '2024-05-01' }] },
      // After asOf: ignored.
      { source: 'later.md', date: '2024-08-01', updates: [{ id: 'R4', status: 'implemented', date: '2024-08-01' }] }
    ]
    // Implemented: 3 on asOf (R1, R2, R3), 1 on 2024-01-03 (R3): 2 in the window, 2/180 a day.
    // Open: R4, R5, R6, R7 = 4. Days: ceil(4 / (2/180)) = ceil(4 × 180 / 2) = 360.
    // 2024-07-01 + 365 days = 2025-07-01 (no 29 February in between), so + 360 = 2025-06-26.
    expect(forecast(register, minutes, asOf)).toEqual({
      windowDays: 180,
      implementedInWindow: 2,
      ratePerDay: 2 / 180,
      open: 4,
      date: '2025-06-26'
    })
  })

  it('rounds a part day up, with another window', () => {
    // Window 7 days: starts 2024-06-24. R1 and R2 implemented in it: 2 / 7 a day.
    // Open: R3 = 1. Days: ceil(1 × 7 / 2) = ceil(3.5) = 4, so 2024-07-05.
    const register = registerOf([rec('R1', { history: [{ date: '2024-06-25', status: 'implemented' }] }), rec('R2'), rec('R3', { status: 'in-progress' })])
    const minutes: MinutesRecord[] = [{ source: 'm.md', date: '2024-06-30', updates: [{ id: 'R2', status: 'implemented', date: '2024-06-30' }] }]
    expect(forecast(register, minutes, asOf, 7)).toEqual({
      windowDays: 7,
      implementedInWindow: 2,
      ratePerDay: 2 / 7,
      open: 1,
      date: '2024-07-05'
    })
  })

  it('counts whole days exactly where floating point would not', () => {
    // 13 implemented in the window, 13 open: 13 / (13 / 180) is 180.00000000000003 in
    // floating point, but the answer is exactly 180 days: 2024-07-01 + 180 = 2024-12-28.
    const done = Array.from({ length: 13 }, (_, index) => rec(`R${index + 1}`, { history: [{ date: '2024-03-01', status: 'implemented' }] }))
    const open = Array.from({ length: 13 }, (_, index) => rec(`R${index + 14}`))
    const result = forecast(registerOf([...done, ...open]), [], asOf)
    expect(result).toEqual({ windowDays: 180, implementedInWindow: 13, ratePerDay: 13 / 180, open: 13, date: '2024-12-28' })
  })

  it('has no date when nothing was implemented in the window', () => {
    // R1 was implemented before the window (baseline, no events): 1 at both ends.
    const register = registerOf([rec('R1', { status: 'implemented' }), rec('R2', { status: 'in-progress' })])
    expect(forecast(register, [], asOf)).toEqual({
      windowDays: 180,
      implementedInWindow: 0,
      ratePerDay: 0,
      open: 1,
      date: null
    })
  })

  it("counts an implementation on the window's first day as before the window", () => {
    const register = registerOf([rec('R1', { history: [{ date: '2024-01-03', status: 'implemented' }] }), rec('R2')])
    expect(forecast(register, [], asOf)).toEqual({ windowDays: 180, implementedInWindow: 0, ratePerDay: 0, open: 1, date: null })
  })

  it('has no date when the pace went backwards', () => {
    const register = registerOf([
      rec('R1', {
        history: [
          { date: '2023-12-01', status: 'implemented' },
          { date: '2024-06-01', status: 'in-progress', note: 'Reopened after review' }
        ]
      })
    ])
    expect(forecast(register, [], asOf)).toEqual({
      windowDays: 180,
      implementedInWindow: -1,
      ratePerDay: -1 / 180,
      open: 1,
      date: null
    })
  })

  it('gives asOf itself when nothing is open, whatever the pace', () => {
    const register = registerOf([rec('R1', { status: 'implemented' }), rec('R2', { status: 'rejected' }), rec('R3', { status: 'superseded' })])
    expect(forecast(register, [], asOf)).toEqual({ windowDays: 180, implementedInWindow: 0, ratePerDay: 0, open: 0, date: asOf })
    expect(forecast(registerOf([]), [], asOf)).toEqual({ windowDays: 180, implementedInWindow: 0, ratePerDay: 0, open: 0, date: asOf })
  })

  it('throws on a malformed asOf or window', () => {
    expect(() => forecast(registerOf([]), [], '2024-07')).toThrow(TypeError)
    expect(() => forecast(registerOf([]), [], asOf, 0)).toThrow(RangeError)
  })
})
