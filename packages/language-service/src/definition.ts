import type { Location } from 'vscode-languageserver-types'
import type { RegisterEntry } from './last-good.js'
import { narrow, sourceRange, targetsAt } from './targets.js'
import type { PlacedDocument } from './workspace-index.js'

/** Where a recommendation is written in its register (the id's characters), if it is. */
export function entryLocation(register: RegisterEntry, id: string, uriOf: (path: string) => string): Location | undefined {
  const entry = register.locations.recommendations.find((candidate) => candidate.id === id)
  return entry ? { uri: uriOf(register.path), range: sourceRange(entry.idRange) } : undefined
}

/**
 * Go to definition: from a reference in minutes (or a `supersededBy` value in a
 * register) to the recommendation's entry in its register, YAML or JSON. On a
 * range, the member under the cursor, or every member.
 */
export function getDefinition(placed: PlacedDocument, offset: number, uriOf: (path: string) => string): Location[] {
  const targets = narrow(targetsAt(placed, offset), offset)
  const locations: Location[] = []
  for (const target of targets) {
    const location = target.register ? entryLocation(target.register, target.id, uriOf) : undefined
    if (location) locations.push(location)
  }
  return locations
}
