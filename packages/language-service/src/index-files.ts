import { readMinutes, type FileSystem, type MinutesAnalysis, type WorkspaceContext } from '@followthrough/engine'
import type { ILogger } from './interfaces.js'

/**
 * Analyses many minutes files on disk at once (a server passes one that uses
 * worker threads). Each result is what the engine's `readMinutes` gives, in
 * the order of `paths`.
 */
export type BulkAnalyzer = (paths: readonly string[], context: WorkspaceContext) => Promise<MinutesAnalysis[]>

/** Below this many files, a bulk analyzer costs more than it saves. */
const bulkThreshold = 40

/** How long indexing works before letting requests in, in milliseconds. */
const slice = 25

/** Let the event loop run other work (requests, edits) during long indexing. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** One indexing run of a folder: what it analyses against, and where results go. */
export interface IndexingRun {
  readonly fs: FileSystem
  /** What minutes are analysed against. */
  readonly context: WorkspaceContext
  /** Analyses many files at once, when the host has one. */
  readonly analyzer: BulkAnalyzer | undefined
  readonly logger: ILogger
  /** Whether this run still counts: a newer reload supersedes it. */
  current(): boolean
  /** Whether the editor has the file open: then its document counts, not the disk. */
  isOpen(path: string): boolean
  /** Take a file's analysis (called only for files not open in the editor). */
  put(path: string, analysis: MinutesAnalysis): void
}

/**
 * Analyse minutes files on disk: all at once with the bulk analyzer when
 * there are enough of them, else (or when it fails) one at a time in slices,
 * between which the editor's requests are served. Files the editor opens
 * meanwhile are left to their documents.
 *
 * @returns whether every file was done; `false` when the run was superseded.
 */
export async function analyseFiles(paths: readonly string[], run: IndexingRun): Promise<boolean> {
  if (run.analyzer && paths.length >= bulkThreshold) {
    try {
      const results = await run.analyzer(paths, run.context)
      if (!run.current()) return false
      if (results.length !== paths.length) throw new Error(`${results.length} analyses for ${paths.length} files`)
      results.forEach((analysis, index) => {
        const path = paths[index]
        if (path !== undefined && !run.isOpen(path)) run.put(path, analysis)
      })
      return true
    } catch (error) {
      run.logger.log('warn', `Bulk analysis failed, analysing one file at a time: ${String(error)}`)
    }
  }
  let started = Date.now()
  for (const path of paths) {
    if (run.isOpen(path)) continue
    const analysis = await readMinutes(run.fs, path, { context: run.context })
    if (!run.current()) return false
    if (!run.isOpen(path)) run.put(path, analysis)
    if (Date.now() - started > slice) {
      await breathe()
      if (!run.current()) return false
      started = Date.now()
    }
  }
  return true
}
