/**
 * What only VS Code shows: the Recommendations view, the status bar, code
 * lenses on the register, the progress view, the commands and JSON validation.
 */
import * as assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import * as vscode from 'vscode'
import type { TreeSnapshotItem } from '../../src/tree.js'
import { closeAll, extensionId, fileUri, getApi, open, setText, waitForDiagnostics } from './util.js'

const minutesPath = 'minutes/2024-01-17-accountability.md'
const registerPath = 'recommendations.yaml'

function child(item: TreeSnapshotItem | undefined, label: string): TreeSnapshotItem | undefined {
  return item?.children?.find((entry) => entry.label === label)
}

suite('Views and commands', () => {
  suiteSetup(async function () {
    this.timeout(60_000)
    await getApi()
  })

  teardown(async () => {
    await closeAll()
  })

  test('the status bar shows the register of the active file', async () => {
    const api = await getApi()
    await open(minutesPath)
    await api.whenIdle()
    assert.match(api.statusBarText() ?? '', /R 37\/46 implemented/)
    const tooltip = api.statusBarTooltip() ?? ''
    assert.match(tooltip, /Implemented: 37/)
    assert.match(tooltip, /In progress: 4/)
    assert.match(tooltip, /Blocked: 5/)
    assert.match(tooltip, /Superseded: 1/)
  })

  test('the Recommendations view groups by status, then by owner', async () => {
    const api = await getApi()
    await api.whenIdle()
    await vscode.commands.executeCommand('followthrough.groupByStatus')
    const [register] = api.getTreeItems()
    assert.ok(register)
    assert.equal(register.label, 'Independent Inquiry into Telford Child Sexual Exploitation')
    assert.match(register.description ?? '', /^37\/46 implemented/)
    const implemented = child(register, 'Implemented')
    assert.equal(implemented?.children?.length, 37)
    assert.equal(child(register, 'In progress')?.children?.length, 4)
    assert.equal(child(register, 'Blocked')?.children?.length, 5)
    const r3 = implemented?.children?.find((item) => item.label.startsWith('R3 '))
    assert.ok(r3, 'R3 is implemented')
    assert.equal(r3.icon, 'pass-filled')
    assert.match(r3.description ?? '', /due 2023-06-30 · last discussed 2024-/)
    const r14 = child(register, 'In progress')?.children?.find((item) => item.label.startsWith('R14 '))
    assert.match(r14?.description ?? '', /due 2024-03-31 \(overdue\)/)
    assert.equal(r14?.icon, 'warning')

    await vscode.commands.executeCommand('followthrough.groupByOwner')
    assert.equal(api.groupBy(), 'owner')
    const [byOwner] = api.getTreeItems()
    assert.equal(child(byOwner, 'West Mercia Police')?.children?.length, 13)
    // 34 count towards the council's total; its superseded R45 is listed too.
    assert.equal(child(byOwner, 'Telford & Wrekin Council')?.children?.length, 35)
    await vscode.commands.executeCommand('followthrough.groupByStatus')
    assert.equal(api.groupBy(), 'status')
  })

  test('selecting a recommendation opens its register entry; its minutes are listed', async () => {
    const api = await getApi()
    await api.whenIdle()
    const register = fileUri(registerPath).toString()
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('followthrough.openRecommendation', { register, id: 'R3' })
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, fileUri(registerPath).fsPath)
    assert.equal(editor.document.getText(editor.selection), 'R3')

    const minutes = await vscode.commands.executeCommand<vscode.TextEditor>('followthrough.showDiscussions', { register, id: 'R3' }, 0)
    assert.ok(minutes, 'a minutes file opened')
    assert.match(minutes.document.uri.fsPath, /minutes\/2024-.*\.md$/)
    assert.match(minutes.document.getText(minutes.selection), /3/)
  })

  test('code lenses on register entries show status, due date and discussions', async () => {
    const api = await getApi()
    const document = (await open(registerPath)).document
    await api.whenIdle()
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)
    const titles = lenses.map((lens) => lens.command?.title ?? '')
    const r3 = lenses.find((lens) => document.lineAt(lens.range.start.line).text.includes('id: R3') && /Implemented/.test(lens.command?.title ?? ''))
    assert.ok(r3, `a lens on R3 among ${titles.slice(0, 5).join(' | ')}`)
    assert.match(r3.command?.title ?? '', /^Implemented since 2024-01-17 · due 2023-06-30 · discussed .+, last on 2024-/)
    assert.ok(titles.filter((title) => /discussed|never discussed/.test(title)).length >= 47)
  })

  test('the progress view shows the HTML report under a strict policy', async () => {
    const api = await getApi()
    await open(minutesPath)
    await vscode.commands.executeCommand('followthrough.showProgress')
    const html = api.progressHtml() ?? ''
    assert.match(html, /Independent Inquiry into Telford Child Sexual Exploitation/)
    const policy = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i.exec(html)?.[1] ?? '').replace(/&#39;|&apos;/g, "'")
    assert.match(policy, /default-src 'none'/)
    assert.doesNotMatch(policy, /https?:|\*/)
    assert.doesNotMatch(html, /<(script|img|link)[^>]+(src|href)="https?:/i)
  })

  test('insert status table: one row per recommendation the minutes mention, status filled in', async () => {
    const api = await getApi()
    const editor = await open(minutesPath)
    await api.whenIdle()
    const document = editor.document
    const end = document.lineAt(document.lineCount - 1).range.end
    editor.selection = new vscode.Selection(end, end)
    assert.ok(await vscode.commands.executeCommand('followthrough.insertStatusTable'))
    const text = document.getText()
    const inserted = text.slice(text.lastIndexOf('| Recommendation | Status | Note |'))
    assert.match(inserted, /\| R3 \| Implemented \| {2}\|/)
    assert.match(inserted, /\| R14 \| In progress \| {2}\|/)
    assert.doesNotMatch(inserted, /R52/, 'unknown ids are left out')
    const rows = inserted.split('\n').filter((line) => /^\| R\d/.test(line)).map((line) => line.split('|')[1]?.trim())
    assert.equal(new Set(rows).size, rows.length, 'each id once')
  })

  test('new minutes from the template: front matter filled in from the last meeting of that kind', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri.toString()
    const uri = await vscode.commands.executeCommand<vscode.Uri>('followthrough.newMinutes', { folder, meeting: 'accountability', date: '2025-01-15' })
    assert.ok(uri)
    assert.equal(uri.fsPath, fileUri('minutes/2025-01-15-accountability.md').fsPath)
    const text = (await vscode.workspace.openTextDocument(uri)).getText()
    assert.match(text, /^---\nmeeting: accountability\ndate: 2025-01-15\ntitle: Accountability meeting, 15 January 2025\nchair: "?John Campion, Police and Crime Commissioner"?\n/)
    assert.match(text, /attendees:\n {2}- /)
    const diagnostics = await waitForDiagnostics(uri, () => true)
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error), diagnostics.map((d) => d.message).join('; '))
    await closeAll()
    await vscode.workspace.fs.delete(uri)
  })

  test('restart the server: diagnostics come back', async () => {
    const api = await getApi()
    await vscode.commands.executeCommand('followthrough.restartServer')
    assert.ok(api.client()?.isRunning(), 'the client runs again')
    const document = (await open(minutesPath)).document
    await waitForDiagnostics(document.uri, (list) => list.some((diagnostic) => document.getText(diagnostic.range).includes('R52')))
  })

  test('the output channel says which config and registers loaded', async () => {
    const api = await getApi()
    await vscode.commands.executeCommand('followthrough.showOutput')
    const lines = api.outputLines().join('\n')
    assert.match(lines, /config: .*followthrough\.config\.json/)
    assert.match(lines, /register iitcse: 47 recommendations from .*recommendations\.yaml/)
    assert.match(lines, /minutes: 11 file\(s\)/)
  })

  test('followthrough.config.json is validated against core\'s JSON Schema', async () => {
    const extension = vscode.extensions.getExtension(extensionId)!
    const validation = (extension.packageJSON as { contributes: { jsonValidation: { fileMatch: string | string[]; url: string }[] } }).contributes.jsonValidation
    for (const entry of validation) assert.ok(existsSync(path.join(extension.extensionPath, entry.url)), `${entry.url} ships`)
    const document = (await open('followthrough.config.json')).document
    await setText(document, '{\n  "registers": "recommendations.yaml",\n  "minutes": ["minutes/**/*.md"]\n}\n')
    // VS Code's JSON language service reports it against the contributed schema (the server may too).
    const fromSchema = (diagnostic: vscode.Diagnostic) =>
      diagnostic.range.start.line === 1 && !/followthrough/i.test(diagnostic.source ?? '') && /array/i.test(diagnostic.message)
    const diagnostics = await waitForDiagnostics(document.uri, (list) => list.some(fromSchema), 20_000, { anySource: true })
    assert.ok(diagnostics.some(fromSchema))
  })

  test('the workspace trust state is what the harness asked for', () => {
    const mode = process.env.FOLLOWTHROUGH_TEST_MODE
    if (mode) assert.equal(vscode.workspace.isTrusted, mode === 'trusted')
  })
})
