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

/** What `finding` prints as, but its fix. */
const row = {
  file: 'minutes/a.md',
  line: 3,
  column: 14,
  endLine: 3,
  endColumn: 31,
  severity: 'warning',
  ruleId: 'reference-style',
  message: 'Unexpected "Recommendation 12", expected "R12" (house style)'
}

describe('formatJson', () => {
  it('prints the fix --fix would apply, with paths relative to the working folder', () => {
    expect(JSON.parse(formatJson([finding], { cwd: '/w' }))).toEqual([{ ...row, fix: { offset: 40, endOffset: 57, text: 'R12' } }])
  })

  it('leaves fix out when there is none', () => {
    const plain: Finding = { ...finding }
    delete plain.fix
    // A key the row does not have fails `toEqual` (JSON has no undefined values).
    expect(JSON.parse(formatJson([plain], { cwd: '/w' }))).toEqual([row])
  })
})
