import type { Readable, Writable } from 'node:stream'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'
import { createMcpServer } from './server.js'
import type { McpServerOptions } from './snapshot.js'

/**
 * Serve {@link createMcpServer} over stdio (newline-delimited JSON-RPC), as MCP
 * clients start local servers. Resolves once the client has closed the input
 * and every request it sent has been answered (so `printf … | followthrough
 * mcp` gets all its answers); nothing but protocol messages is written to
 * `output`.
 */
export async function serveStdio(options: McpServerOptions, input: Readable = process.stdin, output: Writable = process.stdout): Promise<void> {
  const server = createMcpServer(options)
  const transport = new StdioServerTransport(input, output)
  let pending = 0
  let ended = false
  let finish: () => void = () => undefined
  const finished = new Promise<void>((resolve) => {
    finish = resolve
  })
  const settle = () => {
    if (ended && pending === 0) finish()
  }
  await server.connect(transport)
  // Count requests in and responses out: the end of the input must not cut off answers still being computed.
  const receive = transport.onmessage
  transport.onmessage = (message: JSONRPCMessage) => {
    if ('method' in message && 'id' in message) pending++
    receive?.(message)
  }
  const send = transport.send.bind(transport)
  transport.send = async (message: JSONRPCMessage) => {
    try {
      await send(message)
    } finally {
      if (!('method' in message) && 'id' in message) {
        pending = Math.max(0, pending - 1)
        settle()
      }
    }
  }
  const end = () => {
    ended = true
    settle()
  }
  input.once('end', end)
  input.once('close', end)
  transport.onclose = () => {
    finish()
  }
  await finished
  await server.close()
}
