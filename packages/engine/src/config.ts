import { ConfigSchema, parseConfig, type Config } from '@followthrough/core'
import { decodeFile } from './decode-text.js'
import { dirname, joinPath, normalizePath, type FileSystem } from './file-system.js'
import { findingFromProblem, type Finding } from './finding.js'
import { readRegularFile } from './read-file.js'

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
  // `cwd` as the engine spells paths (`C:\w` from Windows' process.cwd() becomes `C:/w`).
  const folder = normalizePath(cwd)
  const path = options.configPath !== undefined ? joinPath(folder, options.configPath) : await findUp(fs, folder, configFileName)
  if (path === undefined) return { root: folder, config: defaultConfig(), findings: [] }
  const root = dirname(path)

  // The config says where the workspace is, so it may be anywhere; it is still
  // read only when it is a regular file of a sensible size.
  const read = await readRegularFile(fs, path, 'config-not-found')
  if (!read.ok) return { path, root, config: defaultConfig(), findings: [read.finding] }
  const decoded = decodeFile(read.bytes, path)
  if (!decoded.ok) return { path, root, config: defaultConfig(), findings: [decoded.finding] }
  const text = decoded.text
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
