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
// One message per file: the main thread never holds a second copy of the
// whole share at once, which keeps peak memory down.
for (const path of job.paths) parentPort?.postMessage(await readMinutes(nodeFileSystem, path, job.workspace))
