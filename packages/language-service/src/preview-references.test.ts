import { describe, expect, it } from 'vitest'
import { documentOf, fileText, minutes, root, serviceOver, telfordFiles } from '../test/helpers.js'

const files = telfordFiles()
const registerLines = fileText(files, `${root}/recommendations.yaml`).split('\n')
const line = (id: string) => registerLines.findIndex((entry) => entry.includes(`- id: ${id}`)) + 1

describe('getPreviewReferences', () => {
  it('gives each span that names known recommendations its register entry, titles and statuses today', async () => {
    const { service } = await serviceOver(files)
    const note = documentOf(`${root}/minutes/x.md`, minutes('2024-11-01', 'R12, R3–R5 and R99.\n\nRecommendation\n14, and `R3` in code.'))
    const result = await service.getPreviewReferences(note)
    expect(result).toEqual({
      version: note.version,
      references: [
        {
          range: { start: { line: 8, character: 0 }, end: { line: 8, character: 3 } },
          text: 'R12',
          href: `../recommendations.yaml#L${line('R12')}`,
          ids: ['R12'],
          title: 'R12: Record children as victims, never as consenting',
          badges: [{ status: 'implemented', label: 'Implemented' }]
        },
        {
          range: { start: { line: 8, character: 5 }, end: { line: 8, character: 10 } },
          text: 'R3–R5',
          href: `../recommendations.yaml#L${line('R3')}`,
          ids: ['R3', 'R4', 'R5'],
          title:
            'R3: Adopt a victim-first standard for every CSE investigation\nR4: Keep the specialist CSE investigation team at full strength\nR5: Supervisor review of new CSE reports within 48 hours',
          badges: [{ status: 'implemented', label: 'Implemented' }]
        },
        {
          range: { start: { line: 10, character: 0 }, end: { line: 11, character: 2 } },
          text: 'Recommendation\n14',
          href: `../recommendations.yaml#L${line('R14')}`,
          ids: ['R14'],
          title: 'R14: Embed exploitation training among longer-serving officers',
          badges: [{ status: 'in-progress', label: 'In progress' }]
        }
      ]
    })
  })

  it('links to a register in a folder with a space, encoded, and gives a range one badge per distinct status', async () => {
    const moved: Record<string, string> = {}
    for (const [path, text] of Object.entries(files)) {
      if (path === `${root}/recommendations.yaml`) moved[`${root}/inquiry register/recommendations.yaml`] = text
      else moved[path] = path.endsWith('followthrough.config.json') ? text.replace('"recommendations.yaml"', '"inquiry register/recommendations.yaml"') : text
    }
    const { service } = await serviceOver(moved)
    const note = documentOf(`${root}/minutes/x.md`, minutes('2024-11-01', 'R12–R14.'))
    const [range] = (await service.getPreviewReferences(note)).references
    expect(range?.href).toBe(`../inquiry%20register/recommendations.yaml#L${line('R12')}`)
    expect(range?.ids).toEqual(['R12', 'R13', 'R14'])
    // R12 is implemented and R14 in progress: each status once, in the order first met.
    expect(range?.badges.map((badge) => badge.status)).toEqual(['implemented', 'in-progress'])
  })

  it('gives none for a register, and none for minutes with no known reference', async () => {
    const { service } = await serviceOver(files)
    expect(await service.getPreviewReferences(documentOf(`${root}/recommendations.yaml`, fileText(files, `${root}/recommendations.yaml`)))).toEqual({ version: 1, references: [] })
    expect((await service.getPreviewReferences(documentOf(`${root}/minutes/y.md`, minutes('2024-11-01', 'R99 only.')))).references).toEqual([])
  })
})
