import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node as YamlNode } from 'yaml'
import type * as z from 'zod'
import { nearest } from './nearest.js'
import type { ParseResult, Problem } from './problem.js'
import { describe } from './schemas/primitives.js'
import { MAX_NESTING, parseYamlDocument } from './yaml-document.js'

/** The syntax of a file to parse. */
export type Format = 'yaml' | 'json'

/** Options for the `parse*` functions. */
export interface ParseOptions {
  /** The file, copied onto every problem and used to guess the format. */
  path?: string
  /** `yaml` or `json`; by default from the path's extension, else `yaml`. */
  format?: Format
  /**
   * Where the text starts in a larger file (front matter inside Markdown), so
   * that problems point into that file. Lines are 1-based, the offset 0-based;
   * the text is taken to start at column 1.
   */
  origin?: { line: number; offset: number }
  /** The rule id given to schema problems, such as `invalid-register`. */
  ruleId?: string
}

/** Guess a file's format from its name: `.json` is JSON, anything else YAML. */
export function formatFromPath(path: string | undefined): Format {
  return path !== undefined && /\.json$/i.test(path) ? 'json' : 'yaml'
}

/**
 * Parse YAML or JSON text and validate it against a zod schema, never throwing:
 * syntax errors (duplicate keys included) and schema issues come back as
 * problems that point at the exact node in the source.
 */
export function parseWithSchema<S extends z.ZodType>(text: string, schema: S, options: ParseOptions = {}): ParseResult<z.output<S>> {
  const format = options.format ?? formatFromPath(options.path)
  const lineCounter = new LineCounter()
  const located = new Locator(text, lineCounter, options)
  let document: Document.Parsed
  try {
    const parsed = parseYamlDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false })
    if (!parsed.ok) {
      const { offset } = parsed.tooDeep
      const message = `Unexpected nesting deeper than ${MAX_NESTING} levels, expected at most ${MAX_NESTING}`
      return { ok: false, problems: [located.problem(offset, offset + 1, message, `${format}-syntax`)] }
    }
    document = parsed.document
  } catch (error) {
    // The yaml package reports problems through `errors`; this only guards against the unforeseen.
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, problems: [located.problem(0, text.length, message.split('\n')[0] ?? message, `${format}-syntax`)] }
  }

  const problems: Problem[] = []
  for (const error of document.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      // yaml marks one character of a duplicate key; underline the whole key, name it and its first line.
      const end = Math.max(error.pos[1], error.pos[0] + keyLength(text, error.pos[0]))
      problems.push(located.problem(error.pos[0], end, duplicateKeyMessage(document, error.pos[0], located), 'duplicate-key'))
    } else {
      // A second document spans the rest of the file: underline its first line.
      const end = error.code === 'MULTIPLE_DOCS' ? Math.max(error.pos[0] + 1, located.endOfLine(error.pos[0])) : error.pos[1]
      problems.push(located.problem(error.pos[0], end, cleanYamlMessage(error.message, error.code), `${format}-syntax`))
    }
  }
  if (problems.length > 0) return { ok: false, problems }
  for (const warning of document.warnings) {
    problems.push(located.problem(warning.pos[0], warning.pos[1], cleanYamlMessage(warning.message, warning.code), `${format}-syntax`, 'warning'))
  }

  let data: unknown
  try {
    data = document.toJS({ maxAliasCount: 100 })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, problems: [...problems, located.problem(0, text.length, message, `${format}-syntax`)] }
  }

  const result = schema.safeParse(data)
  if (result.success) return { ok: true, value: result.data, problems }

  const ruleId = options.ruleId ?? 'invalid-value'
  for (const issue of result.error.issues) {
    problems.push(...issueProblems(issue, document, schema, located, ruleId))
  }
  problems.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
  return { ok: false, problems }
}

/** The length of the mapping key written at `offset` (quoted or plain). */
function keyLength(text: string, offset: number): number {
  const match = /^(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n\r]*?(?=\s*:))/.exec(text.slice(offset, offset + 1024))
  return match?.[0].length ?? 0
}

/** Strip the yaml package's position suffix and source excerpt from a message. */
function cleanYamlMessage(message: string, code: string): string {
  if (code === 'MULTIPLE_DOCS') return 'Unexpected second document, expected one document per file'
  const first = message.split('\n')[0] ?? message
  const bare = first.replace(/ at line \d+, column \d+:?$/, '').trim()
  return bare.length > 0 ? bare : message
}

/**
 * "Unexpected duplicate key "name", …, (first on line 7)": the yaml package keeps
 * both pairs in the mapping, so find the one whose key starts at `offset` and the
 * first earlier key equal to it.
 */
function duplicateKeyMessage(document: Document.Parsed, offset: number, located: Locator): string {
  const generic = 'Unexpected duplicate key, expected each key once in a mapping'
  // Nesting is bounded by MAX_NESTING, so the walk is short; a stack keeps it iterative anyway.
  const stack: unknown[] = [document.contents]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!isCollection(node)) continue
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push(item.key, item.value)
        continue
      }
      stack.push(item)
    }
    if (!isMap(node)) continue
    const index = node.items.findIndex((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset)
    const duplicate = node.items[index]?.key
    if (!isScalar(duplicate)) continue
    const first = node.items.slice(0, index).find((pair) => isScalar(pair.key) && pair.key.value === duplicate.value)?.key
    const name = JSON.stringify(String(duplicate.value))
    if (!isScalar(first) || !first.range) return `Unexpected duplicate key ${name}, expected each key once in a mapping`
    return `Unexpected duplicate key ${name}, expected each key once in a mapping (first on line ${located.line(first.range[0])})`
  }
  return generic
}

/** Turns offsets into problems with lines and columns, shifted by the origin. */
class Locator {
  constructor(
    private readonly text: string,
    private readonly lines: LineCounter,
    private readonly options: ParseOptions
  ) {}

  problem(start: number, end: number, message: string, ruleId: string, severity: Problem['severity'] = 'error'): Problem {
    const from = Math.max(0, Math.min(start, this.text.length))
    const to = Math.max(from, Math.min(end, this.text.length))
    const a = this.lines.linePos(from)
    const b = this.lines.linePos(to)
    const lineShift = (this.options.origin?.line ?? 1) - 1
    const offsetShift = this.options.origin?.offset ?? 0
    const problem: Problem = {
      message,
      ruleId,
      severity,
      line: a.line + lineShift,
      column: a.col,
      endLine: b.line + lineShift,
      endColumn: b.col,
      offset: from + offsetShift,
      endOffset: to + offsetShift
    }
    if (this.options.path !== undefined) problem.path = this.options.path
    return problem
  }

  /** The line of `offset` in the file (the origin applied). */
  line(offset: number): number {
    return this.lines.linePos(offset).line + (this.options.origin?.line ?? 1) - 1
  }

  /** The end of the line that holds `offset` (for one-line spans of big nodes). */
  endOfLine(offset: number): number {
    const newline = this.text.indexOf('\n', offset)
    const end = newline === -1 ? this.text.length : newline
    return this.text[end - 1] === '\r' ? end - 1 : end
  }
}

type Issue = z.core.$ZodIssue

/** Find what a zod issue path points at in a YAML document. */
function locate(document: Document.Parsed, path: ReadonlyArray<PropertyKey>) {
  let node: unknown = document.contents
  let keyNode: YamlNode | undefined
  let found = 0
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment))
      if (!pair) break
      keyNode = isScalar(pair.key) ? pair.key : undefined
      node = pair.value
    } else if (isSeq(node)) {
      const item = typeof segment === 'number' ? node.items[segment] : undefined
      if (item === undefined) break
      keyNode = undefined
      node = item
    } else {
      break
    }
    found++
  }
  const complete = found === path.length
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range
  return { node, keyNode, complete, range }
}

/** Convert one zod issue into positioned problems with a message that names the value. */
function issueProblems(issue: Issue, document: Document.Parsed, schema: z.ZodType, located: Locator, ruleId: string): Problem[] {
  const where = locate(document, issue.path)
  const start = where.range?.[0] ?? 0
  const end = where.range?.[1] ?? 0

  if (issue.code === 'unrecognized_keys' && isMap(where.node)) {
    const allowed = objectKeysAt(schema, issue.path)
    return issue.keys.map((key) => {
      const pair = (where.node as { items: unknown[] }).items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key)
      const keyRange = isPair(pair) && isScalar(pair.key) ? pair.key.range : undefined
      const suggestion = nearest(key, allowed, { max: 1, maxDistance: 2 })[0]
      const expected = suggestion !== undefined ? `expected ${JSON.stringify(suggestion)}` : allowed.length > 0 ? `expected one of ${allowed.join(', ')}` : 'expected no other keys'
      return located.problem(keyRange?.[0] ?? start, keyRange?.[1] ?? end, `Unexpected key ${JSON.stringify(key)}, ${expected}`, ruleId)
    })
  }

  if (!where.complete) {
    // A required key is missing: point at the first line of the mapping that lacks it.
    const missing = String(issue.path[issue.path.length - 1] ?? '')
    const expected = issue.code === 'invalid_type' ? expectedWords(issue.expected) : 'a value'
    const lineEnd = located.endOfLine(start)
    return [located.problem(start, Math.max(start + 1, lineEnd), `Missing ${JSON.stringify(missing)}, expected ${expected}`, ruleId)]
  }

  let message = issue.message
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    // zod's own wording; schemas with their own message already name the value.
    message = `Unexpected ${describe(plainValue(where.node, document, issue.path))}, expected ${expectedWords(issue.expected)}`
  } else if (issue.code === 'too_small' && issue.origin === 'string') {
    message = 'Unexpected empty text, expected some words'
  }
  // Point at the key too when the whole value is a block (a mapping or list), so the span stays on one line.
  if (!isScalar(where.node) && where.keyNode?.range) {
    return [located.problem(where.keyNode.range[0], where.keyNode.range[1], message, ruleId)]
  }
  if (!isScalar(where.node)) {
    return [located.problem(start, Math.max(start + 1, Math.min(end, located.endOfLine(start))), message, ruleId)]
  }
  return [located.problem(start, end, message, ruleId)]
}

/**
 * A stand-in for the value at a node, enough for `describe` to name its kind:
 * `getIn` returns the yaml package's own node objects for collections, which
 * `describe` would call mappings whatever they are.
 */
function plainValue(node: unknown, document: Document.Parsed, path: ReadonlyArray<PropertyKey>): unknown {
  if (isScalar(node)) return node.value
  if (isSeq(node)) return []
  if (isMap(node)) return {}
  const value: unknown = document.getIn(path)
  if (isSeq(value)) return []
  if (isMap(value)) return {}
  return isScalar(value) ? value.value : value
}

function expectedWords(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text'
    case 'array':
      return 'a list'
    case 'object':
      return 'a mapping'
    case 'number':
      return 'a number'
    case 'boolean':
      return 'true or false'
    default:
      return expected
  }
}

/** The keys an object schema allows at `path`, for "did you mean" suggestions. */
function objectKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: unknown = schema
  const unwrap = () => {
    for (;;) {
      const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def
      if (!def) return
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'readonly') current = def.innerType
      else if (def.type === 'pipe') current = def.in
      else return
    }
  }
  unwrap()
  for (const segment of path) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def
    if (!def) return []
    if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(segment)]
    else if (def.type === 'array') current = def.element
    else if (def.type === 'record') current = def.valueType
    else return []
    unwrap()
  }
  const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def
  return def?.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : []
}
