import type { Finding } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { formatJson } from './json.js'

const finding: Finding = {
  file: '/w/minutes/a.md',
  line: 3,
  column: 14,
  endLine: 3,
  endColumn: 31,
  offset: 40,
  endOffset: 57,
  severity: 'warning',
  ruleId: 'reference-style',
  message: 'Unexpected "Recommendation 12", expected "R12" (house style)',
  fix: { offset: 40, endOffset: 57, text: 'R12' }
}

describe('formatJson', () => {
  it('prints the fix --fix would apply, with paths relative to the working folder', () => {
    expect(JSON.parse(formatJson([finding], { cwd: '/w' }))).toEqual([
      {
        file: 'minutes/a.md',
        line: 3,
        column: 14,
        endLine: 3,
        endColumn: 31,
        severity: 'warning',
        ruleId: 'reference-style',
        message: 'Unexpected "Recommendation 12", expected "R12" (house style)',
        fix: { offset: 40, endOffset: 57, text: 'R12' }
      }
    ])
  })

  it('leaves fix out when there is none', () => {
    const { fix: _, ...plain } = finding
    expect(JSON.parse(formatJson([plain], { cwd: '/w' }))[0]).not.toHaveProperty('fix')
  })
})
