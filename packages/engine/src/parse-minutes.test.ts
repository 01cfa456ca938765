import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { analyzeMinutes } from './minutes.js'
import { parseMinutes } from './parse-minutes.js'
import { defaultConfig } from './config.js'

const gfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

/** The tree without GFM's autolinks, strikethrough and footnotes, for comparison. */
function strip(value: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'align' && inner === null ? undefined : inner)))
  return copy
}

const table = '| Recommendation | Status | Note |\n| --- | :-: | --- |\n| R1 | Implemented | Report *published* |\n| R2 | In progress |  |'

describe('parseMinutes', () => {
  it.each([
    ['a top-level table', `# Updates\n\n${table}\n\nAfter.`],
    ['a table after a paragraph without a blank line', `Intro line\n${table}`],
    ['a table in a list (whole-file fallback)', `- item\n\n  ${table.replace(/\n/g, '\n  ')}`],
    ['a table in a quote (whole-file fallback)', `> ${table.replace(/\n/g, '\n> ')}`],
    ['a delimiter-like line in code', '```\n| --- |\n```\n\nText'],
    ['CRLF line endings', `---\r\ndate: 2023-04-17\r\n---\r\n\r\n${table.replace(/\n/g, '\r\n')}\r\n`],
    ['an indented table', `   ${table.replace(/\n/g, '\n   ')}`],
    ['task lists', '- [ ] open (R1)\n- [x] done'],
    ['a table row continued by a line without pipes', `${table}\nlazy line`]
  ])('gives the same tree as GFM for %s', (_name, text) => {
    expect(strip(parseMinutes(text))).toEqual(strip(gfm.parse(text)))
  })
})

describe('the engine finds what the plugin finds with remark-gfm', () => {
  // Every case of the plugin's fixture corpus, through the engine's parser.
  const folder = join(import.meta.dirname, '..', '..', 'remark-recommendations', 'test', 'fixtures', 'references')
  const cases = readdirSync(folder).filter((name) => name.endsWith('.md'))
  const context = { registers: [], config: defaultConfig() }

  it('has the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80)
  })

  it.each(cases)('%s', (name) => {
    const text = readFileSync(join(folder, name), 'utf8')
    const expected = JSON.parse(readFileSync(join(folder, name.replace(/\.md$/, '.json')), 'utf8')) as Array<{ id: string; text: string; start: string; end: string }>
    const found = analyzeMinutes(text, `/w/${name}`, context).data.references.map((reference) => ({
      id: reference.id,
      ...(reference.register !== undefined ? { register: reference.register } : {}),
      text: reference.text,
      start: `${reference.position.start.line}:${reference.position.start.column}`,
      end: `${reference.position.end.line}:${reference.position.end.column}`
    }))
    expect(found).toEqual(expected)
  })
})
