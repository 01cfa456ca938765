/**
 * The extension host's view of each workspace folder: its config, registers
 * and minutes, through the same engine as the CLI and the language server, and
 * the progress figures the tree, the status bar, the code lenses and the
 * progress view show. Refreshed after edits settle (debounced), never per
 * keystroke; minutes whose text and context did not change are not re-parsed.
 */
import * as vscode from 'vscode'
import { computeProgress, locateRegister, today, type MinutesRecord, type Progress, type Register, type RegisterLocations } from '@followthrough/core'
import {
  analyzeMinutes,
  decodeUtf8,
  listMinutes,
  loadWorkspace,
  minutesRecords,
  readWorkspaceFile,
  type FileSystem,
  type MinutesAnalysis,
  type Workspace
} from '@followthrough/engine'
import { nodeFileSystem } from '@followthrough/engine/node'
import { compareIds, type RecommendationFacts } from './format.js'
import type { Perf } from './perf.js'

/** One minutes file that discusses a recommendation. */
export interface Discussion {
  /** Absolute path of the minutes file. */
  source: string
  date: string
  title?: string | undefined
  /** References to the recommendation in that file. */
  count: number
}

/** A register that loaded, with everything the views show about it. */
export interface RegisterState {
  folder: vscode.WorkspaceFolder
  path: string
  uri: vscode.Uri
  register: Register
  progress: Progress
  /** Where each entry is in the register file (for opening it and for code lenses). */
  locations: RegisterLocations
  facts: Map<string, RecommendationFacts>
  discussions: Map<string, Discussion[]>
}

/** One workspace folder's state. */
export interface FolderState {
  folder: vscode.WorkspaceFolder
  workspace: Workspace
  registers: RegisterState[]
  minutes: MinutesAnalysis[]
  /** Register files that did not load (path and first problem). */
  failedRegisters: { path: string; message: string }[]
}

interface CachedAnalysis {
  text: string
  generation: number
  analysis: MinutesAnalysis
}

/** Engine paths are absolute with `/`. */
export function enginePath(uri: vscode.Uri): string {
  return uri.fsPath.replaceAll('\\', '/')
}

const relevantFile = /\.(md|markdown|ya?ml|json)$/i

export class WorkspaceModel implements vscode.Disposable {
  private folders: FolderState[] = []
  private readonly cache = new Map<string, CachedAnalysis>()
  /** Files read from disk, kept until the file watcher says they changed. */
  private readonly disk = new Map<string, Uint8Array>()
  private readonly contextKeys = new Map<string, { key: string; generation: number }>()
  private generationCounter = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private running: Promise<void> | undefined
  private pending = false
  private readonly emitter = new vscode.EventEmitter<void>()
  private readonly disposables: vscode.Disposable[] = [this.emitter]
  /** Fires after every refresh. */
  readonly onDidChange = this.emitter.event
  /** Settles after the first refresh. */
  readonly ready: Promise<void>
  /** How long the last refresh took, in ms (for the output channel and benchmarks). */
  lastRefreshMs = 0
  refreshCount = 0

  constructor(
    private readonly log: (message: string) => void,
    private readonly delayMs = 300,
    perf?: Perf
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yaml,yml,json}')
    const schedule = () => this.schedule()
    const changed = (uri: vscode.Uri) => {
      this.disk.delete(enginePath(uri))
      this.schedule()
    }
    this.disposables.push(
      watcher,
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // The only work per keystroke: a test of the file name and a timer reset.
        const started = performance.now()
        if (event.contentChanges.length > 0 && event.document.uri.scheme === 'file' && relevantFile.test(event.document.uri.path)) this.schedule()
        perf?.add('onDidChangeTextDocument', performance.now() - started)
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === 'file' && relevantFile.test(document.uri.path)) this.schedule()
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(schedule)
    )
    this.ready = this.refresh()
  }

  /** The folders' states after the last refresh. */
  get state(): readonly FolderState[] {
    return this.folders
  }

  /** Every loaded register, in folder then config order. */
  get registers(): RegisterState[] {
    return this.folders.flatMap((folder) => folder.registers)
  }

  /** Refresh soon (edits settle first). */
  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.refresh()
    }, this.delayMs)
  }

  /** Resolves once no refresh is scheduled or running. */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.running) await this.running
      else if (this.timer !== undefined) await new Promise((resolve) => setTimeout(resolve, this.delayMs))
      else return
    }
  }

  /** Re-read every file from disk, then refresh (the Refresh command). */
  reload(): Promise<void> {
    this.disk.clear()
    return this.refresh()
  }

  /** Refresh now; concurrent calls are merged. */
  refresh(): Promise<void> {
    if (this.running) {
      this.pending = true
      return this.running
    }
    this.running = (async () => {
      try {
        do {
          this.pending = false
          const started = performance.now()
          this.folders = await this.compute()
          this.lastRefreshMs = performance.now() - started
          this.refreshCount += 1
        } while (this.pending)
      } catch (error) {
        this.log(`Refreshing the recommendations failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      } finally {
        this.running = undefined
      }
      this.emitter.fire()
    })()
    return this.running
  }

  /**
   * The engine's file system: the disk (each file read once, then again only
   * after the watcher reports a change), overlaid with the editor's open documents.
   */
  private fileSystem(): FileSystem {
    const open = new Map<string, vscode.TextDocument>()
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === 'file' && !document.isClosed) open.set(enginePath(document.uri), document)
    }
    const encoder = new TextEncoder()
    return {
      readFile: async (path) => {
        const document = open.get(path)
        if (document) return encoder.encode(document.getText())
        let bytes = this.disk.get(path)
        if (bytes === undefined) {
          bytes = await nodeFileSystem.readFile(path)
          this.disk.set(path, bytes)
        }
        return bytes
      },
      exists: async (path) => open.has(path) || nodeFileSystem.exists(path),
      glob: (patterns, cwd) => nodeFileSystem.glob(patterns, cwd),
      // Links are resolved so that files linked from outside the folder are refused, as everywhere.
      realPath: async (path) => (open.has(path) ? path : nodeFileSystem.realPath(path))
    }
  }

  private async compute(): Promise<FolderState[]> {
    const fs = this.fileSystem()
    const folders = vscode.workspace.workspaceFolders?.filter((folder) => folder.uri.scheme === 'file') ?? []
    const states: FolderState[] = []
    const seen = new Set<string>()
    for (const folder of folders) {
      const workspace = await loadWorkspace(fs, enginePath(folder.uri))
      // Minutes are re-checked only when the config or a register changed.
      const key = [workspace.config.path ?? '', ...workspace.registers.map((entry) => `${entry.path}\0${entry.text ?? ''}`)].join('\0\0')
      const folderKey = folder.uri.toString()
      let context = this.contextKeys.get(folderKey)
      if (context?.key !== key) {
        context = { key, generation: ++this.generationCounter }
        this.contextKeys.set(folderKey, context)
      }
      const paths = await listMinutes(fs, workspace)
      const minutes: MinutesAnalysis[] = []
      for (const path of paths) {
        seen.add(path)
        // The engine's one way to read a workspace file: inside the folder, regular, size-capped.
        const read = await readWorkspaceFile(fs, path, workspace.context.root)
        const text = read.ok ? decodeUtf8(read.bytes) : undefined
        if (text === undefined) continue
        const cached = this.cache.get(path)
        if (cached && cached.text === text && cached.generation === context.generation) {
          minutes.push(cached.analysis)
          continue
        }
        const analysis = analyzeMinutes(text, path, workspace.context)
        this.cache.set(path, { text, generation: context.generation, analysis })
        minutes.push(analysis)
      }
      const records = minutesRecords(minutes)
      const asOf = today()
      const registers: RegisterState[] = []
      const failedRegisters: FolderState['failedRegisters'] = []
      for (const loaded of workspace.registers) {
        if (!loaded.register) {
          failedRegisters.push({ path: loaded.path, message: loaded.findings[0]?.message ?? 'does not load' })
          continue
        }
        const progress = computeProgress({ register: loaded.register, minutes: records, asOf })
        registers.push(registerState(folder, loaded.path, loaded.text ?? '', loaded.register, progress, records))
      }
      states.push({ folder, workspace, registers, minutes, failedRegisters })
    }
    for (const path of this.cache.keys()) if (!seen.has(path)) this.cache.delete(path)
    return states
  }

  /** The folder state a file belongs to (the innermost folder containing it). */
  folderOf(uri: vscode.Uri): FolderState | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri)
    return folder ? this.folders.find((state) => state.folder.uri.toString() === folder.uri.toString()) : undefined
  }

  /** The register a file is about: the register file itself, the minutes' register, else the folder's first register. */
  registerFor(uri: vscode.Uri | undefined): RegisterState | undefined {
    if (uri === undefined) return undefined
    const folder = this.folderOf(uri)
    if (!folder) return undefined
    const path = enginePath(uri)
    const own = folder.registers.find((entry) => entry.path === path)
    if (own) return own
    const minutes = folder.minutes.find((analysis) => analysis.path === path)
    const id = minutes?.data.register
    return (id !== undefined ? folder.registers.find((entry) => entry.register.inquiry.id === id) : undefined) ?? folder.registers[0]
  }

  /** The analysis of an open minutes file for its current text (computed now when the cache is behind). */
  analysisFor(document: vscode.TextDocument): MinutesAnalysis | undefined {
    const folder = this.folderOf(document.uri)
    if (!folder) return undefined
    const path = enginePath(document.uri)
    const text = document.getText()
    const cached = this.cache.get(path)
    const generation = this.contextKeys.get(folder.folder.uri.toString())?.generation
    if (cached && cached.text === text && cached.generation === generation) return cached.analysis
    return analyzeMinutes(text, path, folder.workspace.context)
  }

  /** Lines for the output channel: which config and registers loaded, per folder. */
  describe(): string[] {
    const lines: string[] = []
    for (const state of this.folders) {
      const { workspace } = state
      lines.push(`Folder ${state.folder.name} (${state.folder.uri.fsPath})`)
      lines.push(`  config: ${workspace.config.path ?? 'none found, defaults apply'}${workspace.config.findings.length > 0 ? ` (${workspace.config.findings.length} problem(s))` : ''}`)
      for (const entry of state.registers) {
        lines.push(
          `  register ${entry.register.inquiry.id}: ${entry.register.recommendations.length} recommendations from ${entry.path} (${entry.progress.implemented}/${entry.progress.total} implemented on ${entry.progress.asOf})`
        )
      }
      for (const failed of state.failedRegisters) lines.push(`  register ${failed.path} did not load: ${failed.message}`)
      lines.push(`  minutes: ${state.minutes.length} file(s) matching ${workspace.config.config.minutes.join(', ')}`)
    }
    if (this.folders.length === 0) lines.push('No workspace folder on disk is open.')
    return lines
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    for (const disposable of this.disposables) disposable.dispose()
    this.disk.clear()
    this.cache.clear()
  }
}

function registerState(
  folder: vscode.WorkspaceFolder,
  path: string,
  text: string,
  register: Register,
  progress: Progress,
  records: readonly MinutesRecord[]
): RegisterState {
  const status = new Map(progress.statuses.map((entry) => [entry.id, entry]))
  const overdue = new Map(progress.overdue.map((entry) => [entry.id, entry]))
  const stale = new Map(progress.staleness.map((entry) => [entry.id, entry]))
  const owners = new Map(register.owners.map((owner) => [owner.id, owner.name]))
  const titles = new Map(records.map((record) => [record.source, record.title]))
  const discussions = new Map<string, Discussion[]>()
  for (const row of progress.coverage.rows) {
    const list: Discussion[] = []
    row.counts.forEach((count, index) => {
      const meeting = progress.coverage.meetings[index]
      if (count > 0 && meeting) list.push({ source: meeting.source, date: meeting.date, title: meeting.title ?? titles.get(meeting.source), count })
    })
    discussions.set(row.id, list.sort((a, b) => b.date.localeCompare(a.date) || a.source.localeCompare(b.source)))
  }
  const facts = new Map<string, RecommendationFacts>()
  for (const recommendation of register.recommendations) {
    const current = status.get(recommendation.id)
    const late = overdue.get(recommendation.id)
    const staleness = stale.get(recommendation.id)
    const discussed = discussions.get(recommendation.id) ?? []
    facts.set(recommendation.id, {
      id: recommendation.id,
      title: recommendation.title,
      status: current?.status ?? 'not-started',
      since: current?.since,
      due: recommendation.due,
      overdue: late !== undefined,
      daysOverdue: late?.daysOverdue,
      discussedTimes: discussed.reduce((sum, entry) => sum + entry.count, 0),
      lastDiscussed: staleness?.lastDiscussed ?? discussed[0]?.date,
      ownerNames: (recommendation.owners ?? []).map((id) => owners.get(id) ?? id)
    })
  }
  return {
    folder,
    path,
    uri: vscode.Uri.file(path),
    register,
    progress,
    locations: locateRegister(text),
    facts,
    discussions
  }
}

/** Recommendation ids of a register, sorted as people count them. */
export function sortedIds(state: RegisterState): string[] {
  return state.register.recommendations.map((entry) => entry.id).sort(compareIds)
}
