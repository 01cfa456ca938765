import { describe, expect, it } from 'vitest'
import { dirname, joinPath, relativePath } from './file-system.js'

describe('paths', () => {
  it('joins and normalises', () => {
    expect(joinPath('/w/a', '../b/./c.md')).toBe('/w/b/c.md')
    expect(joinPath('/w', '/abs/x')).toBe('/abs/x')
    expect(dirname('/w/a/b.md')).toBe('/w/a')
    expect(dirname('/b.md')).toBe('/')
  })

  it('gives paths relative to a folder, inside and outside it', () => {
    expect(relativePath('/w', '/w/minutes/a.md')).toBe('minutes/a.md')
    expect(relativePath('/w/', '/w/minutes/a.md')).toBe('minutes/a.md')
    expect(relativePath('/w/config', '/w/notes/one.md')).toBe('../notes/one.md')
    expect(relativePath('/w', '/w')).toBe('.')
    expect(relativePath('/w', '/wx/a.md')).toBe('../wx/a.md')
  })
})
