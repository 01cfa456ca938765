/**
 * Followthrough for VS Code: starts the bundled language server (diagnostics,
 * hover, completion, definition, references, links, symbols, quick fixes,
 * rename) and adds what only VS Code shows: the Recommendations view, the
 * status bar item, the progress view, code lenses on register entries and a
 * few commands. Runs no code from the workspace, so it works in untrusted
 * workspaces too.
 */
import { existsSync } from 'node:fs'
import * as vscode from 'vscode'
import type { LanguageClient } from 'vscode-languageclient/node'
import { createClient } from './client.js'
import { RegisterCodeLenses } from './code-lens.js'
import { insertStatusTable, newMinutes, openRecommendation, showDiscussions, type NewMinutesOptions } from './commands.js'
import { statusBarText, statusBarTooltip } from './format.js'
import { WorkspaceModel } from './model.js'
import { Perf } from './perf.js'
import { ProgressView } from './progress-view.js'
import { RecommendationsTree, type GroupBy, type TreeSnapshotItem } from './tree.js'

/** What `activate` returns: a small API for the tests (and other extensions). */
export interface FollowthroughApi {
  /** Settles when the language server has started (or failed to) and the first refresh is done. */
  ready: Promise<void>
  /** The language client, when the server started. */
  client(): LanguageClient | undefined
  /** Resolves when no refresh of the views is scheduled or running. */
  whenIdle(): Promise<void>
  getTreeItems(): TreeSnapshotItem[]
  groupBy(): GroupBy
  statusBarText(): string | undefined
  statusBarTooltip(): string | undefined
  progressHtml(): string | undefined
  outputLines(): string[]
  perf: Perf
  /** How often and how fast the views' data was refreshed. */
  stats(): { refreshCount: number; lastRefreshMs: number }
  /** ms from `activate` to the client's `start()` settling. */
  timings: { activateMs: number; clientStartMs?: number; firstRefreshMs?: number; lastStartAt?: number }
}

const groupByKey = 'followthrough.groupBy'

/** The running client, for `deactivate` to stop (VS Code waits for the promise it returns). */
let running: LanguageClient | undefined

export function activate(context: vscode.ExtensionContext): FollowthroughApi {
  const activated = performance.now()
  const perf = new Perf()
  const output = vscode.window.createOutputChannel('Followthrough', { log: true })
  const lines: string[] = []
  const log = (message: string) => {
    lines.push(message)
    output.info(message)
  }
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '')
  log(`Followthrough ${version} (VS Code ${vscode.version}, ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted'} workspace)`)
  context.subscriptions.push(output)
  void vscode.commands.executeCommand('setContext', 'followthrough.active', true)

  const model = new WorkspaceModel(log, 300, perf)
  context.subscriptions.push(model)

  // The Recommendations view.
  const initialGroup = context.workspaceState.get<GroupBy>(groupByKey) ?? vscode.workspace.getConfiguration('followthrough').get<GroupBy>('recommendations.groupBy', 'status')
  const tree = new RecommendationsTree(model, initialGroup === 'owner' ? 'owner' : 'status')
  const view = vscode.window.createTreeView('followthrough.recommendations', { treeDataProvider: tree, showCollapseAll: true })
  const setGroup = async (value: GroupBy) => {
    tree.groupBy = value
    await context.workspaceState.update(groupByKey, value)
    await vscode.commands.executeCommand('setContext', groupByKey, value)
  }
  void vscode.commands.executeCommand('setContext', groupByKey, tree.groupBy)
  context.subscriptions.push(tree, view)

  // The status bar: the active file's register.
  const statusBar = vscode.window.createStatusBarItem('followthrough.progress', vscode.StatusBarAlignment.Left, 50)
  statusBar.name = 'Followthrough progress'
  statusBar.command = 'followthrough.showProgress'
  let statusShown = false
  const updateStatusBar = () => {
    const enabled = vscode.workspace.getConfiguration('followthrough').get<boolean>('statusBar.enabled', true)
    const state = model.registerFor(vscode.window.activeTextEditor?.document.uri) ?? (vscode.window.activeTextEditor ? undefined : model.registers[0])
    if (!enabled || !state) {
      statusBar.hide()
      statusShown = false
      return
    }
    statusBar.text = `$(checklist) ${statusBarText(state.progress)}`
    statusBar.tooltip = statusBarTooltip(state.progress)
    statusBar.show()
    statusShown = true
  }
  context.subscriptions.push(statusBar, model.onDidChange(updateStatusBar), vscode.window.onDidChangeActiveTextEditor(updateStatusBar))

  // Code lenses on register entries.
  const lenses = new RegisterCodeLenses(model, () => vscode.workspace.getConfiguration('followthrough').get<boolean>('codeLens.enabled', true))
  context.subscriptions.push(
    lenses,
    vscode.languages.registerCodeLensProvider(
      [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'file', language: 'json' },
        { scheme: 'file', pattern: '**/*.{yaml,yml,json}' }
      ],
      lenses
    )
  )

  // The progress view.
  const progressView = new ProgressView(model, context.extensionPath, log)
  context.subscriptions.push(progressView)

  // The language server.
  const serverModule = context.asAbsolutePath('dist/server.cjs')
  let client: LanguageClient | undefined
  const timings: FollowthroughApi['timings'] = { activateMs: 0 }
  const startClient = async () => {
    if (!existsSync(serverModule)) {
      log(`The language server is missing (${serverModule}): diagnostics, hover and completion are off.`)
      return
    }
    client = createClient(serverModule, output, perf)
    running = client
    const started = performance.now()
    timings.lastStartAt = started
    try {
      await client.start()
      timings.clientStartMs = performance.now() - started
      log(`Language server started in ${Math.round(timings.clientStartMs)} ms.`)
    } catch (error) {
      log(`The language server failed to start: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const clientStarted = startClient()
  context.subscriptions.push({
    dispose: () => {
      if (running === client) running = undefined
      void client?.dispose()
    }
  })

  const describe = () => {
    for (const line of model.describe()) log(line)
  }
  const ready = Promise.all([
    clientStarted,
    model.ready.then(() => {
      timings.firstRefreshMs = performance.now() - activated
      describe()
      updateStatusBar()
    })
  ]).then(() => undefined)

  context.subscriptions.push(
    vscode.commands.registerCommand('followthrough.showProgress', () => progressView.show(model.registerFor(vscode.window.activeTextEditor?.document.uri))),
    vscode.commands.registerCommand('followthrough.insertStatusTable', () => insertStatusTable(model, vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('followthrough.newMinutes', (options?: NewMinutesOptions) => newMinutes(model, options)),
    vscode.commands.registerCommand('followthrough.restartServer', async () => {
      if (!client) return startClient()
      log('Restarting the language server…')
      if (client.isRunning()) await client.stop()
      timings.lastStartAt = performance.now()
      await client.start()
      log(`Language server restarted in ${Math.round(performance.now() - timings.lastStartAt)} ms.`)
    }),
    vscode.commands.registerCommand('followthrough.showOutput', () => {
      describe()
      output.show(true)
    }),
    vscode.commands.registerCommand('followthrough.groupByStatus', () => setGroup('status')),
    vscode.commands.registerCommand('followthrough.groupByOwner', () => setGroup('owner')),
    vscode.commands.registerCommand('followthrough.refresh', () => model.reload()),
    vscode.commands.registerCommand('followthrough.openRecommendation', (argument: unknown) => openRecommendation(model, argument)),
    vscode.commands.registerCommand('followthrough.showDiscussions', (argument: unknown, pick?: number) => showDiscussions(model, argument, pick)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('followthrough.statusBar')) updateStatusBar()
      if (event.affectsConfiguration('followthrough.codeLens')) lenses.refresh()
    })
  )

  timings.activateMs = performance.now() - activated
  return {
    ready,
    client: () => client,
    whenIdle: () => model.whenIdle(),
    getTreeItems: () => tree.snapshot(),
    groupBy: () => tree.groupBy,
    statusBarText: () => (statusShown ? statusBar.text : undefined),
    statusBarTooltip: () => (statusShown && typeof statusBar.tooltip === 'string' ? statusBar.tooltip : undefined),
    progressHtml: () => progressView.html,
    outputLines: () => [...lines],
    perf,
    stats: () => ({ refreshCount: model.refreshCount, lastRefreshMs: model.lastRefreshMs }),
    timings
  }
}

/** Stop the language server cleanly; everything else is disposed through context.subscriptions. */
export function deactivate(): Promise<void> | undefined {
  const client = running
  running = undefined
  return client?.isRunning() ? client.stop() : undefined
}
