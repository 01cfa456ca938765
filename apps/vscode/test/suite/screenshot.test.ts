/**
 * Scenes for the README's screenshots (run with `npm run screenshots`): the
 * harness's browser takes each picture when the scene asks for it.
 */
import * as vscode from 'vscode'
import { closeAll, fileUri, getApi, open, patience, positionOf, screenshot, until, waitForDiagnostics } from './util.js'

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

suite('Screenshots', () => {
  suiteSetup(async function () {
    this.timeout(60_000)
    await getApi()
  })

  test('hover and diagnostics', async function () {
    this.timeout(60_000)
    await closeAll()
    await vscode.commands.executeCommand('workbench.view.extension.followthrough')
    const editor = await open('minutes/2024-01-17-accountability.md')
    const document = editor.document
    await waitForDiagnostics(document.uri, (list) => list.some((diagnostic) => document.getText(diagnostic.range).includes('R52')))
    await vscode.commands.executeCommand('workbench.actions.view.problems')
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup')
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup')
    // Hover on R14 (overdue), with the unknown R52 a few lines below it in view.
    const at = positionOf(document, 'Work on\nR14 continues', 'Work on\nR1'.length)
    editor.selection = new vscode.Selection(at, at)
    editor.revealRange(new vscode.Range(at.translate(-10), at.translate(-10)), vscode.TextEditorRevealType.AtTop)
    // Rendering has no event to wait on: give the hover and the squiggles a moment to paint.
    await settle(800)
    await vscode.commands.executeCommand('editor.action.showHover')
    await settle(1500)
    await screenshot('hover-and-diagnostics')
    await vscode.commands.executeCommand('workbench.action.closePanel')
  })

  test('register with code lenses and the Recommendations view', async function () {
    this.timeout(60_000)
    await closeAll()
    const api = await getApi()
    const editor = await vscode.window.showTextDocument(fileUri('recommendations.yaml'))
    const at = positionOf(editor.document, '- id: R14', 2)
    editor.selection = new vscode.Selection(at, at)
    editor.revealRange(new vscode.Range(at.translate(-1), at.translate(-1)), vscode.TextEditorRevealType.AtTop)
    await vscode.commands.executeCommand('workbench.view.extension.followthrough')
    await api.whenIdle()
    await until(
      async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)
        return lenses.length > 0
      },
      patience,
      'code lenses'
    )
    // The editor asks for lenses on its own schedule: let it paint them.
    await settle(2500)
    await screenshot('recommendations-view', { x: 0, y: 0, width: 1040, height: 800 })
  })

  test('references in the Markdown preview', async function () {
    this.timeout(60_000)
    await closeAll()
    const api = await getApi()
    const editor = await open('minutes/2024-01-17-accountability.md')
    const at = positionOf(editor.document, 'considers R3')
    editor.revealRange(new vscode.Range(at.translate(-6), at.translate(-6)), vscode.TextEditorRevealType.AtTop)
    await vscode.commands.executeCommand('markdown.showPreviewToSide')
    await until(
      async () => (await vscode.commands.executeCommand<string>('markdown.api.render', editor.document)).includes('followthrough-reference'),
      patience,
      "the preview's references"
    )
    await api.preview.whenIdle()
    // The webview paints on its own schedule (and scrolls to the editor's line): let it.
    await settle(2500)
    await screenshot('markdown-preview')
  })
})
