import { Composer, LineCounter, Parser, YAMLParseError, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml'

/**
 * How deep collections may nest in a register, a config or front matter. Real
 * files nest five levels at most; the limit is far above that and far below
 * what the yaml package's recursive composer survives (it overflows the stack
 * near 800 levels, and 10,000 closed `[` brackets exhaust the heap).
 */
export const MAX_NESTING = 100

/** The outcome of {@link parseYamlDocument}. */
export type YamlDocumentResult =
  | { ok: true; document: Document.Parsed }
  /** Collections nest deeper than {@link MAX_NESTING}: `offset` is where the first too-deep one starts. */
  | { ok: false; tooDeep: { offset: number } }

/**
 * `parseDocument` from the yaml package, with a guard in front: the text is
 * tokenised (the yaml lexer and parser are iterative), the depth of its
 * collections measured without recursion, and only text within the limit is
 * composed into a document (the composer recurses once per level).
 */
export function parseYamlDocument(text: string, options: { lineCounter: LineCounter } & ParseOptions & DocumentOptions & SchemaOptions): YamlDocumentResult {
  const tokens = [...new Parser(options.lineCounter.addNewLine).parse(text)]
  const offset = firstTooDeep(tokens)
  if (offset !== undefined) return { ok: false, tooDeep: { offset } }
  const composer = new Composer(options)
  let document: Document.Parsed | undefined
  for (const composed of composer.compose(tokens, true, text.length)) {
    if (document === undefined) {
      document = composed
    } else {
      // As parseDocument does: one document per file, later ones are an error.
      document.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'))
      break
    }
  }
  // compose(…, forceDoc = true) always yields at least one document.
  if (document === undefined) throw new Error('Unexpected YAML composer output: no document, expected one (forceDoc)')
  return { ok: true, document }
}

/** The offset of the first collection nested deeper than the limit, walking the tokens without recursion. */
function firstTooDeep(tokens: CST.Token[]): number | undefined {
  const stack: Array<[CST.Token, number]> = tokens.map((token) => [token, 0])
  stack.reverse()
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, depth] = next
    const children: Array<CST.Token | null | undefined> = []
    let level = depth
    switch (token.type) {
      case 'document':
        children.push(token.value)
        break
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        level = depth + 1
        if (level > MAX_NESTING) return start(token)
        for (const item of token.items) children.push(item.key, item.value)
        break
      default:
        break
    }
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]
      if (child) stack.push([child, level])
    }
  }
  return undefined
}

/** Where a collection is written: its `[`, `{` or first `-`, else its first key. */
function start(token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection): number {
  if (token.type === 'flow-collection') return token.start.offset
  const indicator = token.items[0]?.start.find((source) => source.type === 'seq-item-ind' || source.type === 'explicit-key-ind')
  return indicator?.offset ?? token.offset
}
