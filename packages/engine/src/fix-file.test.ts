import { assert, describe, expect, it } from 'vitest'
import { fixFile } from './fix-file.js'
import { MemoryFileSystem } from './memory-file-system.js'
import { loadWorkspace, readMinutes } from './workspace.js'

const register =
  'inquiry: { id: iitcse, title: Telford, published: 2022-07-12 }\nowners: [{ id: council, name: Council }]\nrecommendations:\n  - { id: R12, title: Publish a report, owners: [council] }\n'
const frontMatter = '---\nmeeting: accountability\ndate: 2023-04-17\ntitle: Meeting\nchair: C\nattendees: []\n---\n\n'
const bom = [0xef, 0xbb, 0xbf]

async function setUp(content: Uint8Array) {
  const fs = new MemoryFileSystem({ '/w/followthrough.config.json': '{ "referenceStyle": "id" }', '/w/recommendations.yaml': register })
  fs.write('/w/minutes/a.md', content)
  const workspace = await loadWorkspace(fs, '/w')
  const analysis = await readMinutes(fs, '/w/minutes/a.md', workspace)
  const fixes = analysis.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []))
  return { fs, workspace, analysis, fixes }
}

describe('fixFile', () => {
  it('applies offsets of the text after a byte order mark to that text, and keeps the mark', async () => {
    const { fs, workspace, analysis, fixes } = await setUp(new Uint8Array([...bom, ...new TextEncoder().encode(`${frontMatter}We discussed Recommendation 12 today.\n`)]))
    expect(fixes).toHaveLength(1)
    expect(await fixFile(fs, '/w/minutes/a.md', fixes, { digest: analysis.digest, root: '/w' })).toEqual({ status: 'fixed', applied: 1, written: '/w/minutes/a.md' })
    const after = fs.files.get('/w/minutes/a.md')
    assert(after, 'the file is still there')
    expect([...after.subarray(0, 3)]).toEqual(bom)
    expect(new TextDecoder().decode(after.subarray(3))).toBe(`${frontMatter}We discussed R12 today.\n`)
    expect((await readMinutes(fs, '/w/minutes/a.md', workspace)).findings).toEqual([])
  })

  it('leaves a file that changed since it was checked, and says so', async () => {
    const { fs, analysis, fixes } = await setUp(new TextEncoder().encode(`${frontMatter}We discussed Recommendation 12 today.\n`))
    const edited = `${frontMatter}Added an introduction. We discussed Recommendation 12 today.\n`
    fs.write('/w/minutes/a.md', edited)
    expect(await fixFile(fs, '/w/minutes/a.md', fixes, { digest: analysis.digest, root: '/w' })).toEqual({ status: 'skipped', reason: 'it changed since it was checked' })
    expect(fs.text('/w/minutes/a.md')).toBe(edited)
  })
})
