/**
 * The extension's commands that edit or open files: open a register entry,
 * list the minutes that discuss a recommendation, insert a status update
 * table, create new minutes from a template.
 */
import * as path from 'node:path'
import * as vscode from 'vscode'
import { isIsoDate } from '@followthrough/core'
import { localToday, minutesFileName, minutesFolder, minutesTemplate, statusUpdateTable, uniqueIds, type StatusRow } from './format.js'
import { enginePath, type RegisterState, type WorkspaceModel } from './model.js'

/** Which recommendation a tree item, code lens or test names. */
export interface RecommendationArgument {
  register: string
  id: string
}

function findRegister(model: WorkspaceModel, argument: RecommendationArgument | undefined): RegisterState | undefined {
  if (!argument) return undefined
  return model.registers.find((state) => state.uri.toString() === argument.register)
}

/** Tree items pass their node; commands from code lenses and tests pass `{ register, id }`. */
export function recommendationArgument(value: unknown): RecommendationArgument | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const node = value as { kind?: string; state?: RegisterState; id?: unknown; register?: unknown }
  if (node.kind === 'recommendation' && node.state && typeof node.id === 'string') return { register: node.state.uri.toString(), id: node.id }
  if (typeof node.register === 'string' && typeof node.id === 'string') return { register: node.register, id: node.id }
  return undefined
}

/** Open a register at a recommendation's entry, the id selected. */
export async function openRecommendation(model: WorkspaceModel, value: unknown): Promise<vscode.TextEditor | undefined> {
  const argument = recommendationArgument(value)
  const state = findRegister(model, argument)
  if (!state || !argument) return undefined
  const document = await vscode.workspace.openTextDocument(state.uri)
  const location = state.locations.recommendations.find((entry) => entry.id === argument.id)
  const editor = await vscode.window.showTextDocument(document, { preview: true })
  if (location) {
    const range = new vscode.Range(document.positionAt(location.idRange.start), document.positionAt(location.idRange.end))
    editor.selection = new vscode.Selection(range.start, range.end)
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport)
  }
  return editor
}

/** The quick pick items for the minutes that discuss a recommendation, newest first. */
export function discussionItems(state: RegisterState, id: string): (vscode.QuickPickItem & { source: string })[] {
  const root = state.folder.uri.fsPath
  return (state.discussions.get(id) ?? []).map((discussion) => ({
    label: `${discussion.date}${discussion.title ? `: ${discussion.title}` : ''}`,
    description: path.relative(root, discussion.source),
    detail: `${discussion.count === 1 ? 'One mention' : `${discussion.count} mentions`} of ${id}`,
    source: discussion.source
  }))
}

/**
 * Quick pick of the minutes that discuss a recommendation; the one picked
 * opens at its first mention. `pick` chooses without asking (for tests).
 */
export async function showDiscussions(model: WorkspaceModel, value: unknown, pick?: number): Promise<vscode.TextEditor | undefined> {
  const argument = recommendationArgument(value)
  const state = findRegister(model, argument)
  if (!state || !argument) return undefined
  const items = discussionItems(state, argument.id)
  if (items.length === 0) {
    void vscode.window.showInformationMessage(`No minutes discuss ${argument.id} yet.`)
    return undefined
  }
  const chosen = pick !== undefined ? items[pick] : await vscode.window.showQuickPick(items, { title: `Minutes that discuss ${argument.id}`, matchOnDescription: true })
  if (!chosen) return undefined
  const uri = vscode.Uri.file(chosen.source)
  const document = await vscode.workspace.openTextDocument(uri)
  const analysis = model.analysisFor(document)
  const first = analysis?.data.references.find((reference) => reference.id === argument.id)
  const selection = first
    ? new vscode.Range(document.positionAt(first.position.start.offset ?? 0), document.positionAt(first.position.end.offset ?? 0))
    : undefined
  return vscode.window.showTextDocument(document, { preview: true, ...(selection ? { selection } : {}) })
}

/**
 * Insert at the cursor a status update table with one row per recommendation
 * the current minutes mention (first-mention order), each pre-filled with its
 * status today. Only ids the register has; the `## Status updates` heading
 * unless the minutes have one.
 */
export async function insertStatusTable(model: WorkspaceModel, editor: vscode.TextEditor | undefined): Promise<boolean> {
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Open the minutes to add a status update table to.')
    return false
  }
  await model.whenIdle()
  const document = editor.document
  const analysis = model.analysisFor(document)
  const state = model.registerFor(document.uri)
  if (!analysis || !state) {
    void vscode.window.showWarningMessage('These minutes are not part of a Followthrough workspace (no register loaded).')
    return false
  }
  const registerId = state.register.inquiry.id
  const ids = uniqueIds(
    analysis.data.references.filter((reference) => reference.known && (reference.register === undefined || reference.register === registerId)).map((reference) => reference.id)
  )
  const rows: StatusRow[] = ids.map((id) => ({ id, status: state.facts.get(id)?.status }))
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'
  const heading = !/^#{1,6}\s+status updates\s*$/im.test(document.getText())
  const position = editor.selection.active
  const atLineStart = position.character === 0
  const text = (atLineStart ? '' : eol) + statusUpdateTable(rows, { heading, eol })
  return editor.edit((builder) => builder.insert(position, text))
}

/** What the new minutes command may be given instead of asking (tests, keybindings). */
export interface NewMinutesOptions {
  folder?: string
  meeting?: string
  date?: string
  title?: string
}

/**
 * Create minutes from a template: asks for the kind of meeting and the date,
 * fills the front matter (chair and attendees from the last minutes of that
 * kind), writes `<minutes folder>/<date>-<kind>.md` and opens it.
 */
export async function newMinutes(model: WorkspaceModel, options: NewMinutesOptions = {}): Promise<vscode.Uri | undefined> {
  await model.whenIdle()
  const folders = model.state
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Open a folder first: new minutes go in its minutes folder.')
    return undefined
  }
  const active = vscode.window.activeTextEditor ? model.folderOf(vscode.window.activeTextEditor.document.uri) : undefined
  let folder =
    folders.find((state) => state.folder.uri.toString() === options.folder) ?? (options.folder === undefined ? active : undefined) ?? (folders.length === 1 ? folders[0] : undefined)
  if (!folder) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder are the minutes for?' })
    folder = folders.find((state) => state.folder.uri.toString() === picked?.uri.toString())
    if (!folder) return undefined
  }
  const meetings = folder.minutes.flatMap((analysis) => (analysis.data.meeting ? [{ path: analysis.path, meeting: analysis.data.meeting }] : []))
  const kinds = [...new Set(meetings.map((entry) => entry.meeting.meeting))].sort()
  let kind = options.meeting
  if (kind === undefined) {
    const other = 'Another kind of meeting…'
    const picked = kinds.length > 0 ? await vscode.window.showQuickPick([...kinds, other], { title: 'New minutes: kind of meeting' }) : other
    if (picked === undefined) return undefined
    kind = picked === other ? await vscode.window.showInputBox({ title: 'New minutes: kind of meeting', prompt: 'Such as accountability or partnership' }) : picked
    if (!kind) return undefined
  }
  let date = options.date
  if (date === undefined) {
    date = await vscode.window.showInputBox({
      title: 'New minutes: date of the meeting',
      value: localToday(),
      validateInput: (value) => (isIsoDate(value) ? undefined : 'A date as YYYY-MM-DD')
    })
    if (!date) return undefined
  }
  if (!isIsoDate(date)) {
    void vscode.window.showErrorMessage(`Not a date: ${date} (use YYYY-MM-DD)`)
    return undefined
  }
  const previous = meetings.filter((entry) => entry.meeting.meeting === kind).sort((a, b) => b.meeting.date.localeCompare(a.meeting.date))[0]?.meeting
  const label = kind.charAt(0).toUpperCase() + kind.slice(1)
  const title = options.title ?? `${label} meeting, ${new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`
  const config = folder.workspace.config
  const registers = folder.registers
  const text = minutesTemplate({
    meeting: kind,
    date,
    title,
    chair: previous?.chair ?? 'Chair',
    attendees: previous?.attendees ?? [],
    register: registers.length > 1 ? (previous?.register ?? registers[0]?.register.inquiry.id) : undefined
  })
  const target = vscode.Uri.file(path.join(config.root, minutesFolder(config.config.minutes), minutesFileName(date, kind)))
  let exists = false
  try {
    await vscode.workspace.fs.stat(target)
    exists = true
  } catch {
    exists = false
  }
  if (exists) {
    void vscode.window.showWarningMessage(`${path.basename(target.fsPath)} already exists: opened it instead.`)
  } else {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text))
  }
  await vscode.window.showTextDocument(target)
  model.schedule()
  return target
}

/** Whether a path is one of the folder's registers (for `when` clauses and status bar). */
export function isRegisterPath(model: WorkspaceModel, uri: vscode.Uri): boolean {
  const target = enginePath(uri)
  return model.registers.some((state) => state.path === target)
}
