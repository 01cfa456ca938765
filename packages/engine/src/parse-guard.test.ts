import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MemoryFileSystem } from './memory-file-system.js'
import { analyzeMinutes, type MinutesContext } from './minutes.js'
import { openMinutesDocument, updateMinutesDocument } from './minutes-document.js'
import { complexityLimits, scanComplexity } from './parse-guard.js'
import { loadWorkspace } from './workspace.js'
import type { Finding } from './finding.js'
import { numberedRecommendation, telfordRegister } from '../test/registers.js'

// These inputs took from seconds to minutes before the guard (micromark is
// quadratic on them). The tests check what is found, never how long it takes:
// the timings are in `bench/complexity.mjs`.

const register = telfordRegister(Array.from({ length: 14 }, (_, index) => numberedRecommendation(index + 1)).join('\n'))

const frontMatter = '---\nmeeting: accountability\ndate: 2023-04-17\ntitle: Meeting\nchair: John Campion\nattendees: [Pippa Mills]\n---\n\n'

async function context(): Promise<MinutesContext> {
  const workspace = await loadWorkspace(new MemoryFileSystem({ '/w/recommendations.yaml': register }), '/w')
  return workspace.context
}

/** Findings as `line:column-line:column severity message [rule]`. */
function show(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.message} [${f.ruleId}]`)
}

/** The minutes' body (after 8 lines of front matter) analysed as the CLI does. */
async function analyse(body: string) {
  const text = frontMatter + body
  const analysis = analyzeMinutes(text, '/w/minutes/a.md', await context())
  return { text, analysis, references: analysis.data.references.map((reference) => `${reference.id}@${reference.position.start.line}:${reference.position.start.column}`) }
}

const room = { timeout: 120_000 }

describe('blocks over a complexity limit', () => {
  it('reads 30 KB of `*a ` around a reference as plain text, still finding the reference', room, async () => {
    const body = '*a '.repeat(5000) + 'Recommendation 12 and R99 ' + '*a '.repeat(5000) + '\n\nR3 after.\n'
    const { analysis, references } = await analyse(body)
    expect(references).toEqual(['R12@9:15001', 'R99@9:15023', 'R3@11:1'])
    expect(show(analysis.findings)).toEqual([
      '9:1-9:30027 warning Unexpected paragraph with 10000 emphasis, link, code and HTML markers, expected at most 1000: read as plain text (split it into smaller paragraphs) [too-complex]',
      '9:15023-9:15026 error Unexpected unknown recommendation R99, expected an id of iitcse such as R9 [unknown-recommendation]'
    ])
    // The data is what it would be without the markers.
    expect(analysis.data.references[0]).toMatchObject({ id: 'R12', register: 'iitcse', known: true, text: 'Recommendation 12' })
  })

  it('reads 10,000 `[` and 10,000 `]` as plain text', room, async () => {
    for (const bracket of ['[', ']', '![', '<', '`a', '_a ']) {
      const { analysis, references } = await analyse(bracket.repeat(10_000) + ' R12\n')
      expect(references, bracket).toEqual([`R12@9:${bracket.length * 10_000 + 2}`])
      expect(
        analysis.findings.map((finding) => finding.ruleId),
        bracket
      ).toEqual(['too-complex'])
    }
  })

  it('reads emphasis nested 10,000 deep as plain text', room, async () => {
    const { analysis, references } = await analyse('*'.repeat(10_000) + 'R12' + '*'.repeat(10_000) + '\n')
    expect(references).toEqual(['R12@9:10001'])
    expect(show(analysis.findings)).toEqual([
      '9:1-9:20004 warning Unexpected paragraph with 20000 emphasis, link, code and HTML markers, expected at most 1000: read as plain text (split it into smaller paragraphs) [too-complex]'
    ])
  })

  it('reads a table of 10,000 columns as plain text, its references still found', room, async () => {
    const columns = 10_000
    const body = `${'| a '.repeat(columns)}|\n${'| - '.repeat(columns)}|\n| R12 ${'| x '.repeat(columns - 1)}|\n\nR3 after.\n`
    const { analysis, references } = await analyse(body)
    expect(references).toEqual(['R12@11:3', 'R3@13:1'])
    expect(show(analysis.findings)).toEqual([
      `9:1-11:${'| R12 '.length + 4 * (columns - 1) + 2} warning Unexpected table of 30000 cells, expected at most 5000: read as plain text, without status updates (split it into smaller tables) [too-complex]`
    ])
    expect(analysis.data.updates).toEqual([])
  })

  it('keeps a table of 1,000 rows a table, with its status updates', room, async () => {
    const rows = Array.from({ length: 1000 }, (_, index) => `| R${(index % 14) + 1} | In progress |`).join('\n')
    const { analysis } = await analyse(`| ID | Status |\n| --- | --- |\n${rows}\n`)
    expect(analysis.findings).toEqual([])
    expect(analysis.data.updates).toHaveLength(1000)
  })

  it.each([
    ['block quotes', '> ', 2],
    ['list items', '- ', 2],
    ['ordered list items', '1. ', 3]
  ])('reads %s nested 10,000 deep below level 32 as plain text', room, async (_name, marker, width) => {
    const { analysis, references } = await analyse(`${marker.repeat(10_000)}Recommendation 12\n\nR3 after.\n`)
    expect(references).toEqual([`R12@9:${width * 10_000 + 1}`, 'R3@11:1'])
    expect(show(analysis.findings)).toEqual([
      `9:${width * 32 + 1}-9:${width * 10_000 + 18} warning Unexpected block quotes or list items nested 10000 deep, expected at most 32: the deeper part read as plain text [too-complex]`
    ])
  })

  it('keeps block quotes and lists nested 32 deep as they are', room, async () => {
    const { analysis, references } = await analyse(`${'> '.repeat(16)}${'- '.repeat(16)}R12\n`)
    expect(references).toEqual(['R12@9:65'])
    expect(analysis.findings).toEqual([])
  })

  it('reads a paragraph that goes on lazily for 2,000 lines in a list item as plain text', room, async () => {
    const lazy = Array.from({ length: 2000 }, (_, index) => `on R${(index % 14) + 1}`).join('\n')
    const { analysis, references } = await analyse(`- [ ] Council to act\n${lazy}\n\nR3 after.\n`)
    expect(references).toHaveLength(2001)
    expect(references.slice(0, 2)).toEqual(['R1@10:4', 'R2@11:4'])
    expect(references.at(-1)).toBe('R3@2011:1')
    expect(show(analysis.findings)).toEqual([
      '9:1-2009:7 warning Unexpected 2000 lines continuing a list item or block quote without its indentation or `>`, expected at most 1000: read as plain text (indent them, or start a new paragraph after a blank line) [too-complex]'
    ])
  })

  it('keeps 1,000 lazy lines, and lines indented under their list item, as they are', room, async () => {
    const lazy = Array.from({ length: 1000 }, () => 'on R1').join('\n')
    const indented = Array.from({ length: 3000 }, () => '  on R2').join('\n')
    const { analysis } = await analyse(`- Council to act\n${lazy}\n\n- Police to act\n${indented}\n`)
    expect(analysis.findings).toEqual([])
    expect(analysis.data.references).toHaveLength(4000)
  })

  it('reads a paragraph of 6,000 lines as plain text', room, async () => {
    // `&` starts no construct here, so each line's text splits there (the quadratic merge), yet it is no marker.
    const { analysis, references } = await analyse(`${'a & b\n'.repeat(5999)}R12\n`)
    expect(references).toEqual(['R12@6008:1'])
    expect(show(analysis.findings)).toEqual([
      '9:1-6008:4 warning Unexpected paragraph of 6000 lines, expected at most 5000: read as plain text (split it into smaller paragraphs) [too-complex]'
    ])
  })

  it('turns the finding off with the rule', room, async () => {
    const workspace = await loadWorkspace(
      new MemoryFileSystem({ '/w/recommendations.yaml': register, '/w/followthrough.config.json': '{ "rules": { "too-complex": "off" } }' }),
      '/w'
    )
    const analysis = analyzeMinutes(`${frontMatter}${'['.repeat(5000)} R12\n`, '/w/minutes/a.md', workspace.context)
    expect(analysis.findings).toEqual([])
    expect(analysis.data.references.map((reference) => reference.id)).toEqual(['R12'])
  })
})

describe('realistic minutes are far below every limit', () => {
  const root = join(import.meta.dirname, '..', '..', '..')
  const folders = [join(root, 'examples', 'telford', 'minutes'), join(root, 'packages', 'remark-recommendations', 'test', 'fixtures', 'references')]

  it.each(folders)('nothing in %s is guarded', (folder) => {
    const names = readdirSync(folder).filter((name) => name.endsWith('.md'))
    expect(names.length).toBeGreaterThan(10)
    for (const name of names) {
      const guarded = scanComplexity(readFileSync(join(folder, name), 'utf8'))
      expect(guarded.problems, name).toEqual([])
      expect(guarded.inlineSuspect, name).toBe(false)
    }
  })

  it('nothing in the benchmark corpus is guarded, the 1 MB file included', room, async () => {
    // @ts-expect-error: the corpus generator is plain JavaScript.
    const { minutes } = (await import('../../cli/bench/corpus.mjs')) as { minutes: (index: number, size: number, next: () => number) => string }
    let state = 42
    const next = () => ((state = (state * 1664525 + 1013904223) >>> 0), state / 2 ** 32)
    for (const [index, size] of [
      [0, 5000],
      [1, 5000],
      [100001, 100_000],
      [1000001, 1_000_000]
    ] as const) {
      const guarded = scanComplexity(minutes(index, size, next))
      expect(guarded.problems, `${size}`).toEqual([])
      expect(guarded.inlineSuspect, `${size}`).toBe(false)
    }
  })

  it('documents the limits', () => {
    expect(complexityLimits).toEqual({ inlineMarkers: 1000, nesting: 32, lazyLines: 1000, tableCells: 5000, paragraphLines: 5000 })
  })
})

describe('an open document over a limit', () => {
  it('holds to a full parse when an edit crosses a limit, and back', room, async () => {
    const ctx = await context()
    const lazy = Array.from({ length: 1000 }, (_, index) => `on R${(index % 14) + 1}`).join('\n')
    const text = `${frontMatter}# Actions\n\n- Council to act\n${lazy}\n\nR3 after.\n`
    let document = openMinutesDocument(text, '/w/minutes/a.md', ctx)
    expect(document.analysis.findings).toEqual([])
    // One more lazy line: over the limit.
    const over = text.replace('\n\nR3 after', '\nand R4\n\nR3 after')
    document = updateMinutesDocument(document, over)
    expect(document.stats.mode).toBe('full')
    expect(document.analysis).toEqual(analyzeMinutes(over, '/w/minutes/a.md', ctx))
    expect(document.analysis.findings.map((finding) => finding.ruleId)).toEqual(['too-complex'])
    // Edits elsewhere still agree with a full parse.
    const elsewhere = over.replace('R3 after', 'R5 after')
    document = updateMinutesDocument(document, elsewhere)
    expect(document.analysis).toEqual(analyzeMinutes(elsewhere, '/w/minutes/a.md', ctx))
    // Back under the limit.
    document = updateMinutesDocument(document, text)
    expect(document.analysis).toEqual(analyzeMinutes(text, '/w/minutes/a.md', ctx))
    expect(document.analysis.findings).toEqual([])
  })

  it('re-parses only around an edit next to a paragraph read as plain text', room, async () => {
    const ctx = await context()
    const paragraphs = Array.from({ length: 50 }, (_, index) => `Paragraph ${index} on R${(index % 14) + 1}.`).join('\n\n')
    const text = `${frontMatter}${'[a '.repeat(2000)}R12\n\n${paragraphs}\n`
    const document = openMinutesDocument(text, '/w/minutes/a.md', ctx)
    expect(document.analysis.findings.map((finding) => finding.ruleId)).toEqual(['too-complex'])
    const at = text.indexOf('Paragraph 30 ') + 'Paragraph 30'.length
    const edited = text.slice(0, at) + '0' + text.slice(at)
    const next = updateMinutesDocument(document, edited)
    expect(next.stats.mode).toBe('incremental')
    expect(next.analysis).toEqual(analyzeMinutes(edited, '/w/minutes/a.md', ctx))
    // And an edit inside it.
    const inside = edited.replace('R12', 'R13')
    expect(updateMinutesDocument(next, inside).analysis).toEqual(analyzeMinutes(inside, '/w/minutes/a.md', ctx))
  })
})
