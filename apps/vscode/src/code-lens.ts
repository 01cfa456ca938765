/**
 * A code lens over each register entry: its status today, due date, and how
 * often and when the minutes last discussed it. Entry positions come from the
 * document's current text (core's `locateRegister`), so lenses stay on their
 * entries while the register is edited; the figures from the last refresh.
 */
import * as vscode from 'vscode'
import { locateRegister, type RegisterLocations } from '@followthrough/core'
import { codeLensTitle } from './format.js'
import { enginePath, type WorkspaceModel } from './model.js'

export class RegisterCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>()
  readonly onDidChangeCodeLenses = this.emitter.event
  private readonly subscriptions: vscode.Disposable[]
  private readonly located = new Map<string, { version: number; locations: RegisterLocations }>()

  constructor(
    private readonly model: WorkspaceModel,
    private readonly enabled: () => boolean
  ) {
    this.subscriptions = [
      model.onDidChange(() => this.emitter.fire()),
      // A register that comes into view asks again: lenses computed while the editor
      // was still being laid out are not always drawn (seen in VS Code 1.100).
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        const registers = new Set(this.model.registers.map((entry) => entry.path))
        if (editors.some((editor) => registers.has(enginePath(editor.document.uri)))) setTimeout(() => this.emitter.fire(), 300)
      })
    ]
  }

  refresh(): void {
    this.emitter.fire()
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.enabled()) return []
    const path = enginePath(document.uri)
    const state = this.model.registers.find((entry) => entry.path === path)
    if (!state) return []
    const key = document.uri.toString()
    let cached = this.located.get(key)
    if (cached?.version !== document.version) {
      cached = { version: document.version, locations: locateRegister(document.getText()) }
      this.located.set(key, cached)
    }
    const lenses: vscode.CodeLens[] = []
    for (const location of cached.locations.recommendations) {
      const facts = state.facts.get(location.id)
      if (!facts) continue
      const start = document.positionAt(location.entryRange.start)
      const range = new vscode.Range(start, start)
      const discussed = (state.discussions.get(location.id)?.length ?? 0) > 0
      lenses.push(
        new vscode.CodeLens(range, {
          title: codeLensTitle(facts),
          tooltip: discussed ? `Show the minutes that discuss ${location.id}` : `${location.id} has not been discussed`,
          command: discussed ? 'followthrough.showDiscussions' : '',
          arguments: discussed ? [{ register: state.uri.toString(), id: location.id }] : []
        })
      )
    }
    return lenses
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose()
    this.emitter.dispose()
    this.located.clear()
  }
}
