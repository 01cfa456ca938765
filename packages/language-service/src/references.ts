import { compareStrings } from '@followthrough/core'
import type { FoundReference } from '@followthrough/remark-recommendations'
import type { Location } from 'vscode-languageserver-types'
import { entryLocation } from './definition.js'
import type { FolderIndex } from './folder-index.js'
import type { CancellationToken } from './interfaces.js'
import type { RegisterEntry } from './last-good.js'
import { narrow, sourceRange, targetsAt, type Target } from './targets.js'
import { spanRange } from './text.js'
import type { PlacedDocument } from './workspace-index.js'

/** A reference in a minutes file of the folder, with the file's path. */
export interface Mention {
  path: string
  reference: FoundReference
}

/**
 * Every reference in the folder's Markdown (indexed minutes, and other open
 * Markdown files) to one recommendation of one register. Unqualified
 * references count when they resolve to the register (the minutes' front
 * matter, or the only register).
 */
export function mentionsOf(folder: FolderIndex, id: string, register: RegisterEntry | undefined, registerId: string | undefined, token?: CancellationToken): Mention[] | undefined {
  const mentions: Mention[] = []
  const wanted = register?.register?.inquiry.id ?? registerId
  const sources: Array<[string, readonly FoundReference[]]> = [...folder.minutes.values()].map((entry) => [entry.path, entry.analysis.data.references])
  for (const [path, document] of folder.others) sources.push([path, document.analysis.data.references])
  sources.sort((a, b) => compareStrings(a[0], b[0]))
  for (const [path, references] of sources) {
    if (token?.isCancellationRequested) return undefined
    for (const reference of references) {
      if (reference.id !== id) continue
      const resolved = reference.register ?? folder.registerFor(undefined)?.register?.inquiry.id
      if (resolved === wanted) mentions.push({ path, reference })
    }
  }
  return mentions
}

/**
 * Find all references: from a reference in minutes, or an id in a register, to
 * every mention of that recommendation in the workspace (files not open
 * included); `includeDeclaration` adds the register entry. `supersededBy`
 * values naming it in the register count as mentions.
 */
export function getReferences(placed: PlacedDocument, offset: number, includeDeclaration: boolean, uriOf: (path: string) => string, token?: CancellationToken): Location[] {
  const targets = narrow(targetsAt(placed, offset), offset)
  const locations: Location[] = []
  const seen = new Set<string>()
  const add = (location: Location) => {
    const key = `${location.uri}#${location.range.start.line}:${location.range.start.character}`
    if (seen.has(key)) return
    seen.add(key)
    locations.push(location)
  }
  for (const target of targets) {
    if (includeDeclaration && target.register) {
      const declaration = entryLocation(target.register, target.id, uriOf)
      if (declaration) add(declaration)
    }
    for (const location of registerMentions(target, uriOf)) add(location)
    const mentions = mentionsOf(placed.folder, target.id, target.register, target.registerId, token)
    if (!mentions) return []
    for (const mention of mentions) add({ uri: uriOf(mention.path), range: spanRange(mention.reference.position) })
  }
  return locations
}

/** `supersededBy` values in the register that name the target. */
function registerMentions(target: Target, uriOf: (path: string) => string): Location[] {
  const register = target.register
  if (!register) return []
  return register.locations.recommendations.flatMap((entry) =>
    entry.supersededBy?.id === target.id ? [{ uri: uriOf(register.path), range: sourceRange(entry.supersededBy.range) }] : []
  )
}
