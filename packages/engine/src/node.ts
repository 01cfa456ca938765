import { access, readFile } from 'node:fs/promises'
import { glob as tinyglobby } from 'tinyglobby'
import type { FileSystem } from './file-system.js'

/**
 * The disk, as the engine sees it: absolute paths with `/`.
 */
export const nodeFileSystem: FileSystem = {
  async readFile(path) {
    return readFile(path)
  },
  async exists(path) {
    try {
      await access(path)
      return true
    } catch {
      return false
    }
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
