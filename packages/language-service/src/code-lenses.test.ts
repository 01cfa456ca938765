import type { CodeLens } from 'vscode-languageserver-types'
import { assert, describe, expect, it } from 'vitest'
import { documentOf, fileText, positionOf, root, serviceOver, telfordFiles } from '../test/helpers.js'

const files = telfordFiles()
const registerPath = `${root}/recommendations.yaml`

/** The lens of a recommendation (its command's argument names it); fails the test when there is none. */
function lensOf(lenses: readonly CodeLens[], id: string): CodeLens {
  const lens = lenses.find((candidate) => {
    const argument: unknown = candidate.command?.arguments?.[0]
    return typeof argument === 'object' && argument !== null && 'id' in argument && argument.id === id
  })
  assert(lens, `a lens for ${id}`)
  return lens
}

describe('getCodeLenses', () => {
  it('puts a lens over each register entry: status, due date, discussions; each runs followthrough/showDiscussions', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(registerPath, fileText(files, registerPath))
    const lenses = await service.getCodeLenses(document)
    expect(lenses).toHaveLength(47)
    const r3 = lenses[2]
    const at = positionOf(document, '- id: R3\n', 2)
    expect(r3).toEqual({
      range: { start: at, end: at },
      command: {
        title: 'Implemented since 2024-01-17 · due 2023-06-30 · discussed 16 times, last on 2024-07-17',
        command: 'followthrough/showDiscussions',
        arguments: [{ register: document.uri, id: 'R3' }]
      }
    })
    expect(lenses[0]?.command?.title).toBe('Implemented since 2022-12-15 · due 2023-01-31 · never discussed')
    expect(lensOf(lenses, 'R14').command?.title).toBe('In progress since 2023-04-17 · due 2024-03-31 (overdue) · discussed 17 times, last on 2024-10-16')
  })

  it('follows the entries as the register is typed, with the last valid figures while it has errors', async () => {
    const { service } = await serviceOver(files)
    // Two lines more above R3, and R14 without a title: the file does not validate.
    const text = fileText(files, registerPath)
      .replace('  - id: R3\n', '  # A comment\n  # over two lines\n  - id: R3\n')
      .replace(/( {2}- id: R14\n) {4}title: [^\n]*\n/, '$1')
    const document = documentOf(registerPath, text, 2)
    const lenses = await service.getCodeLenses(document)
    const r3 = lensOf(lenses, 'R3')
    expect((await service.getDiagnostics(document)).some((diagnostic) => diagnostic.severity === 1)).toBe(true)
    expect(r3.range.start).toEqual(positionOf(document, '- id: R3\n', 2))
    expect(r3.command?.title).toBe('Implemented since 2024-01-17 · due 2023-06-30 · discussed 16 times, last on 2024-07-17')
    // R14's figures are its last valid version's.
    expect(lensOf(lenses, 'R14').command?.title).toBe('In progress since 2023-04-17 · due 2024-03-31 (overdue) · discussed 17 times, last on 2024-10-16')
    const r1 = lensOf(lenses, 'R1')
    expect(r1.command?.title).toBe('Implemented since 2022-12-15 · due 2023-01-31 · never discussed')
    expect(r1.range.start).toEqual(positionOf(document, '- id: R1\n', 2))
  })

  it('gives none on minutes or the config', async () => {
    const { service } = await serviceOver(files)
    const path = `${root}/minutes/2024-01-17-accountability.md`
    expect(await service.getCodeLenses(documentOf(path, fileText(files, path)))).toEqual([])
    const config = `${root}/followthrough.config.json`
    expect(await service.getCodeLenses(documentOf(config, fileText(files, config)))).toEqual([])
  })
})
