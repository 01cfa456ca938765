import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, assert, describe, expect, it } from 'vitest'
import { allDebianPackages, debianPackages, installBlocker, lockWaitSeconds, missingDebianPackages, missingPackagesMessage } from '../../../scripts/prerequisites.mjs'

/**
 * The one installer of the tests' machine prerequisites
 * (scripts/prerequisites.mjs, which `npm test` runs first): the message when
 * it cannot install, and that concurrent installs never fight. Nothing here
 * changes the machine: the real script runs as an unprivileged user, or
 * against fake `apt-get` and `dpkg-query` on the PATH.
 */

const script = fileURLToPath(new URL('../../../scripts/prerequisites.mjs', import.meta.url))
const absent = 'followthrough-no-such-package'
const scratch = mkdtempSync(join(tmpdir(), 'followthrough-prerequisites-'))
chmodSync(scratch, 0o755)

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

/** Run the real script as a user who is not root (`nobody` through setpriv when this is root). */
function runUnprivileged(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const root = process.getuid?.() === 0
  const [command, args] = root ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, script]] : [process.execPath, [script]]
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: scratch, env: { PATH: process.env['PATH'] ?? '', HOME: scratch, ...env } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the prerequisites installer', () => {
  it('covers every package each suite needs, Chromium included', () => {
    const all = allDebianPackages({})
    for (const name of [...debianPackages.browser, ...debianPackages.vscode]) expect(all).toContain(name)
    expect(new Set(all).size).toBe(all.length)
    expect(allDebianPackages({ FOLLOWTHROUGH_DEBIAN_PACKAGES: ' chromium  x ' })).toEqual(['chromium', 'x'])
  })

  it('says in one line which packages are missing and how to install them', () => {
    expect(missingPackagesMessage(['chromium', 'ripgrep'], 'not root')).toBe(
      'Missing Debian packages the tests need: chromium ripgrep (not root, so not installing them). Install them as root with: apt-get update && apt-get install -y --no-install-recommends chromium ripgrep'
    )
    expect(installBlocker({ root: false, aptGet: true })).toBe('not root')
    expect(installBlocker({ root: true, aptGet: false })).toBe('no apt-get')
    expect(installBlocker({ root: true, aptGet: true })).toBeUndefined()
  })

  it('knows what dpkg has installed', () => {
    expect(missingDebianPackages(['chromium', absent])).toEqual([absent])
  })

  it('as `npm test` runs it: installs what is missing (nothing, once installed) and exits 0', () => {
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: scratch })
    expect(result.stderr.split('\n').filter((line) => line && !line.startsWith('[prerequisites] ') && !line.startsWith('[harness] '))).toEqual([])
    expect(result.status).toBe(0)
    expect(missingDebianPackages(allDebianPackages({}))).toEqual([])
  })

  it('stops with that one line and exit 1 when not root, naming only what is missing', () => {
    const result = runUnprivileged({ FOLLOWTHROUGH_DEBIAN_PACKAGES: `chromium ${absent}` })
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`${missingPackagesMessage([absent], 'not root')}\n`)
    expect(result.status).toBe(1)
  })

  it('stops with that one line when there is no apt-get', () => {
    // A PATH with dpkg-query but no apt-get.
    const bin = join(scratch, 'no-apt-get')
    spawnSync('mkdir', ['-p', bin])
    const dpkgQuery = spawnSync('sh', ['-c', 'command -v dpkg-query'], { encoding: 'utf8' }).stdout.trim()
    symlinkSync(dpkgQuery, join(bin, 'dpkg-query'))
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: scratch, env: { PATH: bin, FOLLOWTHROUGH_DEBIAN_PACKAGES: absent } })
    expect(result.stderr).toBe(`${missingPackagesMessage([absent], 'no apt-get')}\n`)
    expect(result.status).toBe(1)
  })

  it('serialises concurrent installs: one apt-get at a time, waiting for dpkg, and no second install of what the first installed', async () => {
    // Fake dpkg-query and apt-get: the "installed" packages live in a file.
    const fakes = join(scratch, 'fakes')
    spawnSync('mkdir', ['-p', fakes])
    const state = join(scratch, 'installed')
    const log = join(scratch, 'apt-get.log')
    writeFileSync(state, '')
    writeFileSync(
      join(fakes, 'dpkg-query'),
      '#!/bin/sh\nshift 2\nfor p in "$@"; do if grep -qx "$p" "$FAKE_STATE"; then echo "$p installed"; else echo "$p not-installed"; fi; done\n'
    )
    writeFileSync(
      join(fakes, 'apt-get'),
      [
        '#!/bin/sh',
        'echo "start $$ $*" >> "$FAKE_LOG"',
        'sleep 0.3',
        'case " $* " in *" install "*) for a in "$@"; do case "$a" in followthrough-*) echo "$a" >> "$FAKE_STATE";; esac; done;; esac',
        'echo "end $$" >> "$FAKE_LOG"',
        ''
      ].join('\n')
    )
    chmodSync(join(fakes, 'dpkg-query'), 0o755)
    chmodSync(join(fakes, 'apt-get'), 0o755)
    const env = { ...process.env, PATH: `${fakes}${delimiter}${process.env['PATH'] ?? ''}`, FAKE_STATE: state, FAKE_LOG: log }
    const program = `import { installDebianPackages } from ${JSON.stringify(script)}; installDebianPackages(['followthrough-fake'], { lockFile: ${JSON.stringify(join(scratch, 'lock'))}, log: () => {} })`
    const runs = await Promise.all(
      Array.from(
        { length: 3 },
        () =>
          new Promise<{ code: number | null; stderr: string }>((resolve) => {
            const child = spawn(process.execPath, ['--input-type=module', '-e', program], { env, stdio: ['ignore', 'ignore', 'pipe'] })
            let stderr = ''
            child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
            child.on('close', (code) => {
              resolve({ code, stderr })
            })
          })
      )
    )
    expect(runs).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
      { code: 0, stderr: '' }
    ])
    const lines = readFileSync(log, 'utf8').trim().split('\n')
    // One update and one install, never overlapping: each start is followed by its own end.
    expect(lines).toHaveLength(4)
    for (const [index, line] of lines.entries()) {
      if (index % 2 === 1) continue
      const pid = line.split(' ')[1]
      assert(pid !== undefined, `Expected "start <pid> …", found ${JSON.stringify(line)}`)
      expect(lines[index + 1]).toBe(`end ${pid}`)
    }
    const wait = `-o DPkg::Lock::Timeout=${lockWaitSeconds}`
    expect(lines[0]).toMatch(new RegExp(`^start \\d+ ${wait} update -qq$`))
    expect(lines[2]).toMatch(new RegExp(`^start \\d+ ${wait} install -y -qq --no-install-recommends followthrough-fake$`))
    expect(readFileSync(state, 'utf8')).toBe('followthrough-fake\n')
    expect(existsSync(join(scratch, 'lock'))).toBe(true)
  })
})
