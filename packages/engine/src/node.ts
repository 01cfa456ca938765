import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs'
import { access, lstat, mkdir, open, realpath, rename, rm } from 'node:fs/promises'
import { glob as tinyglobby } from 'tinyglobby'
import { maxFileBytes, normalizePath, promised, ReadRefusedError, type FileInfo, type FileKind, type WritableFileSystem } from './file-system.js'

/** What a stat says is at a path. */
function kindOf(stats: Stats): FileKind {
  if (stats.isFile()) return 'file'
  if (stats.isDirectory()) return 'folder'
  if (stats.isSymbolicLink()) return 'symlink'
  if (stats.isFIFO()) return 'fifo'
  if (stats.isSocket()) return 'socket'
  if (stats.isCharacterDevice()) return 'character-device'
  if (stats.isBlockDevice()) return 'block-device'
  return 'other'
}

// A named pipe opened for reading blocks until something writes to it; with
// O_NONBLOCK it opens at once, and fstat then says what it is. (Windows has
// neither the flag nor named pipes in the file system, nor O_NOCTTY, though
// Node's types declare both everywhere.)
const unixFlags: { readonly O_NONBLOCK?: number; readonly O_NOCTTY?: number } = constants
const readFlags = constants.O_RDONLY | (unixFlags.O_NONBLOCK ?? 0) | (unixFlags.O_NOCTTY ?? 0)

/** A path from Node in the engine's spelling (`C:\w\a.md` → `C:/w/a.md`). */
const slash = (path: string) => normalizePath(path)

/**
 * Read a regular file of at most `limit` bytes. What is at the path is
 * checked before opening it (a device is never opened) and again on the open
 * descriptor (it may have been swapped meanwhile); then at most `limit + 1`
 * bytes are read, so a file that grows while being read cannot exhaust memory.
 * Synchronous: minutes are small, and the promise-based reader costs more per
 * file than reading the file does.
 */
function readRegularFile(path: string, limit: number): Uint8Array {
  const before = statSync(path)
  if (!before.isFile()) throw new ReadRefusedError(path, kindOf(before))
  if (before.size > limit) throw new ReadRefusedError(path, 'file', before.size, limit)
  const fd = openSync(path, readFlags)
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) throw new ReadRefusedError(path, kindOf(stats))
    if (stats.size > limit) throw new ReadRefusedError(path, 'file', stats.size, limit)
    let buffer = Buffer.allocUnsafeSlow(Math.min(stats.size, limit) + 1)
    let length = 0
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw new ReadRefusedError(path, 'file', length, limit)
        const larger = Buffer.allocUnsafeSlow(Math.min(buffer.length * 2, limit + 1))
        buffer.copy(larger, 0, 0, length)
        buffer = larger
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    if (length > limit) throw new ReadRefusedError(path, 'file', length, limit)
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}

/**
 * The disk, as the engine sees it: absolute paths with `/`. Reads only regular
 * files of at most 16 MiB (`maxFileBytes`), never blocks on a named pipe, and
 * lists each file once however many symbolic links lead to it.
 */
export const nodeFileSystem: WritableFileSystem = {
  readFile(path, options = {}) {
    return promised(() => readRegularFile(path, options.maxBytes ?? maxFileBytes))
  },
  exists(path) {
    return promised(() => existsSync(path))
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
    return onePathPerFile(found.map(slash).sort())
  },
  async realPath(path) {
    return slash(await realpath(path))
  },
  async lstat(path) {
    const stats = await lstat(path)
    const kind = kindOf(stats)
    const mode = stats.mode & 0o7777
    let writable = false
    if (kind === 'file' && (mode & 0o222) !== 0) {
      // Permission bits first: root may write anything, but a file its owner
      // made read-only is not one to rewrite.
      writable = await access(path, constants.W_OK).then(
        () => true,
        () => false
      )
    }
    return { kind, size: stats.size, mode, links: stats.nlink, writable } satisfies FileInfo
  },
  async writeFile(path, data, options = {}) {
    const handle = await open(path, 'wx', options.mode ?? 0o666)
    try {
      // The mode given to open is narrowed by the umask; a file keeps its bits exactly.
      if (options.mode !== undefined) await handle.chmod(options.mode)
      await handle.writeFile(data)
      // On disk before the rename makes it the file: a crash leaves the old file or the new one.
      await handle.datasync()
    } finally {
      await handle.close()
    }
  },
  async rename(from, to) {
    await rename(from, to)
  },
  async remove(path) {
    await rm(path, { force: true })
  },
  async mkdir(path) {
    await mkdir(path, { recursive: true })
  }
}

/**
 * Symbolic links can list one file many times (`minutes/loop -> ..` lists
 * every file again below it, as deep as the walk goes; `b.md -> a.md` names
 * a file twice): keep one path per real file, the one with the fewest
 * folders (a loop's copies are always deeper), then the first.
 */
function onePathPerFile(paths: string[]): string[] {
  const depth = (path: string) => path.split('/').length
  const byReal = new Map<string, string>()
  for (const path of paths) {
    let real: string
    try {
      real = slash(realpathSync.native(path))
    } catch {
      real = path
    }
    const kept = byReal.get(real)
    if (kept === undefined || depth(path) < depth(kept)) byReal.set(real, path)
  }
  const kept = new Set(byReal.values())
  return paths.filter((path) => kept.has(path))
}

// Minutes analysed on worker threads (CLI and language server share this).
export { analyzeShareOnWorker, serveAnalysisJob, type AnalysisJob, type WorkerShareOptions } from './analysis-worker.js'
