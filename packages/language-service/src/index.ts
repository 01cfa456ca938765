/**
 * @followthrough/language-service: editor features for inquiry-recommendation
 * minutes, registers and configs (diagnostics, hover, completion, definition,
 * references, document links and symbols, code actions, rename) as a pure
 * library over small injected interfaces, results shaped as LSP's.
 */
export { createLanguageService, type LanguageService, type LanguageServiceOptions } from './language-service.js'
export { FileChangeType, type CancellationToken, type Disposable, type FileChange, type ILogger, type ITextDocument, type IWorkspace, type LogLevel } from './interfaces.js'
// Results are LSP's own types, from the package that defines them (tiny, no Node, no server).
export { CompletionItemKind, DiagnosticSeverity, SymbolKind } from 'vscode-languageserver-types'
export type {
  CodeAction,
  CodeActionContext,
  CodeLens,
  Command,
  CompletionItem,
  CompletionList,
  CreateFile,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
  Position,
  Range,
  TextDocumentEdit,
  TextDocumentIdentifier,
  TextEdit,
  WorkspaceEdit
} from 'vscode-languageserver-types'
export { RenameError, type PrepareRename } from './rename.js'
export {
  FollowthroughCommand,
  FollowthroughNotification,
  FollowthroughRequest,
  insertStatusTableKind,
  type DidChangeParams,
  type DiscussionsParams,
  type DiscussionView,
  type EditResult,
  type FolderView,
  type GroupView,
  type NewMinutesParams,
  type NewMinutesResult,
  type PreviewReference,
  type PreviewReferencesParams,
  type PreviewReferencesResult,
  type ProgressParams,
  type ProgressReportResult,
  type ProgressResult,
  type ProgressSummary,
  type RecommendationsParams,
  type RecommendationsResult,
  type RecommendationView,
  type RegisterView,
  type TextDocumentPositionParams
} from './custom-protocol.js'
export type { ProgressReportInput } from './views.js'
export { codeLensTitle, statusBarText, statusBarTooltip, treeDescription, treeTooltip, type RecommendationFacts } from './view-text.js'
export { statusUpdateTable, type StatusRow } from './status-table.js'
// The template is the engine's, shared with `followthrough init`; re-exported for the editor's callers.
export { minutesFileName, minutesFolder, minutesTemplate, type MinutesTemplate } from '@followthrough/engine'
export { diagnosticSource, toDiagnostic, type DiagnosticData } from './diagnostics.js'
export { OverlayFileSystem } from './overlay-file-system.js'
export { isFilePath, normalizeUri, pathToUri, uriToPath } from './uri.js'
export { completionContext } from './completion.js'
export type { BulkAnalyzer } from './index-files.js'
