import type { DocumentLink } from 'vscode-languageserver-types'
import type { CancellationToken } from './interfaces.js'
import { registerOf } from './targets.js'
import { spanRange } from './text.js'
import type { PlacedDocument } from './workspace-index.js'

/**
 * A link on every reference to a recommendation its register has, to the
 * register file at the entry's line (`file:///w/recommendations.yaml#L42`, the
 * fragment editors read as a line). A range's members share one span: it links
 * to its first member.
 */
export function getDocumentLinks(placed: PlacedDocument, uriOf: (path: string) => string, token?: CancellationToken): DocumentLink[] {
  const references = placed.minutes?.analysis.data.references ?? []
  const links: DocumentLink[] = []
  const seen = new Set<number>()
  for (const reference of references) {
    if (token?.isCancellationRequested) return []
    if (seen.has(reference.position.start.offset)) continue
    const register = registerOf(placed.folder, reference)
    const entry = register?.locations.recommendations.find((candidate) => candidate.id === reference.id)
    const recommendation = register?.register?.recommendations.find((candidate) => candidate.id === reference.id)
    if (!register || !entry) continue
    seen.add(reference.position.start.offset)
    const link: DocumentLink = { range: spanRange(reference.position), target: `${uriOf(register.path)}#L${entry.idRange.line}` }
    if (recommendation) link.tooltip = `${reference.id}: ${recommendation.title}`
    links.push(link)
  }
  return links
}
