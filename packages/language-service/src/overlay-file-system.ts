import type { FileSystem, ReadOptions } from '@followthrough/engine'

const encoder = new TextEncoder()

/**
 * The workspace's files with the editor's open documents laid over them: the
 * engine reads a register or config being edited as the editor has it, saved
 * or not. Open documents that do not exist on disk yet exist here.
 */
export class OverlayFileSystem implements FileSystem {
  private readonly open = new Map<string, string>()

  constructor(private readonly base: FileSystem) {}

  /** Lay a document's text over the file at `path`. */
  set(path: string, text: string): void {
    this.open.set(path, text)
  }

  /** Show the file on disk again. */
  delete(path: string): void {
    this.open.delete(path)
  }

  /** The open text at `path`, if any. */
  text(path: string): string | undefined {
    return this.open.get(path)
  }

  /** An open document's text, else the file as the base reads it (regular files only, size-capped, on the disk). */
  async readFile(path: string, options?: ReadOptions): Promise<Uint8Array> {
    const text = this.open.get(path)
    return text !== undefined ? encoder.encode(text) : this.base.readFile(path, options)
  }

  /**
   * Where a path really is: an open document is where the editor says; a file
   * on disk where its links lead, so one outside the workspace is refused.
   */
  async realPath(path: string): Promise<string> {
    if (this.open.has(path) || !this.base.realPath) return path
    return this.base.realPath(path)
  }

  async exists(path: string): Promise<boolean> {
    return this.open.has(path) || this.base.exists(path)
  }

  async glob(patterns: readonly string[], cwd: string): Promise<string[]> {
    return this.base.glob(patterns, cwd)
  }
}
