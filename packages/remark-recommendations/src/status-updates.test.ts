import { assert, describe, expect, it } from 'vitest'
import { dataOf, messagesOf, run } from '../test/pipeline.js'
import { frontMatter, iitcse } from '../test/registers.js'
import { toMinutesRecord } from './records.js'
import { readAssurance, readResponse, readStatus, statusColumns, unknownStatusReason } from './status-updates.js'

describe('statusColumns', () => {
  it('needs Recommendation, Rec or ID first and a Status column', () => {
    expect(statusColumns(['Recommendation', 'Status', 'Note'])).toEqual({ status: 1, note: 2 })
    expect(statusColumns([' rec ', 'Owner', 'STATUS', 'Comments'])).toEqual({ status: 2, note: 3 })
    expect(statusColumns(['ID', 'Status'])).toEqual({ status: 1 })
    expect(statusColumns(['Item', 'Status'])).toBeUndefined()
    expect(statusColumns(['Recommendation', 'Owner'])).toBeUndefined()
    expect(statusColumns(['Status', 'Recommendation'])).toBeUndefined()
  })
})

describe('readStatus', () => {
  it('normalises with core and suggests for unknown words', () => {
    expect(readStatus('In progress')).toEqual({ status: 'in-progress' })
    expect(readStatus('READY FOR ASSESSMENT')).toEqual({ status: 'ready-for-assessment' })
    expect(readStatus('implemnted')).toEqual({ suggestions: ['implemented'] })
    expect(readStatus('Done')).toEqual({ suggestions: ['ready-for-assessment', 'implemented'] })
    expect(readStatus('Done-ish')).toEqual({ suggestions: [] })
  })

  it('words the message "Unexpected X, expected Y"', () => {
    expect(unknownStatusReason('Done-ish', [])).toBe(
      'Unexpected status "Done-ish", expected one of not-started, in-progress, ready-for-assessment, implemented, blocked, rejected, superseded'
    )
  })
})

describe('status update tables in minutes', () => {
  const minutes =
    frontMatter() +
    [
      '## Status updates', // line 9
      '',
      '| Recommendation | Owner | Status | Note |',
      '| --- | --- | --- | --- |',
      '| R3 | Police | In progress | Draft standard being tested |',
      '| Recommendations 4 and 5 | Police | not_started |  |',
      '| 12 | Police | Ready for assessment | Audit done |',
      '| R7 | Council |  | No update |',
      '| R23 | Police | Done-ish | Letter sent |',
      '| Nothing here | Police | Blocked | |',
      '',
      '| Item | Status |',
      '| --- | --- |',
      '| R9 | Implemented |',
      ''
    ].join('\n')

  it('gives one update per recommendation named in the first cell, dated by the meeting', () => {
    const updates = dataOf(run(minutes, { registers: [iitcse] })).updates
    expect(updates.map((update) => [update.id, update.register, update.status, update.note, update.date])).toEqual([
      ['R3', 'iitcse', 'in-progress', 'Draft standard being tested', '2023-04-17'],
      ['R4', 'iitcse', 'not-started', undefined, '2023-04-17'],
      ['R5', 'iitcse', 'not-started', undefined, '2023-04-17'],
      ['R12', 'iitcse', 'ready-for-assessment', 'Audit done', '2023-04-17']
    ])
  })

  it('positions the row, the status cell and the reference', () => {
    const [first, second] = dataOf(run(minutes)).updates
    expect(first?.position).toMatchObject({ start: { line: 13, column: 1 }, end: { line: 13, column: 60 } })
    expect(first?.statusPosition).toMatchObject({ start: { line: 13, column: 17 }, end: { line: 13, column: 28 } })
    expect(first?.referencePosition).toMatchObject({ start: { line: 13, column: 3 }, end: { line: 13, column: 5 } })
    expect(second?.referencePosition).toMatchObject({ start: { line: 14, column: 19 }, end: { line: 14, column: 20 } })
  })

  it('adds bare numbers in the first cell to the references', () => {
    const references = dataOf(run(minutes)).references
    expect(references.find((reference) => reference.id === 'R12')).toMatchObject({
      text: '12',
      position: { start: { line: 15, column: 3 } }
    })
  })

  it('reports an unknown status on its cell, suggesting the nearest', () => {
    const file = run(minutes)
    expect(messagesOf(file)).toEqual([
      'minutes.md:17:18-17:26: Unexpected status "Done-ish", expected one of not-started, in-progress, ready-for-assessment, implemented, blocked, rejected, superseded'
    ])
    const [message] = file.messages
    assert.isDefined(message)
    expect([message.ruleId, message.source, message.fatal, message.actual]).toEqual(['unknown-status', 'followthrough', true, 'Done-ish'])
  })

  it('has no date without valid front matter', () => {
    const updates = dataOf(run('| ID | Status |\n| --- | --- |\n| R1 | Implemented |\n')).updates
    expect(updates).toEqual([
      {
        id: 'R1',
        status: 'implemented',
        position: { start: { line: 3, column: 1, offset: 30 }, end: { line: 3, column: 21, offset: 50 } },
        statusPosition: { start: { line: 3, column: 8, offset: 37 }, end: { line: 3, column: 19, offset: 48 } },
        referencePosition: { start: { line: 3, column: 3, offset: 32 }, end: { line: 3, column: 5, offset: 34 } }
      }
    ])
  })
})

describe('accountability columns', () => {
  it('finds Response, Assurance, Evidence, By, Due or Revised due and Reason columns, any case', () => {
    expect(statusColumns(['ID', 'Status', 'RESPONSE', 'Assurance', 'evidence', 'By', 'Revised due', 'Reason', 'Note'])).toEqual({
      status: 1,
      response: 2,
      assurance: 3,
      evidence: 4,
      by: 5,
      due: 6,
      reason: 7,
      note: 8
    })
    expect(statusColumns(['Rec', 'Due date', 'Status'])).toEqual({ status: 2, due: 1 })
    // A Due column without a Status column is not a status table.
    expect(statusColumns(['Recommendation', 'Due', 'Reason'])).toBeUndefined()
  })

  it('reads responses and assurances case-insensitively, with spaces or hyphens', () => {
    expect(readResponse('Accepted in principle')).toEqual({ value: 'accepted-in-principle' })
    expect(readResponse('NOT-ACCEPTED')).toEqual({ value: 'not-accepted' })
    expect(readResponse('Rejected')).toEqual({ suggestions: ['not-accepted'] })
    expect(readAssurance(' Verified ')).toEqual({ value: 'verified' })
    expect(readAssurance('Checked')).toEqual({ suggestions: ['verified'] })
    expect(readAssurance('evidenced!')).toEqual({ suggestions: ['evidenced'] })
  })

  const table =
    frontMatter() +
    [
      '| ID | Status | Response | Assurance | Evidence | By | Revised due | Reason |', // line 9
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| R1 | Implemented | Accepted | Verified | [Audit report](https://example.org/audit.pdf) (May 2023); Training records | Internal audit | | |',
      '| R2 | | | | | | 31 March 2024 | Supplier delay |',
      '| R3 | In progress | Partially accepted | Claimed | [Plan](plan.md) and [Minutes](m.md) | Chief Constable | 2024-06-30 | |',
      '| R4 | | Accepted in principle | | | | | |',
      '| R5 | | | Verified | | | | |',
      '| R6 | Blocked | Agreed | Checked | | | TBC | |',
      ''
    ].join('\n')

  it('passes every column into the update; an empty Status cell with a due date or response is an update without status', () => {
    const updates = dataOf(run(table, { registers: [iitcse] })).updates
    const positions = new Set(['position', 'statusPosition', 'referencePosition', 'duePosition', 'responsePosition', 'assurancePosition'])
    expect(updates.map((update) => Object.fromEntries(Object.entries(update).filter(([key]) => !positions.has(key))))).toEqual([
      {
        id: 'R1',
        register: 'iitcse',
        status: 'implemented',
        date: '2023-04-17',
        response: 'accepted',
        assurance: 'verified',
        evidence: [{ title: 'Audit report (May 2023)', href: 'https://example.org/audit.pdf' }, { title: 'Training records' }],
        by: 'Internal audit'
      },
      { id: 'R2', register: 'iitcse', date: '2023-04-17', due: '2024-03-31', reason: 'Supplier delay' },
      {
        id: 'R3',
        register: 'iitcse',
        status: 'in-progress',
        date: '2023-04-17',
        response: 'partially-accepted',
        assurance: 'claimed',
        evidence: [
          { title: 'Plan', href: 'plan.md' },
          { title: 'Minutes', href: 'm.md' }
        ],
        by: 'Chief Constable',
        due: '2024-06-30'
      },
      { id: 'R4', register: 'iitcse', date: '2023-04-17', response: 'accepted-in-principle' },
      { id: 'R6', register: 'iitcse', status: 'blocked', date: '2023-04-17' }
    ])
    const r3 = updates[2]
    expect(r3?.duePosition).toMatchObject({ start: { line: 13, column: 109 } })
    expect(table.split('\n')[12]?.slice((r3?.duePosition?.start.column ?? 0) - 1, (r3?.duePosition?.end.column ?? 0) - 1)).toBe('2024-06-30')
  })

  it('reports unknown responses and assurances, a due cell that is not a date, and a due date moved without a reason, on their cells', () => {
    const file = run(table, { registers: [iitcse] })
    expect(messagesOf(file)).toEqual([
      'minutes.md:13:109-13:119: Unexpected due date moved to 2024-06-30 without a reason, expected a Reason cell saying why',
      'minutes.md:16:18-16:24: Unexpected response "Agreed", expected accepted (one of accepted, accepted-in-principle, partially-accepted, not-accepted)',
      'minutes.md:16:27-16:34: Unexpected assurance "Checked", expected verified (one of claimed, evidenced, verified)',
      'minutes.md:16:41-16:44: Unexpected due date "TBC", expected a date such as 2025-03-31, 31 March 2025 or March 2025'
    ])
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['due-date-moved-without-reason', false],
      ['unknown-response', true],
      ['unknown-assurance', true],
      ['invalid-due-date', true]
    ])
  })

  it('turns every field into core’s MinutesRecord update', () => {
    const data = dataOf(run(table, { registers: [iitcse] }))
    const record = toMinutesRecord(data, 'minutes.md')
    expect(record?.updates?.[1]).toEqual({
      id: 'R2',
      register: 'iitcse',
      date: '2023-04-17',
      due: '2024-03-31',
      reason: 'Supplier delay',
      source: 'minutes.md',
      position: data.updates[1]?.position
    })
    expect(record?.updates?.[0]).toMatchObject({ status: 'implemented', response: 'accepted', assurance: 'verified', by: 'Internal audit' })
  })

  it('lets the config turn the new rules off', () => {
    const file = run(table, { registers: [iitcse], rules: { 'due-date-moved-without-reason': 'off', 'unknown-response': 'warning' } })
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['unknown-response', false],
      ['unknown-assurance', true],
      ['invalid-due-date', true]
    ])
  })
})

describe('a row with an unknown status', () => {
  it('gives no update, and still reports its other cells', () => {
    const file = run(frontMatter() + '| ID | Status | Assurance |\n| --- | --- | --- |\n| R3 | Done-ish | Checked |\n', { registers: [iitcse] })
    expect(dataOf(file).updates).toEqual([])
    expect(file.messages.map((message) => message.ruleId)).toEqual(['unknown-status', 'unknown-assurance'])
  })
})
