import type { ReadOptions } from '@followthrough/engine'
import type { Position } from 'vscode-languageserver-types'

/**
 * What the service needs from its host, and nothing more: a document, the
 * files of the workspace, somewhere to log. A language server passes
 * `vscode-languageserver-textdocument` documents and the disk; tests pass
 * documents and files held in memory.
 */

/** One version of a document open in the editor. */
export interface ITextDocument {
  /** The document's URI, such as `file:///w/minutes/2023-04-17.md`. */
  readonly uri: string
  /** Grows with every change; the service parses each version once. */
  readonly version: number
  getText(): string
  /** The position (0-based line, UTF-16 character) of an offset. */
  positionAt(offset: number): Position
  /** The offset of a position. */
  offsetAt(position: Position): number
}

/**
 * The workspace: its root folders and its files on disk (or wherever they
 * live). Paths are absolute and use `/`; documents open in the editor are laid
 * over these reads by the service itself.
 */
export interface IWorkspace {
  /** Root folders, as `file:` URIs or absolute paths; each finds its own config. */
  readonly folders: readonly string[]
  /**
   * The bytes of a file; rejects when it cannot be read. A host on a real disk
   * passes the engine's `nodeFileSystem.readFile`, which reads only regular
   * files of at most `maxBytes` and never blocks on a named pipe.
   */
  readFile(path: string, options?: ReadOptions): Promise<Uint8Array>
  /** Whether a file exists. */
  exists(path: string): Promise<boolean>
  /** Files under `cwd` matching any of the globs, as sorted absolute paths (no `node_modules`, no dot-folders). */
  glob(patterns: readonly string[], cwd: string): Promise<string[]>
  /** The path with symbolic links resolved, so files linked from outside the workspace are refused; paths are taken as they are without it. */
  realPath?(path: string): Promise<string>
}

/** How much a log line matters. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Where the service says what it is doing and what went wrong. */
export interface ILogger {
  log(level: LogLevel, message: string): void
}

/** How a file changed on disk (the numbers LSP's `FileChangeType` uses). */
export const FileChangeType = { Created: 1, Changed: 2, Deleted: 3 } as const

/** How a file changed on disk. */
export type FileChangeType = 1 | 2 | 3

/** A file that changed on disk. */
export interface FileChange {
  uri: string
  type: FileChangeType
}

/**
 * Lets a long request stop early when the editor no longer wants its answer:
 * the one member of `vscode-jsonrpc`'s `CancellationToken` the service reads,
 * so hosts without that package pass `{ isCancellationRequested }`.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean
}

/** Stops a listener. */
export interface Disposable {
  dispose(): void
}
