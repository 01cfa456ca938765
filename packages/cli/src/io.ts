import type { WritableFileSystem } from '@followthrough/engine'

/** Somewhere to write output (a process stream, or a buffer in tests). */
export interface Output {
  write(text: string): unknown
  /** Colour and grouping are for terminals only. */
  isTTY?: boolean
}

/** What the CLI needs from its surroundings, injected so tests run it in-process. */
export interface CliIo {
  /** The working folder (absolute). */
  cwd: string
  stdout: Output
  stderr: Output
  env?: Readonly<Record<string, string | undefined>>
  /**
   * The file system every read and write goes through (minutes, registers,
   * `--fix`, `report`, the cache); the disk when absent. With a
   * `MemoryFileSystem` the CLI touches no disk.
   */
  fs?: WritableFileSystem
  /** Today, for `progress` without `--as-of` (tests pin it). */
  today?: string
}

/** Whether to colour output on this stream (`NO_COLOR` and `FORCE_COLOR` respected). */
export function useColor(output: Output, env: CliIo['env'] = {}): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false
  if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0'
  return output.isTTY === true
}

/** A user's mistake: reported in one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
