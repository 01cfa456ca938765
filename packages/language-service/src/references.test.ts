import { describe, expect, it } from 'vitest'
import { documentOf, fileText, minutes, positionOf, root, serviceOver, telfordFiles } from '../test/helpers.js'
import { pathToUri } from './uri.js'

const files = telfordFiles()
const april = `${root}/minutes/2023-04-17-accountability.md`

describe('getReferences', () => {
  it('finds every mention across minutes, open or not, and the register entry with includeDeclaration', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(april, fileText(files, april))
    const without = await service.getReferences(document, positionOf(document, '| R12 |', 3), { includeDeclaration: false })
    const mentions = Object.entries(files)
      .filter(([path]) => path.includes('/minutes/'))
      .flatMap(([path, text]) => [...text.matchAll(/\bR12\b|Recommendation\**\s+12\b/g)].map(() => path))
    expect(without.length).toBe(mentions.length)
    expect(new Set(without.map((location) => location.uri)).size).toBeGreaterThan(2)
    const withDeclaration = await service.getReferences(document, positionOf(document, '| R12 |', 3), { includeDeclaration: true })
    expect(withDeclaration.length).toBe(without.length + 1)
    expect(withDeclaration[0]?.uri).toBe(pathToUri(`${root}/recommendations.yaml`))
  })

  it('starts from an id in the register too, counting supersededBy values', async () => {
    const { service } = await serviceOver(files)
    const register = documentOf(`${root}/recommendations.yaml`, fileText(files, `${root}/recommendations.yaml`))
    const found = await service.getReferences(register, positionOf(register, '- id: R46', 7), { includeDeclaration: false })
    const uris = found.map((location) => location.uri)
    expect(uris).toContain(pathToUri(`${root}/recommendations.yaml`))
    expect(uris).toContain(pathToUri(`${root}/minutes/2024-07-17-accountability.md`))
    // Four in minutes, one `supersededBy: R46` in the register.
    expect(found.length).toBe(5)
  })

  it('sees edits of open documents and files added on disk', async () => {
    const { service, fs } = await serviceOver(files)
    const note = documentOf(`${root}/minutes/2024-11-20-extra.md`, minutes('2024-11-20', 'R46 and Recommendation 46 again.'))
    await service.didOpen(note)
    const count = async () => (await service.getReferences(note, positionOf(note, 'R46', 1), { includeDeclaration: false })).length
    expect(await count()).toBe(7)
    fs.write(`${root}/minutes/2024-11-21-more.md`, minutes('2024-11-21', 'R46.'))
    await service.didChangeWatchedFiles([{ uri: pathToUri(`${root}/minutes/2024-11-21-more.md`), type: 1 }])
    expect(await count()).toBe(8)
    fs.delete(`${root}/minutes/2024-11-21-more.md`)
    await service.didChangeWatchedFiles([{ uri: pathToUri(`${root}/minutes/2024-11-21-more.md`), type: 3 }])
    expect(await count()).toBe(7)
  })
})
