import type { MinutesRecord, Progress, Register } from '@followthrough/core'
import { discussedAfterClosure, minutesRecords, workspaceFindings, workspaceProgress, type Finding, type MinutesAnalysis, type Workspace } from '@followthrough/engine'
import { factsChange, moveFindings, type FactsChange } from './facts.js'
import type { MinutesEntry } from './folder-index.js'
import type { ILogger } from './interfaces.js'

/** A file's workspace findings, with the analysis they were computed from. */
interface FileFindings {
  analysis: MinutesAnalysis
  findings: Finding[]
}

/**
 * The results of a folder that need every minutes file: the engine's
 * workspace rules' findings and progress. Each is cached until a file's
 * facts change (see `facts.ts`), then recomputed as little as the change
 * allows. The index says what changed ({@link changed}); this class decides
 * what to recompute.
 */
export class CrossFileResults {
  /** Grows when a file's date or status updates change, a file comes or goes, or the context reloads. */
  private updatesEpoch = 0
  /** Grows on any change of facts (the above, and references or titles): progress follows it. */
  private factsEpoch = 0
  /** Every file's workspace findings, as of an updates epoch. */
  private across: { epoch: number; byFile: Map<string, FileFindings> } | undefined
  /** Every file's analysis with its references left out, as of an updates epoch (see `ownDiscussion`). */
  private stripped: { epoch: number; byFile: Map<string, MinutesAnalysis> } | undefined
  private progressCache: { epoch: number; asOf: string; progress: Progress[] } | undefined
  private recordsCache: { epoch: number; records: MinutesRecord[] } | undefined

  constructor(
    /** The folder's minutes files, by path (the index's own map, read as it changes). */
    private readonly minutes: ReadonlyMap<string, MinutesEntry>,
    private readonly logger: ILogger,
    /** The folder's path, for messages. */
    private readonly root: string
  ) {}

  /** Grows whenever any file's facts change or the context reloads (views refresh when it does). */
  get version(): number {
    return this.factsEpoch
  }

  /** Some file's facts changed this way. */
  changed(change: FactsChange): void {
    if (change === 'none') return
    this.factsEpoch++
    if (change === 'updates') this.updatesEpoch++
  }

  /** Every minutes analysis, sorted by path as the CLI lists them (order breaks same-day ties). */
  analyses(): MinutesAnalysis[] {
    return [...this.minutes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((entry) => entry.analysis)
  }

  /**
   * The workspace rules' findings for one file, computed as cheaply as its
   * change allows: moved when only positions changed; its own
   * `discussed-after-closure` findings recomputed (against every file's status
   * updates) when only its references changed; everything recomputed, for
   * every file at once, when some file's dates or status updates changed.
   */
  findingsFor(entry: MinutesEntry, registers: readonly Register[]): Finding[] {
    const cache = this.across
    if (cache && cache.epoch === this.updatesEpoch) {
      const hit = cache.byFile.get(entry.path)
      if (hit?.analysis === entry.analysis) return hit.findings
      const change = hit ? factsChange(hit.analysis, entry.analysis) : 'updates'
      let findings: Finding[] | undefined
      if (hit && change === 'none') findings = moveFindings(hit.findings, hit.analysis, entry.analysis)
      if (hit && change === 'references') findings = this.ownDiscussion(hit, entry.analysis, registers)
      if (findings) {
        cache.byFile.set(entry.path, { analysis: entry.analysis, findings })
        return findings
      }
    }
    const analyses = this.analyses()
    const byFile = new Map<string, FileFindings>()
    for (const analysis of analyses) byFile.set(analysis.path, { analysis, findings: [] })
    for (const finding of workspaceFindings(analyses, registers)) byFile.get(finding.file)?.findings.push(finding)
    this.across = { epoch: this.updatesEpoch, byFile }
    return byFile.get(entry.path)?.findings ?? []
  }

  /**
   * A file's workspace findings after its references changed (not its status
   * updates): its status-regression findings moved, its discussion findings
   * from the engine's rule run over this file and every other file's status
   * updates (their references left out, so only this file is checked).
   */
  private ownDiscussion(hit: FileFindings, analysis: MinutesAnalysis, registers: readonly Register[]): Finding[] | undefined {
    const regressions = moveFindings(
      hit.findings.filter((finding) => finding.ruleId !== 'discussed-after-closure'),
      hit.analysis,
      analysis
    )
    if (!regressions) return undefined
    let stripped = this.stripped
    if (stripped?.epoch !== this.updatesEpoch) {
      const byFile = new Map<string, MinutesAnalysis>()
      for (const entry of this.minutes.values()) byFile.set(entry.path, { path: entry.path, data: { ...entry.analysis.data, references: [] }, findings: [] })
      stripped = { epoch: this.updatesEpoch, byFile }
      this.stripped = stripped
    }
    // In path order, as the CLI passes them: the order breaks same-day ties between status updates.
    const others = stripped.byFile
    const analyses = this.analyses().map((other) => (other.path === analysis.path ? analysis : (others.get(other.path) ?? other)))
    const discussion = discussedAfterClosure(analyses, registers).filter((finding) => finding.file === analysis.path)
    return [...regressions, ...discussion]
  }

  /** Progress of each register as of a date, from every indexed minutes file. */
  progress(workspace: Workspace, asOf: string): Progress[] {
    const cache = this.progressCache
    if (cache && cache.epoch === this.factsEpoch && cache.asOf === asOf) return cache.progress
    let progress: Progress[] = []
    try {
      progress = workspaceProgress(workspace, this.analyses(), asOf)
    } catch (error) {
      this.logger.log('error', `Cannot compute progress for ${this.root}: ${String(error)}`)
    }
    this.progressCache = { epoch: this.factsEpoch, asOf, progress }
    return progress
  }

  /**
   * Every indexed minutes file as core's records, in path order (what progress
   * is computed from), for core's summaries: their responses, assurance and
   * due-date revisions. Cached until a file's facts change.
   */
  records(): MinutesRecord[] {
    const cache = this.recordsCache
    if (cache && cache.epoch === this.factsEpoch) return cache.records
    const records = minutesRecords(this.analyses())
    this.recordsCache = { epoch: this.factsEpoch, records }
    return records
  }
}
