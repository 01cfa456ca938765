import { ConfigSchema, parseConfig, type Config } from '@followthrough/core'
import { decodeUtf8, dirname, joinPath, type FileSystem } from './file-system.js'
import { findingFromProblem, type Finding } from './finding.js'

/** The name of the config file looked for in the working folder and its parents. */
export const configFileName = 'followthrough.config.json'

/** The configuration in force for a folder. */
export interface ConfigResult {
  /** The config file, when one was found. */
  path?: string
  /** The folder that registers and minutes globs are relative to. */
  root: string
  /** The configuration, with defaults filled in (all defaults when invalid). */
  config: Config
  /** Problems with the config file; any error makes the configuration unusable. */
  findings: Finding[]
}

/** The configuration that applies when there is no config file. */
export function defaultConfig(): Config {
  return ConfigSchema.parse({})
}

/**
 * Find and read `followthrough.config.json`: the named file, or the first one
 * in `cwd` and its parents. With none, the defaults apply and `root` is `cwd`.
 * Never throws: unreadable or invalid files come back as findings.
 */
export async function discoverConfig(fs: FileSystem, cwd: string, options: { configPath?: string } = {}): Promise<ConfigResult> {
  const path = options.configPath !== undefined ? joinPath(cwd, options.configPath) : await findUp(fs, cwd, configFileName)
  if (path === undefined) return { root: cwd, config: defaultConfig(), findings: [] }
  const root = dirname(path)

  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(path)
  } catch (error) {
    return { path, root, config: defaultConfig(), findings: [unreadable(path, error, 'config-not-found')] }
  }
  const text = decodeUtf8(bytes)
  if (text === undefined) return { path, root, config: defaultConfig(), findings: [notUtf8(path)] }
  const result = parseConfig(text, { path })
  const findings = result.problems.map((problem) => findingFromProblem(problem, path))
  return { path, root, config: result.ok ? result.value : defaultConfig(), findings }
}

async function findUp(fs: FileSystem, from: string, name: string): Promise<string | undefined> {
  let folder = from
  for (;;) {
    const candidate = joinPath(folder, name)
    if (await fs.exists(candidate)) return candidate
    const parent = dirname(folder)
    if (parent === folder) return undefined
    folder = parent
  }
}

/** A finding for a file that could not be read. */
export function unreadable(file: string, error: unknown, ruleId: string): Finding {
  const code = (error as { code?: unknown } | null)?.code
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String((error as Error | null)?.message ?? error)
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', ruleId, message: `Cannot read ${file}: ${reason}` }
}

/** A finding for a file that is not UTF-8. */
export function notUtf8(file: string): Finding {
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    ruleId: 'invalid-encoding',
    message: 'Unexpected bytes that are not UTF-8, expected a UTF-8 text file'
  }
}
