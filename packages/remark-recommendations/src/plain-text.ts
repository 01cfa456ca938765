import type { Nodes } from 'mdast'

/**
 * The words of a node as a reader sees them: text and inline code values, link
 * and emphasis text; no HTML, no URLs. Used for table headers, status cells,
 * notes and actions (not for references, which use the flattened text of `flatten.ts`).
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return ' '
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'yaml':
    case 'code':
    case 'definition':
      return ''
    default: {
      const children = (node as { children?: unknown }).children
      if (!Array.isArray(children)) return ''
      let text = ''
      for (const child of children as Nodes[]) text += plainText(child)
      return text
    }
  }
}
