/**
 * A reader for the plain front matter minutes nearly always have — `key: value`
 * lines, `[a, b]` lists and `- item` lists of plain words — that gives up on
 * anything else.
 *
 * Why: a full YAML parse costs more than the rest of reading a minutes file
 * together (measured: about 0.3 ms a file, against a 5% budget of about 0.2 ms
 * over remark's parse). When this reader gives up, or the result does not
 * validate, the plugin falls back to core's `parseMeeting`, which owns every
 * message. So it may refuse anything, but what it accepts it must read exactly
 * as the `yaml` package does (a property test checks that).
 */

type Scalar = string
type Value = Scalar | Scalar[]

const keyLine = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/
const itemLine = /^([ ]*)-[ \t]+(.*?)[ \t]*$/
// YAML 1.2 core schema: these plain scalars are null, booleans or numbers, not strings.
const special =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/
// Controls but LF and CR (`[^\P{Cc}\n\r]`, tab included), separators, BOM and noncharacters; a CR not before LF.
const unusual = /[^\P{Cc}\n\r]|[\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/u
// Characters that start something other than a plain scalar.
const indicator = /^[-?:,[\]{}#&*!|>'"%@`]/

/** A plain scalar in block context, or `undefined` if it is anything more. */
function plain(text: string, flow: boolean): Scalar | undefined {
  if (text.length === 0 || indicator.test(text) || special.test(text)) return undefined
  // A comment, a nested mapping, or (in a flow list) the end of an item.
  if (text.includes(' #') || text.includes('\t#') || text.includes(': ') || text.endsWith(':')) return undefined
  if (flow && /[,[\]{}]/.test(text)) return undefined
  return text
}

/** A quoted scalar without escapes, or a plain one. */
function scalar(text: string, flow: boolean): Scalar | undefined {
  const first = text[0]
  if ((first === '"' || first === "'") && text.length >= 2 && text[text.length - 1] === first) {
    const inner = text.slice(1, -1)
    // Escapes and doubled quotes have rules of their own: leave them to the real parser.
    if (inner.includes(first) || inner.includes('\\')) return undefined
    return inner
  }
  return plain(text, flow)
}

function flowList(text: string): Scalar[] | undefined {
  const inner = text.slice(1, -1).trim()
  if (inner.length === 0) return []
  const items: Scalar[] = []
  for (const part of inner.split(',')) {
    const item = scalar(part.trim(), true)
    if (item === undefined) return undefined
    items.push(item)
  }
  return items
}

/**
 * Read `text` as a flat mapping of scalars and lists of scalars, or return
 * `undefined` when it holds anything else (or anything this reader is not sure of).
 */
export function readSimpleYaml(text: string): Record<string, Value> | undefined {
  // Tabs, lone carriage returns and control characters each have rules of their own.
  if (unusual.test(text)) return undefined
  const lines = text.split(/\r?\n/)
  const result: Record<string, Value> = {}
  let i = 0
  for (let line = lines[i]; line !== undefined; line = lines[i]) {
    i++
    if (line.trim().length === 0 || line.startsWith('#')) continue
    const match = keyLine.exec(line)
    if (match === null) return undefined
    // Group 1 always takes part in a match (its default never applies); group 2 is absent after a bare `key:`.
    const [, key = '', rest = ''] = match
    if (Object.hasOwn(result, key) || key === '__proto__') return undefined
    if (rest.length === 0) {
      // A block list must follow: `- item` lines, all at one indentation.
      const items: Scalar[] = []
      let indent: string | undefined
      for (let next = lines[i]; next !== undefined; next = lines[i]) {
        if (next.trim().length === 0) return undefined
        const item = itemLine.exec(next)
        if (item === null) break
        // Both groups always take part in a match: the defaults never apply.
        const [, itemIndent = '', itemText = ''] = item
        if (indent === undefined) indent = itemIndent
        else if (itemIndent !== indent) return undefined
        const value = scalar(itemText, false)
        if (value === undefined) return undefined
        items.push(value)
        i++
      }
      if (items.length === 0) return undefined
      result[key] = items
    } else if (rest.startsWith('[')) {
      if (!rest.endsWith(']')) return undefined
      const items = flowList(rest)
      if (items === undefined) return undefined
      result[key] = items
    } else {
      const value = scalar(rest, false)
      if (value === undefined) return undefined
      result[key] = value
    }
  }
  return result
}
