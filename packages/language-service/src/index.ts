/**
 * @followthrough/language-service: editor features for inquiry-recommendation
 * minutes, registers and configs (diagnostics, hover, completion, definition,
 * references, document links and symbols, code actions, rename) as a pure
 * library over small injected interfaces, results shaped as LSP's.
 */
export { createLanguageService, type LanguageService, type LanguageServiceOptions } from './language-service.js'
export { FileChangeType, type Disposable, type FileChange, type ILogger, type ITextDocument, type IWorkspace, type LogLevel } from './interfaces.js'
export {
  CompletionItemKind,
  DiagnosticSeverity,
  SymbolKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionContext,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
  type Position,
  type PrepareRename,
  type Range,
  type TextEdit,
  type WorkspaceEdit
} from './protocol.js'
export { RenameError } from './rename.js'
export { diagnosticSource, toDiagnostic, type DiagnosticData } from './diagnostics.js'
export { OverlayFileSystem } from './overlay-file-system.js'
export { normalizeUri, pathToUri, uriToPath } from './uri.js'
export { completionContext } from './completion.js'
export type { BulkAnalyzer } from './folder-index.js'
