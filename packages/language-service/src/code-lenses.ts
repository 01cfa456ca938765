import { FollowthroughCommand, type DiscussionsParams } from './custom-protocol.js'
import type { CodeLens, Position } from 'vscode-languageserver-types'
import { lensTitle, registerState, type LoadedRegister } from './views.js'
import type { PlacedDocument } from './workspace-index.js'

/**
 * A code lens over each entry of a register: its status today and since when,
 * its due date (overdue marked), and how often and when the minutes last
 * discussed it. Entries are placed from the document's current text, so
 * lenses stay on their entries while the register is edited; the figures are
 * those of the register the minutes are checked against (its last valid
 * version while it has errors). Each runs `followthrough/showDiscussions`.
 */
export function getCodeLenses(placed: PlacedDocument, positionAt: (offset: number) => Position, today: string): CodeLens[] {
  if (placed.kind !== 'register') return []
  const entry = placed.folder.registerAt(placed.path)
  if (!entry?.register) return []
  const state = registerState(placed.folder, entry as LoadedRegister, today)
  if (!state) return []
  const lenses: CodeLens[] = []
  for (const location of entry.locations.recommendations) {
    const title = lensTitle(state, location.id)
    if (title === undefined) continue
    const start = positionAt(location.entryRange.start)
    const argument: DiscussionsParams = { register: placed.uri, id: location.id }
    lenses.push({ range: { start, end: start }, command: { title, command: FollowthroughCommand.showDiscussions, arguments: [argument] } })
  }
  return lenses
}
