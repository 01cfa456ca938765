import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { assertIsoDate } from './assert.js'
import { registerMeetings } from './register-minutes.js'

/** A column of the coverage matrix: one meeting. */
export interface CoverageMeeting {
  /** The minutes file, as a path or URI. */
  source: string
  /** The meeting's date (`YYYY-MM-DD`). */
  date: string
  /** The meeting's title, when the record has one. */
  title?: string
}

/** A row of the coverage matrix: one recommendation. */
export interface CoverageRow {
  id: string
  /** References to the recommendation in each meeting, aligned with `Coverage.meetings`. */
  counts: number[]
  /** The sum of `counts`. */
  total: number
}

/** Which recommendations each meeting discussed, and how often. */
export interface Coverage {
  /** The meetings, sorted by date then source. */
  meetings: CoverageMeeting[]
  /** One row per recommendation, in register order. */
  rows: CoverageRow[]
}

/**
 * The coverage matrix up to `asOf`: meetings of the register (records dated on
 * or before `asOf`, sorted by date then source; see `registerMeetings`) ×
 * every recommendation of the register in register order, superseded ones
 * included (discussing a superseded recommendation is worth seeing).
 *
 * Each cell counts the references naming the recommendation in that meeting
 * (references only, not status rows, as for `staleness`). References to ids
 * the register does not have get no row: lint reports them.
 *
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function coverage(register: Pick<Register, 'inquiry' | 'recommendations'>, minutes: readonly MinutesRecord[], asOf: string): Coverage {
  assertIsoDate(asOf, 'asOf')
  const meetings = registerMeetings(register, minutes, asOf)
  const rowIndex = new Map(register.recommendations.map((recommendation, index) => [recommendation.id, index]))
  const counts = register.recommendations.map(() => meetings.map(() => 0))
  meetings.forEach((meeting, column) => {
    for (const reference of meeting.references) {
      const row = rowIndex.get(reference.id)
      const cells = row === undefined ? undefined : counts[row]
      if (cells !== undefined) cells[column] = (cells[column] ?? 0) + 1
    }
  })
  return {
    meetings: meetings.map((meeting) => {
      const column: CoverageMeeting = { source: meeting.source, date: meeting.date }
      if (meeting.title !== undefined) column.title = meeting.title
      return column
    }),
    rows: register.recommendations.map((recommendation, index) => {
      const cells = counts[index] ?? []
      return { id: recommendation.id, counts: cells, total: cells.reduce((sum, count) => sum + count, 0) }
    })
  }
}
