import { normalizePath } from '@followthrough/engine'
import { isAbsolute } from 'pathe'
import { URI } from 'vscode-uri'

/**
 * The one place where editor URIs and engine paths meet. Editors speak
 * `file:` URIs, percent-encoded, VS Code writing a Windows drive as
 * `file:///c%3A/…`; the engine speaks pathe's paths (`/w/a.md`, `C:/w/a.md`).
 * `vscode-uri` reads and writes the URIs exactly as VS Code does, the engine's
 * `normalizePath` (pathe) gives every spelling of a path one form, so a path
 * made from a URI and a URI made from that path compare equal after
 * {@link normalizeUri}.
 */

/** A Windows drive path (`C:\w`, `c:/w`), which is no URI though it looks like one with the scheme `c`. */
const drivePath = /^[A-Za-z]:([\\/]|$)/
const scheme = /^[A-Za-z][\w+.-]*:/

/**
 * The path of a `file:` URI (`file:///w/a%20b.md` → `/w/a b.md`,
 * `file:///c%3A/w/a.md` → `C:/w/a.md`); a path (`C:\w\a.md`) in the engine's
 * spelling; any other URI (`untitled:Untitled-1`) as it is.
 */
export function uriToPath(uri: string): string {
  if (drivePath.test(uri) || !scheme.test(uri)) return normalizePath(uri)
  if (!/^file:/i.test(uri)) return uri
  // `fsPath` has backslashes on Windows and keeps a UNC share's host (`//server/share`).
  return normalizePath(URI.parse(uri).fsPath)
}

/** The `file:` URI of an absolute path, encoded as VS Code encodes it (`C:/w/a b.md` → `file:///c%3A/w/a%20b.md`). */
export function pathToUri(path: string): string {
  return URI.file(normalizePath(path)).toString()
}

/** A URI in one spelling, so two spellings of the same file compare equal. */
export function normalizeUri(uri: string): string {
  return /^file:/i.test(uri) ? pathToUri(uriToPath(uri)) : uri
}

/** Whether a path from {@link uriToPath} names a file (it does for `file:` URIs and absolute paths, not for `untitled:`). */
export function isFilePath(path: string): boolean {
  return isAbsolute(path)
}
