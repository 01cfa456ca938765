import { locateRegister, parseRegister, type Register } from '@followthrough/core'
import { ruleUrl } from '@followthrough/remark-recommendations'
import type { ConfigResult } from './config.js'
import { decodeFile } from './decode-text.js'
import { joinPath, type FileSystem } from './file-system.js'
import { findingFromProblem, type Finding } from './finding.js'
import { readWorkspaceFile } from './read-file.js'

/** A register file and what became of it. */
export interface LoadedRegister {
  /** Absolute path of the register file. */
  path: string
  /** The register, when it parsed and validated. */
  register?: Register
  /** The file's text, when it could be read (for positions of entries). */
  text?: string
  findings: Finding[]
}

/**
 * Load every register the configuration names, through core's `parseRegister`.
 * Never throws: a missing, refused, non-UTF-8 or invalid register comes back
 * with findings.
 */
export async function loadRegisters(fs: FileSystem, config: ConfigResult): Promise<LoadedRegister[]> {
  return Promise.all(config.config.registers.map((relative) => loadRegister(fs, joinPath(config.root, relative), config.root)))
}

/**
 * Load one register file, when it is inside the workspace folder `root` (a
 * register elsewhere, such as `/etc/os-release` or `../x.yaml`, is refused
 * with an `outside-workspace` finding and never read).
 */
export async function loadRegister(fs: FileSystem, path: string, root: string): Promise<LoadedRegister> {
  const read = await readWorkspaceFile(fs, path, root, 'register-not-found')
  if (!read.ok) return { path, findings: [read.finding] }
  const decoded = decodeFile(read.bytes, path)
  if (!decoded.ok) return { path, findings: [decoded.finding] }
  return registerFromText(path, decoded.text)
}

/** Parse a register's text (as read from disk or from an editor's buffer). */
export function registerFromText(path: string, text: string): LoadedRegister {
  const result = parseRegister(text, { path })
  const loaded: LoadedRegister = { path, text, findings: result.problems.map((problem) => findingFromProblem(problem, path)) }
  if (result.ok) {
    loaded.register = result.value
    loaded.findings.push(...unexplainedRevisions(path, text, result.value))
  }
  return loaded
}

/**
 * `due-date-moved-without-reason` (warning) in a register: a `history` entry
 * with `due` and no `reason`, at its `due` value. The same rule as a status
 * table's `Due` cell without a `Reason`: no silent slippage.
 */
function unexplainedRevisions(path: string, text: string, register: Register): Finding[] {
  const findings: Finding[] = []
  // Locating re-reads the YAML: only when the validated register has such an entry (loading stays one parse).
  const unexplained = register.recommendations.some((recommendation) => recommendation.history?.some((event) => event.due !== undefined && (event.reason ?? '').trim() === ''))
  if (!unexplained) return findings
  for (const location of locateRegister(text).recommendations) {
    // A register that validated has its entries in the file's order.
    const history = register.recommendations[location.index]?.history ?? []
    for (const revision of location.dueRevisions) {
      const event = history[revision.index]
      if (revision.reason || event?.due === undefined || (event.reason ?? '').trim() !== '') continue
      const place = revision.due
      findings.push({
        file: path,
        line: place.line,
        column: place.column,
        endLine: place.endLine,
        endColumn: place.endColumn,
        offset: place.start,
        endOffset: place.end,
        severity: 'warning',
        ruleId: 'due-date-moved-without-reason',
        message: `Unexpected due date of ${location.id} moved to ${event.due} without a reason, expected a reason in its history entry`,
        url: ruleUrl('due-date-moved-without-reason')
      })
    }
  }
  return findings
}

/** The registers that loaded, in config order. */
export function validRegisters(loaded: readonly LoadedRegister[]): Register[] {
  return loaded.flatMap((entry) => (entry.register ? [entry.register] : []))
}

/**
 * Registers configured twice under one inquiry id make qualified references
 * ambiguous: report every later one.
 */
export function duplicateRegisterFindings(loaded: readonly LoadedRegister[]): Finding[] {
  const seen = new Map<string, string>()
  const findings: Finding[] = []
  for (const entry of loaded) {
    const id = entry.register?.inquiry.id
    if (id === undefined) continue
    const first = seen.get(id)
    if (first !== undefined) {
      findings.push({
        file: entry.path,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'error',
        ruleId: 'duplicate-register',
        message: `Unexpected second register with id "${id}", expected each register id once (also in ${first})`
      })
    } else {
      seen.set(id, entry.path)
    }
  }
  return findings
}
