import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node'
import type { Hover, InitializeResult, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { at, messageText, stopAll } from '../test/helpers.js'

/**
 * Issue 9: a hostile conversation with the real bin over stdio. Bad framing
 * ends the server (the editor restarts it); everything else is answered, and a
 * hover works at the end.
 */

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(packageFolder, 'bin', 'followthrough-language-server.js')
const example = join(packageFolder, '..', '..', 'examples', 'telford')

beforeAll(() => {
  // Tests run after the build (turbo); build here too when run on their own in a fresh checkout.
  if (!existsSync(join(packageFolder, 'dist', 'server.js'))) spawnSync('npx', ['tsup'], { cwd: packageFolder, stdio: 'ignore' })
})

function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8')
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body])
}

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }

/** Send raw bytes to a fresh server; resolves when it exits, with what it wrote. */
function converse(bytes: Buffer[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    // No timer: the test fails by its own timeout if the server never exits (the bug this guards against).
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr })
    })
    for (const chunk of bytes) child.stdin.write(chunk)
  })
}

const restart = '; exiting so the editor can restart the server\n'

describe('bad framing: the server exits with one line, so the editor restarts it', () => {
  const cases: Array<[string, Buffer, string]> = [
    ['Content-Length: abc', Buffer.from('Content-Length: abc\r\n\r\n{}'), 'Unexpected Content-Length "abc", expected a number of bytes'],
    ['Content-Length: -5', Buffer.from('Content-Length: -5\r\n\r\n{"a":1}'), 'Unexpected Content-Length "-5", expected a number of bytes'],
    ['no Content-Length', Buffer.from('Content-Type: application/json\r\n\r\n{}'), 'Unexpected header without Content-Length, expected "Content-Length: <bytes>"'],
    ['a header line without a colon', Buffer.from('Content-Length 2\r\n\r\n{}'), 'Unexpected header line "Content-Length 2", expected "Name: value"'],
    ['a length beyond 64 MiB', Buffer.from('Content-Length: 99999999999\r\n\r\n{}'), 'Unexpected Content-Length "99999999999", expected a number of bytes'],
    [
      'headers that never end',
      Buffer.from('X'.repeat(10_000)),
      'Unexpected header of more than 8192 bytes without a blank line, expected "Content-Length: <bytes>" and "\\r\\n\\r\\n"'
    ]
  ]
  for (const [name, bad, message] of cases) {
    it(`after ${name}`, async () => {
      const result = await converse([bad, frame(initialize)])
      expect(result.stderr).toBe(`followthrough-language-server: ${message}${restart}`)
      expect(result.code).toBe(1)
      // Nothing after the broken frame is read.
      expect(result.stdout).not.toContain('"id":1')
    })
  }
})

describe('a hostile conversation over stdio', () => {
  let folder: string
  let child: ChildProcessWithoutNullStreams
  let connection: MessageConnection
  let exited: Promise<number | null>
  let stderr = ''
  const logs: string[] = []
  const published = new Map<string, PublishDiagnosticsParams>()
  // Resolved as diagnostics arrive; the test's own timeout bounds a wait that never ends.
  const waiters: Array<() => void> = []

  const uri = (relative: string) => pathToFileURL(join(folder, relative)).href

  /** Waits for a diagnostics notification that passes `test`, never on the clock. */
  function diagnosticsFor(target: string, test: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      const check = () => {
        const params = published.get(target)
        if (params && test(params)) {
          resolve(params)
          return true
        }
        return false
      }
      if (!check()) waiters.push(() => void check())
    })
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'followthrough-ls-hostile-'))
    cpSync(example, folder, { recursive: true })
    child = spawn(process.execPath, [bin, '--stdio'], { cwd: folder })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        resolve(code)
      })
    )
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
    connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message))
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.set(params.uri, params)
      for (const waiter of waiters.splice(0)) waiter()
    })
    connection.listen()
    await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'telford' }],
      capabilities: {},
      initializationOptions: { diagnosticsDelay: 0 }
    })
    await connection.sendNotification('initialized', {})
  })

  afterAll(() => stopAll({ folder, child, connection }))

  const minutesPath = 'minutes/2024-01-17-accountability.md'
  let minutesText: string
  let lines: string[]
  const hoverR46 = async (): Promise<Hover | null> => {
    const line = lines.findIndex((candidate) => candidate.includes('under R46'))
    return connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: uri(minutesPath) },
      position: { line, character: at(lines, line, 'a line with "under R46"').indexOf('R46') + 1 }
    })
  }
  const card = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? ''

  it('answers malformed requests with InvalidParams and one line in the log', async () => {
    minutesText = readFileSync(join(folder, minutesPath), 'utf8')
    lines = minutesText.split('\n')
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(minutesPath), languageId: 'markdown', version: 1, text: minutesText } })
    expect(card(await hoverR46())).toContain('**R46**')

    const hostile: Array<[unknown, string]> = [
      [{ position: { line: 0, character: 0 } }, 'Unexpected nothing at textDocument in textDocument/hover, expected an object with a uri'],
      [{ textDocument: { uri: uri(minutesPath) }, position: 'start' }, 'Unexpected string "start" at position in textDocument/hover, expected an object'],
      [
        { textDocument: { uri: uri(minutesPath) }, position: { line: -1, character: 0 } },
        'Unexpected number -1 at position.line in textDocument/hover, expected an integer from 0 to 2147483647'
      ],
      [
        { textDocument: { uri: uri(minutesPath) }, position: { line: 1e300, character: 0 } },
        'Unexpected number 1e+300 at position.line in textDocument/hover, expected an integer from 0 to 2147483647'
      ],
      [
        { textDocument: { uri: uri(minutesPath) }, position: { line: 0, character: 1.5 } },
        'Unexpected number 1.5 at position.character in textDocument/hover, expected an integer from 0 to 2147483647'
      ],
      [{ textDocument: { uri: 42 }, position: { line: 0, character: 0 } }, 'Unexpected number 42 at textDocument.uri in textDocument/hover, expected a document URI'],
      [[], 'Request textDocument/hover defines parameters by name but received parameters by position']
    ]
    for (const [params, message] of hostile) {
      const error = await connection.sendRequest('textDocument/hover', params).then(
        () => undefined,
        (reason: unknown) => reason
      )
      expect(error).toBeInstanceOf(ResponseError)
      expect((error as ResponseError<unknown>).code).toBe(-32602)
      expect((error as ResponseError<unknown>).message).toBe(message)
    }
    const completion = await connection.sendRequest('textDocument/completion', { textDocument: {}, position: { line: 0, character: 0 } }).catch((reason: unknown) => reason)
    expect((completion as ResponseError<unknown>).message).toBe('Unexpected nothing at textDocument.uri in textDocument/completion, expected a document URI')
    const rename = await connection
      .sendRequest('textDocument/rename', { textDocument: { uri: uri(minutesPath) }, position: { line: 0, character: 0 }, newName: 7 })
      .catch((reason: unknown) => reason)
    expect((rename as ResponseError<unknown>).message).toBe('Unexpected number 7 at newName in textDocument/rename, expected text')
    const actions = await connection
      .sendRequest('textDocument/codeAction', {
        textDocument: { uri: uri(minutesPath) },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        context: { diagnostics: [{}] }
      })
      .catch((reason: unknown) => reason)
    expect((actions as ResponseError<unknown>).message).toBe('Unexpected nothing at context.diagnostics.0.range in textDocument/codeAction, expected an object')

    // One line each in the editor's log, and no stack trace.
    for (const [, message] of hostile.slice(0, -1)) expect(logs).toContain(message)
    expect(logs.some((entry) => /\n\s+at /.test(entry))).toBe(false)
    // A position past the end of the text is valid: no card there, no error.
    expect(await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(minutesPath) }, position: { line: 100_000, character: 100_000 } })).toBeNull()
  })

  it('ignores unknown documents and malformed notifications, with one line each', async () => {
    const unknown = 'file:///nowhere/never-opened.md'
    expect(await connection.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } })).toBeNull()
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: unknown, version: 2 }, contentChanges: [{ text: 'R1' }] })
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: unknown } })
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(minutesPath), version: 2 }, contentChanges: 'everything' })
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('minutes/x.md'), languageId: 'markdown', version: 1, text: 5 } })
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(minutesPath), version: 2 },
      contentChanges: [{ range: { start: { line: 'a', character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]
    })
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('recommendations.yaml'), type: 9 }] })
    // A well-framed body that is not JSON: dropped by the reader; the server reads on.
    child.stdin.write(Buffer.from('Content-Length: 5\r\n\r\n{nope'))
    expect(card(await hoverR46())).toContain('**R46**')
    expect(logs).toContain('Unexpected string "everything" at contentChanges in textDocument/didChange, expected a list')
    expect(logs).toContain('Unexpected number 5 at textDocument.text in textDocument/didOpen, expected text')
    expect(logs).toContain('Unexpected string "a" at contentChanges.0.range.start.line in textDocument/didChange, expected an integer')
    expect(logs).toContain('Unexpected number 9 at changes.0.type in workspace/didChangeWatchedFiles, expected 1, 2 or 3')
  })

  it("clamps edits beyond the end of the text, as the editor's document does", async () => {
    // Append a line far beyond the last one: it lands at the end of the text.
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(minutesPath), version: 3 },
      contentChanges: [{ range: { start: { line: 100_000, character: 5 }, end: { line: 200_000, character: 0 } }, text: '\nWe also discussed R99.\n' }]
    })
    // A character far past the end of its line: clamped to the line's end.
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(minutesPath), version: 4 },
      contentChanges: [{ range: { start: { line: 0, character: 1_000_000 }, end: { line: 0, character: 2_000_000 } }, text: '' }]
    })
    const appendedLine = lines.length
    const after = await diagnosticsFor(uri(minutesPath), (params) => params.version === 4)
    const r99 = after.diagnostics.find((diagnostic) => diagnostic.code === 'unknown-recommendation' && messageText(diagnostic).includes('R99'))
    expect(r99?.range).toEqual({ start: { line: appendedLine, character: 18 }, end: { line: appendedLine, character: 21 } })
    expect(card(await hoverR46())).toContain('**R46**')
  })

  it('keeps answering when the register is deleted on disk while open, and after it is closed', async () => {
    const register = uri('recommendations.yaml')
    const registerText = readFileSync(join(folder, 'recommendations.yaml'), 'utf8')
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: register, languageId: 'yaml', version: 1, text: registerText } })
    unlinkSync(join(folder, 'recommendations.yaml'))
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: register, type: 3 }] })
    // The open buffer is the register while the editor holds it.
    expect(card(await hoverR46())).toContain('**R46** · Independent review of implementation after two years')

    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: register } })
    // Gone from disk and from the editor: a hover is an answer that says so, not an error.
    expect(card(await hoverR46())).toBe('**R46**: no register is loaded, so this reference cannot be checked.')
    // Back on disk: the hover is right again.
    writeFileSync(join(folder, 'recommendations.yaml'), registerText)
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: register, type: 1 }] })
    expect(card(await hoverR46())).toContain('**R46** · Independent review of implementation after two years')
  })

  it('shuts down cleanly, with nothing on stderr and no stack trace in the log', async () => {
    await connection.sendRequest('shutdown')
    await connection.sendNotification('exit')
    expect(await exited).toBe(0)
    expect(stderr).toBe('')
    expect(logs.filter((entry) => /failed|\n\s+at /.test(entry))).toEqual([])
  })
})
