import { describe, expect, it } from 'vitest'
import { documentOf, fileText, minutes, root, serviceOver, telfordFiles } from '../test/helpers.js'
import { pathToUri } from './uri.js'

const files = telfordFiles()

describe('getDocumentLinks', () => {
  it('links every known reference to its register entry line, once per span', async () => {
    const { service } = await serviceOver(files)
    const note = documentOf(`${root}/minutes/x.md`, minutes('2024-11-01', 'R12, R3–R5 and R99.\n\nRecommendation\n14.'))
    const links = await service.getDocumentLinks(note)
    const register = fileText(files, `${root}/recommendations.yaml`).split('\n')
    const line = (id: string) => register.findIndex((text) => text.includes(`- id: ${id}`)) + 1
    expect(links.map((link) => [link.target, link.tooltip])).toEqual([
      [`${pathToUri(`${root}/recommendations.yaml`)}#L${line('R12')}`, 'R12: Record children as victims, never as consenting'],
      [`${pathToUri(`${root}/recommendations.yaml`)}#L${line('R3')}`, 'R3: Adopt a victim-first standard for every CSE investigation'],
      [`${pathToUri(`${root}/recommendations.yaml`)}#L${line('R14')}`, 'R14: Embed exploitation training among longer-serving officers']
    ])
    expect(links[2]?.range).toEqual({ start: { line: 10, character: 0 }, end: { line: 11, character: 2 } })
  })

  it('gives none for an empty document or a register', async () => {
    const { service } = await serviceOver(files)
    expect(await service.getDocumentLinks(documentOf(`${root}/minutes/e.md`, ''))).toEqual([])
    expect(await service.getDocumentLinks(documentOf(`${root}/recommendations.yaml`, fileText(files, `${root}/recommendations.yaml`)))).toEqual([])
  })
})
