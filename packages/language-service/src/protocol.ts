/**
 * The few Language Server Protocol shapes the service returns, written out
 * here rather than imported, so the library depends on no LSP package and runs
 * anywhere (a language server, a VS Code extension host, a browser). Each is
 * structurally the LSP type of the same name, so a server passes results on as
 * they are (the language server's type check proves it).
 */

/** A position in a text document: 0-based line and UTF-16 character offset. */
export interface Position {
  line: number
  character: number
}

/** A range in a text document, end exclusive. */
export interface Range {
  start: Position
  end: Position
}

/** A document, by URI. */
export interface TextDocumentIdentifier {
  uri: string
}

/** A range in a document named by URI. */
export interface Location {
  uri: string
  range: Range
}

/** Diagnostic severities, as LSP numbers them. */
export const DiagnosticSeverity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const

/** A diagnostic severity. */
export type DiagnosticSeverity = 1 | 2 | 3 | 4

/** A problem in a document. */
export interface Diagnostic {
  range: Range
  severity?: DiagnosticSeverity
  /** The rule id, such as `unknown-recommendation`. */
  code?: string | number
  /** Where the rule is documented. */
  codeDescription?: { href: string }
  source?: string
  /** Always text in what this service returns; LSP 3.18 editors may send Markdown back in code action requests. */
  message: string | MarkupContent
  /** `{ ruleId, suggestions? }`: what code actions need, kept with the diagnostic. */
  data?: unknown
}

/** Text in Markdown or plain text. */
export interface MarkupContent {
  kind: 'markdown' | 'plaintext'
  value: string
}

/** What a hover shows. */
export interface Hover {
  contents: MarkupContent
  range?: Range
}

/** Completion item kinds, as LSP numbers them (the ones used here). */
export const CompletionItemKind = { Text: 1, Value: 12, Reference: 18, EnumMember: 20 } as const

/** A completion item kind. */
export type CompletionItemKind = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25

/** A replacement of a range by text. */
export interface TextEdit {
  range: Range
  newText: string
}

/** One completion proposal. */
export interface CompletionItem {
  label: string
  /** Shown after the label: `description` right-aligned (the title here). */
  labelDetails?: { detail?: string; description?: string }
  kind?: CompletionItemKind
  detail?: string
  documentation?: string | MarkupContent
  sortText?: string
  filterText?: string
  textEdit?: TextEdit
}

/** Completion proposals. */
export interface CompletionList {
  /** Whether typing more should ask again (it should: filtering uses wording, not only the label). */
  isIncomplete: boolean
  items: CompletionItem[]
}

/** A link in a document. */
export interface DocumentLink {
  range: Range
  target?: string
  tooltip?: string
}

/** Symbol kinds, as LSP numbers them (the ones used here). */
export const SymbolKind = { File: 1, Module: 2, Namespace: 3, String: 15, Key: 20, Event: 24 } as const

/** A symbol kind. */
export type SymbolKind = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26

/** One entry of a document's outline. */
export interface DocumentSymbol {
  name: string
  detail?: string
  kind: SymbolKind
  /** The whole section. */
  range: Range
  /** The heading (what is selected when the symbol is picked). */
  selectionRange: Range
  children?: DocumentSymbol[]
}

/** Edits to one version of a document (`version: null` when the document is not open). */
export interface TextDocumentEdit {
  textDocument: { uri: string; version: number | null }
  edits: TextEdit[]
}

/** Create a file. */
export interface CreateFile {
  kind: 'create'
  uri: string
  options?: { overwrite?: boolean; ignoreIfExists?: boolean }
}

/** Edits to several documents, by URI; or, in order, file creations and versioned edits. */
export interface WorkspaceEdit {
  changes?: { [uri: string]: TextEdit[] }
  documentChanges?: (TextDocumentEdit | CreateFile)[]
}

/** A command an editor runs (on the server, through `workspace/executeCommand`). */
export interface Command {
  title: string
  command: string
  arguments?: unknown[]
}

/** A command shown above a line (LSP's `textDocument/codeLens`). */
export interface CodeLens {
  range: Range
  command?: Command
}

/** A quick fix or other action on a document. */
export interface CodeAction {
  title: string
  kind?: string
  diagnostics?: Diagnostic[]
  isPreferred?: boolean
  edit?: WorkspaceEdit
  command?: Command
}

/** What the editor says about a code action request. */
export interface CodeActionContext {
  /** The diagnostics the editor shows at the range. */
  diagnostics: Diagnostic[]
  /** The kinds of actions wanted, when the editor filters. */
  only?: string[]
}

/** The answer to a prepare-rename request. */
export interface PrepareRename {
  /** The characters a rename replaces (the id, or the number of `Recommendation 12`). */
  range: Range
  /** The id to offer for editing, such as `R12`. */
  placeholder: string
}

/** Lets a long request stop early when the editor no longer wants its answer. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean
}
