/**
 * A multi-root workspace (the trusted run): the example and a small inspection
 * in its own folder, each with its own config and register, served by one
 * language client.
 */
import * as assert from 'node:assert/strict'
import * as path from 'node:path'
import * as vscode from 'vscode'
import { closeAll, eventually, getApi, patience, positionOf, waitForDiagnostics } from './util.js'

function inspectionFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((entry) => entry.name === 'inspection')
  assert.ok(folder, `a multi-root workspace with an "inspection" folder: ${vscode.workspace.workspaceFolders?.map((entry) => entry.name).join(', ')}`)
  return folder
}

suite('Multi-root workspace', () => {
  suiteSetup(async function () {
    this.timeout(5 * patience)
    await getApi()
  })

  teardown(async () => {
    await closeAll()
  })

  test('multi-root: each folder is checked against its own register', async () => {
    const folder = inspectionFolder()
    const uri = vscode.Uri.file(path.join(folder.uri.fsPath, 'minutes', '2024-05-01-board.md'))
    const document = await vscode.workspace.openTextDocument(uri)
    await vscode.window.showTextDocument(document)
    const diagnostics = await waitForDiagnostics(uri, (list) => list.some((diagnostic) => document.getText(diagnostic.range) === 'R9'))
    // R3 exists in this folder's register (and R9 in neither): nothing else is an error.
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).map((diagnostic) => document.getText(diagnostic.range)),
      ['R9']
    )
    await eventually("a hover card from the inspection's own register", async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(document, 'Recommendation 2', 'Recommendation '.length))
      const text = hovers
        .flatMap((hover) => hover.contents)
        .map((content) => (typeof content === 'string' ? content : content instanceof vscode.MarkdownString ? content.value : ''))
        .join('\n')
      assert.match(text, /Train call handlers/)
    })
  })

  test('multi-root: the views show both registers; the status bar follows the active file', async () => {
    const api = await getApi()
    const folder = inspectionFolder()
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder.uri.fsPath, 'minutes', '2024-05-01-board.md')))
    await eventually('the views to show both registers and the status bar the inspection', async () => {
      await api.whenIdle()
      const labels = api.getTreeItems().map((item) => `${item.label} (${item.description ?? ''})`)
      assert.deepEqual(labels, [
        'Independent Inquiry into Telford Child Sexual Exploitation (37/46 implemented · telford)',
        'Inspection of child protection arrangements (1/3 implemented · inspection)'
      ])
      assert.match(api.statusBarText() ?? '', /R 1\/3 implemented/)
      assert.match(api.outputLines().join('\n'), /register insp: 3 recommendations from .*inspection\.yaml/)
    })
  })
})
