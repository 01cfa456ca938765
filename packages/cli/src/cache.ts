import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { MinutesAnalysis, Workspace } from '@followthrough/engine'

/** Bump when the shape of cached results or the checks change. */
const cacheVersion = 1

interface CacheFile {
  version: number
  /** Hash of the config and registers: when they change, every entry is stale. */
  context: string
  entries: Record<string, { hash: string; analysis: MinutesAnalysis }>
}

/** A content-hash cache of minutes results, kept as one JSON file. */
export class LintCache {
  private entries: CacheFile['entries'] = {}
  private readonly next: CacheFile['entries'] = {}
  private changed = false

  private constructor(
    private readonly file: string,
    private readonly context: string
  ) {}

  /** Open the cache in `folder` for a workspace (a missing or corrupt cache is empty). */
  static async open(folder: string, workspace: Workspace, version: string): Promise<LintCache> {
    const context = hash(JSON.stringify([cacheVersion, version, workspace.config.config, workspace.context.registers]))
    const cache = new LintCache(join(folder, 'lint-cache.json'), context)
    try {
      const stored = JSON.parse(await readFile(cache.file, 'utf8')) as CacheFile
      if (stored.version === cacheVersion && stored.context === context && stored.entries) cache.entries = stored.entries
    } catch {
      // No cache yet, or one we cannot read: start afresh.
    }
    return cache
  }

  /** The cached result for a file whose bytes hash to `digest`, if any. */
  get(path: string, digest: string): MinutesAnalysis | undefined {
    const entry = this.entries[path]
    if (entry?.hash !== digest) return undefined
    this.next[path] = entry
    return entry.analysis
  }

  /** Remember a fresh result. */
  set(path: string, digest: string, analysis: MinutesAnalysis): void {
    this.next[path] = { hash: digest, analysis }
    this.changed = true
  }

  /** Write the cache (atomically: a temporary file, then rename), dropping files no longer linted. */
  async save(): Promise<void> {
    const kept = Object.keys(this.next).length
    if (!this.changed && kept === Object.keys(this.entries).length) return
    const folder = join(this.file, '..')
    await mkdir(folder, { recursive: true })
    const temporary = `${this.file}.${process.pid}.tmp`
    const content: CacheFile = { version: cacheVersion, context: this.context, entries: this.next }
    await writeFile(temporary, JSON.stringify(content))
    await rename(temporary, this.file)
  }
}

/** A short content hash. */
export function hash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64url')
}
