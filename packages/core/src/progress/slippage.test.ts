import { describe, expect, it } from 'vitest'
import { slippage } from './slippage.js'
import { accountabilityMinutes as minutes, accountabilityRegister as register } from './test-support.js'

describe('slippage', () => {
  it('lists each revised recommendation with its days, and totals by owner', () => {
    // R1: 2024-06-30 → 2024-09-30 = 92 days (30 + 31 + 31); R4.2: 2024-12-31 → 2025-03-31 = 90 days (31 + 28 + 31).
    expect(slippage(register, minutes, '2024-10-01')).toEqual({
      items: [
        { id: 'R1', owners: ['force'], originalDue: '2024-06-30', currentDue: '2024-09-30', revisions: 1, days: 92 },
        { id: 'R4.2', owners: ['force', 'pcc'], originalDue: '2024-12-31', currentDue: '2025-03-31', revisions: 1, days: 90 }
      ],
      totalDays: 182,
      byOwner: { force: { revised: 2, days: 182 }, pcc: { revised: 1, days: 90 } }
    })
  })

  it('counts only revisions on or before the date', () => {
    expect(slippage(register, minutes, '2024-06-01')).toEqual({
      items: [{ id: 'R1', owners: ['force'], originalDue: '2024-06-30', currentDue: '2024-09-30', revisions: 1, days: 92 }],
      totalDays: 92,
      byOwner: { force: { revised: 1, days: 92 }, pcc: { revised: 0, days: 0 } }
    })
  })

  it('counts every revision, days from the original to the latest, and 0 days without an original', () => {
    const twice = {
      ...register,
      recommendations: [
        {
          id: 'R7',
          title: 'Twice',
          owners: ['pcc'],
          due: '2024-01-31',
          history: [
            { date: '2024-01-15', due: '2024-03-31' },
            { date: '2024-03-20', due: '2024-02-29', reason: 'brought forward' }
          ]
        },
        { id: 'R8', title: 'No original', owners: ['pcc'], history: [{ date: '2024-01-15', due: '2024-03-31' }] }
      ]
    }
    expect(slippage(twice, [], '2024-12-31')).toEqual({
      items: [
        { id: 'R7', owners: ['pcc'], originalDue: '2024-01-31', currentDue: '2024-02-29', revisions: 2, days: 29 },
        { id: 'R8', owners: ['pcc'], originalDue: null, currentDue: '2024-03-31', revisions: 1, days: 0 }
      ],
      totalDays: 29,
      byOwner: { force: { revised: 0, days: 0 }, pcc: { revised: 2, days: 29 } }
    })
  })
})
