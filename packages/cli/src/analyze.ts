import { availableParallelism } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { emptyMinutesData, readMinutes, type FileSystem, type MinutesAnalysis, type Workspace } from '@followthrough/engine'
import { analyzeShareOnWorker } from '@followthrough/engine/node'
import type { LintCache } from './cache.js'

/** How minutes are analysed: in this thread or in workers, with or without a cache. */
export interface AnalyzeOptions {
  /** Worker threads; 0 checks in this thread. Automatic when absent. */
  workers?: number
  cache?: LintCache
  /** Content digests of `paths`, when the caller has them already. */
  digests?: ReadonlyArray<string | undefined>
  /** Whether `fs` is the disk, so workers may read files themselves. */
  disk: boolean
}

/** Below this many files, starting workers costs more than it saves. */
const workerThreshold = 400

/**
 * Check minutes files, results in the order of `paths` whatever the threads do.
 */
export async function analyzeFiles(fs: FileSystem, workspace: Workspace, paths: readonly string[], options: AnalyzeOptions): Promise<MinutesAnalysis[]> {
  const results: Array<MinutesAnalysis | undefined> = paths.map(() => undefined)
  /** The files still to check, each with its place in `paths`. */
  let pending = paths.map((path, index) => ({ path, index }))

  let digests: ReadonlyArray<string | undefined> = []
  if (options.cache) {
    const cache = options.cache
    await cache.load()
    digests = options.digests ?? (await cache.digests(paths))
    const misses: typeof pending = []
    paths.forEach((path, index) => {
      const digest = digests[index]
      const cached = digest === undefined ? undefined : cache.get(path, digest)
      if (cached) results[index] = cached
      else misses.push({ path, index })
    })
    pending = misses
  }

  const workers = options.workers ?? (options.disk && pending.length >= workerThreshold ? Math.min(2, Math.max(1, availableParallelism() - 1)) : 0)
  if (workers > 0 && options.disk && pending.length > 1) {
    const shares = split(pending, workers + 1)
    // This thread takes a share too: it is idle otherwise.
    const [own = [], ...others] = shares
    const done = others.map((share) =>
      analyzeShareOnWorker(
        share.map((file) => file.path),
        // A small heap makes the worker collect garbage early instead of growing;
        // a file too big for it is analysed in this thread instead.
        { script: new URL('./worker.js', import.meta.url), context: workspace.context, heapMb: 128, batch: 1 }
      )
    )
    const collect = garbageCollector()
    let checked = 0
    for (const file of own) {
      results[file.index] = await readMinutes(fs, file.path, workspace)
      // Parsing leaves much garbage; V8 lets the heap grow far before a full
      // collection, so collect every few hundred files to keep peak memory low.
      if (++checked % 250 === 0) collect?.()
    }
    const fromWorkers = await Promise.all(done)
    others.forEach((share, shareIndex) => {
      const analyses = fromWorkers[shareIndex] ?? []
      share.forEach((file, position) => {
        results[file.index] = analyses[position]
      })
    })
  } else {
    const collect = pending.length >= workerThreshold ? garbageCollector() : undefined
    let checked = 0
    for (const file of pending) {
      results[file.index] = await readMinutes(fs, file.path, workspace)
      if (++checked % 250 === 0) collect?.()
    }
  }
  if (options.cache) {
    // Kept under the digest of the bytes each result was made from (never the earlier read's).
    for (const file of pending) {
      const result = results[file.index]
      if (result) options.cache.set(file.path, result)
    }
  }
  return paths.map((path, index) => results[index] ?? { path, data: emptyMinutesData(), findings: [] })
}

/** V8's full collection, which Node hides unless asked; undefined where it cannot be had. */
function garbageCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    return typeof gc === 'function' ? (gc as () => void) : undefined
  } catch {
    return undefined
  }
}

function split<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts)
  const shares: T[][] = []
  for (let start = 0; start < items.length; start += size) shares.push(items.slice(start, start + size))
  return shares
}
