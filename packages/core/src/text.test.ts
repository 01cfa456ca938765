import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { assert, describe, expect, it } from 'vitest'
import { escapeHtml, escapeMarkdown, percent, visible } from './text.js'

/** Code points, as inclusive ranges. */
type Ranges = ReadonlyArray<readonly [number, number]>

/** Characters a terminal acts on; none may reach terminal output raw. */
const terminalControls: Ranges = [
  [0x00, 0x08],
  [0x0b, 0x1f],
  [0x7f, 0x9f],
  [0x61c, 0x61c],
  [0x200e, 0x200f],
  [0x2028, 0x202e],
  [0x2066, 0x2069]
]

/**
 * What `visible` escapes: C0 controls, DEL and C1 controls, the Arabic letter
 * mark, LRM and RLM, the line and paragraph separators, bidi embeddings,
 * overrides and isolates.
 */
const escapedByVisible: Ranges = [[0x00, 0x1f], ...terminalControls.slice(2)]

function expand(ranges: Ranges): number[] {
  return ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, index) => first + index))
}

function codeUnits(text: string): number[] {
  return Array.from({ length: text.length }, (_, index) => text.charCodeAt(index))
}

describe('visible', () => {
  it('leaves no character a terminal acts on raw', () => {
    const every = Array.from({ length: 0x2070 }, (_, code) => String.fromCharCode(code)).join('')
    const controls = new Set(expand(terminalControls))
    expect(codeUnits(every).filter((code) => controls.has(code))).toEqual(expand(terminalControls))
    expect(codeUnits(visible(every)).filter((code) => controls.has(code))).toEqual([])
  })

  it('escapes exactly the controls, bidi marks and separators, of every code point', () => {
    const changed: number[] = []
    const changedKeepingLineBreaks: number[] = []
    for (let code = 0; code <= 0x10ffff; code++) {
      const character = String.fromCodePoint(code)
      if (visible(character) !== character) changed.push(code)
      if (visible(character, { keepLineBreaks: true }) !== character) changedKeepingLineBreaks.push(code)
    }
    expect(changed).toEqual(expand(escapedByVisible))
    expect(changedKeepingLineBreaks).toEqual(expand(escapedByVisible).filter((code) => code !== 0x0a && code !== 0x0d))
  })

  it('writes controls as escapes a reader can see', () => {
    expect(visible('a\u001b[2Jb')).toBe('a\\x1b[2Jb')
    expect(visible('\u001b]0;pwned\u0007')).toBe('\\x1b]0;pwned\\x07')
    expect(visible('\u009b31m red')).toBe('\\x9b31m red')
    expect(visible('admin\u202e\u2066txt.exe')).toBe('admin\\u202e\\u2066txt.exe')
    expect(visible('one\ttwo\r\nthree\u0000\u007f')).toBe('one\\ttwo\\r\\nthree\\x00\\x7f')
    expect(visible('line\u2028para\u2029')).toBe('line\\u2028para\\u2029')
  })

  it('leaves text alone: accents, dashes, emoji, non-breaking spaces', () => {
    const text = 'Recommendations 3–5 — Telford & Wrekin, café, 👍, R12\u00a0a'
    expect(visible(text)).toBe(text)
  })

  it('keeps CR and LF when asked, for formats that escape them their own way', () => {
    expect(visible('a\r\nb\u001b', { keepLineBreaks: true })).toBe('a\r\nb\\x1b')
  })
})

/** Render Markdown as GitHub does (CommonMark with GFM: tables, autolinks, tag filter). */
function render(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true })
}

function decode(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

describe('escapeMarkdown', () => {
  const hostile = [
    '![tracker](https://evil.example/pixel.png)',
    '[click me](javascript:alert(1))',
    '<img src=x onerror=alert(1)> <script>alert(1)</script>',
    '# Heading',
    '## Not a heading\n# A heading on the next line',
    '---',
    '> quote',
    '- list item',
    '1. ordered',
    '*emphasis* **strong** _under_ ~~strike~~ `code`',
    'https://evil.example/ and www.evil.example and someone@evil.example',
    '&amp; &lt;b&gt; &#x3C;',
    'a | b | c',
    'backslash \\*not emphasis\\*',
    '[ref]: https://evil.example',
    '<https://evil.example>',
    '\\',
    'trailing two spaces  \nbreak',
    'Telford & Wrekin Council (R12–R14), 50% done!'
  ]

  for (const text of hostile) {
    it(`shows ${JSON.stringify(text)} as the same text, in a paragraph, a heading and a table cell`, () => {
      const shown = text.replace(/\r\n|[\r\n]/g, ' ')
      const escaped = escapeMarkdown(text)
      expect(escaped).not.toMatch(/[\r\n]/)

      const paragraph = render(escaped)
      expect(decode(/^<p>(.*)<\/p>\n?$/s.exec(paragraph)?.[1] ?? `not one paragraph: ${paragraph}`)).toBe(shown.trim())

      const heading = render(`### ${escaped}`)
      expect(decode(/^<h3>(.*)<\/h3>\n?$/s.exec(heading)?.[1] ?? `not one heading: ${heading}`)).toBe(shown.trim())

      const table = render(`| name | n |\n| --- | --- |\n| ${escaped} | 1 |\n`)
      expect(table.match(/<tr>/g)).toHaveLength(2)
      expect(table.match(/<td>/g)).toHaveLength(2)
      const cell = /<td>(.*?)<\/td>/s.exec(table)?.[1] ?? ''
      expect(decode(cell)).toBe(shown.trim())

      for (const html of [paragraph, heading, table]) {
        expect(html).not.toMatch(/<(?:a|img|script|em|strong|del|code|blockquote|ul|ol|li|hr|br|h1|h2)[\s>]/)
      }
    })
  }

  it('makes controls visible too', () => {
    expect(escapeMarkdown('a\u001b[31mb')).toBe('a\\\\x1b\\[31mb')
    expect(render(escapeMarkdown('a\u001b[31mb'))).toBe('<p>a\\x1b[31mb</p>')
  })
})

describe('escapeMarkdown leaves alone what never means anything', () => {
  it('keeps , ; % / ? quotes as they are', () => {
    expect(escapeMarkdown(`50% done, see "notes"; who's next? a/b`)).toBe(`50% done, see "notes"; who's next? a/b`)
  })

  it('escapes GitHub math and emoji shortcodes', () => {
    expect(render(escapeMarkdown('$x^2$ :smile:'))).toBe('<p>$x^2$ :smile:</p>')
    expect(escapeMarkdown('$x$ :smile:')).toBe('\\$x\\$ \\:smile\\:')
  })
})

describe("escapeMarkdown with paragraphs (a recommendation's text in a hover)", () => {
  const formatting = /<(?:a|img|script|em|strong|del|code|pre|blockquote|ul|ol|li|hr|br|h[1-6]|table)[\s>]/

  function paragraphs(html: string): string[] {
    return [...html.matchAll(/<p>(.*?)<\/p>/gs)].map(([, inner]) => {
      assert.isDefined(inner)
      return decode(inner)
    })
  }

  it('keeps each paragraph, and no line start formats', () => {
    const text = '# Heading\n\n> quote\n\n![tracker](https://evil.example/p.png)\n\n- item\n\n1. ordered\n\n---\n\n    indented code'
    const escaped = escapeMarkdown(text, { paragraphs: true })
    expect(escaped).toBe('\\# Heading\n\n\\> quote\n\n\\!\\[tracker\\]\\(https\\://evil\\.example/p\\.png\\)\n\n\\- item\n\n1\\. ordered\n\n\\-\\-\\-\n\nindented code')
    const html = render(escaped)
    expect(html).not.toMatch(formatting)
    expect(paragraphs(html)).toEqual(['# Heading', '> quote', '![tracker](https://evil.example/p.png)', '- item', '1. ordered', '---', 'indented code'])
  })

  it('joins the lines of a paragraph, so a `#`, `>` or `=` on a later line starts nothing', () => {
    const escaped = escapeMarkdown('Train officers\n# now\r\n> and\n===\n\n\n \t\nSecond  ', { paragraphs: true })
    expect(escaped).toBe('Train officers \\# now \\> and \\=\\=\\=\n\nSecond')
    const html = render(escaped)
    expect(html).not.toMatch(formatting)
    expect(paragraphs(html)).toEqual(['Train officers # now > and ===', 'Second'])
  })

  it('is the one-line escape for text without blank lines', () => {
    for (const text of ['Telford & Wrekin. (2022)', '*all* [now] <b>', 'a\u001b[31mb']) {
      expect(escapeMarkdown(text, { paragraphs: true })).toBe(escapeMarkdown(text))
    }
    expect(escapeMarkdown('\n\n', { paragraphs: true })).toBe('')
  })
})

describe("escapeMarkdown with escape: 'formatting' (an editor's hover, which some editors show as source)", () => {
  const formatting = /<(?:a|img|script|em|strong|del|code|pre|blockquote|ul|ol|li|hr|br|h[1-6]|table|input)[\s>]/
  const hostile = [
    '![tracker](evil.png)',
    '[click me](javascript:alert(1))',
    '<img src=x onerror=alert(1)> <script>alert(1)</script>',
    '# Heading',
    '## Not a heading\n# A heading on the next line',
    '---',
    '- - -',
    '> quote',
    '- list item',
    '+ list item',
    '1. ordered',
    '2) ordered',
    '    indented',
    '*emphasis* **strong** _under_ ~~strike~~ ~one~ `code` ```fence```',
    '&amp; &lt;b&gt; &#x3C; &#60; &copy;',
    'a | b | c',
    'backslash \\*not emphasis\\*',
    '[ref]: https://evil.example',
    '[^note] and [x][ref]',
    '<https://evil.example>',
    '\\',
    'trailing two spaces  \nbreak',
    'Telford & Wrekin Council (R12–R14), 50% done!',
    'https://evil.example/a_b and www.evil.example and someone@evil.example and HTTP://x.example',
    'mailto:someone@evil.example <mailto:x@evil.example>'
  ]

  for (const text of hostile) {
    it(`shows ${JSON.stringify(text)} as the same text in a paragraph and in a list item`, () => {
      const shown = text.replace(/\r\n|[\r\n]/g, ' ').trim()
      const escaped = escapeMarkdown(text, { escape: 'formatting', paragraphs: true })
      const paragraph = render(escaped)
      expect(decode(/^<p>(.*)<\/p>\n?$/s.exec(paragraph)?.[1] ?? `not one paragraph: ${paragraph}`)).toBe(shown)
      const item = render(`- **Owner:** ${escapeMarkdown(text, { escape: 'formatting' })}`)
      const inItem = /^<ul>\n<li><strong>Owner:<\/strong> (.*)<\/li>\n<\/ul>\n?$/s.exec(item)?.[1] ?? `not one item: ${item}`
      expect(decode(inItem).trim()).toBe(shown)
      for (const html of [paragraph, inItem]) expect(html).not.toMatch(formatting)
    })
  }

  it('leaves alone what formats nothing where it stands', () => {
    const plain = "Telford & Wrekin's victim-first plan (2022): 50% done, R12-R14 #3 = next! a/b; $5 :ok: user@host www https:/x"
    expect(escapeMarkdown(plain, { escape: 'formatting' })).toBe(plain)
    expect(escapeMarkdown('# Train *all* officers', { escape: 'formatting' })).toBe('\\# Train \\*all\\* officers')
    expect(escapeMarkdown('12. Train\n\n- staff &amp; 3) officers', { escape: 'formatting', paragraphs: true })).toBe('12\\. Train\n\n\\- staff \\&amp; 3) officers')
  })
})

describe('percent', () => {
  it('rounds a ratio to a whole percentage', () => {
    expect([0, 0.004, 0.375, 0.995, 1].map(percent)).toEqual(['0%', '0%', '38%', '100%', '100%'])
  })
})

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;')
    expect(escapeHtml('R12 — “plain” text, 100%')).toBe('R12 — “plain” text, 100%')
    expect(escapeHtml('&amp;')).toBe('&amp;amp;')
  })
})
