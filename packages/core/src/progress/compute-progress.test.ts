import { describe, expect, it } from 'vitest'
import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { computeProgress, type Progress } from './compute-progress.js'
import { assuranceByStatusZeros, assuranceZeros, zeros } from './test-support.js'

const inquiry = { id: 'iitcse', title: 'Independent Inquiry into Telford Child Sexual Exploitation', published: '2022-07-12' }

describe('computeProgress', () => {
  it('gives zeros, empty lists and asOf as the forecast for an empty register', () => {
    const expected: Progress = {
      register: { id: 'iitcse', title: inquiry.title },
      asOf: '2023-07-01',
      beforePublication: false,
      total: 0,
      byStatus: zeros,
      implemented: 0,
      implementedRatio: 0,
      byOwner: {},
      byTheme: {},
      overdue: [],
      dueSoonDays: 45,
      dueSoon: [],
      responses: { accepted: 0, 'accepted-in-principle': 0, 'partially-accepted': 0, 'not-accepted': 0, awaiting: 0, overdue: [] },
      assurance: { byStatus: assuranceByStatusZeros },
      assuranceGap: [],
      slippage: { items: [], totalDays: 0, byOwner: {} },
      neverDiscussed: [],
      staleness: [],
      coverage: { meetings: [], rows: [] },
      burnUp: [],
      forecast: { windowDays: 180, implementedInWindow: 0, ratePerDay: 0, open: 0, date: '2023-07-01' },
      statuses: []
    }
    expect(computeProgress({ register: { inquiry, owners: [], recommendations: [] }, asOf: '2023-07-01' })).toStrictEqual(expected)
  })

  it('says whether asOf is before publication (the publication day itself is not)', () => {
    const register: Register = { inquiry, owners: [], recommendations: [] }
    expect(computeProgress({ register, asOf: '2022-07-11' }).beforePublication).toBe(true)
    expect(computeProgress({ register, asOf: '2022-07-12' }).beforePublication).toBe(false)
  })

  describe('on a small register with minutes', () => {
    const register: Register = {
      inquiry,
      owners: [
        { id: 'police', name: 'West Mercia Police' },
        { id: 'council', name: 'Telford & Wrekin Council' },
        { id: 'health', name: 'NHS Shropshire, Telford and Wrekin' }
      ],
      recommendations: [
        {
          id: 'R1',
          title: 'Training',
          owners: ['police'],
          themes: ['training'],
          due: '2023-06-30',
          history: [{ date: '2022-09-01', status: 'in-progress' }]
        },
        { id: 'R2', title: 'Data sharing', owners: ['police', 'council'], themes: ['training', 'data'], due: '2023-06-01', status: 'in-progress' },
        {
          id: 'R3',
          title: 'Old wording',
          owners: ['council'],
          status: 'not-started',
          history: [{ date: '2023-03-01', status: 'superseded' }],
          supersededBy: 'R4'
        },
        { id: 'R4', title: 'New wording', owners: ['council'], themes: ['data'], due: '2023-08-15' },
        { id: 'R5', title: 'Already done', owners: ['police'], status: 'implemented' }
      ]
    }
    const minutes: MinutesRecord[] = [
      {
        source: 'minutes/2023-01-10.md',
        date: '2023-01-10',
        title: 'Accountability meeting',
        references: [{ id: 'R1' }, { id: 'R2' }],
        updates: [{ id: 'R1', status: 'in-progress', date: '2023-01-10' }]
      },
      {
        source: 'minutes/2023-04-17.md',
        date: '2023-04-17',
        references: [{ id: 'R1' }, { id: 'R4' }, { id: 'R3' }],
        updates: [
          { id: 'R1', status: 'implemented', date: '2023-04-17' },
          { id: 'R4', status: 'in-progress', date: '2023-04-17' }
        ]
      },
      // Another register's minutes: ignored throughout.
      {
        source: 'minutes/hmicfrs.md',
        date: '2023-05-01',
        references: [{ id: 'R2', register: 'hmicfrs' }],
        updates: [{ id: 'R2', register: 'hmicfrs', status: 'implemented', date: '2023-05-01' }]
      },
      // After asOf: ignored throughout.
      {
        source: 'minutes/2023-08-01.md',
        date: '2023-08-01',
        references: [{ id: 'R2' }],
        updates: [{ id: 'R2', status: 'implemented', date: '2023-08-01' }]
      }
    ]

    // Statuses on 2023-07-01:
    //   R1 implemented since 2023-04-17 (minutes), R2 in-progress (baseline; the other
    //   register's update and the later minutes are ignored), R3 superseded since 2023-03-01,
    //   R4 in-progress since 2023-04-17, R5 implemented (baseline).
    const expected: Progress = {
      register: { id: 'iitcse', title: inquiry.title },
      asOf: '2023-07-01',
      beforePublication: false,
      total: 4,
      byStatus: { ...zeros, 'in-progress': 2, implemented: 2, superseded: 1 },
      implemented: 2,
      implementedRatio: 0.5,
      byOwner: {
        // R1 implemented, R2 in progress, R5 implemented.
        police: {
          name: 'West Mercia Police',
          total: 3,
          byStatus: { ...zeros, implemented: 2, 'in-progress': 1 },
          implemented: 2,
          implementedRatio: 2 / 3
        },
        // R2 and R4 in progress, R3 superseded.
        council: {
          name: 'Telford & Wrekin Council',
          total: 2,
          byStatus: { ...zeros, 'in-progress': 2, superseded: 1 },
          implemented: 0,
          implementedRatio: 0
        },
        health: { name: 'NHS Shropshire, Telford and Wrekin', total: 0, byStatus: zeros, implemented: 0, implementedRatio: 0 }
      },
      byTheme: {
        // R1 implemented, R2 in progress.
        training: { total: 2, byStatus: { ...zeros, implemented: 1, 'in-progress': 1 }, implemented: 1, implementedRatio: 0.5 },
        // R2 and R4 in progress.
        data: { total: 2, byStatus: { ...zeros, 'in-progress': 2 }, implemented: 0, implementedRatio: 0 }
      },
      // R2 due 2023-06-01, 30 days before asOf (June has 30 days). R1 is past due but implemented.
      overdue: [{ id: 'R2', due: '2023-06-01', daysOverdue: 30 }],
      dueSoonDays: 45,
      // asOf + 45 = 2023-08-15 (31 days to 2023-08-01, then 14): R4 just inside.
      dueSoon: [{ id: 'R4', due: '2023-08-15', daysUntilDue: 45 }],
      // No responses recorded and no responseDays: the four that count await one, none overdue.
      responses: { accepted: 0, 'accepted-in-principle': 0, 'partially-accepted': 0, 'not-accepted': 0, awaiting: 4, overdue: [] },
      // No assurance recorded anywhere: every status is not-recorded; R1 and R5 are implemented without verification.
      assurance: {
        byStatus: {
          ...assuranceByStatusZeros,
          'in-progress': { ...assuranceZeros, 'not-recorded': 2 },
          implemented: { ...assuranceZeros, 'not-recorded': 2 },
          superseded: { ...assuranceZeros, 'not-recorded': 1 }
        }
      },
      assuranceGap: ['R1', 'R5'],
      slippage: { items: [], totalDays: 0, byOwner: { police: { revised: 0, days: 0 }, council: { revised: 0, days: 0 }, health: { revised: 0, days: 0 } } },
      neverDiscussed: ['R5'],
      // Meetings of the register up to asOf: 2023-01-10 and 2023-04-17.
      // 2023-04-17 to 2023-07-01: 13 + 31 + 30 + 1 = 75 days; 2023-01-10 to 2023-07-01: 172 days.
      staleness: [
        { id: 'R1', lastDiscussed: '2023-04-17', lastDiscussedIn: 'minutes/2023-04-17.md', daysSince: 75, meetingsSince: 0 },
        { id: 'R2', lastDiscussed: '2023-01-10', lastDiscussedIn: 'minutes/2023-01-10.md', daysSince: 172, meetingsSince: 1 },
        { id: 'R4', lastDiscussed: '2023-04-17', lastDiscussedIn: 'minutes/2023-04-17.md', daysSince: 75, meetingsSince: 0 },
        { id: 'R5', meetingsSince: 2 }
      ],
      coverage: {
        meetings: [
          { source: 'minutes/2023-01-10.md', date: '2023-01-10', title: 'Accountability meeting' },
          { source: 'minutes/2023-04-17.md', date: '2023-04-17' }
        ],
        rows: [
          { id: 'R1', counts: [1, 1], total: 2 },
          { id: 'R2', counts: [1, 0], total: 1 },
          { id: 'R3', counts: [0, 1], total: 1 },
          { id: 'R4', counts: [0, 1], total: 1 },
          { id: 'R5', counts: [0, 0], total: 0 }
        ]
      },
      burnUp: [
        // R1 in progress, R2 in progress, R3 not started (superseded only from 03-01), R4 not started, R5 implemented.
        { date: '2023-01-10', implemented: 1, total: 5 },
        // R1 and R5 implemented; R3 superseded.
        { date: '2023-04-17', implemented: 2, total: 4 }
      ],
      // Window start: 2023-07-01 − 180 days = 2023-01-02 (2023-01-01 is 181 days back).
      // Implemented then: R5 only (R1 was in progress). Now: R1, R5. In the window: 1, 1/180 a day.
      // Open: R2, R4 = 2. Days: ceil(2 × 180 / 1) = 360. 2023-07-01 + 366 = 2024-07-01
      // (29 February 2024 in between), so + 360 = 2024-06-25.
      forecast: { windowDays: 180, implementedInWindow: 1, ratePerDay: 1 / 180, open: 2, date: '2024-06-25' },
      statuses: [
        { id: 'R1', status: 'implemented', since: '2023-04-17' },
        { id: 'R2', status: 'in-progress' },
        { id: 'R3', status: 'superseded', since: '2023-03-01' },
        { id: 'R4', status: 'in-progress', since: '2023-04-17' },
        { id: 'R5', status: 'implemented' }
      ]
    }

    it('computes every figure', () => {
      expect(computeProgress({ register, minutes, asOf: '2023-07-01' })).toStrictEqual(expected)
    })

    it('is JSON-serialisable without loss', () => {
      const progress = computeProgress({ register, minutes, asOf: '2023-07-01' })
      expect(JSON.parse(JSON.stringify(progress))).toStrictEqual(progress)
    })

    it('passes the windows on', () => {
      const progress = computeProgress({ register, minutes, asOf: '2023-07-01', dueSoonDays: 44, forecastWindowDays: 365 })
      expect(progress.dueSoonDays).toBe(44)
      expect(progress.dueSoon).toEqual([])
      // 2023-07-01 − 365 = 2022-07-01: R1 in progress only from 2022-09-01, R5 implemented. Same as above
      // but over 365 days: ceil(2 × 365 / 1) = 730 days, 2023-07-01 + 731 = 2025-07-01, so 2025-06-30.
      expect(progress.forecast).toEqual({ windowDays: 365, implementedInWindow: 1, ratePerDay: 1 / 365, open: 2, date: '2025-06-30' })
    })

    it('reports the register as it stood before publication', () => {
      const progress = computeProgress({ register, minutes, asOf: '2022-07-01' })
      expect(progress.beforePublication).toBe(true)
      expect(progress.statuses).toStrictEqual([
        { id: 'R1', status: 'not-started' },
        { id: 'R2', status: 'in-progress' },
        { id: 'R3', status: 'not-started' },
        { id: 'R4', status: 'not-started' },
        { id: 'R5', status: 'implemented' }
      ])
      expect(progress.coverage.meetings).toEqual([])
      expect(progress.burnUp).toEqual([])
    })
  })

  it('treats undefined options as the defaults', () => {
    const register: Register = { inquiry, owners: [], recommendations: [] }
    const progress = computeProgress({ register, minutes: undefined, asOf: '2023-07-01', dueSoonDays: undefined, forecastWindowDays: undefined })
    expect(progress.dueSoonDays).toBe(45)
    expect(progress.forecast.windowDays).toBe(180)
  })

  it('throws a TypeError for a malformed asOf and a RangeError for a bad window', () => {
    const register: Register = { inquiry, owners: [], recommendations: [] }
    expect(() => computeProgress({ register, asOf: '01/07/2023' })).toThrow(new TypeError('Unexpected asOf: date "01/07/2023", expected a real calendar date as YYYY-MM-DD'))
    expect(() => computeProgress({ register, asOf: '2023-07-01', dueSoonDays: -1 })).toThrow(RangeError)
    expect(() => computeProgress({ register, asOf: '2023-07-01', forecastWindowDays: 0 })).toThrow(RangeError)
  })
})
