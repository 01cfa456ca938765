import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { computeProgress, RegisterSchema } from '@followthrough/core'
import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { fixtureReport } from '../test/fixture.js'
import { renderReport } from './index.js'

/** The report's sources, tests aside. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** Every string and template literal piece of a source file, comments left out. */
function literals(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) found.push(node.text)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('the report is built as a tree', () => {
  // Escaping holds by construction only while no code writes markup as text: every
  // element is made with `h`, and hast-util-to-html escapes every text and attribute.
  const root = import.meta.dirname
  const markup = /<\/?[A-Za-z][\w-]*[\s/>]|<!/
  // The one exception: the empty page linkedom gives Plot to draw in (no data in it).
  const plotDocument = '<!doctype html><html><head></head><body></body></html>'

  it.each(sources(root).map((path) => [relative(root, path), path]))('%s writes no markup in a string', (_name, path) => {
    expect(literals(path).filter((text) => markup.test(text) && text !== plotDocument)).toEqual([])
  })
})

describe('user data in the report', () => {
  // Text with every character HTML gives a meaning, in every field a register or minutes can fill.
  const hostile = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', '`', ' ', 'a', 'b', '!', '-', ';', '#', 'x'), maxLength: 24 }).map((text) => `x${text}x`)
  const runs = Number(process.env['PROPERTY_RUNS'] ?? 25)
  // Elements outside the charts (Plot draws those through the DOM, text as text: tspan, title, ...).
  const tagsOf = (html: string) =>
    new Set([...parseHTML(html).document.querySelectorAll('*')].filter((element) => element.closest('svg') === null).map((element) => element.tagName.toLowerCase()))
  const benign = tagsOf(renderReport({ reports: [fixtureReport()] }))
  const chartTags = new Set(['svg', 'style', 'g', 'path', 'line', 'rect', 'circle', 'text', 'tspan', 'title'])

  it('always reads as the same text, and adds no element', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (title, owner, note, meeting) => {
        const register = RegisterSchema.parse({
          inquiry: { id: 'x', title, published: '2022-01-01' },
          owners: [{ id: 'o', name: owner }],
          recommendations: [{ id: 'R1', title, text: note, owners: ['o'], themes: [note], history: [{ date: '2022-02-01', status: 'in-progress', source: note, note }] }]
        })
        const minutes = [
          {
            source: `minutes/${meeting}.md`,
            date: '2022-03-01',
            title: meeting,
            references: [{ id: 'R1' }],
            updates: [{ id: 'R1', status: 'blocked' as const, date: '2022-03-01', note }]
          }
        ]
        const html = renderReport({ reports: [{ register, progress: computeProgress({ register, minutes, asOf: '2022-12-31' }), minutes }], title })
        const { document } = parseHTML(html)
        expect([...tagsOf(html)].filter((tag) => !benign.has(tag))).toEqual([])
        expect([...document.querySelectorAll('svg *')].map((element) => element.tagName.toLowerCase()).filter((tag) => !chartTags.has(tag))).toEqual([])
        expect(
          [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => attribute.name)).filter((name) => name.startsWith('on'))
        ).toEqual([])
        expect(document.querySelectorAll('script')).toHaveLength(1)
        expect(document.querySelector('h1')?.textContent).toBe(title)
        expect(document.querySelector('table.recs tbody td:nth-child(2)')?.textContent).toBe(title)
        expect(document.querySelector('table.recs tbody td:nth-child(3)')?.textContent).toBe(owner)
        expect(document.querySelector('details.rec blockquote')?.textContent).toBe(note)
        expect(document.querySelector('table.coverage thead th:nth-child(2) .meta')?.textContent).toBe(meeting)
        expect(document.querySelector('table.coverage tbody td')?.getAttribute('title')).toBe(`R1, 2022-03-01 ${meeting}: 1 reference`)
      }),
      { numRuns: runs, seed: Number(process.env['SEED'] ?? 20261129) }
    )
  })
})
