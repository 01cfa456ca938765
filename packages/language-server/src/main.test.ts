import { PassThrough } from 'node:stream'
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node'
import type { InitializeResult } from 'vscode-languageserver-protocol'
import { assert, describe, expect, it, vi } from 'vitest'
import { main, usage } from './main.js'
import { foldersOf } from './server.js'

describe('main', () => {
  it('prints help', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    expect(main(['--help'])).toBeUndefined()
    expect(write).toHaveBeenCalledWith(usage)
    write.mockRestore()
  })

  it('serves on the streams it is given, and answers for a workspace with no folders', async () => {
    const toServer = new PassThrough()
    const fromServer = new PassThrough()
    const server = main([], { input: toServer, output: fromServer })
    assert(server, 'a connection served on the streams')
    const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer))
    client.listen()
    const result = await client.sendRequest<InitializeResult>('initialize', { processId: null, rootUri: null, capabilities: {} })
    expect(result.serverInfo?.name).toBe('followthrough-language-server')
    // A document in no folder, with odd content: an answer, not a crash.
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///nowhere/x.md', languageId: 'markdown', version: 1, text: '\u0000```' } })
    expect(await client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere/x.md' }, position: { line: 5, character: 5 } })).toBeNull()
    expect(await client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///not-open.md' }, position: { line: 0, character: 0 } })).toBeNull()
    await client.sendRequest('shutdown')
    client.dispose()
    server.dispose()
  })
})

describe('foldersOf', () => {
  it('takes workspace folders, else the root URI, else the root path', () => {
    const capabilities = {}
    expect(foldersOf({ processId: null, rootUri: 'file:///r', capabilities, workspaceFolders: [{ uri: 'file:///a', name: 'a' }] })).toEqual(['file:///a'])
    expect(foldersOf({ processId: null, rootUri: 'file:///r', capabilities })).toEqual(['file:///r'])
    expect(foldersOf({ processId: null, rootUri: null, rootPath: '/p', capabilities })).toEqual(['/p'])
    expect(foldersOf({ processId: null, rootUri: null, capabilities })).toEqual([])
  })

  it('reads a field of the wrong shape as absent', () => {
    expect(foldersOf({ workspaceFolders: 'file:///a', rootUri: 'file:///r' })).toEqual(['file:///r'])
    expect(foldersOf({ workspaceFolders: [{ name: 'a' }], rootUri: 7, rootPath: '/p' })).toEqual(['/p'])
    expect(foldersOf(null)).toEqual([])
  })
})
