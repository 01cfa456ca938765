import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contentDigest } from './digest.js'
import { MemoryFileSystem } from './memory-file-system.js'
import { nodeFileSystem } from './node.js'
import { WriteError, writeFileAtomically } from './write-file.js'

const bytes = (text: string) => new TextEncoder().encode(text)

/** Why a write failed, as `kind: reason`, or `written <path>`. */
async function attempt(write: Promise<string>): Promise<string> {
  try {
    return `written ${await write}`
  } catch (error) {
    if (error instanceof WriteError) return `${error.kind}: ${error.reason}`
    throw error
  }
}

/** A memory file system whose writes fail half-way, as on a full disk. */
class FullDisk extends MemoryFileSystem {
  override async writeFile(path: string, data: Uint8Array, options?: { mode?: number }): Promise<void> {
    await super.writeFile(path, data.slice(0, data.length >> 1), options)
    throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' })
  }
}

/** A memory file system where files cannot be replaced, as with `chattr +i`. */
class Immutable extends MemoryFileSystem {
  override rename(from: string, to: string): Promise<void> {
    return Promise.reject(Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), { code: 'EPERM' }))
  }
}

describe('writeFileAtomically in memory', () => {
  it('creates a file and its folder, and replaces a file keeping its mode', async () => {
    const fs = new MemoryFileSystem({ '/w/a.md': 'old' })
    fs.modes.set('/w/a.md', 0o600)
    expect(await attempt(writeFileAtomically(fs, '/w/out/report.html', bytes('<p>'), { createFolder: true }))).toBe('written /w/out/report.html')
    expect(await attempt(writeFileAtomically(fs, '/w/a.md', bytes('new')))).toBe('written /w/a.md')
    expect(fs.text('/w/a.md')).toBe('new')
    expect(fs.modes.get('/w/a.md')).toBe(0o600)
    expect([...fs.files.keys()].sort()).toEqual(['/w/a.md', '/w/out/report.html'])
  })

  it('leaves the file as it was and no temporary file when the disk is full half-way', async () => {
    const fs = new FullDisk({ '/w/a.md': 'old' })
    expect(await attempt(writeFileAtomically(fs, '/w/a.md', bytes('new text')))).toBe('failed: no space left on the device')
    expect([...fs.files.keys()]).toEqual(['/w/a.md'])
    expect(fs.text('/w/a.md')).toBe('old')
  })

  it('leaves no temporary file when the file cannot be replaced (immutable)', async () => {
    const fs = new Immutable({ '/w/a.md': 'old' })
    expect(await attempt(writeFileAtomically(fs, '/w/a.md', bytes('new')))).toBe('failed: permission denied')
    expect([...fs.files.keys()]).toEqual(['/w/a.md'])
  })

  it('refuses a folder, a read-only file, a path outside `within`, a file that changed', async () => {
    const fs = new MemoryFileSystem({ '/w/out/x.html': '', '/w/ro.md': 'keep', '/elsewhere/a.md': 'a', '/w/a.md': 'checked' })
    fs.modes.set('/w/ro.md', 0o444)
    expect(await attempt(writeFileAtomically(fs, '/w/out', bytes('<p>')))).toBe('refused: it is a folder')
    expect(await attempt(writeFileAtomically(fs, '/w/ro.md', bytes('new')))).toBe('refused: it is read-only')
    expect(await attempt(writeFileAtomically(fs, '/elsewhere/a.md', bytes('new'), { within: '/w' }))).toBe('refused: it is outside the workspace folder /w')
    const checked = contentDigest(bytes('checked'))
    fs.write('/w/a.md', 'edited meanwhile')
    expect(await attempt(writeFileAtomically(fs, '/w/a.md', bytes('fixed'), { unchanged: checked }))).toBe('changed: it changed since it was checked')
    expect(fs.text('/w/a.md')).toBe('edited meanwhile')
    expect(fs.text('/w/ro.md')).toBe('keep')
    expect([...fs.files.keys()].sort()).toEqual(['/elsewhere/a.md', '/w/a.md', '/w/out/x.html', '/w/ro.md'])
  })

  it('says when a folder cannot be made because a file is in the way', async () => {
    const fs = new MemoryFileSystem({ '/w/cache': 'a file' })
    expect(await attempt(writeFileAtomically(fs, '/w/cache/run.json', bytes('{}'), { createFolder: true }))).toBe('failed: a folder on its path is a file')
  })
})

describe('writeFileAtomically on disk', () => {
  const folders: string[] = []
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })
  function folder(): string {
    const root = mkdtempSync(join(tmpdir(), 'followthrough-write-')).replaceAll('\\', '/')
    folders.push(root)
    return root
  }

  it('keeps a 0600 file 0600, writes through a symbolic link, leaves no temporary file', async () => {
    const root = folder()
    writeFileSync(join(root, 'private.md'), 'old')
    chmodSync(join(root, 'private.md'), 0o600)
    mkdirSync(join(root, 'archive'))
    writeFileSync(join(root, 'archive', 'real.md'), 'old')
    symlinkSync('archive/real.md', join(root, 'link.md'))
    expect(await attempt(writeFileAtomically(nodeFileSystem, `${root}/private.md`, bytes('new')))).toBe(`written ${root}/private.md`)
    expect(statSync(join(root, 'private.md')).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(root, 'private.md'), 'utf8')).toBe('new')
    expect(await attempt(writeFileAtomically(nodeFileSystem, `${root}/link.md`, bytes('through'), { within: root }))).toBe(`written ${root}/archive/real.md`)
    expect(lstatSync(join(root, 'link.md')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(root, 'archive', 'real.md'), 'utf8')).toBe('through')
    expect(readdirSync(root).sort()).toEqual(['archive', 'link.md', 'private.md'])
  })

  it('refuses hard links, read-only files (even for root), links leading outside `within`, an existing folder', async () => {
    const root = folder()
    const outside = folder()
    writeFileSync(join(root, 'a.md'), 'one file')
    linkSync(join(root, 'a.md'), join(root, 'b.md'))
    writeFileSync(join(root, 'ro.md'), 'read-only')
    chmodSync(join(root, 'ro.md'), 0o444)
    writeFileSync(join(outside, 'x.md'), 'theirs')
    symlinkSync(join(outside, 'x.md'), join(root, 'x.md'))
    mkdirSync(join(root, 'out'))
    expect(await attempt(writeFileAtomically(nodeFileSystem, `${root}/a.md`, bytes('new')))).toBe('refused: it has 2 hard links, which replacing it would split')
    expect(await attempt(writeFileAtomically(nodeFileSystem, `${root}/ro.md`, bytes('new')))).toBe('refused: it is read-only')
    expect(await attempt(writeFileAtomically(nodeFileSystem, `${root}/x.md`, bytes('new'), { within: root }))).toBe(`refused: it is outside the workspace folder ${root}`)
    expect(await attempt(writeFileAtomically(nodeFileSystem, `${root}/out`, bytes('<p>')))).toBe('refused: it is a folder')
    expect(readFileSync(join(root, 'b.md'), 'utf8')).toBe('one file')
    expect(statSync(join(root, 'a.md')).nlink).toBe(2)
    expect(readFileSync(join(root, 'ro.md'), 'utf8')).toBe('read-only')
    expect(readFileSync(join(outside, 'x.md'), 'utf8')).toBe('theirs')
    expect(readdirSync(root).sort()).toEqual(['a.md', 'b.md', 'out', 'ro.md', 'x.md'])
  })
})
