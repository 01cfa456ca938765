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

  it('keeps positions exact when the text starts with U+FEFF (a second byte order mark: the parser would skip it)', () => {
    // Found by fuzzing: a file starting EF BB BF EF BB BF loses the first mark on decoding; the second is text.
    const text = '\uFEFF\n\nRecommendation 1 and R7.\n'
    const analysis = analyzeMinutes(text, '/w/m.md', context)
    expect(spans(analysis)).toEqual(['3:1-3:17 "Recommendation 1"', '3:22-3:24 "R7"'])
    const fix = analysis.findings.find((finding) => finding.ruleId === 'reference-style')?.fix
    expect(fix && text.slice(fix.offset, fix.endOffset)).toBe('R7')
    const document = openMinutesDocument(text, '/w/m.md', context)
    expect(spans(document.analysis)).toEqual(spans(analysis))
    expect(spans(updateMinutesDocument(document, text.replace('and', 'and also')).analysis)).toEqual(['3:1-3:17 "Recommendation 1"', '3:27-3:29 "R7"'])
  })
})
