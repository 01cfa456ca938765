import { computeProgress, recommendationSummaries, today, type MinutesRecord, type Progress, type Register, type RecommendationSummary } from '@followthrough/core'
import {
  allFindings,
  decodeFile,
  listMinutes,
  loadWorkspace,
  minutesRecords,
  readMinutes,
  readWorkspaceFile,
  relativePath,
  type FileSystem,
  type Finding,
  type MinutesAnalysis,
  type Workspace
} from '@followthrough/engine'

/** What the server reads: a file system, where to look for the config, and today. */
export interface McpServerOptions {
  /** Every read goes through it (the disk is `nodeFileSystem` from `@followthrough/engine/node`); nothing is ever written. */
  fs: FileSystem
  /** The folder the config is looked for from (upwards), as the CLI does. */
  cwd: string
  /** A config file to use instead of looking for `followthrough.config.json`. */
  configPath?: string
  /** Today (`YYYY-MM-DD`), the default as-of date; the clock's by default (tests pin it). */
  today?: () => string
}

/** A mistake in a tool's input the user (or the agent) can correct: becomes a tool error, not a crash. */
export class ToolInputError extends Error {}

/**
 * The workspace as the tools see it on one call: read afresh each time, so an
 * agent sees the files as they are now (an edit in the editor, a new minutes file).
 */
export interface Snapshot {
  workspace: Workspace
  root: string
  analyses: MinutesAnalysis[]
  /** Minutes records with paths relative to the workspace folder, as every answer spells files. */
  minutes: MinutesRecord[]
  registers: readonly Register[]
  today: string
  /** A path as answers give it: relative to the workspace folder, `/` separated. */
  display(path: string): string
}

/** Load the workspace and analyse every configured minutes file. */
export async function takeSnapshot(options: McpServerOptions): Promise<Snapshot> {
  const workspace = await loadWorkspace(options.fs, options.cwd, options.configPath !== undefined ? { configPath: options.configPath } : {})
  const root = workspace.config.root
  const display = (path: string) => relativePath(root, path) || path
  const paths = workspace.broken ? [] : await listMinutes(options.fs, workspace)
  const analyses: MinutesAnalysis[] = []
  for (const path of paths) analyses.push(await readMinutes(options.fs, path, workspace))
  const minutes = minutesRecords(analyses).map((record) => ({
    ...record,
    source: display(record.source),
    updates: (record.updates ?? []).map((update) => (update.source !== undefined ? { ...update, source: display(update.source) } : update))
  }))
  return { workspace, root, analyses, minutes, registers: workspace.context.registers, today: (options.today ?? today)(), display }
}

/** The registers a call is about: the one named, else all; an unknown id is the caller's mistake. */
export function chooseRegisters(snapshot: Snapshot, id: string | undefined): readonly Register[] {
  if (snapshot.registers.length === 0) throw new ToolInputError(brokenMessage(snapshot))
  if (id === undefined) return snapshot.registers
  const found = snapshot.registers.filter((register) => register.inquiry.id === id)
  if (found.length === 0) throw new ToolInputError(`Unexpected register "${id}", expected one of ${snapshot.registers.map((register) => register.inquiry.id).join(', ')}`)
  return found
}

/** Why no register is available: the first error of the config or registers, with file, line and column. */
export function brokenMessage(snapshot: Snapshot): string {
  const error = snapshot.workspace.findings.find((finding) => finding.severity === 'error')
  if (!error) return 'No register is configured: add one to "registers" in followthrough.config.json'
  return `The configuration or a register has errors, first: ${describeFinding(snapshot, error)} (the lint tool lists them all)`
}

/** `file:line:column: message (rule)`, the file relative to the workspace. */
export function describeFinding(snapshot: Snapshot, finding: Finding): string {
  return `${snapshot.display(finding.file)}:${finding.line}:${finding.column}: ${finding.message} (${finding.ruleId})`
}

/** Progress of a register on a date, over the snapshot's minutes. */
export function progressOf(snapshot: Snapshot, register: Register, asOf: string): Progress {
  return computeProgress({ register, minutes: snapshot.minutes, asOf })
}

/** Core's per-recommendation summaries of a register on a date, with the responses, assurance and due-date revisions the minutes record. */
export function summariesOf(snapshot: Snapshot, register: Register, asOf: string): RecommendationSummary[] {
  return recommendationSummaries(register, progressOf(snapshot, register, asOf), snapshot.minutes)
}

/** Every finding of the workspace (config, registers, minutes, workspace rules). */
export function findingsOf(snapshot: Snapshot): Finding[] {
  return allFindings(snapshot.workspace, snapshot.analyses)
}

/** The text of a workspace file, read the engine's safe way (inside the workspace, a regular file, UTF-8); `undefined` when refused. */
export async function readText(fs: FileSystem, path: string, root: string): Promise<string | undefined> {
  const read = await readWorkspaceFile(fs, path, root)
  if (!read.ok) return undefined
  const decoded = decodeFile(read.bytes, path)
  return decoded.ok ? decoded.text : undefined
}
