import type { Nodes } from 'mdast'

/**
 * The words of a node as a reader sees them: text and inline code values, link
 * and emphasis text; no HTML, no URLs. Used for table headers, status cells,
 * notes and actions (not for references, which use the flattened text of `flatten.ts`).
 */
export function plainText(node: Nodes): string {
  // A loop with its own stack, not recursion: any depth of nesting is read.
  let text = ''
  const stack: Nodes[] = [node]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    switch (next.type) {
      case 'text':
      case 'inlineCode':
        text += next.value
        break
      case 'break':
        text += ' '
        break
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
      case 'yaml':
      case 'code':
      case 'definition':
        break
      default: {
        const children = (next as { children?: unknown }).children
        if (Array.isArray(children)) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Nodes)
      }
    }
  }
  return text
}
