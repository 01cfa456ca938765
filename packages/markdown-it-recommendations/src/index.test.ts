import markdownIt from 'markdown-it'
import markdownIt12 from 'markdown-it-12'
import { describe, expect, it } from 'vitest'
import { recommendations, type RecommendationReference } from './index.js'

/** A reference to `text` at its `occurrence`-th place in `src`, placed by line and character as the server sends it. */
function at(src: string, text: string, extra: Partial<RecommendationReference> = {}, occurrence = 0): RecommendationReference {
  let offset = -1
  for (let i = 0; i <= occurrence; i++) offset = src.indexOf(text, offset + 1)
  if (offset === -1) throw new Error(`${text} not in the source`)
  const position = (index: number) => {
    const before = src.slice(0, index).split('\n')
    return { line: before.length - 1, character: before[before.length - 1]?.length ?? 0 }
  }
  const id = text.replace(/\s+/g, ' ')
  return {
    range: { start: position(offset), end: position(offset + text.length) },
    text,
    href: 'recommendations.yaml#L12',
    title: `${id}: Adopt a victim-first approach`,
    badges: [{ status: 'in-progress', label: 'In progress' }],
    ...extra
  }
}

const link = (text: string, title = `${text}: Adopt a victim-first approach`) =>
  `<a href="recommendations.yaml#L12" title="${title}" class="followthrough-reference">${text}<span class="followthrough-status followthrough-status-in-progress">In progress</span></a>`

for (const [version, create] of [
  ['markdown-it 14', markdownIt],
  ['markdown-it 12 (VS Code 1.100)', markdownIt12]
] as const) {
  describe(`recommendations (${version})`, () => {
    const md = create().use(recommendations)
    const render = (src: string, references: RecommendationReference[]) => md.render(src, { recommendationReferences: references })

    it('turns a reference in a paragraph into a link with a badge and the title as tooltip', () => {
      const src = 'The board considers R3 today.\n'
      expect(render(src, [at(src, 'R3')])).toBe(`<p>The board considers ${link('R3')} today.</p>\n`)
    })

    it('places references in list items, headings, blockquotes, emphasis and table cells', () => {
      const src = ['# Progress on R1', '', '- first R2', '  and *R3*', '', '> quoted R4', '', '| id | note |', '| --- | --- |', '| R5 | see R5 |', ''].join('\n')
      const references = [at(src, 'R1'), at(src, 'R2'), at(src, 'R3'), at(src, 'R4'), at(src, 'R5', {}, 1)]
      expect(render(src, references)).toBe(
        [
          `<h1>Progress on ${link('R1')}</h1>`,
          '<ul>',
          `<li>first ${link('R2')}`,
          `and <em>${link('R3')}</em></li>`,
          '</ul>',
          '<blockquote>',
          `<p>quoted ${link('R4')}</p>`,
          '</blockquote>',
          '<table>',
          '<thead>',
          '<tr>',
          '<th>id</th>',
          '<th>note</th>',
          '</tr>',
          '</thead>',
          '<tbody>',
          '<tr>',
          '<td>R5</td>',
          `<td>see ${link('R5')}</td>`,
          '</tr>',
          '</tbody>',
          '</table>',
          ''
        ].join('\n')
      )
    })

    it('keeps a reference across a line break, and a range as one link with a badge per status', () => {
      const src = 'As Recommendation\n14 says, and R3–R5 too.\n'
      const range = at(src, 'R3–R5', {
        title: 'R3: One\nR4: Two',
        badges: [
          { status: 'implemented', label: 'Implemented' },
          { status: 'blocked', label: 'Blocked' }
        ]
      })
      expect(render(src, [at(src, 'Recommendation\n14'), range])).toBe(
        `<p>As ${link('Recommendation\n14', 'Recommendation 14: Adopt a victim-first approach')} says, and ` +
          '<a href="recommendations.yaml#L12" title="R3: One\nR4: Two" class="followthrough-reference">R3–R5' +
          '<span class="followthrough-status followthrough-status-implemented">Implemented</span>' +
          '<span class="followthrough-status followthrough-status-blocked">Blocked</span></a> too.</p>\n'
      )
    })

    it('places a reference after an escaped pipe in a table cell, and in a file with CRLF line ends', () => {
      const table = '| a \\| b | R3 |\n| --- | --- |\n| R4 \\| x | y R4 |\n'
      const cells = render(table, [at(table, 'R3'), at(table, 'R4', {}, 1)])
      expect(cells).toContain(`<th>a | b</th>\n<th>${link('R3')}</th>`)
      expect(cells).toContain(`<td>R4 | x</td>\n<td>y ${link('R4')}</td>`)
      const crlf = 'Minutes\r\n\r\nAs Recommendation\r\n14 says.\r\n'
      const lines = crlf.split('\r\n')
      const reference = {
        ...at(lines.join('\n'), 'Recommendation\n14'),
        text: 'Recommendation\r\n14'
      }
      expect(render(crlf, [reference])).toBe(`<p>Minutes</p>\n<p>As ${link('Recommendation\n14', 'Recommendation 14: Adopt a victim-first approach')} says.</p>\n`)
    })

    it('places references next to punctuation, a URL and each other', () => {
      const src = 'Items (R3), R4; R5. See https://example.org/R6 and R7\n'
      const md14 = create({ linkify: true }).use(recommendations)
      const references = ['R3', 'R4', 'R5', 'R7'].map((id) => at(src, id))
      expect(md14.render(src, { recommendationReferences: references })).toBe(
        `<p>Items (${link('R3')}), ${link('R4')}; ${link('R5')}. See <a href="https://example.org/R6">https://example.org/R6</a> and ${link('R7')}</p>\n`
      )
    })

    it('never decorates code spans, code blocks, or the inside of a link', () => {
      const src = ['Not `R3` here, nor [R3](https://example.org) nor <a href="x">R3</a> nor ![R3](x.png).', '', '```', 'R3', '```', '', '    R3', ''].join('\n')
      const references = [0, 1, 2, 3, 4, 5].map((occurrence) => at(src, 'R3', {}, occurrence))
      const html = create({ html: true })
      expect(html.use(recommendations).render(src, { recommendationReferences: references })).toBe(create({ html: true }).render(src))
    })

    it('escapes the title, the badge and the href, and refuses a link markdown-it would refuse', () => {
      const src = 'See R3 and R4.\n'
      const hostile = at(src, 'R3', { title: '"><script>alert(1)</script>', badges: [{ status: 'x" onclick="y', label: '<b>&</b>' }], href: 'a b"c.yaml#L1' })
      const script = at(src, 'R4', { href: 'javascript:alert(1)' })
      expect(render(src, [hostile, script])).toBe(
        '<p>See <a href="a%20b%22c.yaml#L1" title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" class="followthrough-reference">R3' +
          '<span class="followthrough-status followthrough-status-unknown">&lt;b&gt;&amp;&lt;/b&gt;</span></a> and R4.</p>\n'
      )
    })

    it('leaves a reference whose text has moved, or that points outside the text, undecorated', () => {
      const src = 'We discussed R3.\n'
      const moved = { ...at(src, 'R3'), text: 'R4' }
      const outside = { ...at(src, 'R3'), range: { start: { line: 7, character: 0 }, end: { line: 7, character: 2 } } }
      const backwards = { ...at(src, 'R3'), range: { start: { line: 0, character: 15 }, end: { line: 0, character: 13 } } }
      expect(render(src, [moved, outside, backwards])).toBe('<p>We discussed R3.</p>\n')
    })

    it('renders as markdown-it does when there are no references', () => {
      const src = '# Minutes\n\nR3 and `code`.\n'
      expect(md.render(src)).toBe(create().render(src))
      expect(render(src, [])).toBe(create().render(src))
    })

    it('decorates at render time what was parsed without references (as VS Code parses, then renders with the document)', () => {
      const src = '---\ntitle: x\n---\n\nR3 is open.\n'
      const references = [at(src, 'R3')]
      const calls: unknown[] = []
      const preview = create().use(recommendations, {
        references: (env) => {
          calls.push(env)
          return (env as { currentDocument?: string }).currentDocument === 'file:///m.md' ? references : undefined
        }
      })
      const tokens = preview.parse(src, {})
      const html = preview.renderer.render(tokens, preview.options, { currentDocument: 'file:///m.md' })
      expect(html).toContain(`${link('R3')} is open.</p>`)
      // Another document's env: left as it was parsed.
      expect(preview.renderer.render(tokens, preview.options, { currentDocument: 'file:///other.md' })).not.toContain('followthrough-reference')
      expect(calls.length).toBeGreaterThan(0)
    })
  })
}
