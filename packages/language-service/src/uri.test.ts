import { describe, expect, it } from 'vitest'
import { normalizeUri, pathToUri, uriToPath } from './uri.js'

describe('uri', () => {
  it('turns file URIs into engine paths and back', () => {
    expect(uriToPath('file:///w/minutes/a%20b.md')).toBe('/w/minutes/a b.md')
    expect(pathToUri('/w/minutes/a b.md')).toBe('file:///w/minutes/a%20b.md')
    expect(uriToPath(pathToUri('/w/ünï cöde/#1?.md'))).toBe('/w/ünï cöde/#1?.md')
  })
  it('takes paths as they are, and Windows drives as VS Code writes them', () => {
    expect(uriToPath('/already/a/path')).toBe('/already/a/path')
    expect(uriToPath('file:///C%3A/w/a.md')).toBe('/c:/w/a.md')
    expect(uriToPath('C:\\w\\a.md')).toBe('/c:/w/a.md')
    expect(pathToUri('/c:/w/a.md')).toBe('file:///c%3A/w/a.md')
    expect(normalizeUri('file:///C:/w/a.md')).toBe('file:///c%3A/w/a.md')
    expect(uriToPath('file://server/share/a.md')).toBe('//server/share/a.md')
    expect(pathToUri('//server/share/a.md')).toBe('file://server/share/a.md')
  })
  it('leaves other schemes alone', () => {
    expect(uriToPath('untitled:Untitled-1')).toBe('untitled:Untitled-1')
    expect(normalizeUri('untitled:Untitled-1')).toBe('untitled:Untitled-1')
  })
})
