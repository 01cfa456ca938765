/**
 * Followthrough's own requests, notification and commands, beside LSP's: what
 * an editor's views (a tree of recommendations, a status bar item, a progress
 * page) and its commands ask the language server. Plain JSON both ways. This
 * file has no runtime imports, so a thin client (the VS Code extension)
 * imports the names and shapes from `@followthrough/language-service/custom-protocol`
 * without bundling the engine.
 */
import type { Assurance, Status } from '@followthrough/core'
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-types'

/** The custom requests' methods. */
export const FollowthroughRequest = {
  /** Every register of every folder, with its recommendations grouped for a tree: {@link RecommendationsParams} → {@link RecommendationsResult}. */
  recommendations: 'followthrough/recommendations',
  /** The progress of the register a file belongs to, for a status bar: {@link ProgressParams} → {@link ProgressResult}. */
  progress: 'followthrough/progress',
  /** The minutes that discuss a recommendation, newest first: {@link DiscussionsParams} → {@link DiscussionView}[]. */
  discussions: 'followthrough/discussions',
  /** The HTML progress report of the register a file belongs to: {@link ProgressParams} → {@link ProgressReportResult}. */
  progressReport: 'followthrough/progressReport',
  /**
   * The references of open minutes as a Markdown preview links them, each
   * with its register entry, titles and statuses: {@link PreviewReferencesParams} → {@link PreviewReferencesResult}.
   */
  previewReferences: 'followthrough/previewReferences'
} as const

/** The custom notifications' methods (server to editor). */
export const FollowthroughNotification = {
  /**
   * The index changed (a register, the config or some minutes' facts): views
   * built from the custom requests should ask again. Sent once edits settle,
   * never per keystroke. Params: {@link DidChangeParams}.
   */
  didChange: 'followthrough/didChange'
} as const

/** The commands the server runs (`workspace/executeCommand`); each edits through `workspace/applyEdit`. */
export const FollowthroughCommand = {
  /** Insert a status update table at a position of minutes: arguments `[TextDocumentPositionParams]` → {@link EditResult}. */
  insertStatusTable: 'followthrough/insertStatusTable',
  /** Create minutes from the template: arguments `[NewMinutesParams]` → {@link NewMinutesResult}. */
  newMinutes: 'followthrough/newMinutes',
  /**
   * Open the newest minutes that discuss a recommendation at its first
   * mention (`window/showDocument`): arguments `[DiscussionsParams]` → {@link DiscussionView}[].
   * The code lenses on register entries run it; an editor with a picker of
   * its own may ask `followthrough/discussions` instead.
   */
  showDiscussions: 'followthrough/showDiscussions'
} as const

/** The kind of the "insert status update table" code action (a source action, so no light bulb). */
export const insertStatusTableKind = 'source.followthrough.insertStatusTable'

/** `followthrough/didChange`. */
export interface DidChangeParams {
  /** The root folders whose index changed. */
  folders: string[]
}

/** `followthrough/recommendations`: no parameters. */
export type RecommendationsParams = Record<string, never> | null | undefined

/** `followthrough/recommendations`. */
export interface RecommendationsResult {
  /** Every root folder, in workspace order. */
  folders: FolderView[]
  /** Every register that loaded (or has a last valid version), in folder then config order. */
  registers: RegisterView[]
}

/** What loaded in one root folder (for an output channel). */
export interface FolderView {
  uri: string
  /** The folder's last path segment. */
  name: string
  /** The config file, when there is one. */
  config?: string | undefined
  /** How many problems the config has. */
  configProblems: number
  /** The config's `minutes` globs. */
  minutesGlobs: string[]
  /** How many minutes files are indexed. */
  minutes: number
  /** Whether every minutes file has been analysed. */
  complete: boolean
  /** Kinds of meeting the minutes record (`accountability`), sorted: what new minutes can be. */
  meetings: string[]
  /** Register files with no valid version, and their first problem. */
  failedRegisters: { uri: string; message: string }[]
}

/** A register and everything a tree, a status bar or a code lens shows about it. */
export interface RegisterView {
  /** The register file. */
  uri: string
  /** The root folder it belongs to. */
  folder: string
  /** The inquiry's id (`iitcse`) and title. */
  id: string
  title: string
  /**
   * Whether the file has errors now and this is its last valid version (what
   * the minutes are checked against meanwhile, as the diagnostics say).
   */
  stale: boolean
  progress: ProgressSummary
  /**
   * Recommendations grouped by status (in the usual order), by owner (unowned
   * last) and by the assurance of their current status (claimed, evidenced,
   * verified, then not recorded; superseded left out): ids, sorted as people count them.
   */
  groups: { status: GroupView[]; owner: GroupView[]; assurance: GroupView[] }
  /** Every recommendation, in register order. */
  recommendations: RecommendationView[]
}

/** A register's headline figures. */
export interface ProgressSummary {
  /** The day reported on. */
  asOf: string
  implemented: number
  total: number
  overdue: number
  /** `R 37/46 implemented` (the config's prefix first). */
  text: string
  /** The register, then its counts by status, then the totals, one per line. */
  tooltip: string
  /** Counts by status, in the usual order, zeros left out. */
  byStatus: { status: Status; label: string; count: number }[]
}

/** A group of recommendations in a tree. */
export interface GroupView {
  /** `status:in-progress`, `owner:police`, `owner:` (no owner), `assurance:verified`, `assurance:` (not recorded). */
  key: string
  label: string
  /** The group's status, when grouped by status. */
  status?: Status | undefined
  /** The group's assurance, when grouped by assurance (absent on "Not recorded"). */
  assurance?: Assurance | undefined
  ids: string[]
}

/** One recommendation, as a tree item or a code lens shows it. */
export interface RecommendationView {
  id: string
  title: string
  status: Status
  /** The status as people write it (`In progress`). */
  statusLabel: string
  since?: string | undefined
  /** The current due date (after any revision). */
  due?: string | undefined
  overdue: boolean
  daysOverdue?: number | undefined
  /** The assurance of the event that set the status, when recorded. */
  assurance?: Assurance | undefined
  /** How often the due date moved and by how many days in all (core's slippage), when it moved. */
  slipped?: { revisions: number; days: number } | undefined
  /** Owners by name. */
  owners: string[]
  /** References to it in the minutes. */
  discussedTimes: number
  lastDiscussed?: string | undefined
  /** `due 2024-03-31 (overdue) · last discussed 2024-01-17`. */
  description: string
  /** Markdown: id and title, status, owners, due date, discussions. */
  tooltip: string
  /** Where its id is written in the register file (absent when it cannot be located). */
  range?: Range | undefined
}

/** `followthrough/progress` and `followthrough/progressReport`. */
export interface ProgressParams {
  /**
   * A file: a register is its own; minutes have the register their front
   * matter names, else their folder's first. Without one, the first register.
   */
  uri?: string | undefined
}

/** `followthrough/progress`: `null` when no register is loaded for the file. */
export type ProgressResult = {
  /** The register file, its inquiry id and title. */
  register: { uri: string; id: string; title: string; stale: boolean }
  progress: ProgressSummary
} | null

/** `followthrough/progressReport`. */
export interface ProgressReportResult {
  /** The register reported on; absent when none is loaded (the HTML says so). */
  register?: { uri: string; id: string; title: string } | undefined
  /**
   * A whole HTML page, the same report as `followthrough report` writes: its
   * Content-Security-Policy loads nothing and runs only its own hashed script.
   */
  html: string
}

/** `followthrough/discussions` and the `followthrough/showDiscussions` command. */
export interface DiscussionsParams {
  /** The register file. */
  register: string
  /** The recommendation's id. */
  id: string
}

/** Minutes that discuss a recommendation. */
export interface DiscussionView {
  /** The minutes file. */
  uri: string
  date: string
  title?: string | undefined
  /** References to the recommendation in that file. */
  count: number
  /** The first mention. */
  range?: Range | undefined
  /** `2024-01-17: Accountability meeting`. */
  label: string
  /** The file, relative to its folder. */
  description: string
  /** `3 mentions of R14`. */
  detail: string
}

/** The `followthrough/insertStatusTable` command's argument: where to insert (what `textDocument/hover` takes). */
export interface TextDocumentPositionParams {
  textDocument: TextDocumentIdentifier
  position: Position
}

/** What an editing command returns. */
export interface EditResult {
  /** Whether the editor applied the edit (`workspace/applyEdit`). */
  applied: boolean
  /** Why nothing was edited, worded for people. */
  message?: string | undefined
}

/** The `followthrough/newMinutes` command's argument. */
export interface NewMinutesParams {
  /** A root folder (or any file in it); may be left out when there is one folder. */
  folder?: string | undefined
  /** The kind of meeting, such as `accountability`. */
  meeting: string
  /** `YYYY-MM-DD`. */
  date: string
  /** The title; by default `Accountability meeting, 15 January 2025`. */
  title?: string | undefined
}

/** What `followthrough/newMinutes` returns. */
export interface NewMinutesResult extends EditResult {
  /** The minutes file: created, or already there (then nothing was edited). */
  uri?: string | undefined
  /** Whether the file was created (`false` when it exists: open it instead). */
  created: boolean
}

/** `followthrough/previewReferences`: the minutes (open in the editor). */
export interface PreviewReferencesParams {
  textDocument: TextDocumentIdentifier
}

/** `followthrough/previewReferences`. */
export interface PreviewReferencesResult {
  /** The document's version the references were found in, when the server has it open. */
  version?: number | undefined
  /** In document order, one per span (a range such as `R3–R5` is one). */
  references: PreviewReference[]
}

/**
 * A reference as a Markdown preview shows it: a link to the register entry,
 * the title as a tooltip and a badge per status (the shape the
 * `@followthrough/markdown-it-recommendations` plugin takes).
 */
export interface PreviewReference {
  /** Where it is written. */
  range: Range
  /** The reference as written (`R3`, `Recommendation\n14`). */
  text: string
  /** The register entry, relative to the minutes: `../recommendations.yaml#L42` (the fragment is a 1-based line). */
  href: string
  /** The recommendations it names, in order. */
  ids: string[]
  /** `R3: Adopt a victim-first approach`, one line per recommendation. */
  title: string
  /** One per distinct status, as of today: `{ status: 'in-progress', label: 'In progress' }`. */
  badges: { status: Status; label: string }[]
}
