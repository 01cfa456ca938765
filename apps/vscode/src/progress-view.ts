/**
 * The progress view: the HTML report of a register (the same as
 * `followthrough report` writes), rendered by the language server
 * (`followthrough/progressReport`) and shown in a webview. The report's own
 * Content-Security-Policy applies: nothing loads, only its one hashed script
 * runs, no remote content; the webview allows no command links and no local
 * resources.
 */
import * as path from 'node:path'
import * as vscode from 'vscode'
import type { ServerApi } from './server-api.js'
import type { ViewsData } from './views-data.js'

export class ProgressView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined
  /** The register shown (its URI as the server spells it); the first register when undefined. */
  private registerUri: string | undefined
  private readonly subscription: vscode.Disposable
  private rendering = 0
  /** The HTML last shown (for tests). */
  html: string | undefined

  constructor(
    private readonly api: ServerApi,
    views: ViewsData,
    private readonly extensionPath: string,
    private readonly log: (message: string) => void
  ) {
    this.subscription = views.onDidChange(() => {
      if (this.panel) void this.render()
    })
  }

  /** Open (or reveal) the view on the register of a file (the first register without one). */
  async show(uri: vscode.Uri | undefined): Promise<void> {
    this.registerUri = (await this.api.progress(uri))?.register.uri
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
    await this.render()
  }

  private async render(): Promise<void> {
    const ticket = ++this.rendering
    try {
      const report = await this.api.progressReport(this.registerUri)
      // A newer render started meanwhile, or the panel closed: leave it to that one.
      if (ticket !== this.rendering || !this.panel || !report) return
      if (report.register) this.panel.title = `Progress: ${report.register.id}`
      this.html = report.html
      this.panel.webview.html = report.html
    } catch (error) {
      this.log(`The progress report could not be shown: ${error instanceof Error ? error.message : String(error)}`)
    }
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
