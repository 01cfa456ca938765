import { existsSync, readFileSync } from 'node:fs'
import { glob as tinyglobby } from 'tinyglobby'
import type { FileSystem } from './file-system.js'

/**
 * The disk, as the engine sees it: absolute paths with `/`.
 */
export const nodeFileSystem: FileSystem = {
  // Synchronous reads inside the async interface: minutes are small, and the
  // promise-based reader costs more per file than reading the file does.
  async readFile(path) {
    return readFileSync(path)
  },
  async exists(path) {
    return existsSync(path)
  },
  async glob(patterns, cwd) {
    const found = await tinyglobby([...patterns], {
      cwd,
      absolute: true,
      onlyFiles: true,
      dot: false,
      ignore: ['**/node_modules/**'],
      expandDirectories: false
    })
    return found.map((path) => path.replaceAll('\\', '/')).sort()
  }
}

// Minutes analysed on worker threads (CLI and language server share this).
export { analyzeShareOnWorker, serveAnalysisJob, type AnalysisJob, type WorkerShareOptions } from './analysis-worker.js'
