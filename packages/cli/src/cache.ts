import { createHash } from 'node:crypto'
import {
  contentDigest,
  decodeUtf8,
  joinPath,
  readWorkspaceFile,
  WriteError,
  writeFileAtomically,
  type Finding,
  type MinutesAnalysis,
  type WritableFileSystem,
  type Workspace
} from '@followthrough/engine'

/** Bump when the shape of cached results or the checks change. */
const cacheVersion = 3

/** The cache files are the CLI's own; still, one larger than this is not read (a fresh run is cheaper). */
const maxCacheBytes = 512 * 1024 * 1024

interface FilesCache {
  version: number
  /** Hash of the config, the registers and the workspace folder: when they change, every entry is stale. */
  context: string
  entries: Record<string, { hash: string; analysis: MinutesAnalysis }>
}

interface RunCache {
  version: number
  /** Hash of the context and of every file linted with its content digest. */
  key: string
  /** The minutes' and workspace rules' findings (never the config's or registers', which are checked afresh each run). */
  findings: readonly Finding[]
}

/**
 * Results kept by content digest (the engine's `contentDigest` of the bytes
 * analysed), in two files: each minutes file's analysis (`files.json`), and the
 * minutes findings of the last whole run (`run.json`). An unchanged re-run
 * reads only the small second file and skips parsing and the workspace rules
 * altogether. Read and written through the injected file system; a cache that
 * cannot be written is reported once (`onWriteError`) and the run goes on
 * without it.
 */
export class LintCache {
  private entries: FilesCache['entries'] | undefined
  private readonly next: FilesCache['entries'] = {}
  private changed = false
  private broken = false

  private constructor(
    private readonly fs: WritableFileSystem,
    /** Absolute path of the cache folder. */
    readonly folder: string,
    private readonly root: string,
    private readonly context: string,
    private readonly onWriteError: (reason: string) => void
  ) {}

  /** The cache in `folder` for a workspace (nothing is read until needed). */
  static open(fs: WritableFileSystem, folder: string, workspace: Workspace, version: string, onWriteError: (reason: string) => void): LintCache {
    const context = hash(JSON.stringify([cacheVersion, version, workspace.config.root, workspace.config.config, workspace.context.registers]))
    return new LintCache(fs, folder, workspace.config.root, context, onWriteError)
  }

  /**
   * Each file's content digest, read as the engine reads minutes (undefined
   * when it is not read: analysis reports why). Files outside the workspace
   * are not read here either.
   */
  async digests(paths: readonly string[]): Promise<Array<string | undefined>> {
    return Promise.all(
      paths.map(async (path) => {
        const read = await readWorkspaceFile(this.fs, path, this.root)
        return read.ok ? contentDigest(read.bytes) : undefined
      })
    )
  }

  /** The key of a run over these files with these contents. */
  runKey(paths: readonly string[], digests: ReadonlyArray<string | undefined>): string {
    return hash(JSON.stringify([this.context, paths, digests]))
  }

  /** The minutes findings of the last run, when it had this key. */
  async readRun(key: string): Promise<Finding[] | undefined> {
    const stored = await this.readJson('run.json')
    return isRecord(stored) && stored.version === cacheVersion && stored.key === key && Array.isArray(stored.findings) ? (stored.findings as Finding[]) : undefined
  }

  /** Remember the minutes findings of this run. */
  async writeRun(key: string, findings: readonly Finding[]): Promise<void> {
    await this.writeJson('run.json', { version: cacheVersion, key, findings } satisfies RunCache)
  }

  /** Load the per-file results (once). */
  async load(): Promise<void> {
    if (this.entries) return
    const stored = await this.readJson('files.json')
    this.entries =
      isRecord(stored) && stored.version === cacheVersion && stored.context === this.context && isRecord(stored.entries) ? (stored.entries as FilesCache['entries']) : {}
  }

  /** The cached result for a file whose bytes have the digest `digest`, if any (after {@link load}). */
  get(path: string, digest: string): MinutesAnalysis | undefined {
    const entry = this.entries?.[path]
    if (entry?.hash !== digest) return undefined
    this.next[path] = entry
    return entry.analysis
  }

  /**
   * Remember a fresh result, under the digest of the bytes it was made from;
   * a result made from no bytes (the file was unreadable, or vanished during
   * the run) is never kept, so it cannot stand for the file later.
   */
  set(path: string, analysis: MinutesAnalysis): void {
    if (analysis.digest === undefined) return
    this.next[path] = { hash: analysis.digest, analysis }
    this.changed = true
  }

  /** Write the per-file results, dropping files no longer linted. */
  async save(): Promise<void> {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.entries ?? {}).length) return
    await this.writeJson('files.json', { version: cacheVersion, context: this.context, entries: this.next } satisfies FilesCache)
  }

  /** A cache file's JSON, unchecked (undefined when there is none to read). */
  private async readJson(name: string): Promise<unknown> {
    if (this.broken) return undefined
    try {
      const text = decodeUtf8(await this.fs.readFile(joinPath(this.folder, name), { maxBytes: maxCacheBytes }))
      return text === undefined ? undefined : (JSON.parse(text) as unknown)
    } catch {
      // No cache yet, or one we cannot read: start afresh.
      return undefined
    }
  }

  private async writeJson(name: string, value: unknown): Promise<void> {
    if (this.broken) return
    try {
      await writeFileAtomically(this.fs, joinPath(this.folder, name), new TextEncoder().encode(JSON.stringify(value)), { createFolder: true })
    } catch (error) {
      // Once is enough: the rest of the run goes on without a cache.
      this.broken = true
      this.onWriteError(error instanceof WriteError ? error.reason : String(error))
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** A short hash of a key's parts (config, registers, the files' digests). */
export function hash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64url')
}
