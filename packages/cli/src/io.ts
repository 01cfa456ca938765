import type { Readable, Writable } from 'node:stream'
import type { WritableFileSystem } from '@followthrough/engine'
import { visible } from './formatters/text.js'

/** Somewhere to write output (a process stream, or a buffer in tests). */
export interface Output {
  write(text: string): unknown
  /** Colour and grouping are for terminals only. */
  isTTY?: boolean
}

/** Somewhere to read answers from (the process's stdin, or a stream in tests). */
export interface Input extends NodeJS.ReadableStream {
  /** `init` asks questions only when both stdin and stdout are terminals. */
  isTTY?: boolean
}

/** What the CLI needs from its surroundings, injected so tests run it in-process. */
export interface CliIo {
  /** The working folder (absolute). */
  cwd: string
  stdout: Output
  stderr: Output
  /** Read only by `init`, to ask for what its flags did not give, on a terminal. */
  stdin?: Input
  env?: Readonly<Record<string, string | undefined>>
  /**
   * The file system every read and write goes through (minutes, registers,
   * `--fix`, `report`, the cache); the disk when absent. With a
   * `MemoryFileSystem` the CLI touches no disk.
   */
  fs?: WritableFileSystem
  /** Today, for `progress` without `--as-of` and the date of `init`'s first minutes (tests pin it). */
  today?: string
  /** The streams `followthrough mcp` speaks the protocol on; the process's stdin and stdout when absent. */
  stdio?: { input: Readable; output: Writable }
}

/** Whether to colour output on this stream (`NO_COLOR` and `FORCE_COLOR` respected). */
export function useColor(output: Output, env: CliIo['env'] = {}): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false
  if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0'
  return output.isTTY === true
}

/**
 * `output` with control characters in what is written made {@link visible}
 * (line breaks kept): for stderr, whose messages quote file names and config
 * values from the repository.
 */
export function visibleOutput(output: Output): Output {
  const wrapped: Output = { write: (text: string) => output.write(visible(text, { keepLineBreaks: true })) }
  if (output.isTTY !== undefined) wrapped.isTTY = output.isTTY
  return wrapped
}

/** A user's mistake: reported in one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** A process stream as the bin gets it (`process.stdout`, `process.stderr`). */
export interface ProcessStream {
  write(text: string): unknown
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown
  isTTY?: boolean
}

/** What {@link processOutputs} needs of `process`. */
export interface ProcessLike {
  stdout: ProcessStream
  stderr: ProcessStream
  exitCode?: number | string | null | undefined
}

/** Outputs for `main`, and how to finish the run. */
export interface ProcessOutputs {
  stdout: Output
  stderr: Output
  /** Set the exit code: `code`, unless the output could not be written (then 2). */
  exit(code: number): void
}

/**
 * Wrap the process's stdout and stderr for the bin, so output that cannot be
 * delivered ends the run quietly instead of with Node's "Unhandled 'error'
 * event" stack trace:
 *
 * - EPIPE (the reader went away, as in `lint | head`): later writes are
 *   dropped, nothing is said, and the run exits with its own result (`grep`
 *   and `git` behave alike with a closed pipe).
 * - Any other write error (ENOSPC for `> /dev/full`, EIO, EBADF): one line on
 *   stderr, later writes dropped, exit code 2; the run's result cannot reach
 *   anyone, so it must not look like success.
 *
 * Errors on stderr itself are swallowed: there is nowhere left to say them.
 */
export function processOutputs(proc: ProcessLike): ProcessOutputs {
  let stdoutOpen = true
  let stderrOpen = true
  let failed = false
  const say = (line: string) => {
    if (stderrOpen) proc.stderr.write(line)
  }
  proc.stdout.on('error', (error) => {
    stdoutOpen = false
    if (error.code === 'EPIPE' || failed) return
    failed = true
    say(`followthrough: cannot write to standard output: ${describeWriteError(error)}\n`)
    // The error may arrive after `exit` (writes complete asynchronously): set it here too.
    proc.exitCode = 2
  })
  proc.stderr.on('error', () => {
    stderrOpen = false
  })
  const stdout: Output = {
    write: (text: string) => (stdoutOpen ? proc.stdout.write(text) : false)
  }
  const stderr: Output = {
    write: (text: string) => (stderrOpen ? proc.stderr.write(text) : false)
  }
  if (proc.stdout.isTTY !== undefined) stdout.isTTY = proc.stdout.isTTY
  if (proc.stderr.isTTY !== undefined) stderr.isTTY = proc.stderr.isTTY
  return {
    stdout,
    stderr,
    exit(code: number) {
      proc.exitCode = failed ? 2 : code
    }
  }
}

/** "no space left on device (ENOSPC)" from Node's "ENOSPC: no space left on device, write". */
function describeWriteError(error: Error & { code?: string }): string {
  const bare = (error.message.split('\n')[0] ?? '').replace(/^[A-Z]+: /, '').replace(/, write$/, '')
  return error.code !== undefined && bare.length > 0 ? `${bare} (${error.code})` : bare || (error.code ?? 'unknown error')
}
