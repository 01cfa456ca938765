/**
 * The progress view: the HTML report of @followthrough/report (the same as
 * `followthrough report` writes) in a webview. The report's own
 * Content-Security-Policy applies: nothing loads, only its one hashed script
 * runs, no remote content. The report's renderer is bundled separately
 * (dist/report.cjs) and loaded the first time the view opens, so activation
 * does not pay for it.
 */
import * as path from 'node:path'
import * as vscode from 'vscode'
import * as core from '@followthrough/core'
import type { ReportOptions } from '@followthrough/report'
import { minutesRecords } from '@followthrough/engine'
import { escapeHtml, summaryHtml } from './html.js'
import type { RegisterState, WorkspaceModel } from './model.js'

type Renderer = { renderReport(options: ReportOptions): string }

let renderer: Renderer | undefined

function loadRenderer(extensionPath: string): Renderer {
  // The report bundle uses this bundle's copy of @followthrough/core (see tsup.config.ts);
  // a computed path keeps the bundler from inlining the report into extension.cjs.
  if (renderer) return renderer
  const shared = globalThis as { __followthroughCore?: unknown }
  shared.__followthroughCore = core
  try {
    renderer = require(path.join(extensionPath, 'dist', 'report.cjs')) as Renderer
  } finally {
    delete shared.__followthroughCore
  }
  return renderer
}

export class ProgressView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined
  private registerKey: string | undefined
  private readonly subscription: vscode.Disposable
  /** The HTML last shown (for tests). */
  html: string | undefined

  constructor(
    private readonly model: WorkspaceModel,
    private readonly extensionPath: string,
    private readonly log: (message: string) => void
  ) {
    this.subscription = model.onDidChange(() => {
      if (this.panel) this.render()
    })
  }

  /** Open (or reveal) the view on a register (the active file's, by default). */
  show(state: RegisterState | undefined): void {
    this.registerKey = state?.uri.toString()
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('followthrough.progress', 'Recommendations progress', vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
        retainContextWhenHidden: false
      })
      this.panel.iconPath = vscode.Uri.file(path.join(this.extensionPath, 'images', 'activity.svg'))
      this.panel.onDidDispose(() => {
        this.panel = undefined
      })
    } else {
      this.panel.reveal()
    }
    this.render()
  }

  private render(): void {
    if (!this.panel) return
    const registers = this.model.registers
    const chosen = registers.find((entry) => entry.uri.toString() === this.registerKey) ?? registers[0]
    if (!chosen) {
      this.html = summaryHtml(undefined)
      this.panel.webview.html = this.html
      return
    }
    this.panel.title = `Progress: ${chosen.register.inquiry.id}`
    const folder = this.model.state.find((state) => state.folder.uri.toString() === chosen.folder.uri.toString())
    try {
      const minutes = minutesRecords(folder?.minutes ?? [])
      this.html = loadRenderer(this.extensionPath).renderReport({
        reports: [{ register: chosen.register, progress: chosen.progress, minutes }],
        generatedAt: `${chosen.progress.asOf} (live, from the open workspace)`,
        minutesLink: (source) => vscode.Uri.file(source).toString()
      })
    } catch (error) {
      this.log(`The HTML report could not be rendered, showing a summary: ${error instanceof Error ? error.message : String(error)}`)
      this.html = summaryHtml(chosen.progress, escapeHtml(String(error)))
    }
    this.panel.webview.html = this.html
  }

  /** Whether the panel is open. */
  get visible(): boolean {
    return this.panel !== undefined
  }

  dispose(): void {
    this.subscription.dispose()
    this.panel?.dispose()
  }
}
