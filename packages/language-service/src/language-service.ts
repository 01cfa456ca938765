import { today as currentDay } from '@followthrough/core'
import { getCodeActions } from './code-actions.js'
import { getCodeLenses } from './code-lenses.js'
import type { DiscussionsParams, DiscussionView, NewMinutesParams, PreviewReferencesResult, ProgressResult, RecommendationsResult } from './custom-protocol.js'
import { getCompletions } from './completion.js'
import { getDefinition } from './definition.js'
import { getDiagnostics } from './diagnostics.js'
import { getDocumentLinks } from './document-links.js'
import { getDocumentSymbols } from './document-symbols.js'
import type { BulkAnalyzer } from './index-files.js'
import { getHover } from './hover.js'
import type { CancellationToken, Disposable, FileChange, ILogger, ITextDocument, IWorkspace } from './interfaces.js'
import { planNewMinutes } from './new-minutes.js'
import { getPreviewReferences } from './preview-references.js'
import type {
  CodeAction,
  CodeLens,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit
} from 'vscode-languageserver-types'
import { getReferences } from './references.js'
import { prepareRename, rename, RenameError, type PrepareRename } from './rename.js'
import { statusTableEdit } from './status-table.js'
import { isFilePath, uriToPath } from './uri.js'
import {
  discussions,
  folderView,
  progressReportInput,
  progressSummary,
  registerOfFile,
  registerState,
  registerStates,
  registerView,
  type ProgressReportInput,
  type RegisterState
} from './views.js'
import { WorkspaceIndex, type PlacedDocument } from './workspace-index.js'

/** How to create a language service. */
export interface LanguageServiceOptions {
  /** The workspace's folders and files. */
  workspace: IWorkspace
  /** Where to log; nothing is logged without one. */
  logger?: ILogger
  /** Today (`YYYY-MM-DD`), for statuses, due dates and staleness; the real date by default. */
  today?: () => string
  /**
   * Analyses many minutes files on disk at once, for the first index of a
   * large workspace (a server passes worker threads). Each result must be
   * what the engine's `readMinutes` gives. Without it, files are analysed one
   * at a time in this thread, between requests.
   */
  analyze?: BulkAnalyzer
}

/**
 * Editor features for minutes, registers and configs. Tell it what the editor
 * does (`didOpen`, `didChange`, `didClose`, `didChangeWatchedFiles`,
 * `didChangeWorkspaceFolders`), ask it for results; each request takes the
 * document as the editor has it now, and an optional cancellation token.
 * Results are LSP-shaped. Never throws at the caller, except `RenameError`
 * from the rename requests, whose message is meant for the person renaming.
 */
export interface LanguageService {
  /** The editor opened a document (minutes, other Markdown, a register or the config). */
  didOpen(document: ITextDocument): Promise<void>
  /** The editor changed a document (any number of edits, one new version). */
  didChange(document: ITextDocument): Promise<void>
  /** The editor closed a document; the file on disk counts again. */
  didClose(uri: string): Promise<void>
  /** Files changed on disk (created, changed, deleted). */
  didChangeWatchedFiles(changes: readonly FileChange[]): Promise<void>
  /** Root folders were added or removed. */
  didChangeWorkspaceFolders(added: readonly string[], removed: readonly string[]): Promise<void>
  /**
   * Listen for documents whose diagnostics may have changed (after edits,
   * when indexing finishes, when a register or the config changes), to push
   * them again. URIs of open documents, registers and configs.
   */
  onDidChangeDiagnostics(listener: (uris: string[]) => void): Disposable
  /** Resolves when every folder is loaded and indexed. */
  ready(): Promise<void>
  /** Diagnostics for a document: the CLI's findings for minutes; syntax and schema problems for registers and configs. */
  getDiagnostics(document: ITextDocument, token?: CancellationToken): Promise<Diagnostic[]>
  /** Diagnostics of a file by URI, open or not (for registers and configs the editor has not opened). */
  getFileDiagnostics(uri: string, token?: CancellationToken): Promise<Diagnostic[]>
  getHover(document: ITextDocument, position: Position, token?: CancellationToken): Promise<Hover | undefined>
  getCompletions(document: ITextDocument, position: Position, token?: CancellationToken): Promise<CompletionList>
  getDefinition(document: ITextDocument, position: Position, token?: CancellationToken): Promise<Location[]>
  getReferences(document: ITextDocument, position: Position, options: { includeDeclaration: boolean }, token?: CancellationToken): Promise<Location[]>
  getDocumentLinks(document: ITextDocument, token?: CancellationToken): Promise<DocumentLink[]>
  getDocumentSymbols(document: ITextDocument, token?: CancellationToken): Promise<DocumentSymbol[]>
  getCodeActions(document: ITextDocument, range: Range, context: CodeActionContext, token?: CancellationToken): Promise<CodeAction[]>
  /** @throws RenameError when the recommendation cannot be renamed. */
  prepareRename(document: ITextDocument, position: Position, token?: CancellationToken): Promise<PrepareRename | undefined>
  /** @throws RenameError when the new id is not valid or a mention cannot be rewritten. */
  getRenameEdit(document: ITextDocument, position: Position, newName: string, token?: CancellationToken): Promise<WorkspaceEdit | undefined>
  /**
   * The references of minutes as a Markdown preview links them: each span with
   * its register entry (relative to the minutes), titles and statuses as of
   * today (`followthrough/previewReferences`). None for other documents.
   */
  getPreviewReferences(document: ITextDocument, token?: CancellationToken): Promise<PreviewReferencesResult>
  /** Code lenses over a register's entries: status, due date, discussions (each runs `followthrough/showDiscussions`). */
  getCodeLenses(document: ITextDocument, token?: CancellationToken): Promise<CodeLens[]>
  /**
   * Listen for changes of what the views show (`getRecommendations`,
   * `getProgress`, code lenses): called with the root folders whose index
   * changed, after every such change (a host debounces).
   */
  onDidChangeIndex(listener: (folders: string[]) => void): Disposable
  /** Every folder and register, with each register's recommendations grouped for a tree (`followthrough/recommendations`). */
  getRecommendations(token?: CancellationToken): Promise<RecommendationsResult>
  /** The progress of the register a file belongs to, or of the first register without a file (`followthrough/progress`). */
  getProgress(uri: string | undefined, token?: CancellationToken): Promise<ProgressResult>
  /** The minutes that discuss a recommendation, newest first, each with its first mention (`followthrough/discussions`). */
  getDiscussions(params: DiscussionsParams, token?: CancellationToken): Promise<DiscussionView[]>
  /** What the HTML progress report of a file's register (or the first register) needs, for a host that renders it. */
  getProgressReportInput(uri: string | undefined, token?: CancellationToken): Promise<ProgressReportInput | undefined>
  /** The edit inserting a status update table at a position of minutes, or why it cannot be made (worded for people). */
  getStatusTableEdit(document: ITextDocument, position: Position, token?: CancellationToken): Promise<{ edit: TextEdit } | { problem: string }>
  /**
   * New minutes from the template: the file's URI and text, whether it exists
   * already (then leave it as it is), or why they cannot be made.
   */
  planNewMinutes(params: NewMinutesParams): Promise<{ uri: string; text: string; exists: boolean } | { problem: string }>
  /** Stop indexing and listening. */
  dispose(): void
}

const silent: ILogger = { log() {} }

/**
 * Create the language service.
 *
 * @example
 * const service = createLanguageService({ workspace: { folders: ['file:///w'], readFile, exists, glob } })
 * await service.didOpen(document)
 * const diagnostics = await service.getDiagnostics(document)
 */
export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const logger = options.logger ?? silent
  const today = options.today ?? (() => currentDay())
  const index = new WorkspaceIndex(options.workspace, logger, options.analyze)
  const uriOf = (path: string) => index.uriOf(path)
  const cancelled = (token?: CancellationToken) => token?.isCancellationRequested === true

  /** Run a request: place the document, answer, and turn any failure into a logged fallback. */
  async function request<T>(
    name: string,
    document: ITextDocument,
    fallback: T,
    token: CancellationToken | undefined,
    work: (placed: PlacedDocument) => T | Promise<T>
  ): Promise<T> {
    try {
      if (cancelled(token)) return fallback
      const placed = await index.place(document)
      if (cancelled(token)) return fallback
      return await work(placed)
    } catch (error) {
      if (error instanceof RenameError) throw error
      logger.log('error', `${name} failed on ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      return fallback
    }
  }

  /** Answer a request about the workspace (no document): a failure is logged and answered with the fallback. */
  async function answer<T>(name: string, fallback: T, token: CancellationToken | undefined, work: () => Promise<T>): Promise<T> {
    try {
      if (cancelled(token)) return fallback
      const result = await work()
      return cancelled(token) ? fallback : result
    } catch (error) {
      logger.log('error', `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      return fallback
    }
  }

  /** Every folder, once the changes so far are applied and each folder's config and registers are loaded. */
  async function loadedFolders() {
    await index.settled()
    const folders = index.allFolders()
    for (const folder of folders) await folder.loaded
    return folders.filter((folder) => folder.workspace !== undefined)
  }

  /** The register state of a file (see `registerOfFile`), or of the first register. */
  async function stateFor(uri: string | undefined): Promise<RegisterState | undefined> {
    const folders = await loadedFolders()
    const asOf = today()
    if (uri !== undefined) {
      const path = uriToPath(uri)
      const folder = index.folderContaining(path)
      if (!folder?.workspace) return undefined
      const entry = registerOfFile(folder, path)
      return entry ? registerState(folder, entry, asOf) : undefined
    }
    for (const folder of folders) {
      const first = registerStates(folder, asOf)[0]
      if (first) return first
    }
    return undefined
  }

  const prefixOf = (placed: PlacedDocument) => placed.folder.workspace?.config.config.prefix ?? 'R'

  return {
    didOpen: (document) => index.change(document),
    didChange: (document) => index.change(document),
    didClose: (uri) => index.close(uri),
    didChangeWatchedFiles: (changes) => index.changeFiles(changes),
    didChangeWorkspaceFolders: (added, removed) => index.changeFolders(added, removed),
    onDidChangeDiagnostics: (listener) => index.onDidChangeDiagnostics(listener),
    async ready() {
      await index.settled()
      for (const folder of index.allFolders()) {
        await folder.loaded
        for (let attempts = 0; !folder.complete && attempts < 100; attempts++) await folder.ready
      }
    },
    getDiagnostics: (document, token) => request('Diagnostics', document, [] as Diagnostic[], token, (placed) => getDiagnostics(placed)),
    async getFileDiagnostics(uri, token) {
      const open = index.openDocument(uriToPath(uri))
      if (open) return this.getDiagnostics(open, token)
      try {
        await index.settled()
        const path = uriToPath(uri)
        if (!isFilePath(path)) return []
        const folder = index.folderOf(path)
        await folder.loaded
        return getDiagnostics({ folder, path, kind: index.kindOf(folder, path) })
      } catch (error) {
        logger.log('error', `Diagnostics failed on ${uri}: ${String(error)}`)
        return []
      }
    },
    getHover: (document, position, token) =>
      request('Hover', document, undefined as Hover | undefined, token, (placed) => getHover(placed, document.offsetAt(position), { today: today(), uriOf })),
    getCompletions: (document, position, token) =>
      request('Completion', document, { isIncomplete: false, items: [] }, token, (placed) =>
        getCompletions(placed, document.offsetAt(position), (offset) => document.positionAt(offset), { today: today() })
      ),
    getDefinition: (document, position, token) => request('Definition', document, [] as Location[], token, (placed) => getDefinition(placed, document.offsetAt(position), uriOf)),
    getReferences: (document, position, { includeDeclaration }, token) =>
      request('References', document, [] as Location[], token, async (placed) => {
        await index.indexed(placed.path)
        if (cancelled(token)) return []
        return getReferences(placed, document.offsetAt(position), includeDeclaration, uriOf, token)
      }),
    getDocumentLinks: (document, token) => request('Document links', document, [] as DocumentLink[], token, (placed) => getDocumentLinks(placed, uriOf, token)),
    getDocumentSymbols: (document, token) =>
      request('Document symbols', document, [] as DocumentSymbol[], token, (placed) => getDocumentSymbols(placed, (offset) => document.positionAt(offset))),
    getCodeActions: (document, range, context, token) => request('Code actions', document, [] as CodeAction[], token, (placed) => getCodeActions(placed, range, context, today())),
    prepareRename: (document, position, token) =>
      request('Prepare rename', document, undefined as PrepareRename | undefined, token, async (placed) => {
        await index.indexed(placed.path)
        return prepareRename(placed, document.offsetAt(position), prefixOf(placed), token)
      }),
    getRenameEdit: (document, position, newName, token) =>
      request('Rename', document, undefined as WorkspaceEdit | undefined, token, async (placed) => {
        await index.indexed(placed.path)
        return rename(placed, document.offsetAt(position), newName, prefixOf(placed), uriOf, token)
      }),
    getPreviewReferences: (document, token) =>
      request<PreviewReferencesResult>('Preview references', document, { references: [] }, token, (placed) => ({
        version: document.version,
        references: getPreviewReferences(placed, document, today())
      })),
    getCodeLenses: (document, token) =>
      request('Code lenses', document, [] as CodeLens[], token, (placed) => getCodeLenses(placed, (offset) => document.positionAt(offset), today())),
    onDidChangeIndex: (listener) => index.onDidChangeIndex(listener),
    getRecommendations: (token) =>
      answer('Recommendations', { folders: [], registers: [] }, token, async () => {
        const folders = await loadedFolders()
        const asOf = today()
        return {
          folders: folders.map((folder) => folderView(folder, uriOf)),
          registers: folders.flatMap((folder) => registerStates(folder, asOf).map((state) => registerView(state, uriOf)))
        }
      }),
    getProgress: (uri, token) =>
      answer('Progress', null as ProgressResult, token, async () => {
        const state = await stateFor(uri)
        if (!state) return null
        const { register, stale } = state.entry
        return { register: { uri: uriOf(state.entry.path), id: register.inquiry.id, title: register.inquiry.title, stale }, progress: progressSummary(state) }
      }),
    getDiscussions: (params, token) =>
      answer('Discussions', [] as DiscussionView[], token, async () => {
        const path = uriToPath(params.register)
        await loadedFolders()
        const folder = index.folderContaining(path)
        const entry = folder ? registerOfFile(folder, path) : undefined
        const state = folder && entry?.path === path ? registerState(folder, entry, today()) : undefined
        return state ? discussions(state, params.id, uriOf) : []
      }),
    getProgressReportInput: (uri, token) =>
      answer('Progress report', undefined as ProgressReportInput | undefined, token, async () => {
        const state = await stateFor(uri)
        return state ? progressReportInput(state, uriOf) : undefined
      }),
    getStatusTableEdit: (document, position, token) =>
      request('Status table', document, { problem: 'Unexpected failure, expected a status update table (see the log)' }, token, (placed) =>
        statusTableEdit(placed, position, today())
      ),
    planNewMinutes: (params) =>
      answer('New minutes', { problem: 'Unexpected failure, expected new minutes (see the log)' }, undefined, async () => {
        const folders = await loadedFolders()
        const folder = params.folder !== undefined ? index.folderContaining(uriToPath(params.folder)) : folders.length === 1 ? folders[0] : undefined
        if (!folder) {
          const names = folders.map((candidate) => uriOf(candidate.root)).join(', ')
          return {
            problem: `Unexpected ${params.folder === undefined ? 'missing folder' : `folder ${params.folder}`}, expected one of the workspace's folders${names ? ` (${names})` : ''}`
          }
        }
        const plan = planNewMinutes(folder, params)
        if ('problem' in plan) return plan
        return { uri: uriOf(plan.path), text: plan.text, exists: await index.fs.exists(plan.path) }
      }),
    dispose: () => {
      index.dispose()
    }
  }
}
