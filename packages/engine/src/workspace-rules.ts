import { addDays, compareStrings, partitionPoint, statusTimeline, type Register, type Status, type StatusTimeline } from '@followthrough/core'
import type { FoundStatusUpdate } from '@followthrough/remark-recommendations'
import { findingAt, type Finding } from './finding.js'
import type { MinutesAnalysis } from './minutes.js'
import { engineRuleUrl } from './rules.js'

/**
 * How far along the usual path each status is. `blocked`, `rejected` and
 * `superseded` are side exits: moving to or from them is never "backwards".
 */
const progressRank: Partial<Record<Status, number>> = {
  'not-started': 0,
  'in-progress': 1,
  'ready-for-assessment': 2,
  implemented: 3
}

interface TimelineEvent {
  date: string
  status: Status
  /** Register history sorts before minutes on the same day: minutes win. */
  kind: 0 | 1
  order: number
  note?: string | undefined
  update?: { analysis: MinutesAnalysis; update: FoundStatusUpdate }
}

/** The date of the meeting, when the minutes have valid front matter. */
function meetingDate(analysis: MinutesAnalysis): string | undefined {
  return analysis.data.meeting?.date
}

function sameRegister(registerId: string, single: boolean, register: string | undefined): boolean {
  return register === registerId || (register === undefined && single)
}

/**
 * `status-regression` (warning): a status update in minutes that moves a
 * recommendation backwards (for example from implemented to in-progress)
 * without a note saying why. The status before the update is the one the
 * register history and earlier minutes give, by the same rule as progress.
 */
export function statusRegressions(analyses: readonly MinutesAnalysis[], registers: readonly Register[]): Finding[] {
  const findings: Finding[] = []
  const single = registers.length === 1
  for (const register of registers) {
    const registerId = register.inquiry.id
    const timelines = new Map<string, TimelineEvent[]>()
    const push = (id: string, event: TimelineEvent) => {
      const list = timelines.get(id)
      if (list) list.push(event)
      else timelines.set(id, [event])
    }
    for (const recommendation of register.recommendations) {
      recommendation.history?.forEach((event, order) => {
        // An entry that only moves the due date changes no status.
        if (event.status === undefined) return
        push(recommendation.id, { date: event.date, status: event.status, kind: 0, order, note: event.note })
      })
    }
    let order = 0
    for (const analysis of [...analyses].sort((a, b) => compareStrings(a.path, b.path))) {
      const date = meetingDate(analysis)
      if (date === undefined) continue
      for (const update of analysis.data.updates) {
        // A row that only moves the due date or records a response changes no status.
        if (update.status === undefined || !sameRegister(registerId, single, update.register)) continue
        push(update.id, {
          date,
          status: update.status,
          kind: 1,
          order: order++,
          note: update.note,
          update: { analysis, update }
        })
      }
    }
    for (const recommendation of register.recommendations) {
      const events = (timelines.get(recommendation.id) ?? []).sort((a, b) => compareStrings(a.date, b.date) || a.kind - b.kind || a.order - b.order)
      let previous: Status = recommendation.status ?? 'not-started'
      for (const event of events) {
        const before = progressRank[previous]
        const after = progressRank[event.status]
        const hasNote = event.note !== undefined && event.note.trim() !== ''
        if (event.update && before !== undefined && after !== undefined && after < before && !hasNote) {
          const { analysis, update } = event.update
          const place = update.statusPosition
          findings.push(
            findingAt(analysis.path, place, {
              severity: 'warning',
              ruleId: 'status-regression',
              message: `Unexpected ${recommendation.id} going back from ${previous} to ${event.status} without a note, expected a note saying why`,
              url: engineRuleUrl('status-regression')
            })
          )
        }
        previous = event.status
      }
    }
  }
  return findings
}

/**
 * `discussed-after-closure` (info): minutes that discuss a recommendation which
 * was already implemented or rejected before the meeting, noted once per
 * recommendation per file, at its first mention (a long document that keeps
 * coming back to a closed recommendation gets one note, not one per
 * mention). Rows of status update tables are records, not discussion, and are
 * left alone.
 */
export function discussedAfterClosure(analyses: readonly MinutesAnalysis[], registers: readonly Register[]): Finding[] {
  const findings: Finding[] = []
  const single = registers.length === 1
  // One timeline per recommendation, built once: a workspace has thousands of
  // references and each asks for a status.
  const timelines = new Map<Register, Map<string, StatusTimeline>>()
  for (const register of registers) {
    const registerId = register.inquiry.id
    const updates = new Map<string, Array<{ id: string; status: Status; date: string }>>()
    for (const analysis of analyses) {
      const date = meetingDate(analysis)
      if (date === undefined) continue
      for (const update of analysis.data.updates) {
        if (update.status === undefined || !sameRegister(registerId, single, update.register)) continue
        const list = updates.get(update.id)
        const event = { id: update.id, status: update.status, date }
        if (list) list.push(event)
        else updates.set(update.id, [event])
      }
    }
    timelines.set(register, new Map(register.recommendations.map((recommendation) => [recommendation.id, statusTimeline(recommendation, updates.get(recommendation.id) ?? [])])))
  }

  for (const analysis of analyses) {
    const date = meetingDate(analysis)
    if (date === undefined) continue
    const dayBefore = addDays(date, -1)
    const inRow = rowFinder(analysis)
    /** Timelines already settled for this file: noted, or found open. */
    const settled = new Set<StatusTimeline>()
    for (const reference of analysis.data.references) {
      const register = registers.find((candidate) => sameRegister(candidate.inquiry.id, single, reference.register))
      const timeline = register ? timelines.get(register)?.get(reference.id) : undefined
      if (!timeline || settled.has(timeline)) continue
      const offset = reference.position.start.offset
      if (inRow(offset)) continue
      settled.add(timeline)
      const before = timeline.at(dayBefore)
      if (before.status !== 'implemented' && before.status !== 'rejected') continue
      const since = before.since !== undefined ? ` since ${before.since}` : ''
      findings.push(
        findingAt(analysis.path, reference.position, {
          severity: 'info',
          ruleId: 'discussed-after-closure',
          message: `Unexpected discussion of ${reference.id}, ${before.status}${since}, expected an open recommendation (add a status update to reopen it)`,
          url: engineRuleUrl('discussed-after-closure')
        })
      )
    }
  }
  return findings
}

/**
 * Whether an offset falls in one of the file's status update rows, by binary
 * search over the rows' spans (a large document has thousands of references
 * and hundreds of rows).
 */
function rowFinder(analysis: MinutesAnalysis): (offset: number) => boolean {
  const spans = analysis.data.updates.map(({ position }) => ({ start: position.start.offset, end: position.end.offset, reach: 0 }))
  spans.sort((a, b) => a.start - b.start || a.end - b.end)
  // The furthest end of any span up to each one: rows may nest or overlap (several updates in one row).
  let reach = -Infinity
  for (const span of spans) {
    reach = Math.max(reach, span.end)
    span.reach = reach
  }
  return (offset) => {
    // From the last span starting at or before the offset back, while one may still reach past it:
    // any of these that ends after the offset covers it.
    for (let index = partitionPoint(spans, (span) => span.start <= offset) - 1; index >= 0; index--) {
      const span = spans[index]
      if (span === undefined || span.reach <= offset) return false
      if (span.end > offset) return true
    }
    return false
  }
}
