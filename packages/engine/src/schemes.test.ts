import type { Register } from '@followthrough/core'
import { describe, expect, it } from 'vitest'
import { MemoryFileSystem } from './memory-file-system.js'
import { openMinutesDocument, updateMinutesDocument } from './minutes-document.js'
import { referenceGrammar, referenceSchemes } from './schemes.js'
import { allFindings, listMinutes, loadWorkspace, readMinutes } from './workspace.js'

const inspection = `inquiry:
  id: nci24
  title: Custody inspection
  published: 2024-05-01
schemes:
  - { prefix: R, keywords: [Recommendation, Recommendations] }
  - { prefix: AFI, keywords: [Area for improvement, Areas for improvement, AFI] }
owners:
  - id: police
    name: West Mercia Police
recommendations:
  - { id: R1, title: Custody records, owners: [police] }
  - { id: R4.1, title: Detention reviews, owners: [police] }
  - { id: R4.2, title: Rest periods, owners: [police] }
  - { id: R4.3, title: Meals, owners: [police] }
  - { id: AFI1, title: Handover briefings, owners: [police] }
  - { id: AFI2, title: Cell checks, owners: [police] }
  - { id: AFI3, title: Interpreters, owners: [police] }
`

const telford = `inquiry:
  id: iitcse
  title: Telford inquiry
  published: 2022-07-12
owners:
  - id: council
    name: Telford & Wrekin Council
recommendations:
  - { id: R1, title: Publish a partnership report, owners: [council] }
  - { id: R2, title: Train licensing staff, owners: [council] }
`

function minutes(register: string, body: string): string {
  return `---\nmeeting: accountability\ndate: 2024-07-01\ntitle: Meeting\nchair: PCC\nattendees: [PCC]\nregister: ${register}\n---\n\n${body}\n`
}

async function lint(files: Record<string, string>) {
  const fs = new MemoryFileSystem({ '/w/followthrough.config.json': '{ "registers": ["inspection.yaml", "telford.yaml"], "keywords": ["Recommendation", "Rec"] }', ...files })
  const workspace = await loadWorkspace(fs, '/w')
  const paths = await listMinutes(fs, workspace)
  const analyses = await Promise.all(paths.map((path) => readMinutes(fs, path, workspace)))
  const findings = allFindings(workspace, analyses).map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}: ${f.message} [${f.ruleId}]`)
  return { workspace, analyses, findings }
}

describe('referenceSchemes', () => {
  const config = { prefix: 'R', keywords: ['Recommendation', 'Rec'] }
  const register = (id: string, schemes?: Register['schemes'], ids: string[] = ['R1']): Register => ({
    inquiry: { id, title: id, published: '2024-01-01' },
    ...(schemes ? { schemes } : {}),
    owners: [],
    recommendations: ids.map((recommendation) => ({ id: recommendation, title: recommendation, owners: ['x'] }))
  })

  it("is the union of the registers' schemes in register order, the first winning per prefix and per keyword, the config's for a register without", () => {
    const a = register('a', [
      { prefix: 'AFI', keywords: ['Area for improvement', 'Rec'] },
      { prefix: 'R', keywords: ['Recommendation'] }
    ])
    const b = register('b')
    const c = register('c', [{ prefix: 'R', keywords: ['Recommendations', 'recommendation'] }])
    expect(referenceSchemes([a, b, c], config)).toEqual([
      { prefix: 'AFI', keywords: ['Area for improvement', 'Rec'] },
      { prefix: 'R', keywords: ['Recommendation', 'Recommendations'] }
    ])
    expect(referenceSchemes([], config)).toEqual([config])
    expect(referenceSchemes([b], config)).toEqual([config])
  })

  it("gives the plugin the config's grammar as always unless a register has schemes or a dotted id", () => {
    expect(referenceGrammar([register('b')], config)).toEqual(config)
    expect(referenceGrammar([register('b', undefined, ['R4.2'])], config)).toEqual({ ...config, schemes: [config] })
    expect(referenceGrammar([register('a', [{ prefix: 'AFI', keywords: ['AFI'] }]), register('b')], config).schemes).toEqual([{ prefix: 'AFI', keywords: ['AFI'] }, config])
  })
})

describe('minutes with several schemes', () => {
  it('reads every scheme of every register; unqualified ids resolve to the minutes register; AFI ids are checked as R ids are', async () => {
    const { analyses, findings } = await lint({
      '/w/inspection.yaml': inspection,
      '/w/telford.yaml': telford,
      '/w/minutes/a.md': minutes('nci24', 'Areas for\nimprovement 2 and 9, AFI 3, R4.2, Recommendations 4.1 to 4.3 and R4.4.\n\nnci24:AFI1, iitcse:R2 and iitcse:AFI1; Rec 1.'),
      '/w/minutes/b.md': minutes('iitcse', 'R2 and Recommendation 4.2 and AFI2.')
    })
    expect(analyses.map((analysis) => analysis.data.references.map((reference) => `${reference.register ?? '?'}:${reference.id}${reference.known ? '' : '!'}`))).toEqual([
      ['nci24:AFI2', 'nci24:AFI9!', 'nci24:AFI3', 'nci24:R4.2', 'nci24:R4.1', 'nci24:R4.2', 'nci24:R4.3', 'nci24:R4.4!', 'nci24:AFI1', 'iitcse:R2', 'iitcse:AFI1!', 'nci24:R1'],
      ['iitcse:R2', 'iitcse:R4.2!', 'iitcse:AFI2!']
    ])
    expect(findings).toEqual([
      '/w/minutes/a.md:11:19-11:20: Unexpected unknown recommendation AFI9, expected an id of nci24 such as AFI3 or AFI2 [unknown-recommendation]',
      '/w/minutes/a.md:11:66-11:70: Unexpected unknown recommendation R4.4, expected an id of nci24 such as R4.3 or R4.2 [unknown-recommendation]',
      '/w/minutes/a.md:13:27-13:38: Unexpected unknown recommendation AFI1, expected an id of iitcse (R1 to R2) [unknown-recommendation]',
      '/w/minutes/b.md:10:8-10:26: Unexpected unknown recommendation R4.2, expected an id of iitcse (R1 to R2) [unknown-recommendation]',
      '/w/minutes/b.md:10:31-10:35: Unexpected unknown recommendation AFI2, expected an id of iitcse (R1 to R2) [unknown-recommendation]'
    ])
  })

  it('reads the same in the editor, before and after an edit', async () => {
    const { workspace, analyses } = await lint({
      '/w/inspection.yaml': inspection,
      '/w/telford.yaml': telford,
      '/w/minutes/a.md': minutes('nci24', 'Area for\nimprovement 2 and R4.2.')
    })
    const text = minutes('nci24', 'Area for\nimprovement 2 and R4.2.')
    const document = openMinutesDocument(text, '/w/minutes/a.md', workspace.context)
    expect(document.analysis.data.references).toEqual(analyses[0]?.data.references)
    const edited = updateMinutesDocument(document, `${text}\nAFI 3 too.\n`)
    expect(edited.analysis.data.references.map((reference) => reference.id)).toEqual(['AFI2', 'R4.2', 'AFI3'])
  })

  it('keeps the house style per scheme, dotted ids too', async () => {
    const fs = new MemoryFileSystem({
      '/w/followthrough.config.json': '{ "registers": ["inspection.yaml"], "referenceStyle": "prose" }',
      '/w/inspection.yaml': inspection,
      '/w/minutes/a.md': minutes('nci24', 'AFI2, R4.2, AFI 3 and Areas for improvement 1.')
    })
    const workspace = await loadWorkspace(fs, '/w')
    const analysis = await readMinutes(fs, '/w/minutes/a.md', workspace)
    expect(analysis.findings.filter((finding) => finding.ruleId === 'reference-style').map((finding) => [finding.message, finding.fix?.text])).toEqual([
      ['Unexpected "AFI2", expected "Area for improvement 2" (the house style)', 'Area for improvement 2'],
      ['Unexpected "R4.2", expected "Recommendation 4.2" (the house style)', 'Recommendation 4.2'],
      ['Unexpected "AFI 3", expected "Area for improvement 3" (the house style)', 'Area for improvement 3'],
      ['Unexpected "Areas for improvement 1", expected "Area for improvement 1" (the house style)', 'Area for improvement 1']
    ])
  })
})
