import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileSystem, Finding, MinutesAnalysis, Workspace } from '@followthrough/engine'

/** Bump when the shape of cached results or the checks change. */
const cacheVersion = 2

interface FilesCache {
  version: number
  /** Hash of the config and registers: when they change, every entry is stale. */
  context: string
  entries: Record<string, { hash: string; analysis: MinutesAnalysis }>
}

interface RunCache {
  version: number
  /** Hash of the context and of every file linted with its content hash. */
  key: string
  findings: Finding[]
}

/**
 * Results kept by content hash, in two files: each minutes file's analysis
 * (`files.json`), and the findings of the last whole run (`run.json`). An
 * unchanged re-run reads only the small second file and skips parsing and the
 * workspace rules altogether.
 */
export class LintCache {
  private entries: FilesCache['entries'] | undefined
  private readonly next: FilesCache['entries'] = {}
  private changed = false

  private constructor(
    private readonly folder: string,
    private readonly context: string
  ) {}

  /** The cache in `folder` for a workspace (nothing is read until needed). */
  static open(folder: string, workspace: Workspace, version: string): LintCache {
    return new LintCache(folder, hash(JSON.stringify([cacheVersion, version, workspace.config.config, workspace.context.registers])))
  }

  /** Each file's content hash, read through `fs` (undefined when unreadable: analysis reports it). */
  async digests(fs: FileSystem, paths: readonly string[]): Promise<Array<string | undefined>> {
    return Promise.all(
      paths.map(async (path) => {
        try {
          return hash(await fs.readFile(path))
        } catch {
          return undefined
        }
      })
    )
  }

  /** The key of a run over these files with these contents. */
  runKey(paths: readonly string[], digests: ReadonlyArray<string | undefined>): string {
    return hash(JSON.stringify([this.context, paths, digests]))
  }

  /** The findings of the last run, when it had this key. */
  async readRun(key: string): Promise<Finding[] | undefined> {
    const stored = await readJson<RunCache>(join(this.folder, 'run.json'))
    return stored?.version === cacheVersion && stored.key === key && Array.isArray(stored.findings) ? stored.findings : undefined
  }

  /** Remember the findings of this run. */
  async writeRun(key: string, findings: readonly Finding[]): Promise<void> {
    await writeAtomically(join(this.folder, 'run.json'), { version: cacheVersion, key, findings })
  }

  /** Load the per-file results (once). */
  async load(): Promise<void> {
    if (this.entries) return
    const stored = await readJson<FilesCache>(join(this.folder, 'files.json'))
    this.entries = stored?.version === cacheVersion && stored.context === this.context && stored.entries ? stored.entries : {}
  }

  /** The cached result for a file whose bytes hash to `digest`, if any (after {@link load}). */
  get(path: string, digest: string): MinutesAnalysis | undefined {
    const entry = this.entries?.[path]
    if (entry?.hash !== digest) return undefined
    this.next[path] = entry
    return entry.analysis
  }

  /** Remember a fresh result. */
  set(path: string, digest: string, analysis: MinutesAnalysis): void {
    this.next[path] = { hash: digest, analysis }
    this.changed = true
  }

  /** Write the per-file results, dropping files no longer linted. */
  async save(): Promise<void> {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.entries ?? {}).length) return
    await writeAtomically(join(this.folder, 'files.json'), { version: cacheVersion, context: this.context, entries: this.next })
  }
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T
  } catch {
    // No cache yet, or one we cannot read: start afresh.
    return undefined
  }
}

/** Write JSON beside the target, then rename: a reader never sees half a file. */
async function writeAtomically(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, JSON.stringify(value))
  await rename(temporary, path)
}

/** A short content hash. */
export function hash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64url')
}
