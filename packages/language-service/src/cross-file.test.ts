import { MemoryFileSystem, readMinutes, workspaceFindings, type Workspace } from '@followthrough/engine'
import { assert, describe, expect, it } from 'vitest'
import { minutes, smallRegister } from '../test/helpers.js'
import { CrossFileResults } from './cross-file.js'
import type { MinutesEntry } from './folder-index.js'
import { LastGoodLoader } from './last-good.js'

const table = (status: string) => `| ID | Status |\n| --- | --- |\n| R1 | ${status} |`

async function setUp(): Promise<{ fs: MemoryFileSystem; workspace: Workspace; entries: Map<string, MinutesEntry>; put: (path: string, text: string) => Promise<void> }> {
  const fs = new MemoryFileSystem({ '/w/recommendations.yaml': smallRegister() })
  const { workspace } = await new LastGoodLoader(fs, '/w').load()
  const entries = new Map<string, MinutesEntry>()
  const put = async (path: string, text: string) => {
    fs.write(path, text)
    entries.set(path, { path, analysis: await readMinutes(fs, path, workspace) })
  }
  // Inserted out of path order, as indexing may finish them.
  await put('/w/minutes/2023-06-01.md', minutes('2023-06-01', 'We discussed R1 again.'))
  await put('/w/minutes/2023-01-01.md', minutes('2023-01-01', table('implemented')))
  return { fs, workspace, entries, put }
}

describe('CrossFileResults', () => {
  it('lists analyses in path order, as the CLI does', async () => {
    const { entries } = await setUp()
    const cross = new CrossFileResults(entries, { log() {} }, '/w')
    expect(cross.analyses().map((analysis) => analysis.path)).toEqual(['/w/minutes/2023-01-01.md', '/w/minutes/2023-06-01.md'])
  })

  it("gives each file the engine's workspace findings, cached until facts change", async () => {
    const { workspace, entries, put } = await setUp()
    const cross = new CrossFileResults(entries, { log() {} }, '/w')
    const later = '/w/minutes/2023-06-01.md'
    const engine = () =>
      workspaceFindings(
        [...entries.values()].map((entry) => entry.analysis).sort((a, b) => a.path.localeCompare(b.path)),
        workspace.context.registers
      ).filter((finding) => finding.file === later)
    const entry = entries.get(later)
    assert(entry, `an entry for ${later}`)
    const first = cross.findingsFor(entry, workspace.context.registers)
    expect(first.map((finding) => finding.ruleId)).toEqual(['discussed-after-closure'])
    expect(first).toEqual(engine())
    expect(cross.findingsFor(entry, workspace.context.registers)).toBe(first)
    // The earlier meeting no longer closes R1: every file's findings are recomputed.
    await put('/w/minutes/2023-01-01.md', minutes('2023-01-01', table('in progress')))
    cross.changed('updates')
    const after = cross.findingsFor(entry, workspace.context.registers)
    expect(after).toEqual([])
    expect(after).toEqual(engine())
  })

  it('keeps progress for a date until some fact changes', async () => {
    const { workspace, entries } = await setUp()
    const cross = new CrossFileResults(entries, { log() {} }, '/w')
    const progress = cross.progress(workspace, '2024-01-01')
    expect(progress[0]?.statuses.find((status) => status.id === 'R1')?.status).toBe('implemented')
    expect(cross.progress(workspace, '2024-01-01')).toBe(progress)
    cross.changed('none')
    expect(cross.progress(workspace, '2024-01-01')).toBe(progress)
    expect(cross.progress(workspace, '2024-02-01')).not.toBe(progress)
    const now = cross.progress(workspace, '2024-02-01')
    cross.changed('references')
    expect(cross.progress(workspace, '2024-02-01')).not.toBe(now)
  })
})
