import { nodeFileSystem } from '@followthrough/engine/node'
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node'
import { FramingCheck } from './framing.js'
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
  /** Called with a one-line message when the input's framing breaks; by default the process exits (see {@link main}). */
  onBrokenFraming?: (message: string) => void
}

/**
 * What happens when an editor's bytes stop being LSP messages: one line on
 * stderr (which editors show in the server's log) and exit code 1, so the
 * editor starts a fresh server; the reader could never find the next message.
 */
function exitOnBrokenFraming(message: string): void {
  process.stderr.write(`followthrough-language-server: ${message}; exiting so the editor can restart the server\n`)
  // Requests still in flight go unanswered: the editor sends them again to the server it starts.
  process.exit(1)
}

/**
 * Start the language server as the bin does: `main(['--stdio'])`. Bad input
 * never stops it: malformed params are answered with `InvalidParams`,
 * failures inside requests are logged to the editor, and an error escaping
 * them is logged rather than thrown. Bytes that are not LSP messages at all (a
 * bad `Content-Length`) end it with exit code 1 and one line on stderr.
 *
 * @returns the connection, or `undefined` after printing help.
 */
export function main(argv: readonly string[] = process.argv.slice(2), streams?: MainStreams, options: Partial<ServerOptions> = {}): Connection | undefined {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage)
    return undefined
  }
  // Over streams, the framing is checked before vscode-jsonrpc's reader sees the bytes (see FramingCheck).
  const checked = (input: NodeJS.ReadableStream, onBroken: (message: string) => void) => input.pipe(new FramingCheck(onBroken))
  const connection = streams
    ? createConnection(ProposedFeatures.all, checked(streams.input, streams.onBrokenFraming ?? exitOnBrokenFraming), streams.output)
    : argv.includes('--stdio')
      ? createConnection(ProposedFeatures.all, checked(process.stdin, exitOnBrokenFraming), process.stdout)
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
  process.on('uncaughtException', (error) => {
    report(`Unexpected error: ${error.stack ?? error.message}`)
  })
  process.on('unhandledRejection', (reason) => {
    report(`Unexpected rejection: ${String(reason)}`)
  })
  const analyze = workerAnalyzer()
  startServer(connection, { fileSystem: nodeFileSystem, ...(analyze ? { analyze } : {}), ...options })
  return connection
}
