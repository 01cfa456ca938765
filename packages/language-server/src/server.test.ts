import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node'
import type { CodeAction, CompletionList, Hover, InitializeResult, Location, MarkupContent, PublishDiagnosticsParams, WorkspaceEdit } from 'vscode-languageserver-protocol'
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest'
import { at, stopAll, Waiters } from '../test/helpers.js'

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(packageFolder, 'bin', 'followthrough-language-server.js')
const example = join(packageFolder, '..', '..', 'examples', 'telford')

/** Each document's latest diagnostics, and promises of diagnostics yet to come: waits on events, never on the clock. */
class Diagnostics {
  private readonly latest = new Map<string, PublishDiagnosticsParams>()
  private readonly waiters = new Waiters<PublishDiagnosticsParams>()

  receive(params: PublishDiagnosticsParams): void {
    this.latest.set(params.uri, params)
    this.waiters.offer(params)
  }

  until(uri: string, test: (params: PublishDiagnosticsParams) => boolean, label: string): Promise<PublishDiagnosticsParams> {
    const current = this.latest.get(uri)
    if (current && test(current)) return Promise.resolve(current)
    return this.waiters.wait((params) => params.uri === uri && test(params), `No diagnostics for ${uri}: ${label}`)
  }
}

describe('followthrough-language-server --stdio', () => {
  let folder: string
  let child: ChildProcessWithoutNullStreams
  let connection: MessageConnection
  const diagnostics = new Diagnostics()
  const registrations: string[] = []
  const logs: string[] = []
  let exited: Promise<number | null>

  const uri = (relative: string) => pathToFileURL(join(folder, relative)).href

  beforeAll(() => {
    // Tests run after the build (turbo); build here too when run on their own in a fresh checkout.
    if (!existsSync(join(packageFolder, 'dist', 'server.js'))) spawnSync('npx', ['tsup'], { cwd: packageFolder, stdio: 'ignore' })
    folder = mkdtempSync(join(tmpdir(), 'followthrough-ls-'))
    cpSync(example, folder, { recursive: true })
    child = spawn(process.execPath, [bin, '--stdio'], { cwd: folder })
    exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        resolve(code)
      })
    )
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      diagnostics.receive(params)
    })
    connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message))
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
      registrations.push(...params.registrations.map((registration) => registration.method))
      return null
    })
    connection.listen()
  })

  afterAll(() => stopAll({ folder, child, connection }))

  it('serves an editor from initialize to exit', async () => {
    const init = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'telford' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } },
      initializationOptions: { diagnosticsDelay: 10 }
    })
    expect(init.capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', 'R', ',', '#'] },
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.followthrough.insertStatusTable'] }
    })
    await connection.sendNotification('initialized', {})

    // Open minutes with a reference to R52, which the register does not have.
    const january = uri('minutes/2024-01-17-accountability.md')
    const text = readFileSync(join(folder, 'minutes/2024-01-17-accountability.md'), 'utf8')
    const lines = text.split('\n')
    const line = lines.findIndex((candidate) => candidate.includes('(R52)'))
    const character = at(lines, line, 'a line with (R52)').indexOf('R52')
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: january, languageId: 'markdown', version: 1, text } })
    const published = await diagnostics.until(january, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-recommendation'), 'R52')
    const unknown = published.diagnostics.find((diagnostic) => diagnostic.code === 'unknown-recommendation')
    assert(unknown, 'an unknown-recommendation diagnostic')
    expect(unknown.range).toEqual({ start: { line, character }, end: { line, character: character + 3 } })
    expect(unknown.severity).toBe(1)
    expect(unknown.source).toBe('followthrough')
    expect(registrations).toContain('workspace/didChangeWatchedFiles')

    // Hover on a reference.
    const r46 = lines.findIndex((candidate) => candidate.includes('under R46'))
    const hover = await connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: january },
      position: { line: r46, character: at(lines, r46, 'a line with "under R46"').indexOf('R46') + 1 }
    })
    const card = (hover.contents as MarkupContent).value
    expect(card).toContain('**R46** · Independent review of implementation after two years')
    expect(card).toContain('Telford & Wrekin Council')
    expect(card).toMatch(/\*\*Status:\*\* implemented since 2024-07-10/)

    // Completion after "Recommendation " in a new, unsaved minutes file.
    const draft = uri('minutes/2024-12-01-draft.md')
    const draftText = '---\nmeeting: accountability\ndate: 2024-12-01\ntitle: Draft\nchair: PCC\nattendees: []\n---\n\nWe discussed Recommendation '
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draft, languageId: 'markdown', version: 1, text: draftText } })
    const completion = await connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri: draft },
      position: { line: 8, character: 'We discussed Recommendation '.length },
      context: { triggerKind: 2, triggerCharacter: ' ' }
    })
    const twelve = completion.items.find((item) => item.label === 'R12')
    assert(twelve, 'a completion for R12')
    expect(twelve.detail).toContain('Record children as victims, never as consenting')
    expect(twelve.textEdit).toMatchObject({ newText: '12' })

    // Definition of R12 in the register.
    const april = uri('minutes/2023-04-17-accountability.md')
    const aprilText = readFileSync(join(folder, 'minutes/2023-04-17-accountability.md'), 'utf8')
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: april, languageId: 'markdown', version: 1, text: aprilText } })
    const aprilLines = aprilText.split('\n')
    const row = aprilLines.findIndex((candidate) => candidate.startsWith('| R12 |'))
    const definition = await connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri: april }, position: { line: row, character: 3 } })
    const registerLines = readFileSync(join(folder, 'recommendations.yaml'), 'utf8').split('\n')
    expect(definition).toEqual([
      {
        uri: uri('recommendations.yaml'),
        range: { start: { line: registerLines.indexOf('  - id: R12'), character: 8 }, end: { line: registerLines.indexOf('  - id: R12'), character: 11 } }
      }
    ])

    // References across files, open or not.
    const references = await connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri: april },
      position: { line: row, character: 3 },
      context: { includeDeclaration: true }
    })
    expect(references.length).toBeGreaterThan(15)
    expect(new Set(references.map((location) => location.uri)).size).toBe(8)

    // Rename R12 to R48 (an id the register does not have).
    const prepared = await connection.sendRequest<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: april }, position: { line: row, character: 3 } })
    expect(prepared.placeholder).toBe('R12')
    const rename = await connection.sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: april }, position: { line: row, character: 3 }, newName: 'R48' })
    const touched = Object.keys(rename.changes ?? {})
    expect(touched).toContain(uri('recommendations.yaml'))
    expect(touched.filter((file) => file.includes('/minutes/')).length).toBeGreaterThan(4)
    // A refused rename comes back as an error the editor shows.
    const r22 = lines.findIndex((candidate) => candidate.startsWith('| R22 |'))
    await expect(connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: january }, position: { line: r22, character: 3 } })).rejects.toThrow(
      /inside the range/
    )

    // The quick fix for R52.
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: january },
      range: unknown.range,
      context: { diagnostics: [unknown] }
    })
    expect(actions.map((action) => action.title)).toContain('Change to R5')

    // Fix the text with an incremental change: the error goes away.
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: january, version: 2 },
      contentChanges: [{ range: { start: { line, character: character + 1 }, end: { line, character: character + 3 } }, text: '5' }]
    })
    const fixed = await diagnostics.until(january, (params) => params.version === 2, 'after the fix')
    expect(fixed.diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-recommendation')).toEqual([])

    // Shut down and exit cleanly.
    await connection.sendRequest('shutdown')
    await connection.sendNotification('exit')
    expect(await exited).toBe(0)
    expect(logs.filter((message) => /failed|Unexpected/.test(message))).toEqual([])
  })
})
