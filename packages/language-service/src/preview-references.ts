import { statusLabels } from '@followthrough/core'
import { dirname, relativePath } from '@followthrough/engine'
import type { PreviewReference } from './custom-protocol.js'
import type { ITextDocument } from './interfaces.js'
import { registerOf } from './targets.js'
import { spanRange } from './text.js'
import { registerState, type LoadedRegister, type RegisterState } from './views.js'
import type { PlacedDocument } from './workspace-index.js'

/**
 * What a Markdown preview needs to show the references of minutes as links
 * (`followthrough/previewReferences`): for each span that names
 * recommendations a register has, where it is and what it says, the link to
 * the register entry relative to the minutes (`../recommendations.yaml#L42`,
 * as a person would write it, so a preview opens it as it opens any relative
 * link), a tooltip with each id and title, and a badge per status as of
 * `today` (the statuses the views show). A range's members share one span: it
 * links to its first member. References no register has are left as text.
 */
export function getPreviewReferences(placed: PlacedDocument, document: ITextDocument, today: string): PreviewReference[] {
  const references = placed.minutes?.analysis.data.references ?? []
  const text = document.getText()
  const states = new Map<LoadedRegister, RegisterState | undefined>()
  const stateOf = (entry: LoadedRegister) => {
    if (!states.has(entry)) states.set(entry, registerState(placed.folder, entry, today))
    return states.get(entry)
  }
  const spans = new Map<number, PreviewReference>()
  for (const reference of references) {
    const register = registerOf(placed.folder, reference)
    if (!register?.register) continue
    const entry = register.locations.recommendations.find((candidate) => candidate.id === reference.id)
    const facts = stateOf(register as LoadedRegister)?.facts.get(reference.id)
    if (!entry || !facts) continue
    const start = reference.position.start.offset
    let span = spans.get(start)
    if (!span) {
      const href = `${relativePath(dirname(placed.path), register.path).split('/').map(encodeURIComponent).join('/')}#L${entry.idRange.line}`
      span = { range: spanRange(reference.position), text: text.slice(start, reference.position.end.offset), href, ids: [], title: '', badges: [] }
      spans.set(start, span)
    }
    if (span.ids.includes(reference.id)) continue
    span.ids.push(reference.id)
    span.title = span.title === '' ? `${facts.id}: ${facts.title}` : `${span.title}\n${facts.id}: ${facts.title}`
    if (!span.badges.some((badge) => badge.status === facts.status)) span.badges.push({ status: facts.status, label: statusLabels[facts.status] })
  }
  return [...spans.values()]
}
