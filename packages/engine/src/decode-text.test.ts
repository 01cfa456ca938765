import { describe, expect, it } from 'vitest'
import { decodeFile } from './decode-text.js'
import { MemoryFileSystem } from './memory-file-system.js'
import { loadWorkspace, readMinutes } from './workspace.js'

const encoder = new TextEncoder()

function utf16(text: string, order: 'le' | 'be', bom = false): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2)
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (char) => char.charCodeAt(0))]
  units.forEach((unit, index) => {
    bytes[index * 2 + (order === 'le' ? 0 : 1)] = unit & 0xff
    bytes[index * 2 + (order === 'le' ? 1 : 0)] = unit >> 8
  })
  return bytes
}

function show(result: ReturnType<typeof decodeFile>): string {
  if (result.ok) return `text ${JSON.stringify(result.text)}${result.bom ? ' (BOM)' : ''}`
  const f = result.finding
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.message} [${f.ruleId}]`
}

const minutes = '---\nmeeting: accountability\ndate: 2023-04-17\ntitle: Meeting\nchair: C\nattendees: []\n---\n\nWe discussed R7 today.\n'

describe('decodeFile', () => {
  it('names UTF-16, with or without a byte order mark, either way round', () => {
    expect(show(decodeFile(utf16(minutes, 'le'), '/w/m.md'))).toBe(
      '1:1-1:1 error Unexpected UTF-16 text (little-endian, without a byte order mark), expected UTF-8 text: save the file as UTF-8 [invalid-encoding]'
    )
    expect(show(decodeFile(utf16(minutes, 'be'), '/w/m.md'))).toBe(
      '1:1-1:1 error Unexpected UTF-16 text (big-endian, without a byte order mark), expected UTF-8 text: save the file as UTF-8 [invalid-encoding]'
    )
    expect(show(decodeFile(utf16(minutes, 'le', true), '/w/m.md'))).toBe(
      '1:1-1:1 error Unexpected UTF-16 text (little-endian, with a byte order mark), expected UTF-8 text: save the file as UTF-8 [invalid-encoding]'
    )
  })

  it('reports bytes that are not UTF-8 where the first one is (line and column of the text before it)', () => {
    const bytes = new Uint8Array([...encoder.encode('---\ntitle: Café ok\n---\n\nR1 and the caf'), 0xe9, ...encoder.encode(' later\n')])
    expect(show(decodeFile(bytes, '/w/m.md'))).toBe('5:15-5:15 error Unexpected byte 0xE9 that is not UTF-8, expected a UTF-8 text file [invalid-encoding]')
    // Columns count UTF-16 code units, as every other position does; CRLF and a lone CR end lines.
    const after = new Uint8Array([...encoder.encode('a\r\nb\rc😀d'), 0xc0, 0x80])
    expect(show(decodeFile(after, '/w/m.md'))).toBe('3:5-3:5 error Unexpected byte 0xC0 that is not UTF-8, expected a UTF-8 text file [invalid-encoding]')
    // After a byte order mark, positions count from after it.
    expect(show(decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff]), '/w/m.md'))).toBe(
      '1:2-1:2 error Unexpected byte 0xFF that is not UTF-8, expected a UTF-8 text file [invalid-encoding]'
    )
    // A truncated sequence at the very end.
    expect(show(decodeFile(new Uint8Array([0x41, 0x0a, 0xe2, 0x82]), '/w/m.md'))).toBe(
      '2:1-2:1 error Unexpected byte 0xE2 that is not UTF-8, expected a UTF-8 text file [invalid-encoding]'
    )
  })

  it('drops a UTF-8 byte order mark from the text and says it was there; keeps a stray NUL', () => {
    expect(show(decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('R1')]), '/w/m.md'))).toBe('text "R1" (BOM)')
    expect(show(decodeFile(encoder.encode('R1\0 and R2'), '/w/m.md'))).toBe('text "R1\\u0000 and R2"')
  })

  it('is what readMinutes reports, so the CLI and the editor say the same', async () => {
    const fs = new MemoryFileSystem({ '/w/recommendations.yaml': 'inquiry: { id: i, title: T, published: 2022-07-12 }\nowners: []\nrecommendations: []\n' })
    fs.write('/w/minutes/utf16.md', utf16(minutes, 'le'))
    const workspace = await loadWorkspace(fs, '/w')
    const analysis = await readMinutes(fs, '/w/minutes/utf16.md', workspace)
    expect(analysis.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '1:1 invalid-encoding Unexpected UTF-16 text (little-endian, without a byte order mark), expected UTF-8 text: save the file as UTF-8'
    ])
    expect(analysis.data.references).toEqual([])
  })
})
