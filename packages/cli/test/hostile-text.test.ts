import { MemoryFileSystem } from '@followthrough/engine'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { assert, describe, expect, it } from 'vitest'
import { main } from '../src/index.js'
import { codeRange, codeUnitsMatching, runInProcess, terminalControls } from './workspace.js'

/**
 * Issue 9: text from a hostile repository (file names, register titles, owner
 * names) printed by every formatter. Terminal output must not carry anything
 * a terminal acts on; Markdown for GitHub's job summary must render as text.
 */

const cwd = '/w'
// ESC sequences that clear the screen and retitle the window, a C1 CSI, a bidi override.
const escTitle = 'Inquiry \\e]0;pwned\\a \\e[2J \\x9b31m \\u202eevil\\u202c'
const markdownName = '![pixel](https://evil.example/p.png) [click](javascript:alert(1)) <img src=x onerror=alert(1)>\\n# Owned \\e[5m'
const minutesName = 'minutes/2023-04-17 \u001b[2J\u202e.md'

const register = `inquiry:
  id: iitcse
  title: "${escTitle}"
  published: 2022-07-12
owners:
  - id: council
    name: "${markdownName}"
recommendations:
  - id: R1
    title: "First \\e[31mred"
    owners: [council]
    due: 2023-01-31
  - id: R2
    title: Second
    owners: [council]
`

const minutes = `---
meeting: accountability
date: 2023-04-17
title: Accountability meeting
chair: John Campion
attendees: [Pippa Mills]
---

Recommendation 1 is under way; R7 is not ours.
`

function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runInProcess(argv, new MemoryFileSystem({ [`${cwd}/recommendations.yaml`]: register, [`${cwd}/${minutesName}`]: minutes }), cwd, '2024-01-01')
}

/** Characters XML 1.0 forbids, but lone surrogates: controls but tab, line feed, carriage return, DEL and C1; U+FFFE and U+FFFF. */
const notXml = /(?![\t\n\r\x7f-\x9f])[\p{Cc}\ufffe\uffff]/u

describe('the patterns these tests check with', () => {
  it('notXml is C0 but tab, line feed and carriage return, and U+FFFE and U+FFFF', () => {
    expect(codeUnitsMatching(notXml)).toEqual([...codeRange(0x00, 0x08), 0x0b, 0x0c, ...codeRange(0x0e, 0x1f), 0xfffe, 0xffff])
  })
})

describe('terminal output shows controls instead of obeying them', () => {
  it('stylish: the file name with ESC and a bidi override is shown escaped', async () => {
    const result = await run(['lint'])
    expect(result.code).toBe(1)
    expect(result.stdout).not.toMatch(terminalControls)
    expect(result.stdout).toContain('minutes/2023-04-17 \\x1b[2J\\u202e.md\n')
    expect(result.stdout).toMatch(/9:32-9:34\s+error\s+Unexpected unknown recommendation R7/)
  })

  it('refs table: the file name is shown escaped, columns still aligned', async () => {
    const result = await run(['refs'])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(terminalControls)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^minutes\/2023-04-17 \\x1b\[2J\\u202e\.md {2}9:1 +R1 +iitcse +Recommendation 1$/)
    const [header, row] = lines
    assert(header !== undefined && row !== undefined)
    expect(row.indexOf('9:1')).toBe(header.indexOf('line:col'))
  })

  it('progress table: the register title and owner names are shown escaped', async () => {
    const result = await run(['progress'])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(terminalControls)
    expect(result.stdout).toContain('Inquiry \\x1b]0;pwned\\x07 \\x1b[2J \\x9b31m \\u202eevil\\u202c (iitcse)')
    expect(result.stdout).toContain('\\n# Owned \\x1b[5m')
  })

  it('broken workspace: a message quoting a register path is shown escaped', async () => {
    let stdout = ''
    const fs = new MemoryFileSystem({
      [`${cwd}/followthrough.config.json`]: JSON.stringify({ registers: ['a.yaml', 'b\u001b[2J.yaml'] }),
      [`${cwd}/a.yaml`]: register,
      [`${cwd}/b\u001b[2J.yaml`]: register,
      [`${cwd}/${minutesName}`]: minutes
    })
    const code = await main(['lint'], { cwd, fs, env: { NO_COLOR: '1' }, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } })
    expect(code).toBe(2)
    expect(stdout).not.toMatch(terminalControls)
    expect(stdout).toContain('b\\x1b[2J.yaml')
  })
})

describe('machine formats keep the text and stay safe to print', () => {
  it('json: the file name round-trips, and nothing raw a terminal acts on', async () => {
    const result = await run(['lint', '--format', 'json'])
    expect(result.stdout).not.toMatch(terminalControls)
    expect((JSON.parse(result.stdout) as Array<{ file: string }>)[0]?.file).toBe(minutesName)
    const refs = await run(['refs', '--format', 'json'])
    expect(refs.stdout).not.toMatch(terminalControls)
    expect((JSON.parse(refs.stdout) as Array<{ file: string }>)[0]?.file).toBe(minutesName)
    const progress = await run(['progress', '--format', 'json'])
    expect(progress.stdout).not.toMatch(terminalControls)
    expect((JSON.parse(progress.stdout) as { register: { title: string } }).register.title).toBe('Inquiry \u001b]0;pwned\u0007 \u001b[2J \u009b31m \u202eevil\u202c')
  })

  it('sarif: the same', async () => {
    const result = await run(['lint', '--format', 'sarif'])
    expect(result.stdout).not.toMatch(terminalControls)
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }
    const uri = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri
    assert(uri !== undefined, 'a result with a location')
    expect(decodeURIComponent(uri)).toBe(minutesName)
  })

  it('github: one command line per finding, controls shown escaped, : and , escaped in properties', async () => {
    const result = await run(['lint', '--format', 'github'])
    expect(result.stdout).not.toMatch(terminalControls)
    expect(result.stdout.split('\n')).toHaveLength(2)
    expect(result.stdout).toMatch(/^::error file=minutes\/2023-04-17 \\x1b\[2J\\u202e\.md,line=9,col=32,/)
  })

  it('junit: no character XML 1.0 forbids', async () => {
    const result = await run(['lint', '--format', 'junit'])
    expect(result.stdout).not.toMatch(notXml)
    expect(result.stdout).toContain('name="minutes/2023-04-17 \ufffd[2J\u202e.md"')
  })
})

describe('progress --format markdown renders as text in a job summary', () => {
  it('shows owner names and titles as text: no image, link, HTML or heading of theirs', async () => {
    const result = await run(['progress', '--format', 'markdown'])
    expect(result.code).toBe(0)
    const html = micromark(result.stdout, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true })
    expect(html).not.toMatch(/<(?:img|a|script|h1|h2|em|strong)[\s>]/)
    expect(html).not.toMatch(terminalControls)
    // Our headings only: one h3 for the register, one h4 per section.
    expect(html.match(/<h3>/g)).toHaveLength(1)
    expect(html.match(/<h4>/g)).toHaveLength(5)
    expect(html).toContain('<h3>Inquiry \\x1b]0;pwned\\x07 \\x1b[2J \\x9b31m \\u202eevil\\u202c (iitcse), as of 2024-01-01')
    // The owner's name in its table cell, whole, as text.
    expect(html).toContain('<td>![pixel](https://evil.example/p.png) [click](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; # Owned \\x1b[5m</td>')
  })
})

describe('stderr', () => {
  it('shows controls in config values it quotes', async () => {
    let stderr = ''
    const fs = new MemoryFileSystem({
      [`${cwd}/followthrough.config.json`]: JSON.stringify({ minutes: ['notes/\u001b]0;pwned\u0007*.md'] }),
      [`${cwd}/recommendations.yaml`]: register
    })
    const code = await main(['lint'], { cwd, fs, env: { NO_COLOR: '1' }, stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } })
    expect(code).toBe(2)
    expect(stderr).toBe('followthrough: No minutes match notes/\\x1b]0;pwned\\x07*.md in .\n')
  })
})
