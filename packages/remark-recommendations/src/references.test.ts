import { describe, expect, it } from 'vitest'
import { compileGrammar, keywordPattern, maxRangeSize, mergeSchemes, scanReferences } from './references.js'

function ids(text: string, options = {}): string[] {
  return scanReferences(text, options).references.map((reference) => reference.id)
}

function spans(text: string): string[] {
  return scanReferences(text).references.map((reference) => text.slice(reference.start, reference.end))
}

describe('scanReferences', () => {
  it('finds ids with word boundaries', () => {
    expect(ids('R12, R12a and (R3).')).toEqual(['R12', 'R12a', 'R3'])
    expect(ids('PR12 R2D2 R12b2 r12 R12A R12.5 XR12')).toEqual([])
  })

  it('gives offsets into the text, end exclusive', () => {
    const [reference] = scanReferences('see R12 now').references
    expect(reference).toEqual({ id: 'R12', start: 4, end: 7, phraseStart: 4, phraseEnd: 7 })
  })

  it('expands id ranges with every dash, `to` and a bare end', () => {
    for (const text of ['R3–R5', 'R3-R5', 'R3—R5', 'R3 — R5', 'R3 to R5', 'R3–5', 'R3\u2212R5']) {
      expect(ids(text), text).toEqual(['R3', 'R4', 'R5'])
      expect(spans(text), text).toEqual([text, text, text])
    }
    // A bare end needs a tight dash: "R3 - 5 officers" is R3 and a number.
    expect(ids('R3 - 5 officers')).toEqual(['R3'])
    expect(ids('R3 to 5')).toEqual(['R3'])
  })

  it('reads qualified ids and qualified ranges', () => {
    const result = scanReferences('iitcse:R12 and hmicfrs-2023:R3–R4')
    expect(result.references.map((reference) => [reference.register, reference.id])).toEqual([
      ['iitcse', 'R12'],
      ['hmicfrs-2023', 'R3'],
      ['hmicfrs-2023', 'R4']
    ])
    expect(ids('IITCSE:R12')).toEqual(['R12'])
    expect(scanReferences('IITCSE:R12').references[0]?.register).toBeUndefined()
  })

  it('reads the prose form with every keyword, case-insensitively', () => {
    for (const keyword of ['Recommendation', 'recommendation', 'RECOMMENDATIONS', 'Rec', 'Rec.', 'Recs', 'rec.']) {
      expect(ids(`${keyword} 12`), keyword).toEqual(['R12'])
      expect(ids(`${keyword} #12`), keyword).toEqual(['R12'])
    }
    expect(ids('Recommendation\u00a012a')).toEqual(['R12a'])
    expect(ids('Recommendation\n12')).toEqual(['R12'])
  })

  it('reads lists joined by commas, and, or, & (Oxford comma too)', () => {
    expect(ids('Recommendations 3, 4 and 7')).toEqual(['R3', 'R4', 'R7'])
    expect(ids('Recommendations 3, 4, and 7')).toEqual(['R3', 'R4', 'R7'])
    expect(ids('Recommendations 3 or 4')).toEqual(['R3', 'R4'])
    expect(ids('Recommendations 3 & 4')).toEqual(['R3', 'R4'])
    expect(ids('Recommendations 3,4')).toEqual(['R3', 'R4'])
    expect(ids('Recommendations 1, 3–5 and 9')).toEqual(['R1', 'R3', 'R4', 'R5', 'R9'])
    expect(ids('Recs #3, #4 and #5')).toEqual(['R3', 'R4', 'R5'])
  })

  it('reads prose ranges with every dash and `to`', () => {
    for (const range of ['3-5', '3–5', '3 — 5', '3 to 5', '3 - 5', '3—5']) {
      expect(ids(`Recommendations ${range}`), range).toEqual(['R3', 'R4', 'R5'])
    }
  })

  it('spans: the whole phrase for one item, each token for a list', () => {
    expect(spans('Recommendation 12')).toEqual(['Recommendation 12'])
    expect(spans('Recommendations 3–5')).toEqual(['Recommendations 3–5', 'Recommendations 3–5', 'Recommendations 3–5'])
    expect(spans('Recommendations 3, 4–5 and 7')).toEqual(['3', '4–5', '4–5', '7'])
    const [first] = scanReferences('Recommendations 3, 4 and 7').references
    expect(first).toMatchObject({ phraseStart: 0, phraseEnd: 26 })
  })

  it('does not read counts as references', () => {
    expect(ids('47 recommendations')).toEqual([])
    expect(ids('Of the 47 recommendations 13 were for the police')).toEqual([])
    expect(ids('Recommendation 3 and 13 recommendations for the council')).toEqual(['R3'])
    // A year before a singular keyword is not a count.
    expect(ids('In 2023 Recommendation 5 was met')).toEqual(['R5'])
    // A singular keyword after a number counts only one ("1 recommendation").
    expect(ids('Recs 1 and 1 recommendation was met')).toEqual(['R1'])
  })

  it('reads a list member before a singular keyword as a member, not a count', () => {
    // Found by fuzzing --fix: rewriting "R1" as "Recommendation 1" after "Recs 1 & 3" lost R3.
    expect(ids('Recs 1 & 3 Recommendation 1')).toEqual(['R1', 'R3', 'R1'])
    expect(ids('Recs 1 and 3 Rec 1')).toEqual(['R1', 'R3', 'R1'])
    expect(ids('Recs 3 and 4 Recommendation 5')).toEqual(['R3', 'R4', 'R5'])
  })

  it('does not read the number of an earlier reference as a count', () => {
    // Found by fuzzing --fix: "Recommendation 1 Recs 2" and "R1 Recs 2" must name the same.
    expect(ids('Recommendation 1 Recs 2 and 3')).toEqual(['R1', 'R2', 'R3'])
    expect(ids('R1 Recs 2 and 3')).toEqual(['R1', 'R2', 'R3'])
    expect(ids('Of the 47 recommendations 13 were for the police')).toEqual([])
  })

  it('after a singular keyword, a comma lists numbers only when the list ends with and/or/&', () => {
    expect(ids('Under Recommendation 3, 47 officers were trained')).toEqual(['R3'])
    expect(ids('Recommendation 3, 4 and 7')).toEqual(['R3', 'R4', 'R7'])
  })

  it('ignores URL-like tokens and e-mail addresses', () => {
    expect(ids('example.org/R12 https://x.org/Recommendation 5 www.x.org/R3 r@R12')).toEqual([])
  })

  it('does not expand reversed, huge or mixed-letter ranges, and says why', () => {
    const reversed = scanReferences('R5–R3')
    expect(reversed.references.map((reference) => reference.id)).toEqual(['R5', 'R3'])
    expect(reversed.invalidRanges).toEqual([{ from: 'R5', to: 'R3', reason: 'reversed', size: 0, start: 0, end: 5 }])
    const huge = scanReferences('R1–R100000')
    expect(huge.references.map((reference) => reference.id)).toEqual(['R1', 'R100000'])
    expect(huge.invalidRanges[0]).toMatchObject({ reason: 'too-long', size: 100000 })
    expect(scanReferences('R3a–R5').invalidRanges[0]?.reason).toBe('mixed-letters')
    expect(scanReferences('R12c–R12a').invalidRanges[0]?.reason).toBe('reversed')
    expect(ids('R12a–R12c')).toEqual(['R12a', 'R12b', 'R12c'])
  })

  it(`expands up to ${maxRangeSize} members`, () => {
    expect(ids(`R1–R${maxRangeSize}`)).toHaveLength(maxRangeSize)
    expect(ids(`R1–R${maxRangeSize + 1}`)).toEqual(['R1', `R${maxRangeSize + 1}`])
  })

  it('takes a custom prefix and keywords', () => {
    expect(ids('HMI3 and Area for improvement 4 and R5', { prefix: 'HMI', keywords: ['Area for improvement'] })).toEqual(['HMI3', 'HMI4'])
    expect(ids('Recommendation 4', { keywords: [] })).toEqual([])
  })

  it('escapes prefixes and keywords that look like regular expressions', () => {
    expect(ids('A.B1 and (x) 2', { prefix: 'A.B', keywords: ['(x)'] })).toEqual(['A.B1', 'A.B2'])
    expect(ids('AxB1', { prefix: 'A.B' })).toEqual([])
  })
})

describe('compileGrammar', () => {
  it('reads bare number lists for status table cells, whole cell only', () => {
    const scanner = compileGrammar({})
    expect(scanner.scanBareNumbers(' 12 ')?.references.map((reference) => [reference.id, reference.start, reference.end])).toEqual([['R12', 1, 3]])
    expect(scanner.scanBareNumbers('3, 4 and 7')?.references.map((reference) => reference.id)).toEqual(['R3', 'R4', 'R7'])
    expect(scanner.scanBareNumbers('#3–5')?.references.map((reference) => reference.id)).toEqual(['R3', 'R4', 'R5'])
    expect(scanner.scanBareNumbers('12 officers')).toBeUndefined()
    expect(scanner.scanBareNumbers('')).toBeUndefined()
  })

  it('is reusable: the same scanner gives the same result twice', () => {
    const scanner = compileGrammar({})
    const text = 'R3–R5 and Recommendations 7, 8 and 9'
    expect(scanner.scan(text)).toEqual(scanner.scan(text))
  })
})

const inspection = [
  { prefix: 'R', keywords: ['Recommendation', 'Recommendations', 'Rec', 'Rec.', 'Recs'] },
  { prefix: 'AFI', keywords: ['Area for improvement', 'Areas for improvement', 'AFI'] }
]

describe('schemes', () => {
  const scan = (text: string) => scanReferences(text, { schemes: inspection })
  const named = (text: string) => scan(text).references.map((reference) => `${reference.id} ${text.slice(reference.start, reference.end)}`)

  it("reads every scheme's ids and keywords in one pass, each keyword naming its scheme's ids", () => {
    expect(named('Areas for improvement 2 and 3, AFI 4, AFI5 and Recommendation 4.2')).toEqual(['AFI2 2', 'AFI3 3', 'AFI4 AFI 4', 'AFI5 AFI5', 'R4.2 Recommendation 4.2'])
    expect(named('areas FOR\n  improvement 1')).toEqual(['AFI1 areas FOR\n  improvement 1'])
  })

  it('reads dotted and lettered numbers; a dot continues a number only before a digit', () => {
    expect(named('R4.2.1, R12a, AFI3b and R4.2a')).toEqual(['R4.2.1 R4.2.1', 'R12a R12a', 'AFI3b AFI3b', 'R4.2a R4.2a'])
    expect(named('They met Recommendation 4. Then R4.2.')).toEqual(['R4 Recommendation 4', 'R4.2 R4.2'])
  })

  it('expands ranges between dotted ids over the last number, and names the others invalid', () => {
    expect(named('R4.1–R4.3')).toEqual(['R4.1 R4.1–R4.3', 'R4.2 R4.1–R4.3', 'R4.3 R4.1–R4.3'])
    expect(scan('Recommendations 4.1 to 4.3').references.map((reference) => reference.id)).toEqual(['R4.1', 'R4.2', 'R4.3'])
    for (const [text, from, to] of [
      ['R4.1–R5.2', 'R4.1', 'R5.2'],
      ['R4–R4.3', 'R4', 'R4.3'],
      ['R4.1–3', 'R4.1', 'R3']
    ] as const) {
      expect(
        scan(text).invalidRanges.map((range) => [range.reason, range.from, range.to]),
        text
      ).toEqual([['mixed-numbers', from, to]])
    }
    expect(scan('R4.3–R4.1').invalidRanges.map((range) => range.reason)).toEqual(['reversed'])
    // Different prefixes make no range: each end is read on its own.
    expect(named('AFI1–R3')).toEqual(['AFI1 AFI1', 'R3 R3'])
  })

  it('reads qualified ids of every prefix', () => {
    expect(scan('nci24:AFI2 and nci24:R4.2').references.map((reference) => `${reference.register ?? ''}:${reference.id}`)).toEqual(['nci24:AFI2', 'nci24:R4.2'])
  })

  it('finds nothing in versions, paragraphs, dates, counts and URLs', () => {
    for (const text of [
      'version 2.1',
      'paragraph 4.2',
      '20.06.2024',
      'five areas for improvement',
      '3 areas for improvement were closed',
      'https://x.org/AFI2',
      'www.x.org/AFI2',
      'x.org/AFI2',
      'NAFI2 afi2 AFI2X'
    ]) {
      expect(scan(text).references, text).toEqual([])
    }
  })

  it('reads bare numbers in a status table as ids of the first scheme', () => {
    expect(
      compileGrammar({ schemes: inspection })
        .scanBareNumbers('4.2 and 5')
        ?.references.map((reference) => reference.id)
    ).toEqual(['R4.2', 'R5'])
  })

  it('without schemes, reads as it always has: no dotted numbers, one prefix', () => {
    expect(scanReferences('R4.2 and Recommendation 4.2 and AFI2').references).toEqual([])
  })

  it('compiles once per distinct schemes', () => {
    expect(scanReferences('AFI2', { schemes: inspection }).references.map((reference) => reference.id)).toEqual(['AFI2'])
    expect(scanReferences('AFI2', { schemes: [{ prefix: 'AFI', keywords: [] }] }).references.map((reference) => reference.id)).toEqual(['AFI2'])
    expect(scanReferences('AFI2 R2', { schemes: [{ prefix: 'R', keywords: [] }] }).references.map((reference) => reference.id)).toEqual(['R2'])
  })
})

describe('mergeSchemes', () => {
  it('keeps the first scheme per prefix (adding later keywords) and the first scheme per keyword', () => {
    expect(
      mergeSchemes([
        { prefix: 'R', keywords: ['Recommendation'] },
        { prefix: 'AFI', keywords: ['Area for improvement', 'recommendation'] },
        { prefix: 'R', keywords: ['Rec', 'Area  for IMPROVEMENT'] },
        { prefix: '', keywords: ['Nothing'] }
      ])
    ).toEqual([
      { prefix: 'R', keywords: ['Recommendation', 'Rec'] },
      { prefix: 'AFI', keywords: ['Area for improvement'] }
    ])
  })

  it('is what a compiled grammar reads', () => {
    const scanner = compileGrammar({ schemes: [...inspection, { prefix: 'AFI', keywords: ['AFIs'] }] })
    expect(scanner.schemes.map((scheme) => scheme.prefix)).toEqual(['R', 'AFI'])
    expect(scanner.prefix).toBe('R')
    expect(scanner.keywords).toContain('AFIs')
  })
})

describe('keywordPattern', () => {
  it('matches a keyword of several words across any whitespace, a line break too', () => {
    const pattern = new RegExp(`^(?:${keywordPattern(['Areas for improvement'])})$`, 'u')
    for (const text of ['Areas for improvement', 'areas  FOR\nimprovement', 'Areas\u00a0for\r\n  improvement']) expect(pattern.test(text), text).toBe(true)
    expect(pattern.test('Areasfor improvement')).toBe(false)
  })
})
