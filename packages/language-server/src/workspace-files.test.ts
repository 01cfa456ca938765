import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node'
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol'
import { assert, describe, expect, it } from 'vitest'
import { messageText } from '../test/helpers.js'

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(packageFolder, 'bin', 'followthrough-language-server.js')

const register = `inquiry:
  id: iitcse
  title: Telford inquiry
  published: 2022-07-12
owners:
  - id: council
    name: Council
recommendations:
  - id: R1
    title: Publish a partnership report
    owners: [council]
`

describe('followthrough-language-server on a folder with hostile files', () => {
  it('reports a named-pipe register and a register linked to /dev/zero, and keeps answering', async () => {
    if (!existsSync(join(packageFolder, 'dist', 'server.js'))) spawnSync('npx', ['tsup'], { cwd: packageFolder, stdio: 'ignore' })
    const folder = mkdtempSync(join(tmpdir(), 'followthrough-ls-files-'))
    mkdirSync(join(folder, 'minutes'))
    writeFileSync(join(folder, 'followthrough.config.json'), JSON.stringify({ registers: ['pipe.yaml', 'zero.yaml', 'recommendations.yaml'] }))
    writeFileSync(join(folder, 'recommendations.yaml'), register)
    execFileSync('mkfifo', [join(folder, 'pipe.yaml')])
    symlinkSync('/dev/zero', join(folder, 'zero.yaml'))
    const child = spawn(process.execPath, [bin, '--stdio'], { cwd: folder })
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        resolve(code)
      })
    )
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
    const published = new Map<string, PublishDiagnosticsParams>()
    const waiting: Array<() => void> = []
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.set(params.uri, params)
      for (const wake of waiting.splice(0)) wake()
    })
    connection.listen()
    /** Resolves once diagnostics for every URI have come (no clock: a hung server fails the test by its timeout). */
    const until = async (uris: string[]) => {
      while (!uris.every((uri) => published.has(uri))) await new Promise<void>((resolve) => waiting.push(resolve))
    }
    try {
      const root = pathToFileURL(folder).href
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: 'w' }],
        capabilities: {},
        initializationOptions: { diagnosticsDelay: 0 }
      })
      await connection.sendNotification('initialized', {})
      const pipe = pathToFileURL(join(folder, 'pipe.yaml')).href
      const zero = pathToFileURL(join(folder, 'zero.yaml')).href
      // Open minutes so the folder is indexed and diagnostics are published.
      const minutes = pathToFileURL(join(folder, 'minutes', 'a.md')).href
      const text = '---\nmeeting: accountability\ndate: 2024-01-01\ntitle: M\nchair: C\nattendees: []\n---\n\nR1 came up.\n'
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: minutes, languageId: 'markdown', version: 1, text } })
      await until([pipe, zero, minutes])
      const messages = (uri: string) => {
        const params = published.get(uri)
        assert(params, `diagnostics for ${uri}`)
        return params.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${messageText(d)}`)
      }
      expect(messages(pipe)).toEqual(['0:0 unreadable-file Unexpected named pipe (FIFO), expected a regular file (not read)'])
      expect(messages(zero)).toEqual([
        `0:0 outside-workspace Unexpected symbolic link to a file outside the workspace folder ${folder.replaceAll('\\', '/')}, expected a file inside it (not read)`
      ])
      expect(messages(minutes)).toEqual([])
      const hover = await connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: minutes }, position: { line: 8, character: 1 } })
      expect(JSON.stringify(hover?.contents)).toContain('Publish a partnership report')
      await connection.sendRequest('shutdown')
      await connection.sendNotification('exit')
      expect(await exited).toBe(0)
    } finally {
      connection.dispose()
      if (child.exitCode === null) child.kill()
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
