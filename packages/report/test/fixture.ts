import { computeProgress, RegisterSchema, type ActionItem, type MinutesRecord, type Register, type Status } from '@followthrough/core'
import type { ReportInput } from '../src/index.js'

/**
 * A small hand-made workspace: a register of twelve recommendations for four
 * owners and the records of eight dated meetings, as the CLI would extract
 * them from minutes (sources relative to the working folder).
 */
export const fixtureAsOf = '2024-07-31'

export const fixtureRegister: Register = RegisterSchema.parse({
  inquiry: { id: 'demo', title: 'Independent Inquiry into Example Safeguarding', published: '2022-07-12' },
  owners: [
    { id: 'council', name: 'Example Borough Council' },
    { id: 'police', name: 'Example Police' },
    { id: 'pcc', name: 'Office of the Police and Crime Commissioner' },
    { id: 'health', name: 'Example NHS Trust' }
  ],
  recommendations: [
    {
      id: 'R1',
      title: 'Name a lead member and director for exploitation',
      text: 'The council should give one cabinet member and one director clear responsibility.',
      owners: ['council'],
      themes: ['governance'],
      due: '2023-01-31',
      status: 'not-started',
      history: [
        { date: '2022-10-05', status: 'in-progress', source: 'Council action plan, October 2022' },
        { date: '2022-12-15', status: 'implemented', note: 'Confirmed by cabinet.', source: 'Council progress report' }
      ]
    },
    { id: 'R2', title: 'Publish a yearly exploitation strategy', owners: ['council'], themes: ['governance'], due: '2023-03-31' },
    { id: 'R3', title: 'Adopt a victim-first standard for every investigation', owners: ['police'], themes: ['investigation'], due: '2023-06-30' },
    { id: 'R4', title: 'Train every officer in exploitation indicators', owners: ['police'], themes: ['training'], due: '2024-06-30' },
    { id: 'R5', title: 'Hold the Chief Constable to account each quarter', owners: ['pcc'], themes: ['governance'], due: '2023-03-31' },
    { id: 'R6', title: 'Share health information with the safeguarding hub', owners: ['health', 'council'], themes: ['partnership'], due: '2024-08-31' },
    { id: 'R7', title: 'Fund specialist support for survivors', owners: ['pcc', 'council'], themes: ['victims'], due: '2024-03-31' },
    { id: 'R8', title: 'Review taxi licensing checks', owners: ['council'], themes: ['licensing'], due: '2023-09-30' },
    { id: 'R9', title: 'Record ethnicity of victims and suspects', owners: ['police'], themes: ['data'], due: '2024-09-15' },
    { id: 'R10', title: 'Commission an independent audit of cases', owners: ['council', 'police'], themes: ['assurance'], due: '2025-03-31' },
    {
      id: 'R11',
      title: 'Set up a survivors’ panel',
      owners: ['pcc'],
      themes: ['victims'],
      history: [{ date: '2023-05-01', status: 'superseded', note: 'Merged into R7.' }],
      supersededBy: 'R7'
    },
    { id: 'R12', title: 'Lobby for national change to disclosure rules', owners: ['pcc'], themes: ['national'], due: '2024-12-31' }
  ]
})

function meeting(source: string, date: string, title: string, references: string[], updates: Array<[string, Status, string?]> = []): MinutesRecord {
  return {
    source,
    date,
    title,
    references: references.map((id) => ({ id })),
    updates: updates.map(([id, status, note]) => ({ id, status, date, source, ...(note !== undefined ? { note } : {}) }))
  }
}

export const fixtureMinutes: MinutesRecord[] = [
  meeting(
    'minutes/2022-10-12-accountability.md',
    '2022-10-12',
    'Accountability meeting',
    ['R1', 'R3', 'R5', 'R5'],
    [
      ['R3', 'in-progress'],
      ['R5', 'in-progress']
    ]
  ),
  meeting(
    'minutes/2023-01-18-accountability.md',
    '2023-01-18',
    'Accountability meeting',
    ['R2', 'R3', 'R4', 'R5'],
    [
      ['R2', 'in-progress'],
      ['R4', 'in-progress']
    ]
  ),
  meeting(
    'minutes/2023-04-17-accountability.md',
    '2023-04-17',
    'Accountability meeting',
    ['R2', 'R3', 'R3', 'R3', 'R5', 'R8'],
    [
      ['R2', 'implemented'],
      ['R5', 'implemented'],
      ['R8', 'in-progress']
    ]
  ),
  meeting(
    'minutes/2023-06-21-partnership.md',
    '2023-06-21',
    'Partnership board',
    ['R6', 'R7', 'R11'],
    [
      ['R6', 'in-progress'],
      ['R7', 'in-progress']
    ]
  ),
  meeting(
    'minutes/2023-10-18-accountability.md',
    '2023-10-18',
    'Accountability meeting',
    ['R3', 'R4', 'R8', 'R12'],
    [
      ['R3', 'ready-for-assessment'],
      ['R8', 'implemented'],
      ['R12', 'blocked', 'Needs national legislation.']
    ]
  ),
  meeting(
    'minutes/2024-01-17-accountability.md',
    '2024-01-17',
    'Accountability meeting',
    ['R3', 'R4', 'R4', 'R7', 'R10'],
    [
      ['R3', 'implemented'],
      ['R10', 'in-progress']
    ]
  ),
  meeting(
    'minutes/2024-04-17-accountability.md',
    '2024-04-17',
    'Accountability meeting',
    ['R4', 'R6', 'R7', 'R7', 'R7', 'R7', 'R7'],
    [
      ['R4', 'ready-for-assessment'],
      ['R7', 'implemented']
    ]
  ),
  meeting(
    'minutes/2024-07-17-accountability.md',
    '2024-07-17',
    'Accountability meeting',
    ['R4', 'R6', 'R10', 'R12'],
    [
      ['R4', 'implemented'],
      ['R6', 'ready-for-assessment']
    ]
  )
]

/** The fixture as {@link renderReport} takes it. */
export function fixtureReport(asOf: string = fixtureAsOf): ReportInput {
  return {
    register: fixtureRegister,
    progress: computeProgress({ register: fixtureRegister, minutes: fixtureMinutes, asOf }),
    minutes: fixtureMinutes
  }
}

/**
 * A register that records the accountability cycle in its history: responses
 * (due 2024-02-26, published + 56 days), assurance on status events and moved
 * due dates. By hand, on {@link accountabilityAsOf}: accepted 1 (R1), accepted
 * in principle 1 (R2), partially accepted 1 (R5), not accepted 1 (R4),
 * awaiting 1 and overdue: R3 (R6 is superseded); implemented: verified 1 (R1),
 * evidenced 1 (R3); ready for assessment: claimed 1 (R2); the assurance gap is
 * R2 (both owners) and R3 (police); R2 slipped 275 days in two revisions
 * (2024-03-31 → 2024-12-31), R4 was brought forward 61 days without a reason,
 * 214 days in all.
 */
export const accountabilityAsOf = '2024-10-01'

export const accountabilityRegister: Register = RegisterSchema.parse({
  inquiry: { id: 'acc', title: 'Accountability Review', published: '2024-01-01', responseDays: 56 },
  owners: [
    { id: 'council', name: 'Borough Council' },
    { id: 'police', name: 'County Police' }
  ],
  recommendations: [
    {
      id: 'R1',
      title: 'Name a lead member',
      owners: ['council'],
      due: '2024-06-30',
      response: { decision: 'accepted', date: '2024-02-01' },
      history: [{ date: '2024-05-01', status: 'implemented', assurance: 'verified', by: 'Internal audit' }]
    },
    {
      id: 'R2',
      title: 'Commission a case audit',
      owners: ['council', 'police'],
      due: '2024-03-31',
      response: { decision: 'accepted-in-principle', date: '2024-02-20' },
      history: [
        { date: '2024-03-01', due: '2024-09-30', reason: 'supplier delay' },
        { date: '2024-08-01', due: '2024-12-31', reason: 'contract re-tendered' },
        { date: '2024-09-01', status: 'ready-for-assessment', assurance: 'claimed', by: 'Council' }
      ]
    },
    {
      id: 'R3',
      title: 'Train every officer',
      owners: ['police'],
      due: '2024-06-30',
      history: [{ date: '2024-06-01', status: 'implemented', assurance: 'evidenced', evidence: [{ title: 'Training records', href: 'https://example.org/training.pdf' }] }]
    },
    {
      id: 'R4',
      title: 'Record ethnicity of victims',
      owners: ['police'],
      due: '2024-12-31',
      response: { decision: 'not-accepted', date: '2024-02-10' },
      history: [{ date: '2024-04-01', due: '2024-10-31' }]
    },
    { id: 'R5', title: 'Fund survivor support', owners: ['council'], status: 'in-progress', response: { decision: 'partially-accepted', date: '2024-03-15' } },
    { id: 'R6', title: 'Set up a panel', owners: ['council'], supersededBy: 'R5', history: [{ date: '2024-02-01', status: 'superseded' }] }
  ]
})

export const accountabilityMinutes: MinutesRecord[] = [meeting('minutes/2024-09-15-board.md', '2024-09-15', 'Board', ['R1', 'R2'])]

/**
 * The minutes' actions on {@link accountabilityAsOf}: open, by owner, overdue
 * first: Council (2: line 12 overdue, then line 14), Police (1), no owner (1);
 * line 16 is done.
 */
export const accountabilityActions: ActionItem[] = [
  {
    file: 'minutes/2024-09-15-board.md',
    line: 14,
    column: 3,
    text: 'Council to publish the response',
    owner: 'Council',
    due: '2024-11-30',
    dueSource: 'month',
    done: false,
    references: [],
    overdue: false
  },
  {
    file: 'minutes/2024-09-15-board.md',
    line: 12,
    column: 3,
    text: 'Council to send the audit terms',
    owner: 'Council',
    due: '2024-09-30',
    dueSource: 'date',
    done: false,
    references: ['R2'],
    overdue: true
  },
  {
    file: 'minutes/2024-09-15-board.md',
    line: 13,
    column: 3,
    text: 'Police to report on training at the next meeting',
    owner: 'Police',
    due: '2024-12-11',
    dueSource: 'next-meeting',
    done: false,
    references: ['R3'],
    overdue: false
  },
  {
    file: 'minutes/2024-09-15-board.md',
    line: 15,
    column: 3,
    text: 'Clerk to circulate the minutes',
    owner: null,
    due: null,
    dueSource: null,
    done: false,
    references: [],
    overdue: false
  },
  {
    file: 'minutes/2024-09-15-board.md',
    line: 16,
    column: 3,
    text: 'Police to share data',
    owner: 'Police',
    due: '2024-08-01',
    dueSource: 'date',
    done: true,
    references: ['R4'],
    overdue: false
  }
]

/** The accountability fixture as {@link renderReport} takes it. */
export function accountabilityReport(): ReportInput {
  return {
    register: accountabilityRegister,
    progress: computeProgress({ register: accountabilityRegister, minutes: accountabilityMinutes, asOf: accountabilityAsOf }),
    minutes: accountabilityMinutes
  }
}
