/**
 * The file system the engine reads through. The CLI passes the disk
 * ({@link ../node.ts}), the language server passes the disk overlaid with the
 * editor's open documents, tests pass {@link MemoryFileSystem}. Paths are
 * absolute and use `/`.
 */
export interface FileSystem {
  /** The bytes of a file; rejects when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>
  /** Whether a file exists. */
  exists(path: string): Promise<boolean>
  /**
   * Files under `cwd` matching any of the globs (relative to `cwd`), as absolute
   * paths, sorted; `node_modules` and dot-folders are never searched.
   */
  glob(patterns: readonly string[], cwd: string): Promise<string[]>
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decode UTF-8 strictly: a file in another encoding is a problem to report,
 * not text to lint with replacement characters. A byte order mark is dropped.
 *
 * @returns the text, or `undefined` when the bytes are not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes)
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  } catch {
    return undefined
  }
}

/** Join path segments with `/`, resolving `.` and `..` (POSIX-style, pure). */
export function joinPath(base: string, ...parts: string[]): string {
  const segments: string[] = []
  for (const part of [base, ...parts]) {
    if (part.startsWith('/')) segments.length = 0
    for (const segment of part.split('/')) {
      if (segment === '' || segment === '.') continue
      if (segment === '..') segments.pop()
      else segments.push(segment)
    }
  }
  return '/' + segments.join('/')
}

/** The folder of a path (`/a/b/c.md` → `/a/b`). */
export function dirname(path: string): string {
  const index = path.lastIndexOf('/')
  return index <= 0 ? '/' : path.slice(0, index)
}

/** `path` relative to `from`, with `/` (for messages and JSON output). */
export function relativePath(from: string, path: string): string {
  // Most paths are inside `from`: a prefix check saves splitting both (output
  // of a large run asks this for every finding).
  const base = from.endsWith('/') ? from : `${from}/`
  if (path.startsWith(base)) return path.slice(base.length) || '.'
  const a = from.split('/').filter(Boolean)
  const b = path.split('/').filter(Boolean)
  let common = 0
  while (common < a.length && common < b.length && a[common] === b[common]) common++
  const up = a.slice(common).map(() => '..')
  return [...up, ...b.slice(common)].join('/') || '.'
}
