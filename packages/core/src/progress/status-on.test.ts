import { describe, expect, it } from 'vitest'
import type { MinutesRecord } from '../schemas/records.js'
import type { Recommendation, Register } from '../schemas/register.js'
import { statusesOn, statusOn, statusTimeline } from './status-on.js'

function rec(id: string, extra: Partial<Recommendation> = {}): Recommendation {
  return { id, title: `Title of ${id}`, owners: ['police'], ...extra }
}

describe('statusOn', () => {
  it('is not-started, without since, when there is no event and no baseline', () => {
    expect(statusOn(rec('R1'), '2024-01-01')).toStrictEqual({ status: 'not-started' })
  })

  it('is the baseline, without since, when no event is on or before the date', () => {
    const r = rec('R1', { status: 'blocked', history: [{ date: '2024-02-01', status: 'implemented' }] })
    expect(statusOn(r, '2024-01-31')).toStrictEqual({ status: 'blocked' })
  })

  it('takes an event dated on the date itself, with since', () => {
    const r = rec('R1', { status: 'blocked', history: [{ date: '2024-02-01', status: 'implemented' }] })
    expect(statusOn(r, '2024-02-01')).toStrictEqual({ status: 'implemented', since: '2024-02-01' })
  })

  it('takes the latest event by date, whatever the history order', () => {
    const r = rec('R1', {
      history: [
        { date: '2023-09-01', status: 'ready-for-assessment' },
        { date: '2023-01-01', status: 'in-progress' },
        { date: '2024-06-01', status: 'implemented' }
      ]
    })
    expect(statusOn(r, '2024-01-01')).toEqual({ status: 'ready-for-assessment', since: '2023-09-01' })
    expect(statusOn(r, '2023-08-31')).toEqual({ status: 'in-progress', since: '2023-01-01' })
  })

  it('lets a minutes update beat a register event on the same day', () => {
    const r = rec('R1', { history: [{ date: '2023-04-17', status: 'implemented' }] })
    const updates = [{ id: 'R1', status: 'in-progress' as const, date: '2023-04-17' }]
    expect(statusOn(r, '2023-05-01', updates)).toEqual({ status: 'in-progress', since: '2023-04-17' })
  })

  it('lets a later register event beat an earlier minutes update', () => {
    const r = rec('R1', { history: [{ date: '2023-04-18', status: 'implemented' }] })
    const updates = [{ id: 'R1', status: 'in-progress' as const, date: '2023-04-17' }]
    expect(statusOn(r, '2023-05-01', updates)).toEqual({ status: 'implemented', since: '2023-04-18' })
  })

  it('takes the later of two same-day events of the same kind, in input order', () => {
    const r = rec('R1', {
      history: [
        { date: '2023-04-17', status: 'blocked' },
        { date: '2023-04-17', status: 'in-progress' }
      ]
    })
    expect(statusOn(r, '2023-04-17')).toEqual({ status: 'in-progress', since: '2023-04-17' })
    const updates = [
      { id: 'R1', status: 'ready-for-assessment' as const, date: '2023-04-17' },
      { id: 'R1', status: 'implemented' as const, date: '2023-04-17' }
    ]
    expect(statusOn(r, '2023-04-17', updates)).toEqual({ status: 'implemented', since: '2023-04-17' })
  })

  it('ignores updates about other recommendations', () => {
    const updates = [{ id: 'R2', status: 'implemented' as const, date: '2023-01-01' }]
    expect(statusOn(rec('R1', { status: 'in-progress' }), '2024-01-01', updates)).toStrictEqual({ status: 'in-progress' })
  })

  it('throws a TypeError for a malformed date', () => {
    expect(() => statusOn(rec('R1'), '2024-13-01')).toThrow(TypeError)
  })

  it('lets entries and rows that only move the due date leave the status and its since alone', () => {
    const r = rec('R1', {
      history: [
        { date: '2023-01-10', status: 'in-progress' },
        { date: '2023-02-01', due: '2023-12-31', reason: 'delay' }
      ]
    })
    const updates = [{ id: 'R1', date: '2023-03-01', due: '2024-03-31' }]
    expect(statusOn(r, '2023-06-01', updates)).toStrictEqual({ status: 'in-progress', since: '2023-01-10' })
    expect(statusOn(rec('R2', { status: 'blocked', history: [{ date: '2023-02-01', due: '2023-12-31' }] }), '2023-06-01')).toStrictEqual({ status: 'blocked' })
  })
})

describe('statusTimeline eventAt', () => {
  it('gives the event that sets the status, with its assurance, minutes winning the same day', () => {
    const r = rec('R1', {
      history: [
        { date: '2023-01-10', status: 'implemented', assurance: 'claimed', by: 'police' },
        { date: '2023-02-01', due: '2023-12-31' }
      ]
    })
    const timeline = statusTimeline(r, [{ id: 'R1', status: 'implemented', assurance: 'verified', date: '2023-03-01' }])
    expect(timeline.eventAt('2023-01-09')).toBeUndefined()
    expect(timeline.eventAt('2023-02-15')).toEqual({ date: '2023-01-10', status: 'implemented', assurance: 'claimed', by: 'police' })
    expect(timeline.eventAt('2023-03-01')).toEqual({ id: 'R1', status: 'implemented', assurance: 'verified', date: '2023-03-01' })
    // The repeat keeps since at the first claim.
    expect(timeline.at('2023-03-01')).toEqual({ status: 'implemented', since: '2023-01-10' })
  })
})

describe('statusesOn', () => {
  const register: Register = {
    inquiry: { id: 'iitcse', title: 'Telford inquiry', published: '2022-07-12' },
    owners: [{ id: 'police', name: 'West Mercia Police' }],
    recommendations: [
      rec('R1', { status: 'in-progress', history: [{ date: '2023-01-01', status: 'ready-for-assessment' }] }),
      rec('R2'),
      rec('R3', { status: 'superseded', supersededBy: 'R2' }),
      rec('R4')
    ]
  }
  const minutes: MinutesRecord[] = [
    {
      source: 'minutes/2023-01-01.md',
      date: '2023-01-01',
      updates: [
        { id: 'R1', status: 'implemented', date: '2023-01-01' },
        { id: 'R4', register: 'iitcse', status: 'blocked', date: '2023-01-01' }
      ]
    },
    // Another register's R2: ignored.
    {
      source: 'minutes/hmicfrs.md',
      date: '2023-02-01',
      updates: [{ id: 'R2', register: 'hmicfrs', status: 'implemented', date: '2023-02-01' }]
    },
    // After asOf: ignored.
    { source: 'minutes/2023-07-01.md', date: '2023-07-01', updates: [{ id: 'R2', status: 'in-progress', date: '2023-07-01' }] }
  ]

  it("gives every recommendation's status in register order, superseded included", () => {
    expect(statusesOn(register, minutes, '2023-06-30')).toStrictEqual([
      { id: 'R1', status: 'implemented', since: '2023-01-01' },
      { id: 'R2', status: 'not-started' },
      { id: 'R3', status: 'superseded' },
      { id: 'R4', status: 'blocked', since: '2023-01-01' }
    ])
  })

  it('counts minutes dated on the date itself', () => {
    expect(statusesOn(register, minutes, '2023-07-01')[1]).toStrictEqual({
      id: 'R2',
      status: 'in-progress',
      since: '2023-07-01'
    })
  })

  it('gives baselines before any event', () => {
    expect(statusesOn(register, minutes, '2022-12-31')).toStrictEqual([
      { id: 'R1', status: 'in-progress' },
      { id: 'R2', status: 'not-started' },
      { id: 'R3', status: 'superseded' },
      { id: 'R4', status: 'not-started' }
    ])
  })

  it('returns nothing for an empty register', () => {
    expect(statusesOn({ ...register, recommendations: [] }, minutes, '2023-06-30')).toEqual([])
  })
})

describe('statusOn since', () => {
  it('keeps the date the status was reached when later events repeat it', () => {
    const recommendation = { id: 'R1', history: [{ date: '2023-01-18', status: 'in-progress' as const }] }
    const updates = [
      { id: 'R1', status: 'in-progress' as const, date: '2023-04-17' },
      { id: 'R1', status: 'implemented' as const, date: '2023-07-19' },
      { id: 'R1', status: 'implemented' as const, date: '2023-10-18' }
    ]
    expect(statusOn(recommendation, '2023-05-01', updates)).toEqual({ status: 'in-progress', since: '2023-01-18' })
    expect(statusOn(recommendation, '2024-01-01', updates)).toEqual({ status: 'implemented', since: '2023-07-19' })
  })
})
