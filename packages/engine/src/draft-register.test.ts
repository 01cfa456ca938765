import { readFileSync } from 'node:fs'
import { parseRegister } from '@followthrough/core'
import { describe, expect, it } from 'vitest'
import { draftRegister, ownerToConfirm, registerText } from './draft-register.js'

const inquiry = { id: 'northshire', title: 'Independent Review of Child Protection in Northshire', published: '2024-03-01' }
const report = readFileSync(new URL('../test/fixtures/inquiry-report.txt', import.meta.url), 'utf8')

describe('draftRegister on a report as pdftotext leaves it', () => {
  const draft = draftRegister(report, inquiry)

  it('finds each numbered recommendation once, with the line it starts on', () => {
    expect(draft.recommendations.map((recommendation) => [recommendation.id, recommendation.line, recommendation.endLine])).toEqual([
      ['R1', 25, 27],
      ['R2', 29, 30],
      ['R3', 31, 32],
      ['R5', 34, 38],
      ['R6', 41, 43],
      ['R7', 50, 50],
      ['R9', 52, 53],
      ['R10', 55, 55],
      ['R11', 57, 59]
    ])
  })

  it('joins wrapped lines, mends words broken by a hyphen, and splits off the first sentence as the title', () => {
    expect(draft.recommendations[1]).toEqual({
      id: 'R2',
      title: 'West Mercia Police should review how officers record intelligence about exploitation',
      text: 'The review should be published.',
      owners: ['west-mercia-police'],
      line: 29,
      endLine: 30
    })
    // Across a page break (a page number, a form feed) and into the list it introduces.
    expect(draft.recommendations.find((recommendation) => recommendation.id === 'R5')?.text).toBe('This should include: (a) therapeutic services; (b) advocacy through the courts.')
    expect(draft.recommendations.find((recommendation) => recommendation.id === 'R6')).toMatchObject({
      title: 'Northshire Safeguarding Partnership should commission an audit of cases every year, starting in 2025',
      text: 'The audit should cover all agencies.'
    })
    // A recommendation of one sentence has no text beyond its title.
    expect(draft.recommendations.find((recommendation) => recommendation.id === 'R10')).not.toHaveProperty('text')
  })

  it('proposes owners from the subject, splitting only a list of organisations', () => {
    expect(draft.owners).toEqual([
      { id: 'northshire-council', name: 'Northshire Council' },
      { id: 'west-mercia-police', name: 'West Mercia Police' },
      { id: 'council', name: 'Council' },
      { id: 'home-office', name: 'Home Office' },
      { id: 'northshire-safeguarding-partnership', name: 'Northshire Safeguarding Partnership' },
      ownerToConfirm,
      { id: 'telford-and-wrekin-council', name: 'Telford and Wrekin Council' },
      { id: 'schools', name: 'Schools' },
      { id: 'ofsted', name: 'Ofsted' }
    ])
    expect(draft.recommendations.find((recommendation) => recommendation.id === 'R3')?.owners).toEqual(['council', 'west-mercia-police'])
    expect(draft.unowned).toEqual(['R7'])
  })

  it('reports duplicates, gaps, and every passage it could not place, by line', () => {
    expect(draft.duplicates).toEqual([{ id: 'R5', line: 45, first: 34 }])
    expect(draft.missing).toEqual(['R4', 'R8'])
    expect(draft.unplaced).toEqual([
      { line: 17, endLine: 17, text: 'Recommendation 2 of the earlier review was never implemented.', reason: 'not a numbered recommendation' },
      { line: 23, endLine: 23, text: 'The review makes the following recommendations.', reason: 'not a numbered recommendation' },
      { line: 48, endLine: 48, text: 'This chapter closes with a note on implementation.', reason: 'not a numbered recommendation' },
      { line: 61, endLine: 61, text: 'Recommendation 12:', reason: 'R12 has no text' }
    ])
  })

  it('writes a register that parses without problems, status left unset', () => {
    const text = registerText(draft, { schema: './node_modules/@followthrough/core/schemas/register.schema.json', comment: ['Drafted from report.txt.'] })
    expect(text.startsWith('# yaml-language-server: $schema=./node_modules/@followthrough/core/schemas/register.schema.json\n#\n# Drafted from report.txt.\n\ninquiry:\n')).toBe(
      true
    )
    const parsed = parseRegister(text, { path: 'recommendations.yaml' })
    expect(parsed.problems).toEqual([])
    expect(parsed.ok).toBe(true)
    expect(parsed.value?.recommendations.map((recommendation) => recommendation.id)).toEqual(['R1', 'R2', 'R3', 'R5', 'R6', 'R7', 'R9', 'R10', 'R11'])
    expect(parsed.value?.recommendations.every((recommendation) => recommendation.status === undefined)).toBe(true)
    expect(parsed.value?.recommendations[4]?.text).toBe('The audit should cover all agencies.')
    expect(text).toContain('  # line 29 of the report\n  - id: R2\n')
  })
})

describe('draftRegister on Markdown', () => {
  it('reads labelled recommendations anywhere and a numbered list under a Recommendations heading', () => {
    const markdown = [
      '# The report', // 1
      '',
      '1. A numbered list outside the recommendations is not one.',
      '',
      '**Recommendation 1:** The council should publish a plan. It should be costed.', // 5
      '',
      '## Recommendations for partners',
      '',
      '2. The police and the NHS trust should share data.',
      '3) We recommend that the Department for Education should fund training.', // 10
      '',
      '## Annex',
      '',
      '4. Not a recommendation: the annex is not a recommendations section.',
      '',
      'R7: There should be an annual review.', // 16
      'R8: The council, the police and the PCC should report each year.',
      'R9: The council, working with its partners, should audit cases.',
      'R10 A supervisor should review each case.',
      'R11 Telford and Wrekin Council should publish its plan.'
    ].join('\n')
    const draft = draftRegister(markdown, inquiry)
    expect(draft.recommendations.map(({ id, title, owners }) => ({ id, title, owners }))).toEqual([
      { id: 'R1', title: 'The council should publish a plan', owners: ['council'] },
      { id: 'R2', title: 'The police and the NHS trust should share data', owners: ['police', 'nhs-trust'] },
      { id: 'R3', title: 'We recommend that the Department for Education should fund training', owners: ['department-for-education'] },
      { id: 'R7', title: 'There should be an annual review', owners: [ownerToConfirm.id] },
      { id: 'R8', title: 'The council, the police and the PCC should report each year', owners: ['council', 'police', 'pcc'] },
      { id: 'R9', title: 'The council, working with its partners, should audit cases', owners: ['council'] },
      { id: 'R10', title: 'A supervisor should review each case', owners: [ownerToConfirm.id] },
      { id: 'R11', title: 'Telford and Wrekin Council should publish its plan', owners: ['telford-and-wrekin-council'] }
    ])
    expect(draft.missing).toEqual(['R4', 'R5', 'R6'])
    expect(draft.unplaced).toEqual([])
  })

  it('writes an empty register that parses', () => {
    const text = registerText({ inquiry, owners: [], recommendations: [] })
    expect(text).toBe('inquiry:\n  id: northshire\n  title: Independent Review of Child Protection in Northshire\n  published: 2024-03-01\n\nowners: []\n\nrecommendations: []\n')
    expect(parseRegister(text, { path: 'r.yaml' }).problems).toEqual([])
  })
})

describe('draftRegister on hostile text', () => {
  it('reads long lines, long paragraphs and runs of markers in one pass', () => {
    const spaces = ' '.repeat(200_000)
    const text = [
      `# Recommendations${spaces}x`,
      '',
      `1. The council should act${' e.g. E.g.'.repeat(20_000)} now. Then more.`,
      ...Array.from({ length: 20_000 }, () => 'and continue-'),
      'd.',
      '',
      `## ${'.'.repeat(100_000)}Recommendations 12`,
      '',
      `R2 ${'West '.repeat(100)}should${' x'.repeat(100_000)}.`
    ].join('\n')
    const draft = draftRegister(text, inquiry)
    expect(draft.recommendations.map((recommendation) => recommendation.id)).toEqual(['R1', 'R2'])
    expect(draft.recommendations[0]?.title.endsWith(' e.g. E.g. now')).toBe(true)
    expect(draft.recommendations[0]?.text?.endsWith('and continued.')).toBe(true)
    expect(draft.recommendations[0]?.owners).toEqual(['council'])
    // A subject of a hundred words is not an owner's name.
    expect(draft.recommendations[1]?.owners).toEqual([ownerToConfirm.id])
  })
})
