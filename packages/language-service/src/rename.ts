import type { FoundReference } from '@followthrough/remark-recommendations'
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types'
import type { FolderIndex } from './folder-index.js'
import type { RegisterEntry } from './last-good.js'
import type { CancellationToken } from './interfaces.js'
import { mentionsOf } from './references.js'
import { rewriteReference } from './rewrite.js'
import { narrow, sourceRange, targetsAt, type Target } from './targets.js'
import type { PlacedDocument } from './workspace-index.js'

/**
 * The answer to a prepare-rename request: the `{ range, placeholder }` form of
 * LSP's `PrepareRenameResult` (which `vscode-languageserver-types` does not name).
 */
export interface PrepareRename {
  /** The characters a rename replaces (the id, or the number of `Recommendation 12`). */
  range: Range
  /** The id to offer for editing, such as `R12`. */
  placeholder: string
}

/** Why a rename cannot be done, worded for the person renaming. */
export class RenameError extends Error {
  override readonly name = 'RenameError'
}

/**
 * The one recommendation under the cursor that a rename would renumber, with
 * its register and that register's id.
 */
function renameTarget(placed: PlacedDocument, offset: number): { target: Target; register: RegisterEntry; registerId: string } | undefined {
  const targets = narrow(targetsAt(placed, offset), offset)
  if (targets.length > 1) throw new RenameError('Put the cursor on one end of the range to rename that recommendation')
  const target = targets[0]
  if (!target) return undefined
  const register = target.register
  if (!register?.register) throw new RenameError(`${target.id} does not resolve to a register, so there is nothing to rename`)
  const registerId = register.register.inquiry.id
  if (!register.locations.recommendations.some((entry) => entry.id === target.id)) {
    throw new RenameError(`${target.id} is not in ${registerId}: only a recommendation of the register can be renamed`)
  }
  if (register.stale) throw new RenameError(`${registerId} has errors: fix the register before renaming`)
  return { target, register, registerId }
}

/** References sharing a span, grouped, each group with the mention's path. */
function groups(folder: FolderIndex, target: Target, token?: CancellationToken): Array<{ path: string; reference: FoundReference; members: FoundReference[] }> | undefined {
  const mentions = mentionsOf(folder, target.id, target.register, target.registerId, token)
  if (!mentions) return undefined
  return mentions.map(({ path, reference }) => {
    const all = folder.minutes.get(path)?.analysis.data.references ?? folder.others.get(path)?.analysis.data.references ?? []
    const members = all.filter((other) => other.position.start.offset === reference.position.start.offset && other.position.end.offset === reference.position.end.offset)
    return { path, reference, members }
  })
}

/**
 * Check that the recommendation under the cursor can be renamed, everywhere:
 * it is in its register, and no mention of it sits inside a range. Returns the
 * characters to edit (the id, or the number of `Recommendation 12`) and the id.
 *
 * @throws RenameError when it cannot be renamed, with the reason.
 */
export function prepareRename(placed: PlacedDocument, offset: number, prefix: string, token?: CancellationToken): PrepareRename | undefined {
  const target = renameTarget(placed, offset)?.target
  if (!target) return undefined
  const all = groups(placed.folder, target, token)
  if (!all) return undefined
  let range = target.range
  for (const group of all) {
    const rewrite = rewriteReference(group.reference, group.members, target.id, prefix)
    if ('error' in rewrite) throw new RenameError(`${rewrite.error} (in ${group.path})`)
    if (group.path === placed.path && target.references?.includes(group.reference)) range = rewrite.range
  }
  return { range, placeholder: target.id }
}

/**
 * Rename (renumber) a recommendation across the workspace: its id in the
 * register, `supersededBy` values naming it, and every reference in every
 * minutes file, open or not, written as it was (`Recommendation 12` keeps its
 * keyword; `iitcse:R12` its qualifier; a range's end changes in place).
 *
 * @param newName the new id (`R13`), or just its number (`13`).
 * @throws RenameError when the new id is not an id, already exists, or a
 *   mention cannot be rewritten.
 */
export function rename(
  placed: PlacedDocument,
  offset: number,
  newName: string,
  prefix: string,
  uriOf: (path: string) => string,
  token?: CancellationToken
): WorkspaceEdit | undefined {
  const renamed = renameTarget(placed, offset)
  if (!renamed) return undefined
  const { target, register, registerId } = renamed
  const name = newName.trim()
  // The id keeps its kind: `AFI2` renames to another AFI id, `R4.2` to another R id (dotted or not).
  const own = /^([A-Za-z]+)\d/.exec(target.id)?.[1] ?? prefix
  const newId = /^\d+(?:\.\d+)*[a-z]?$/.test(name) ? `${own}${name}` : name
  const escaped = own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  if (!new RegExp(`^${escaped}\\d+(?:\\.\\d+)*[a-z]?$`).test(newId)) {
    throw new RenameError(`Unexpected ${JSON.stringify(name)}, expected an id such as ${own}12 or ${own}12a`)
  }
  if (newId === target.id) return { changes: {} }
  if (register.locations.recommendations.some((entry) => entry.id === newId)) {
    throw new RenameError(`${newId} already exists in ${registerId}: choose an id the register does not have`)
  }
  const changes: Record<string, TextEdit[]> = {}
  const add = (path: string, edit: TextEdit) => {
    const uri = uriOf(path)
    ;(changes[uri] ??= []).push(edit)
  }
  for (const entry of register.locations.recommendations) {
    if (entry.id === target.id) add(register.path, { range: sourceRange(entry.idRange), newText: newId })
    if (entry.supersededBy?.id === target.id) add(register.path, { range: sourceRange(entry.supersededBy.range), newText: newId })
  }
  const all = groups(placed.folder, target, token)
  if (!all) return undefined
  const seen = new Set<string>()
  for (const group of all) {
    const rewrite = rewriteReference(group.reference, group.members, newId, prefix)
    if ('error' in rewrite) throw new RenameError(`${rewrite.error} (in ${group.path})`)
    const key = `${group.path}#${rewrite.range.start.line}:${rewrite.range.start.character}`
    if (seen.has(key)) continue
    seen.add(key)
    add(group.path, rewrite)
  }
  return { changes }
}
