import { computeProgress, today, type MinutesRecord, type Progress, type Register } from '@followthrough/core'
import { toMinutesRecord } from '@followthrough/remark-recommendations'
import { discoverConfig, notUtf8, unreadable, type ConfigResult } from './config.js'
import { decodeUtf8, joinPath, type FileSystem } from './file-system.js'
import { applySeverities, compareFindings, type Finding } from './finding.js'
import { analyzeMinutes, emptyMinutesData, type MinutesAnalysis, type MinutesContext } from './minutes.js'
import { duplicateRegisterFindings, loadRegisters, validRegisters, type LoadedRegister } from './registers.js'
import { discussedAfterClosure, statusRegressions } from './workspace-rules.js'

/** A loaded workspace: its configuration and registers, ready to check minutes. */
export interface Workspace {
  config: ConfigResult
  registers: LoadedRegister[]
  /** What minutes are checked against (valid registers and the config). */
  context: MinutesContext
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
    context: { registers: validRegisters(registers), config: config.config },
    findings: applySeverities(raw, config.config.rules).sort(compareFindings),
    broken
  }
}

/** The minutes files the config names (absolute paths, sorted). */
export async function listMinutes(fs: FileSystem, workspace: Workspace, patterns?: readonly string[], cwd?: string): Promise<string[]> {
  return fs.glob(patterns ?? workspace.config.config.minutes, cwd ?? workspace.config.root)
}

/**
 * Read and check one minutes file. A file that cannot be read or is not UTF-8
 * gives a finding and empty data; the rest of a run goes on.
 */
export async function readMinutes(fs: FileSystem, path: string, workspace: Workspace): Promise<MinutesAnalysis> {
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(path)
  } catch (error) {
    return { path, data: emptyMinutesData(), findings: [unreadable(path, error, 'unreadable-file')] }
  }
  const text = decodeUtf8(bytes)
  if (text === undefined) return { path, data: emptyMinutesData(), findings: [notUtf8(path)] }
  return analyzeMinutes(text, path, workspace.context)
}

/**
 * The checks that need every minutes file at once: `status-regression` and
 * `discussed-after-closure`.
 */
export function workspaceFindings(analyses: readonly MinutesAnalysis[], registers: readonly Register[]): Finding[] {
  return [...statusRegressions(analyses, registers), ...discussedAfterClosure(analyses, registers)]
}

/**
 * Every finding of a workspace: config and registers, each minutes file, and
 * the workspace rules; configured severities applied; sorted by file and position.
 */
export function allFindings(workspace: Workspace, analyses: readonly MinutesAnalysis[]): Finding[] {
  const minutes = analyses.flatMap((analysis) => analysis.findings)
  const across = workspaceFindings(analyses, workspace.context.registers)
  return [...workspace.findings, ...applySeverities([...minutes, ...across], workspace.config.config.rules)].sort(compareFindings)
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
