import { describe, expect, it } from 'vitest'
import { documentOf, fileText, lineAt, minutes, positionOf, root, serviceOver, telfordFiles } from '../test/helpers.js'
import { pathToUri } from './uri.js'

const files = telfordFiles()
const april = `${root}/minutes/2023-04-17-accountability.md`
const registerText = fileText(files, `${root}/recommendations.yaml`)

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle))
}

describe('getDefinition', () => {
  it('goes from a reference to the id of its entry in the YAML register', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(april, fileText(files, april))
    const line = lineOf(registerText, '- id: R12')
    expect(await service.getDefinition(document, positionOf(document, 'Recommendation* 12', 3))).toEqual([
      { uri: pathToUri(`${root}/recommendations.yaml`), range: { start: { line, character: 8 }, end: { line, character: 11 } } }
    ])
  })

  it('goes to the member under the cursor in a range, to every member elsewhere in it', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(april, fileText(files, april))
    const member = await service.getDefinition(document, positionOf(document, 'R3-R5', 4))
    expect(member.map((location) => location.range.start.line)).toEqual([lineOf(registerText, '- id: R5')])
    const all = await service.getDefinition(document, positionOf(document, 'R3-R5', 0))
    expect(all.map((location) => location.range.start.line)).toEqual(['R3', 'R4', 'R5'].map((id) => lineOf(registerText, `- id: ${id}`)))
  })

  it('reads JSON registers, and follows supersededBy inside a register', async () => {
    const json = JSON.stringify(
      {
        inquiry: { id: 'x', title: 'X', published: '2022-01-01' },
        owners: [{ id: 'a', name: 'A' }],
        recommendations: [
          { id: 'R1', title: 'One', owners: ['a'], supersededBy: 'R2' },
          { id: 'R2', title: 'Two', owners: ['a'] }
        ]
      },
      null,
      2
    )
    const { service } = await serviceOver({ [`${root}/followthrough.config.json`]: '{ "registers": ["r.json"] }', [`${root}/r.json`]: json })
    const note = documentOf(`${root}/minutes/a.md`, minutes('2023-01-01', 'About R2.'))
    const [location] = await service.getDefinition(note, positionOf(note, 'R2', 1))
    expect(location?.uri).toBe(pathToUri(`${root}/r.json`))
    expect(location?.range.start).toEqual({ line: lineOf(json, '"id": "R2"'), character: lineAt(json, lineOf(json, '"id": "R2"')).indexOf('R2') })
    const register = documentOf(`${root}/r.json`, json)
    const [inside] = await service.getDefinition(register, positionOf(register, '"supersededBy": "R2"', 17))
    expect(inside?.range.start.line).toBe(lineOf(json, '"id": "R2"'))
  })

  it('gives nothing for unknown ids, empty documents, or away from references', async () => {
    const { service } = await serviceOver(files)
    const path = `${root}/minutes/2024-01-17-accountability.md`
    const document = documentOf(path, fileText(files, path))
    expect(await service.getDefinition(document, positionOf(document, '(R52)', 2))).toEqual([])
    expect(await service.getDefinition(documentOf(`${root}/minutes/e.md`, ''), { line: 0, character: 0 })).toEqual([])
    expect(await service.getDefinition(document, { line: 0, character: 0 })).toEqual([])
  })
})
