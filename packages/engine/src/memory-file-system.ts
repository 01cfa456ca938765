import picomatch from 'picomatch'
import type { FileSystem } from './file-system.js'

/**
 * A file system held in memory, for tests and for hosts that have no disk.
 * Keys are absolute paths with `/`.
 */
export class MemoryFileSystem implements FileSystem {
  readonly files = new Map<string, Uint8Array>()

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content)
  }

  /** Add or replace a file. */
  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content)
  }

  /** Remove a file. */
  delete(path: string): void {
    this.files.delete(path)
  }

  async readFile(path: string): Promise<Uint8Array> {
    const content = this.files.get(path)
    if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' })
    return content
  }

  async exists(path: string): Promise<boolean> {
    return this.files.has(path)
  }

  async glob(patterns: readonly string[], cwd: string): Promise<string[]> {
    const root = cwd.endsWith('/') ? cwd : `${cwd}/`
    const match = picomatch([...patterns], { dot: false })
    return [...this.files.keys()]
      .filter((path) => path.startsWith(root))
      .filter((path) => {
        const relative = path.slice(root.length)
        return !/(^|\/)(node_modules|\.[^/]+)\//.test(relative) && match(relative)
      })
      .sort()
  }
}
