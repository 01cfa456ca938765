import { computeProgress, RegisterSchema } from '@followthrough/core'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { fixtureReport } from '../test/fixture.js'
import { renderReport, safeHref } from './index.js'

/**
 * Issue 9: the link check must judge a link as a browser will read it. The
 * WHATWG URL parser (which browsers and Node's `URL` share) strips leading and
 * trailing C0 controls and spaces and removes tabs and newlines anywhere
 * before it reads the scheme; the HTML parser decodes character references in
 * the attribute before that.
 */
const hostile = [
  ' javascript:alert(1)',
  '  javascript:alert(1)  ',
  '\tjavascript:alert(1)',
  '\njavascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u001fjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\r\nscript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  '&#106avascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'jav&Tab;ascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  ' data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  ' VBScript:msgbox(1)',
  'blob:https://example.org/1'
]

const allowed = new Set(['http:', 'https:', 'file:', 'mailto:'])

describe('safeHref', () => {
  for (const href of hostile) {
    it(`drops ${JSON.stringify(href)}`, () => {
      expect(safeHref(href)).toBeUndefined()
    })
  }

  it('keeps relative links and safe schemes, trimmed as a browser would', () => {
    expect(safeHref('minutes/a.md')).toBe('minutes/a.md')
    expect(safeHref('../minutes/a%20b.md#R1')).toBe('../minutes/a%20b.md#R1')
    expect(safeHref(' https://example.org/report ')).toBe('https://example.org/report')
    expect(safeHref('HTTPS://example.org/')).toBe('HTTPS://example.org/')
    expect(safeHref('mailto:pcc@example.org')).toBe('mailto:pcc@example.org')
    expect(safeHref('?page=1&sort=due')).toBe('?page=1&sort=due')
  })

  it('never gives back an href whose resolved scheme is unsafe', () => {
    for (const href of [...hostile, 'minutes/a.md', ' https://example.org/', 'a:b', '//example.org/x']) {
      const kept = safeHref(href)
      if (kept === undefined) continue
      expect(allowed.has(new URL(kept, 'file:///reports/report.html').protocol)).toBe(true)
    }
  })

  it('drops a link with a C0 control (U+0000 to U+001F) or DEL inside, and no other character', () => {
    for (let code = 0; code <= 0x10ffff; code++) {
      const href = `https://example.org/${String.fromCodePoint(code)}x`
      const control = code <= 0x1f || code === 0x7f
      if (safeHref(href) !== (control ? undefined : href)) expect.fail(`U+${code.toString(16)}`)
    }
  })

  it('strips C0 controls and spaces (U+0000 to U+0020) from the ends, keeps every other character, and drops a control trim() leaves', () => {
    for (let code = 0; code <= 0x10ffff; code++) {
      const character = String.fromCodePoint(code)
      const href = `${character}minutes/a.md${character}`
      const expected = code <= 0x20 ? (character.trim() === '' ? 'minutes/a.md' : undefined) : code === 0x7f ? undefined : href
      if (safeHref(href) !== expected) expect.fail(`U+${code.toString(16)}`)
    }
  })
})

describe('links in the rendered report', () => {
  it('drops a hostile inquiry url and a hostile minutes link, whatever their disguise', () => {
    for (const href of hostile) {
      const register = RegisterSchema.parse({
        inquiry: { id: 'evil', title: 'Inquiry', published: '2022-01-01', url: href },
        owners: [{ id: 'o', name: 'Owner' }],
        recommendations: [{ id: 'R1', title: 'First', owners: ['o'] }]
      })
      const minutes = [{ source: 'minutes/a.md', date: '2022-03-01', title: 'Meeting', references: [{ id: 'R1' }] }]
      const progress = computeProgress({ register, minutes, asOf: '2022-12-31' })
      const html = renderReport({ reports: [{ register, progress, minutes }], minutesLink: () => href })
      const { document } = parseHTML(html)
      // As the browser will: the attribute decoded by the HTML parser, then resolved by the URL parser.
      for (const link of document.querySelectorAll('a[href]')) {
        const resolved = new URL(link.getAttribute('href') ?? '', 'file:///reports/report.html')
        expect(allowed.has(resolved.protocol), `${JSON.stringify(href)} became ${resolved.href}`).toBe(true)
      }
    }
  })

  it("still links the fixture's minutes", () => {
    const { document } = parseHTML(renderReport({ reports: [fixtureReport()] }))
    expect(document.querySelectorAll('table.coverage thead a[href^="minutes/"]').length).toBeGreaterThan(0)
  })
})
