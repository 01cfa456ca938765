/**
 * Users' files are sacred, and hostile files are refused: `lint --fix`,
 * `report` and the cache through `main(argv, io)` on an injected file system
 * and through the real bin on disk.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { MemoryFileSystem, type ReadOptions } from '@followthrough/engine'
import { afterEach, describe, expect, it } from 'vitest'
import { minutes, register, run, runInProcess, workspace } from './workspace.js'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function make(files: Record<string, string | Buffer>): string {
  const { root, cleanup } = workspace(files)
  cleanups.push(cleanup)
  return root
}

/** Every file below a folder (links not followed), relative to it. */
function tree(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tree(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  )
}

/** The register of the tests with R12 added (the example). */
const withR12 = `${register}  - id: R12\n    title: Review the partnership\n    owners: [council]\n`
const idStyle = JSON.stringify({ referenceStyle: 'id' })
const bom = Buffer.from([0xef, 0xbb, 0xbf])

interface Captured {
  code: number
  stdout: string
  stderr: string
}

/** A folder that does not exist on disk, for in-memory workspaces. */
const memoryRoot = `/followthrough-in-memory-${process.pid}/w`

/** Run `main` in this process over a file system in memory. */
function inMemory(argv: string[], fs: MemoryFileSystem, cwd = memoryRoot): Promise<Captured> {
  return runInProcess(argv, fs, cwd)
}

function memory(files: Record<string, string | Uint8Array>): MemoryFileSystem {
  return new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, content]) => [`${memoryRoot}/${path}`, content])))
}

function rules(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{ file: string; line: number; column: number; ruleId: string }>).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)
}

describe('lint --fix', () => {
  it('fixes a file with a byte order mark at the right offsets and keeps the mark', async () => {
    const root = make({
      'followthrough.config.json': idStyle,
      'recommendations.yaml': withR12,
      'minutes/bom.md': Buffer.concat([bom, Buffer.from(minutes('2023-04-17', 'We discussed Recommendation 12 today.\n'))])
    })
    const fixed = await run(['lint', '--fix', '--format', 'json'], root)
    expect(fixed.stderr).toBe('followthrough: fixed 1 problem in minutes/bom.md\n')
    expect(fixed.stdout).toBe('[]\n')
    expect(fixed.code).toBe(0)
    const after = readFileSync(join(root, 'minutes/bom.md'))
    expect([...after.subarray(0, 3)]).toEqual([...bom])
    expect(after.subarray(3).toString('utf8')).toBe(minutes('2023-04-17', 'We discussed R12 today.\n'))
    const again = await run(['lint', '--format', 'json'], root)
    expect(again).toEqual({ code: 0, stdout: '[]\n', stderr: '' })
  })

  it('leaves a file that changed between analysis and write, with one line saying so', async () => {
    const path = `${memoryRoot}/minutes/a.md`
    const edited = minutes('2023-04-17', 'Added an introduction. We discussed Recommendation 12 today.\n')
    /** The minute-taker saves the file just after the CLI has read it. */
    class SavedMeanwhile extends MemoryFileSystem {
      saved = false
      override async readFile(file: string, options?: ReadOptions): Promise<Uint8Array> {
        const bytes = await super.readFile(file, options)
        if (file === path && !this.saved) {
          this.saved = true
          this.write(path, edited)
        }
        return bytes
      }
    }
    const fs = new SavedMeanwhile()
    fs.write(`${memoryRoot}/followthrough.config.json`, idStyle)
    fs.write(`${memoryRoot}/recommendations.yaml`, withR12)
    fs.write(path, minutes('2023-04-17', 'We discussed Recommendation 12 today.\n'))
    const result = await inMemory(['lint', '--fix', '--format', 'json'], fs)
    expect(result.stderr).toBe('followthrough: not fixing minutes/a.md: it changed since it was checked\n')
    expect(fs.text(path)).toBe(edited)
    expect(rules(result.stdout)).toEqual(['minutes/a.md:9:14 reference-style'])
    expect(result.code).toBe(0)
    expect([...fs.files.keys()].filter((file) => file.endsWith('.tmp'))).toEqual([])
  })

  it('keeps modes, writes through links, and leaves hard links and read-only files alone', async () => {
    const body = minutes('2023-04-17', 'We discussed Recommendation 12 today.\n')
    const root = make({
      'followthrough.config.json': idStyle,
      'recommendations.yaml': withR12,
      'minutes/private.md': body,
      'minutes/hard.md': body,
      'minutes/ro.md': body,
      'archive/linked.md': body
    })
    chmodSync(join(root, 'minutes/private.md'), 0o600)
    chmodSync(join(root, 'minutes/ro.md'), 0o444)
    linkSync(join(root, 'minutes/hard.md'), join(root, 'archive/hard-copy.md'))
    symlinkSync('../archive/linked.md', join(root, 'minutes/linked.md'))
    const result = await run(['lint', '--fix', '--format', 'json'], root)
    expect(result.stderr).toBe(
      [
        'followthrough: not fixing minutes/hard.md: it has 2 hard links, which replacing it would split',
        'followthrough: fixed 1 problem in minutes/linked.md',
        'followthrough: fixed 1 problem in minutes/private.md',
        'followthrough: not fixing minutes/ro.md: it is read-only',
        ''
      ].join('\n')
    )
    expect(rules(result.stdout)).toEqual(['minutes/hard.md:9:14 reference-style', 'minutes/ro.md:9:14 reference-style'])
    expect(result.code).toBe(0)
    const fixed = minutes('2023-04-17', 'We discussed R12 today.\n')
    expect(readFileSync(join(root, 'minutes/private.md'), 'utf8')).toBe(fixed)
    expect(statSync(join(root, 'minutes/private.md')).mode & 0o777).toBe(0o600)
    expect(lstatSync(join(root, 'minutes/linked.md')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(root, 'archive/linked.md'), 'utf8')).toBe(fixed)
    expect(readFileSync(join(root, 'minutes/hard.md'), 'utf8')).toBe(body)
    expect(statSync(join(root, 'minutes/hard.md')).nlink).toBe(2)
    expect(readFileSync(join(root, 'minutes/ro.md'), 'utf8')).toBe(body)
    expect(statSync(join(root, 'minutes/ro.md')).mode & 0o777).toBe(0o444)
    expect(tree(root).sort()).toEqual([
      'archive/hard-copy.md',
      'archive/linked.md',
      'followthrough.config.json',
      'minutes/hard.md',
      'minutes/linked.md',
      'minutes/private.md',
      'minutes/ro.md',
      'recommendations.yaml'
    ])
  })

  it('reports a failed write in one line, removes the temporary file, fixes the other files, prints the report, exits 1', async () => {
    const body = minutes('2023-04-17', 'We discussed Recommendation 12 today.\n')
    /** A disk that fills up half-way through writing a.md, and where c.md is immutable. */
    class Failing extends MemoryFileSystem {
      override async writeFile(path: string, data: Uint8Array, options?: { mode?: number }): Promise<void> {
        if (!path.includes('/.a.md.')) return super.writeFile(path, data, options)
        await super.writeFile(path, data.slice(0, data.length >> 1), options)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
      }
      override async rename(from: string, to: string): Promise<void> {
        if (to.endsWith('/c.md')) throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), { code: 'EPERM' })
        return super.rename(from, to)
      }
    }
    const fs = new Failing()
    fs.write(`${memoryRoot}/followthrough.config.json`, idStyle)
    fs.write(`${memoryRoot}/recommendations.yaml`, withR12)
    for (const name of ['a', 'b', 'c']) fs.write(`${memoryRoot}/minutes/${name}.md`, body)
    const result = await inMemory(['lint', '--fix', '--format', 'json'], fs)
    expect(result.stderr).toBe(
      [
        'followthrough: cannot fix minutes/a.md: no space left on the device',
        'followthrough: fixed 1 problem in minutes/b.md',
        'followthrough: cannot fix minutes/c.md: permission denied',
        ''
      ].join('\n')
    )
    expect(rules(result.stdout)).toEqual(['minutes/a.md:9:14 reference-style', 'minutes/c.md:9:14 reference-style'])
    expect(result.code).toBe(1)
    expect(fs.text(`${memoryRoot}/minutes/a.md`)).toBe(body)
    expect(fs.text(`${memoryRoot}/minutes/b.md`)).toBe(minutes('2023-04-17', 'We discussed R12 today.\n'))
    expect(fs.text(`${memoryRoot}/minutes/c.md`)).toBe(body)
    expect([...fs.files.keys()].filter((file) => file.endsWith('.tmp'))).toEqual([])
  })
})

describe('report', () => {
  it('says in one line that --out is a folder, exits 2, and leaves nothing behind', async () => {
    const root = make({ 'recommendations.yaml': register, 'minutes/a.md': minutes('2023-04-17', 'R1.\n'), 'out/keep.txt': 'mine' })
    const result = await run(['report', '--out', 'out'], root)
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'followthrough: cannot write out: it is a folder\n' })
    expect(tree(join(root, 'out'))).toEqual(['keep.txt'])
  })
})

describe('a file system in memory', () => {
  it('holds every result of lint --fix, --cache and report, and the disk is never touched', async () => {
    const fs = memory({
      'followthrough.config.json': idStyle,
      'recommendations.yaml': withR12,
      'minutes/a.md': minutes('2023-04-17', 'We discussed Recommendation 12 today.\n')
    })
    const linted = await inMemory(['lint', '--fix', '--cache', '--format', 'json'], fs)
    expect(linted).toEqual({ code: 0, stdout: '[]\n', stderr: 'followthrough: fixed 1 problem in minutes/a.md\n' })
    const reported = await inMemory(['report', '--as-of', '2024-05-01', '--out', 'out/progress.html'], fs)
    expect(reported).toEqual({ code: 0, stdout: 'Wrote out/progress.html\n', stderr: '' })
    expect(fs.text(`${memoryRoot}/minutes/a.md`)).toBe(minutes('2023-04-17', 'We discussed R12 today.\n'))
    expect(fs.text(`${memoryRoot}/out/progress.html`)).toMatch(/^<!doctype html>/i)
    expect([...fs.files.keys()].map((path) => path.slice(memoryRoot.length + 1)).sort()).toEqual([
      'followthrough.config.json',
      'minutes/a.md',
      'node_modules/.cache/followthrough/files.json',
      'node_modules/.cache/followthrough/run.json',
      'out/progress.html',
      'recommendations.yaml'
    ])
    expect(existsSync(memoryRoot.split('/').slice(0, 2).join('/'))).toBe(false)
  })
})

describe('the cache', () => {
  it('warns once when --cache-location is a file, and lints without it', async () => {
    const root = make({ 'recommendations.yaml': register, 'minutes/a.md': minutes('2023-04-17', 'R7 again.\n'), 'cache-file': 'not a folder' })
    const result = await run(['lint', '--cache', '--cache-location', 'cache-file', '--format', 'json'], root)
    expect(result.stderr).toBe('followthrough: cannot write the cache in cache-file: a folder on its path is a file; linting without it\n')
    expect(rules(result.stdout)).toEqual(['minutes/a.md:9:1 unknown-recommendation'])
    expect(result.code).toBe(1)
    expect(readFileSync(join(root, 'cache-file'), 'utf8')).toBe('not a folder')
  })

  it('does not remember a file that vanished during the run as unreadable', async () => {
    const path = `${memoryRoot}/minutes/a.md`
    /** a.md is there when digests are taken, gone when it is analysed, and back afterwards (a checkout switching branches). */
    class Flaky extends MemoryFileSystem {
      reads = 0
      flaky = true
      override async readFile(file: string, options?: ReadOptions): Promise<Uint8Array> {
        if (file === path && this.flaky && ++this.reads === 2) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' })
        return super.readFile(file, options)
      }
    }
    const fs = new Flaky()
    fs.write(`${memoryRoot}/recommendations.yaml`, register)
    fs.write(path, minutes('2023-04-17', 'R7 again.\n'))
    const first = await inMemory(['lint', '--cache', '--format', 'json'], fs)
    expect(rules(first.stdout)).toEqual(['minutes/a.md:1:1 unreadable-file'])
    fs.flaky = false
    const second = await inMemory(['lint', '--cache', '--format', 'json'], fs)
    expect(rules(second.stdout)).toEqual(['minutes/a.md:9:1 unknown-recommendation'])
  })

  it('checks the register afresh: a fixed YAML warning goes, and so does the exit code', async () => {
    const tagged = register.replace('title: Independent Inquiry', 'title: !custom Independent Inquiry')
    const root = make({ 'recommendations.yaml': tagged, 'minutes/a.md': minutes('2023-04-17', 'R1 again.\n') })
    const warned = await run(['lint', '--cache', '--max-warnings', '0', '--format', 'json'], root)
    expect(rules(warned.stdout)).toEqual(['recommendations.yaml:3:10 yaml-syntax'])
    expect(warned.code).toBe(1)
    writeFileSync(join(root, 'recommendations.yaml'), register)
    const fixed = await run(['lint', '--cache', '--max-warnings', '0', '--format', 'json'], root)
    expect(fixed).toEqual({ code: 0, stdout: '[]\n', stderr: '' })
  })
})

describe('hostile files', () => {
  it('refuses a named pipe named on the command line or configured as the register, without hanging', async () => {
    const root = make({ 'recommendations.yaml': register, 'minutes/a.md': minutes('2023-04-17', 'R1.\n') })
    execFileSync('mkfifo', [join(root, 'minutes/pipe.md')])
    const named = await run(['lint', 'minutes/pipe.md', '--format', 'json'], root)
    expect(JSON.parse(named.stdout)).toMatchObject([
      { file: 'minutes/pipe.md', line: 1, column: 1, ruleId: 'unreadable-file', message: 'Unexpected named pipe (FIFO), expected a regular file (not read)' }
    ])
    expect(named.code).toBe(1)
    const other = make({ 'followthrough.config.json': JSON.stringify({ registers: ['pipe.yaml'] }), 'minutes/a.md': minutes('2023-04-17', 'R1.\n') })
    execFileSync('mkfifo', [join(other, 'pipe.yaml')])
    const register_ = await run(['lint', '--format', 'json'], other)
    expect(JSON.parse(register_.stdout)).toMatchObject([
      { file: 'pipe.yaml', line: 1, column: 1, ruleId: 'unreadable-file', message: 'Unexpected named pipe (FIFO), expected a regular file (not read)' }
    ])
    expect(register_.code).toBe(2)
  })

  it('refuses links to /dev/zero, as minutes or as the register, without reading them', async () => {
    const root = make({ 'recommendations.yaml': register, 'minutes/a.md': minutes('2023-04-17', 'R1.\n') })
    symlinkSync('/dev/zero', join(root, 'minutes/zero.md'))
    const result = await run(['lint', '--format', 'json'], root)
    expect(JSON.parse(result.stdout)).toMatchObject([
      {
        file: 'minutes/zero.md',
        ruleId: 'outside-workspace',
        message: `Unexpected symbolic link to a file outside the workspace folder ${root}, expected a file inside it (not read)`
      }
    ])
    expect(result.code).toBe(1)
    const other = make({ 'minutes/a.md': minutes('2023-04-17', 'R1.\n') })
    symlinkSync('/dev/zero', join(other, 'recommendations.yaml'))
    const register_ = await run(['lint', '--format', 'json'], other)
    expect(rules(register_.stdout)).toEqual(['recommendations.yaml:1:1 outside-workspace'])
    expect(register_.code).toBe(2)
  })

  it('refuses registers and minutes outside the config folder, and never shows what they hold', async () => {
    const root = make({
      'inside/followthrough.config.json': JSON.stringify({ registers: ['/etc/os-release', '../secret.yaml', 'recommendations.yaml'], minutes: ['../notes/*.md', 'minutes/*.md'] }),
      'inside/recommendations.yaml': register,
      'inside/minutes/a.md': minutes('2023-04-17', 'Recommendation 1.\n'),
      'secret.yaml': 'password: hunter2-do-not-show\n',
      'notes/b.md': minutes('2023-04-17', 'hunter3-do-not-show R1\n')
    })
    const result = await run(['lint', '--fix', '--format', 'json'], join(root, 'inside'))
    expect(rules(result.stdout)).toEqual([`${relative(join(root, 'inside'), '/etc/os-release')}:1:1 outside-workspace`, '../secret.yaml:1:1 outside-workspace'])
    expect(result.stdout).not.toMatch(/hunter|PRETTY|NAME=/)
    expect(result.stderr).toBe('followthrough: fix the configuration and registers above first\n')
    expect(result.code).toBe(2)
    // With the registers inside, the minutes outside are refused in turn.
    writeFileSync(join(root, 'inside/followthrough.config.json'), JSON.stringify({ referenceStyle: 'id', minutes: ['../notes/*.md', 'minutes/*.md'] }))
    const fixing = await run(['lint', '--fix', '--format', 'json'], join(root, 'inside'))
    expect(rules(fixing.stdout)).toEqual(['../notes/b.md:1:1 outside-workspace'])
    expect(fixing.stderr).toBe('followthrough: fixed 1 problem in minutes/a.md\n')
    expect(readFileSync(join(root, 'notes/b.md'), 'utf8')).toBe(minutes('2023-04-17', 'hunter3-do-not-show R1\n'))
    expect(fixing.code).toBe(1)
  })

  it('lints each minutes file once when a folder link loops', async () => {
    const root = make({ 'recommendations.yaml': register, 'minutes/a.md': minutes('2023-04-17', 'R7.\n'), 'minutes/sub/b.md': minutes('2023-04-17', 'R1.\n') })
    symlinkSync('..', join(root, 'minutes/sub/loop'))
    const result = await run(['lint', '--format', 'json'], root)
    expect(rules(result.stdout)).toEqual(['minutes/a.md:9:1 unknown-recommendation'])
    const references = await run(['refs', '--format', 'json'], root)
    expect((JSON.parse(references.stdout) as Array<{ file: string; id: string }>).map((r) => `${r.file} ${r.id}`)).toEqual(['minutes/a.md R7', 'minutes/sub/b.md R1'])
  })

  it('names UTF-16 without a byte order mark, and puts the first byte that is not UTF-8 where it is', async () => {
    const text = minutes('2023-04-17', 'We discussed R7 today.\n')
    const root = make({
      'recommendations.yaml': register,
      'minutes/utf16.md': Buffer.from(text, 'utf16le'),
      'minutes/latin1.md': Buffer.from(minutes('2023-04-17', 'Caf\u00e9 R1.\n'), 'latin1')
    })
    const result = await run(['lint', '--format', 'json'], root)
    expect(JSON.parse(result.stdout)).toMatchObject([
      { file: 'minutes/latin1.md', line: 9, column: 4, ruleId: 'invalid-encoding', message: 'Unexpected byte 0xE9 that is not UTF-8, expected a UTF-8 text file' },
      {
        file: 'minutes/utf16.md',
        line: 1,
        column: 1,
        ruleId: 'invalid-encoding',
        message: 'Unexpected UTF-16 text (little-endian, without a byte order mark), expected UTF-8 text: save the file as UTF-8'
      }
    ])
    expect(result.code).toBe(1)
  })

  it('keeps positions exact after a NUL byte', async () => {
    const root = make({ 'recommendations.yaml': register, 'minutes/a.md': minutes('2023-04-17', 'A\0 R7 today.\n') })
    const result = await run(['lint', '--format', 'json'], root)
    expect(JSON.parse(result.stdout)).toMatchObject([{ file: 'minutes/a.md', line: 9, column: 4, endLine: 9, endColumn: 6, ruleId: 'unknown-recommendation' }])
  })

  it('lints a 4 MB minutes file and refuses one larger than 16 MiB', async () => {
    const line = 'Recommendation 1 was discussed at some length, as the minute-taker noted here.\n'
    const root = make({ 'recommendations.yaml': register, 'minutes/big.md': minutes('2023-04-17', `${line.repeat(52_000)}R7.\n`), 'minutes/huge.md': '' })
    truncateSync(join(root, 'minutes/huge.md'), 17 * 1024 * 1024)
    expect(statSync(join(root, 'minutes/big.md')).size).toBeGreaterThan(4_000_000)
    const result = await run(['lint', '--format', 'json'], root)
    expect(JSON.parse(result.stdout)).toMatchObject([
      { file: 'minutes/big.md', line: 52_009, column: 1, ruleId: 'unknown-recommendation' },
      { file: 'minutes/huge.md', line: 1, column: 1, ruleId: 'unreadable-file', message: 'Unexpected file larger than 16 MiB (17 MiB), expected a smaller file (not read)' }
    ])
    expect(result.code).toBe(1)
  })
})
