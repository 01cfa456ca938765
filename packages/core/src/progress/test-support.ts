import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
/**
 * Shared by the progress tests (not exported from the package): counts with
 * every status at zero, written out so expectations stay hand-readable.
 */
export const zeros = {
  'not-started': 0,
  'in-progress': 0,
  'ready-for-assessment': 0,
  implemented: 0,
  blocked: 0,
  rejected: 0,
  superseded: 0
}

/** Assurance counts with every level at zero. */
export const assuranceZeros = { claimed: 0, evidenced: 0, verified: 0, 'not-recorded': 0 }

/** `byStatus` of the assurance figures with every count at zero. */
export const assuranceByStatusZeros = {
  'not-started': assuranceZeros,
  'in-progress': assuranceZeros,
  'ready-for-assessment': assuranceZeros,
  implemented: assuranceZeros,
  blocked: assuranceZeros,
  rejected: assuranceZeros,
  superseded: assuranceZeros
}

/**
 * A small register with the accountability fields (responses, assurance, a
 * moved due date in the register and one in minutes), for the responses,
 * assurance, slippage and dueOn tests. Response due: 2024-03-01 + 56 = 2024-04-26.
 */
export const accountabilityRegister: Register = {
  inquiry: { id: 'nci24', title: 'Custody inspection', published: '2024-03-01', responseDays: 56 },
  schemes: [
    { prefix: 'R', keywords: ['Recommendation'] },
    { prefix: 'AFI', keywords: ['Area for improvement'] }
  ],
  owners: [
    { id: 'force', name: 'The force' },
    { id: 'pcc', name: "The PCC's office" }
  ],
  recommendations: [
    {
      id: 'R1',
      title: 'Cells',
      owners: ['force'],
      due: '2024-06-30',
      response: { decision: 'accepted', date: '2024-04-10' },
      history: [
        { date: '2024-05-01', due: '2024-09-30', reason: 'supplier delay' },
        { date: '2024-08-01', status: 'implemented', assurance: 'claimed', by: 'force' }
      ]
    },
    { id: 'R4.2', title: 'Detention reviews', owners: ['force', 'pcc'], due: '2024-12-31' },
    { id: 'AFI1', title: 'Food', owners: ['pcc'], status: 'ready-for-assessment' },
    {
      id: 'AFI2',
      title: 'Complaints',
      owners: ['pcc'],
      due: '2024-10-31',
      response: { decision: 'accepted-in-principle', date: '2024-05-01' },
      history: [
        { date: '2024-07-01', status: 'implemented', assurance: 'verified', evidence: [{ title: 'Audit report', href: 'https://example.org/audit' }], by: 'Internal audit' }
      ]
    },
    { id: 'R5', title: 'Old', owners: ['force'], history: [{ date: '2024-06-01', status: 'superseded' }] }
  ]
}

/** Minutes of {@link accountabilityRegister}: a response and status in May, a due-only row in September, another register's row. */
export const accountabilityMinutes: MinutesRecord[] = [
  { source: 'minutes/2024-05-20.md', date: '2024-05-20', updates: [{ id: 'R4.2', status: 'in-progress', response: 'partially-accepted', date: '2024-05-20' }] },
  { source: 'minutes/2024-09-10.md', date: '2024-09-10', updates: [{ id: 'R4.2', due: '2025-03-31', reason: 'contract re-tendered', date: '2024-09-10' }] },
  {
    source: 'minutes/other.md',
    date: '2024-06-01',
    updates: [{ id: 'R1', register: 'other', due: '2026-01-01', response: 'not-accepted', assurance: 'verified', status: 'implemented', date: '2024-06-01' }]
  }
]
