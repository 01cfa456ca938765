import { Worker, parentPort, workerData } from 'node:worker_threads'
import type { MinutesAnalysis, WorkspaceContext } from './minutes.js'
import { nodeFileSystem } from './node.js'
import { readMinutes } from './workspace.js'

/**
 * Minutes analysed on worker threads, as the CLI and the language server do
 * for large workspaces: one copy of the protocol, and of what happens when a
 * worker fails. A worker reads its share of the files from disk itself (no
 * text crosses threads) and sends back the engine's plain results, a batch at
 * a time. A worker can fail: a huge minutes file exhausts its small heap
 * (`ERR_WORKER_OUT_OF_MEMORY`), or a bug throws. The files it had not finished
 * are then analysed in the calling thread, which has the process's whole
 * heap: every file gets its findings, and the run goes on.
 */

/** What a worker is given. */
export interface AnalysisJob {
  context: WorkspaceContext
  paths: readonly string[]
  /** Results per message. */
  batch: number
}

/**
 * The body of a worker script: analyse the job's files from disk, posting the
 * results in batches. A worker script is one line: `await serveAnalysisJob()`.
 */
export async function serveAnalysisJob(): Promise<void> {
  const job = workerData as AnalysisJob
  const batch = Math.max(1, job.batch)
  let results: MinutesAnalysis[] = []
  for (const path of job.paths) {
    results.push(await readMinutes(nodeFileSystem, path, { context: job.context }))
    if (results.length >= batch) {
      parentPort?.postMessage(results)
      results = []
    }
  }
  if (results.length > 0) parentPort?.postMessage(results)
}

/** How to run one share on a worker. */
export interface WorkerShareOptions {
  /** The worker script (it calls {@link serveAnalysisJob}). */
  script: URL
  context: WorkspaceContext
  /** The old-generation heap of the worker, in MB: small, so it collects garbage early. */
  heapMb: number
  /** Results per message (1 keeps the least in memory at once). */
  batch: number
  /** Told when a worker failed and how many of its files this thread analyses instead. */
  onFallback?: (error: unknown, unfinished: number) => void
}

/**
 * Analyse `paths` on one worker thread, results in the order of `paths`.
 * Never rejects: files the worker did not finish are analysed in this thread.
 */
export async function analyzeShareOnWorker(paths: readonly string[], options: WorkerShareOptions): Promise<MinutesAnalysis[]> {
  const { received, error } = await runWorker(paths, options)
  if (received.length >= paths.length) return received.slice(0, paths.length)
  const unfinished = paths.slice(received.length)
  options.onFallback?.(error, unfinished.length)
  const results = received
  for (const path of unfinished) results.push(await readMinutes(nodeFileSystem, path, { context: options.context }))
  return results
}

/** Run the worker to its end; what it sent, and why it stopped early if it did. */
function runWorker(paths: readonly string[], options: WorkerShareOptions): Promise<{ received: MinutesAnalysis[]; error?: unknown }> {
  return new Promise((resolve) => {
    const received: MinutesAnalysis[] = []
    let failure: unknown
    let worker: Worker
    try {
      const job: AnalysisJob = { context: options.context, paths: [...paths], batch: options.batch }
      worker = new Worker(options.script, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: options.heapMb } })
    } catch (error) {
      resolve({ received, error })
      return
    }
    let settled = false
    const settle = () => {
      if (settled) return
      settled = true
      resolve(failure === undefined ? { received } : { received, error: failure })
    }
    worker.on('message', (batch: MinutesAnalysis[]) => {
      if (settled) return
      received.push(...batch)
      if (received.length >= paths.length) {
        settle()
        void worker.terminate()
      }
    })
    worker.once('error', (error) => {
      failure = error
    })
    // After `error`, and after every message the worker sent.
    worker.once('exit', (code) => {
      if (failure === undefined && code !== 0) failure = new Error(`worker stopped with exit code ${code}`)
      settle()
    })
  })
}
