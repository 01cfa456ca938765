/**
 * Followthrough for VS Code: a thin client of the bundled language server.
 * The server does all the work (diagnostics, hover, completion, definition,
 * references, links, symbols, quick fixes, rename, code lenses, and the data,
 * words and HTML of the views); the extension shows what only VS Code shows:
 * the Recommendations view, the status bar item, the progress view and a few
 * commands. It imports no engine: it runs no code from the workspace and reads
 * no file itself, so it works in untrusted workspaces too.
 */
import { existsSync } from 'node:fs'
import * as vscode from 'vscode'
import type MarkdownIt from 'markdown-it'
import type { LanguageClient } from 'vscode-languageclient/node'
import { FollowthroughNotification, type RecommendationsResult } from '@followthrough/language-service/custom-protocol'
import { createClient } from './client.js'
import { insertStatusTable, newMinutes, openRecommendation, showDiscussions, type NewMinutesOptions } from './commands.js'
import { Perf } from './perf.js'
import { PreviewReferences } from './preview.js'
import { ProgressView } from './progress-view.js'
import { ServerApi } from './server-api.js'
import { groupings, RecommendationsTree, type GroupBy, type TreeSnapshotItem } from './tree.js'
import { ViewsData } from './views-data.js'

/** What `activate` returns: a small API for the tests (and other extensions). */
export interface FollowthroughApi {
  /** Settles when the language server has started (or failed to) and the views' first refresh is done. */
  ready: Promise<void>
  /** The language client, when the server started. */
  client(): LanguageClient | undefined
  /** Resolves when no refresh of the views or the status bar is running. */
  whenIdle(): Promise<void>
  getTreeItems(): TreeSnapshotItem[]
  /** The server's last answer to `followthrough/recommendations`. */
  views(): RecommendationsResult
  groupBy(): GroupBy
  statusBarText(): string | undefined
  statusBarTooltip(): string | undefined
  progressHtml(): string | undefined
  outputLines(): string[]
  perf: Perf
  /** How often and how fast the views' data was refreshed. */
  stats(): { refreshCount: number; lastRefreshMs: number }
  /** VS Code's Markdown preview calls it (`markdown.markdownItPlugins`): references become links with a status badge. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt
  /** The preview's references as the server last answered them, and how often a new answer refreshed the preview. */
  preview: PreviewReferences
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
  // The manifest as read from disk (VS Code requires its version to be a string).
  const { version: manifestVersion } = context.extension.packageJSON as { version?: unknown }
  const version = typeof manifestVersion === 'string' ? manifestVersion : ''
  log(`Followthrough ${version} (VS Code ${vscode.version}, ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted'} workspace)`)
  context.subscriptions.push(output)
  void vscode.commands.executeCommand('setContext', 'followthrough.active', true)

  let client: LanguageClient | undefined
  const api = new ServerApi(() => client)
  const views = new ViewsData(api, log, perf)
  context.subscriptions.push(views)

  // The Recommendations view.
  const initialGroup = context.workspaceState.get<GroupBy>(groupByKey) ?? vscode.workspace.getConfiguration('followthrough').get<GroupBy>('recommendations.groupBy', 'status')
  const tree = new RecommendationsTree(views, api, perf, groupings.includes(initialGroup) ? initialGroup : 'status')
  const view = vscode.window.createTreeView('followthrough.recommendations', { treeDataProvider: tree, showCollapseAll: true })
  const setGroup = async (value: GroupBy) => {
    tree.groupBy = value
    await context.workspaceState.update(groupByKey, value)
    await vscode.commands.executeCommand('setContext', groupByKey, value)
  }
  void vscode.commands.executeCommand('setContext', groupByKey, tree.groupBy)
  context.subscriptions.push(tree, view)

  // The status bar: the progress of the active file's register (the first register when no file is active).
  const statusBar = vscode.window.createStatusBarItem('followthrough.progress', vscode.StatusBarAlignment.Left, 50)
  statusBar.name = 'Followthrough progress'
  statusBar.command = 'followthrough.showProgress'
  let statusShown = false
  let statusAsked = 0
  let statusRunning: Promise<void> | undefined
  const updateStatusBar = (): Promise<void> => {
    const ticket = ++statusAsked
    const work = (async () => {
      const enabled = vscode.workspace.getConfiguration('followthrough').get<boolean>('statusBar.enabled', true)
      const progress = enabled ? await api.progress(vscode.window.activeTextEditor?.document.uri).catch(() => undefined) : undefined
      // Another editor became active meanwhile: its answer wins.
      if (ticket !== statusAsked) return
      if (!progress) {
        statusBar.hide()
        statusShown = false
        return
      }
      statusBar.text = `$(checklist) ${progress.progress.text}`
      statusBar.tooltip = progress.progress.tooltip
      statusBar.show()
      statusShown = true
    })()
    statusRunning = work
    return work
  }
  context.subscriptions.push(
    statusBar,
    views.onDidChange(() => void updateStatusBar()),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatusBar())
  )

  // The Markdown preview's references (its markdown-it plugin reads them).
  const preview = new PreviewReferences(api, log)
  context.subscriptions.push(preview)

  // The progress view.
  const progressView = new ProgressView(api, views, context.extensionPath, log)
  context.subscriptions.push(progressView)

  // The language server.
  const serverModule = context.asAbsolutePath('dist/server.cjs')
  const timings: FollowthroughApi['timings'] = { activateMs: 0 }
  const codeLensEnabled = () => vscode.workspace.getConfiguration('followthrough').get<boolean>('codeLens.enabled', true)
  /** Ask VS Code for the code lenses of the visible editors again. */
  const refreshLenses = () => {
    const feature = client?.getFeature('textDocument/codeLens')
    for (const editor of vscode.window.visibleTextEditors) feature?.getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire()
  }
  const startClient = async () => {
    if (!existsSync(serverModule)) {
      log(`The language server is missing (${serverModule}): diagnostics, hover and completion are off.`)
      return
    }
    client = createClient(serverModule, output, perf, { codeLensEnabled, showDiscussions: (argument) => showDiscussions(api, argument) })
    running = client
    // The server says when its index changed, once edits settle: then (and only then) the views ask again.
    client.onNotification(FollowthroughNotification.didChange, () => {
      void views.refresh()
      preview.refreshAll()
    })
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
    for (const line of views.describe()) log(line)
  }
  const ready = clientStarted
    .then(() => views.refresh())
    .then(async () => {
      timings.firstRefreshMs = performance.now() - activated
      describe()
      await updateStatusBar()
    })

  context.subscriptions.push(
    vscode.commands.registerCommand('followthrough.showProgress', () => progressView.show(vscode.window.activeTextEditor?.document.uri)),
    vscode.commands.registerCommand('followthrough.insertStatusTable', () => insertStatusTable(api, vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('followthrough.newMinutes', (options?: NewMinutesOptions) => newMinutes(api, views, options)),
    vscode.commands.registerCommand('followthrough.restartServer', async () => {
      if (!client) return startClient()
      log('Restarting the language server…')
      if (client.isRunning()) await client.stop()
      timings.lastStartAt = performance.now()
      await client.start()
      log(`Language server restarted in ${Math.round(performance.now() - timings.lastStartAt)} ms.`)
      await views.refresh()
    }),
    vscode.commands.registerCommand('followthrough.showOutput', async () => {
      await views.refresh()
      describe()
      output.show(true)
    }),
    vscode.commands.registerCommand('followthrough.groupByStatus', () => setGroup('status')),
    vscode.commands.registerCommand('followthrough.groupByOwner', () => setGroup('owner')),
    vscode.commands.registerCommand('followthrough.groupByAssurance', () => setGroup('assurance')),
    vscode.commands.registerCommand('followthrough.refresh', () => views.refresh()),
    vscode.commands.registerCommand('followthrough.openRecommendation', (argument: unknown) => openRecommendation(api, views, argument)),
    vscode.commands.registerCommand('followthrough.showDiscussions', (argument: unknown, pick?: number) => showDiscussions(api, argument, pick)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('followthrough.statusBar')) void updateStatusBar()
      if (event.affectsConfiguration('followthrough.codeLens')) refreshLenses()
    }),
    // A register that comes into view asks again: lenses computed while the editor was
    // still being laid out are not always drawn (seen in VS Code 1.100).
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      if (editors.some((editor) => /\.(ya?ml|json)$/i.test(editor.document.uri.path))) setTimeout(refreshLenses, 300)
    })
  )

  timings.activateMs = performance.now() - activated
  return {
    ready,
    client: () => client,
    whenIdle: async () => {
      await views.whenIdle()
      await statusRunning
    },
    getTreeItems: () => tree.snapshot(),
    views: () => views.data,
    groupBy: () => tree.groupBy,
    statusBarText: () => (statusShown ? statusBar.text : undefined),
    statusBarTooltip: () => (statusShown && typeof statusBar.tooltip === 'string' ? statusBar.tooltip : undefined),
    progressHtml: () => progressView.html,
    outputLines: () => [...lines],
    perf,
    stats: () => ({ refreshCount: views.refreshCount, lastRefreshMs: views.lastRefreshMs }),
    extendMarkdownIt: (md) => preview.extendMarkdownIt(md),
    preview,
    timings
  }
}

/** Stop the language server cleanly; everything else is disposed through context.subscriptions. */
export function deactivate(): Promise<void> | undefined {
  const client = running
  running = undefined
  return client?.isRunning() ? client.stop() : undefined
}
