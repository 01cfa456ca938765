import { nodeFileSystem } from '@followthrough/engine/node'
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node'
import { startServer, type ServerOptions } from './server.js'
import { workerAnalyzer } from './worker-analyzer.js'

/** What `followthrough-language-server --help` prints. */
export const usage = `Usage: followthrough-language-server --stdio

The Followthrough language server for minutes, registers and configs. Editors
start it and speak the Language Server Protocol with it:

  --stdio           over standard input and output (what Neovim, Helix and Zed use)
  --node-ipc        over Node's IPC channel (VS Code's language client)
  --socket=<port>   over a socket
  --help            show this text
`

/** Streams to serve on instead of the process's (for tests). */
export interface MainStreams {
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
}

/**
 * Start the language server as the bin does: `main(['--stdio'])`. Bad input
 * never stops it: failures inside requests are logged to the editor, and an
 * error escaping them is logged rather than thrown.
 *
 * @returns the connection, or `undefined` after printing help.
 */
export function main(argv: readonly string[] = process.argv.slice(2), streams?: MainStreams, options: Partial<ServerOptions> = {}): Connection | undefined {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage)
    return undefined
  }
  const connection = streams
    ? createConnection(ProposedFeatures.all, streams.input, streams.output)
    : argv.includes('--stdio')
      ? createConnection(ProposedFeatures.all, process.stdin, process.stdout)
      : createConnection(ProposedFeatures.all)
  // Whatever escapes a handler is the server's bug, not a reason to drop the
  // editor's work. Once the editor has gone (its end of the pipe closed), the
  // log goes to stderr instead: logging must never throw from here.
  const report = (text: string) => {
    try {
      connection.console.error(text)
    } catch {
      process.stderr.write(`${text}\n`)
    }
  }
  process.on('uncaughtException', (error) => report(`Unexpected error: ${error.stack ?? error.message}`))
  process.on('unhandledRejection', (reason) => report(`Unexpected rejection: ${String(reason)}`))
  const analyze = workerAnalyzer()
  startServer(connection, { fileSystem: nodeFileSystem, ...(analyze ? { analyze } : {}), ...options })
  return connection
}
