import { assert, describe, expect, it } from 'vitest'
import { dataOf, messagesOf, run } from '../test/pipeline.js'
import { frontMatter, iitcse } from '../test/registers.js'
import { readStatus, statusColumns, unknownStatusReason } from './status-updates.js'

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
