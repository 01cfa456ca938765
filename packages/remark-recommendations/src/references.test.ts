import { describe, expect, it } from 'vitest'
import { compileGrammar, maxRangeSize, scanReferences } from './references.js'

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
