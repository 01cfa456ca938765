import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { FileSystem } from './file-system.js'
import { MemoryFileSystem } from './memory-file-system.js'
import { nodeFileSystem } from './node.js'
import { allFindings, listMinutes, loadWorkspace, readMinutes } from './workspace.js'
import { oneRecommendationRegister } from '../test/registers.js'

const register = oneRecommendationRegister

function minutes(body: string): string {
  return `---\nmeeting: accountability\ndate: 2023-04-17\ntitle: Meeting\nchair: John Campion\nattendees: [Pippa Mills]\n---\n\n${body}\n`
}

function show(findings: Array<{ file: string; line: number; column: number; severity: string; message: string; ruleId: string }>, root = ''): string[] {
  return findings.map((f) => `${f.file.replace(root, '')}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}]`)
}

/** A file system that remembers every path it was asked to read. */
function recording(fs: FileSystem): { fs: FileSystem; read: string[] } {
  const read: string[] = []
  const realPath = fs.realPath?.bind(fs)
  return {
    read,
    fs: {
      readFile: (path, options) => (read.push(path), fs.readFile(path, options)),
      exists: (path) => fs.exists(path),
      glob: (patterns, cwd) => fs.glob(patterns, cwd),
      ...(realPath ? { realPath } : {})
    }
  }
}

describe('files outside the workspace folder', () => {
  it('refuses registers outside the config folder, by path or ../, and never reads them', async () => {
    const memory = new MemoryFileSystem({
      '/w/followthrough.config.json': JSON.stringify({ registers: ['/etc/os-release', '../secrets.yaml', 'recommendations.yaml'] }),
      '/w/recommendations.yaml': register,
      '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
      '/secrets.yaml': 'password: hunter2\n'
    })
    const { fs, read } = recording(memory)
    const workspace = await loadWorkspace(fs, '/w')
    expect(show(workspace.findings)).toEqual([
      '/etc/os-release:1:1: error: Unexpected file outside the workspace folder /w, expected a file inside it (not read) [outside-workspace]',
      '/secrets.yaml:1:1: error: Unexpected file outside the workspace folder /w, expected a file inside it (not read) [outside-workspace]'
    ])
    expect(read).toEqual(['/w/followthrough.config.json', '/w/recommendations.yaml'])
    expect(workspace.broken).toBe(true)
  })

  it('refuses minutes outside the workspace folder (a ../ glob, a path named)', async () => {
    const fs = new MemoryFileSystem({ '/w/recommendations.yaml': register, '/notes/a.md': minutes('R1') })
    const workspace = await loadWorkspace(fs, '/w')
    const analysis = await readMinutes(fs, '/notes/a.md', workspace)
    expect(show(analysis.findings)).toEqual(['/notes/a.md:1:1: error: Unexpected file outside the workspace folder /w, expected a file inside it (not read) [outside-workspace]'])
    expect(analysis.data.references).toEqual([])
  })
})

describe('file sizes', () => {
  it('lints a 4 MB minutes file and refuses one over 16 MiB', async () => {
    const line = 'R1 was discussed and R9 was not, as the minute-taker noted at some length here.\n'
    const big = minutes(line.repeat(Math.ceil((4 * 1000 * 1000) / line.length)))
    const huge = new Uint8Array(17 * 1024 * 1024).fill(0x61)
    const fs = new MemoryFileSystem({ '/w/recommendations.yaml': register, '/w/minutes/big.md': big, '/w/minutes/huge.md': huge })
    const workspace = await loadWorkspace(fs, '/w')
    const bigAnalysis = await readMinutes(fs, '/w/minutes/big.md', workspace)
    expect(big.length).toBeGreaterThan(4_000_000)
    expect(bigAnalysis.data.references.length).toBeGreaterThan(50_000)
    const hugeAnalysis = await readMinutes(fs, '/w/minutes/huge.md', workspace)
    expect(show(hugeAnalysis.findings)).toEqual([
      '/w/minutes/huge.md:1:1: error: Unexpected file larger than 16 MiB (17 MiB), expected a smaller file (not read) [unreadable-file]'
    ])
  })
})

describe('on disk', () => {
  const folders: string[] = []
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })
  function folder(): string {
    const root = mkdtempSync(join(tmpdir(), 'followthrough-engine-')).replaceAll('\\', '/')
    folders.push(root)
    return root
  }

  it('refuses links to /dev/zero and named pipes, minutes or register, without hanging or reading them', async () => {
    const root = folder()
    mkdirSync(join(root, 'minutes'))
    writeFileSync(join(root, 'followthrough.config.json'), JSON.stringify({ registers: ['zero.yaml', 'pipe.yaml', 'linked.yaml'] }))
    writeFileSync(join(root, 'data.yaml'), register)
    symlinkSync('data.yaml', join(root, 'linked.yaml'))
    symlinkSync('/dev/zero', join(root, 'zero.yaml'))
    execFileSync('mkfifo', [join(root, 'pipe.yaml')])
    execFileSync('mkfifo', [join(root, 'pipe')])
    symlinkSync('/dev/zero', join(root, 'minutes', 'zero.md'))
    symlinkSync('../pipe', join(root, 'minutes', 'pipe.md'))
    writeFileSync(join(root, 'minutes', 'ok.md'), minutes('R1 and R2.'))
    const workspace = await loadWorkspace(nodeFileSystem, root)
    expect(workspace.context.registers.map((r) => r.inquiry.id)).toEqual(['iitcse'])
    const paths = await listMinutes(nodeFileSystem, workspace)
    // The named pipe and /dev/zero may or may not be listed (a glob may skip what is not a file); named, they are refused.
    const named = [...new Set([...paths, `${root}/minutes/pipe.md`, `${root}/minutes/zero.md`])].sort()
    const analyses = await Promise.all(named.map((path) => readMinutes(nodeFileSystem, path, workspace)))
    const findings = allFindings(workspace, analyses)
    // The regular file is linted as ever (R2 is not in the register).
    expect(findings.filter((f) => f.file.endsWith('ok.md')).map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['9:8 unknown-recommendation'])
    expect(
      show(
        findings.filter((f) => !f.file.endsWith('ok.md')),
        root
      )
    ).toEqual([
      '/minutes/pipe.md:1:1: error: Unexpected named pipe (FIFO), expected a regular file (not read) [unreadable-file]',
      `/minutes/zero.md:1:1: error: Unexpected symbolic link to a file outside the workspace folder ${root}, expected a file inside it (not read) [outside-workspace]`,
      '/pipe.yaml:1:1: error: Unexpected named pipe (FIFO), expected a regular file (not read) [unreadable-file]',
      `/zero.yaml:1:1: error: Unexpected symbolic link to a file outside the workspace folder ${root}, expected a file inside it (not read) [outside-workspace]`
    ])
  })

  it('refuses a file over 16 MiB without reading it, and a folder named as minutes', async () => {
    const root = folder()
    mkdirSync(join(root, 'minutes', 'folder.md'), { recursive: true })
    writeFileSync(join(root, 'recommendations.yaml'), register)
    writeFileSync(join(root, 'minutes', 'sparse.md'), '')
    truncateSync(join(root, 'minutes', 'sparse.md'), 16 * 1024 * 1024 + 1)
    const workspace = await loadWorkspace(nodeFileSystem, root)
    const analyses = await Promise.all(['sparse.md', 'folder.md'].map((name) => readMinutes(nodeFileSystem, `${root}/minutes/${name}`, workspace)))
    expect(
      show(
        analyses.flatMap((analysis) => analysis.findings),
        root
      )
    ).toEqual([
      '/minutes/sparse.md:1:1: error: Unexpected file larger than 16 MiB (16.1 MiB), expected a smaller file (not read) [unreadable-file]',
      '/minutes/folder.md:1:1: error: Unexpected folder, expected a regular file (not read) [unreadable-file]'
    ])
  })

  it('lists each minutes file once when a folder link loops (minutes/sub/loop -> ..)', async () => {
    const root = folder()
    mkdirSync(join(root, 'minutes', 'sub'), { recursive: true })
    writeFileSync(join(root, 'recommendations.yaml'), register)
    writeFileSync(join(root, 'minutes', 'a.md'), minutes('R1'))
    writeFileSync(join(root, 'minutes', 'sub', 'b.md'), minutes('R1'))
    symlinkSync('..', join(root, 'minutes', 'sub', 'loop'))
    symlinkSync('a.md', join(root, 'minutes', 'same-as-a.md'))
    const workspace = await loadWorkspace(nodeFileSystem, root)
    const paths = (await listMinutes(nodeFileSystem, workspace)).map((path) => path.slice(root.length))
    expect(paths).toEqual(['/minutes/a.md', '/minutes/sub/b.md'])
  })
})
