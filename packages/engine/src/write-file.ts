import { contentDigest } from './digest.js'
import { basename, dirname, isInside, joinPath, kindName, type FileInfo, type WritableFileSystem } from './file-system.js'
import { errorReason } from './read-file.js'

/**
 * Why a file was not written, in one line. `refused`: writing it would harm it
 * or is not allowed (a folder, a read-only file, hard links, outside the
 * workspace); `changed`: its bytes changed since they were checked; `failed`:
 * the write itself failed (a full disk, an immutable file).
 */
export class WriteError extends Error {
  override readonly name = 'WriteError'

  constructor(
    readonly path: string,
    readonly reason: string,
    readonly kind: 'refused' | 'changed' | 'failed'
  ) {
    super(`Cannot write ${path}: ${reason}`)
  }
}

/** How {@link writeFileAtomically} may write. */
export interface WriteOptions {
  /** Refuse to write outside this folder, also once symbolic links are resolved. */
  within?: string
  /** Write only while the file's bytes still have this digest (`contentDigest`), checked just before the rename. */
  unchanged?: string
  /** Create the file's folder (and its parents) when it does not exist. */
  createFolder?: boolean
}

/**
 * Write a file so that it is never lost or half-written, the one way the CLI
 * writes (fixes, the report, the cache): the bytes go to a temporary file
 * beside the target with the target's permission bits, then a rename puts it
 * in place in one step; when anything fails the temporary file is removed and
 * the target is as it was.
 *
 * A symbolic link is written through: its target is replaced and the link
 * stays. Refused, so as not to harm what the user has: a folder or anything
 * else that is not a regular file, a file with several hard links (replacing
 * it would split them), a file that is read-only (by its permission bits, even
 * for root), a path outside `within`.
 *
 * @returns the path written: `path`, or the target of the link at `path`.
 * @throws {WriteError} with a one-line reason; never anything else.
 */
export async function writeFileAtomically(fs: WritableFileSystem, path: string, data: Uint8Array, options: WriteOptions = {}): Promise<string> {
  let target = path
  let info = await infoOf(fs, path)
  if (info?.kind === 'symlink') {
    try {
      target = await fs.realPath(path)
    } catch {
      throw new WriteError(path, 'it is a symbolic link to nothing', 'refused')
    }
    info = await infoOf(fs, target)
  }
  if (options.within !== undefined && !(await inside(fs, options.within, path, target))) {
    throw new WriteError(path, `it is outside the workspace folder ${options.within}`, 'refused')
  }
  if (info) {
    if (info.kind !== 'file') throw new WriteError(path, info.kind === 'folder' ? 'it is a folder' : `it is a ${kindName(info.kind)}, not a regular file`, 'refused')
    if (info.links > 1) throw new WriteError(path, `it has ${info.links} hard links, which replacing it would split`, 'refused')
    if (!info.writable) throw new WriteError(path, 'it is read-only', 'refused')
  } else if (options.createFolder) {
    try {
      await fs.mkdir(dirname(target))
    } catch (error) {
      throw new WriteError(path, `cannot create its folder: ${errorReason(error)}`, 'failed')
    }
  }
  const temporary = joinPath(dirname(target), `.${basename(target)}.${Math.random().toString(36).slice(2, 10)}.tmp`)
  try {
    await fs.writeFile(temporary, data, info ? { mode: info.mode } : {})
    if (options.unchanged !== undefined) {
      let now: Uint8Array | undefined
      try {
        now = await fs.readFile(target)
      } catch {
        now = undefined
      }
      if (now === undefined || contentDigest(now) !== options.unchanged) throw new WriteError(path, 'it changed since it was checked', 'changed')
    }
    await fs.rename(temporary, target)
  } catch (error) {
    // Whatever was written of the temporary file goes; the target was never touched.
    await fs.remove(temporary).catch(() => undefined)
    throw error instanceof WriteError ? error : new WriteError(path, errorReason(error), 'failed')
  }
  return target
}

async function infoOf(fs: WritableFileSystem, path: string): Promise<FileInfo | undefined> {
  try {
    return await fs.lstat(path)
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ENOENT') return undefined
    throw new WriteError(path, errorReason(error), 'failed')
  }
}

/** Whether `path` (and `target`, where a link at `path` leads) is inside `folder`, by name and once links are resolved. */
async function inside(fs: WritableFileSystem, folder: string, path: string, target: string): Promise<boolean> {
  if (!isInside(folder, path)) return false
  const realFolder = await fs.realPath(folder).catch(() => folder)
  // A new file: its folder says where it would be.
  const real = await fs.realPath(target).catch(async () => joinPath(await fs.realPath(dirname(target)).catch(() => dirname(target)), basename(target)))
  return isInside(realFolder, real)
}
