import { assert, describe, expect, it } from 'vitest'
import type { DocumentSymbol } from 'vscode-languageserver-types'
import { documentOf, fileText, root, serviceOver, telfordFiles } from '../test/helpers.js'

const files = telfordFiles()
const april = `${root}/minutes/2023-04-17-accountability.md`

function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name}`, ...outline(symbol.children ?? [], depth + 1)])
}

describe('getDocumentSymbols', () => {
  it('outlines agenda items by level, with status updates and actions under them', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(april, fileText(files, april))
    const symbols = await service.getDocumentSymbols(document)
    const lines = outline(symbols)
    expect(lines.slice(0, 6)).toEqual([
      'Accountability meeting, 17 April 2023',
      '  Attendance',
      '  Minutes of the last meeting',
      '  Matters arising',
      '  Progress on the inquiry recommendations',
      '  Status updates'
    ])
    expect(lines).toContain('    R12: in-progress')
    expect(lines).toContain('    Action: West Mercia Police to publish the partnership report in June (R7)')
    expect(lines).toContain('    Done: Office of the PCC to assess the staffing evidence (R4)')
    // Each section spans to the next heading of its level; children lie inside their parent.
    const top = symbols[0]
    assert(top, 'a first symbol')
    expect(top.range.start.line).toBe(15)
    expect(top.range.end.line).toBe(document.getText().split('\n').length - 1)
    const inside = (child: DocumentSymbol, parent: DocumentSymbol) => child.range.start.line >= parent.range.start.line && child.range.end.line <= parent.range.end.line
    assert(top.children, 'the sections under the first symbol')
    for (const section of top.children) for (const child of section.children ?? []) expect(inside(child, section)).toBe(true)
  })

  it('handles documents without headings, empty, and CRLF', async () => {
    const { service } = await serviceOver(files)
    expect(await service.getDocumentSymbols(documentOf(`${root}/minutes/e.md`, ''))).toEqual([])
    const crlf = documentOf(`${root}/minutes/c.md`, '# One\r\n\r\n## Two\r\n\r\n- [ ] Council to act by 2024-01-01\r\n')
    expect(outline(await service.getDocumentSymbols(crlf))).toEqual(['One', '  Two', '    Action: Council to act by 2024-01-01'])
    const flat = documentOf(`${root}/minutes/f.md`, 'ACTION: Council to act by 2024-01-01')
    expect(outline(await service.getDocumentSymbols(flat))).toEqual(['Action: Council to act by 2024-01-01'])
  })
})
