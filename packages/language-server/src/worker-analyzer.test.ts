import { join } from 'node:path'
import { listMinutes, loadWorkspace, readMinutes } from '@followthrough/engine'
import { nodeFileSystem } from '@followthrough/engine/node'
import { afterEach, assert, describe, expect, it } from 'vitest'
import { workerAnalyzer as fromSources } from './worker-analyzer.js'

const example = join(import.meta.dirname, '..', '..', '..', 'examples', 'telford')

describe('workerAnalyzer', () => {
  afterEach(() => {
    delete process.env.FOLLOWTHROUGH_WORKER_HEAP_MB
  })

  it('is not offered where the worker script is not built beside it', () => {
    expect(fromSources()).toBeUndefined()
  })

  it('gives what readMinutes gives, in order, on threads or (when a thread fails) here', async () => {
    // The built library, whose worker script sits beside it (tests run after the build).
    const built = new URL('../dist/index.js', import.meta.url).href
    const { workerAnalyzer } = (await import(built)) as { workerAnalyzer: typeof fromSources }
    const workspace = await loadWorkspace(nodeFileSystem, example)
    const paths = await listMinutes(nodeFileSystem, workspace)
    const expected = await Promise.all(paths.map((path) => readMinutes(nodeFileSystem, path, workspace)))
    const analyze = workerAnalyzer(2)
    assert(analyze, 'the worker script built beside the library')
    expect(await analyze(paths, workspace.context)).toEqual(expected)
    process.env.FOLLOWTHROUGH_WORKER_HEAP_MB = '1'
    expect(await analyze(paths, workspace.context)).toEqual(expected)
  })
})
