import { MemoryFileSystem } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { OverlayFileSystem } from './overlay-file-system.js'

describe('OverlayFileSystem', () => {
  it('reads open documents over the files, and the files again once closed', async () => {
    const base = new MemoryFileSystem({ '/w/a.yaml': 'on disk' })
    const fs = new OverlayFileSystem(base)
    fs.set('/w/a.yaml', 'in the editor')
    fs.set('/w/new.yaml', 'not saved yet')
    expect(new TextDecoder().decode(await fs.readFile('/w/a.yaml'))).toBe('in the editor')
    expect(await fs.exists('/w/new.yaml')).toBe(true)
    expect(fs.text('/w/new.yaml')).toBe('not saved yet')
    fs.delete('/w/a.yaml')
    expect(new TextDecoder().decode(await fs.readFile('/w/a.yaml'))).toBe('on disk')
    expect(await fs.glob(['*.yaml'], '/w')).toEqual(['/w/a.yaml'])
  })
})
