import type { Nodes } from 'mdast'
import { plainText } from './plain-text.js'

/**
 * The `Evidence` cell of a status table (MISSION: evidence and assurance):
 * items separated by `;`, Markdown links becoming `href`s. One item with one
 * link is titled by the item's words ("[Audit report](…) (May 2024)" is
 * "Audit report (May 2024)"); an item holding several links gives one entry
 * per link, titled by its text.
 */

/** One piece of evidence read from a cell: core's `Evidence` without a date. */
export interface CellEvidence {
  title: string
  href?: string
}

interface Item {
  text: string
  links: CellEvidence[]
}

// A script or data URL is never evidence anyone can read; its words are kept as the title.
const unsafeScheme = /^\s*(?:javascript|vbscript|data):/i

/** Read an `Evidence` cell's children into entries, in the order written. Empty items are skipped. */
export function readEvidence(children: readonly Nodes[]): CellEvidence[] {
  const items: Item[] = [{ text: '', links: [] }]
  const current = (): Item => items[items.length - 1] as Item
  // A loop with its own stack, not recursion, as in `plainText`.
  const stack: Nodes[] = [...children].reverse()
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'link') {
      const title = plainText(node).replace(/\s+/g, ' ').trim()
      const entry: CellEvidence = { title: title.length > 0 ? title : node.url }
      if (node.url.length > 0 && !unsafeScheme.test(node.url)) entry.href = node.url
      current().links.push(entry)
      current().text += title
    } else if (node.type === 'text' || node.type === 'inlineCode') {
      const parts = node.value.split(';')
      parts.forEach((part, index) => {
        if (index > 0) items.push({ text: '', links: [] })
        current().text += part
      })
    } else if (node.type === 'break') {
      current().text += ' '
    } else {
      const inner = (node as { children?: unknown }).children
      if (Array.isArray(inner)) for (let index = inner.length - 1; index >= 0; index--) stack.push(inner[index] as Nodes)
    }
  }
  const evidence: CellEvidence[] = []
  for (const item of items) {
    const text = item.text.replace(/\s+/g, ' ').trim()
    const [only] = item.links
    if (item.links.length > 1) evidence.push(...item.links)
    else if (only !== undefined) evidence.push({ ...only, title: text.length > 0 ? text : only.title })
    else if (text.length > 0) evidence.push({ title: text })
  }
  return evidence
}
