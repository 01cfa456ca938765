/**
 * The one adapter between the language server and VS Code: Followthrough's
 * own requests and commands, typed, and every conversion of what they answer
 * (LSP ranges and URIs) into VS Code's types, through the language client's
 * converter. Everything else in the extension speaks VS Code.
 */
import * as vscode from 'vscode'
import { State, type LanguageClient } from 'vscode-languageclient/node'
import {
  FollowthroughCommand,
  FollowthroughRequest,
  type DiscussionsParams,
  type DiscussionView,
  type EditResult,
  type NewMinutesParams,
  type NewMinutesResult,
  type PreviewReferencesResult,
  type ProgressReportResult,
  type ProgressResult,
  type RecommendationsResult,
  type TextDocumentPositionParams
} from '@followthrough/language-service/custom-protocol'

/** A range the server sent (0-based lines and UTF-16 characters, as VS Code counts them). */
export interface ServerRange {
  start: { line: number; character: number }
  end: { line: number; character: number }
}

/** The server's answers, for a client that is running; `undefined` when it is not. */
export class ServerApi {
  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** The running client, if any (requests wait for a starting one). */
  private running(): LanguageClient | undefined {
    const client = this.client()
    return client && (client.isRunning() || client.state === State.Starting) ? client : undefined
  }

  private async request<T>(method: string, params: unknown): Promise<T | undefined> {
    const client = this.running()
    if (!client) return undefined
    return client.sendRequest<T>(method, params)
  }

  recommendations(): Promise<RecommendationsResult | undefined> {
    return this.request<RecommendationsResult>(FollowthroughRequest.recommendations, {})
  }

  progress(uri: vscode.Uri | undefined): Promise<ProgressResult | undefined> {
    return this.request<ProgressResult>(FollowthroughRequest.progress, uri ? { uri: this.uriString(uri) } : {})
  }

  discussions(params: DiscussionsParams): Promise<DiscussionView[] | undefined> {
    return this.request<DiscussionView[]>(FollowthroughRequest.discussions, params)
  }

  progressReport(uri: string | undefined): Promise<ProgressReportResult | undefined> {
    return this.request<ProgressReportResult>(FollowthroughRequest.progressReport, uri !== undefined ? { uri } : {})
  }

  /** The references of open minutes as the Markdown preview links them. */
  previewReferences(uri: vscode.Uri): Promise<PreviewReferencesResult | undefined> {
    return this.request<PreviewReferencesResult>(FollowthroughRequest.previewReferences, { textDocument: { uri: this.uriString(uri) } })
  }

  /** Insert a status update table at a position (the server edits through `workspace/applyEdit`). */
  insertStatusTable(document: vscode.TextDocument, position: vscode.Position): Promise<EditResult | undefined> {
    const client = this.running()
    if (!client) return Promise.resolve(undefined)
    const argument: TextDocumentPositionParams = { textDocument: { uri: this.uriString(document.uri) }, position: client.code2ProtocolConverter.asPosition(position) }
    return this.command<EditResult>(FollowthroughCommand.insertStatusTable, argument)
  }

  /** Create minutes from the template (the server edits through `workspace/applyEdit`). */
  newMinutes(params: NewMinutesParams): Promise<NewMinutesResult | undefined> {
    return this.command<NewMinutesResult>(FollowthroughCommand.newMinutes, params)
  }

  private command<T>(command: string, argument: unknown): Promise<T | undefined> {
    return this.request<T>('workspace/executeCommand', { command, arguments: [argument] })
  }

  /** A URI as the server spells it. */
  uriString(uri: vscode.Uri): string {
    return this.running()?.code2ProtocolConverter.asUri(uri) ?? uri.toString()
  }

  /** A URI the server sent. */
  uri(value: string): vscode.Uri {
    return this.running()?.protocol2CodeConverter.asUri(value) ?? vscode.Uri.parse(value)
  }

  /** A range the server sent. */
  range(range: ServerRange): vscode.Range {
    return this.running()?.protocol2CodeConverter.asRange(range) ?? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character)
  }
}
