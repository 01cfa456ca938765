import { statuses } from '@followthrough/core'
import { describe, expect, it } from 'vitest'
import { localToday, statusIcons } from './format.js'

describe('format', () => {
  it('has an icon for every status', () => {
    expect(Object.keys(statusIcons)).toEqual([...statuses])
  })

  it('today in local time', () => {
    expect(localToday(new Date(2024, 0, 5, 23, 30))).toBe('2024-01-05')
  })
})
