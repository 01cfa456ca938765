import { spawn } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { afterEach, assert, describe, expect, it } from 'vitest'
import { bin, minutes, register, workspace } from './workspace.js'

/**
 * Issue 9: the bin's output going nowhere. `lint | head -c 100` closes the pipe
 * early (EPIPE); `lint > /dev/full` cannot write at all (ENOSPC). Neither is
 * the user's mistake nor a bug of ours: no stack trace.
 */

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A workspace whose JSON findings run to several hundred kilobytes, far beyond a pipe's buffer. */
function larger(): string {
  const files: Record<string, string> = { 'recommendations.yaml': register }
  const body = 'We discussed R7, R8 and R9 today.\n\n'.repeat(40)
  for (let index = 0; index < 40; index++) files[`minutes/m${String(index).padStart(2, '0')}.md`] = minutes('2023-04-17', body)
  const { root, cleanup } = workspace(files)
  cleanups.push(cleanup)
  return root
}

interface Ended {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  head: string
}

/** Run the bin and close its stdout after the first chunk, as `| head -c 100` does. */
function runClosingEarly(args: string[], cwd: string): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let head = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdout.setEncoding('utf8').once('data', (chunk: string) => {
      head = chunk.slice(0, 100)
      // The reading end goes away: every later write of the child fails with EPIPE.
      child.stdout.destroy()
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      resolve({ code, signal, stderr, head })
    })
  })
}

/** Run the bin with stdout on a file descriptor (such as /dev/full). */
function runInto(path: string, args: string[], cwd: string): Promise<Ended> {
  const fd = openSync(path, 'w')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'] })
    closeSync(fd)
    let stderr = ''
    assert(child.stderr, "stderr is 'pipe'")
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      resolve({ code, signal, stderr, head: '' })
    })
  })
}

describe('a pipe closed early (lint | head -c 100)', () => {
  it('ends quietly with the lint result as exit code', async () => {
    const root = larger()
    const result = await runClosingEarly(['lint', '--format', 'json'], root)
    expect(result.head.startsWith('[{"file":"minutes/m00.md"')).toBe(true)
    expect(result.stderr).toBe('')
    expect(result.signal).toBeNull()
    // The findings are errors, so lint's own exit code: 1.
    expect(result.code).toBe(1)
  })

  it('does the same for stylish output and for refs', async () => {
    const root = larger()
    for (const args of [['lint'], ['refs', '--format', 'json']]) {
      const result = await runClosingEarly(args, root)
      expect(result.stderr).toBe('')
      expect(result.code).toBe(args[0] === 'lint' ? 1 : 0)
    }
  })
})

describe('a full disk (lint > /dev/full)', () => {
  it('says so in one line and exits 2', async () => {
    const root = larger()
    const result = await runInto('/dev/full', ['lint'], root)
    expect(result.stderr).toBe('followthrough: cannot write to standard output: no space left on device (ENOSPC)\n')
    expect(result.code).toBe(2)
  })

  it('exits 2 even when the run itself is clean', async () => {
    const { root, cleanup } = workspace({ 'recommendations.yaml': register, 'minutes/a.md': minutes('2023-04-17', 'R1 is under way.\n') })
    cleanups.push(cleanup)
    const result = await runInto('/dev/full', ['lint', '--format', 'json'], root)
    expect(result.stderr).toBe('followthrough: cannot write to standard output: no space left on device (ENOSPC)\n')
    expect(result.code).toBe(2)
  })
})
