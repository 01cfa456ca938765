/**
 * What any editor gets beside diagnostics: code lenses, Followthrough's own
 * requests and notification, and the commands, from a plain LSP client that
 * speaks to the real bin over stdio and applies the edits the server sends
 * (`workspace/applyEdit`) as an editor does.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type {
  DiscussionView,
  EditResult,
  NewMinutesResult,
  PreviewReferencesResult,
  ProgressReportResult,
  ProgressResult,
  RecommendationsResult
} from '@followthrough/language-service'
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node'
import type { ApplyWorkspaceEditParams, CodeAction, CodeLens, CreateFile, InitializeResult, ShowDocumentParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest'
import { stopAll, Waiters } from '../test/helpers.js'

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(packageFolder, 'bin', 'followthrough-language-server.js')
const example = join(packageFolder, '..', '..', 'examples', 'telford')

/** What the server sends of one kind, kept in order, with promises of what is yet to come. */
class Inbox<T> {
  readonly received: T[] = []
  private readonly waiters = new Waiters<T>()

  push(value: T): void {
    this.received.push(value)
    this.waiters.offer(value)
  }

  /** The first message from now on (or since `from`) that passes `test`. */
  next(test: (value: T) => boolean, label: string, from = this.received.length): Promise<T> {
    const earlier = this.received.slice(from).find(test)
    return earlier ? Promise.resolve(earlier) : this.waiters.wait(test, `Nothing from the server: ${label}`)
  }
}

describe('followthrough-language-server: code lenses, custom requests and commands', () => {
  let folder: string
  let child: ChildProcessWithoutNullStreams
  let connection: MessageConnection
  const documents = new Map<string, TextDocument>()
  const edits = new Inbox<ApplyWorkspaceEditParams>()
  const viewChanges = new Inbox<{ folders: string[] }>()
  const shown = new Inbox<ShowDocumentParams>()
  const messages = new Inbox<{ type: number; message: string }>()
  let lensRefreshes = 0
  const logs: string[] = []

  const uri = (relative: string) => pathToFileURL(join(folder, relative)).href
  const path = (fileUri: string) => fileURLToPath(fileUri)

  /** The document open at `fileUri`, as the editor holds it. */
  function opened(fileUri: string): TextDocument {
    const document = documents.get(fileUri)
    assert(document, `${fileUri} is open`)
    return document
  }

  async function open(relative: string): Promise<TextDocument> {
    const document = TextDocument.create(uri(relative), relative.endsWith('.md') ? 'markdown' : 'yaml', 1, readFileSync(join(folder, relative), 'utf8'))
    documents.set(document.uri, document)
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: document.uri, languageId: document.languageId, version: 1, text: document.getText() } })
    return document
  }

  async function change(document: TextDocument, text: string): Promise<TextDocument> {
    const next = TextDocument.create(document.uri, document.languageId, document.version + 1, text)
    documents.set(document.uri, next)
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: next.uri, version: next.version }, contentChanges: [{ text }] })
    return next
  }

  /** Apply a workspace edit as an editor does: open documents change (and the server hears of it), files are created on disk. */
  async function apply(params: ApplyWorkspaceEditParams): Promise<{ applied: boolean }> {
    for (const operation of params.edit.documentChanges ?? []) {
      if ('kind' in operation) {
        const create = operation as CreateFile
        if (!existsSync(path(create.uri))) writeFileSync(path(create.uri), '')
        continue
      }
      // The server sends plain text edits (no snippets).
      const edit = operation as TextDocumentEdit & { edits: TextEdit[] }
      const open = documents.get(edit.textDocument.uri)
      if (open) {
        if (edit.textDocument.version !== null && edit.textDocument.version !== open.version) return { applied: false }
        await change(open, TextDocument.applyEdits(open, edit.edits))
      } else {
        const file = path(edit.textDocument.uri)
        const document = TextDocument.create(edit.textDocument.uri, 'markdown', 0, readFileSync(file, 'utf8'))
        writeFileSync(file, TextDocument.applyEdits(document, edit.edits))
      }
    }
    for (const [target, list] of Object.entries(params.edit.changes ?? {})) {
      const open = documents.get(target)
      if (open) await change(open, TextDocument.applyEdits(open, list))
    }
    return { applied: true }
  }

  beforeAll(async () => {
    if (!existsSync(join(packageFolder, 'dist', 'server.js'))) spawnSync('npx', ['tsup'], { cwd: packageFolder, stdio: 'ignore' })
    folder = mkdtempSync(join(tmpdir(), 'followthrough-ls-views-'))
    cpSync(example, folder, { recursive: true })
    child = spawn(process.execPath, [bin, '--stdio'], { cwd: folder })
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
    connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message))
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      messages.push(params)
    })
    connection.onNotification('followthrough/didChange', (params: { folders: string[] }) => {
      viewChanges.push(params)
    })
    connection.onRequest('client/registerCapability', () => null)
    connection.onRequest('workspace/codeLens/refresh', () => {
      lensRefreshes++
      return null
    })
    connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      shown.push(params)
      return { success: true }
    })
    connection.onRequest('workspace/applyEdit', async (params: ApplyWorkspaceEditParams) => {
      const result = await apply(params)
      edits.push(params)
      return result
    })
    connection.listen()
    const init = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'telford' }],
      capabilities: {
        workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, codeLens: { refreshSupport: true } },
        window: { showDocument: { support: true } }
      },
      initializationOptions: { diagnosticsDelay: 10, viewsDelay: 10 }
    })
    expect(init.capabilities).toMatchObject({
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: ['followthrough/insertStatusTable', 'followthrough/newMinutes', 'followthrough/showDiscussions'] },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.followthrough.insertStatusTable'] },
      experimental: {
        followthrough: {
          requests: ['followthrough/recommendations', 'followthrough/progress', 'followthrough/discussions', 'followthrough/progressReport', 'followthrough/previewReferences'],
          notifications: ['followthrough/didChange']
        }
      }
    })
    await connection.sendNotification('initialized', {})
  })

  afterAll(() => stopAll({ folder, child, connection }, { shutdown: true }))

  /** The views once the first index is complete: asked again after each followthrough/didChange until it is. */
  async function indexed(): Promise<RecommendationsResult> {
    for (;;) {
      const since = viewChanges.received.length
      const views = await connection.sendRequest<RecommendationsResult>('followthrough/recommendations', null)
      if (views.folders.every((entry) => entry.complete)) return views
      await viewChanges.next(() => true, 'followthrough/didChange while indexing', since)
    }
  }

  it("puts code lenses on register entries and answers the views' requests", async () => {
    const register = await open('recommendations.yaml')
    await indexed()
    const lenses = await connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: register.uri } })
    expect(lenses).toHaveLength(47)
    const lines = register.getText().split('\n')
    const r3 = lenses.find((lens) => lines[lens.range.start.line] === '  - id: R3')
    expect(r3?.command?.title).toMatch(/^Implemented since 2024-01-17 · due 2023-06-30 · discussed 16 times, last on 2024-07-17$/)
    expect(r3?.command).toMatchObject({ command: 'followthrough/showDiscussions', arguments: [{ register: register.uri, id: 'R3' }] })

    const views = await connection.sendRequest<RecommendationsResult>('followthrough/recommendations', {})
    expect(views.folders.map((entry) => [entry.name, entry.minutes, entry.meetings])).toEqual([[basename(folder), 11, ['accountability', 'partnership']]])
    expect(views.registers.map((entry) => [entry.uri, entry.id, entry.stale, entry.progress.text])).toEqual([[register.uri, 'iitcse', false, 'R 37/46 implemented']])
    expect(views.registers[0]?.groups.owner.find((group) => group.label === 'West Mercia Police')?.ids).toHaveLength(13)

    const progress = await connection.sendRequest<ProgressResult>('followthrough/progress', { uri: uri('minutes/2024-01-17-accountability.md') })
    expect(progress?.register).toEqual({ uri: register.uri, id: 'iitcse', title: 'Independent Inquiry into Telford Child Sexual Exploitation', stale: false })
    expect(progress?.progress.tooltip).toMatch(/\nImplemented: 37\n/)
    expect(await connection.sendRequest<ProgressResult>('followthrough/progress', null)).toMatchObject({ register: { id: 'iitcse' } })

    const discussions = await connection.sendRequest<DiscussionView[]>('followthrough/discussions', { register: register.uri, id: 'R14' })
    expect(discussions.map((entry) => entry.description)).toEqual([
      'minutes/2024-10-16-accountability.md',
      'minutes/2024-07-17-accountability.md',
      'minutes/2024-04-17-accountability.md',
      'minutes/2024-01-17-accountability.md',
      'minutes/2023-10-18-accountability.md',
      'minutes/2023-04-17-accountability.md'
    ])

    const report = await connection.sendRequest<ProgressReportResult>('followthrough/progressReport', { uri: register.uri })
    expect(report.register).toEqual({ uri: register.uri, id: 'iitcse', title: 'Independent Inquiry into Telford Child Sexual Exploitation' })
    expect(report.html).toMatch(/^<!doctype html>/i)
    expect(report.html).toContain('Independent Inquiry into Telford Child Sexual Exploitation')
    // The open actions, as `followthrough actions` gives them: "the next meeting" of the last minutes is the date under its heading.
    expect(report.html).toContain('Open actions')
    expect(report.html).toMatch(/Chief Constable to report on the national position on crime recording[^<]*<\/[a-z]+>[^]*?2025-01-15/)
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(report.html)?.[1]).toMatch(/^default-src (?:'|&#39;|&#x27;)none(?:'|&#39;|&#x27;)/)

    // What a Markdown preview links: each known reference of open minutes, with its entry, title and status.
    const minutes = await open('minutes/2024-01-17-accountability.md')
    const preview = await connection.sendRequest<PreviewReferencesResult>('followthrough/previewReferences', { textDocument: { uri: minutes.uri } })
    expect(preview.version).toBe(minutes.version)
    const r3Line = lines.indexOf('  - id: R3') + 1
    const considers = preview.references.find(
      (reference) => minutes.getText().slice(minutes.offsetAt(reference.range.start) - 'considers '.length, minutes.offsetAt(reference.range.end)) === 'considers R3'
    )
    expect(considers).toEqual({
      range: considers?.range,
      text: 'R3',
      href: `../recommendations.yaml#L${r3Line}`,
      ids: ['R3'],
      title: 'R3: Adopt a victim-first standard for every CSE investigation',
      badges: [{ status: 'implemented', label: 'Implemented' }]
    })
    expect(preview.references.some((reference) => reference.ids.includes('R52'))).toBe(false)
    // A document the editor has not opened: nothing (a preview shows the editor's text).
    expect(
      await connection.sendRequest<PreviewReferencesResult>('followthrough/previewReferences', { textDocument: { uri: uri('minutes/2024-04-17-accountability.md') } })
    ).toEqual({
      references: []
    })
    await expect(connection.sendRequest('followthrough/previewReferences', { uri: minutes.uri })).rejects.toThrow(/followthrough\/previewReferences/)
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: minutes.uri } })
    documents.delete(minutes.uri)

    // Malformed params: an InvalidParams error naming the field.
    await expect(connection.sendRequest('followthrough/discussions', { register: register.uri })).rejects.toThrow(
      'Unexpected nothing at id in followthrough/discussions, expected a recommendation id'
    )
  })

  it('tells the editor when the index changes; views keep the last valid register while it has errors', async () => {
    const register = opened(uri('recommendations.yaml'))
    const since = viewChanges.received.length
    const refreshes = lensRefreshes
    const retitled = await change(register, register.getText().replace('Embed exploitation training', 'Embed CSE training'))
    expect(await viewChanges.next(() => true, 'followthrough/didChange after a title changed', since)).toEqual({ folders: [pathToFileURL(folder).href] })
    const views = await connection.sendRequest<RecommendationsResult>('followthrough/recommendations', null)
    expect(views.registers[0]?.recommendations.find((entry) => entry.id === 'R14')?.title).toBe('Embed CSE training among longer-serving officers')
    expect(lensRefreshes).toBeGreaterThan(refreshes)

    // Half-typed: the register does not validate; the views show its last valid version, marked stale.
    const later = viewChanges.received.length
    const broken = await change(retitled, retitled.getText().replace(/( {2}- id: R14\n) {4}title: [^\n]*\n/, '$1'))
    await viewChanges.next(() => true, 'followthrough/didChange after the register broke', later)
    const stale = await connection.sendRequest<RecommendationsResult>('followthrough/recommendations', null)
    expect(stale.registers.map((entry) => [entry.stale, entry.progress.text])).toEqual([[true, 'R 37/46 implemented']])
    expect(stale.registers[0]?.recommendations.find((entry) => entry.id === 'R14')?.title).toBe('Embed CSE training among longer-serving officers')
    await change(broken, readFileSync(join(folder, 'recommendations.yaml'), 'utf8'))
  })

  it('runs "insert status table" through workspace/applyEdit, and offers it as a source action', async () => {
    const minutes = await open('minutes/2024-01-17-accountability.md')
    const end = minutes.positionAt(minutes.getText().length)
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: minutes.uri },
      range: { start: end, end },
      context: { diagnostics: [], only: ['source'] }
    })
    expect(actions.map((action) => [action.title, action.kind])).toEqual([['Insert status update table', 'source.followthrough.insertStatusTable']])

    const since = edits.received.length
    const result = await connection.sendRequest<EditResult>('workspace/executeCommand', {
      command: 'followthrough/insertStatusTable',
      arguments: [{ textDocument: { uri: minutes.uri }, position: end }]
    })
    expect(result).toEqual({ applied: true })
    const [applied] = edits.received.slice(since)
    expect(applied?.label).toBe('Insert status update table')
    expect(applied?.edit.documentChanges).toEqual([{ textDocument: { uri: minutes.uri, version: 1 }, edits: [expect.objectContaining({ range: { start: end, end } })] }])
    const text = opened(minutes.uri).getText()
    const inserted = text.slice(text.lastIndexOf('| Recommendation | Status | Note |'))
    expect(inserted).toMatch(/\n\| R3 \| Implemented \| {2}\|\n/)
    expect(inserted).toMatch(/\n\| R14 \| In progress \| {2}\|\n/)
    expect(inserted).not.toContain('R52')

    // Not minutes: nothing is edited, and the editor is told why.
    const register = opened(uri('recommendations.yaml'))
    expect(
      await connection.sendRequest<EditResult>('workspace/executeCommand', {
        command: 'followthrough/insertStatusTable',
        arguments: [{ textDocument: { uri: register.uri }, position: { line: 0, character: 0 } }]
      })
    ).toEqual({ applied: false, message: 'Unexpected file for a status update table, expected minutes in Markdown' })
  })

  it('runs "new minutes" through workspace/applyEdit: the file is created with its template', async () => {
    const since = edits.received.length
    const result = await connection.sendRequest<NewMinutesResult>('workspace/executeCommand', {
      command: 'followthrough/newMinutes',
      arguments: [{ folder: pathToFileURL(folder).href, meeting: 'accountability', date: '2025-01-15' }]
    })
    const target = uri('minutes/2025-01-15-accountability.md')
    expect(result).toEqual({ applied: true, created: true, uri: target })
    const [applied] = edits.received.slice(since)
    expect(applied?.label).toBe('New minutes from template')
    expect(applied?.edit.documentChanges?.[0]).toEqual({ kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: true } })
    const text = readFileSync(path(target), 'utf8')
    expect(text).toMatch(
      /^---\nmeeting: accountability\ndate: 2025-01-15\ntitle: Accountability meeting, 15 January 2025\nchair: "?John Campion, Police and Crime Commissioner"?\nattendees:\n {2}- /
    )

    // Once it exists, it is left alone.
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: target, type: 1 }] })
    expect(
      await connection.sendRequest<NewMinutesResult>('workspace/executeCommand', {
        command: 'followthrough/newMinutes',
        arguments: [{ meeting: 'accountability', date: '2025-01-15' }]
      })
    ).toEqual({ applied: false, created: false, uri: target, message: 'The minutes exist already: open them instead' })
    expect(edits.received.length).toBe(since + 1)
    // A bad date is refused, worded for people.
    expect(
      await connection.sendRequest<NewMinutesResult>('workspace/executeCommand', {
        command: 'followthrough/newMinutes',
        arguments: [{ meeting: 'accountability', date: '15/01/2025' }]
      })
    ).toEqual({ applied: false, created: false, message: 'Unexpected date "15/01/2025", expected a date as YYYY-MM-DD' })
  })

  it('opens the newest discussion from a code lens (window/showDocument), and refuses unknown commands', async () => {
    const register = opened(uri('recommendations.yaml'))
    const since = shown.received.length
    const list = await connection.sendRequest<DiscussionView[]>('workspace/executeCommand', {
      command: 'followthrough/showDiscussions',
      arguments: [{ register: register.uri, id: 'R14' }]
    })
    const [newest] = list
    assert(newest, 'the discussions of R14')
    expect(newest.description).toBe('minutes/2024-10-16-accountability.md')
    const [shownDocument] = shown.received.slice(since)
    expect(shownDocument).toEqual({ uri: uri('minutes/2024-10-16-accountability.md'), takeFocus: true, selection: newest.range })

    const told = messages.received.length
    expect(await connection.sendRequest('workspace/executeCommand', { command: 'followthrough/showDiscussions', arguments: [{ register: register.uri, id: 'R1' }] })).toEqual([])
    expect((await messages.next(() => true, 'a message that R1 is not discussed', told)).message).toBe('No minutes discuss R1 yet.')

    const unknown = connection.sendRequest('workspace/executeCommand', { command: 'followthrough/nope', arguments: [] })
    await expect(unknown).rejects.toBeInstanceOf(ResponseError)
    await expect(unknown).rejects.toThrow(
      'Unexpected command "followthrough/nope", expected one of followthrough/insertStatusTable, followthrough/newMinutes, followthrough/showDiscussions'
    )
    await expect(connection.sendRequest('workspace/executeCommand', { command: 'followthrough/newMinutes', arguments: [{ date: '2025-01-15' }] })).rejects.toThrow(
      'Unexpected nothing at 0.meeting in workspace/executeCommand followthrough/newMinutes, expected the kind of meeting'
    )
    expect(logs.filter((message) => /failed|Unexpected failure|Unexpected error/.test(message))).toEqual([])
  })
})
