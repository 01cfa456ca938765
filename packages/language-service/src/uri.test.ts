import { describe, expect, it } from 'vitest'
import { isFilePath, normalizeUri, pathToUri, uriToPath } from './uri.js'

describe('uri', () => {
  it('turns file URIs into engine paths and back', () => {
    expect(uriToPath('file:///w/minutes/a%20b.md')).toBe('/w/minutes/a b.md')
    expect(pathToUri('/w/minutes/a b.md')).toBe('file:///w/minutes/a%20b.md')
    expect(uriToPath(pathToUri('/w/ünï cöde/#1?.md'))).toBe('/w/ünï cöde/#1?.md')
    expect(uriToPath('file:///w/a.md?query#fragment')).toBe('/w/a.md')
  })
  it('takes paths in any spelling, and Windows drives as VS Code and other editors write them', () => {
    expect(uriToPath('/already/a/path')).toBe('/already/a/path')
    expect(uriToPath('/w/minutes/')).toBe('/w/minutes')
    expect(uriToPath('file:///c%3A/w/a.md')).toBe('C:/w/a.md')
    expect(uriToPath('file:///C:/w/a.md')).toBe('C:/w/a.md')
    expect(uriToPath('file:///c%3A/')).toBe('C:/')
    expect(uriToPath('file:///c:')).toBe('C:/')
    expect(uriToPath('C:\\w\\a.md')).toBe('C:/w/a.md')
    expect(uriToPath('c:\\w/mixed\\a.md')).toBe('C:/w/mixed/a.md')
    expect(pathToUri('C:/w/a b.md')).toBe('file:///c%3A/w/a%20b.md')
    expect(pathToUri('C:\\w\\a.md')).toBe('file:///c%3A/w/a.md')
    expect(normalizeUri('file:///C:/w/a.md')).toBe('file:///c%3A/w/a.md')
    expect(normalizeUri('file:///c%3A/w/./x/../a.md')).toBe('file:///c%3A/w/a.md')
    expect(uriToPath('file://server/share/a.md')).toBe('//server/share/a.md')
    expect(pathToUri('//server/share/a.md')).toBe('file://server/share/a.md')
  })
  it('leaves other schemes alone, and says which paths name files', () => {
    expect(uriToPath('untitled:Untitled-1')).toBe('untitled:Untitled-1')
    expect(normalizeUri('untitled:Untitled-1')).toBe('untitled:Untitled-1')
    expect(isFilePath(uriToPath('untitled:Untitled-1'))).toBe(false)
    expect(isFilePath(uriToPath('git:/w/a.md?ref'))).toBe(false)
    expect(isFilePath(uriToPath('file:///w/a.md'))).toBe(true)
    expect(isFilePath(uriToPath('file:///c%3A/w/a.md'))).toBe(true)
  })
})
