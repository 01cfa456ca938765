import { basename, configFileName, dirname, isInside, joinPath, type MinutesDocument } from '@followthrough/engine'
import { FolderIndex } from './folder-index.js'
import type { BulkAnalyzer } from './index-files.js'
import { FileChangeType, type Disposable, type FileChange, type ILogger, type ITextDocument, type IWorkspace } from './interfaces.js'
import { OverlayFileSystem } from './overlay-file-system.js'
import { isFilePath, normalizeUri, pathToUri, uriToPath } from './uri.js'

/** What a file is to the service. */
export type FileKind = 'minutes' | 'markdown' | 'register' | 'config' | 'other'

/** One document, placed: its folder, its kind and (for Markdown) its parse. */
export interface PlacedDocument {
  uri: string
  path: string
  folder: FolderIndex
  kind: FileKind
  /** The parsed Markdown, for minutes and other Markdown files. */
  minutes?: MinutesDocument
  /** The text, for registers and configs open in the editor. */
  text: string
}

interface OpenDocument {
  /** The editor's document object (a server's may be updated in place, so the version is kept apart). */
  document: ITextDocument
  path: string
  /** The version last applied. */
  version: number
}

const markdown = /\.(md|markdown|mdown|mkd)$/i

/** Whether a path names a config file (of some folder). */
function isConfigName(path: string): boolean {
  return basename(path) === configFileName
}

/**
 * Every folder of the workspace and every document open in the editor, kept
 * up to date as the editor reports changes. Changes are applied one at a time,
 * in the order they arrive; requests wait for the ones before them.
 */
export class WorkspaceIndex {
  readonly fs: OverlayFileSystem
  private folders: FolderIndex[] = []
  private readonly open = new Map<string, OpenDocument>()
  /** The URI the editor uses for a path, so results name files as the editor does. */
  private readonly uris = new Map<string, string>()
  private queue: Promise<unknown> = Promise.resolve()
  /** Stands in for a folder for documents that are not files: never loaded, never asked for anything. */
  private readonly detached: FolderIndex
  private readonly listeners = new Set<(uris: string[]) => void>()
  private readonly indexListeners = new Set<(folders: string[]) => void>()
  /** Each folder's facts version when index listeners were last told. */
  private readonly told = new Map<FolderIndex, number>()

  constructor(
    workspace: IWorkspace,
    private readonly logger: ILogger,
    private readonly analyzer?: BulkAnalyzer
  ) {
    this.fs = new OverlayFileSystem(workspace)
    this.detached = new FolderIndex('/', this.fs, logger, () => undefined)
    for (const folder of workspace.folders) if (isFilePath(uriToPath(folder))) this.addFolder(uriToPath(folder))
  }

  /** Run a change after the ones before it; errors are logged, never thrown at the editor. */
  run<T>(work: () => Promise<T> | T): Promise<T | undefined> {
    const next = this.queue.then(work).catch((error: unknown) => {
      this.logger.log('error', `Unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      return undefined
    })
    this.queue = next
    return next
  }

  /** Resolves when every change so far is applied. */
  settled(): Promise<unknown> {
    return this.queue
  }

  /** Call `listener` with the URIs whose diagnostics may have changed. */
  onDidChangeDiagnostics(listener: (uris: string[]) => void): Disposable {
    this.listeners.add(listener)
    return { dispose: () => this.listeners.delete(listener) }
  }

  /** Call `listener` with the root folders (URIs) whose index changed: what views show may have changed. */
  onDidChangeIndex(listener: (folders: string[]) => void): Disposable {
    this.indexListeners.add(listener)
    return { dispose: () => this.indexListeners.delete(listener) }
  }

  /** Tell index listeners about folders whose facts changed since they were last told (or that came or went). */
  private emitIndex(): void {
    const changed: string[] = []
    for (const folder of this.folders) {
      if (this.told.get(folder) === folder.factsVersion) continue
      this.told.set(folder, folder.factsVersion)
      changed.push(this.uriOf(folder.root))
    }
    for (const folder of [...this.told.keys()]) {
      if (this.folders.includes(folder)) continue
      this.told.delete(folder)
      changed.push(this.uriOf(folder.root))
    }
    if (changed.length > 0) this.tell(this.indexListeners, changed, 'An index listener')
  }

  private emit(uris: Iterable<string>): void {
    // Every change that may move diagnostics comes here: so does every change of facts.
    this.emitIndex()
    const list = [...new Set(uris)]
    if (list.length > 0) this.tell(this.listeners, list, 'A diagnostics listener')
  }

  /** Call each listener; one that throws is logged, and the others are still told. */
  private tell(listeners: Iterable<(uris: string[]) => void>, uris: string[], who: string): void {
    for (const listener of listeners) {
      try {
        listener(uris)
      } catch (error) {
        this.logger.log('error', `${who} failed: ${String(error)}`)
      }
    }
  }

  /** The URI results use for a path: the editor's spelling when it has the file open. */
  uriOf(path: string): string {
    return this.uris.get(path) ?? pathToUri(path)
  }

  private addFolder(root: string): FolderIndex {
    // `root` comes from `uriToPath`, in the engine's spelling (no trailing slash but at a root).
    const folder = new FolderIndex(root, this.fs, this.logger, (path) => this.fs.text(path), this.analyzer)
    this.folders.push(folder)
    // Not awaited: the folder is usable at once (requests wait for `loaded`); `watch` logs failures and never rejects.
    void this.watch(folder, folder.reload())
    return folder
  }

  /** Publish a folder's diagnostics when its indexing settles. */
  private watch(folder: FolderIndex, reloading: Promise<{ reanalysed: boolean; done: Promise<void> }>): Promise<void> {
    return reloading.then(
      ({ done }) => {
        this.emit(this.folderUris(folder))
        void done.then(() => {
          if (folder.complete) this.emit(this.folderUris(folder))
        })
      },
      (error: unknown) => {
        this.logger.log('error', `Cannot load ${folder.root}: ${String(error)}`)
      }
    )
  }

  /** Open documents of a folder, and its config and register files. */
  private folderUris(folder: FolderIndex): string[] {
    const uris: string[] = []
    for (const open of this.open.values()) if (this.folderOf(open.path) === folder) uris.push(open.document.uri)
    if (folder.configPath) uris.push(this.uriOf(folder.configPath))
    for (const register of folder.registers) uris.push(this.uriOf(register.path))
    return uris
  }

  /** The folder a path belongs to, if any (unlike {@link folderOf}, never makes one). */
  folderContaining(path: string): FolderIndex | undefined {
    return this.containing(path)
  }

  /** The folder a path belongs to: the deepest root that holds it. */
  private containing(path: string): FolderIndex | undefined {
    let best: FolderIndex | undefined
    for (const folder of this.folders) if (isInside(folder.root, path) && (!best || folder.root.length > best.root.length)) best = folder
    return best
  }

  /**
   * The folder a path belongs to. A file in no folder (an editor opened on a
   * single file) gets a folder of its own: the nearest directory above it with
   * a config or a `recommendations.yaml`, else its own directory.
   */
  folderOf(path: string): FolderIndex {
    return this.containing(path) ?? this.addFolder(dirname(path))
  }

  /** Make sure a path outside every folder has the right folder of its own before it is used. */
  private async ensureFolder(path: string): Promise<void> {
    if (this.containing(path)) return
    let folder = dirname(path)
    for (;;) {
      if ((await this.fs.exists(joinPath(folder, configFileName))) || (await this.fs.exists(joinPath(folder, 'recommendations.yaml')))) break
      const parent = dirname(folder)
      if (parent === folder) {
        folder = dirname(path)
        break
      }
      folder = parent
    }
    if (!this.containing(path)) this.addFolder(folder)
  }

  /** Resolves when the folder of `path` has every minutes file indexed (for references and rename). */
  async indexed(path: string): Promise<FolderIndex> {
    const folder = this.folderOf(path)
    await folder.loaded
    // A reload during indexing supersedes it: wait for the newest.
    for (let attempts = 0; !folder.complete && attempts < 100; attempts++) await folder.ready
    return folder
  }

  /** What a path is in its folder. */
  kindOf(folder: FolderIndex, path: string): FileKind {
    if (!folder.workspace) return markdown.test(path) ? 'markdown' : 'other'
    if (path === folder.configPath || (isConfigName(path) && dirname(path) === folder.root)) return 'config'
    if (folder.registerAt(path)) return 'register'
    if (folder.isMinutes(path)) return 'minutes'
    return markdown.test(path) ? 'markdown' : 'other'
  }

  /** Workspace folders were added or removed. */
  changeFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
    return this.run(() => {
      for (const uri of removed) {
        const root = uriToPath(uri)
        const folder = this.folders.find((candidate) => candidate.root === root)
        if (!folder) continue
        folder.dispose()
        this.folders = this.folders.filter((candidate) => candidate !== folder)
      }
      for (const uri of added) this.addFolder(uriToPath(uri))
      this.emitIndex()
    }).then(() => undefined)
  }

  /** The editor opened a document, or changed it. */
  change(document: ITextDocument): Promise<void> {
    return this.run(() => this.apply(document)).then(() => undefined)
  }

  private async apply(document: ITextDocument): Promise<void> {
    const path = uriToPath(document.uri)
    // Documents that are not files (`untitled:`, `git:`) have no folder to check them against.
    if (!isFilePath(path)) return
    const key = normalizeUri(document.uri)
    const known = this.open.get(key)
    if (known && known.version === document.version && known.document === document) return
    this.open.set(key, { document, path, version: document.version })
    this.uris.set(path, document.uri)
    const text = document.getText()
    const previous = this.fs.text(path)
    this.fs.set(path, text)
    await this.ensureFolder(path)
    const folder = this.folderOf(path)
    await folder.loaded
    const kind = this.kindOf(folder, path)
    if (kind === 'config' || kind === 'register' || (kind === 'other' && isConfigName(path))) {
      if (previous !== text) await this.reloadFolder(folder)
      else this.emit([document.uri])
      return
    }
    if (kind !== 'minutes' && kind !== 'markdown') return
    const { factsChanged } = folder.edit(path, text)
    // Other open minutes may show workspace findings this edit changed.
    this.emit(factsChanged ? this.folderUris(folder) : [document.uri])
  }

  private async reloadFolder(folder: FolderIndex): Promise<void> {
    await this.watch(folder, folder.reload())
  }

  /** The editor closed a document: the file on disk counts again. */
  close(uri: string): Promise<void> {
    return this.run(async () => {
      const key = normalizeUri(uri)
      const open = this.open.get(key)
      if (!open) return
      this.open.delete(key)
      this.fs.delete(open.path)
      this.uris.delete(open.path)
      const folder = this.folderOf(open.path)
      const kind = this.kindOf(folder, open.path)
      if (kind === 'config' || kind === 'register') {
        await this.reloadFolder(folder)
        return
      }
      const changed = await folder.close(open.path)
      // A closed document's diagnostics are cleared by the editor; others may change.
      this.emit(changed ? [uri, ...this.folderUris(folder)] : [uri])
    }).then(() => undefined)
  }

  /** Files changed on disk (created, changed or deleted), as the editor's watcher reports. */
  changeFiles(changes: readonly FileChange[]): Promise<void> {
    return this.run(async () => {
      const reload = new Set<FolderIndex>()
      const touched = new Set<FolderIndex>()
      for (const change of changes) {
        const path = uriToPath(change.uri)
        if (!isFilePath(path)) continue
        // What the editor has open, it knows better than the disk.
        if (this.fs.text(path) !== undefined) continue
        const folder = this.folderOf(path)
        const kind = this.kindOf(folder, path)
        if (kind === 'config' || kind === 'register' || isConfigName(path)) {
          reload.add(folder)
        } else if (kind === 'minutes' || (change.type === FileChangeType.Deleted && folder.minutes.has(path))) {
          if (await folder.refreshFile(path)) touched.add(folder)
        }
      }
      for (const folder of reload) await this.reloadFolder(folder)
      for (const folder of touched) if (!reload.has(folder)) this.emit(this.folderUris(folder))
      // A file's references may have changed without moving any diagnostics: views still follow.
      this.emitIndex()
    }).then(() => undefined)
  }

  /**
   * Place a document the editor sent with a request: its folder and parse.
   * A version the service has not seen yet is applied first, so every request
   * answers for the text the editor shows.
   */
  async place(document: ITextDocument): Promise<PlacedDocument> {
    const key = normalizeUri(document.uri)
    const known = this.open.get(key)
    if (!known || known.version !== document.version || known.document !== document) await this.change(document)
    else await this.settled()
    const path = uriToPath(document.uri)
    if (!isFilePath(path)) return { uri: document.uri, path, folder: this.detached, kind: 'other', text: document.getText() }
    await this.ensureFolder(path)
    const folder = this.folderOf(path)
    await folder.loaded
    const kind = this.kindOf(folder, path)
    const placed: PlacedDocument = { uri: document.uri, path, folder, kind, text: document.getText() }
    const minutes = folder.document(path)
    if (minutes) placed.minutes = minutes
    return placed
  }

  /** The URIs of every open document (for a server re-publishing everything). */
  openUris(): string[] {
    return [...this.open.values()].map((open) => open.document.uri)
  }

  /** The open document at a path, if any. */
  openDocument(path: string): ITextDocument | undefined {
    for (const open of this.open.values()) if (open.path === path) return open.document
    return undefined
  }

  /** Every folder. */
  allFolders(): readonly FolderIndex[] {
    return this.folders
  }

  /** Stop all indexing. */
  dispose(): void {
    for (const folder of this.folders) folder.dispose()
    this.listeners.clear()
    this.indexListeners.clear()
  }
}
