/**
 * The language server's features as VS Code shows them, on a copy of the
 * Telford example: diagnostics, hover, completion, definition, references,
 * document links, quick fixes and rename.
 */
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import { closeAll, eventually, exampleFiles, fileUri, getApi, open, patience, positionOf, rangeOf, restoring, setText, waitForDiagnostics } from './util.js'

const minutesPath = 'minutes/2024-01-17-accountability.md'
const registerPath = 'recommendations.yaml'

/** Whether a diagnostic sits on the text `R52`. */
function onR52(document: vscode.TextDocument) {
  return (diagnostic: vscode.Diagnostic) => document.getText(diagnostic.range).includes('R52')
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content instanceof vscode.MarkdownString ? content.value : ''))
    .join('\n')
}

suite('Language server in VS Code', () => {
  suiteSetup(async function () {
    this.timeout(5 * patience)
    await getApi()
  })

  teardown(async () => {
    await closeAll()
  })

  test('diagnostics: an unknown reference is flagged, and clears when the text is fixed', async () => {
    const editor = await open(minutesPath)
    const document = editor.document
    const diagnostics = await waitForDiagnostics(document.uri, (list) => list.some(onR52(document)))
    const r52 = diagnostics.find(onR52(document))
    assert.ok(r52)
    assert.equal(r52.severity, vscode.DiagnosticSeverity.Error, `R52 should be an error: ${r52.message}`)
    assert.match(r52.message, /R52/)

    const original = document.getText()
    await setText(document, original.replace('survivor liaison post (R52)', 'survivor liaison post (R22)'))
    await waitForDiagnostics(document.uri, (list) => !list.some(onR52(document)) && list.length > 0)

    await setText(document, original)
    await waitForDiagnostics(document.uri, (list) => list.some(onR52(document)))
  })

  test('diagnostics: an unknown reference clears when the register gains the id, and comes back when it loses it', async () => {
    // The register goes back as shipped, on disk too, even when a wait fails.
    await restoring([fileUri(registerPath)], async () => {
      const minutes = (await open(minutesPath)).document
      await waitForDiagnostics(minutes.uri, (list) => list.some(onR52(minutes)))

      const register = (await open(registerPath)).document
      const original = register.getText()
      const entry = ['', '  - id: R52', '    title: Keep a survivor liaison officer', '    owners: [west-mercia-police]', '    status: in-progress', ''].join('\n')
      await setText(register, original.trimEnd() + '\n' + entry)
      await register.save()
      await waitForDiagnostics(minutes.uri, (list) => !list.some(onR52(minutes)))

      await setText(register, original)
      await register.save()
      await waitForDiagnostics(minutes.uri, (list) => list.some(onR52(minutes)))
    })
  })

  test('hover on a reference shows the recommendation', async () => {
    const document = (await open(minutesPath)).document
    await eventually('a hover card on R3', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'considers R3', 'considers R'.length))
      const text = hoverText(hovers)
      assert.match(text, /R3/)
      assert.match(text, /victim-first/i, text)
      assert.match(text, /West Mercia Police/, text)
    })
  })

  test('hover shows the assurance with its evidence link and the due date with its history', async () => {
    // R40 in the example: blocked, evidenced by the health board's letter (a link), its due
    // date moved twice in the register (2025-03-31 → 2025-09-30 → 2026-03-31), each with a reason.
    const document = (await open('minutes/2024-06-19-partnership.md')).document
    await eventually('a hover card on R40 with its evidence and its moved due date', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '| R40 |', '| R4'.length))
      const text = hoverText(hovers)
      assert.match(text, /\*\*Assurance:\*\* evidenced by NHS Shropshire, Telford and Wrekin/, text)
      assert.ok(text.includes('[NHS England letter on sharing sexual health records](<https://example.org/telford/nhs-england-letter-2024-09.pdf>)'), text)
      assert.ok(text.includes('**Due:** 2026-03-31, moved twice from 2025-03-31: national information-sharing system delayed; NHS England pilot extended to 2025'), text)
    })
  })

  test('completion after "R" lists recommendations with their titles', async () => {
    const document = (await open(minutesPath)).document
    const original = document.getText()
    const marker = 'Work on\nR14 continues'
    const at = original.indexOf(marker)
    assert.ok(at > 0)
    await setText(document, original.slice(0, at) + 'See R' + original.slice(at))
    const position = document.positionAt(at + 'See R'.length)
    await eventually('completion items for the recommendations, with their titles', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position)
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label))
      assert.ok(
        labels.some((label) => /^R12\b/.test(label)),
        `R12 among ${labels.slice(0, 60).join(', ')}`
      )
      const r3 = list.items.find((item) => /^R3\b/.test(typeof item.label === 'string' ? item.label : item.label.label))
      assert.ok(r3, 'R3 offered')
      const r3Text = [
        typeof r3.label === 'string' ? r3.label : `${r3.label.label} ${r3.label.description ?? ''} ${r3.label.detail ?? ''}`,
        r3.detail ?? '',
        typeof r3.documentation === 'string' ? r3.documentation : (r3.documentation?.value ?? '')
      ].join(' ')
      assert.match(r3Text, /victim-first/i, r3Text)
    })
    await setText(document, original)
  })

  test('go to definition jumps to the register entry', async () => {
    const document = (await open(minutesPath)).document
    const result = await eventually('a definition of R3', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        document.uri,
        positionOf(document, 'considers R3', 'considers R'.length)
      )
      assert.ok(found.length > 0, 'a definition')
      return found
    })
    const [first] = result
    assert.ok(first, 'a definition')
    const uri = 'targetUri' in first ? first.targetUri : first.uri
    const range = 'targetUri' in first ? (first.targetSelectionRange ?? first.targetRange) : first.range
    assert.equal(uri.fsPath, fileUri(registerPath).fsPath)
    const register = await vscode.workspace.openTextDocument(uri)
    assert.match(register.lineAt(range.start.line).text, /id:\s*R3\b/)
  })

  test('find all references lists the mentions across the minutes and the register', async () => {
    const document = (await open(minutesPath)).document
    // The server indexes the other minutes in the background: wait until it has.
    const locations = await eventually('references to R3 in several files', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        document.uri,
        positionOf(document, 'considers R3', 'considers R'.length)
      )
      const files = new Set(found.map((location) => location.uri.fsPath))
      assert.ok(files.size >= 3, `R3 is mentioned in several files: ${[...files].join(', ')}`)
      return found
    })
    for (const location of locations) {
      const text = (await vscode.workspace.openTextDocument(location.uri)).getText(location.range)
      assert.match(text, /3/, `each reference names 3: ${text}`)
    }
  })

  test('document links point references at the register', async () => {
    const document = (await open(minutesPath)).document
    await eventually('document links from the references to the register', async () => {
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri, 200)
      const ours = links.filter((link) => link.target?.fsPath === fileUri(registerPath).fsPath)
      assert.ok(ours.length >= 5, `links to the register: ${ours.length} of ${links.length}`)
      assert.ok(
        ours.some((link) => document.getText(link.range) === 'R3'),
        'R3 is a link'
      )
    })
  })

  test('a quick fix changes an unknown reference to the nearest id', async () => {
    const document = (await open(minutesPath)).document
    const diagnostics = await waitForDiagnostics(document.uri, (list) => list.some(onR52(document)))
    const range = rangeOf(document, '(R52)')
    const fix = await eventually('a "Change to …" quick fix on R52', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value)
      const found = actions.find((action) => /^Change to R\d+[a-z]?$/.test(action.title) && action.edit)
      assert.ok(found, `a "Change to …" fix among: ${actions.map((action) => action.title).join(' | ')} (diagnostics: ${diagnostics.length})`)
      return found
    })
    const replacement = fix.title.slice('Change to '.length)
    assert.ok(fix.edit, 'the fix edits')
    assert.ok(await vscode.workspace.applyEdit(fix.edit))
    assert.ok(document.getText().includes(`survivor liaison post (${replacement})`), `R52 became ${replacement}`)
    assert.doesNotMatch(document.getText(), /R52/)
    await waitForDiagnostics(document.uri, (list) => !list.some(onR52(document)))
  })

  test('rename changes the id in the register and every minutes file', async () => {
    // VS Code may save the files a multi-file edit opened: put every file back
    // afterwards, or the next tests see R14a (they did, in CI).
    await restoring(await exampleFiles(), async () => {
      const document = (await open(minutesPath)).document
      const position = positionOf(document, 'R14 continues', 1)
      const edit = await eventually('a rename edit across the register and the minutes', async () => {
        const found = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, position, 'R14a')
        assert.ok(found, 'a rename edit')
        const files = found.entries().map(([uri]) => uri.fsPath)
        assert.ok(files.includes(fileUri(registerPath).fsPath), `the register is renamed: ${files.join(', ')}`)
        assert.ok(files.filter((file) => file.endsWith('.md')).length >= 3, `several minutes: ${files.join(', ')}`)
        return found
      })
      assert.ok(await vscode.workspace.applyEdit(edit))
      for (const [uri] of edit.entries()) {
        const text = (await vscode.workspace.openTextDocument(uri)).getText()
        assert.match(text, /R14a|14a/, `${uri.fsPath} mentions the new id`)
      }
      const register = await vscode.workspace.openTextDocument(fileUri(registerPath))
      assert.match(register.getText(), /id:\s*R14a\b/)
      assert.doesNotMatch(register.getText(), /id:\s*R14\s*$/m)
    })
  })
})
