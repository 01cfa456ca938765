/**
 * References in VS Code's own Markdown preview: rendered by the preview's
 * markdown-it (`markdown.api.render`, the engine the preview runs, with the
 * plugins extensions contribute) as links to the register entry, with the
 * title as a tooltip and a status badge; and again when the register changes.
 */
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import { closeAll, eventually, fileUri, getApi, open, patience, restoring, setText } from './util.js'

const minutesPath = 'minutes/2024-01-17-accountability.md'
const registerPath = 'recommendations.yaml'

/** The preview's HTML for a document, as VS Code's Markdown extension renders it. */
async function render(document: vscode.TextDocument): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', document)
}

/** The line (1-based) of `- id: ID` in the register. */
async function entryLine(id: string): Promise<number> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(registerPath)))
  const index = text.split('\n').indexOf(`  - id: ${id}`)
  assert.ok(index >= 0, `${id} in the register`)
  return index + 1
}

suite('Markdown preview', () => {
  suiteSetup(async function () {
    this.timeout(5 * patience)
    await getApi()
  })

  teardown(async () => {
    await closeAll()
  })

  test('renders a reference as a link to its register entry, with the title as tooltip and a status badge', async () => {
    const api = await getApi()
    const document = (await open(minutesPath)).document
    const line = await entryLine('R3')
    const html = await eventually('the preview to link R3', async () => {
      const rendered = await render(document)
      assert.match(rendered, /considers <a href="\.\.\/recommendations\.yaml#L\d+" title="R3: [^"]*" class="followthrough-reference"[^>]*>R3<span/, rendered.slice(0, 2000))
      return rendered
    })
    const r3 = /considers (<a [^>]*>R3<span[^>]*>[^<]*<\/span><\/a>) implemented/.exec(html)?.[1]
    assert.equal(
      r3,
      `<a href="../recommendations.yaml#L${line}" title="R3: Adopt a victim-first standard for every CSE investigation" class="followthrough-reference" data-href="../recommendations.yaml#L${line}">R3` +
        '<span class="followthrough-status followthrough-status-implemented">Implemented</span></a>'
    )
    // An id the register lacks stays text; and a new answer refreshed the preview.
    assert.match(html, /liaison post \(R52\) has/)
    assert.ok(api.preview.refreshes > 0, 'the preview was refreshed when the references arrived')
  })

  test("follows the register: a new title shows in the preview's tooltip", async () => {
    await restoring([fileUri(registerPath)], async () => {
      const minutes = (await open(minutesPath)).document
      await eventually('the preview to link R3', async () => {
        assert.match(await render(minutes), /title="R3: Adopt a victim-first standard for every CSE investigation"/)
      })
      const register = (await open(registerPath)).document
      await setText(
        register,
        register.getText().replace('title: Adopt a victim-first standard for every CSE investigation', 'title: Put victims first in <every> "CSE" investigation')
      )
      await eventually('the preview to show the new, escaped title', async () => {
        assert.match(await render(minutes), /title="R3: Put victims first in &lt;every&gt; &quot;CSE&quot; investigation"/)
      })
    })
  })
})
