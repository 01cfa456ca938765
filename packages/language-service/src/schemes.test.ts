import { allFindings, listMinutes, loadWorkspace, MemoryFileSystem, readMinutes } from '@followthrough/engine'
import { assert, describe, expect, it } from 'vitest'
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types'
import { documentOf, fileText, markdown, messageText, minutes, positionOf, root, serviceOver } from '../test/helpers.js'
import { pathToUri } from './uri.js'

/**
 * A register of two schemes (R, dotted in chapter 4, and AFI) through every
 * editor feature that reads references: diagnostics, quick fixes, rename,
 * hover and the preview's links.
 */
const register = [
  'inquiry: { id: nci24, title: Custody inspection, published: 2024-05-01 }',
  'schemes:',
  '  - { prefix: R, keywords: [Recommendation, Recommendations] }',
  '  - { prefix: AFI, keywords: [Area for improvement, Areas for improvement, AFI] }',
  'owners: [{ id: police, name: West Mercia Police }]',
  'recommendations:',
  '  - { id: R1, title: Custody records, owners: [police] }',
  '  - { id: R4.1, title: Detention reviews, owners: [police] }',
  '  - { id: R4.2, title: Rest periods, owners: [police] }',
  '  - { id: R4.3, title: Meals, owners: [police], status: implemented }',
  '  - { id: AFI1, title: Handover briefings, owners: [police] }',
  '  - { id: AFI2, title: Cell checks, owners: [police] }',
  '  - { id: AFI3, title: Interpreters, owners: [police] }',
  ''
].join('\n')

const body = 'Areas for\nimprovement 2 and 4, R4.1–R4.3 and Recommendation 4.2.\n\nAFI 3 and R4.4 were not.'

const files = {
  [`${root}/followthrough.config.json`]: '{ "registers": ["inspection.yaml"] }',
  [`${root}/inspection.yaml`]: register,
  [`${root}/minutes/a.md`]: minutes('2024-07-01', body)
}

function apply(texts: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const result = { ...texts }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const path = decodeURIComponent(uri.replace('file://', ''))
    let text = fileText(result, path)
    const document = documentOf(path, text)
    const sorted = [...edits].sort((a: TextEdit, b: TextEdit) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))
    for (const change of sorted) text = text.slice(0, document.offsetAt(change.range.start)) + change.newText + text.slice(document.offsetAt(change.range.end))
    result[path] = text
  }
  return result
}

describe('several schemes in the editor', () => {
  it("gives the CLI's findings (the engine's, over the same files), open or not", async () => {
    const fs = new MemoryFileSystem(files)
    const workspace = await loadWorkspace(fs, root)
    const paths = await listMinutes(fs, workspace)
    const analyses = await Promise.all(paths.map((path) => readMinutes(fs, path, workspace)))
    const cli = allFindings(workspace, analyses).map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`)
    expect(cli.length).toBeGreaterThan(1)
    const { service } = await serviceOver(files)
    const path = `${root}/minutes/a.md`
    const shown = (diagnostics: Awaited<ReturnType<typeof service.getDiagnostics>>) =>
      diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.code)} ${messageText(d)}`)
    expect(shown(await service.getFileDiagnostics(pathToUri(path)))).toEqual(cli)
    expect(shown(await service.getDiagnostics(documentOf(path, fileText(files, path))))).toEqual(cli)
  })

  it('reports unknown AFI and dotted ids as it does R ids, and offers the nearest of the same kind', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(`${root}/minutes/a.md`, fileText(files, `${root}/minutes/a.md`))
    const diagnostics = (await service.getDiagnostics(document)).filter((diagnostic) => diagnostic.code === 'unknown-recommendation')
    expect(diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.message])).toEqual([
      [9, 18, 'Unexpected unknown recommendation AFI4, expected an id of nci24 such as AFI3 or AFI2'],
      [11, 10, 'Unexpected unknown recommendation R4.4, expected an id of nci24 such as R4.3 or R4.2']
    ])
    const [afi, dotted] = diagnostics
    assert(afi && dotted, 'two diagnostics')
    const afiFixes = await service.getCodeActions(document, afi.range, { diagnostics: [afi], only: ['quickfix'] })
    expect(afiFixes.map((action) => [action.title, action.edit?.changes?.[document.uri]?.[0]?.newText])).toEqual([
      ['Change to AFI3', '3'],
      ['Change to AFI2', '2']
    ])
    const dottedFixes = await service.getCodeActions(document, dotted.range, { diagnostics: [dotted], only: ['quickfix'] })
    expect(dottedFixes[0]?.edit?.changes?.[document.uri]).toEqual([{ range: { start: positionOf(document, '4.4'), end: positionOf(document, '4.4', 3) }, newText: '4.3' }])
  })

  it('renames a dotted id and an AFI id everywhere, keeping their kind and how they are written', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(`${root}/minutes/a.md`, fileText(files, `${root}/minutes/a.md`))
    // R4.2 is inside the range R4.1–R4.3: renaming it would change what the range names.
    await expect(service.getRenameEdit(document, positionOf(document, 'Recommendation 4.2', 16), '4.5')).rejects.toThrow(/R4.2 is inside the range "R4.1–R4.3"/)
    const alone = { ...files, [`${root}/minutes/a.md`]: minutes('2024-07-01', 'Recommendation 4.2 and R4.2a.') }
    const single = documentOf(`${root}/minutes/a.md`, fileText(alone, `${root}/minutes/a.md`))
    const dotted = await service.getRenameEdit(single, positionOf(single, 'Recommendation 4.2', 16), '4.5')
    assert(dotted, 'a rename edit')
    const after = apply(alone, dotted)
    expect(after[`${root}/inspection.yaml`]).toContain('{ id: R4.5, title: Rest periods')
    expect(after[`${root}/minutes/a.md`]).toContain('Recommendation 4.5 and R4.2a.')
    const afi = await service.getRenameEdit(document, positionOf(document, 'AFI 3', 1), '7')
    assert(afi, 'a rename edit')
    const renamed = apply(files, afi)
    expect(renamed[`${root}/inspection.yaml`]).toContain('{ id: AFI7, title: Interpreters')
    expect(renamed[`${root}/minutes/a.md`]).toContain('AFI 7 and R4.4')
    await expect(service.getRenameEdit(document, positionOf(document, 'AFI 3', 1), 'R9')).rejects.toThrow(/expected an id such as AFI12/)
  })

  it('hovers an AFI id written in prose over a line break, and links every scheme in the preview', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(`${root}/minutes/a.md`, fileText(files, `${root}/minutes/a.md`))
    expect(markdown(await service.getHover(document, positionOf(document, 'improvement 2', 12)))).toContain('Cell checks')
    const preview = await service.getPreviewReferences(document)
    expect(preview.references.map((reference) => [reference.text, reference.ids, reference.href])).toEqual([
      ['2', ['AFI2'], '../inspection.yaml#L12'],
      ['R4.1–R4.3', ['R4.1', 'R4.2', 'R4.3'], '../inspection.yaml#L8'],
      ['Recommendation 4.2', ['R4.2'], '../inspection.yaml#L9'],
      ['AFI 3', ['AFI3'], '../inspection.yaml#L13']
    ])
  })
})
