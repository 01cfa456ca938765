import { describe, expect, it } from 'vitest'
import { normalizeStatus, statuses, StatusSchema } from './status.js'

describe('status', () => {
  it('has the seven statuses', () => {
    expect(statuses).toEqual(['not-started', 'in-progress', 'ready-for-assessment', 'implemented', 'blocked', 'rejected', 'superseded'])
  })

  it.each([
    ['In progress', 'in-progress'],
    ['READY FOR ASSESSMENT', 'ready-for-assessment'],
    ['not_started', 'not-started'],
    [' Implemented ', 'implemented'],
    ['in\u00a0progress', 'in-progress'],
    ['Done-ish', undefined],
    ['', undefined]
  ])('normalises %j to %j', (text, expected) => {
    expect(normalizeStatus(text)).toBe(expected)
  })

  it('names the offending value', () => {
    const result = StatusSchema.safeParse('done')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(
      'Unexpected status "done", expected one of not-started, in-progress, ready-for-assessment, implemented, blocked, rejected, superseded'
    )
  })
})
