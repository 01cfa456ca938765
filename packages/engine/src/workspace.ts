import { computeProgress, today, type MinutesRecord, type Progress, type Register } from '@followthrough/core'
import { toMinutesRecord } from '@followthrough/remark-recommendations'
import { discoverConfig, type ConfigResult } from './config.js'
import { decodeFile } from './decode-text.js'
import { contentDigest } from './digest.js'
import { joinPath, type FileSystem } from './file-system.js'
import { applySeverities, compareFindings, type Finding } from './finding.js'
import { analyzeMinutes, emptyMinutesData, type MinutesAnalysis, type WorkspaceContext } from './minutes.js'
import { readWorkspaceFile } from './read-file.js'
import { duplicateRegisterFindings, loadRegisters, validRegisters, type LoadedRegister } from './registers.js'
import { discussedAfterClosure, statusRegressions } from './workspace-rules.js'
import { nextMeetingFindings } from './actions.js'

/** A loaded workspace: its configuration and registers, ready to check minutes. */
export interface Workspace {
  config: ConfigResult
  registers: LoadedRegister[]
  /** What minutes are checked against (valid registers and the config) and the folder they must be in. */
  context: WorkspaceContext
  /** Problems of the config and register files, with configured severities. */
  findings: Finding[]
  /** Whether a config or register error makes results unreliable (CLI exit code 2). */
  broken: boolean
}

/**
 * Find the config for `cwd`, then load its registers. Never throws.
 */
export async function loadWorkspace(fs: FileSystem, cwd: string, options: { configPath?: string } = {}): Promise<Workspace> {
  const config = await discoverConfig(fs, cwd, options)
  const registers = config.findings.some((finding) => finding.severity === 'error') ? [] : await loadRegisters(fs, config)
  const raw = [...config.findings, ...registers.flatMap((entry) => entry.findings), ...duplicateRegisterFindings(registers)]
  const broken = raw.some((finding) => finding.severity === 'error')
  return {
    config,
    registers,
    context: { registers: validRegisters(registers), config: config.config, root: config.root },
    findings: applySeverities(raw, config.config.rules).sort(compareFindings),
    broken
  }
}

/** The minutes files the config names (absolute paths, sorted). */
export async function listMinutes(fs: FileSystem, workspace: Workspace, patterns?: readonly string[], cwd?: string): Promise<string[]> {
  return fs.glob(patterns ?? workspace.config.config.minutes, cwd ?? workspace.config.root)
}

/**
 * Read and check one minutes file. A file that is outside the workspace
 * folder, not a regular file, too large, unreadable or not UTF-8 gives a
 * finding and empty data; the rest of a run goes on. The analysis carries the
 * digest of the bytes it was made from (see `contentDigest`).
 *
 * Only `workspace.context` is read, so worker threads pass just that.
 */
export async function readMinutes(fs: FileSystem, path: string, workspace: Pick<Workspace, 'context'>): Promise<MinutesAnalysis> {
  const read = await readWorkspaceFile(fs, path, workspace.context.root)
  if (!read.ok) return { path, data: emptyMinutesData(), findings: [read.finding] }
  const digest = contentDigest(read.bytes)
  const decoded = decodeFile(read.bytes, path)
  if (!decoded.ok) return { path, digest, data: emptyMinutesData(), findings: [decoded.finding] }
  return { ...analyzeMinutes(decoded.text, path, workspace.context), digest }
}

/**
 * The checks that need every minutes file at once: `status-regression`,
 * `discussed-after-closure`, and `action-without-due-date` for an action due
 * "at the next meeting" when no next meeting can be found.
 */
export function workspaceFindings(analyses: readonly MinutesAnalysis[], registers: readonly Register[]): Finding[] {
  return [...statusRegressions(analyses, registers), ...discussedAfterClosure(analyses, registers), ...nextMeetingFindings(analyses)]
}

/**
 * Every finding of a workspace: config and registers, each minutes file, and
 * the workspace rules; configured severities applied; sorted by file and position.
 */
export function allFindings(workspace: Workspace, analyses: readonly MinutesAnalysis[]): Finding[] {
  return [...workspace.findings, ...minutesFindings(workspace, analyses)].sort(compareFindings)
}

/**
 * The findings of the minutes files and the workspace rules, configured
 * severities applied, sorted: {@link allFindings} without the config's and
 * registers' own, which a cache of results must not keep (they follow the
 * files' bytes, not what the registers say).
 */
export function minutesFindings(workspace: Pick<Workspace, 'config' | 'context'>, analyses: readonly MinutesAnalysis[]): Finding[] {
  const minutes = analyses.flatMap((analysis) => analysis.findings)
  const across = workspaceFindings(analyses, workspace.context.registers)
  return applySeverities([...minutes, ...across], workspace.config.config.rules).sort(compareFindings)
}

/** The progress records core needs, from analysed minutes with a valid date. */
export function minutesRecords(analyses: readonly MinutesAnalysis[]): MinutesRecord[] {
  return analyses.flatMap((analysis) => toMinutesRecord(analysis.data, analysis.path) ?? [])
}

/** Progress of every valid register of the workspace, as of a date (today by default). */
export function workspaceProgress(workspace: Workspace, analyses: readonly MinutesAnalysis[], asOf: string = today()): Progress[] {
  const minutes = minutesRecords(analyses)
  return workspace.context.registers.map((register) => computeProgress({ register, minutes, asOf }))
}

/** Resolve a path given on a command line or by an editor against a folder. */
export function resolvePath(cwd: string, path: string): string {
  return joinPath(cwd, path)
}
