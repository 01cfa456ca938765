import { existsSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { MinutesAnalysis } from '@followthrough/engine'
import { analyzeShareOnWorker } from '@followthrough/engine/node'
import type { BulkAnalyzer } from '@followthrough/language-service'

/**
 * Analyse the first index of a large workspace on worker threads, one share
 * each, so it takes a fraction of the time and the server's own thread stays
 * free for the editor's requests meanwhile. Results come back in the order of
 * the paths. `undefined` when the worker script is not beside this module (the
 * sources run under a test runner): the service then analyses in its thread.
 *
 * @param workers how many threads; by default one per core, at most four.
 */
export function workerAnalyzer(workers = Math.max(1, Math.min(4, availableParallelism()))): BulkAnalyzer | undefined {
  const script = new URL('./worker.js', import.meta.url)
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined
  return async (paths, context) => {
    const shares = balance(paths, Math.min(workers, paths.length))
    // The files a worker does not finish (one too big for its heap) are analysed here instead.
    const results = await Promise.all(shares.map((share) => analyzeShareOnWorker(share.paths, { script, context, heapMb: heapMb(), batch })))
    // Back in the order of the paths: each share's results are in the order of its paths.
    const byIndex = new Map<number, MinutesAnalysis>()
    shares.forEach((share, index) => {
      results[index]?.forEach((analysis, position) => {
        const at = share.indexes[position]
        if (at !== undefined) byIndex.set(at, analysis)
      })
    })
    return paths.map((path, at) => {
      const analysis = byIndex.get(at)
      if (analysis === undefined) throw new Error(`Unexpected ${path} without an analysis from the workers, expected one for each path`)
      return analysis
    })
  }
}

/**
 * Shares of about equal work: parsing time follows file size, so the biggest
 * files are dealt first, each to the share with the least so far (one 1 MB
 * file should not leave one thread working long after the other).
 */
function balance(paths: readonly string[], count: number): Array<{ paths: string[]; indexes: number[]; bytes: number }> {
  const shares = Array.from({ length: Math.max(1, count) }, () => ({ paths: [] as string[], indexes: [] as number[], bytes: 0 }))
  const sized = paths.map((path, index) => ({ path, index, bytes: sizeOf(path) }))
  sized.sort((a, b) => b.bytes - a.bytes || a.index - b.index)
  for (const file of sized) {
    const share = shares.reduce((least, candidate) => (candidate.bytes < least.bytes ? candidate : least))
    share.paths.push(file.path)
    share.indexes.push(file.index)
    share.bytes += file.bytes + 1
  }
  return shares.filter((share) => share.paths.length > 0)
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/**
 * Each worker's old-generation heap, in MB: room for a 1 MB minutes file's
 * tree, not for hoarding garbage (`FOLLOWTHROUGH_WORKER_HEAP_MB` overrides).
 */
function heapMb(): number {
  return Number(process.env.FOLLOWTHROUGH_WORKER_HEAP_MB) || 128
}

/** Results per message: neither thread holds a whole share's results twice. */
const batch = 50
