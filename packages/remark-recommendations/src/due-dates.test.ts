import { describe, expect, it } from 'vitest'
import { findDueDate, findMeetingDate, readDueCell } from './due-dates.js'

function due(text: string, meeting?: string): string | undefined {
  return findDueDate(text, meeting)?.due
}

describe('findDueDate', () => {
  it('reads ISO dates and UK day/month/year dates', () => {
    expect(due('circulate the standard by 2022-11-30 (R3)')).toBe('2022-11-30')
    expect(due('report by 30/09/2023')).toBe('2023-09-30')
    expect(due('report by 1/2/2024')).toBe('2024-02-01')
    expect(due('not a date 2023-02-30')).toBeUndefined()
    expect(due('not a date 31/02/2023')).toBeUndefined()
  })

  it('reads "by 30 September 2023" and friends', () => {
    expect(due('by 30 September 2023')).toBe('2023-09-30')
    expect(due('by 1st March 2024')).toBe('2024-03-01')
    expect(due('before 12 Oct. 2023')).toBe('2023-10-12')
    expect(due('due 5 Sept 2023')).toBe('2023-09-05')
    expect(due('by 31 June 2023')).toBeUndefined()
  })

  it('resolves a month without a year against the meeting date', () => {
    expect(due('publish the partnership report in June', '2023-04-17')).toBe('2023-06-30')
    expect(due('by March', '2023-10-18')).toBe('2024-03-31')
    expect(due('by April', '2023-04-17')).toBe('2023-04-30')
    expect(due('in February', '2024-01-10')).toBe('2024-02-29')
    expect(due('by the end of March', '2023-10-18')).toBe('2024-03-31')
    expect(due('by 30 September', '2023-04-17')).toBe('2023-09-30')
    expect(due('by 1 March', '2023-03-20')).toBe('2024-03-01')
  })

  it('reads "on 28 June" and "to the October meeting"', () => {
    expect(due('Council to publish the report on 28 June', '2023-06-21')).toBe('2023-06-28')
    expect(due('to bring the findings to the October meeting (R14)', '2024-07-17')).toBe('2024-10-31')
    expect(due('results at the January meeting', '2022-10-12')).toBe('2023-01-31')
    expect(due('for the March 2025 meeting')).toBe('2025-03-31')
    expect(due('on June', '2023-01-01')).toBeUndefined()
    expect(due('went to the June ball', '2023-01-01')).toBeUndefined()
  })

  it('reads a month with a year without the meeting date', () => {
    expect(due('in June 2023')).toBe('2023-06-30')
    expect(due('by the end of December 2024')).toBe('2024-12-31')
  })

  it('finds the phrase but no date when a month needs a meeting date that is missing', () => {
    expect(findDueDate('in June')).toEqual({ start: 0, end: 7 })
  })

  it('needs a capitalised month and a preposition', () => {
    expect(due('the team in may decide', '2023-04-17')).toBeUndefined()
    expect(due('the June meeting', '2023-04-17')).toBeUndefined()
    expect(due('in Junction', '2023-04-17')).toBeUndefined()
  })

  it('takes the first date in the text', () => {
    expect(due('by 2023-05-01, or at the latest in June', '2023-04-17')).toBe('2023-05-01')
    expect(due('in June, no later than 2023-07-15', '2023-04-17')).toBe('2023-06-30')
  })
})

describe('readDueCell', () => {
  it('reads a whole cell as one date, a month as its last day', () => {
    expect(readDueCell('2025-03-31')).toEqual({ due: '2025-03-31', start: 0, end: 10 })
    expect(readDueCell('31/03/2025')?.due).toBe('2025-03-31')
    expect(readDueCell('31 March 2025')).toEqual({ due: '2025-03-31', start: 0, end: 13 })
    expect(readDueCell('March 2025')).toEqual({ due: '2025-03-31', start: 0, end: 10, month: true })
    expect(readDueCell('end of June', '2024-07-01')?.due).toBe('2025-06-30')
    expect(readDueCell('by 30 September 2024.')?.due).toBe('2024-09-30')
  })

  it('reads nothing else', () => {
    for (const text of ['TBC', '', '2025-02-30', 'March 2025 or later', 'see note', 'June']) expect(readDueCell(text)).toBeUndefined()
  })
})

describe('findMeetingDate', () => {
  it('finds the first day written, resolving a missing year after the meeting', () => {
    expect(findMeetingDate('Thursday 12 March 2025, 10am, Hindlip')).toBe('2025-03-12')
    expect(findMeetingDate('The next meeting is on 2025-06-05.')).toBe('2025-06-05')
    expect(findMeetingDate('12th March', '2024-11-20')).toBe('2025-03-12')
    expect(findMeetingDate('5 December', '2024-11-20')).toBe('2024-12-05')
    expect(findMeetingDate('To be arranged in March 2025')).toBeUndefined()
    expect(findMeetingDate('12 March')).toBeUndefined()
  })
})
