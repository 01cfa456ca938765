import { locateRegister, type Config, type Progress, type Register, type RegisterLocations } from '@followthrough/core'
import {
  applySeverities,
  compareFindings,
  discussedAfterClosure,
  listMinutes,
  loadRegisters,
  loadWorkspace,
  minutesMatcher,
  openMinutesDocument,
  readMinutes,
  updateMinutesDocument,
  workspaceFindings,
  workspaceProgress,
  type FileSystem,
  type Finding,
  type MinutesAnalysis,
  type MinutesDocument,
  type Workspace,
  type WorkspaceContext
} from '@followthrough/engine'
import { factsChange, moveFindings, type FactsChange } from './facts.js'
import type { ILogger } from './interfaces.js'

/** One minutes file of the index. */
export interface MinutesEntry {
  path: string
  analysis: MinutesAnalysis
  /** The parsed document, while the file is open in the editor. */
  document?: MinutesDocument
}

/** One register of the folder, as minutes are checked against it. */
export interface RegisterEntry {
  path: string
  /** The register: the file's, or its last good version while the file does not validate. */
  register?: Register
  /** Whether `register` is that last good version (the file has errors now). */
  stale: boolean
  /** Where its ids are written (empty when the file cannot be read). */
  locations: RegisterLocations
}

/**
 * Analyses many minutes files on disk at once (a server passes one that uses
 * worker threads). Each result is what the engine's `readMinutes` gives.
 */
export type BulkAnalyzer = (paths: readonly string[], context: WorkspaceContext) => Promise<MinutesAnalysis[]>

/** Below this many files, a bulk analyzer costs more than it saves. */
const bulkThreshold = 40

/** How long indexing works before letting requests in, in milliseconds. */
const slice = 25

/** Let the event loop run other work (requests, edits) during long indexing. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * One root folder: its config, its registers and every minutes file's
 * analysis, kept up to date file by file; and the results that need all of
 * them (the engine's workspace rules, progress), cached until a file's facts
 * change (see `facts.ts`).
 *
 * Every result comes from the engine: `loadWorkspace` for the config and
 * registers, `readMinutes` and `openMinutesDocument`/`updateMinutesDocument`
 * for minutes, `workspaceFindings` and `applySeverities` for lint,
 * `workspaceProgress` for progress. This class only decides what to recompute.
 */
export class FolderIndex {
  /** The folder's configuration and registers, with last good registers standing in for broken ones. */
  workspace!: Workspace
  /**
   * What minutes are analysed against. The same object for as long as the
   * parts of the registers and config that analysis reads stay the same
   * (ids, supersession, prefix, keywords, rule severities), so editing a
   * title does not re-check every file, and open documents keep re-parsing
   * incrementally.
   */
  analysisContext!: WorkspaceContext
  isMinutes: (path: string) => boolean = () => false
  registers: RegisterEntry[] = []
  readonly minutes = new Map<string, MinutesEntry>()
  /** Open Markdown files that are not minutes of the config (hover and links still work there). */
  readonly others = new Map<string, MinutesDocument>()
  /** Whether every minutes file has been analysed against the current context. */
  complete = false
  /** Resolves when the current indexing has finished or was superseded (check `complete`). */
  ready: Promise<void> = Promise.resolve()
  /** Grows when a file's date or status updates change, a file comes or goes, or the context reloads. */
  private updatesEpoch = 0
  /** Grows on any change of facts (the above, and references or titles): progress follows it. */
  private factsEpoch = 0
  private generation = 0
  private signature: string | undefined
  private readonly lastGood = new Map<string, Register>()
  private lastGoodConfig: Config | undefined
  private across: { epoch: number; byFile: Map<string, { analysis: MinutesAnalysis; findings: Finding[] }> } | undefined
  private stripped: { epoch: number; byFile: Map<string, MinutesAnalysis> } | undefined
  private progressCache: { epoch: number; asOf: string; progress: Progress[] } | undefined
  private readonly locationCache = new Map<string, { text: string; locations: RegisterLocations }>()
  private markLoaded: () => void = () => {}
  /** Resolves once the config and registers were loaded at least once. */
  readonly loaded: Promise<void> = new Promise((resolve) => (this.markLoaded = resolve))

  constructor(
    /** The folder's path. */
    readonly root: string,
    private readonly fs: FileSystem,
    private readonly logger: ILogger,
    /** The open text of a path, when the editor has it open. */
    private readonly openText: (path: string) => string | undefined,
    private readonly analyzer?: BulkAnalyzer
  ) {}

  /**
   * Grows whenever what views show may have changed: a file's facts, the
   * registers or the config (for views that refresh when it does).
   */
  get factsVersion(): number {
    return this.factsEpoch
  }

  /** The config file's path, when there is one. */
  get configPath(): string | undefined {
    return this.workspace?.config.path
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
    let finish!: () => void
    this.ready = new Promise((resolve) => (finish = resolve))
    try {
      const workspace = await this.loadWorkspace()
      if (generation !== this.generation) {
        finish()
        return { reanalysed: false, done: this.ready }
      }
      const changed = this.use(workspace)
      const done = this.indexFiles(generation, changed).catch((error: unknown) => this.logger.log('error', `Cannot index ${this.root}: ${String(error)}`))
      void done.then(finish)
      return { reanalysed: changed, done: this.ready }
    } catch (error) {
      finish()
      throw error
    } finally {
      this.markLoaded()
    }
  }

  /** Take a freshly loaded workspace; re-check open documents. @returns whether analyses must be redone. */
  private use(workspace: Workspace): boolean {
    const signature = analysisSignature(workspace)
    const changed = signature !== this.signature
    this.signature = signature
    this.workspace = workspace
    if (changed || !this.analysisContext) this.analysisContext = workspace.context
    // Workspace findings wait for a complete index; while only titles and the like
    // change, the index stays complete (no flicker as a register is typed).
    if (changed) this.complete = false
    this.isMinutes = minutesMatcher(workspace)
    this.bump('updates')
    // Documents the editor has open are re-checked now, so their diagnostics are right at once.
    for (const entry of [...this.minutes.values()]) {
      if (!entry.document) continue
      if (!this.isMinutes(entry.path)) {
        this.minutes.delete(entry.path)
        this.others.set(entry.path, entry.document)
        continue
      }
      if (changed) this.setDocument(entry.path, openMinutesDocument(entry.document.text, entry.path, this.analysisContext))
    }
    for (const [path, document] of [...this.others]) {
      if (this.isMinutes(path)) {
        this.others.delete(path)
        this.setDocument(path, updateMinutesDocument(document, document.text, this.analysisContext))
      } else if (changed) {
        this.others.set(path, openMinutesDocument(document.text, path, this.analysisContext))
      }
    }
    return changed
  }

  private async loadWorkspace(): Promise<Workspace> {
    let workspace = await loadWorkspace(this.fs, this.root)
    const configBroken = workspace.config.findings.some((finding) => finding.severity === 'error')
    if (!configBroken) {
      this.lastGoodConfig = workspace.config.config
    } else if (this.lastGoodConfig) {
      // While the config is being fixed, keep checking with the last one that worked.
      const config = { ...workspace.config, config: this.lastGoodConfig }
      const registers = await loadRegisters(this.fs, config)
      workspace = {
        ...workspace,
        config,
        registers,
        findings: [...workspace.findings, ...applySeverities(registers.flatMap((entry) => entry.findings), this.lastGoodConfig.rules)].sort(compareFindings)
      }
    }
    const entries: RegisterEntry[] = []
    for (const loaded of workspace.registers) {
      let register = loaded.register
      let stale = false
      if (register) {
        this.lastGood.set(loaded.path, register)
      } else if (loaded.text !== undefined && this.lastGood.has(loaded.path)) {
        // A register being typed: minutes keep the last version that validated.
        register = this.lastGood.get(loaded.path)
        stale = true
      } else {
        this.lastGood.delete(loaded.path)
      }
      const entry: RegisterEntry = { path: loaded.path, stale, locations: this.locate(loaded.path, loaded.text ?? '') }
      if (register) entry.register = register
      entries.push(entry)
    }
    this.registers = entries
    const registers = entries.flatMap((entry) => (entry.register ? [entry.register] : []))
    return { ...workspace, context: { registers, config: workspace.config.config, root: workspace.config.root } }
  }

  private locate(path: string, text: string): RegisterLocations {
    const cached = this.locationCache.get(path)
    if (cached?.text === text) return cached.locations
    const locations = locateRegister(text)
    this.locationCache.set(path, { text, locations })
    return locations
  }

  private async indexFiles(generation: number, all: boolean): Promise<void> {
    let paths: string[]
    try {
      paths = await listMinutes(this.fs, this.workspace)
    } catch (error) {
      this.logger.log('error', `Cannot list the minutes of ${this.root}: ${String(error)}`)
      paths = []
    }
    if (generation !== this.generation) return
    const listed = new Set(paths)
    for (const path of [...this.minutes.keys()]) {
      const entry = this.minutes.get(path)!
      if (!listed.has(path) && !entry.document) this.forget(path)
    }
    const workspace = { ...this.workspace, context: this.analysisContext }
    const todo = paths.filter((path) => {
      const known = this.minutes.get(path)
      return !known?.document && (all || !known)
    })
    if (this.analyzer && todo.length >= bulkThreshold) {
      try {
        const results = await this.analyzer(todo, this.analysisContext)
        if (generation !== this.generation) return
        // The editor may have opened a file meanwhile: its document wins.
        results.forEach((analysis, index) => {
          if (!this.minutes.get(todo[index]!)?.document) this.setAnalysis(todo[index]!, analysis)
        })
        this.finish(generation)
        return
      } catch (error) {
        this.logger.log('warn', `Bulk analysis failed, analysing one file at a time: ${String(error)}`)
      }
    }
    let started = Date.now()
    for (const path of todo) {
      if (this.minutes.get(path)?.document) continue
      const analysis = await readMinutes(this.fs, path, workspace)
      if (generation !== this.generation) return
      if (!this.minutes.get(path)?.document) this.setAnalysis(path, analysis)
      if (Date.now() - started > slice) {
        await breathe()
        if (generation !== this.generation) return
        started = Date.now()
      }
    }
    this.finish(generation)
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
      if (generation !== this.generation || !this.complete) return
      try {
        this.acrossFor(first)
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
    this.bump(change)
    // Other files' workspace findings change only with dates and status updates.
    return change === 'updates'
  }

  private bump(change: FactsChange): void {
    if (change === 'none') return
    this.factsEpoch++
    if (change === 'updates') this.updatesEpoch++
  }

  /** Drop a minutes file (deleted, or no longer matched by the config). */
  forget(path: string): void {
    if (this.minutes.delete(path)) this.bump('updates')
    this.others.delete(path)
  }

  /**
   * The editor's text for a Markdown file of this folder: parsed once per
   * version, incrementally after the first.
   *
   * @returns the document, and whether facts other files depend on changed.
   */
  edit(path: string, text: string): { document: MinutesDocument; factsChanged: boolean } {
    if (this.isMinutes(path)) {
      const entry = this.minutes.get(path)
      const document = entry?.document
        ? updateMinutesDocument(entry.document, text, this.analysisContext)
        : openMinutesDocument(text, path, this.analysisContext)
      return { document, factsChanged: this.setDocument(path, document) }
    }
    const previous = this.others.get(path)
    const document = previous ? updateMinutesDocument(previous, text, this.analysisContext) : openMinutesDocument(text, path, this.analysisContext)
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
    const analysis = await readMinutes(this.fs, path, { ...this.workspace, context: this.analysisContext })
    if (this.openText(path) !== undefined) return false
    return this.setAnalysis(path, analysis)
  }

  /** The open document or analysis of a Markdown file of this folder. */
  document(path: string): MinutesDocument | undefined {
    return this.minutes.get(path)?.document ?? this.others.get(path)
  }

  /** Every minutes analysis, sorted by path as the CLI lists them (order breaks same-day ties). */
  analyses(): MinutesAnalysis[] {
    return [...this.minutes.keys()].sort().map((path) => this.minutes.get(path)!.analysis)
  }

  /**
   * The CLI's findings for one minutes file: its own, and the workspace
   * rules' (once every file is indexed), with the config's severities, sorted.
   */
  minutesFindings(path: string): Finding[] {
    const entry = this.minutes.get(path)
    if (!entry) return []
    const across = this.complete ? this.acrossFor(entry) : []
    const own = this.workspace.findings.filter((finding) => finding.file === path)
    return [...own, ...applySeverities([...entry.analysis.findings, ...across], this.workspace.config.config.rules)].sort(compareFindings)
  }

  /** The findings of the config or a register file. */
  fileFindings(path: string): Finding[] {
    return this.workspace.findings.filter((finding) => finding.file === path)
  }

  /**
   * The workspace rules' findings for one file, computed as cheaply as its
   * change allows: moved when only positions changed; its own
   * `discussed-after-closure` findings recomputed (against every file's status
   * updates) when only its references changed; everything recomputed, for
   * every file at once, when some file's dates or status updates changed.
   */
  private acrossFor(entry: MinutesEntry): Finding[] {
    const cache = this.across
    if (cache && cache.epoch === this.updatesEpoch) {
      const hit = cache.byFile.get(entry.path)
      if (hit?.analysis === entry.analysis) return hit.findings
      const change = hit ? factsChange(hit.analysis, entry.analysis) : 'updates'
      let findings: Finding[] | undefined
      if (hit && change === 'none') findings = moveFindings(hit.findings, hit.analysis, entry.analysis)
      if (hit && change === 'references') findings = this.ownDiscussion(hit, entry.analysis)
      if (findings) {
        cache.byFile.set(entry.path, { analysis: entry.analysis, findings })
        return findings
      }
    }
    const analyses = this.analyses()
    const byFile = new Map<string, { analysis: MinutesAnalysis; findings: Finding[] }>()
    for (const analysis of analyses) byFile.set(analysis.path, { analysis, findings: [] })
    for (const finding of workspaceFindings(analyses, this.workspace.context.registers)) byFile.get(finding.file)?.findings.push(finding)
    this.across = { epoch: this.updatesEpoch, byFile }
    return byFile.get(entry.path)?.findings ?? []
  }

  /**
   * A file's workspace findings after its references changed (not its status
   * updates): its status-regression findings moved, its discussion findings
   * from the engine's rule run over this file and every other file's status
   * updates (their references left out, so only this file is checked).
   */
  private ownDiscussion(hit: { analysis: MinutesAnalysis; findings: Finding[] }, analysis: MinutesAnalysis): Finding[] | undefined {
    const regressions = moveFindings(
      hit.findings.filter((finding) => finding.ruleId !== 'discussed-after-closure'),
      hit.analysis,
      analysis
    )
    if (!regressions) return undefined
    if (this.stripped?.epoch !== this.updatesEpoch) {
      const byFile = new Map<string, MinutesAnalysis>()
      for (const entry of this.minutes.values()) byFile.set(entry.path, { path: entry.path, data: { ...entry.analysis.data, references: [] }, findings: [] })
      this.stripped = { epoch: this.updatesEpoch, byFile }
    }
    // In path order, as the CLI passes them: the order breaks same-day ties between status updates.
    const analyses = [...this.minutes.keys()].sort().map((path) => (path === analysis.path ? analysis : (this.stripped!.byFile.get(path) ?? this.minutes.get(path)!.analysis)))
    const discussion = discussedAfterClosure(analyses, this.workspace.context.registers).filter((finding) => finding.file === analysis.path)
    return [...regressions, ...discussion]
  }

  /** Progress of each register as of a date, from every indexed minutes file. */
  progress(asOf: string): Progress[] {
    const cache = this.progressCache
    if (cache && cache.epoch === this.factsEpoch && cache.asOf === asOf) return cache.progress
    let progress: Progress[] = []
    try {
      progress = workspaceProgress(this.workspace, this.analyses(), asOf)
    } catch (error) {
      this.logger.log('error', `Cannot compute progress for ${this.root}: ${String(error)}`)
    }
    this.progressCache = { epoch: this.factsEpoch, asOf, progress }
    return progress
  }

  /** The register a reference names (by its register id), or the only one. */
  registerFor(registerId: string | undefined): RegisterEntry | undefined {
    const withRegister = this.registers.filter((entry) => entry.register)
    if (registerId === undefined) return withRegister.length === 1 ? withRegister[0] : undefined
    return withRegister.find((entry) => entry.register!.inquiry.id === registerId)
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

/** What analysis reads of the registers and config: when it is the same, analyses stay valid. */
function analysisSignature(workspace: Workspace): string {
  const { prefix, keywords, rules } = workspace.config.config
  const registers = workspace.context.registers.map((register) => [
    register.inquiry.id,
    register.recommendations.map((recommendation) => [
      recommendation.id,
      recommendation.supersededBy ?? null,
      recommendation.status ?? null,
      (recommendation.history ?? []).map((event) => [event.date, event.status])
    ])
  ])
  return JSON.stringify([prefix, keywords, rules, workspace.config.config.referenceStyle ?? null, registers])
}
