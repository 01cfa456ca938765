/** Helpers for the suite: the extension's API, the example workspace, waiting on VS Code's events. */
import * as assert from 'node:assert/strict'
import { existsSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import * as vscode from 'vscode'
import type { FollowthroughApi } from '../../src/extension.js'

export const extensionId = 'followthrough.followthrough-vscode'

/**
 * How long a test waits for VS Code, the language server or the extension to
 * reach the state it asserts. A hang guard, never a performance bound: CI runs
 * this suite beside other suites on two cores, where a view can take seconds
 * to catch up. Every wait fails naming what it waited for.
 */
export const patience = 60_000

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Run `check` (reads and assertions, nothing that changes state) now and then
 * every 100 ms until it passes, and return what it returned. After `timeoutMs`
 * fail with what was awaited and the last failure: UI state (views, the status
 * bar, providers' answers) settles when it settles, so a test reads it only
 * through this.
 */
export async function eventually<T>(what: string, check: () => T | Promise<T>, timeoutMs = patience): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() >= deadline) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last: ${reason}`, { cause: error })
      }
    }
    await delay(100)
  }
}

let api: FollowthroughApi | undefined

/** When the suite activated the extension, and when it first saw diagnostics (for the benchmark). */
export const milestones: { activationStarted?: number; activated?: number; firstOpen?: number; firstDiagnostics?: number } = {}

/** Activate the extension (the suite runs before any activation event fires) and wait until it is ready. */
export async function getApi(): Promise<FollowthroughApi> {
  if (api) return api
  const extension = vscode.extensions.getExtension<FollowthroughApi>(extensionId)
  if (!extension) throw new Error(`${extensionId} is not loaded`)
  milestones.activationStarted ??= performance.now()
  api = extension.isActive ? extension.exports : await extension.activate()
  await api.ready
  milestones.activated ??= performance.now()
  if (!api.client()) throw new Error(`the language server did not start:\n${api.outputLines().join('\n')}`)
  return api
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]
  if (!folder) throw new Error('no workspace folder is open')
  return folder.uri.fsPath
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative))
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  milestones.firstOpen ??= performance.now()
  const document = await vscode.workspace.openTextDocument(fileUri(relative))
  return vscode.window.showTextDocument(document, { preview: false })
}

/** The position of the `occurrence`-th (0-based) match of `needle` in a document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 0): vscode.Position {
  const text = document.getText()
  let index = -1
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1)
    if (index < 0) throw new Error(`${needle} not found in ${document.uri.fsPath}`)
  }
  return document.positionAt(index + offset)
}

export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const start = positionOf(document, needle, 0, occurrence)
  return new vscode.Range(start, document.positionAt(document.offsetAt(start) + needle.length))
}

/**
 * Resolve when the diagnostics of `uri` satisfy `check`: tested now, then on
 * every onDidChangeDiagnostics event (no fixed sleeps); rejects after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  check: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = patience,
  options: { anySource?: boolean } = {}
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const ours = () =>
      vscode.languages.getDiagnostics(uri).filter((diagnostic) => options.anySource === true || diagnostic.source === undefined || /followthrough/i.test(diagnostic.source))
    const now = ours()
    if (now.length > 0) milestones.firstDiagnostics ??= performance.now()
    if (check(now)) {
      resolve(now)
      return
    }
    const timer = setTimeout(() => {
      subscription.dispose()
      reject(new Error(`timed out waiting for diagnostics of ${uri.fsPath}; now: ${JSON.stringify(ours().map(describe))}`))
    }, timeoutMs)
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return
      const diagnostics = ours()
      if (diagnostics.length > 0) milestones.firstDiagnostics ??= performance.now()
      if (check(diagnostics)) {
        clearTimeout(timer)
        subscription.dispose()
        resolve(diagnostics)
      }
    })
  })
}

export function describe(diagnostic: vscode.Diagnostic): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code
  return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${String(code)} ${diagnostic.message}`
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code)
}

/** Resolve on the next matching event, or reject after `timeoutMs`. */
export function nextEvent<T>(event: vscode.Event<T>, matches: (value: T) => boolean = () => true, timeoutMs = patience): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose()
      reject(new Error('timed out waiting for an event'))
    }, timeoutMs)
    const subscription = event((value) => {
      if (!matches(value)) return
      clearTimeout(timer)
      subscription.dispose()
      resolve(value)
    })
  })
}

/** Poll a condition with a deadline (for state VS Code announces with no event, such as a file the harness writes). */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = patience, what = 'a condition'): Promise<void> {
  await eventually(
    what,
    async () => {
      if (!(await condition())) throw new Error('not yet')
    },
    timeoutMs
  )
}

/** Ask the harness to take a screenshot named `name` of the browser now, and wait until it has. */
export async function screenshot(name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
  const dir = process.env.FOLLOWTHROUGH_TEST_SIGNALS
  if (!dir) return
  writeFileSync(path.join(dir, `${name}.request`), JSON.stringify({ clip }))
  await until(() => existsSync(path.join(dir, `${name}.done`)), patience, `the harness's screenshot ${name}`)
}

/** Replace a document's whole text and wait for the edit to apply. */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit()
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text)
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${document.uri.fsPath}`)
}

/**
 * Revert every open document to what is on disk (checking that none is left
 * dirty, since the revert command acts on whichever editor is active) and
 * close every editor.
 */
export async function closeAll(): Promise<void> {
  await eventually('every open document to be reverted', async () => {
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue
      await vscode.window.showTextDocument(document)
      await vscode.commands.executeCommand('workbench.action.files.revert')
    }
    const dirty = vscode.workspace.textDocuments.filter((document) => document.isDirty).map((document) => document.uri.fsPath)
    assert.deepEqual(dirty, [], 'documents still dirty')
  })
  await vscode.commands.executeCommand('workbench.action.closeAllEditors')
}

/** The example's Markdown, YAML and JSON files: what a test that edits several files may change. */
export async function exampleFiles(): Promise<vscode.Uri[]> {
  return vscode.workspace.findFiles('**/*.{md,yaml,yml,json}', '**/node_modules/**')
}

/**
 * Run `body`, then put `uris` back as they were on disk and in every open
 * document, whatever `body` edited or saved (VS Code may save the files a
 * multi-file edit opened), and wait until the documents show it. Keeps one
 * test's edits from leaking into the next.
 */
export async function restoring<T>(uris: readonly vscode.Uri[], body: () => Promise<T>): Promise<T> {
  const originals = await Promise.all(uris.map(async (uri) => ({ uri, bytes: await vscode.workspace.fs.readFile(uri) })))
  try {
    return await body()
  } finally {
    await closeAll()
    const decoder = new TextDecoder()
    for (const { uri, bytes } of originals) {
      if (decoder.decode(await vscode.workspace.fs.readFile(uri)) !== decoder.decode(bytes)) await vscode.workspace.fs.writeFile(uri, bytes)
    }
    await eventually('the edited files to show their original text again', () => {
      for (const { uri, bytes } of originals) {
        const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString())
        if (document) assert.equal(document.getText(), decoder.decode(bytes), `${uri.fsPath} is back as it was`)
      }
    })
  }
}
