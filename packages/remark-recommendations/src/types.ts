import type { Assurance, Meeting, Register, ResponseDecision, Severity, Status } from '@followthrough/core'
import type { CellEvidence } from './evidence.js'
import type { SourceSpan } from './positions.js'
import type { GrammarOptions } from './references.js'

/** Options of {@link remarkRecommendations}. Every key has a default. */
export interface Options extends GrammarOptions {
  /**
   * The loaded registers. May be empty: references are still found, but none is
   * "unknown" and no register is checked.
   */
  registers?: readonly Register[]
  /**
   * Severity per rule id, overriding {@link defaultSeverities}, such as
   * `{ 'action-without-due-date': 'off' }`. Unknown rule ids are ignored, so a
   * config meant for the CLI's workspace rules can be passed as it is.
   */
  rules?: Readonly<Record<string, Severity>>
  /** The register unqualified references name when the front matter has no `register`. */
  register?: string
}

/** A reference found in minutes. Plain JSON: positions are offsets into the original source. */
export interface FoundReference {
  /** The recommendation id, such as `R12`. */
  id: string
  /** The register it resolves to: the qualifier, else the minutes' default register; absent when ambiguous or unknown. */
  register?: string
  /** The source text at `position`, exactly. */
  text: string
  /** Where the reference is, in the original source (unist style, end exclusive). */
  position: SourceSpan
  /** `false` when a register was checked and does not have this id (or names no register); `true` otherwise. */
  known: boolean
}

/**
 * One row of a status update table: one update per recommendation named in its
 * first cell. A row whose `Status` cell is empty is still an update when it
 * moves the due date or records a response; then `status` is absent (it is not
 * a change of status).
 */
export interface FoundStatusUpdate {
  id: string
  register?: string
  /** The status; absent when the row only moves the due date or records a response. */
  status?: Status
  /** The Note, Notes or Comment cell, trimmed, when there is one and it is not empty. */
  note?: string
  /** The `Response` cell: the owner's decision, dated by the meeting. */
  response?: ResponseDecision
  /** The `Assurance` cell: how far the status is assured. */
  assurance?: Assurance
  /** The `Evidence` cell: `;`-separated items, Markdown links as `href`s. */
  evidence?: CellEvidence[]
  /** The `By` cell: who made the claim or the check. */
  by?: string
  /** The `Due` or `Revised due` cell: the revised due date (`YYYY-MM-DD`). */
  due?: string
  /** The `Reason` cell: why the due date moved. */
  reason?: string
  /** The meeting's date, when the front matter is valid. */
  date?: string
  /** The whole row. */
  position: SourceSpan
  /** The status cell's content (the whole cell when it is empty). */
  statusPosition: SourceSpan
  /** The reference in the first cell. */
  referencePosition: SourceSpan
  /** The `Due` cell's content, when the row moves the due date. */
  duePosition?: SourceSpan
  /** The `Response` cell's content, when it has a response. */
  responsePosition?: SourceSpan
  /** The `Assurance` cell's content, when it has an assurance. */
  assurancePosition?: SourceSpan
}

/** An action agreed in the meeting: a task-list item or an `ACTION:` line. */
export interface FoundAction {
  /** The action's words as plain text, without `ACTION:`, whitespace collapsed. */
  text: string
  /** A checked task-list item. */
  done: boolean
  /** An explicit `Owner: X` / `(owner: X)`, or the words before " to " ("West Mercia Police to publish…"). */
  owner?: string
  /** The due date as `YYYY-MM-DD`, when the words give one (not "the next meeting": see `nextMeeting`). */
  due?: string
  /** Where `due` comes from: a written date, or a month (its last day). */
  dueSource?: 'date' | 'month'
  /**
   * The action is due "at / by / to / for the next meeting": the engine, which
   * knows the workspace, resolves it (see `MinutesData.nextMeeting`).
   */
  nextMeeting?: true
  /** The meeting's date, when the front matter is valid. */
  date?: string
  /** The references inside the action (the same objects as in `references`). */
  references: FoundReference[]
  /** The action's paragraph. */
  position: SourceSpan
}

/** What the plugin puts on `file.data.followthrough`. Plain JSON, so it can be cached without the tree. */
export interface MinutesData {
  /** The validated front matter; absent when missing or invalid. */
  meeting?: Meeting
  /** The register unqualified references resolve to, when one could be decided. */
  register?: string
  references: FoundReference[]
  updates: FoundStatusUpdate[]
  actions: FoundAction[]
  /**
   * The date under a "Date of next meeting" or "Next meeting" heading (the
   * first date in that section), when there is one.
   */
  nextMeeting?: string
}

declare module 'vfile' {
  interface DataMap {
    /** Set by `@followthrough/remark-recommendations`. */
    followthrough: MinutesData
  }
}
