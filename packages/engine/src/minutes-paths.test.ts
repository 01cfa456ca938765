import { describe, expect, it } from 'vitest'
import { MemoryFileSystem } from './memory-file-system.js'
import { minutesMatcher } from './minutes-paths.js'
import { listMinutes, loadWorkspace } from './workspace.js'

describe('minutesMatcher', () => {
  it('agrees with listMinutes on every file of a workspace', async () => {
    const fs = new MemoryFileSystem({
      '/w/followthrough.config.json': '{ "registers": [], "minutes": ["minutes/**/*.md", "extra/*.md"] }',
      '/w/minutes/a.md': '',
      '/w/minutes/deep/b.md': '',
      '/w/minutes/.draft/c.md': '',
      '/w/minutes/node_modules/d.md': '',
      '/w/minutes/e.txt': '',
      '/w/extra/f.md': '',
      '/w/extra/deeper/g.md': '',
      '/w/README.md': '',
      '/other/minutes/h.md': ''
    })
    const workspace = await loadWorkspace(fs, '/w')
    const isMinutes = minutesMatcher(workspace)
    const listed = await listMinutes(fs, workspace)
    expect(listed).toEqual(['/w/extra/f.md', '/w/minutes/a.md', '/w/minutes/deep/b.md'])
    expect([...fs.files.keys()].filter(isMinutes).sort()).toEqual(listed)
  })

  it('uses the folder of a config found in a parent', async () => {
    const fs = new MemoryFileSystem({ '/w/followthrough.config.json': '{ "registers": [] }' })
    const isMinutes = minutesMatcher(await loadWorkspace(fs, '/w/minutes'))
    expect(isMinutes('/w/minutes/x.md')).toBe(true)
    expect(isMinutes('/w/minutes/x.yaml')).toBe(false)
    expect(isMinutes('/w2/minutes/x.md')).toBe(false)
  })
})
