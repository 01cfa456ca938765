import { describe, expect, it } from 'vitest'
import { basename, dirname, isInside, joinPath, normalizePath, relativePath } from './file-system.js'
import { MemoryFileSystem } from './memory-file-system.js'
import { outsideWorkspace } from './read-file.js'
import { allFindings, listMinutes, loadWorkspace, readMinutes, resolvePath } from './workspace.js'
import { writeFileAtomically } from './write-file.js'
import { oneRecommendationRegister } from '../test/registers.js'

// A workspace on a Windows drive, as the engine meets it: the working folder
// as `process.cwd()` spells it there (`C:\Users\x\inquiry`), files as the
// disk lists them (`C:/Users/x/inquiry/...`). Paths in the engine are pathe's:
// forward slashes, upper-case drive letter.

const register = oneRecommendationRegister

function minutes(date: string, body: string): string {
  return `---\nmeeting: accountability\ndate: ${date}\ntitle: Meeting\nchair: John Campion\nattendees: [Pippa Mills]\n---\n\n${body}\n`
}

const root = 'C:/Users/x/inquiry'

function driveWorkspace(): MemoryFileSystem {
  return new MemoryFileSystem({
    [`${root}/followthrough.config.json`]: '{ "registers": ["data\\\\r.yaml"], "minutes": ["notes/**/*.md"] }',
    [`${root}/data/r.yaml`]: register,
    [`${root}/notes/a.md`]: minutes('2023-04-17', 'We discussed R1 and R9.'),
    [`${root}/notes/deep/b.md`]: minutes('2023-04-18', 'R1 again.'),
    [`${root}/other.md`]: minutes('2023-04-18', 'Not minutes.')
  })
}

describe('paths on a Windows drive', () => {
  it('joins, splits and relates drive-letter paths, whatever the slashes', () => {
    expect(normalizePath('c:\\Users\\x\\')).toBe('C:/Users/x')
    expect(normalizePath('c:')).toBe('C:/')
    expect(normalizePath('/w/a/')).toBe('/w/a')
    expect(joinPath('C:\\Users\\x', 'inquiry/notes\\a.md')).toBe('C:/Users/x/inquiry/notes/a.md')
    expect(joinPath('c:/Users/x/inquiry', '..\\other')).toBe('C:/Users/x/other')
    expect(joinPath('C:/Users/x', 'D:\\data\\r.yaml')).toBe('D:/data/r.yaml')
    expect(resolvePath('C:\\Users\\x\\inquiry', 'notes/a.md')).toBe(`${root}/notes/a.md`)
    expect(dirname(`${root}/notes/a.md`)).toBe(`${root}/notes`)
    expect(dirname('C:/a.md')).toBe('C:/')
    expect(dirname('C:/')).toBe('C:/')
    expect(basename('C:\\Users\\x\\a.md')).toBe('a.md')
    expect(relativePath('C:\\Users\\x\\inquiry', `${root}/notes/a.md`)).toBe('notes/a.md')
    expect(relativePath(`${root}/notes`, `${root}/data/r.yaml`)).toBe('../data/r.yaml')
    expect(relativePath(root, root)).toBe('.')
  })

  it('tells inside from outside on a drive', () => {
    expect(isInside(root, `${root}/notes/a.md`)).toBe(true)
    expect(isInside('C:\\Users\\x\\inquiry', 'C:\\Users\\x\\inquiry\\notes\\a.md')).toBe(true)
    expect(isInside('c:/Users/x/inquiry', `${root}/a.md`)).toBe(true)
    expect(isInside('C:/', `${root}/a.md`)).toBe(true)
    expect(isInside(root, 'C:/Users/x/inquiry-old/a.md')).toBe(false)
    expect(isInside(root, 'D:/Users/x/inquiry/a.md')).toBe(false)
    expect(isInside(root, 'C:/Users/x/other/a.md')).toBe(false)
  })

  it('finds the config above a backslashed working folder and resolves registers and globs against it', async () => {
    const fs = driveWorkspace()
    const workspace = await loadWorkspace(fs, 'C:\\Users\\x\\inquiry\\notes\\deep')
    expect(workspace.config.path).toBe(`${root}/followthrough.config.json`)
    expect(workspace.config.root).toBe(root)
    expect(workspace.findings).toEqual([])
    expect(workspace.registers.map((entry) => entry.path)).toEqual([`${root}/data/r.yaml`])
    expect(workspace.context.registers.map((entry) => entry.inquiry.id)).toEqual(['iitcse'])
    expect(await listMinutes(fs, workspace)).toEqual([`${root}/notes/a.md`, `${root}/notes/deep/b.md`])
  })

  it('reports findings at drive-letter paths, relative to the working folder', async () => {
    const fs = driveWorkspace()
    const workspace = await loadWorkspace(fs, 'C:\\Users\\x\\inquiry')
    const analyses = await Promise.all((await listMinutes(fs, workspace)).map((path) => readMinutes(fs, path, workspace)))
    const findings = allFindings(workspace, analyses)
    expect(findings.map((finding) => `${relativePath('C:\\Users\\x\\inquiry', finding.file)}:${finding.line}:${finding.column}: ${finding.ruleId}`)).toEqual([
      'notes/a.md:9:21: unknown-recommendation'
    ])
  })

  it('stops looking for a config at the drive root', async () => {
    const fs = new MemoryFileSystem({ 'C:/notes/a.md': minutes('2023-04-17', 'R1') })
    const workspace = await loadWorkspace(fs, 'C:\\notes')
    expect(workspace.config.path).toBeUndefined()
    expect(workspace.config.root).toBe('C:/notes')
    expect(await listMinutes(fs, workspace, ['*.md'])).toEqual(['C:/notes/a.md'])
  })

  it('refuses registers and minutes outside the drive-letter workspace', async () => {
    const fs = new MemoryFileSystem({
      [`${root}/followthrough.config.json`]: '{ "registers": ["..\\\\secret\\\\r.yaml"] }',
      'C:/Users/x/secret/r.yaml': register,
      'D:/elsewhere/a.md': minutes('2023-04-17', 'R1')
    })
    const workspace = await loadWorkspace(fs, root)
    expect(workspace.findings.map((finding) => `${finding.file}: ${finding.ruleId}: ${finding.message}`)).toEqual([
      `C:/Users/x/secret/r.yaml: outside-workspace: Unexpected file outside the workspace folder ${root}, expected a file inside it (not read)`
    ])
    expect((await outsideWorkspace(fs, 'D:/elsewhere/a.md', root))?.ruleId).toBe('outside-workspace')
    expect(await outsideWorkspace(fs, `${root}/notes/a.md`, 'C:\\Users\\x\\inquiry')).toBeUndefined()
    const analysis = await readMinutes(fs, 'D:/elsewhere/a.md', workspace)
    expect(analysis.findings.map((finding) => finding.ruleId)).toEqual(['outside-workspace'])
  })

  it('writes files on a drive, creating their folders, and only inside the workspace', async () => {
    const fs = driveWorkspace()
    const written = await writeFileAtomically(fs, `${root}/out/report/index.html`, new TextEncoder().encode('<p>'), { within: root, createFolder: true })
    expect(written).toBe(`${root}/out/report/index.html`)
    expect(fs.text(written)).toBe('<p>')
    expect([...fs.files.keys()].filter((path) => path.endsWith('.tmp'))).toEqual([])
    await expect(writeFileAtomically(fs, 'C:/Users/x/elsewhere.html', new Uint8Array(), { within: root, createFolder: true })).rejects.toThrow(
      `Cannot write C:/Users/x/elsewhere.html: it is outside the workspace folder ${root}`
    )
  })
})
