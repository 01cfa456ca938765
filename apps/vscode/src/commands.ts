/**
 * The extension's commands: open a register entry, pick among the minutes
 * that discuss a recommendation, and the VS Code side of the server's
 * commands (insert a status update table, new minutes from the template):
 * here only what VS Code asks the person (a folder, a kind of meeting, a
 * date); the server makes the edit and VS Code applies it.
 */
import * as vscode from 'vscode'
import type { DiscussionsParams } from '@followthrough/language-service/custom-protocol'
import { localToday } from './format.js'
import type { ServerApi } from './server-api.js'
import type { ViewsData } from './views-data.js'

/** Which recommendation a tree item, code lens or test names: `{ register, id }`. */
export function recommendationArgument(value: unknown): DiscussionsParams | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { register, id } = value as { register?: unknown; id?: unknown }
  return typeof register === 'string' && typeof id === 'string' ? { register, id } : undefined
}

/** Open a register at a recommendation's entry, the id selected. */
export async function openRecommendation(api: ServerApi, views: ViewsData, value: unknown): Promise<vscode.TextEditor | undefined> {
  const argument = recommendationArgument(value)
  if (!argument) return undefined
  if (!views.register(argument.register)) await views.refresh()
  const register = views.register(argument.register)
  const document = await vscode.workspace.openTextDocument(api.uri(argument.register))
  const editor = await vscode.window.showTextDocument(document, { preview: true })
  const range = register?.recommendations.find((entry) => entry.id === argument.id)?.range
  if (range) {
    const selection = api.range(range)
    editor.selection = new vscode.Selection(selection.start, selection.end)
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport)
  }
  return editor
}

/**
 * Quick pick of the minutes that discuss a recommendation (newest first); the
 * one picked opens at its first mention. `pick` chooses without asking (for tests).
 * The code lenses' `followthrough/showDiscussions` comes here too.
 */
export async function showDiscussions(api: ServerApi, value: unknown, pick?: number): Promise<vscode.TextEditor | undefined> {
  const argument = recommendationArgument(value)
  if (!argument) return undefined
  const list = (await api.discussions(argument)) ?? []
  if (list.length === 0) {
    void vscode.window.showInformationMessage(`No minutes discuss ${argument.id} yet.`)
    return undefined
  }
  const items = list.map((discussion) => ({ label: discussion.label, description: discussion.description, detail: discussion.detail, discussion }))
  const chosen = pick !== undefined ? items[pick] : await vscode.window.showQuickPick(items, { title: `Minutes that discuss ${argument.id}`, matchOnDescription: true })
  if (!chosen) return undefined
  const { discussion } = chosen
  return vscode.window.showTextDocument(api.uri(discussion.uri), { preview: true, ...(discussion.range ? { selection: api.range(discussion.range) } : {}) })
}

/**
 * Insert at the cursor a status update table with one row per recommendation
 * the minutes mention, each with its status today (the server's
 * `followthrough/insertStatusTable`). @returns whether the edit was applied.
 */
export async function insertStatusTable(api: ServerApi, editor: vscode.TextEditor | undefined): Promise<boolean> {
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Open the minutes to add a status update table to.')
    return false
  }
  const result = await api.insertStatusTable(editor.document, editor.selection.active)
  if (!result?.applied) void vscode.window.showWarningMessage(result?.message ?? 'The language server is not running: no table was inserted.')
  return result?.applied === true
}

/** What the new minutes command may be given instead of asking (tests, keybindings). */
export interface NewMinutesOptions {
  /** A workspace folder's URI. */
  folder?: string
  meeting?: string
  date?: string
  title?: string
}

/**
 * Create minutes from the template: asks for the folder (when there are
 * several), the kind of meeting and the date; the server writes
 * `<minutes folder>/<date>-<kind>.md` with the front matter filled in; the
 * file is saved and opened. An existing file is opened, never overwritten.
 */
export async function newMinutes(api: ServerApi, views: ViewsData, options: NewMinutesOptions = {}): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders?.filter((folder) => folder.uri.scheme === 'file') ?? []
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Open a folder first: new minutes go in its minutes folder.')
    return undefined
  }
  const active = vscode.window.activeTextEditor ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) : undefined
  let folder = options.folder !== undefined ? folders.find((candidate) => candidate.uri.toString() === options.folder) : (active ?? (folders.length === 1 ? folders[0] : undefined))
  if (!folder && options.folder === undefined) folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder are the minutes for?' })
  if (!folder) return undefined
  let kind = options.meeting
  if (kind === undefined) {
    await views.whenIdle()
    const folderUri = api.uriString(folder.uri)
    const kinds = views.data.folders.find((entry) => entry.uri === folderUri)?.meetings ?? []
    const other = 'Another kind of meeting…'
    const picked = kinds.length > 0 ? await vscode.window.showQuickPick([...kinds, other], { title: 'New minutes: kind of meeting' }) : other
    if (picked === undefined) return undefined
    kind = picked === other ? await vscode.window.showInputBox({ title: 'New minutes: kind of meeting', prompt: 'Such as accountability or partnership' }) : picked
    if (!kind) return undefined
  }
  const date = options.date ?? (await vscode.window.showInputBox({ title: 'New minutes: date of the meeting', value: localToday(), prompt: 'YYYY-MM-DD' }))
  if (!date) return undefined
  const result = await api.newMinutes({ folder: api.uriString(folder.uri), meeting: kind, date, ...(options.title !== undefined ? { title: options.title } : {}) })
  if (!result) {
    void vscode.window.showErrorMessage('The language server is not running: no minutes were created.')
    return undefined
  }
  if (result.uri === undefined) {
    void vscode.window.showErrorMessage(result.message ?? 'No minutes were created.')
    return undefined
  }
  const target = api.uri(result.uri)
  if (result.created) {
    // The server's edit fills the new file in the editor; save it, as a new file from a template is expected to be.
    const document = await vscode.workspace.openTextDocument(target)
    if (document.isDirty) await document.save()
  } else if (!result.applied && result.message !== undefined) {
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)}: ${result.message}`)
  }
  await vscode.window.showTextDocument(target)
  return target
}
