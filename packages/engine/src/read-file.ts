import { isInside, kindName, maxFileBytes, mebibytes, type FileKind, type FileSystem } from './file-system.js'
import type { Finding } from './finding.js'

/** The bytes of a file, or the finding that says why it was not read. */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; finding: Finding }

/**
 * Read a file of the workspace the one way every reader of the engine does:
 * only when it is inside the workspace folder `root`, also once symbolic
 * links are resolved (see {@link outsideWorkspace}); only a regular file; at
 * most {@link maxFileBytes}. Never throws.
 *
 * @param ruleId the rule of the finding when the file cannot be read for
 *   another reason (it is missing, say): `unreadable-file` for minutes,
 *   `register-not-found` for registers.
 */
export async function readWorkspaceFile(fs: FileSystem, path: string, root: string, ruleId = 'unreadable-file'): Promise<ReadResult> {
  const outside = await outsideWorkspace(fs, path, root)
  if (outside) return { ok: false, finding: outside }
  return readRegularFile(fs, path, ruleId)
}

/**
 * Read a regular file of at most {@link maxFileBytes} (wherever it is: the
 * config itself says where the workspace is). Never throws.
 */
export async function readRegularFile(fs: FileSystem, path: string, ruleId = 'unreadable-file'): Promise<ReadResult> {
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(path, { maxBytes: maxFileBytes })
  } catch (error) {
    return { ok: false, finding: isReadRefused(error) ? refused(path, error.kind, error.size) : unreadable(path, error, ruleId) }
  }
  // A file system without its own limit (files in memory) is held to the same one.
  if (bytes.length > maxFileBytes) return { ok: false, finding: refused(path, 'file', bytes.length) }
  return { ok: true, bytes }
}

/**
 * The finding for a path outside the workspace folder `root`, by its letters
 * (`../notes/a.md`, `/etc/os-release`) or once symbolic links are resolved
 * (`minutes/x.md -> /dev/zero`); `undefined` when it is inside. Such a file is
 * never read, so nothing of it can show in a message.
 */
export async function outsideWorkspace(fs: FileSystem, path: string, root: string): Promise<Finding | undefined> {
  if (!isInside(root, path)) return outside(path, root, false)
  if (!fs.realPath) return undefined
  let real: string
  try {
    real = await fs.realPath(path)
  } catch {
    // Nothing there (or a broken link): reading it says so.
    return undefined
  }
  if (real === path) return undefined
  let realRoot = root
  try {
    realRoot = await fs.realPath(root)
  } catch {
    // The folder itself is gone: compare with its name.
  }
  return isInside(realRoot, real) ? undefined : outside(path, root, true)
}

function outside(file: string, root: string, link: boolean): Finding {
  return {
    ...at(file),
    severity: 'error',
    ruleId: 'outside-workspace',
    message: `Unexpected ${link ? 'symbolic link to a file' : 'file'} outside the workspace folder ${root}, expected a file inside it (not read)`
  }
}

function isReadRefused(error: unknown): error is { kind: FileKind; size?: number } {
  return (error as { code?: unknown } | null)?.code === 'ERR_READ_REFUSED'
}

/** The finding for a file refused for what it is (not a regular file) or its size. */
function refused(file: string, kind: FileKind, size: number | undefined): Finding {
  const message =
    kind !== 'file'
      ? `Unexpected ${kindName(kind)}, expected a regular file (not read)`
      : `Unexpected file larger than ${mebibytes(maxFileBytes)}${size === undefined ? '' : ` (${mebibytes(size)})`}, expected a smaller file (not read)`
  return { ...at(file), severity: 'error', ruleId: 'unreadable-file', message }
}

/** A finding for a file that could not be read. */
export function unreadable(file: string, error: unknown, ruleId: string): Finding {
  return { ...at(file), severity: 'error', ruleId, message: `Cannot read ${file}: ${errorReason(error)}` }
}

/** A file system error in a few words, for a one-line message (never a stack). */
export function errorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file'
    case 'EISDIR':
      return 'it is a folder'
    case 'ENOTDIR':
      return 'a folder on its path is a file'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ELOOP':
      return 'too many symbolic links (a loop?)'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'EDQUOT':
      return 'disk quota exceeded'
    case 'EROFS':
      return 'the file system is read-only'
    case 'EBUSY':
      return 'the file is busy'
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files'
    case 'EIO':
      return 'input/output error'
  }
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? message
}

function at(file: string): Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 }
}
