/**
 * A worker thread that analyses a share of the minutes for the first index:
 * it reads the files from disk itself (no text crosses threads) and sends back
 * the engine's plain results in small batches, so neither thread holds a
 * whole share's results twice.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readMinutes, type MinutesAnalysis, type WorkspaceContext } from '@followthrough/engine'
import { nodeFileSystem } from '@followthrough/engine/node'

interface Job {
  context: WorkspaceContext
  paths: string[]
}

/** Results per message. */
const batch = 50

const job = workerData as Job
let results: MinutesAnalysis[] = []
for (const path of job.paths) {
  // readMinutes reads only the context of the workspace.
  results.push(await readMinutes(nodeFileSystem, path, { context: job.context }))
  if (results.length === batch) {
    parentPort?.postMessage({ results, done: false })
    results = []
  }
}
parentPort?.postMessage({ results, done: true })
