import { allFindings, listMinutes, loadWorkspace, MemoryFileSystem, readMinutes } from '@followthrough/engine'
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-types'
import { describe, expect, it } from 'vitest'
import { documentOf, markdown, messageText, minutes, positionOf, root, serviceOver, smallRegister } from '../test/helpers.js'

// Today is 2024-11-28 (the helpers' fixed day).
const september = `${root}/minutes/2024-09-04.md`
const october = `${root}/minutes/2024-10-16.md`
const septemberText = minutes('2024-09-04', '## Actions\n\n- [ ] Council to bring the training plan to the next meeting (R2)\n- [ ] Council to publish the audit by March 2025')
const files = {
  [`${root}/recommendations.yaml`]: smallRegister(),
  [september]: septemberText,
  [october]: minutes('2024-10-16', 'R2 was discussed.')
}

function symbols(list: DocumentSymbol[]): string[] {
  return list.flatMap((symbol) => [`${symbol.name} [${symbol.detail ?? ''}]`, ...symbols(symbol.children ?? [])])
}

/** The findings the CLI gives on the same files, as `lint --format json` would list them. */
async function cliFindings(texts: Record<string, string>, path: string): Promise<string[]> {
  const fs = new MemoryFileSystem(texts)
  const workspace = await loadWorkspace(fs, root)
  const analyses = await Promise.all((await listMinutes(fs, workspace)).map((file) => readMinutes(fs, file, workspace)))
  return allFindings(workspace, analyses)
    .filter((finding) => finding.file === path)
    .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`)
}

function shown(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${String(diagnostic.code)} ${messageText(diagnostic)}`)
}

describe('actions due "at the next meeting" in the editor', () => {
  it('hovers the due date from the next minutes of the same meeting, another document, as the CLI resolves it', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(september, septemberText)
    await service.didOpen(document)
    const hover = markdown(await service.getHover(document, positionOf(document, 'bring the training')))
    expect(hover.split('\n')).toEqual([
      '**Action** · Council to bring the training plan to the next meeting (R2)',
      '',
      '- **Owner:** Council',
      '- **Due:** 2024-10-16 (the next meeting: [2024-10-16.md](file:///telford/minutes/2024-10-16.md)) — **overdue** by 43 days'
    ])
    expect(markdown(await service.getHover(document, positionOf(document, 'publish the audit')))).toContain('- **Due:** 2025-03-31 (the end of the month)')
    expect(symbols(await service.getDocumentSymbols(document))).toEqual([
      'Actions [##]',
      'Action: Council to bring the training plan to the next meeting (R2) [Council, 2024-10-16 (next meeting)]',
      'Action: Council to publish the audit by March 2025 [Council, 2025-03-31]'
    ])
    expect(shown(await service.getDiagnostics(document))).toEqual([])
  })

  it('follows the other document as it is edited, and reports what the CLI reports when no next meeting is left', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(september, septemberText)
    await service.didOpen(document)
    // The October minutes are moved to December in the editor (not saved): the action falls due then.
    const moved = minutes('2024-12-11', 'R2 was discussed.')
    await service.didOpen(documentOf(october, moved))
    expect(markdown(await service.getHover(document, positionOf(document, 'bring the training')))).toContain(
      '- **Due:** 2024-12-11 (the next meeting: [2024-10-16.md](file:///telford/minutes/2024-10-16.md))'
    )
    // Now another kind of meeting: no later accountability minutes, no section, no `next`.
    const panel = moved.replace('meeting: accountability', 'meeting: panel')
    await service.didChange(documentOf(october, panel, 2))
    expect(markdown(await service.getHover(document, positionOf(document, 'bring the training')))).toContain('- **Due:** the next meeting, not yet known')
    const expected = await cliFindings({ ...files, [october]: panel }, september)
    expect(expected).toEqual([
      '11:7 action-without-due-date Unexpected action for the next meeting without its date, expected later minutes of the same meeting, a "Date of next meeting" heading with a date or `next` in the front matter'
    ])
    expect(shown(await service.getDiagnostics(document))).toEqual(expected)
    // Front matter `next` gives the date back.
    const withNext = septemberText.replace('---\n\n', 'next: 2024-12-04\n---\n\n')
    await service.didChange(documentOf(september, withNext, 2))
    expect(await cliFindings({ ...files, [october]: panel, [september]: withNext }, september)).toEqual([])
    expect(shown(await service.getDiagnostics(documentOf(september, withNext, 2)))).toEqual([])
    expect(markdown(await service.getHover(documentOf(september, withNext, 2), positionOf(documentOf(september, withNext, 2), 'bring the training')))).toContain(
      '- **Due:** 2024-12-04 (the next meeting, from `next` in the front matter)'
    )
  })
})
