import { MeetingSchema, parseMeeting, type Meeting, type ParseResult } from '@followthrough/core'
import type { Root } from 'mdast'
import type { Finding } from './findings.js'
import { readSimpleYaml } from './simple-yaml.js'

/**
 * The minutes' front matter: validated with core's `MeetingSchema`, problems
 * placed in the Markdown file (not in the YAML on its own).
 */

/** What the front matter says, and what is wrong with it. */
export interface FrontMatter {
  /** The validated meeting, when the front matter is valid. */
  meeting?: Meeting
  /**
   * The `register` key, read even when the rest of the front matter is invalid,
   * so one missing `chair` does not make every reference ambiguous.
   */
  register?: string
  /** Where the `register` value is, for `unknown-register`. */
  registerRange?: { start: number; end: number }
  findings: Finding[]
}

/**
 * Where the YAML content starts in the file: the line after the opening `---`.
 * Returns the offset of that line and its 1-based number.
 */
export function frontMatterOrigin(source: string, fenceOffset: number, fenceLine: number): { line: number; offset: number } {
  let i = fenceOffset
  while (i < source.length) {
    const code = source.charCodeAt(i)
    if (code === 10) return { line: fenceLine + 1, offset: i + 1 }
    if (code === 13) return { line: fenceLine + 1, offset: source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 }
    i++
  }
  return { line: fenceLine + 1, offset: source.length }
}

/**
 * Valid plain front matter takes the fast path (see `simple-yaml.ts`); anything
 * else, and anything invalid, goes through core's `parseMeeting`, which gives
 * the positioned problems. Both paths give the same meeting.
 */
function validate(value: string, origin: { line: number; offset: number }): ParseResult<Meeting> {
  const simple = readSimpleYaml(value)
  if (simple !== undefined) {
    const checked = MeetingSchema.safeParse(simple)
    if (checked.success) return { ok: true, value: checked.data, problems: [] }
  }
  return parseMeeting(value, { origin })
}

const registerLine = /^register[ \t]*:[ \t]*(["']?)([a-z0-9][a-z0-9_-]*)\1[ \t]*(?:#.*)?$/m

/**
 * Read and validate the front matter of `tree` (the first `yaml` node of the
 * root, as remark-frontmatter places it). Never throws.
 */
export function readFrontMatter(tree: Root, source: string): FrontMatter {
  const first = tree.children[0]
  if (first === undefined || first.type !== 'yaml') {
    return {
      findings: [
        {
          ruleId: 'missing-front-matter',
          reason: 'Unexpected minutes without front matter, expected a YAML block between `---` lines with meeting, date, title, chair and attendees',
          start: 0,
          end: 0,
          point: true
        }
      ]
    }
  }
  const position = first.position
  const origin = position?.start.offset === undefined ? { line: 2, offset: 0 } : frontMatterOrigin(source, position.start.offset, position.start.line)
  const value = typeof first.value === 'string' ? first.value : ''
  const result: FrontMatter = { findings: [] }

  const parsed = validate(value, origin)
  if (parsed.ok) result.meeting = parsed.value
  for (const problem of parsed.problems) {
    const finding: Finding = {
      ruleId: 'invalid-front-matter',
      reason: problem.message,
      start: problem.offset,
      end: problem.endOffset
    }
    if (problem.severity === 'warning') finding.atMost = 'warning'
    result.findings.push(finding)
  }

  const register = parsed.ok ? parsed.value.register : undefined
  const line = registerLine.exec(value)
  const written = line?.[2]
  if (line !== null && written !== undefined && (register === undefined || register === written)) {
    result.register = written
    const valueStart = line.index + line[0].indexOf(written, 'register'.length)
    result.registerRange = { start: origin.offset + valueStart, end: origin.offset + valueStart + written.length }
  } else if (register !== undefined) {
    result.register = register
  }
  return result
}
