import { basename as pathBasename, dirname as pathDirname, normalize, relative, resolve } from 'pathe'

/**
 * The largest file the engine reads: 16 MiB. Minutes of a long inquiry run to
 * a few megabytes; anything bigger is refused with a finding, so a file that
 * grew by mistake (or a link to `/dev/zero`) cannot take a run's memory.
 */
export const maxFileBytes = 16 * 1024 * 1024

/** How to read a file. */
export interface ReadOptions {
  /** Refuse a file with more bytes than this ({@link maxFileBytes} by default). */
  maxBytes?: number
}

/**
 * The file system the engine reads through. The CLI passes the disk
 * ({@link ../node.ts}), the language server passes the disk overlaid with the
 * editor's open documents, tests pass {@link MemoryFileSystem}. Paths are
 * absolute and use `/`.
 */
export interface FileSystem {
  /**
   * The bytes of a file; rejects when it cannot be read. A file system that
   * can meet something other than a regular file (a named pipe, a device, a
   * folder) or a file larger than `maxBytes` rejects with a
   * {@link ReadRefusedError} without reading it.
   */
  readFile(path: string, options?: ReadOptions): Promise<Uint8Array>
  /** Whether a file exists. */
  exists(path: string): Promise<boolean>
  /**
   * Files under `cwd` matching any of the globs (relative to `cwd`), as absolute
   * paths, sorted; `node_modules` and dot-folders are never searched.
   */
  glob(patterns: readonly string[], cwd: string): Promise<string[]>
  /**
   * The path with every symbolic link resolved; rejects when nothing is there.
   * Without it, a path is taken to be where it says (no links).
   */
  realPath?(path: string): Promise<string>
}

/** What is at a path. */
export type FileKind = 'file' | 'folder' | 'symlink' | 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other'

/** What the engine needs to know of a file before replacing it. */
export interface FileInfo {
  kind: FileKind
  /** Bytes. */
  size: number
  /** Permission bits, such as `0o644`. */
  mode: number
  /** How many hard links the file has (1 for most files). */
  links: number
  /** Whether this process may write the file: its permission bits allow it, and so does the system. */
  writable: boolean
}

/**
 * A file system the CLI can also write through: `lint --fix`, `report` and
 * the cache write only with these (see `writeFileAtomically`), so a host that
 * passes files in memory gets every result there and the disk is never touched.
 */
export interface WritableFileSystem extends FileSystem {
  realPath(path: string): Promise<string>
  /** What is at `path`, a final symbolic link not followed; rejects (`ENOENT`) when nothing is. */
  lstat(path: string): Promise<FileInfo>
  /**
   * Create a new file holding `data`; rejects (`EEXIST`) when something is at
   * `path`. With `mode`, the file gets exactly those permission bits.
   */
  writeFile(path: string, data: Uint8Array, options?: { mode?: number }): Promise<void>
  /** Move `from` to `to` in one step, replacing the file at `to`. */
  rename(from: string, to: string): Promise<void>
  /** Delete a file; resolves when there is none. */
  remove(path: string): Promise<void>
  /** Create a folder and its parents; resolves when it exists. */
  mkdir(path: string): Promise<void>
}

/**
 * What `run` returns, as a promise: for the methods above when they have
 * nothing to wait for. Like an async function's, the promise rejects (it does
 * not throw) when `run` throws.
 */
export function promised<T>(run: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(run())
  })
}

/** The words for a kind of file, in messages. */
const kindNames: Record<FileKind, string> = {
  file: 'file',
  folder: 'folder',
  symlink: 'symbolic link',
  fifo: 'named pipe (FIFO)',
  socket: 'socket',
  'character-device': 'character device',
  'block-device': 'block device',
  other: 'special file'
}

/** How a kind of file is named in messages (`named pipe (FIFO)`). */
export function kindName(kind: FileKind): string {
  return kindNames[kind]
}

/**
 * A file the file system would not read: not a regular file, or larger than
 * allowed. Recognised by its `code`, so it works across threads and copies of
 * this module.
 */
export class ReadRefusedError extends Error {
  readonly code = 'ERR_READ_REFUSED'
  override readonly name = 'ReadRefusedError'

  constructor(
    readonly path: string,
    /** What is there, when it is not a regular file. */
    readonly kind: FileKind,
    /** Its size, when it is too large. */
    readonly size?: number,
    readonly limit?: number
  ) {
    super(kind !== 'file' ? `${path} is a ${kindName(kind)}, not a regular file` : `${path} is larger than ${mebibytes(limit ?? maxFileBytes)}`)
  }
}

/** A size for messages: `16 MiB`, `4.2 MiB`. */
export function mebibytes(bytes: number): string {
  // Rounded up, so a file just over a limit never reads as the limit.
  const value = Math.ceil((bytes / (1024 * 1024)) * 10) / 10
  return `${value} MiB`
}

/*
 * Paths. The engine speaks pathe's paths on every platform: absolute, `/`
 * between segments, a Windows drive as `C:/` (upper-case letter), so a path
 * from `process.cwd()` on Windows (`C:\Users\x`), from the disk and from an
 * editor's `file:` URI compare equal once they come through these. Each is a
 * thin wrapper over pathe, kept because the whole engine, the CLI and the
 * language service name them, and because two differ from pathe on purpose:
 * `dirname` stops at a drive root, `relativePath` says `.` for the folder
 * itself.
 */

/**
 * `parts` resolved against the absolute folder `base`, normalised: `.` and
 * `..` resolved, backslashes made `/`; an absolute part starts over
 * (`joinPath('/w', '/abs/x')` is `/abs/x`).
 */
export function joinPath(base: string, ...parts: string[]): string {
  return resolve(base, ...parts)
}

/** A path in the engine's spelling (`C:\w\a.md` → `C:/w/a.md`), without a trailing slash except at a root. */
export function normalizePath(path: string): string {
  // pathe upper-cases a drive letter followed by a slash; a bare drive (`c:`) too.
  const normal = normalize(path).replace(/^[a-z]:/, (drive) => drive.toUpperCase())
  return normal.length > 1 && normal.endsWith('/') && !isRoot(normal) ? normal.slice(0, -1) : normal
}

/** Whether a path is a root: `/`, or a drive's (`C:/`). */
function isRoot(path: string): boolean {
  return path === '/' || /^[A-Za-z]:\/?$/.test(path)
}

/** The folder of a path (`/a/b/c.md` → `/a/b`); a root (`/`, `C:/`) is its own folder. */
export function dirname(path: string): string {
  const normal = normalize(path)
  return isRoot(normal) ? normal : pathDirname(normal)
}

/** `path` relative to `from`, with `/` (for messages and JSON output); `.` for `from` itself. */
export function relativePath(from: string, path: string): string {
  // Most paths are inside `from`: a prefix check saves resolving both (output
  // of a large run asks this for every finding).
  const base = from.endsWith('/') ? from : `${from}/`
  if (path.startsWith(base)) return path.slice(base.length) || '.'
  return relative(from, path) || '.'
}

/** The last segment of a path (`/a/b/c.md` → `c.md`). */
export function basename(path: string): string {
  return pathBasename(path)
}

/** Whether `path` is `folder` or inside it (both absolute), by the letters of both once normalised. */
export function isInside(folder: string, path: string): boolean {
  const root = normalizePath(folder)
  const normal = normalizePath(path)
  if (normal === root) return true
  return normal.startsWith(root.endsWith('/') ? root : `${root}/`)
}
