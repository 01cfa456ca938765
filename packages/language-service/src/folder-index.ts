import type { MinutesRecord, Progress, Register } from '@followthrough/core'
import {
  applySeverities,
  compareFindings,
  defaultConfig,
  listMinutes,
  minutesMatcher,
  openMinutesDocument,
  readMinutes,
  updateMinutesDocument,
  type FileSystem,
  type Finding,
  type MinutesAnalysis,
  type MinutesDocument,
  type Workspace,
  type WorkspaceContext
} from '@followthrough/engine'
import { analysisSignature } from './analysis-signature.js'
import { CrossFileResults } from './cross-file.js'
import { factsChange, type FactsChange } from './facts.js'
import { analyseFiles, type BulkAnalyzer } from './index-files.js'
import type { ILogger } from './interfaces.js'
import { LastGoodLoader, type RegisterEntry } from './last-good.js'

/** One minutes file of the index. */
export interface MinutesEntry {
  path: string
  analysis: MinutesAnalysis
  /** The parsed document, while the file is open in the editor. */
  document?: MinutesDocument
}

/** What a folder knows once its config and registers are loaded. */
interface Loaded {
  /** The folder's configuration and registers, with last good registers standing in for broken ones. */
  workspace: Workspace
  /** What minutes are analysed against (see {@link FolderIndex.analysisContext}). */
  context: WorkspaceContext
  /** What analysis reads of `workspace` (see `analysisSignature`). */
  signature: string
}

/** A promise and the function that resolves it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {}
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

/**
 * One root folder: its config, its registers and every minutes file's
 * analysis, kept up to date file by file; and the results that need all of
 * them (the engine's workspace rules, progress), cached until a file's facts
 * change (see `cross-file.ts`).
 *
 * Every result comes from the engine: `loadWorkspace` for the config and
 * registers (through `last-good.ts`), `readMinutes` (through
 * `index-files.ts`) and `openMinutesDocument`/`updateMinutesDocument` for
 * minutes, `workspaceFindings` and `applySeverities` for lint,
 * `workspaceProgress` for progress. This class keeps the files and decides
 * when to reload and re-index.
 */
export class FolderIndex {
  /** Whether a path is one of this folder's minutes (none until the config is loaded). */
  isMinutes: (path: string) => boolean = () => false
  /** The register files the config names. */
  registers: RegisterEntry[] = []
  readonly minutes = new Map<string, MinutesEntry>()
  /** Open Markdown files that are not minutes of the config (hover and links still work there). */
  readonly others = new Map<string, MinutesDocument>()
  /** Whether every minutes file has been analysed against the current context. */
  complete = false
  /** Resolves when the current indexing has finished or was superseded (check `complete`). */
  ready: Promise<void> = Promise.resolve()
  /** Resolves once the config and registers were loaded (or failed to load) at least once. */
  readonly loaded: Promise<void>
  private readonly markLoaded: () => void
  /** Undefined until the config and registers are first loaded. */
  private state: Loaded | undefined
  /** Grows with every reload; an indexing run whose generation is not the newest stops. */
  private generation = 0
  private readonly loader: LastGoodLoader
  private readonly cross: CrossFileResults

  constructor(
    /** The folder's path. */
    readonly root: string,
    private readonly fs: FileSystem,
    private readonly logger: ILogger,
    /** The open text of a path, when the editor has it open. */
    private readonly openText: (path: string) => string | undefined,
    private readonly analyzer?: BulkAnalyzer
  ) {
    const loaded = deferred()
    this.loaded = loaded.promise
    this.markLoaded = loaded.resolve
    this.loader = new LastGoodLoader(fs, root)
    this.cross = new CrossFileResults(this.minutes, logger, root)
  }

  /** The folder's configuration and registers, with last good registers standing in for broken ones; undefined until loaded. */
  get workspace(): Workspace | undefined {
    return this.state?.workspace
  }

  /**
   * What minutes are analysed against; undefined until loaded. The same
   * object for as long as the parts of the registers and config that
   * analysis reads stay the same (ids, supersession, prefix, keywords, rule
   * severities), so editing a title does not re-check every file, and open
   * documents keep re-parsing incrementally.
   */
  get analysisContext(): WorkspaceContext | undefined {
    return this.state?.context
  }

  /**
   * Grows whenever what views show may have changed: a file's facts, the
   * registers or the config (for views that refresh when it does).
   */
  get factsVersion(): number {
    return this.cross.version
  }

  /** The config file's path, when there is one. */
  get configPath(): string | undefined {
    return this.state?.workspace.config.path
  }

  /**
   * Load the config and registers, then (re)analyse the minutes that need it:
   * all of them when what analysis reads changed, else only new files. Open
   * documents are done at once; files on disk in slices, between which
   * requests are served. A newer reload supersedes an older one.
   *
   * @returns once the config and registers are loaded: whether what analysis
   *   reads changed, and a promise of the end of indexing.
   */
  async reload(): Promise<{ reanalysed: boolean; done: Promise<void> }> {
    const generation = ++this.generation
    const indexed = deferred()
    this.ready = indexed.promise
    try {
      const { workspace, registers } = await this.loader.load()
      this.registers = registers
      if (generation !== this.generation) {
        indexed.resolve()
        return { reanalysed: false, done: this.ready }
      }
      const changed = this.use(workspace)
      const done = this.indexFiles(generation, changed).catch((error: unknown) => {
        this.logger.log('error', `Cannot index ${this.root}: ${String(error)}`)
      })
      void done.then(indexed.resolve)
      return { reanalysed: changed, done: this.ready }
    } catch (error) {
      indexed.resolve()
      throw error
    } finally {
      this.markLoaded()
    }
  }

  /** Take a freshly loaded workspace; re-check open documents. @returns whether analyses must be redone. */
  private use(workspace: Workspace): boolean {
    const signature = analysisSignature(workspace)
    const previous = this.state
    const changed = signature !== previous?.signature
    const context = changed ? workspace.context : previous.context
    this.state = { workspace, context, signature }
    // Workspace findings wait for a complete index; while only titles and the like
    // change, the index stays complete (no flicker as a register is typed).
    if (changed) this.complete = false
    this.isMinutes = minutesMatcher(workspace)
    this.cross.changed('updates')
    // Documents the editor has open are re-checked now, so their diagnostics are right at once.
    for (const entry of [...this.minutes.values()]) {
      if (!entry.document) continue
      if (!this.isMinutes(entry.path)) {
        this.minutes.delete(entry.path)
        this.others.set(entry.path, entry.document)
        continue
      }
      if (changed) this.setDocument(entry.path, openMinutesDocument(entry.document.text, entry.path, context))
    }
    for (const [path, document] of [...this.others]) {
      if (this.isMinutes(path)) {
        this.others.delete(path)
        this.setDocument(path, updateMinutesDocument(document, document.text, context))
      } else if (changed) {
        this.others.set(path, openMinutesDocument(document.text, path, context))
      }
    }
    return changed
  }

  /** What documents are parsed against: the loaded context, else (not loaded yet) the defaults. */
  private parseContext(): WorkspaceContext {
    return this.state?.context ?? { registers: [], config: defaultConfig(), root: this.root }
  }

  private async indexFiles(generation: number, all: boolean): Promise<void> {
    const state = this.state
    if (!state) return
    let paths: string[]
    try {
      paths = await listMinutes(this.fs, state.workspace)
    } catch (error) {
      this.logger.log('error', `Cannot list the minutes of ${this.root}: ${String(error)}`)
      paths = []
    }
    if (generation !== this.generation) return
    const listed = new Set(paths)
    for (const [path, entry] of [...this.minutes]) if (!listed.has(path) && !entry.document) this.forget(path)
    const todo = paths.filter((path) => {
      const known = this.minutes.get(path)
      return !known?.document && (all || !known)
    })
    const done = await analyseFiles(todo, {
      fs: this.fs,
      context: state.context,
      analyzer: this.analyzer,
      logger: this.logger,
      current: () => generation === this.generation,
      isOpen: (path) => this.minutes.get(path)?.document !== undefined,
      put: (path, analysis) => this.setAnalysis(path, analysis)
    })
    if (done) this.finish(generation)
  }

  /**
   * Mark the index complete, and compute the workspace rules' findings once
   * now, so the first document opened does not wait for them.
   */
  private finish(generation: number): void {
    this.complete = true
    const first = this.minutes.values().next().value
    if (!first) return
    setTimeout(() => {
      const workspace = this.state?.workspace
      if (generation !== this.generation || !this.complete || !workspace) return
      try {
        this.cross.findingsFor(first, workspace.context.registers)
      } catch (error) {
        this.logger.log('error', `Cannot check ${this.root}: ${String(error)}`)
      }
    }, 0)
  }

  /** Put a minutes file's analysis in the index. @returns whether its facts changed. */
  setAnalysis(path: string, analysis: MinutesAnalysis): boolean {
    const previous = this.minutes.get(path)
    this.minutes.set(path, { path, analysis })
    return this.touched(previous?.analysis, analysis)
  }

  /** Put an open minutes document in the index. @returns whether its facts changed. */
  setDocument(path: string, document: MinutesDocument): boolean {
    const previous = this.minutes.get(path)
    this.minutes.set(path, { path, analysis: document.analysis, document })
    return this.touched(previous?.analysis, document.analysis)
  }

  private touched(previous: MinutesAnalysis | undefined, next: MinutesAnalysis): boolean {
    const change: FactsChange = previous === undefined ? 'updates' : factsChange(previous, next)
    this.cross.changed(change)
    // Other files' workspace findings change only with dates and status updates.
    return change === 'updates'
  }

  /** Drop a minutes file (deleted, or no longer matched by the config). */
  forget(path: string): void {
    if (this.minutes.delete(path)) this.cross.changed('updates')
    this.others.delete(path)
  }

  /**
   * The editor's text for a Markdown file of this folder: parsed once per
   * version, incrementally after the first.
   *
   * @returns the document, and whether facts other files depend on changed.
   */
  edit(path: string, text: string): { document: MinutesDocument; factsChanged: boolean } {
    const context = this.parseContext()
    if (this.isMinutes(path)) {
      const entry = this.minutes.get(path)
      const document = entry?.document ? updateMinutesDocument(entry.document, text, context) : openMinutesDocument(text, path, context)
      return { document, factsChanged: this.setDocument(path, document) }
    }
    const previous = this.others.get(path)
    const document = previous ? updateMinutesDocument(previous, text, context) : openMinutesDocument(text, path, context)
    this.others.set(path, document)
    return { document, factsChanged: false }
  }

  /** The editor closed a file: minutes go back to what is on disk. @returns whether facts changed. */
  async close(path: string): Promise<boolean> {
    this.others.delete(path)
    const entry = this.minutes.get(path)
    if (!entry) return false
    if (!this.isMinutes(path)) {
      this.forget(path)
      return true
    }
    return this.refreshFile(path)
  }

  /** Re-read a minutes file from disk (not open in the editor). @returns whether facts changed. */
  async refreshFile(path: string): Promise<boolean> {
    const text = this.openText(path)
    if (text !== undefined) return false
    if (!(await this.fs.exists(path))) {
      const had = this.minutes.has(path)
      this.forget(path)
      return had
    }
    const context = this.state?.context
    // Not loaded yet: the first index reads the file.
    if (!context) return false
    const analysis = await readMinutes(this.fs, path, { context })
    if (this.openText(path) !== undefined) return false
    return this.setAnalysis(path, analysis)
  }

  /** The open document or analysis of a Markdown file of this folder. */
  document(path: string): MinutesDocument | undefined {
    return this.minutes.get(path)?.document ?? this.others.get(path)
  }

  /** Every minutes analysis, sorted by path as the CLI lists them (order breaks same-day ties). */
  analyses(): MinutesAnalysis[] {
    return this.cross.analyses()
  }

  /**
   * The CLI's findings for one minutes file: its own, and the workspace
   * rules' (once every file is indexed), with the config's severities, sorted.
   */
  minutesFindings(path: string): Finding[] {
    const entry = this.minutes.get(path)
    const workspace = this.state?.workspace
    if (!entry || !workspace) return []
    const across = this.complete ? this.cross.findingsFor(entry, workspace.context.registers) : []
    const own = workspace.findings.filter((finding) => finding.file === path)
    return [...own, ...applySeverities([...entry.analysis.findings, ...across], workspace.config.config.rules)].sort(compareFindings)
  }

  /** The findings of the config or a register file. */
  fileFindings(path: string): Finding[] {
    return this.state?.workspace.findings.filter((finding) => finding.file === path) ?? []
  }

  /** Progress of each register as of a date, from every indexed minutes file (none until loaded). */
  progress(asOf: string): Progress[] {
    const workspace = this.state?.workspace
    return workspace ? this.cross.progress(workspace, asOf) : []
  }

  /** Every indexed minutes file as core's records (what progress is computed from); none until loaded. */
  records(): MinutesRecord[] {
    return this.state?.workspace ? this.cross.records() : []
  }

  /** The register a reference names (by its register id), or the only one. */
  registerFor(registerId: string | undefined): RegisterEntry | undefined {
    const withRegister = this.registers.filter((entry): entry is RegisterEntry & { register: Register } => entry.register !== undefined)
    if (registerId === undefined) return withRegister.length === 1 ? withRegister[0] : undefined
    return withRegister.find((entry) => entry.register.inquiry.id === registerId)
  }

  /** The register file at a path, if it is one of this folder's. */
  registerAt(path: string): RegisterEntry | undefined {
    return this.registers.find((entry) => entry.path === path)
  }

  /** Stop indexing (the folder was removed from the workspace). */
  dispose(): void {
    this.generation++
  }
}
