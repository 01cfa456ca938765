import { decodeFile } from './decode-text.js'
import { contentDigest } from './digest.js'
import type { WritableFileSystem } from './file-system.js'
import { readWorkspaceFile } from './read-file.js'
import { applyFixes, type Fix } from './reference-style.js'
import { WriteError, writeFileAtomically } from './write-file.js'

/**
 * What became of a file's fixes. `skipped`: the file was left as it is on
 * purpose (it changed since it was checked, it is read-only, a hard link,
 * outside the workspace); `failed`: writing it failed (a full disk, an
 * immutable file). Either way the file is as it was.
 */
export type FixOutcome =
  { status: 'fixed'; applied: number; written: string } | { status: 'unchanged' } | { status: 'skipped'; reason: string } | { status: 'failed'; reason: string }

/**
 * Apply a file's fixes (from its findings) to the file, when its bytes are
 * still those the findings were computed from (`digest`, from the analysis):
 * offsets are those of the decoded text (after any byte order mark, which is
 * kept), and the file is written with `writeFileAtomically`, never outside
 * `root`. Never throws.
 */
export async function fixFile(fs: WritableFileSystem, path: string, fixes: readonly Fix[], options: { digest: string | undefined; root: string }): Promise<FixOutcome> {
  const read = await readWorkspaceFile(fs, path, options.root)
  if (!read.ok) return { status: 'skipped', reason: read.finding.message }
  const digest = contentDigest(read.bytes)
  if (options.digest === undefined || digest !== options.digest) return { status: 'skipped', reason: 'it changed since it was checked' }
  const decoded = decodeFile(read.bytes, path)
  if (!decoded.ok) return { status: 'skipped', reason: decoded.finding.message }
  const after = applyFixes(decoded.text, fixes)
  if (after.applied === 0 || after.text === decoded.text) return { status: 'unchanged' }
  const body = new TextEncoder().encode(after.text)
  const bytes = decoded.bom ? concat(new Uint8Array([0xef, 0xbb, 0xbf]), body) : body
  try {
    const written = await writeFileAtomically(fs, path, bytes, { within: options.root, unchanged: digest })
    return { status: 'fixed', applied: after.applied, written }
  } catch (error) {
    if (error instanceof WriteError) return { status: error.kind === 'failed' ? 'failed' : 'skipped', reason: error.reason }
    return { status: 'failed', reason: String(error) }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a, 0)
  joined.set(b, a.length)
  return joined
}
