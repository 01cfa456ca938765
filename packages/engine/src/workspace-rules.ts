import { addDays, compareStrings, statusTimeline, type Register, type Status, type StatusTimeline } from '@followthrough/core'
import type { Finding } from './finding.js'
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
  update?: { analysis: MinutesAnalysis; index: number }
}

function isDated(analysis: MinutesAnalysis): boolean {
  return typeof analysis.data.meeting?.date === 'string'
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
      recommendation.history?.forEach((event, order) => push(recommendation.id, { date: event.date, status: event.status, kind: 0, order, note: event.note }))
    }
    let order = 0
    for (const analysis of [...analyses].sort((a, b) => compareStrings(a.path, b.path))) {
      if (!isDated(analysis)) continue
      analysis.data.updates.forEach((update, index) => {
        if (!sameRegister(registerId, single, update.register)) return
        push(update.id, {
          date: analysis.data.meeting!.date,
          status: update.status,
          kind: 1,
          order: order++,
          note: update.note,
          update: { analysis, index }
        })
      })
    }
    for (const recommendation of register.recommendations) {
      const events = (timelines.get(recommendation.id) ?? []).sort((a, b) => compareStrings(a.date, b.date) || a.kind - b.kind || a.order - b.order)
      let previous: Status = recommendation.status ?? 'not-started'
      for (const event of events) {
        const before = progressRank[previous]
        const after = progressRank[event.status]
        const hasNote = event.note !== undefined && event.note.trim() !== ''
        if (event.update && before !== undefined && after !== undefined && after < before && !hasNote) {
          const { analysis, index } = event.update
          const update = analysis.data.updates[index]!
          const place = update.statusPosition ?? update.position
          findings.push({
            file: analysis.path,
            line: place.start.line,
            column: place.start.column,
            endLine: place.end.line,
            endColumn: place.end.column,
            ...(place.start.offset !== undefined ? { offset: place.start.offset } : {}),
            ...(place.end.offset !== undefined ? { endOffset: place.end.offset } : {}),
            severity: 'warning',
            ruleId: 'status-regression',
            message: `Unexpected ${recommendation.id} going back from ${previous} to ${event.status} without a note, expected a note saying why`,
            url: engineRuleUrl('status-regression')
          })
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
      if (!isDated(analysis)) continue
      for (const update of analysis.data.updates) {
        if (!sameRegister(registerId, single, update.register)) continue
        const list = updates.get(update.id)
        const event = { id: update.id, status: update.status, date: analysis.data.meeting!.date }
        if (list) list.push(event)
        else updates.set(update.id, [event])
      }
    }
    timelines.set(register, new Map(register.recommendations.map((recommendation) => [recommendation.id, statusTimeline(recommendation, updates.get(recommendation.id) ?? [])])))
  }

  for (const analysis of analyses) {
    if (!isDated(analysis)) continue
    const date = analysis.data.meeting!.date
    const dayBefore = addDays(date, -1)
    const inRow = rowFinder(analysis)
    /** Timelines already settled for this file: noted, or found open. */
    const settled = new Set<StatusTimeline>()
    for (const reference of analysis.data.references) {
      const register = registers.find((candidate) => sameRegister(candidate.inquiry.id, single, reference.register))
      const timeline = register ? timelines.get(register)?.get(reference.id) : undefined
      if (!timeline || settled.has(timeline)) continue
      const offset = reference.position.start.offset
      if (offset !== undefined && inRow(offset)) continue
      settled.add(timeline)
      const before = timeline.at(dayBefore)
      if (before.status !== 'implemented' && before.status !== 'rejected') continue
      const since = before.since !== undefined ? ` since ${before.since}` : ''
      findings.push({
        file: analysis.path,
        line: reference.position.start.line,
        column: reference.position.start.column,
        endLine: reference.position.end.line,
        endColumn: reference.position.end.column,
        ...(offset !== undefined ? { offset } : {}),
        ...(reference.position.end.offset !== undefined ? { endOffset: reference.position.end.offset } : {}),
        severity: 'info',
        ruleId: 'discussed-after-closure',
        message: `Unexpected discussion of ${reference.id}, ${before.status}${since}, expected an open recommendation (add a status update to reopen it)`,
        url: engineRuleUrl('discussed-after-closure')
      })
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
  const spans: Array<[number, number]> = []
  for (const update of analysis.data.updates) {
    const { start, end } = update.position
    if (start.offset !== undefined && end.offset !== undefined) spans.push([start.offset, end.offset])
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  // The furthest end of any span up to each index: rows may nest or overlap (several updates in one row).
  const reach: number[] = []
  spans.forEach(([, end], index) => reach.push(Math.max(end, reach[index - 1] ?? -Infinity)))
  return (offset) => {
    // The last span starting at or before the offset.
    let low = 0
    let high = spans.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (spans[middle]![0] <= offset) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    if (found < 0) return false
    // Any span starting at or before the offset that ends after it covers it.
    for (let index = found; index >= 0 && reach[index]! > offset; index--) {
      const [start, end] = spans[index]!
      if (start <= offset && offset < end) return true
    }
    return false
  }
}
