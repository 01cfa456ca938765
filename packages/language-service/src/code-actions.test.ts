import { assert, describe, expect, it } from 'vitest'
import { documentOf, fileText, minutes, positionOf, root, serviceOver, telfordFiles } from '../test/helpers.js'

const files = telfordFiles()

describe('getCodeActions', () => {
  it('offers "Change to R5" and "Change to R42" for R52, the first preferred', async () => {
    const { service } = await serviceOver(files)
    const path = `${root}/minutes/2024-01-17-accountability.md`
    const document = documentOf(path, fileText(files, path))
    const diagnostics = await service.getDiagnostics(document)
    const unknown = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-recommendation')
    assert(unknown, 'an unknown-recommendation diagnostic')
    const actions = await service.getCodeActions(document, unknown.range, { diagnostics: [unknown], only: ['quickfix'] })
    expect(actions.map((action) => [action.title, action.isPreferred ?? false, action.kind])).toEqual([
      ['Change to R5', true, 'quickfix'],
      ['Change to R42', false, 'quickfix']
    ])
    expect(actions[0]?.diagnostics).toEqual([unknown])
    expect(actions[0]?.edit?.changes?.[document.uri]).toEqual([
      { range: { start: { ...unknown.range.start, character: unknown.range.start.character + 1 }, end: unknown.range.end }, newText: '5' }
    ])
  })

  it('changes only the number of a prose reference', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(`${root}/minutes/n.md`, minutes('2024-11-01', 'As *Recommendation* 52 says.'))
    const unknown = (await service.getDiagnostics(document)).find((diagnostic) => diagnostic.code === 'unknown-recommendation')
    assert(unknown, 'an unknown-recommendation diagnostic')
    const [first] = await service.getCodeActions(document, unknown.range, { diagnostics: [] })
    expect(first?.edit?.changes?.[document.uri]).toEqual([{ range: { start: positionOf(document, '52'), end: positionOf(document, '52', 2) }, newText: '5' }])
  })

  it('offers every status for an unknown status, the suggested ones first and preferred', async () => {
    const { service } = await serviceOver(files)
    const table = '| ID | Status |\n| --- | --- |\n| R3 | Done |'
    const document = documentOf(`${root}/minutes/t.md`, minutes('2024-11-01', table))
    const range = { start: positionOf(document, 'Done'), end: positionOf(document, 'Done', 4) }
    const actions = await service.getCodeActions(document, range, { diagnostics: [], only: ['quickfix'] })
    expect(actions.map((action) => `${action.title}${action.isPreferred ? ' *' : ''}`)).toEqual([
      'Change status to ready-for-assessment *',
      'Change status to implemented *',
      'Change status to not-started',
      'Change status to in-progress',
      'Change status to blocked',
      'Change status to rejected',
      'Change status to superseded'
    ])
    expect(actions[1]?.edit?.changes?.[document.uri]).toEqual([{ range, newText: 'implemented' }])
    // Without suggestions (the example's "Done-ish"), every status in order, none preferred.
    const path = `${root}/minutes/2024-01-17-accountability.md`
    const example = documentOf(path, fileText(files, path))
    const fixes = await service.getCodeActions(
      example,
      { start: positionOf(example, 'Done-ish'), end: positionOf(example, 'Done-ish', 8) },
      { diagnostics: [], only: ['quickfix'] }
    )
    expect(fixes.map((action) => action.title.replace('Change status to ', ''))).toEqual([
      'not-started',
      'in-progress',
      'ready-for-assessment',
      'implemented',
      'blocked',
      'rejected',
      'superseded'
    ])
    expect(fixes.some((action) => action.isPreferred)).toBe(false)
  })

  it('offers the successor of a superseded recommendation, and respects `only`', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(`${root}/minutes/n.md`, minutes('2024-11-01', 'We looked at R45.'))
    const range = { start: positionOf(document, 'R45'), end: positionOf(document, 'R45', 3) }
    expect((await service.getCodeActions(document, range, { diagnostics: [], only: ['quickfix'] })).map((action) => action.title)).toEqual(['Change to R46'])
    expect(await service.getCodeActions(document, range, { diagnostics: [], only: ['refactor'] })).toEqual([])
    expect(await service.getCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['quickfix'] })).toEqual([])
  })

  it('offers "Insert status update table" in minutes as a source action, unless the editor filters it out', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(`${root}/minutes/n.md`, minutes('2024-11-01', 'We looked at R45 and R3.'))
    const range = { start: positionOf(document, 'R45'), end: positionOf(document, 'R45', 3) }
    const actions = await service.getCodeActions(document, range, { diagnostics: [] })
    expect(actions.map((action) => [action.title, action.kind])).toEqual([
      ['Change to R46', 'quickfix'],
      ['Insert status update table', 'source.followthrough.insertStatusTable']
    ])
    expect(actions[1]?.edit).toEqual({
      changes: {
        [document.uri]: [
          {
            range: { start: range.start, end: range.start },
            newText: '\n## Status updates\n\n| Recommendation | Status | Note |\n| --- | --- | --- |\n| R45 | Superseded |  |\n| R3 | Implemented |  |\n'
          }
        ]
      }
    })
    for (const only of [['source'], ['source.followthrough'], ['source.followthrough.insertStatusTable']]) {
      expect((await service.getCodeActions(document, range, { diagnostics: [], only })).map((action) => action.title)).toEqual(['Insert status update table'])
    }
    expect(await service.getCodeActions(document, range, { diagnostics: [], only: ['source.fixAll'] })).toEqual([])
    // Not in a register.
    const register = `${root}/recommendations.yaml`
    expect(await service.getCodeActions(documentOf(register, fileText(files, register)), range, { diagnostics: [], only: ['source'] })).toEqual([])
  })
})
