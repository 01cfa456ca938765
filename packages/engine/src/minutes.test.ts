import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config.js'
import { analyzeMinutes } from './minutes.js'
import { openMinutesDocument, updateMinutesDocument } from './minutes-document.js'

const frontMatter = '---\nmeeting: accountability\ndate: 2023-04-17\ntitle: Meeting\nchair: C\nattendees: []\n---\n\n'
const context = { registers: [], config: { ...defaultConfig(), referenceStyle: 'prose' as const } }

function spans(analysis: ReturnType<typeof analyzeMinutes>): string[] {
  return analysis.data.references.map((reference) => {
    const { start, end } = reference.position
    return `${start.line}:${start.column}-${end.line}:${end.column} ${JSON.stringify(reference.text)}`
  })
}

describe('analyzeMinutes', () => {
  it('keeps positions exact after a NUL byte (read as U+FFFD, one code unit for one)', () => {
    const text = `${frontMatter}A\0 R7 today.\n\n\0\0\0Recommendation 2 too.\n`
    const analysis = analyzeMinutes(text, '/w/m.md', context)
    expect(spans(analysis)).toEqual(['9:4-9:6 "R7"', '11:4-11:20 "Recommendation 2"'])
    // The fix replaces exactly the reference in the file's own text.
    const fix = analysis.findings.find((finding) => finding.ruleId === 'reference-style')?.fix
    expect(fix && text.slice(fix.offset, fix.endOffset)).toBe('R7')
    // The editor's parse agrees, before and after an edit.
    const document = openMinutesDocument(text, '/w/m.md', context)
    expect(spans(document.analysis)).toEqual(spans(analysis))
    const edited = updateMinutesDocument(document, text.replace('today', 'today, again'))
    expect(spans(edited.analysis)).toEqual(['9:4-9:6 "R7"', '11:4-11:20 "Recommendation 2"'])
  })
})
