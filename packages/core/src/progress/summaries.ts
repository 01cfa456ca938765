import { daysBetween } from '../dates.js'
import type { Assurance, Evidence } from '../schemas/accountability.js'
import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import type { Status } from '../schemas/status.js'
import type { Progress } from './compute-progress.js'
import { dueRevisions, type DueRevision } from './due-on.js'
import { updatesById, updatesOfRegister } from './register-minutes.js'
import { responsesOn, type RecordedResponse } from './responses.js'
import { statusTimeline } from './status-on.js'

/**
 * What every door says about one recommendation on the as-of date: the
 * editor's hover card, tree and code lens, the agent interface and the
 * spreadsheet all read these facts, so they always agree. Optional keys are
 * left out, never `undefined` (the summary goes through `JSON.stringify`).
 */
export interface RecommendationSummary {
  id: string
  title: string
  /** The recommendation's wording, when the register has it. */
  text?: string
  /** Owner ids, as in the register. */
  owners: string[]
  /** Owner names (the id when the register has no name for it), aligned with `owners`. */
  ownerNames: string[]
  themes: string[]
  /** The status on the as-of date (`statusOn`). */
  status: Status
  /** Since when it has had that status, when a dated event set it. */
  since?: string
  /**
   * The due date the register gives (`due`): the original due date. When it
   * moved, `currentDue` and `dueRevisions` say where it is now and why.
   */
  due?: string
  /** The due date on the as-of date, when a revision moved it (see `dueOn`); `overdue` and `dueSoon` use it. */
  currentDue?: string
  /** Every revision of the due date on or before the as-of date, in the order they took effect; absent when it never moved. */
  dueRevisions?: DueRevision[]
  /** The owner's response on the as-of date (see `responsesOn`); absent while awaited. */
  response?: RecordedResponse
  /** How far the current status is assured: the `assurance` of the event that set it, when recorded. */
  assurance?: Assurance
  /** The evidence of the event that set the current status, when it lists any. */
  evidence?: Evidence[]
  /** Who made the claim or the check that set the current status (`by`), when recorded. */
  by?: string
  /** Open and past `due` on the as-of date (see `overdue`). */
  overdue: boolean
  /** Whole days past `due`, when overdue. */
  daysOverdue?: number
  /** Open and due within the due-soon window (see `dueSoon`). */
  dueSoon: boolean
  /** Whole days until `due`, when due soon. */
  daysUntilDue?: number
  /** How many references the register's minutes up to the as-of date make to it. */
  discussedTimes: number
  /** The date of the latest meeting that referenced it; absent when never. */
  lastDiscussed?: string
  /** That meeting's minutes file; absent when never discussed. */
  lastDiscussedIn?: string
  /** Days from `lastDiscussed` to the as-of date. */
  daysSinceDiscussed?: number
  /** Meetings of the register after `lastDiscussed` (every meeting when never discussed), up to the as-of date. */
  meetingsSince: number
  /** The recommendation that replaces this one. */
  supersededBy?: string
}

/**
 * One {@link RecommendationSummary} per recommendation of `register`, in
 * register order, from its progress on a date (`computeProgress`): nothing is
 * computed twice, and the figures are those of the progress report.
 *
 * @param register - the register `progress` was computed for.
 * @param progress - its progress on the as-of date.
 * @param minutes - the minutes `progress` was computed from, for the responses, assurance and due-date revisions they record; the register's alone when left out.
 */
export function recommendationSummaries(
  register: Pick<Register, 'owners' | 'recommendations'>,
  progress: Progress,
  minutes: readonly MinutesRecord[] = []
): RecommendationSummary[] {
  // The register's minutes updates up to the as-of date (progress names the register by its id).
  const updates = updatesOfRegister(progress.register.id, minutes, progress.asOf)
  const grouped = updatesById(updates)
  const responded = responsesOn(register, updates, progress.asOf)
  const status = new Map(progress.statuses.map((entry) => [entry.id, entry]))
  const late = new Map(progress.overdue.map((entry) => [entry.id, entry]))
  const soon = new Map(progress.dueSoon.map((entry) => [entry.id, entry]))
  const stale = new Map(progress.staleness.map((entry) => [entry.id, entry]))
  const rows = new Map(progress.coverage.rows.map((row) => [row.id, row]))
  const names = new Map(register.owners.map((owner) => [owner.id, owner.name]))
  const meetings = progress.coverage.meetings
  return register.recommendations.map((recommendation) => {
    const { id } = recommendation
    const current = status.get(id)
    const overdue = late.get(id)
    const due = soon.get(id)
    const row = rows.get(id)
    // Staleness leaves superseded recommendations out; the coverage matrix keeps them.
    let last: { date: string; source: string } | undefined
    row?.counts.forEach((count, index) => {
      const meeting = meetings[index]
      if (count > 0 && meeting !== undefined) last = meeting
    })
    const seen = stale.get(id)
    const summary: RecommendationSummary = {
      id,
      title: recommendation.title,
      owners: [...recommendation.owners],
      ownerNames: recommendation.owners.map((owner) => names.get(owner) ?? owner),
      themes: [...(recommendation.themes ?? [])],
      status: current?.status ?? 'not-started',
      overdue: overdue !== undefined,
      dueSoon: due !== undefined,
      discussedTimes: row?.total ?? 0,
      meetingsSince: seen?.meetingsSince ?? meetings.filter((meeting) => last === undefined || meeting.date > last.date).length
    }
    if (recommendation.text !== undefined) summary.text = recommendation.text
    if (current?.since !== undefined) summary.since = current.since
    if (recommendation.due !== undefined) summary.due = recommendation.due
    if (overdue) summary.daysOverdue = overdue.daysOverdue
    if (due) summary.daysUntilDue = due.daysUntilDue
    const lastDiscussed = seen?.lastDiscussed ?? last?.date
    const lastDiscussedIn = seen?.lastDiscussedIn ?? last?.source
    if (lastDiscussed !== undefined && lastDiscussedIn !== undefined) {
      summary.lastDiscussed = lastDiscussed
      summary.lastDiscussedIn = lastDiscussedIn
      summary.daysSinceDiscussed = seen?.daysSince ?? daysBetween(lastDiscussed, progress.asOf)
    }
    if (recommendation.supersededBy !== undefined) summary.supersededBy = recommendation.supersededBy
    const revisions = dueRevisions(recommendation, grouped.get(id) ?? [], progress.asOf)
    const currentDue = revisions.at(-1)?.due
    if (currentDue !== undefined) {
      summary.currentDue = currentDue
      summary.dueRevisions = revisions
    }
    const response = responded.get(id)
    if (response !== undefined) summary.response = response
    const event = statusTimeline(recommendation, grouped.get(id) ?? []).eventAt(progress.asOf)
    if (event?.assurance !== undefined) summary.assurance = event.assurance
    if (event !== undefined && 'evidence' in event && event.evidence !== undefined && event.evidence.length > 0) summary.evidence = event.evidence.map((item) => ({ ...item }))
    if (event !== undefined && 'by' in event && event.by !== undefined) summary.by = event.by
    return summary
  })
}
