import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config.js'
import { analyzeMinutes } from './minutes.js'
import { applyFixes } from './reference-style.js'

const text = [
  '---',
  'meeting: accountability',
  'date: 2023-04-17',
  'title: Meeting',
  'chair: PCC',
  'attendees: []',
  '---',
  '',
  'Rec 12 and Rec. 3 came up, so did recommendation\u00a04 and R5.',
  'Recommendation 6 is fine; Recs 8 & 9 and R3–R5 stay; *Rec* 7 too; iitcse:R2 as well.',
  ''
].join('\n')

function lint(style: 'prose' | 'id' | undefined) {
  const config = { ...defaultConfig(), ...(style ? { referenceStyle: style } : {}) }
  return analyzeMinutes(text, '/w/m.md', { registers: [], config }).findings.filter((finding) => finding.ruleId === 'reference-style')
}

describe('reference-style', () => {
  it('is off unless the config sets a style', () => {
    expect(lint(undefined)).toEqual([])
  })

  it('flags single references not in the prose style, with a fix', () => {
    expect(lint('prose').map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`)).toEqual([
      '9:1-9:7 Unexpected "Rec 12", expected "Recommendation 12" (the house style)',
      '9:12-9:18 Unexpected "Rec. 3", expected "Recommendation 3" (the house style)',
      '9:35-9:51 Unexpected "recommendation 4", expected "Recommendation 4" (the house style)',
      '9:56-9:58 Unexpected "R5", expected "Recommendation 5" (the house style)'
    ])
  })

  it('fixes to the id style, leaving lists, ranges, emphasis and qualified references alone', () => {
    const fixes = lint('id').flatMap((finding) => (finding.fix ? [finding.fix] : []))
    const fixed = applyFixes(text, fixes)
    expect(fixed.applied).toBe(4)
    expect(fixed.text.split('\n').slice(8, 10)).toEqual(['R12 and R3 came up, so did R4 and R5.', 'R6 is fine; Recs 8 & 9 and R3–R5 stay; *Rec* 7 too; iitcse:R2 as well.'])
    // Fixing is idempotent: the fixed text has nothing left to fix.
    const again = analyzeMinutes(fixed.text, '/w/m.md', { registers: [], config: { ...defaultConfig(), referenceStyle: 'id' } })
    expect(again.findings.filter((finding) => finding.ruleId === 'reference-style')).toEqual([])
  })
})

describe('applyFixes', () => {
  it('applies from the end and skips overlapping fixes', () => {
    expect(
      applyFixes('abcdef', [
        { offset: 0, endOffset: 2, text: 'X' },
        { offset: 1, endOffset: 3, text: 'Y' },
        { offset: 4, endOffset: 6, text: 'Z' }
      ])
    ).toEqual({
      text: 'aYdZ',
      applied: 2
    })
  })
})
