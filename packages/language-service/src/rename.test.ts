import { assert, describe, expect, it } from 'vitest'
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types'
import { documentOf, fileText, minutes, positionOf, root, serviceOver, smallRegister, telfordFiles } from '../test/helpers.js'
import { RenameError } from './rename.js'
import { pathToUri } from './uri.js'

const files = telfordFiles()

/** Apply a workspace edit to texts held by path. */
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

describe('rename', () => {
  it('renames R12 to R48 in the register and every minutes file, open or not', async () => {
    const { service } = await serviceOver(files)
    const path = `${root}/minutes/2023-04-17-accountability.md`
    const document = documentOf(path, fileText(files, path))
    await service.didOpen(document)
    const at = positionOf(document, 'Recommendation* 12', 17)
    expect(await service.prepareRename(document, at)).toEqual({
      range: { start: positionOf(document, 'Recommendation* 12', 16), end: positionOf(document, 'Recommendation* 12', 18) },
      placeholder: 'R12'
    })
    const edit = await service.getRenameEdit(document, at, 'R48')
    assert(edit?.changes, 'a rename edit with changes')
    const uris = Object.keys(edit.changes)
    expect(uris).toContain(pathToUri(`${root}/recommendations.yaml`))
    // Six files say R12 or Recommendation 12; one more lists it: "recommendations 3, 12, and 22".
    expect(uris.filter((uri) => uri.includes('/minutes/')).length).toBe(7)
    const after = apply(files, edit)
    expect(after[`${root}/recommendations.yaml`]).toContain('- id: R48\n')
    expect(after[`${root}/recommendations.yaml`]).not.toContain('- id: R12\n')
    for (const [file, text] of Object.entries(after))
      if (file.includes('/minutes/'))
        expect(
          text
            .replace(/`[^`]*`/g, '')
            .replace(/<!--[^]*?-->/g, '')
            .replace(/https?:\/\/\S+/g, '')
        ).not.toMatch(/\bR12\b|Recommendation\**\s+\**12\b/)
    expect(after[path]).toContain('*Recommendation* 48 would')
    expect(after[path]).toContain('| R48 | in progress |')
    // Code is not a reference: it stays as written.
    expect(after[`${root}/minutes/2023-01-18-accountability.md`]).toContain('`R12`')
    expect(after[`${root}/minutes/2024-04-17-accountability.md`]).toContain('recommendations 3, 48, and 22')
    expect(after[`${root}/minutes/2023-07-19-accountability.md`]).toContain('Recommendation **48**')
  })

  it('refuses R22 in the example: the minutes of July 2023 name it inside "Recommendations 21–23"', async () => {
    const { service } = await serviceOver(files)
    const path = `${root}/minutes/2024-04-17-accountability.md`
    const document = documentOf(path, fileText(files, path))
    await expect(service.prepareRename(document, positionOf(document, 'considers R22', 11))).rejects.toThrow(
      'R22 is inside the range "Recommendations 21–23" (line 54): renaming it would change what the range names; rewrite the range first (in /telford/minutes/2023-07-19-accountability.md)'
    )
  })

  it('keeps how each mention is written: prose, emphasis, qualifiers, bare table numbers, range ends, supersededBy', async () => {
    const register = smallRegister('iitcse', 14).replace('  - id: R2\n', '  - id: R2\n    supersededBy: R12\n')
    const body = [
      'R12 and *Recommendation* 12, Recs 3, 12 and 14.',
      '',
      'Qualified iitcse:R12, and the range R10–R12 and Recommendations 12 to 13.',
      '',
      '| Rec | Status |',
      '| --- | --- |',
      '| 12 | in progress |'
    ].join('\n')
    const texts = { [`${root}/recommendations.yaml`]: register, [`${root}/minutes/a.md`]: minutes('2024-01-01', body) }
    const { service } = await serviceOver(texts)
    const document = documentOf(`${root}/minutes/a.md`, fileText(texts, `${root}/minutes/a.md`))
    const edit = await service.getRenameEdit(document, positionOf(document, 'R12', 1), '20')
    assert(edit, 'a rename edit')
    const after = apply(texts, edit)
    expect(after[`${root}/minutes/a.md`]).toContain(
      [
        'R20 and *Recommendation* 20, Recs 3, 20 and 14.',
        '',
        'Qualified iitcse:R20, and the range R10–R20 and Recommendations 20 to 13.',
        '',
        '| Rec | Status |',
        '| --- | --- |',
        '| 20 | in progress |'
      ].join('\n')
    )
    expect(after[`${root}/recommendations.yaml`]).toContain('  - id: R20\n')
    expect(after[`${root}/recommendations.yaml`]).toContain('    supersededBy: R20\n')
  })

  it('refuses a member inside a range, an id that exists, and a name that is no id', async () => {
    const texts = { [`${root}/recommendations.yaml`]: smallRegister(), [`${root}/minutes/a.md`]: minutes('2024-01-01', 'R3–R5 and R4.') }
    const { service } = await serviceOver(texts)
    const document = documentOf(`${root}/minutes/a.md`, fileText(texts, `${root}/minutes/a.md`))
    const inside = service.prepareRename(document, positionOf(document, 'R4.', 1))
    await expect(inside).rejects.toThrow(RenameError)
    await expect(inside).rejects.toThrow(/R4 is inside the range "R3–R5".*rewrite the range first/)
    await expect(service.getRenameEdit(document, positionOf(document, 'R3', 1), 'R5')).rejects.toThrow('R5 already exists in iitcse')
    await expect(service.getRenameEdit(document, positionOf(document, 'R3', 1), 'twelve')).rejects.toThrow(/expected an id such as R12/)
    // From the register, the same checks apply.
    const register = documentOf(`${root}/recommendations.yaml`, fileText(texts, `${root}/recommendations.yaml`))
    await expect(service.prepareRename(register, positionOf(register, 'id: R4', 5))).rejects.toThrow(/inside the range/)
    expect(await service.prepareRename(register, positionOf(register, 'id: R7', 5))).toEqual({
      range: { start: positionOf(register, 'id: R7', 4), end: positionOf(register, 'id: R7', 6) },
      placeholder: 'R7'
    })
  })

  it('gives nothing where there is nothing to rename, and refuses unknown ids', async () => {
    const texts = { [`${root}/recommendations.yaml`]: smallRegister(), [`${root}/minutes/a.md`]: minutes('2024-01-01', 'Words and R99.') }
    const { service } = await serviceOver(texts)
    const document = documentOf(`${root}/minutes/a.md`, fileText(texts, `${root}/minutes/a.md`))
    expect(await service.prepareRename(document, positionOf(document, 'Words'))).toBeUndefined()
    await expect(service.prepareRename(document, positionOf(document, 'R99', 1))).rejects.toThrow(/R99 is not in iitcse/)
  })
})
