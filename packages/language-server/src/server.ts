import type { FileSystem } from '@followthrough/engine'
import {
  createLanguageService,
  FollowthroughCommand,
  FollowthroughNotification,
  FollowthroughRequest,
  insertStatusTableKind,
  RenameError,
  type BulkAnalyzer,
  type DidChangeParams,
  type DiscussionView,
  type EditResult,
  type LanguageService,
  type LogLevel,
  type NewMinutesResult,
  type PreviewReferencesResult,
  type ProgressReportResult,
  type ProgressResult,
  type RecommendationsResult,
  type WorkspaceEdit
} from '@followthrough/language-service'
import { TextDocument } from 'vscode-languageserver-textdocument'
import type * as z from 'zod'
import {
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeResult
} from 'vscode-languageserver'
import {
  checkParams,
  CodeActionParamsSchema,
  DidChangeParamsSchema,
  DidChangeWatchedFilesParamsSchema,
  DidOpenParamsSchema,
  DiscussionsParamsSchema,
  DocumentParamsSchema,
  ExecuteCommandParamsSchema,
  InitializeFoldersSchema,
  InsertStatusTableArgumentsSchema,
  NewMinutesArgumentsSchema,
  NoParamsSchema,
  PositionParamsSchema,
  ProgressParamsSchema,
  ReferenceParamsSchema,
  RenameParamsSchema,
  ShowDiscussionsArgumentsSchema,
  valueAt
} from './params.js'
import { renderProgressReport } from './progress-report.js'
import { DiagnosticsPublisher } from './publisher.js'

/** How the server behaves; each has a default. */
export interface ServerOptions {
  /** The files of the workspace (the disk, for the bin). */
  fileSystem: FileSystem
  /** Milliseconds between the last edit and pushed diagnostics (default 50). */
  diagnosticsDelay?: number
  /** Today (`YYYY-MM-DD`), for statuses and due dates; the real date by default. */
  today?: () => string
  /** Analyses the first index in bulk (the bin passes worker threads). */
  analyze?: BulkAnalyzer
  /** Milliseconds between the last change of the index and `followthrough/didChange` (default 200). */
  viewsDelay?: number
}

/** The characters after which an editor should ask for completions. */
export const triggerCharacters = [' ', 'R', ',', '#']

/** The files the server wants to hear about when they change on disk. */
export const watchedFiles = ['**/*.md', '**/followthrough.config.json', '**/*.{yaml,yml,json}']

/**
 * The folders an editor names at initialization (its `initialize` params, as
 * sent): workspace folders, else the root (`rootUri`, else `rootPath`, which
 * editors without workspace folders still send). A field of the wrong shape
 * reads as absent.
 */
export function foldersOf(params: unknown): string[] {
  const { workspaceFolders, rootUri, rootPath } = InitializeFoldersSchema.parse(params)
  if (workspaceFolders && workspaceFolders.length > 0) return workspaceFolders.map((folder) => folder.uri)
  if (rootUri) return [rootUri]
  if (rootPath) return [rootPath]
  return []
}

/**
 * Serve the language service over an LSP connection: incremental text sync,
 * pushed diagnostics, hover, completion, definition, references, document
 * links and symbols, quick fixes, rename and code lenses; Followthrough's own
 * requests for views (`followthrough/recommendations`, `…/progress`,
 * `…/discussions`, `…/progressReport`) and `followthrough/didChange` when they
 * should ask again; and the commands (`followthrough/insertStatusTable`,
 * `…/newMinutes`, `…/showDiscussions`), which edit through
 * `workspace/applyEdit`. Files not open are read from disk, and changes on
 * disk arrive through `workspace/didChangeWatchedFiles`.
 * Every handler is guarded: parameters are checked at the boundary (a
 * malformed request is answered with an `InvalidParams` error and one line in
 * the editor's log, a malformed notification is dropped with that line), and
 * a failure inside is logged to the editor's output and answered with an empty
 * result, never a crash.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument)
  let service: LanguageService | undefined
  let publisher: DiagnosticsPublisher | undefined
  let watchRegistration = false
  let folderNotifications = false
  /** What the editor can do, from `initialize`. */
  const editor = { applyEdit: false, createFiles: false, documentChanges: false, showDocument: false, codeLensRefresh: false }
  let viewsTimer: ReturnType<typeof setTimeout> | undefined
  const changedFolders = new Set<string>()

  const log = (level: LogLevel, message: string) => {
    if (level === 'error') connection.console.error(message)
    else if (level === 'warn') connection.console.warn(message)
    else if (level === 'info') connection.console.info(message)
    else connection.console.log(message)
  }

  /** Run a handler; log and fall back on any failure. Rename errors go to the editor, worded for people. */
  async function guard<T>(name: string, fallback: T, work: (service: LanguageService) => Promise<T>): Promise<T> {
    if (!service) return fallback
    try {
      return await work(service)
    } catch (error) {
      if (error instanceof RenameError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message)
      log('error', `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      return fallback
    }
  }

  /** Answer a request whose params pass `schema`; otherwise an `InvalidParams` error and one line in the log. */
  function checked<S extends z.ZodType, T>(method: string, schema: S, params: unknown, answer: (params: z.output<S>) => Promise<T>): Promise<T> {
    const result = checkParams(method, schema, params)
    if (result.ok) return answer(result.value)
    log('warn', result.message)
    return Promise.reject(new ResponseError(ErrorCodes.InvalidParams, result.message))
  }

  /**
   * A handler for a request about one document: its params checked by `schema`,
   * failures logged by `guard`; `null` for a document the editor has not opened.
   */
  function documentRequest<S extends z.ZodType<{ textDocument: { uri: string } }>, T>(
    method: string,
    name: string,
    schema: S,
    answer: (service: LanguageService, document: TextDocument, params: z.output<S>, token: CancellationToken) => Promise<T | null | undefined> | T | null | undefined
  ): (raw: unknown, token: CancellationToken) => Promise<T | null> {
    return (raw, token) =>
      checked(method, schema, raw, (params) =>
        guard(name, null, async (current) => {
          const document = documents.get(params.textDocument.uri)
          return document ? ((await answer(current, document, params, token)) ?? null) : null
        })
      )
  }

  /** Run a notification handler whose params pass `schema`; otherwise drop it with one line in the log. */
  function checkedNotification<S extends z.ZodType>(method: string, schema: S, params: unknown, handle: (params: z.output<S>) => void): void {
    const result = checkParams(method, schema, params)
    if (result.ok) handle(result.value)
    else log('warn', result.message)
  }

  async function publish(uri: string): Promise<void> {
    await guard('Publishing diagnostics', undefined, async (current) => {
      const document = documents.get(uri)
      const diagnostics = document ? await current.getDiagnostics(document) : await current.getFileDiagnostics(uri)
      // The document changed while diagnostics were computed: publish again for the newer version. The change
      // itself may bring no new reason to (an edit that leaves the text as it was), so it cannot be left to it.
      if (document && documents.get(uri)?.version !== document.version) {
        publisher?.schedule([uri])
        return
      }
      await connection.sendDiagnostics(document ? { uri, version: document.version, diagnostics } : { uri, diagnostics })
    })
  }

  /**
   * Tell the editor, once the index has settled, that views built from the
   * custom requests (and code lenses) should ask again.
   */
  function scheduleViews(folders: readonly string[], delay: number): void {
    for (const folder of folders) changedFolders.add(folder)
    if (viewsTimer !== undefined) clearTimeout(viewsTimer)
    viewsTimer = setTimeout(() => {
      viewsTimer = undefined
      const params: DidChangeParams = { folders: [...changedFolders] }
      changedFolders.clear()
      void connection.sendNotification(FollowthroughNotification.didChange, params).catch((error: unknown) => {
        log('warn', `Cannot notify the editor: ${String(error)}`)
      })
      if (editor.codeLensRefresh) {
        void connection.sendRequest('workspace/codeLens/refresh').catch((error: unknown) => {
          log('warn', `Cannot refresh code lenses: ${String(error)}`)
        })
      }
    }, delay)
  }

  /** Apply an edit through the editor (`workspace/applyEdit`). */
  async function applyEdit(label: string, edit: WorkspaceEdit): Promise<EditResult> {
    if (!editor.applyEdit) return { applied: false, message: 'Unexpected editor without workspace/applyEdit, expected an editor that applies edits the server sends' }
    const result = await connection.workspace.applyEdit({ label, edit })
    return result.applied ? { applied: true } : { applied: false, message: result.failureReason ?? `The editor did not apply "${label}"` }
  }

  /** Run a command's work with its first argument checked; a malformed one is answered with `InvalidParams`. */
  function command<S extends z.ZodType, T>(name: string, schema: S, args: unknown, work: (args: z.output<S>) => Promise<T>): Promise<T> {
    return checked(`workspace/executeCommand ${name}`, schema, args ?? [], work)
  }

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as { diagnosticsDelay?: unknown; viewsDelay?: unknown }
    const delay = typeof init.diagnosticsDelay === 'number' && init.diagnosticsDelay >= 0 ? init.diagnosticsDelay : (options.diagnosticsDelay ?? 50)
    const viewsDelay = typeof init.viewsDelay === 'number' && init.viewsDelay >= 0 ? init.viewsDelay : (options.viewsDelay ?? 200)
    // Capabilities read as sent, not as typed: an editor (or anything else on the pipe) may send less than the protocol says.
    const capability = (...path: string[]): unknown => valueAt(params, ['capabilities', ...path])
    watchRegistration = capability('workspace', 'didChangeWatchedFiles', 'dynamicRegistration') === true
    folderNotifications = capability('workspace', 'workspaceFolders') === true
    const resourceOperations = capability('workspace', 'workspaceEdit', 'resourceOperations')
    editor.applyEdit = capability('workspace', 'applyEdit') === true
    editor.documentChanges = capability('workspace', 'workspaceEdit', 'documentChanges') === true
    editor.createFiles = editor.documentChanges && Array.isArray(resourceOperations) && resourceOperations.includes('create')
    editor.showDocument = capability('window', 'showDocument', 'support') === true
    editor.codeLensRefresh = capability('workspace', 'codeLens', 'refreshSupport') === true
    service = createLanguageService({
      workspace: { folders: foldersOf(params), ...bind(options.fileSystem) },
      logger: { log },
      ...(options.today ? { today: options.today } : {}),
      ...(options.analyze ? { analyze: options.analyze } : {})
    })
    publisher = new DiagnosticsPublisher(delay, publish)
    service.onDidChangeDiagnostics((uris) => {
      publisher?.schedule(uris)
    })
    service.onDidChangeIndex((folders) => {
      scheduleViews(folders, viewsDelay)
    })
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters, resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', insertStatusTableKind] },
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(FollowthroughCommand) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        // Followthrough's own requests and notification (see the README), for editors that look.
        experimental: { followthrough: { requests: Object.values(FollowthroughRequest), notifications: Object.values(FollowthroughNotification) } }
      },
      serverInfo: { name: 'followthrough-language-server' }
    }
  })

  connection.onInitialized(() => {
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: watchedFiles.map((globPattern) => ({ globPattern })) }).catch((error: unknown) => {
        log('warn', `Cannot watch files: ${String(error)}`)
      })
    }
    if (folderNotifications) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        void guard('Workspace folders', undefined, (current) =>
          current.didChangeWorkspaceFolders(
            event.added.map((folder) => folder.uri),
            event.removed.map((folder) => folder.uri)
          )
        )
      })
    }
  })

  documents.onDidOpen((event) => void guard('Open', undefined, (current) => current.didOpen(event.document)))
  documents.onDidChangeContent((event) => void guard('Change', undefined, (current) => current.didChange(event.document)))
  documents.onDidClose((event) => {
    publisher?.cancel(event.document.uri)
    void guard('Close', undefined, async (current) => {
      await current.didClose(event.document.uri)
      // Registers and configs keep their diagnostics; other files' go with the editor tab.
      const remaining = await current.getFileDiagnostics(event.document.uri)
      const kept = /\.(ya?ml|json)$/i.test(event.document.uri) ? remaining : []
      await connection.sendDiagnostics({ uri: event.document.uri, diagnostics: kept })
    })
  })
  connection.onDidChangeWatchedFiles((raw) => {
    checkedNotification('workspace/didChangeWatchedFiles', DidChangeWatchedFilesParamsSchema, raw, (params) => {
      void guard('Watched files', undefined, (current) => current.didChangeWatchedFiles(params.changes))
    })
  })

  const documentOf = (uri: string) => documents.get(uri)
  const position = (params: { position: { line: number; character: number } }) => ({ line: params.position.line, character: params.position.character })
  connection.onHover(
    documentRequest('textDocument/hover', 'Hover', PositionParamsSchema, (current, document, params, token) => current.getHover(document, position(params), token))
  )
  connection.onCompletion(
    documentRequest('textDocument/completion', 'Completion', PositionParamsSchema, (current, document, params, token) => current.getCompletions(document, position(params), token))
  )
  connection.onDefinition(
    documentRequest('textDocument/definition', 'Definition', PositionParamsSchema, (current, document, params, token) => current.getDefinition(document, position(params), token))
  )
  connection.onReferences(
    documentRequest('textDocument/references', 'References', ReferenceParamsSchema, (current, document, params, token) =>
      current.getReferences(document, position(params), { includeDeclaration: params.context.includeDeclaration }, token)
    )
  )
  connection.onDocumentLinks(
    documentRequest('textDocument/documentLink', 'Document links', DocumentParamsSchema, (current, document, _params, token) => current.getDocumentLinks(document, token))
  )
  connection.onDocumentSymbol(
    documentRequest('textDocument/documentSymbol', 'Document symbols', DocumentParamsSchema, (current, document, _params, token) => current.getDocumentSymbols(document, token))
  )
  connection.onCodeAction(
    documentRequest('textDocument/codeAction', 'Code actions', CodeActionParamsSchema, (current, document, params, token) => {
      // The schema checked what the service reads of each diagnostic; the rest passes through as the editor sent it.
      const diagnostics = params.context.diagnostics as unknown as Diagnostic[]
      const context = params.context.only ? { diagnostics, only: params.context.only } : { diagnostics }
      return current.getCodeActions(document, params.range, context, token)
    })
  )
  connection.onPrepareRename(
    documentRequest('textDocument/prepareRename', 'Prepare rename', PositionParamsSchema, (current, document, params, token) =>
      current.prepareRename(document, position(params), token)
    )
  )
  connection.onRenameRequest(
    documentRequest('textDocument/rename', 'Rename', RenameParamsSchema, (current, document, params, token) =>
      current.getRenameEdit(document, position(params), params.newName, token)
    )
  )
  connection.onCodeLens(
    documentRequest('textDocument/codeLens', 'Code lenses', DocumentParamsSchema, (current, document, _params, token) => current.getCodeLenses(document, token))
  )

  // Followthrough's own requests: what views show, as plain JSON.
  connection.onRequest(FollowthroughRequest.recommendations, (raw: unknown, token: CancellationToken) =>
    checked(FollowthroughRequest.recommendations, NoParamsSchema, raw, () =>
      guard<RecommendationsResult>('Recommendations', { folders: [], registers: [] }, (current) => current.getRecommendations(token))
    )
  )
  connection.onRequest(FollowthroughRequest.progress, (raw: unknown, token: CancellationToken) =>
    checked(FollowthroughRequest.progress, ProgressParamsSchema, raw, (params) => guard<ProgressResult>('Progress', null, (current) => current.getProgress(params?.uri, token)))
  )
  connection.onRequest(FollowthroughRequest.discussions, (raw: unknown, token: CancellationToken) =>
    checked(FollowthroughRequest.discussions, DiscussionsParamsSchema, raw, (params) =>
      guard<DiscussionView[]>('Discussions', [], (current) => current.getDiscussions(params, token))
    )
  )
  connection.onRequest(FollowthroughRequest.progressReport, (raw: unknown, token: CancellationToken) =>
    checked(FollowthroughRequest.progressReport, ProgressParamsSchema, raw, (params) =>
      guard<ProgressReportResult>('Progress report', { html: '' }, async (current) =>
        renderProgressReport(await current.getProgressReportInput(params?.uri, token), (message) => {
          log('error', message)
        })
      )
    )
  )
  connection.onRequest(FollowthroughRequest.previewReferences, (raw: unknown, token: CancellationToken) =>
    checked(FollowthroughRequest.previewReferences, DocumentParamsSchema, raw, (params) =>
      guard<PreviewReferencesResult>('Preview references', { references: [] }, async (current) => {
        const document = documentOf(params.textDocument.uri)
        // Only documents the editor has open: a preview shows the editor's text.
        return document ? current.getPreviewReferences(document, token) : { references: [] }
      })
    )
  )

  // The commands: each edits through the editor (workspace/applyEdit).
  connection.onExecuteCommand((raw) =>
    checked('workspace/executeCommand', ExecuteCommandParamsSchema, raw, async (params) => {
      switch (params.command) {
        case FollowthroughCommand.insertStatusTable:
          return command(params.command, InsertStatusTableArgumentsSchema, params.arguments, ([where]) =>
            guard<EditResult>('Insert status table', { applied: false, message: 'Unexpected failure (see the log)' }, async (current) => {
              const document = documentOf(where.textDocument.uri)
              if (!document) return { applied: false, message: `Unexpected document ${where.textDocument.uri} that is not open, expected open minutes` }
              const table = await current.getStatusTableEdit(document, where.position)
              if ('problem' in table) return { applied: false, message: table.problem }
              const edit: WorkspaceEdit = editor.documentChanges
                ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [table.edit] }] }
                : { changes: { [document.uri]: [table.edit] } }
              return applyEdit('Insert status update table', edit)
            })
          )
        case FollowthroughCommand.newMinutes:
          return command(params.command, NewMinutesArgumentsSchema, params.arguments, ([wanted]) =>
            guard<NewMinutesResult>('New minutes', { applied: false, created: false, message: 'Unexpected failure (see the log)' }, async (current): Promise<NewMinutesResult> => {
              const plan = await current.planNewMinutes(wanted)
              if ('problem' in plan) return { applied: false, created: false, message: plan.problem }
              if (plan.exists) return { applied: false, created: false, uri: plan.uri, message: 'The minutes exist already: open them instead' }
              if (!editor.createFiles) {
                return {
                  applied: false,
                  created: false,
                  uri: plan.uri,
                  message: 'Unexpected editor that cannot create files, expected workspace.workspaceEdit.resourceOperations to include "create"'
                }
              }
              const edit: WorkspaceEdit = {
                documentChanges: [
                  { kind: 'create', uri: plan.uri, options: { overwrite: false, ignoreIfExists: true } },
                  { textDocument: { uri: plan.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: plan.text }] }
                ]
              }
              const result = await applyEdit('New minutes from template', edit)
              return { ...result, uri: plan.uri, created: result.applied }
            })
          )
        case FollowthroughCommand.showDiscussions:
          return command(params.command, ShowDiscussionsArgumentsSchema, params.arguments, ([which]) =>
            guard<DiscussionView[]>('Show discussions', [], async (current) => {
              const list = await current.getDiscussions(which)
              const newest = list[0]
              if (!newest) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `No minutes discuss ${which.id} yet.` })
              else if (editor.showDocument) await connection.window.showDocument({ uri: newest.uri, takeFocus: true, ...(newest.range ? { selection: newest.range } : {}) })
              return list
            })
          )
        default: {
          const message = `Unexpected command ${JSON.stringify(params.command)}, expected one of ${Object.values(FollowthroughCommand).join(', ')}`
          log('warn', message)
          throw new ResponseError(ErrorCodes.InvalidParams, message)
        }
      }
    })
  )

  connection.onShutdown(() => {
    if (viewsTimer !== undefined) clearTimeout(viewsTimer)
    publisher?.dispose()
    service?.dispose()
  })

  documents.listen(
    checkedSync(connection, (method, schema, params, handle) => {
      checkedNotification(method, schema, params, handle)
    })
  )
  connection.listen()
}

type Check = <S extends z.ZodType>(method: string, schema: S, params: unknown, handle: (params: z.output<S>) => void) => void

/**
 * The connection as `TextDocuments` listens to it, with the text
 * synchronisation notifications checked first: a malformed `didOpen`,
 * `didChange` or `didClose` is dropped with one line in the log instead of
 * throwing inside the library or corrupting a document.
 */
function checkedSync(connection: Connection, check: Check): Connection {
  // TextDocuments passes its own handlers; each gets only params that passed the schema.
  type Handler = (params: never) => void
  const wrap = (method: string, schema: z.ZodType, subscribe: (handler: (params: unknown) => void) => unknown) => (handler: Handler) =>
    subscribe((params) => {
      check(method, schema, params, (value) => {
        handler(value as never)
      })
    })
  return new Proxy(connection, {
    get(target, key, receiver) {
      switch (key) {
        case 'onDidOpenTextDocument':
          return wrap('textDocument/didOpen', DidOpenParamsSchema, (handler) => target.onDidOpenTextDocument(handler))
        case 'onDidChangeTextDocument':
          return wrap('textDocument/didChange', DidChangeParamsSchema, (handler) => target.onDidChangeTextDocument(handler))
        case 'onDidCloseTextDocument':
          return wrap('textDocument/didClose', DocumentParamsSchema, (handler) => target.onDidCloseTextDocument(handler))
        case 'onWillSaveTextDocument':
          return wrap('textDocument/willSave', DocumentParamsSchema, (handler) => target.onWillSaveTextDocument(handler))
        case 'onDidSaveTextDocument':
          return wrap('textDocument/didSave', DocumentParamsSchema, (handler) => target.onDidSaveTextDocument(handler))
        default:
          return Reflect.get(target, key, receiver) as unknown
      }
    }
  })
}

/** The file system's methods, bound (an object literal's methods may use `this`). */
function bind(fs: FileSystem): FileSystem {
  const bound: FileSystem = {
    readFile: (path, options) => fs.readFile(path, options),
    exists: (path) => fs.exists(path),
    glob: (patterns, cwd) => fs.glob(patterns, cwd)
  }
  // Symbolic links are resolved so that files linked from outside the workspace are refused.
  const realPath = fs.realPath?.bind(fs)
  if (realPath) bound.realPath = realPath
  return bound
}
