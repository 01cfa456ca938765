import type { Readable, Writable } from 'node:stream'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { createMcpServer } from './server.js'
import type { McpServerOptions } from './snapshot.js'

/**
 * Serve {@link createMcpServer} over stdio (newline-delimited JSON-RPC), as MCP
 * clients start local servers. Resolves when the client closes the input
 * stream (or the transport closes); nothing but protocol messages is written
 * to `output`.
 */
export async function serveStdio(options: McpServerOptions, input: Readable = process.stdin, output: Writable = process.stdout): Promise<void> {
  const server = createMcpServer(options)
  const transport = new StdioServerTransport(input, output)
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve
    input.once('end', resolve)
    input.once('close', resolve)
  })
  await server.connect(transport)
  await closed
  await server.close()
}
