/**
 * What the Recommendations view, the status bar and the output channel show,
 * as the language server last answered `followthrough/recommendations`.
 * Asked again when the server says its index changed (`followthrough/didChange`,
 * sent once edits settle), never per keystroke; so the views always agree
 * with the server's diagnostics.
 */
import * as vscode from 'vscode'
import type { RecommendationsResult, RegisterView } from '@followthrough/language-service/custom-protocol'
import type { Perf } from './perf.js'
import type { ServerApi } from './server-api.js'

const empty: RecommendationsResult = { folders: [], registers: [] }

export class ViewsData implements vscode.Disposable {
  private result: RecommendationsResult = empty
  private running: Promise<void> | undefined
  /** Calls of `refresh()` so far: a refresh asks again when one came in while it ran. */
  private calls = 0
  private readonly emitter = new vscode.EventEmitter<void>()
  /** Fires after every refresh. */
  readonly onDidChange = this.emitter.event
  /** How long the last refresh took, in ms, request included (for benchmarks). */
  lastRefreshMs = 0
  refreshCount = 0

  constructor(
    private readonly api: ServerApi,
    private readonly log: (message: string) => void,
    private readonly perf: Perf
  ) {}

  /** The last answer. */
  get data(): RecommendationsResult {
    return this.result
  }

  /** Every register, in folder then config order. */
  get registers(): RegisterView[] {
    return this.result.registers
  }

  /** A register by the URI the server gave it. */
  register(uri: string): RegisterView | undefined {
    return this.result.registers.find((register) => register.uri === uri)
  }

  /** Ask the server again; calls during a refresh are merged into one more. */
  refresh(): Promise<void> {
    this.calls += 1
    if (this.running) return this.running
    this.running = (async () => {
      try {
        let round: number
        do {
          round = this.calls
          const started = performance.now()
          const result = await this.api.recommendations()
          // Only what runs on this thread counts per keystroke: the request is the server's time.
          this.perf.time('viewsRefresh', () => {
            // No answer while the server restarts: the views keep the last one rather than flicker.
            if (result) this.result = result
            this.refreshCount += 1
            this.emitter.fire()
          })
          this.lastRefreshMs = performance.now() - started
        } while (this.calls !== round)
      } catch (error) {
        this.log(`Asking the language server for the recommendations failed: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        this.running = undefined
      }
    })()
    return this.running
  }

  /** Resolves once no refresh is running. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running
  }

  /** Lines for the output channel: which config and registers loaded, per folder. */
  describe(): string[] {
    const lines: string[] = []
    for (const folder of this.result.folders) {
      const uri = this.api.uri(folder.uri)
      lines.push(`Folder ${vscode.workspace.getWorkspaceFolder(uri)?.name ?? folder.name} (${uri.fsPath})`)
      lines.push(
        `  config: ${folder.config !== undefined ? this.api.uri(folder.config).fsPath : 'none found, defaults apply'}${folder.configProblems > 0 ? ` (${folder.configProblems} problem(s))` : ''}`
      )
      for (const register of this.result.registers.filter((entry) => entry.folder === folder.uri)) {
        const { progress } = register
        lines.push(
          `  register ${register.id}: ${register.recommendations.length} recommendations from ${this.api.uri(register.uri).fsPath} (${progress.implemented}/${progress.total} implemented on ${progress.asOf})${register.stale ? ', its last valid version: the file has errors' : ''}`
        )
      }
      for (const failed of folder.failedRegisters) lines.push(`  register ${this.api.uri(failed.uri).fsPath} did not load: ${failed.message}`)
      lines.push(`  minutes: ${folder.minutes} file(s) matching ${folder.minutesGlobs.join(', ')}${folder.complete ? '' : ' (indexing)'}`)
    }
    if (this.result.folders.length === 0) lines.push('No workspace folder on disk is loaded (yet).')
    return lines
  }

  dispose(): void {
    this.emitter.dispose()
  }
}
