import { MemoryFileSystem, readMinutes, type MinutesAnalysis, type WorkspaceContext } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { minutes, smallRegister } from '../test/helpers.js'
import { analyseFiles, type BulkAnalyzer, type IndexingRun } from './index-files.js'
import { LastGoodLoader } from './last-good.js'

async function setUp(count: number): Promise<{ fs: MemoryFileSystem; paths: string[]; context: WorkspaceContext }> {
  const files: Record<string, string> = { '/w/recommendations.yaml': smallRegister() }
  for (let n = 0; n < count; n++) files[`/w/minutes/${String(n).padStart(2, '0')}.md`] = minutes('2024-01-01', `R${n + 1}.`)
  const fs = new MemoryFileSystem(files)
  const { workspace } = await new LastGoodLoader(fs, '/w').load()
  return { fs, paths: Object.keys(files).filter((path) => path.endsWith('.md')), context: workspace.context }
}

function run(fs: MemoryFileSystem, context: WorkspaceContext, options: Partial<IndexingRun> = {}): { run: IndexingRun; put: Map<string, MinutesAnalysis>; logs: string[] } {
  const put = new Map<string, MinutesAnalysis>()
  const logs: string[] = []
  return {
    put,
    logs,
    run: {
      fs,
      context,
      analyzer: undefined,
      logger: { log: (level, message) => logs.push(`${level} ${message}`) },
      current: () => true,
      isOpen: () => false,
      put: (path, analysis) => put.set(path, analysis),
      ...options
    }
  }
}

describe('analyseFiles', () => {
  it('analyses each file against the context, leaving open files to their documents', async () => {
    const { fs, paths, context } = await setUp(16)
    const { run: indexing, put } = run(fs, context, { isOpen: (path) => path === '/w/minutes/03.md' })
    expect(await analyseFiles(paths, indexing)).toBe(true)
    expect(put.size).toBe(15)
    expect(put.has('/w/minutes/03.md')).toBe(false)
    expect(put.get('/w/minutes/15.md')?.findings.map((finding) => finding.ruleId)).toEqual(['unknown-recommendation'])
  })

  it('hands many files to the bulk analyzer at once, and few to none', async () => {
    const calls: number[] = []
    const analyzer: BulkAnalyzer = async (paths, context) => {
      calls.push(paths.length)
      return Promise.all(paths.map((path) => readMinutes(many.fs, path, { context })))
    }
    const many = await setUp(40)
    const { run: bulk, put } = run(many.fs, many.context, { analyzer })
    expect(await analyseFiles(many.paths, bulk)).toBe(true)
    expect(put.size).toBe(40)
    const few = await setUp(39)
    const { run: single, put: singly } = run(few.fs, few.context, { analyzer })
    expect(await analyseFiles(few.paths, single)).toBe(true)
    expect(singly.size).toBe(39)
    expect(calls).toEqual([40])
  })

  it('falls back to one file at a time when the bulk analyzer fails or answers for the wrong files', async () => {
    const { fs, paths, context } = await setUp(40)
    const failing = run(fs, context, { analyzer: async () => Promise.reject(new Error('no workers')) })
    expect(await analyseFiles(paths, failing.run)).toBe(true)
    expect(failing.put.size).toBe(40)
    expect(failing.logs).toEqual(['warn Bulk analysis failed, analysing one file at a time: Error: no workers'])
    const short = run(fs, context, { analyzer: () => Promise.resolve([]) })
    expect(await analyseFiles(paths, short.run)).toBe(true)
    expect(short.put.size).toBe(40)
    expect(short.logs).toEqual(['warn Bulk analysis failed, analysing one file at a time: Error: 0 analyses for 40 files'])
  })

  it('stops when a newer run supersedes it', async () => {
    const { fs, paths, context } = await setUp(10)
    let current = true
    const superseded = run(fs, context, {
      current: () => current,
      put: (path, analysis) => {
        superseded.put.set(path, analysis)
        current = superseded.put.size < 3
      }
    })
    expect(await analyseFiles(paths, superseded.run)).toBe(false)
    expect(superseded.put.size).toBe(3)
  })
})
