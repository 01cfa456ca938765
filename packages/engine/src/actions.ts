import { compareStrings, type ActionItem, type DueSource } from '@followthrough/core'
import { ruleUrl, type FoundAction } from '@followthrough/remark-recommendations'
import { findingAt, type Finding } from './finding.js'
import type { MinutesAnalysis } from './minutes.js'

/**
 * The actions of a workspace's minutes in core's `ActionItem` shape: one list,
 * one due date per action, whichever door shows it (the CLI's `actions` and
 * `export`, the MCP server, the editor). "At / by / to / for the next meeting"
 * needs the workspace (MISSION: the next meeting), so it is resolved here.
 */

/** An action with where it is, its due date and where that came from, and the meeting's date. */
export interface MinutesAction extends ActionItem {
  /** The meeting's date, `null` when the minutes have no valid front matter. */
  date: string | null
}

/** Where the date of "the next meeting" comes from, for one minutes file. */
export interface NextMeeting {
  date: string
  /** `minutes`: the next minutes file of the same kind (its path in `file`); `section`: the "Date of next meeting" section; `front-matter`: `next`. */
  from: 'minutes' | 'section' | 'front-matter'
  /** The later minutes file, when `from` is `minutes`. */
  file?: string
}

/**
 * The next meeting after each dated minutes file: the first minutes file of the
 * same `meeting` kind dated later (ties: the first by path), else the date under
 * its "Date of next meeting" heading, else its front matter's `next`. Files
 * without any of them, or without a date, are left out.
 */
export function nextMeetings(analyses: readonly MinutesAnalysis[]): Map<string, NextMeeting> {
  const byKind = new Map<string, Array<{ date: string; path: string }>>()
  for (const analysis of analyses) {
    const meeting = analysis.data.meeting
    if (meeting === undefined) continue
    const list = byKind.get(meeting.meeting) ?? []
    list.push({ date: meeting.date, path: analysis.path })
    byKind.set(meeting.meeting, list)
  }
  for (const list of byKind.values()) list.sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.path, b.path))
  const result = new Map<string, NextMeeting>()
  for (const analysis of analyses) {
    const meeting = analysis.data.meeting
    if (meeting === undefined) continue
    const later = byKind.get(meeting.meeting)?.find((other) => other.date > meeting.date)
    if (later !== undefined) result.set(analysis.path, { date: later.date, from: 'minutes', file: later.path })
    else if (analysis.data.nextMeeting !== undefined) result.set(analysis.path, { date: analysis.data.nextMeeting, from: 'section' })
    else if (meeting.next !== undefined) result.set(analysis.path, { date: meeting.next, from: 'front-matter' })
  }
  return result
}

/** Whether a file's actions include one due "at the next meeting" (so resolving needs the workspace). */
function hasNextMeetingAction(analysis: MinutesAnalysis): boolean {
  return analysis.data.actions.some((action) => action.nextMeeting === true)
}

/** An action's due date and its source, with the next meeting resolved. */
function dueOf(action: FoundAction, next: NextMeeting | undefined): { due: string | null; dueSource: DueSource | null } {
  if (action.due !== undefined) return { due: action.due, dueSource: action.dueSource ?? 'date' }
  if (action.nextMeeting === true && next !== undefined) return { due: next.date, dueSource: 'next-meeting' }
  return { due: null, dueSource: null }
}

/** Options of {@link minutesActions}. */
export interface MinutesActionsOptions {
  /** How a file is named in `file` (relative to the working directory, say); the absolute path by default. */
  name?: (path: string) => string
}

/**
 * Every action of the analysed minutes (task-list items and `ACTION:` lines),
 * oldest meeting first (undated minutes first), then by file, in the minutes'
 * order within a file. Minutes dated after `asOf` are left out; `overdue` is
 * open and due before `asOf`. "The next meeting" resolves against all of
 * `analyses` (see {@link nextMeetings}), so pass the whole workspace.
 *
 * @param asOf - the day to report on (`YYYY-MM-DD`).
 */
export function minutesActions(analyses: readonly MinutesAnalysis[], asOf: string, options: MinutesActionsOptions = {}): MinutesAction[] {
  const next = analyses.some(hasNextMeetingAction) ? nextMeetings(analyses) : new Map<string, NextMeeting>()
  const name = options.name ?? ((path: string) => path)
  const files = [...analyses].sort((a, b) => compareStrings(a.data.meeting?.date ?? '', b.data.meeting?.date ?? '') || compareStrings(a.path, b.path))
  const list: MinutesAction[] = []
  for (const analysis of files) {
    const date = analysis.data.meeting?.date
    if (date !== undefined && date > asOf) continue
    for (const action of analysis.data.actions) {
      const { due, dueSource } = dueOf(action, next.get(analysis.path))
      list.push({
        file: name(analysis.path),
        line: action.position.start.line,
        column: action.position.start.column,
        text: action.text,
        owner: action.owner ?? null,
        due,
        dueSource,
        done: action.done,
        references: [...new Set(action.references.map((reference) => reference.id))],
        overdue: !action.done && due !== null && due < asOf,
        date: date ?? null
      })
    }
  }
  return list
}

/**
 * The due date of each action of one file (by its index in
 * `analysis.data.actions`), with "the next meeting" resolved against the
 * workspace: what an editor shows for the file being edited.
 */
export function actionDueDates(analysis: MinutesAnalysis, analyses: readonly MinutesAnalysis[]): Array<{ due: string | null; dueSource: DueSource | null; next?: NextMeeting }> {
  // This version of the file, in place of whatever version `analyses` holds (an editor's buffer is newer).
  const next = hasNextMeetingAction(analysis) ? nextMeetings([...analyses.filter((other) => other.path !== analysis.path), analysis]).get(analysis.path) : undefined
  return analysis.data.actions.map((action) => {
    const resolved = dueOf(action, next)
    return resolved.dueSource === 'next-meeting' && next !== undefined ? { ...resolved, next } : resolved
  })
}

/**
 * `action-without-due-date` for open actions due "at the next meeting" when
 * there is no next meeting to be found: no later minutes of the same kind, no
 * "Date of next meeting" section and no `next` in the front matter. The
 * plugin reports the rest of the rule, file by file; this part needs the
 * workspace, so the CLI and the editor both get it from here.
 */
export function nextMeetingFindings(analyses: readonly MinutesAnalysis[]): Finding[] {
  if (!analyses.some(hasNextMeetingAction)) return []
  const next = nextMeetings(analyses)
  const findings: Finding[] = []
  for (const analysis of analyses) {
    if (next.has(analysis.path)) continue
    for (const action of analysis.data.actions) {
      if (action.nextMeeting !== true || action.done) continue
      const place = action.position
      findings.push(
        findingAt(analysis.path, place, {
          severity: 'info',
          ruleId: 'action-without-due-date',
          message:
            'Unexpected action for the next meeting without its date, expected later minutes of the same meeting, a "Date of next meeting" heading with a date or `next` in the front matter',
          url: ruleUrl('action-without-due-date')
        })
      )
    }
  }
  return findings
}
