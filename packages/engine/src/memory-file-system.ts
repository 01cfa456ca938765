import picomatch from 'picomatch'
import { dirname, maxFileBytes, promised, ReadRefusedError, type FileInfo, type ReadOptions, type WritableFileSystem } from './file-system.js'

function failure(code: string, syscall: string, path: string): Error {
  const messages: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EEXIST: 'file already exists',
    EISDIR: 'illegal operation on a directory',
    ENOTDIR: 'not a directory'
  }
  return Object.assign(new Error(`${code}: ${messages[code] ?? code}, ${syscall} '${path}'`), { code, syscall, path })
}

/**
 * A file system held in memory, for tests and for hosts that have no disk.
 * Keys are absolute paths with `/`; folders exist wherever a file is below
 * them (or after `mkdir`). Writes stay here: `main(argv, { fs })` with one of
 * these touches no disk.
 */
export class MemoryFileSystem implements WritableFileSystem {
  readonly files = new Map<string, Uint8Array>()
  /** Permission bits of files that do not have the default `0o644`. */
  readonly modes = new Map<string, number>()
  private readonly folders = new Set<string>(['/'])

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content)
  }

  /** Add or replace a file, with permission bits when given. */
  write(path: string, content: string | Uint8Array, mode?: number): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content)
    if (mode !== undefined) this.modes.set(path, mode)
  }

  /** Remove a file. */
  delete(path: string): void {
    this.files.delete(path)
    this.modes.delete(path)
  }

  /** A file's text (for tests), `undefined` when there is none. */
  text(path: string): string | undefined {
    const content = this.files.get(path)
    return content === undefined ? undefined : new TextDecoder().decode(content)
  }

  private isFolder(path: string): boolean {
    if (this.folders.has(path)) return true
    const prefix = path.endsWith('/') ? path : `${path}/`
    for (const file of this.files.keys()) if (file.startsWith(prefix)) return true
    return false
  }

  /** The nearest folder above `path` that is a file, if any. */
  private fileAbove(path: string): string | undefined {
    // Up to the root, `/` or a drive's (`C:/`), which is its own folder.
    for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) if (this.files.has(folder)) return folder
    return undefined
  }

  readFile(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    return promised(() => {
      const content = this.files.get(path)
      if (content === undefined) {
        if (this.isFolder(path)) throw new ReadRefusedError(path, 'folder')
        throw failure(this.fileAbove(path) ? 'ENOTDIR' : 'ENOENT', 'open', path)
      }
      const limit = options.maxBytes ?? maxFileBytes
      if (content.length > limit) throw new ReadRefusedError(path, 'file', content.length, limit)
      return content
    })
  }

  exists(path: string): Promise<boolean> {
    return promised(() => this.files.has(path))
  }

  glob(patterns: readonly string[], cwd: string): Promise<string[]> {
    return promised(() => {
      const root = cwd.endsWith('/') ? cwd : `${cwd}/`
      const match = picomatch([...patterns], { dot: false })
      return [...this.files.keys()]
        .filter((path) => path.startsWith(root))
        .filter((path) => {
          const relative = path.slice(root.length)
          return !/(^|\/)(node_modules|\.[^/]+)\//.test(relative) && match(relative)
        })
        .sort()
    })
  }

  realPath(path: string): Promise<string> {
    return promised(() => {
      if (this.files.has(path) || this.isFolder(path)) return path
      throw failure('ENOENT', 'realpath', path)
    })
  }

  lstat(path: string): Promise<FileInfo> {
    return promised(() => {
      const content = this.files.get(path)
      if (content !== undefined) {
        const mode = this.modes.get(path) ?? 0o644
        return { kind: 'file', size: content.length, mode, links: 1, writable: (mode & 0o200) !== 0 }
      }
      if (this.isFolder(path)) return { kind: 'folder', size: 0, mode: 0o755, links: 1, writable: true }
      throw failure(this.fileAbove(path) ? 'ENOTDIR' : 'ENOENT', 'lstat', path)
    })
  }

  writeFile(path: string, data: Uint8Array, options: { mode?: number } = {}): Promise<void> {
    return promised(() => {
      if (this.files.has(path)) throw failure('EEXIST', 'open', path)
      if (this.isFolder(path)) throw failure('EISDIR', 'open', path)
      if (this.fileAbove(path)) throw failure('ENOTDIR', 'open', path)
      if (!this.isFolder(dirname(path))) throw failure('ENOENT', 'open', path)
      this.write(path, data.slice(), options.mode)
    })
  }

  rename(from: string, to: string): Promise<void> {
    return promised(() => {
      const content = this.files.get(from)
      if (content === undefined) throw failure('ENOENT', 'rename', from)
      if (this.isFolder(to)) throw failure('EISDIR', 'rename', to)
      const mode = this.modes.get(from)
      this.delete(to)
      this.delete(from)
      this.write(to, content, mode)
    })
  }

  remove(path: string): Promise<void> {
    return promised(() => {
      this.delete(path)
    })
  }

  mkdir(path: string): Promise<void> {
    return promised(() => {
      if (this.files.has(path)) throw failure('EEXIST', 'mkdir', path)
      if (this.fileAbove(path)) throw failure('ENOTDIR', 'mkdir', path)
      for (let folder = path; folder !== dirname(folder); folder = dirname(folder)) this.folders.add(folder)
    })
  }
}
