import { describe, expect, it } from 'vitest'
import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { computeProgress } from './compute-progress.js'
import { recommendationSummaries } from './summaries.js'

const register: Register = {
  inquiry: { id: 'iitcse', title: 'Independent Inquiry into Telford Child Sexual Exploitation', published: '2022-07-12' },
  owners: [
    { id: 'police', name: 'West Mercia Police' },
    { id: 'council', name: 'Telford & Wrekin Council' }
  ],
  recommendations: [
    {
      id: 'R1',
      title: 'Training',
      text: 'Train every officer.',
      owners: ['police'],
      themes: ['training'],
      due: '2023-06-30',
      history: [{ date: '2022-09-01', status: 'in-progress' }]
    },
    { id: 'R2', title: 'Data sharing', owners: ['police', 'council'], due: '2023-08-01', status: 'in-progress' },
    { id: 'R3', title: 'Old wording', owners: ['council'], history: [{ date: '2023-03-01', status: 'superseded' }], supersededBy: 'R4' },
    { id: 'R4', title: 'New wording', owners: ['council'], due: '2023-09-30' }
  ]
}

const minutes: MinutesRecord[] = [
  { source: 'minutes/2023-01-10.md', date: '2023-01-10', references: [{ id: 'R1' }, { id: 'R3' }, { id: 'R1' }], updates: [] },
  { source: 'minutes/2023-04-17.md', date: '2023-04-17', references: [{ id: 'R3' }], updates: [{ id: 'R4', status: 'in-progress', date: '2023-04-17' }] },
  { source: 'minutes/2023-06-01.md', date: '2023-06-01', references: [], updates: [] }
]

describe('recommendationSummaries', () => {
  it('gives each recommendation its facts on the as-of date, in register order', () => {
    const progress = computeProgress({ register, minutes, asOf: '2023-07-10' })
    expect(recommendationSummaries(register, progress)).toStrictEqual([
      {
        id: 'R1',
        title: 'Training',
        text: 'Train every officer.',
        owners: ['police'],
        ownerNames: ['West Mercia Police'],
        themes: ['training'],
        status: 'in-progress',
        since: '2022-09-01',
        due: '2023-06-30',
        overdue: true,
        daysOverdue: 10,
        dueSoon: false,
        discussedTimes: 2,
        lastDiscussed: '2023-01-10',
        lastDiscussedIn: 'minutes/2023-01-10.md',
        daysSinceDiscussed: 181,
        meetingsSince: 2
      },
      {
        id: 'R2',
        title: 'Data sharing',
        owners: ['police', 'council'],
        ownerNames: ['West Mercia Police', 'Telford & Wrekin Council'],
        themes: [],
        status: 'in-progress',
        due: '2023-08-01',
        overdue: false,
        dueSoon: true,
        daysUntilDue: 22,
        discussedTimes: 0,
        meetingsSince: 3
      },
      {
        // Superseded: left out of staleness, its last discussion comes from the coverage matrix.
        id: 'R3',
        title: 'Old wording',
        owners: ['council'],
        ownerNames: ['Telford & Wrekin Council'],
        themes: [],
        status: 'superseded',
        since: '2023-03-01',
        overdue: false,
        dueSoon: false,
        discussedTimes: 2,
        lastDiscussed: '2023-04-17',
        lastDiscussedIn: 'minutes/2023-04-17.md',
        daysSinceDiscussed: 84,
        meetingsSince: 1,
        supersededBy: 'R4'
      },
      {
        id: 'R4',
        title: 'New wording',
        owners: ['council'],
        ownerNames: ['Telford & Wrekin Council'],
        themes: [],
        status: 'in-progress',
        since: '2023-04-17',
        due: '2023-09-30',
        overdue: false,
        dueSoon: false,
        discussedTimes: 0,
        meetingsSince: 3
      }
    ])
  })

  it('names an owner by id when the register has no name for it', () => {
    const bare = { owners: [], recommendations: [{ id: 'R1', title: 'Training', owners: ['police'] }] }
    const progress = computeProgress({ register: { ...bare, inquiry: register.inquiry }, asOf: '2023-07-10' })
    expect(recommendationSummaries(bare, progress)[0]?.ownerNames).toStrictEqual(['police'])
  })
})

describe('recommendationSummaries: the accountability cycle', () => {
  const cycle: Register = {
    inquiry: { id: 'acc', title: 'Accountability Review', published: '2024-01-01', responseDays: 56 },
    owners: [{ id: 'council', name: 'Borough Council' }],
    recommendations: [
      {
        id: 'R1',
        title: 'Case audit',
        owners: ['council'],
        due: '2024-03-31',
        response: { decision: 'accepted-in-principle', date: '2024-02-20', note: 'Subject to funding.' },
        history: [
          { date: '2024-03-01', due: '2024-09-30', reason: 'supplier delay' },
          { date: '2024-09-01', status: 'implemented', assurance: 'evidenced', by: 'Council', evidence: [{ title: 'Audit report', href: 'https://example.org/a.pdf' }] }
        ]
      },
      { id: 'R2', title: 'Training', owners: ['council'], due: '2024-06-30' }
    ]
  }
  const cycleMinutes: MinutesRecord[] = [
    {
      source: 'minutes/2024-08-01.md',
      date: '2024-08-01',
      references: [],
      updates: [
        { id: 'R1', date: '2024-08-01', due: '2024-12-31', reason: 'contract re-tendered', source: 'minutes/2024-08-01.md' },
        { id: 'R2', date: '2024-08-01', status: 'in-progress', response: 'accepted', assurance: 'claimed', source: 'minutes/2024-08-01.md' }
      ]
    }
  ]

  it('adds the response, the assurance, evidence and by of the current status, and the due-date revisions', () => {
    const progress = computeProgress({ register: cycle, minutes: cycleMinutes, asOf: '2024-10-01' })
    const [first, second] = recommendationSummaries(cycle, progress, cycleMinutes)
    expect(first).toMatchObject({
      due: '2024-03-31',
      currentDue: '2024-12-31',
      dueRevisions: [
        { date: '2024-03-01', due: '2024-09-30', reason: 'supplier delay' },
        { date: '2024-08-01', due: '2024-12-31', reason: 'contract re-tendered', source: 'minutes/2024-08-01.md' }
      ],
      response: { decision: 'accepted-in-principle', date: '2024-02-20', note: 'Subject to funding.' },
      assurance: 'evidenced',
      evidence: [{ title: 'Audit report', href: 'https://example.org/a.pdf' }],
      by: 'Council'
    })
    // A response and assurance from the minutes; a due date that never moved adds nothing.
    expect(second).toMatchObject({ response: { decision: 'accepted', date: '2024-08-01', source: 'minutes/2024-08-01.md' }, assurance: 'claimed', overdue: true })
    expect(second).not.toHaveProperty('currentDue')
    expect(second).not.toHaveProperty('dueRevisions')
    expect(second).not.toHaveProperty('evidence')
  })

  it('reads the register alone without minutes, and nothing after the as-of date', () => {
    const progress = computeProgress({ register: cycle, asOf: '2024-05-01' })
    const [first, second] = recommendationSummaries(cycle, progress)
    expect(first).toMatchObject({ currentDue: '2024-09-30', dueRevisions: [{ date: '2024-03-01', due: '2024-09-30', reason: 'supplier delay' }] })
    expect(first).not.toHaveProperty('assurance')
    expect(second).not.toHaveProperty('response')
  })
})
