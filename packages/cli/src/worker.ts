/**
 * A worker thread that checks a share of the minutes: it reads them from disk
 * itself (no text crosses threads) and sends back plain results.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readMinutes, type Workspace } from '@followthrough/engine'
import { nodeFileSystem } from '@followthrough/engine/node'

interface Job {
  workspace: Pick<Workspace, 'context'>
  paths: string[]
}

const job = workerData as Job
const results = []
for (const path of job.paths) results.push(await readMinutes(nodeFileSystem, path, job.workspace as Workspace))
parentPort?.postMessage(results)
