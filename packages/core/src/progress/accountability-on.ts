import type { Assurance, Evidence } from '../schemas/accountability.js'
import type { MinutesRecord } from '../schemas/records.js'
import type { Register, StatusEvent } from '../schemas/register.js'
import type { Status } from '../schemas/status.js'
import { assertIsoDate } from './assert.js'
import { currentDue, dueRevisions, type DueRevision } from './due-on.js'
import { registerUpdates, type MinutesUpdate } from './register-minutes.js'
import { responsesOn, type ResponseOn } from './responses.js'
import { statusTimeline } from './status-on.js'

/**
 * The accountability cycle of one recommendation on a date: its response, the
 * assurance of its current status (with the evidence and who claimed or
 * checked it), and its due date with every revision. Each piece comes from
 * the rule core uses for the progress figures (`responses`, `assurance`,
 * `dueOn`), so an editor's hover says what the progress report counts.
 * Optional keys are left out, never `undefined`.
 */
export interface RecommendationAccountability {
  id: string
  /** The latest response on or before the as-of date (see `responsesOn`). */
  response?: ResponseOn
  /** The status on the as-of date (see `statusOn`). */
  status: Status
  /** The day the event that gives the status took effect; absent for a baseline or default status. */
  statusDate?: string
  /** Where that event was recorded (a minutes file, or a history entry's `source`). */
  statusSource?: string
  /** That event's assurance; absent when not recorded (as `assurance` counts `not-recorded`). */
  assurance?: Assurance
  /** That event's evidence, in its order; empty when none. */
  evidence: Evidence[]
  /** Who made that claim or check. */
  by?: string
  /** The register's `due`. */
  originalDue?: string
  /** The due date on the as-of date (see `dueOn`). */
  currentDue?: string
  /** The due-date revisions on or before the as-of date, in the order they take effect (see `dueRevisions`). */
  revisions: DueRevision[]
}

/**
 * One {@link RecommendationAccountability} per recommendation of `register`,
 * in register order, on `asOf`. Takes the register and its minutes as
 * `statusesOn` does: minutes dated after `asOf` and updates naming another
 * register are ignored.
 *
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function accountabilityOn(register: Pick<Register, 'inquiry' | 'recommendations'>, minutes: readonly MinutesRecord[], asOf: string): RecommendationAccountability[] {
  assertIsoDate(asOf, 'asOf')
  const updatesById = new Map<string, MinutesUpdate[]>()
  for (const update of registerUpdates(register, minutes, asOf)) {
    const list = updatesById.get(update.id)
    if (list === undefined) updatesById.set(update.id, [update])
    else list.push(update)
  }
  const responses = responsesOn(register, minutes, asOf)
  return register.recommendations.map((recommendation) => {
    const own = updatesById.get(recommendation.id) ?? []
    const timeline = statusTimeline(recommendation, own)
    const { status } = timeline.at(asOf)
    // The event is a history entry or a minutes update as given: both may carry evidence and by.
    const event = timeline.eventAt(asOf) as StatusEvent | MinutesUpdate | undefined
    const revisions = dueRevisions(recommendation, own, asOf)
    const result: RecommendationAccountability = { id: recommendation.id, status, evidence: [...(event?.evidence ?? [])], revisions }
    const response = responses.get(recommendation.id)
    if (response !== undefined) result.response = response
    if (event !== undefined) result.statusDate = event.date
    if (event?.source !== undefined) result.statusSource = event.source
    if (event?.assurance !== undefined) result.assurance = event.assurance
    if (event?.by !== undefined) result.by = event.by
    if (recommendation.due !== undefined) result.originalDue = recommendation.due
    const due = currentDue(recommendation, asOf, own)
    if (due !== undefined) result.currentDue = due
    return result
  })
}
