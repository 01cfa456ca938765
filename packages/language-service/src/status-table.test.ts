import { describe, expect, it } from 'vitest'
import { documentOf, fileText, minutes, positionOf, root, serviceOver, telfordFiles } from '../test/helpers.js'
import { statusUpdateTable } from './status-table.js'

const files = telfordFiles()

describe('statusUpdateTable', () => {
  it('writes a table the minutes parser reads, escaping pipes', () => {
    expect(statusUpdateTable([{ id: 'R3', status: 'implemented' }, { id: 'R8', status: 'in-progress', note: 'a | b' }, { id: 'R9' }])).toBe(
      ['## Status updates', '', '| Recommendation | Status | Note |', '| --- | --- | --- |', '| R3 | Implemented |  |', '| R8 | In progress | a \\| b |', '| R9 |  |  |', ''].join(
        '\n'
      )
    )
  })

  it('keeps the document line ending and can leave the heading out', () => {
    expect(statusUpdateTable([{ id: 'R1' }], { heading: false, eol: '\r\n' })).toBe('| Recommendation | Status | Note |\r\n| --- | --- | --- |\r\n| R1 |  |  |\r\n')
  })
})

describe('getStatusTableEdit', () => {
  it('inserts one row per known recommendation the minutes mention, in first-mention order, with its status today', async () => {
    const { service } = await serviceOver(files)
    const text = minutes('2024-11-01', 'We discussed R14, then R3 and R52, then R14 again.\n\n## Status updates\n')
    const document = documentOf(`${root}/minutes/2024-11-01-accountability.md`, text)
    const end = document.positionAt(text.length)
    expect(await service.getStatusTableEdit(document, end)).toEqual({
      edit: { range: { start: end, end }, newText: '| Recommendation | Status | Note |\n| --- | --- | --- |\n| R14 | In progress |  |\n| R3 | Implemented |  |\n' }
    })
    // Mid-line: a line break first; no "Status updates" heading yet: one is added; CRLF kept.
    const crlf = minutes('2024-11-01', 'About R3.').replaceAll('\n', '\r\n')
    const other = documentOf(`${root}/minutes/2024-11-02-accountability.md`, crlf)
    const at = positionOf(other, 'About R3.', 5)
    expect(await service.getStatusTableEdit(other, at)).toEqual({
      edit: { range: { start: at, end: at }, newText: '\r\n## Status updates\r\n\r\n| Recommendation | Status | Note |\r\n| --- | --- | --- |\r\n| R3 | Implemented |  |\r\n' }
    })
  })

  it('says why when the file is not minutes or no register is loaded', async () => {
    const { service } = await serviceOver(files)
    const register = `${root}/recommendations.yaml`
    expect(await service.getStatusTableEdit(documentOf(register, fileText(files, register)), { line: 0, character: 0 })).toEqual({
      problem: 'Unexpected file for a status update table, expected minutes in Markdown'
    })
    const { service: empty } = await serviceOver({ [`${root}/minutes/a.md`]: minutes('2024-01-01', 'R1.') })
    expect(await empty.getStatusTableEdit(documentOf(`${root}/minutes/a.md`, minutes('2024-01-01', 'R1.')), { line: 0, character: 0 })).toEqual({
      problem: 'Unexpected minutes with no register loaded, expected a register to take the statuses from'
    })
  })
})
