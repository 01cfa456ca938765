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
      recommendation.history?.forEach((event, order) =>
        push(recommendation.id, { date: event.date, status: event.status, kind: 0, order, note: event.note })
      )
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
      const events = (timelines.get(recommendation.id) ?? []).sort(
        (a, b) => compareStrings(a.date, b.date) || a.kind - b.kind || a.order - b.order
      )
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
 * was already implemented or rejected before the meeting. Rows of status update
 * tables are records, not discussion, and are left alone.
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
    const rows = analysis.data.updates.map((update) => update.position)
    for (const reference of analysis.data.references) {
      const register = registers.find((candidate) => sameRegister(candidate.inquiry.id, single, reference.register))
      const timeline = register ? timelines.get(register)?.get(reference.id) : undefined
      if (!timeline) continue
      const offset = reference.position.start.offset
      const inRow = rows.some((row) => offset !== undefined && row.start.offset !== undefined && row.end.offset !== undefined && offset >= row.start.offset && offset < row.end.offset)
      if (inRow) continue
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
