/**
 * The language client: starts the bundled server (dist/server.cjs) as a Node
 * module over stdio. One client serves every workspace folder; the server
 * keeps one index per folder, each with its own config.
 */
import * as vscode from 'vscode'
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node'
import { FollowthroughCommand } from '@followthrough/language-service/custom-protocol'
import type { Perf } from './perf.js'

/** What the client leaves to the rest of the extension. */
export interface ClientHooks {
  /** Whether code lenses are on (`followthrough.codeLens.enabled`). */
  codeLensEnabled(): boolean
  /** The code lenses' `followthrough/showDiscussions`, as VS Code shows it: a quick pick. */
  showDiscussions(argument: unknown): Promise<unknown>
}

export const documentSelector = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', pattern: '**/*.{yaml,yml}' }
]

export function createClient(serverModule: string, output: vscode.LogOutputChannel, perf: Perf, hooks: ClientHooks): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } }
  }
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/*.md'),
    vscode.workspace.createFileSystemWatcher('**/followthrough.config.json'),
    vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}')
  ]
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: { fileEvents: watchers },
    diagnosticCollectionName: 'followthrough',
    middleware: {
      // Measured, not changed: the extension host's own time per keystroke.
      didChange: (event, next) => perf.time('didChange', () => next(event)),
      provideCodeLenses: (document, token, next) => (hooks.codeLensEnabled() ? next(document, token) : []),
      // Other editors have the server open the newest minutes; VS Code offers them all in a quick pick.
      executeCommand: (command, args: unknown[], next): unknown => (command === FollowthroughCommand.showDiscussions ? hooks.showDiscussions(args[0]) : next(command, args))
    }
  }
  const client = new LanguageClient('followthrough', 'Followthrough', serverOptions, clientOptions)
  const dispose = client.dispose.bind(client)
  client.dispose = async (timeout?: number) => {
    for (const watcher of watchers) watcher.dispose()
    return dispose(timeout)
  }
  return client
}
