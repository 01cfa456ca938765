/**
 * References in VS Code's Markdown preview: links to the register entry with
 * a status badge and the title as a tooltip. The grammar stays the engine's:
 * the language server finds the references (`followthrough/previewReferences`)
 * and this file keeps its last answer per document; the markdown-it plugin
 * (`@followthrough/markdown-it-recommendations`, which VS Code's preview runs
 * synchronously) decorates from that answer. A render that finds no answer,
 * or one for another version of the document, asks the server; when the
 * answer differs from what was rendered, the preview is refreshed.
 */
import * as vscode from 'vscode'
import type MarkdownIt from 'markdown-it'
import { recommendations } from '@followthrough/markdown-it-recommendations'
import type { PreviewReference } from '@followthrough/language-service/custom-protocol'
import type { ServerApi } from './server-api.js'

interface Answer {
  /** The version of the document the server answered for (-1 when it has it not open). */
  version: number
  references: PreviewReference[]
}

export class PreviewReferences implements vscode.Disposable {
  private readonly answers = new Map<string, Answer>()
  private readonly asking = new Map<string, Promise<void>>()
  /** Documents to ask about again once the request in flight settles. */
  private readonly again = new Set<string>()
  private readonly subscriptions: vscode.Disposable[]
  /** How often a new answer refreshed the preview (for tests). */
  refreshes = 0

  constructor(
    private readonly api: ServerApi,
    private readonly log: (message: string) => void
  ) {
    this.subscriptions = [vscode.workspace.onDidCloseTextDocument((document) => this.answers.delete(document.uri.toString()))]
  }

  /** What `extendMarkdownIt` does: the plugin, reading this cache. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt {
    return md.use(recommendations, { references: (env) => this.referencesFor(env) })
  }

  /** The references of the document a render is for (VS Code's preview passes `env.currentDocument`), as last answered. */
  referencesFor(env: unknown): PreviewReference[] | undefined {
    const uri = typeof env === 'object' && env !== null ? (env as { currentDocument?: unknown }).currentDocument : undefined
    if (!(uri instanceof vscode.Uri) || uri.scheme !== 'file') return undefined
    const key = uri.toString()
    const answer = this.answers.get(key)
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key)
    if (!answer || (document && answer.version !== document.version)) this.ask(uri)
    return answer?.references
  }

  /** The index changed (a register, a status): ask again about every document a preview has shown. */
  refreshAll(): void {
    for (const key of this.answers.keys()) this.ask(vscode.Uri.parse(key))
  }

  /** Resolves when no request is in flight (for tests). */
  async whenIdle(): Promise<void> {
    while (this.asking.size > 0) await Promise.all(this.asking.values())
  }

  private ask(uri: vscode.Uri): void {
    const key = uri.toString()
    if (this.asking.has(key)) {
      this.again.add(key)
      return
    }
    const work = (async () => {
      try {
        const result = await this.api.previewReferences(uri)
        if (!result) return
        const previous = this.answers.get(key)
        this.answers.set(key, { version: result.version ?? -1, references: result.references })
        if (JSON.stringify(previous?.references ?? []) !== JSON.stringify(result.references)) {
          this.refreshes++
          await vscode.commands.executeCommand('markdown.preview.refresh')
        }
      } catch (error) {
        this.log(`Preview references failed for ${key}: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        this.asking.delete(key)
        if (this.again.delete(key)) this.ask(uri)
      }
    })()
    this.asking.set(key, work)
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose()
    this.answers.clear()
  }
}
